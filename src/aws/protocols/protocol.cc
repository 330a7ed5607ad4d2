#include "aws/protocols/protocol.h"

#include <algorithm>
#include <array>

#include "aws/json.h"
#include "aws/protocols/common.h"

namespace posture::aws {
namespace {

// The caller's credentials or signature were rejected.
constexpr std::array<std::string_view, 17> kCredentialCodes = {"InvalidClientTokenId",
                                                               "SignatureDoesNotMatch",
                                                               "ExpiredToken",
                                                               "ExpiredTokenException",
                                                               "UnrecognizedClientException",
                                                               "AuthFailure",
                                                               "InvalidAccessKeyId",
                                                               "InvalidToken",
                                                               "TokenRefreshRequired",
                                                               "MissingAuthenticationToken",
                                                               "MissingAuthenticationTokenException",
                                                               "InvalidSignatureException",
                                                               "IncompleteSignature",
                                                               "IncompleteSignatureException",
                                                               "RequestExpired",
                                                               "RequestTimeTooSkewed",
                                                               "InvalidSecurity"};

// The service, API or feature is not available to this account or region.
constexpr std::array<std::string_view, 18> kUnavailableCodes = {"OptInRequired",
                                                                "SubscriptionRequiredException",
                                                                "InvalidAccessException",
                                                                "NotSignedUp",
                                                                "UnsupportedOperation",
                                                                "UnsupportedOperationException",
                                                                "InvalidAction",
                                                                "UnknownOperationException",
                                                                "NotImplemented",
                                                                "ServiceUnavailable",
                                                                "ServiceUnavailableException",
                                                                "InternalFailure",
                                                                "InternalError",
                                                                "InternalServerError",
                                                                "InternalServerException",
                                                                "InternalException",
                                                                "ServiceFailure",
                                                                "Unavailable"};

template <size_t N>
bool OneOf(std::string_view code, const std::array<std::string_view, N>& codes) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool IsNotFoundCode(std::string_view code) {
  return Contains(code, "NotFound") || code.starts_with("NoSuch") || Contains(code, "Nonexistent") ||
         code == "AWSOrganizationsNotInUseException";
}

bool IsAccessDeniedCode(std::string_view code) {
  return Contains(code, "AccessDenied") || Contains(code, "NotAuthorized") || code.starts_with("Unauthorized") ||
         code.starts_with("Forbidden") || code.starts_with("AuthorizationError") || code == "AllAccessDisabled";
}

bool IsInvalidInputCode(std::string_view code) {
  return code.starts_with("Validation") || code.starts_with("Invalid") || code.starts_with("Malformed") ||
         Contains(code, ".Malformed") || code.starts_with("MissingParameter") || code.starts_with("BadRequest") ||
         code == "MissingRequiredParameter" || code == "SerializationException" || code == "MissingAction";
}

base::ErrorKind ClassifyStatus(int http_status) {
  if (http_status == 401) return base::ErrorKind::kCredentials;
  if (http_status == 403) return base::ErrorKind::kAccessDenied;
  if (http_status == 404) return base::ErrorKind::kNotFound;
  if (http_status == 429) return base::ErrorKind::kThrottled;
  if (http_status >= 500) return base::ErrorKind::kServiceUnavailable;
  if (http_status >= 300) return base::ErrorKind::kInvalidInput;
  return base::ErrorKind::kInternal;
}

// Answers every call with kUnsupported: a model whose protocol we lack.
class UnsupportedProtocol : public Protocol {
 public:
  base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view, const Json&,
                                      const Endpoint&) const override {
    return base::Error::Unsupported(model.name() + ": protocol '" + model.protocol() + "' is not supported");
  }
  base::Result<Json> parse_output(const ServiceModel& model, std::string_view, const HttpResponse&) const override {
    return base::Error::Unsupported(model.name() + ": protocol '" + model.protocol() + "' is not supported");
  }
  base::Error parse_error(const ServiceModel& model, std::string_view, const HttpResponse&) const override {
    return base::Error::Unsupported(model.name() + ": protocol '" + model.protocol() + "' is not supported");
  }
};

}  // namespace

const Protocol& ProtocolFor(const ServiceModel& model) {
  const std::string& name = model.protocol();
  if (name == "query") return QueryProtocol();
  if (name == "ec2") return Ec2Protocol();
  if (name == "json") return JsonProtocol();
  if (name == "rest-json") return RestJsonProtocol();
  if (name == "rest-xml") return RestXmlProtocol();
  static const UnsupportedProtocol unsupported;
  return unsupported;
}

base::ErrorKind ClassifyError(std::string_view code, int http_status) {
  if (OneOf(code, kCredentialCodes)) return base::ErrorKind::kCredentials;
  // botocore retries these as transient: the connection stalled mid-request.
  if (code == "RequestTimeout" || code == "RequestTimeoutException") return base::ErrorKind::kNetwork;
  if (base::IsThrottlingCode(code)) return base::ErrorKind::kThrottled;
  if (OneOf(code, kUnavailableCodes)) return base::ErrorKind::kServiceUnavailable;
  if (IsNotFoundCode(code)) return base::ErrorKind::kNotFound;
  if (IsAccessDeniedCode(code)) return base::ErrorKind::kAccessDenied;
  if (IsInvalidInputCode(code)) return base::ErrorKind::kInvalidInput;
  return ClassifyStatus(http_status);
}

std::string RequestIdFromHeaders(const HttpResponse& response) {
  for (const char* name : {"x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id"}) {
    if (const std::string* value = response.header(name); value != nullptr && !value->empty()) return *value;
  }
  return {};
}

}  // namespace posture::aws
