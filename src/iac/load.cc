#include "iac/load.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>

#include "iac/terraform.h"

namespace posture::iac {
namespace fs = std::filesystem;
namespace {

bool CandidateName(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".json", ".yaml", ".yml", ".template", ".tfstate", ".tfplan"};
  return kExtensions.count(path.extension().string()) > 0;
}

bool SkippedDirectory(const fs::path& path) {
  const std::string name = path.filename().string();
  return name == ".git" || name == ".terraform" || name == "node_modules";
}

// A whole file, followed by kTerraformReadPadding readable bytes so JSON is
// parsed in place; not zero-filled first (a 300 MB plan would be written twice).
struct FileText {
  std::unique_ptr<char[]> data;
  std::size_t size = 0;
  std::string_view view() const { return {data.get(), size}; }
};

std::optional<FileText> ReadFile(const fs::path& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open the file";
    return std::nullopt;
  }
  std::error_code ec;
  auto size = static_cast<std::size_t>(fs::file_size(path, ec));
  if (ec) {
    error = "cannot read the file size: " + ec.message();
    return std::nullopt;
  }
  FileText text{std::unique_ptr<char[]>(new char[size + kTerraformReadPadding]), 0};
  in.read(text.data.get(), static_cast<std::streamsize>(size));
  text.size = static_cast<std::size_t>(in.gcount());
  std::memset(text.data.get() + text.size, 0, kTerraformReadPadding);
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text;
}

void LoadPath(const fs::path& path, bool named_explicitly, InventoryBuilder& builder, LoadResult& result,
              const LoadOptions& options) {
  std::string error;
  auto text = ReadFile(path, error);
  if (!text) {
    result.errors.push_back(ParseError{path.string(), 0, error});
    return;
  }
  // ReadFile left padding after the text: Terraform JSON is parsed in place.
  LoadIacText(path.string(), text->view(), named_explicitly, builder, result, options, /*padded=*/true);
}

}  // namespace

void LoadIacText(const std::string& name, std::string_view text, bool named_explicitly, InventoryBuilder& builder,
                 LoadResult& result, const LoadOptions& options, bool padded) {
  LoadedFile file{.path = name, .bytes = text.size()};
  auto sink = [&](Resource&& resource) {
    ++file.resources;
    builder.add(std::move(resource));
  };
  std::optional<ParseError> error;
  if (LooksLikeTerraform(text)) {
    error =
        padded ? ReadTerraformPadded(name, text, sink, &file.format) : ReadTerraform(name, text, sink, &file.format);
  } else if (LooksLikeCloudFormation(text)) {
    file.format = SourceFormat::kCloudFormation;
    CloudFormationOptions cfn = options.cloudformation;
    if (cfn.region.empty()) cfn.region = options.region;
    error = ReadCloudFormation(name, text, sink, cfn);
  } else {
    if (named_explicitly) {
      result.errors.push_back(
          ParseError{name, 0, "not a Terraform plan or state (JSON) or a CloudFormation template (JSON/YAML)"});
    }
    return;
  }
  if (error) result.errors.push_back(std::move(*error));
  result.files.push_back(std::move(file));
}

LoadResult LoadIac(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult result;
  InventoryBuilder builder;
  builder.set_default_region(options.region.empty() ? "us-east-1" : options.region);
  for (const auto& given : paths) {
    if (given == "-") {
      std::istream& in = options.stdin_stream ? *options.stdin_stream : std::cin;
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      LoadIacText("-", text, true, builder, result, options);
      continue;
    }
    fs::path path(given);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory() && SkippedDirectory(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && CandidateName(it->path())) files.push_back(it->path());
      }
      if (ec) result.errors.push_back(ParseError{given, 0, "cannot read the directory: " + ec.message()});
      std::sort(files.begin(), files.end());  // a stable order, whatever the file system's
      for (const auto& file : files) LoadPath(file, false, builder, result, options);
    } else if (fs::exists(path, ec)) {
      LoadPath(path, true, builder, result, options);
    } else {
      result.errors.push_back(ParseError{given, 0, "no such file or directory"});
    }
  }
  result.iac = builder.finish();
  return result;
}

}  // namespace posture::iac
