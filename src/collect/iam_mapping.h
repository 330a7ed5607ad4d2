// IAM output -> inventory types: pure mappings of GetAccountSummary,
// GetAccountPasswordPolicy and GetAccountAuthorizationDetails responses
// (botocore member names). Thread-safe.
#pragma once

#include <optional>

#include "aws/json_fwd.h"
#include "inventory/inventory.h"

namespace posture::collect {

inventory::IamAccountSummary MapAccountSummary(const aws::Json& output);
inventory::PasswordPolicy MapPasswordPolicy(const aws::Json& output);
inventory::VirtualMfaDevice MapVirtualMfaDevice(const aws::Json& device);

// Appends one page of GetAccountAuthorizationDetails to `details`, with
// every policy document URL-decoded. AWS-managed policies attached to
// nothing are skipped (some endpoints list all of them).
void AddAuthorizationPage(const aws::Json& page, inventory::AuthorizationDetails& details);

}  // namespace posture::collect
