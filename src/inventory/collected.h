// Collected<T>: one section of the inventory, either its value or the
// CollectionError saying which call failed and why, so that a check whose
// data is missing reports ERROR instead of a false PASS. Plain values.
#pragma once

#include <optional>
#include <string>

namespace posture::inventory {

// Why a section of the inventory is missing.
struct CollectionError {
  std::string service;    // "ec2"
  std::string operation;  // "DescribeSecurityGroups"
  std::string region;     // "" for global services
  std::string kind;       // aws::ErrorKindName: "access_denied", "throttled", ...
  std::string code;       // AWS error code, may be empty
  std::string message;    // one line, no secrets
  std::string account_id = {};  // set in organization scans, where errors of many accounts meet
};

template <typename T>
struct Collected {
  std::optional<T> value;
  std::optional<CollectionError> error;

  bool ok() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
  void set(T v) {
    value = std::move(v);
    error.reset();
  }
  void fail(CollectionError e) {
    value.reset();
    error = std::move(e);
  }
};

}  // namespace posture::inventory
