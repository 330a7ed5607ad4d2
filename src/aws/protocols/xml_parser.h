// XML responses: shape-driven conversion of query, ec2 and rest-xml bodies
// into the operation's JSON output, and the error bodies those protocols
// share. Follows botocore's BaseXMLResponseParser: namespace prefixes are
// ignored, non-flattened lists take every child element as an item,
// flattened lists and maps repeat the member element, members bound to HTTP
// headers or the status code are skipped, unknown elements are dropped.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "aws/http.h"
#include "aws/json_fwd.h"
#include "aws/model.h"
#include "aws/protocols/shape.h"
#include "base/error.h"

namespace posture::aws {

// Parses `body` into `doc`. A Parse error naming service and operation for
// an empty or malformed body.
base::Status ParseXmlBody(const ServiceModel& model, std::string_view operation, std::string_view body,
                          pugi::xml_document& doc);

// An element's name without its namespace prefix.
std::string_view LocalName(const pugi::xml_node& node);
// The first child element whose local name is `name`, or an empty node.
pugi::xml_node ChildElement(const pugi::xml_node& parent, std::string_view name);
// The concatenated character data directly inside `node`.
std::string TextOf(const pugi::xml_node& node);

// Converts `node` into the JSON value of `shape` (for a structure, the
// node's child elements are its members). Parse error on a value the shape
// cannot hold, e.g. "abc" for an integer.
base::Result<Json> XmlToJson(const ServiceModel& model, std::string_view operation, const ShapeRef& shape,
                             const pugi::xml_node& node);

struct XmlErrorBody {
  std::string code;
  std::string message;
  std::string request_id;
};

// Reads code, message and request id from the error bodies of query
// (<ErrorResponse><Error>...</Error><RequestId/>), ec2
// (<Response><Errors><Error>...</Error></Errors><RequestID/>) and S3
// (<Error><Code/>...<RequestId/></Error>). nullopt if `body` is not such XML.
std::optional<XmlErrorBody> ParseXmlError(std::string_view body);

// The Error for a failed query / ec2 / rest-xml response: the fields of
// ParseXmlError, else (empty body, HTML page, other text) the HTTP status.
base::Error XmlResponseError(const ServiceModel& model, std::string_view operation, const HttpResponse& response);

}  // namespace posture::aws
