#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::iam_root_hardware_mfa {
namespace {

// Assigned to the root user ("arn:aws:iam::123456789012:root"). The serial
// name "root-account-mfa-device" is not evidence: ListVirtualMFADevices also
// returns unassigned devices, such as one root stopped using.
bool IsRootDevice(const inventory::VirtualMfaDevice& device) { return device.user_arn.ends_with(":root"); }

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  const auto& summary = inventory.iam.account_summary;
  if (!sink.require(summary, kGlobalRegion)) return;
  const std::string arn = RootArn(inventory);
  if (!summary->root_mfa_enabled) {
    sink.fail(kGlobalRegion, kRootReportUser, arn, "the root user has no MFA device at all");
    return;
  }
  const auto& devices = inventory.iam.virtual_mfa_devices;
  if (!sink.require(devices, kGlobalRegion)) return;
  for (const auto& device : *devices) {
    if (!IsRootDevice(device)) continue;
    sink.fail(kGlobalRegion, kRootReportUser, arn,
              "the root user's MFA is a virtual device (" + device.serial_number + "), not a hardware key");
    return;
  }
  sink.pass(kGlobalRegion, kRootReportUser, arn,
            "the root user's MFA is a hardware device (no virtual device is "
            "assigned to root)");
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "iam_root_hardware_mfa",
            .title = "The root user uses a hardware MFA device",
            .severity = Severity::kHigh,
            .category = Category::kIdentity,
            .resource_type = kAccountResourceType,
            .scope = "L",
            .fails_when = "root MFA is a virtual device",
            .risk = "A virtual MFA lives on a phone or laptop that can be lost, cloned or compromised together with "
                    "the password; a hardware key keeps the root user's second factor separate.",
            .remediation = "Sign in as the root user, remove the virtual device and assign a FIDO security key or "
                           "hardware TOTP token under Security credentials (aws iam deactivate-mfa-device needs root "
                           "credentials)",
            .remediation_terraform = "# Terraform cannot manage the root user's MFA: sign in as root, assign a\n"
                                     "# FIDO security key or hardware TOTP token under Security credentials,\n"
                                     "# then remove the virtual device",
            .docs_url = "https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html",
            .reads = {POSTURE_FIELD(IamAccountSummary, root_mfa_enabled),
                      POSTURE_FIELD(VirtualMfaDevice, serial_number), POSTURE_FIELD(VirtualMfaDevice, user_arn)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::iam_root_hardware_mfa
