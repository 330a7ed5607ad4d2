# posture_subsystem(<name> SOURCES <files...> [PUBLIC <deps...>] [PRIVATE <deps...>])
#
# Declares the library of one folder under src/ (target posture_<name>) with
# its explicit file list. A dependency that is a folder under src/ names
# another subsystem (target posture_<dep>); any other is an external target
# (nlohmann_json::nlohmann_json, yaml-cpp, ...). A folder may include headers of exactly the subsystems it names
# here: the `layering` test (cmake/check_layering.cmake) fails on an #include
# of any other, so a back-edge cannot creep in.
function(posture_subsystem name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  set(target posture_${name})
  list(FILTER ARG_SOURCES INCLUDE REGEX ".")
  set(compiled ${ARG_SOURCES})
  list(FILTER compiled INCLUDE REGEX "\\.cc$")
  if(compiled)
    add_library(${target} STATIC ${ARG_SOURCES})
    set(public_scope PUBLIC)
    set(private_scope PRIVATE)
  else()
    add_library(${target} INTERFACE ${ARG_SOURCES})
    set(public_scope INTERFACE)
    set(private_scope INTERFACE)
  endif()
  target_include_directories(${target} ${public_scope} ${PROJECT_SOURCE_DIR}/src)
  set(allowed "")
  foreach(scope public private)
    string(TOUPPER ${scope} upper)
    foreach(dep ${ARG_${upper}})
      if(IS_DIRECTORY ${PROJECT_SOURCE_DIR}/src/${dep})
        list(APPEND allowed ${dep})
        target_link_libraries(${target} ${${scope}_scope} posture_${dep})
      else()
        target_link_libraries(${target} ${${scope}_scope} ${dep})
      endif()
    endforeach()
  endforeach()
  string(REPLACE ";" "," allowed "${allowed}")
  set_property(GLOBAL APPEND PROPERTY POSTURE_LAYERING "${name}=${allowed}")
endfunction()

# Writes every subsystem's declared dependencies, one "name=dep,dep" line
# each, for the `layering` test.
function(posture_write_layering file)
  get_property(layering GLOBAL PROPERTY POSTURE_LAYERING)
  string(REPLACE ";" "\n" text "${layering}")
  file(WRITE ${file} "${text}\n")
endfunction()
