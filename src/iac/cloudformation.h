// Reading CloudFormation templates, JSON or YAML (with the short-form tags
// !Ref, !GetAtt, !Sub, ...), including CDK output (cdk.out/*.template.json).
//
// Both syntaxes are read with yaml-cpp (JSON is YAML's flow style), so every
// resource has its line. Intrinsic functions are evaluated where the
// template decides them: parameters with defaults, pseudo parameters the
// caller knows, Mappings, Conditions (resources whose Condition is false
// are dropped; Fn::If picks its branch), Fn::Sub/Join/Select/Split/Base64.
// Ref/GetAtt of a resource become Reference markers; anything else (no
// default, Fn::ImportValue, Fn::GetAZs, Fn::Cidr, ...) becomes an Unknown
// marker naming the function. Thread-compatible: one call per file.
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
  std::string region;  // AWS::Region; "" leaves it unknown
  std::string account_id;  // AWS::AccountId; "" leaves it unknown
  std::map<std::string, std::string> parameters;  // values overriding defaults
};

// Reads the template `text` (the contents of `file`) and sends each resource
// to `sink`, with Metadata suppressions. Returns the error that stopped it
// (invalid YAML/JSON, no Resources, a reference or DependsOn cycle, a Ref to
// nothing), naming the line.
[[nodiscard]] std::optional<ParseError> ReadCloudFormation(const std::string& file, std::string_view text,
                                                           const ResourceSink& sink,
                                                           const CloudFormationOptions& options = {});

}  // namespace posture::iac
