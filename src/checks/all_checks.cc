// The registry: every check, listed explicitly in CHECKS.md order. A check
// missing here does not run; tests/checks/registry_test.cc compares this
// list with the catalog.
#include "checks/check.h"

namespace posture::checks {

// 1. Identity
extern const Check kIamRootAccessKeysAbsent;
extern const Check kIamRootMfaEnabled;
extern const Check kIamRootHardwareMfa;
extern const Check kIamPasswordPolicyMinLength;
extern const Check kIamPasswordPolicyReuse;
extern const Check kIamUserConsoleMfa;
extern const Check kIamUserNoDirectPolicies;
extern const Check kIamPolicyNoFullAdmin;
// 2. Storage
extern const Check kS3BucketSecureTransport;
extern const Check kS3BucketMfaDelete;
extern const Check kS3PublicAccessBlock;
extern const Check kS3BucketNotPublic;
extern const Check kMacieEnabled;
extern const Check kRdsInstanceEncrypted;
extern const Check kRdsInstanceAutoMinorUpgrade;
extern const Check kRdsInstanceNotPublic;
extern const Check kRdsInstanceMultiAz;
extern const Check kEfsEncrypted;
// 4. Monitoring
extern const Check kSecurityhubEnabled;
extern const Check kSecurityhubNoCriticalFindings;
// 5. Network
extern const Check kEc2NaclNoAdminPortsFromInternet;
extern const Check kEc2SgNoAdminPortsFromInternetIpv4;
extern const Check kEc2SgNoAdminPortsFromInternetIpv6;
extern const Check kEc2DefaultSgRestrictsAll;
extern const Check kEc2Imdsv2Required;
extern const Check kEc2SgNoOpenSensitivePorts;
extern const Check kEc2InstanceNotDirectlyPublic;
// 6. Public edge and segmentation
extern const Check kElbv2InternetFacingWaf;
extern const Check kVpcEnvironmentIsolation;
// 7. Access to accounts
extern const Check kSsoEnabled;
extern const Check kIamUserConsolePreferSso;

const std::vector<Check>& AllChecks() {
  static const std::vector<Check> kChecks = {
      kIamRootAccessKeysAbsent,
      kIamRootMfaEnabled,
      kIamRootHardwareMfa,
      kIamPasswordPolicyMinLength,
      kIamPasswordPolicyReuse,
      kIamUserConsoleMfa,
      kIamUserNoDirectPolicies,
      kIamPolicyNoFullAdmin,
      kS3BucketSecureTransport,
      kS3BucketMfaDelete,
      kS3PublicAccessBlock,
      kS3BucketNotPublic,
      kMacieEnabled,
      kRdsInstanceEncrypted,
      kRdsInstanceAutoMinorUpgrade,
      kRdsInstanceNotPublic,
      kRdsInstanceMultiAz,
      kEfsEncrypted,
      kSecurityhubEnabled,
      kSecurityhubNoCriticalFindings,
      kEc2NaclNoAdminPortsFromInternet,
      kEc2SgNoAdminPortsFromInternetIpv4,
      kEc2SgNoAdminPortsFromInternetIpv6,
      kEc2DefaultSgRestrictsAll,
      kEc2Imdsv2Required,
      kEc2SgNoOpenSensitivePorts,
      kEc2InstanceNotDirectlyPublic,
      kElbv2InternetFacingWaf,
      kVpcEnvironmentIsolation,
      kSsoEnabled,
      kIamUserConsolePreferSso,
  };
  return kChecks;
}

}  // namespace posture::checks
