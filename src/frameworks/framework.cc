#include "frameworks/framework.h"

#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace posture::frameworks {

extern const char* const kCisAwsFoundationsJson;

namespace {

std::string RequiredString(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw std::runtime_error(where + ": missing or empty string '" + key + "'");
  }
  return it->get<std::string>();
}

Control ParseControl(const nlohmann::json& item, const std::string& where) {
  if (!item.is_object()) throw std::runtime_error(where + ": a control must be an object");
  Control control;
  control.id = RequiredString(item, "id", where);
  const std::string here = where + " control " + control.id;
  control.title = RequiredString(item, "title", here);
  control.manual = item.value("manual", false);
  const auto checks = item.find("checks");
  if (checks != item.end()) {
    if (!checks->is_array()) throw std::runtime_error(here + ": 'checks' must be a list of check ids");
    for (const auto& id : *checks) {
      if (!id.is_string()) throw std::runtime_error(here + ": 'checks' must be a list of check ids");
      control.checks.push_back(id.get<std::string>());
    }
  }
  if (!control.manual && control.checks.empty()) {
    throw std::runtime_error(here + ": an automated control needs at least one check");
  }
  return control;
}

}  // namespace

std::vector<Framework> ParseFrameworks(std::string_view json) {
  const auto document = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) throw std::runtime_error("frameworks: malformed JSON");
  const auto list = document.find("frameworks");
  if (list == document.end() || !list->is_array()) throw std::runtime_error("frameworks: no 'frameworks' list");
  std::vector<Framework> out;
  std::set<std::string> ids;
  for (const auto& item : *list) {
    if (!item.is_object()) throw std::runtime_error("frameworks: each framework must be an object");
    Framework framework;
    framework.id = RequiredString(item, "id", "frameworks");
    const std::string where = "framework " + framework.id;
    if (!ids.insert(framework.id).second) throw std::runtime_error(where + ": defined twice");
    framework.title = RequiredString(item, "title", where);
    framework.version = RequiredString(item, "version", where);
    const auto controls = item.find("controls");
    if (controls == item.end() || !controls->is_array()) throw std::runtime_error(where + ": no 'controls' list");
    std::set<std::string> control_ids;
    for (const auto& control : *controls) {
      framework.controls.push_back(ParseControl(control, where));
      if (!control_ids.insert(framework.controls.back().id).second) {
        throw std::runtime_error(where + " control " + framework.controls.back().id + ": defined twice");
      }
    }
    out.push_back(std::move(framework));
  }
  return out;
}

const std::vector<Framework>& AllFrameworks() {
  static const std::vector<Framework> kFrameworks = ParseFrameworks(kCisAwsFoundationsJson);
  return kFrameworks;
}

const Framework* FindFramework(std::string_view id) {
  for (const auto& framework : AllFrameworks()) {
    if (framework.id == id) return &framework;
  }
  return nullptr;
}

std::string FrameworkIds() {
  std::string out;
  for (const auto& framework : AllFrameworks()) out += (out.empty() ? "" : ", ") + framework.id;
  return out;
}

const std::map<std::string, std::vector<std::string>>& ControlsOf(std::string_view check_id) {
  using ByFramework = std::map<std::string, std::vector<std::string>>;
  static const std::map<std::string, ByFramework, std::less<>> kIndex = [] {
    std::map<std::string, ByFramework, std::less<>> index;
    for (const auto& framework : AllFrameworks()) {
      for (const auto& control : framework.controls) {
        for (const auto& check : control.checks) index[check][framework.id].push_back(control.id);
      }
    }
    return index;
  }();
  static const ByFramework kNone;
  const auto it = kIndex.find(check_id);
  return it == kIndex.end() ? kNone : it->second;
}

std::string_view FirstControlOf(std::string_view check_id, std::string_view framework_id) {
  const auto& controls = ControlsOf(check_id);
  const auto it = controls.find(std::string(framework_id));
  return it == controls.end() || it->second.empty() ? std::string_view() : std::string_view(it->second.front());
}

}  // namespace posture::frameworks
