// Reading Terraform/OpenTofu JSON: plans (`terraform show -json tfplan`),
// state as `terraform show -json` prints it, and raw .tfstate (version 4).
//
// Streams resources to a sink with simdjson's On-Demand parser: the file is
// parsed in place and no resource outlives its sink call, so memory stays a
// small multiple of the file. Plan values come from `resource_changes`
// (after + after_unknown; deleted resources are skipped), or from
// `planned_values` when a plan has no resource_changes; unknown attributes
// become Unknown("known after apply") markers, carrying the Reference the
// `configuration` expression names when it names one. Addresses include
// modules and instance keys ("module.net.aws_security_group.web[0]").
// Thread-compatible: one call per file.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "iac/resource.h"

namespace posture::iac {

// True when `text` looks like Terraform JSON (a plan or a state), judged by
// content: a JSON object with "terraform_version" or "format_version" near
// the start.
bool LooksLikeTerraform(std::string_view text);

// Reads `text` (the contents of `file`, used in locations and errors) and
// sends every managed resource to `sink`; `format` receives which kind of
// file it was. Returns the error that stopped it (truncated or malformed
// JSON, an unsupported format_version or state version), naming the line;
// resources already sent stay sent.
[[nodiscard]] std::optional<ParseError> ReadTerraform(const std::string& file, std::string_view text,
                                                      const ResourceSink& sink, SourceFormat* format = nullptr);

// The bytes ReadTerraformPadded may read past the end of its text.
inline constexpr std::size_t kTerraformReadPadding = 64;

// ReadTerraform without copying the text: the caller promises that the
// kTerraformReadPadding bytes after text.data() + text.size() are readable
// (e.g. a std::string with capacity() >= size() + kTerraformReadPadding).
// Use it for large files; their contents are never modified.
[[nodiscard]] std::optional<ParseError> ReadTerraformPadded(const std::string& file, std::string_view text,
                                                            const ResourceSink& sink, SourceFormat* format = nullptr);

}  // namespace posture::iac
