// Walking a service model's shapes, shared by every protocol.
//
// A ShapeRef is what botocore calls a resolved shape reference: the target
// shape plus the serialization traits the reference itself adds (a member's
// locationName, location, xmlNamespace, flattened, timestampFormat...). The
// reference's traits win over the shape's. NormalizeInput validates caller
// input against an input shape and returns it with canonical JSON types, so
// the protocol serializers never meet a malformed value. All functions are
// pure; a ShapeRef points into a ServiceModel and lives as long as it does.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aws/json_fwd.h"
#include "aws/model.h"
#include "base/error.h"

namespace posture::aws {

class ShapeRef {
 public:
  ShapeRef() = default;
  ShapeRef(const Json* ref, const Json* shape) : ref_(ref), shape_(shape) {}

  bool valid() const { return shape_ != nullptr; }
  // "structure", "list", "map", "string", "integer", "long", "float",
  // "double", "boolean", "timestamp", "blob"; empty when unresolved.
  std::string_view type() const;
  const Json& shape() const;
  // A trait from the reference, else from the shape; nullptr if neither has it.
  const Json* trait(std::string_view name) const;
  // A string trait or "" (locationName, location, queryName, timestampFormat...).
  std::string_view text_trait(std::string_view name) const;
  // A boolean trait (flattened, xmlAttribute, hostLabel, streaming...).
  bool flag(std::string_view name) const;
  // The "members" object of a structure (an empty object otherwise).
  const Json& members() const;
  // Whether a structure member is listed under "required".
  bool is_required(std::string_view member) const;
  // Document (free-form JSON) shapes pass through untouched.
  bool is_document() const;

 private:
  const Json* ref_ = nullptr;
  const Json* shape_ = nullptr;
};

// Resolves a reference object ({"shape": "Name", ...traits}). An unresolvable
// reference yields an invalid ShapeRef (model_test proves none exist).
ShapeRef ResolveShape(const ServiceModel& model, const Json& ref);
// A structure member, or an invalid ShapeRef if there is none of that name.
ShapeRef MemberShape(const ServiceModel& model, const ShapeRef& structure, std::string_view name);
// The element of a list, and the key and value of a map.
ShapeRef ListMember(const ServiceModel& model, const ShapeRef& list);
ShapeRef MapKey(const ServiceModel& model, const ShapeRef& map);
ShapeRef MapValue(const ServiceModel& model, const ShapeRef& map);

// The operation's input / output reference; invalid when it has none.
ShapeRef InputRef(const ServiceModel& model, const Json& operation);
ShapeRef OutputRef(const ServiceModel& model, const Json& operation);

// `text` with every byte sequence that is not valid UTF-8 replaced by
// U+FFFD, so that the JSON we hand out can always be dumped.
std::string ToValidUtf8(std::string_view text);

// Converts the text form of a scalar (XML character data, a header value)
// to its JSON output form: booleans ("true" is true, anything else false),
// integers, floats, timestamps as ISO 8601, strings as valid UTF-8, blobs
// unchanged.
// Null when `text` is empty for a non-string type (treated as absent);
// nullopt when the text does not fit the type.
std::optional<Json> ScalarFromText(const ShapeRef& shape, std::string_view text);

// Validates `input` against `shape` and returns a canonical copy: nulls
// dropped, "true"/"false" strings as booleans, numeric strings as numbers,
// timestamps as integer microseconds since the epoch (EpochMicros), missing
// idempotency tokens filled with a random UUID. InvalidInput names the
// operation and the member path ("DescribeInstances: unknown parameter
// 'Filters[0].Foo'").
base::Result<Json> NormalizeInput(const ServiceModel& model, std::string_view operation, const ShapeRef& shape,
                                  const Json& input);

}  // namespace posture::aws
