// Pieces every protocol implementation shares: the singletons ProtocolFor
// hands out, operation lookup, URL assembly, host prefixes and building the
// typed Error for a failed response. Internal to src/aws/protocols; pure
// functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/http.h"
#include "aws/json_fwd.h"
#include "aws/model.h"
#include "aws/protocols/protocol.h"
#include "aws/protocols/shape.h"
#include "base/error.h"

namespace posture::aws {

const Protocol& QueryProtocol();
const Protocol& Ec2Protocol();
const Protocol& JsonProtocol();
const Protocol& RestJsonProtocol();
const Protocol& RestXmlProtocol();

// The operation's spec; Unsupported when the model has no such operation.
base::Result<const Json*> FindOperation(const ServiceModel& model, std::string_view operation);

// The operation's "http" traits (method, requestUri, responseCode) or an
// empty object; and one string trait of it with a default.
const Json& HttpTraits(const Json& spec);
std::string HttpTrait(const Json& spec, const char* name, const char* fallback);

// True when `object` has `key` set to boolean true.
bool FlagOf(const Json& object, const char* key);

// The operation's input normalized against its input shape (see NormalizeInput).
base::Result<Json> NormalizedInput(const ServiceModel& model, std::string_view operation, const Json& spec,
                                   const Json& input);

// The expanded endpoint "hostPrefix" of an operation ("123456789012."), or
// "" when it has none or the endpoint is custom (a loopback test endpoint
// cannot resolve prefixed names). InvalidInput for a label that is not a
// valid host name part.
base::Result<std::string> ExpandHostPrefix(const Json& spec, const ShapeRef& input_shape, const Json& input,
                                           const Endpoint& endpoint);

// endpoint.url with `host_prefix` prepended to its host and `path_and_query`
// (starting with '/') appended to its path.
base::Result<std::string> RequestUrl(const Endpoint& endpoint, std::string_view host_prefix,
                                     std::string_view path_and_query);

// "iam:ListUsers: " — the context prefix of messages we write ourselves.
std::string OperationContext(const ServiceModel& model, std::string_view operation);

// A kParse error about a response body, naming service and operation.
base::Error ParseFailure(const ServiceModel& model, std::string_view operation, std::string_view what);

// The first characters of a body, on one line, for messages.
std::string BodySnippet(std::string_view body);

// True for error responses whose body is an HTML page, and 5xx responses
// with an empty body: a proxy, load balancer or emulator answered, not the
// service, so the status is all there is to report.
bool IsGenericErrorResponse(const HttpResponse& response);

// The Error for a failed response: kind from ClassifyError (with the few
// service-specific exceptions), code (the HTTP status when AWS gave none),
// message (the HTTP reason phrase when AWS gave none), request id (from the
// body if given, else the headers) and status.
base::Error ServiceError(const ServiceModel& model, std::string_view operation, const HttpResponse& response,
                         std::string code, std::string message, std::string request_id);

// The standard reason phrase of an HTTP status, or "".
std::string_view ReasonPhrase(int status);

}  // namespace posture::aws
