// LooksLikeCloudFormation: a single pass over the text that stops at the
// first top-level key deciding it, without parsing values.
#include <cstddef>

#include "iac/cloudformation.h"

namespace posture::iac {
namespace {

// CloudFormation rejects templates over 1 MB; CDK output stays far below.
constexpr std::size_t kSniffLimit = 8u << 20;
constexpr std::size_t kMaxKeyLength = 64;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

enum class Verdict { kUndecided, kTemplate, kNotTemplate };

// A top-level key, and (for Resources) the first character of its value.
Verdict Judge(std::string_view key, char value_start) {
  if (key == "AWSTemplateFormatVersion") return Verdict::kTemplate;
  if (key == "Resources") {
    return value_start == '{' || value_start == '\0' ? Verdict::kTemplate : Verdict::kNotTemplate;
  }
  // Terraform plans and state, Kubernetes manifests: never a template.
  if (key == "format_version" || key == "terraform_version" || key == "apiVersion" || key == "kind") {
    return Verdict::kNotTemplate;
  }
  return Verdict::kUndecided;
}

bool SniffJson(std::string_view text) {
  int depth = 0;
  bool expect_key = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      std::size_t start = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      if (depth != 1 || !expect_key) continue;
      expect_key = false;
      std::string_view key = text.substr(start, i - start);
      if (key.size() > kMaxKeyLength) continue;
      std::size_t j = i + 1;
      while (j < text.size() && IsSpace(text[j])) ++j;
      if (j >= text.size() || text[j] != ':') continue;
      for (++j; j < text.size() && IsSpace(text[j]);) ++j;
      Verdict verdict = Judge(key, j < text.size() ? text[j] : 'x');
      if (verdict != Verdict::kUndecided) return verdict == Verdict::kTemplate;
    } else if (c == '{' || c == '[') {
      ++depth;
      expect_key = depth == 1 && c == '{';
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) return false;
    } else if (c == ',' && depth == 1) {
      expect_key = true;
    }
  }
  return false;
}

bool SniffYaml(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty() || IsSpace(line[0]) || line[0] == '#' || line[0] == '-' || line[0] == '.') continue;
    char quote = line[0] == '"' || line[0] == '\'' ? line[0] : '\0';
    std::size_t key_start = quote != '\0' ? 1 : 0;
    std::size_t key_end = quote != '\0' ? line.find(quote, 1) : line.find(':');
    if (key_end == std::string_view::npos || key_end > kMaxKeyLength) continue;
    std::size_t colon = quote != '\0' ? key_end + 1 : key_end;
    if (colon >= line.size() || line[colon] != ':') continue;
    std::size_t value = colon + 1;
    if (value < line.size() && !IsSpace(line[value])) continue;  // "a:b" is a plain scalar, not a key
    while (value < line.size() && IsSpace(line[value])) ++value;
    // A block mapping starts on the next line (the value here is empty or a comment).
    char value_start = value >= line.size() || line[value] == '#' ? '\0' : line[value];
    Verdict verdict = Judge(line.substr(key_start, key_end - key_start), value_start);
    if (verdict != Verdict::kUndecided) return verdict == Verdict::kTemplate;
  }
  return false;
}

}  // namespace

bool LooksLikeCloudFormation(std::string_view text) {
  if (text.size() > kSniffLimit) text = text.substr(0, kSniffLimit);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t first = 0;
  while (first < text.size() && IsSpace(text[first])) ++first;
  if (first < text.size() && text[first] == '{') return SniffJson(text.substr(first));
  return SniffYaml(text);
}

}  // namespace posture::iac
