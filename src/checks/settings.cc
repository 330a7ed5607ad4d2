#include "checks/settings.h"

#include "checks/check_support.h"

namespace posture::checks {

bool CheckSettings::is_production(std::string_view value) const {
  // "nonprod" and "preprod" contain "prod" but name the environments a
  // production peering must be kept apart from.
  for (const auto& not_prod : non_production_patterns) {
    if (!not_prod.empty() && base::ContainsIgnoreCase(value, not_prod)) return false;
  }
  for (const auto& prod : production_patterns) {
    if (!prod.empty() && base::ContainsIgnoreCase(value, prod)) return true;
  }
  return false;
}

const CheckSettings& DefaultCheckSettings() {
  static const CheckSettings kDefaults;
  return kDefaults;
}

}  // namespace posture::checks
