// Wire protocols: turning an operation's JSON input into an HTTP request and
// an HTTP response into the operation's JSON output or a typed Error.
//
// One implementation per botocore protocol (query, ec2, json, rest-json,
// rest-xml), each in its own file. JSON conventions on both sides: member
// names as in the model, timestamps as ISO 8601 strings (inputs also accept
// epoch seconds), blobs as base64 strings on output and raw text on input,
// booleans and numbers native. Implementations are stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/http.h"
#include "aws/json_fwd.h"
#include "aws/model.h"
#include "base/error.h"

namespace posture::aws {

// Where and how to send a request (see endpoints.h).
struct Endpoint {
  std::string url;             // base URL without trailing slash: "https://ec2.us-east-1.amazonaws.com"
  std::string signing_region;  // "us-east-1"
  std::string signing_name;    // "ec2", "s3", "sso"...
  bool custom = false;         // the user overrode it (--endpoint-url, AWS_ENDPOINT_URL*)
  bool s3_path_style = false;  // S3: put the bucket in the path, not the host
};

class Protocol {
 public:
  virtual ~Protocol() = default;
  // Builds the unsigned request. InvalidInput when `input` does not fit the
  // input shape (unknown member, wrong type, missing required member).
  virtual base::Result<HttpRequest> serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                              const Endpoint& endpoint) const = 0;
  // Parses a 2xx response body into the output shape (an empty object when
  // the operation has no output). Parse error for a malformed body.
  virtual base::Result<Json> parse_output(const ServiceModel& model, std::string_view operation,
                                          const HttpResponse& response) const = 0;
  // Turns a non-2xx response into an Error with kind, code, message, request
  // id and HTTP status; never fails (an unreadable body still yields an Error).
  virtual base::Error parse_error(const ServiceModel& model, std::string_view operation,
                                  const HttpResponse& response) const = 0;
};

// The protocol a model speaks.
const Protocol& ProtocolFor(const ServiceModel& model);

// Classifies an AWS error code (and the HTTP status when the code says
// little) into an ErrorKind. Shared by every protocol.
base::ErrorKind ClassifyError(std::string_view code, int http_status);

// The request id from the usual response headers, or empty.
std::string RequestIdFromHeaders(const HttpResponse& response);

}  // namespace posture::aws
