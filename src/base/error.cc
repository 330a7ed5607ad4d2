#include "base/error.h"

#include <algorithm>
#include <array>

namespace posture::base {
namespace {

// botocore/retries/standard.py ThrottledRetryableChecker._THROTTLED_ERROR_CODES.
constexpr std::array<std::string_view, 14> kThrottlingCodes = {"Throttling",
                                                               "ThrottlingException",
                                                               "ThrottledException",
                                                               "RequestThrottledException",
                                                               "TooManyRequestsException",
                                                               "ProvisionedThroughputExceededException",
                                                               "TransactionInProgressException",
                                                               "RequestLimitExceeded",
                                                               "BandwidthLimitExceeded",
                                                               "LimitExceededException",
                                                               "RequestThrottled",
                                                               "SlowDown",
                                                               "PriorRequestNotComplete",
                                                               "EC2ThrottledException"};

}  // namespace

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

bool IsThrottlingCode(std::string_view code) {
  return std::find(kThrottlingCodes.begin(), kThrottlingCodes.end(), code) != kThrottlingCodes.end();
}

}  // namespace posture::base
