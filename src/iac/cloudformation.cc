// PLACEHOLDER until the reader lands (helper branch iac-cloudformation).
#include "iac/cloudformation.h"
namespace posture::iac {
bool LooksLikeCloudFormation(std::string_view) { return false; }
std::optional<ParseError> ReadCloudFormation(const std::string& file, std::string_view, const ResourceSink&,
                                             const CloudFormationOptions&) {
  return ParseError{file, 0, "CloudFormation reader not built yet"};
}
}  // namespace posture::iac
