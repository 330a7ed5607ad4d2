// PLACEHOLDER until the reader lands (helper branch iac-terraform).
#include "iac/terraform.h"
namespace posture::iac {
bool LooksLikeTerraform(std::string_view) { return false; }
std::optional<ParseError> ReadTerraform(const std::string& file, std::string_view, const ResourceSink&, SourceFormat*) {
  return ParseError{file, 0, "Terraform reader not built yet"};
}
}  // namespace posture::iac
