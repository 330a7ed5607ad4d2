// Names of inventory fields, checked by the compiler.
//
// A field is named "<Struct>.<member>" ("DbInstance.storage_encrypted");
// "<Struct>.*" stands for every member of the struct. Checks list the
// fields they read (CheckMetadata::reads), and the IaC mappers mark the
// fields whose value is unknown until apply, with the same names. Writing
// them with POSTURE_FIELD makes a misspelt struct or member a compile error
// instead of a field that silently matches nothing.
#pragma once

#include <string_view>

namespace posture::inventory {

// `name` itself; the template argument only has to compile.
template <auto Member>
constexpr std::string_view FieldName(std::string_view name) {
  return name;
}
template <typename Struct>
constexpr std::string_view EveryFieldName(std::string_view name) {
  static_assert(sizeof(Struct) > 0);
  return name;
}

}  // namespace posture::inventory

// POSTURE_FIELD(DbInstance, storage_encrypted) -> "DbInstance.storage_encrypted"
#define POSTURE_FIELD(Struct, member) \
  ::posture::inventory::FieldName<&::posture::inventory::Struct::member>(#Struct "." #member)
// POSTURE_EVERY_FIELD(IamUser) -> "IamUser.*"
#define POSTURE_EVERY_FIELD(Struct) ::posture::inventory::EveryFieldName<::posture::inventory::Struct>(#Struct ".*")
