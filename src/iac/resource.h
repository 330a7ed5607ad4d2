// The resources an infrastructure-as-code file declares, as the readers
// (terraform.h, cloudformation.h) hand them to the mapping (mapping.h).
//
// A Resource is one Terraform resource instance or one CloudFormation
// resource: its address, its type in its own language and its attribute
// values as JSON. Values the file cannot know before apply, and references
// to other resources of the same run, are JSON markers (below), so that a
// mapping never mistakes "unknown" for "empty". Plain values; readers build
// them on one thread and hand them over by value.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace posture::iac {

// ---- Value markers -----------------------------------------------------------
// Unknown until apply: {"$unknown": "<why>"}, e.g. "known after apply" or
// "!GetAZs". A reference to another resource of the run: {"$ref":
// "<address>", "$attr": "id"} (Terraform `aws_security_group.web.id`,
// CloudFormation `!Ref WebSG` / `!GetAtt WebSG.GroupId`); when a reference
// is also unknown the marker carries both keys.
nlohmann::json Unknown(std::string why);
nlohmann::json Reference(std::string address, std::string attribute = "id");
bool IsUnknown(const nlohmann::json& value);
// The address a reference marker names, or nullptr.
const std::string* ReferencedAddress(const nlohmann::json& value);

// Where a resource is written.
struct SourceLocation {
  std::string file;
  int line = 0;                // 1-based; 0 when the format has no lines (plan JSON, state)
  std::string module_source;   // Terraform: the module's source ("./modules/net"), "" for the root
};

// "Do not report check X on this resource, because Y", written in the file:
// CloudFormation `Metadata: {posture: {ignore: [{id, reason}]}}`, Terraform
// tags `posture:ignore:<check_id> = "<reason>"` (see docs/iac.md).
struct Suppression {
  std::string check_id;
  std::string reason;
};

enum class SourceFormat { kTerraformPlan, kTerraformState, kCloudFormation };
const char* SourceFormatName(SourceFormat format);  // "terraform-plan", "terraform-state", "cloudformation"

struct Resource {
  std::string address;  // "module.net.aws_security_group.web[0]", or the CloudFormation logical id
  std::string type;     // "aws_security_group", or "AWS::EC2::SecurityGroup"
  SourceFormat format = SourceFormat::kTerraformPlan;
  // Terraform: the attribute values (after apply for a plan); CloudFormation:
  // Properties with every intrinsic resolved or replaced by a marker.
  nlohmann::json values = nlohmann::json::object();
  std::string region;  // the provider's region when the file says it, else ""
  SourceLocation location;
  std::vector<Suppression> suppressions;
};

// A file that could not be read: named by file and line, one line of text.
struct ParseError {
  std::string file;
  int line = 0;  // 0 when unknown
  std::string message;
  // "file:line: message" (or "file: message").
  std::string text() const;
};

// Receives each resource as the reader finds it; readers never hold a whole
// plan's resources at once.
using ResourceSink = std::function<void(Resource&&)>;

// The 1-based line of byte `offset` in `text`.
int LineOfOffset(std::string_view text, std::size_t offset);

}  // namespace posture::iac
