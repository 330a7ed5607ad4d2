// Loading IaC from paths: files and directories (walked recursively), or
// "-" for stdin. Each file is recognised by its content, not its name:
// Terraform plan or state JSON, or a CloudFormation template (JSON or
// YAML). A file that cannot be read yields a ParseError and the others are
// still loaded. Thread-compatible: one call at a time per result.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "iac/cloudformation.h"
#include "iac/mapping.h"

namespace posture::iac {

struct LoadOptions {
  std::string region;  // region of resources whose file names none; "" -> us-east-1
  CloudFormationOptions cloudformation;
  std::istream* stdin_stream = nullptr;  // for "-"; nullptr -> std::cin
};

struct LoadedFile {
  std::string path;
  SourceFormat format = SourceFormat::kTerraformPlan;
  std::size_t bytes = 0;
  int resources = 0;
};

struct LoadResult {
  IacInventory iac;
  std::vector<LoadedFile> files;   // every file read, in order
  std::vector<ParseError> errors;  // files that could not be read (or only partly)
};

// Loads every IaC file under `paths` into one inventory. In directories,
// files named *.json, *.yaml, *.yml, *.template, *.tfstate or *.tfplan are
// considered and silently skipped when their content is neither Terraform
// nor CloudFormation (.git, .terraform and node_modules are not entered); a
// file named explicitly must be one or it is an error.
LoadResult LoadIac(const std::vector<std::string>& paths, const LoadOptions& options = {});

// The same for one text already in memory (tests, stdin). `padded`: the
// caller promises kTerraformReadPadding readable bytes after the text, so
// JSON is parsed without a copy.
void LoadIacText(const std::string& name, std::string_view text, bool named_explicitly, InventoryBuilder& builder,
                 LoadResult& result, const LoadOptions& options = {}, bool padded = false);

}  // namespace posture::iac
