// XML request bodies for rest-xml (botocore RestXMLSerializer): a
// normalized input value written as an element tree, honouring
// locationName, xmlNamespace (plain or prefixed), xmlAttribute and
// flattened lists and maps. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "aws/json_fwd.h"
#include "aws/model.h"
#include "aws/protocols/shape.h"

namespace posture::aws {

// The document for `normalized` (see NormalizeInput) as the element
// `root_name`, without an XML declaration.
std::string XmlFromInput(const ServiceModel& model, const ShapeRef& shape, const Json& normalized,
                         std::string_view root_name);

}  // namespace posture::aws
