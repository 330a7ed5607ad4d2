// Reading CloudFormation templates, JSON or YAML (with the short-form tags
// !Ref, !GetAtt, !Sub, ...), including CDK output (cdk.out/*.template.json).
//
// Both syntaxes become one tree whose nodes know their line: YAML (and JSON
// that is not strict JSON) through yaml-cpp, strict JSON through a small
// reader of its own that builds the same tree many times faster than
// yaml-cpp (cloudformation_json.cc). Intrinsic functions are evaluated where the
// template decides them: parameters with defaults, pseudo parameters the
// caller knows, Mappings, Conditions (resources whose Condition is false
// are dropped; Fn::If picks its branch, or on an unknown condition keeps
// what both branches agree on, key by key, the rest Unknown),
// Fn::Sub/Join/Select/Split/Base64/FindInMap.
// Ref/GetAtt of a resource become Reference markers; anything else (no
// default, Fn::ImportValue, Fn::GetAZs, Fn::Cidr, ...) becomes an Unknown
// marker naming the function. Thread-compatible: one call per file.
//
// Values: JSON strings stay strings, JSON numbers and booleans stay numbers
// and booleans; YAML plain scalars follow the YAML 1.2 core schema (true /
// false, integers, floats; `yes`/`no` and integers with a leading zero stay
// strings), quoted scalars are strings. A parameter's value is a string (a
// Number parameter too, as CloudFormation passes it) or, for
// CommaDelimitedList and List<...>, a list of strings; a parameter of type
// AWS::SSM::Parameter::Value<...> is Unknown (read from SSM at deploy).
// Fn::Sub/Fn::Join that name a resource inside a longer string are Unknown
// naming it; `!Sub "${Res}"` alone is Reference(Res).
//
// Suppressions are written in a resource's Metadata, and only in this form
// (Checkov's `Metadata: {checkov: {skip: ...}}` is deliberately not read):
//
//   WebSG:
//     Type: AWS::EC2::SecurityGroup
//     Metadata:
//       posture:
//         ignore:
//           - id: ec2_sg_no_admin_ports_from_internet_ipv4
//             reason: bastion, reviewed in SEC-123
//
// Not read: Outputs, Rules, Fn::ForEach (AWS::LanguageExtensions) entries
// of Resources. AWS::Serverless::* resources (SAM) are sent untransformed;
// in a template with a Transform, a Ref/GetAtt/Sub/DependsOn naming what the
// template lacks (a resource the transform adds) is Unknown, not an error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "iac/resource.h"

namespace posture::iac {

// True when `text` is a CloudFormation template: JSON or YAML with a
// "Resources" mapping (or AWSTemplateFormatVersion).
bool LooksLikeCloudFormation(std::string_view text);

struct CloudFormationOptions {
  std::string region;                             // AWS::Region; "" leaves it unknown
  std::string account_id;                         // AWS::AccountId; "" leaves it unknown
  std::map<std::string, std::string> parameters;  // values overriding defaults
};

// Reads the template `text` (the contents of `file`) and sends each resource
// whose Condition is not false to `sink`, in template order, with Metadata
// suppressions: address = logical id, type = "AWS::...", values = resolved
// Properties ({} when absent), location.line = the line of the logical id,
// region = options.region. Returns the error that stopped it (invalid
// YAML/JSON, no Resources, a resource without Type, a reference or DependsOn
// cycle, a Ref to nothing, a function given the wrong shape), naming the
// line; nothing is sent then, as the whole template is read first.
[[nodiscard]] std::optional<ParseError> ReadCloudFormation(const std::string& file, std::string_view text,
                                                           const ResourceSink& sink,
                                                           const CloudFormationOptions& options = {});

}  // namespace posture::iac
