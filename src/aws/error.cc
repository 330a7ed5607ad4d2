#include "aws/error.h"

namespace posture::aws {

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kAccessDenied:
      return "access_denied";
    case ErrorKind::kThrottled:
      return "throttled";
    case ErrorKind::kNotFound:
      return "not_found";
    case ErrorKind::kInvalidInput:
      return "invalid_input";
    case ErrorKind::kServiceUnavailable:
      return "service_unavailable";
    case ErrorKind::kNetwork:
      return "network";
    case ErrorKind::kParse:
      return "parse";
    case ErrorKind::kCredentials:
      return "credentials";
    case ErrorKind::kUnsupported:
      return "unsupported";
    case ErrorKind::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::describe() const {
  std::string out;
  if (!code_.empty() && message_.find(code_) == std::string::npos) out = code_ + ": ";
  out += message_;
  if (!request_id_.empty()) out += " (request id " + request_id_ + ")";
  return out;
}

}  // namespace posture::aws
