// The HTTP binding shared by rest-json and rest-xml (botocore
// BaseRestSerializer / BaseRestParser): input members bound to URI labels
// ({Name}, greedy {Name+} keeping '/'), the query string and headers; the
// body left to the protocol; output members read from headers and the
// status code. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/http.h"
#include "aws/json.h"
#include "aws/model.h"
#include "aws/protocols/shape.h"
#include "base/error.h"

namespace posture::aws {

struct RestRequestParts {
  std::string path_and_query;  // rendered and percent-encoded: "/bucket?policy&max-keys=2"
  Headers headers;             // from members with location "header"/"headers"
  Json body = Json::object();  // normalized members with no location, by member name
};

// Binds a normalized input (see NormalizeInput) to `request_uri` (normally
// the operation's requestUri; S3 virtual hosting passes it without the
// bucket), the query string and headers. InvalidInput for a URI label that
// is missing or empty.
base::Result<RestRequestParts> BindRestInput(const ServiceModel& model, std::string_view operation,
                                             const ShapeRef& input, const Json& normalized,
                                             std::string_view request_uri);

// The output members bound to response headers ("header", "headers") and
// the status code ("statusCode"). Parse error for a header value that does
// not fit its shape.
base::Result<Json> RestOutputFromHeaders(const ServiceModel& model, std::string_view operation, const ShapeRef& output,
                                         const HttpResponse& response);

}  // namespace posture::aws
