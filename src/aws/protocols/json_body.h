// JSON bodies of the json and rest-json protocols: shape-driven conversion
// of normalized input to the wire form and of wire output to posture's JSON
// conventions, plus the error fields both protocols share. Follows
// botocore's BaseJSONParser / JSONSerializer: members keyed by locationName
// when they have one, nulls dropped, unknown members dropped, timestamps as
// epoch seconds unless the shape says otherwise, blobs base64. Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/http.h"
#include "aws/json_fwd.h"
#include "aws/model.h"
#include "aws/protocols/shape.h"
#include "base/error.h"

namespace posture::aws {

// The wire JSON of a normalized input value (see NormalizeInput).
Json JsonFromInput(const ServiceModel& model, const ShapeRef& shape, const Json& normalized);

// Parses a response body; an empty body is an empty object. Parse error
// naming service and operation for malformed JSON.
base::Result<Json> ParseJsonBody(const ServiceModel& model, std::string_view operation, std::string_view body);

// Converts wire JSON into the output JSON of `shape`: timestamps become ISO
// 8601 strings, numbers and booleans sent as strings become native. Parse
// error for a value the shape cannot hold.
base::Result<Json> JsonToOutput(const ServiceModel& model, std::string_view operation, const ShapeRef& shape,
                                const Json& wire);

struct JsonErrorBody {
  std::string code;
  std::string message;
};

// Code and message of a json / rest-json error response. The code comes from
// the x-amzn-query-error header (awsQueryCompatible services), else
// x-amzn-ErrorType or the body's __type / code / Code (the header first when
// `header_first`, as rest-json does), stripped of any "prefix#" and ":suffix".
// A body that is not JSON becomes the message.
JsonErrorBody ParseJsonError(const HttpResponse& response, bool header_first);

}  // namespace posture::aws
