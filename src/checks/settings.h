// What a user may tune for the checks (the config file's [checks] table):
// thresholds, the environment tag, how production is recognised, extra
// sensitive ports and disabled checks. The defaults are CHECKS.md's.
// Checks read these through FindingSink::settings().
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace posture::checks {

struct CheckSettings {
  int password_min_length = 14;        // iam_password_policy_min_length
  int password_reuse_prevention = 24;  // iam_password_policy_reuse
  int access_key_max_age_days = 90;    // iam_user_access_key_rotated
  int credential_unused_days = 45;     // iam_user_unused_credentials
  int root_usage_window_days = 90;     // iam_root_not_used
  // org_prod_access_restricted: how many groups may hold administrator
  // access to one production account.
  int production_admin_principals_max = 2;
  // The tag naming a resource's environment, matched case-insensitively.
  std::string environment_tag_key = "Environment";
  // An environment tag value, OU or account name is production when it
  // contains one of these (case-insensitively) and none of the exclusions.
  // Account names of an organization must also have the pattern as a word
  // (see IsProductionAccountName in checks/organization.h).
  std::vector<std::string> production_patterns = {"prod"};
  std::vector<std::string> non_production_patterns = {"nonprod", "non-prod", "non_prod",
                                                      "preprod", "pre-prod", "pre_prod"};
  // Ports checked by ec2_sg_no_open_sensitive_ports besides the catalog's.
  std::vector<int> extra_sensitive_ports;
  // Check ids that never run.
  std::set<std::string> disabled_checks;

  // Whether `value` names a production environment (see production_patterns).
  bool is_production(std::string_view value) const;
};

// The catalog's defaults.
const CheckSettings& DefaultCheckSettings();

}  // namespace posture::checks
