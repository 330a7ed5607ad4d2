// Error values for every subsystem.
//
// An Error is a cheap value naming what went wrong (its Kind) plus, when the
// error came from AWS, what AWS said: the error code, message, HTTP status
// and request id. Result<T> holds either a T or an Error; module boundaries
// return these instead of throwing. Both are plain values: safe to copy and
// to move between threads.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace posture::base {

enum class ErrorKind {
  kAccessDenied,        // the caller lacks permission (403, AccessDenied*, UnauthorizedOperation)
  kThrottled,           // the service asked us to slow down
  kNotFound,            // the resource or configuration does not exist
  kInvalidInput,        // a request the service (or we) rejected as malformed
  kServiceUnavailable,  // 5xx, or the service/region/API is not available here
  kNetwork,             // connection failed, reset, timed out, TLS failure
  kParse,               // a response or file we could not understand
  kCredentials,         // no usable credentials, or a provider failed
  kUnsupported,         // an operation or feature this client does not implement
  kInternal,            // a bug in posture
};

// Returns a stable lower_snake name such as "access_denied" (for logs and metrics).
const char* ErrorKindName(ErrorKind kind);

// True for the AWS error codes that mean "slow down" (botocore's list of
// throttling codes, which every SDK shares): the protocols classify them as
// kThrottled and the retry layer backs off on them.
bool IsThrottlingCode(std::string_view code);

class Error {
 public:
  Error(ErrorKind kind, std::string message) : kind_(kind), message_(std::move(message)) {}

  static Error AccessDenied(std::string message) { return {ErrorKind::kAccessDenied, std::move(message)}; }
  static Error Throttled(std::string message) { return {ErrorKind::kThrottled, std::move(message)}; }
  static Error NotFound(std::string message) { return {ErrorKind::kNotFound, std::move(message)}; }
  static Error InvalidInput(std::string message) { return {ErrorKind::kInvalidInput, std::move(message)}; }
  static Error ServiceUnavailable(std::string message) { return {ErrorKind::kServiceUnavailable, std::move(message)}; }
  static Error Network(std::string message) { return {ErrorKind::kNetwork, std::move(message)}; }
  static Error Parse(std::string message) { return {ErrorKind::kParse, std::move(message)}; }
  static Error Credentials(std::string message) { return {ErrorKind::kCredentials, std::move(message)}; }
  static Error Unsupported(std::string message) { return {ErrorKind::kUnsupported, std::move(message)}; }
  static Error Internal(std::string message) { return {ErrorKind::kInternal, std::move(message)}; }

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  // The AWS error code ("AccessDenied", "ThrottlingException"), empty if none.
  const std::string& code() const { return code_; }
  const std::string& request_id() const { return request_id_; }
  // HTTP status of the response that carried the error, 0 if there was none.
  int http_status() const { return http_status_; }

  Error& with_code(std::string code) {
    code_ = std::move(code);
    return *this;
  }
  Error& with_request_id(std::string id) {
    request_id_ = std::move(id);
    return *this;
  }
  Error& with_http_status(int status) {
    http_status_ = status;
    return *this;
  }
  // Prefixes the message with context, e.g. "iam:ListUsers: ".
  Error& prefixed(const std::string& context) {
    message_ = context + message_;
    return *this;
  }

  // One line for users: "code: message (request id ...)" or just the message.
  std::string describe() const;

 private:
  ErrorKind kind_;
  std::string message_;
  std::string code_;
  std::string request_id_;
  int http_status_ = 0;
};

// Either a value or an Error. Check ok() before reading value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Error& error() const { return std::get<1>(state_); }
  Error& error() { return std::get<1>(state_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> state_;
};

// Result of an operation that yields no value.
struct Ok {};
using Status = Result<Ok>;

}  // namespace posture::base
