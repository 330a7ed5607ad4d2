// Flattening an input structure into form parameters, as the query and ec2
// protocols put it in the request body (botocore QuerySerializer and
// EC2Serializer): nested structures as "A.B", query lists as
// "Name.member.N" (flattened: "Name.N", the element's locationName
// replacing the last part), ec2 lists always "Name.N", maps as
// "Name.entry.N.key/value", booleans "true"/"false", timestamps ISO 8601,
// blobs base64; parameters in member-name order (nlohmann objects are
// sorted). Pure functions; thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "aws/http.h"
#include "aws/json_fwd.h"
#include "aws/model.h"
#include "aws/protocols/protocol.h"
#include "aws/protocols/shape.h"
#include "base/error.h"

namespace posture::aws {

enum class QueryFlavor { kQuery, kEc2 };

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Appends the parameters for a normalized input structure (see
// NormalizeInput) to `out`, members in name order.
void AppendQueryParams(const ServiceModel& model, QueryFlavor flavor, const ShapeRef& shape, const Json& normalized,
                       QueryParams& out);

// The whole request of a query / ec2 operation: POST (or the modelled
// method) to the endpoint's "/" with Action, Version and the input
// parameters as an application/x-www-form-urlencoded body.
// `normalized` is the operation input after NormalizeInput.
base::Result<HttpRequest> BuildQueryRequest(const ServiceModel& model, QueryFlavor flavor, std::string_view operation,
                                            const Json& spec, const Json& normalized, const Endpoint& endpoint);

}  // namespace posture::aws
