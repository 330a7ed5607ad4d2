// Helpers every collector shares: reading parsed AWS output without
// exceptions, tags, ARNs, IAM policy documents, and turning an aws::Error
// into the inventory's CollectionError.
//
// The readers take the JSON the client returns (botocore member names) and
// tolerate anything: a missing or mistyped member reads as empty, 0 or
// false, because a service that omits a field must not abort a scan. Pure
// functions, except ErrorLog, which is thread-safe.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "aws/json_fwd.h"
#include "base/error.h"
#include "inventory/inventory.h"

namespace posture::collect {

// `object[name]`, or a null value when `object` is not an object or lacks it.
const aws::Json& Member(const aws::Json& object, std::string_view name);
// `object[name]` when it is an array, else an empty array.
const aws::Json& Items(const aws::Json& object, std::string_view name);
// `object[name]` when it is a string, else "".
std::string Text(const aws::Json& object, std::string_view name);
// `object[name]` when it is an integer (or a numeric string), else `fallback`.
long Number(const aws::Json& object, std::string_view name, long fallback = 0);
int Int(const aws::Json& object, std::string_view name, int fallback = 0);
// `object[name]` when it is a boolean (or "true"/"false"), else false.
bool Flag(const aws::Json& object, std::string_view name);
// `item[name]` for each item of `list` that has it: GroupId of every pair.
std::vector<std::string> TextOfEach(const aws::Json& list, std::string_view name);

// The `Tags` member ([{"Key": k, "Value": v}, ...]) of a resource.
inventory::Tags ParseTags(const aws::Json& resource);

// arn:<partition>:<service>:<region>:<account>:<resource>
std::string Arn(std::string_view partition, std::string_view service, std::string_view region, std::string_view account,
                std::string_view resource);

// IAM sends policy documents URL-encoded (RFC 3986, spaces as %20, '+' kept
// literally); returns the JSON text. A document that is already JSON is
// returned unchanged.
std::string DecodePolicyDocument(std::string_view document);

// Names one AWS call for error reporting.
struct CallSite {
  std::string service;    // "ec2"
  std::string operation;  // "DescribeSecurityGroups"
  std::string region;     // "" for global services

  // The CollectionError for `error` returned by this call.
  inventory::CollectionError failure(const base::Error& error) const;
  // A CollectionError of kind "internal" or "parse" raised in posture itself.
  inventory::CollectionError internal(std::string_view kind, std::string message) const;
};

// Every failed call of a scan, in the order seen. Thread-safe.
class ErrorLog {
 public:
  void add(inventory::CollectionError error);
  std::vector<inventory::CollectionError> take();

 private:
  std::mutex mutex_;
  std::vector<inventory::CollectionError> errors_;
};

}  // namespace posture::collect
