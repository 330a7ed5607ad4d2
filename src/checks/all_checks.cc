// The registry: every check, listed explicitly in CHECKS.md order. A check
// missing here does not run; tests/checks/registry_test.cc compares this
// list with the catalog.
#include "checks/check.h"

namespace posture::checks {

// 1. Identity
extern const Check kIamRootAccessKeysAbsent;
extern const Check kIamRootMfaEnabled;
extern const Check kIamRootHardwareMfa;
extern const Check kIamRootNotUsed;
extern const Check kIamPasswordPolicyMinLength;
extern const Check kIamPasswordPolicyReuse;
extern const Check kIamUserConsoleMfa;
extern const Check kIamUserNoSetupAccessKeys;
extern const Check kIamUserUnusedCredentials;
extern const Check kIamUserSingleActiveKey;
extern const Check kIamUserAccessKeyRotated;
extern const Check kIamUserNoDirectPolicies;
extern const Check kIamPolicyNoFullAdmin;
extern const Check kIamSupportRoleExists;
extern const Check kIamServerCertNotExpired;
extern const Check kAccessanalyzerEnabled;
extern const Check kIamCloudshellFullAccessRestricted;
extern const Check kAccountSecurityContact;
extern const Check kIamFederationInUse;
extern const Check kIamNoPrivilegeEscalation;
extern const Check kIamPolicyNoServiceWildcard;
extern const Check kIamRoleTrustRestricted;
// 3. Logging
extern const Check kCloudtrailMultiRegion;
extern const Check kCloudtrailLogValidation;
extern const Check kConfigRecorderEnabled;
extern const Check kCloudtrailBucketAccessLogging;
extern const Check kCloudtrailKmsEncrypted;
extern const Check kKmsKeyRotation;
extern const Check kS3ObjectWriteLogging;
extern const Check kS3ObjectReadLogging;
extern const Check kEc2InstanceProfileAttached;
// 2. Storage
extern const Check kEc2EbsDefaultEncryption;
// 3. Logging
extern const Check kVpcFlowLogsEnabled;
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
extern const Check kMonitorUnauthorizedApiCalls;
extern const Check kMonitorConsoleSigninNoMfa;
extern const Check kMonitorRootUsage;
extern const Check kMonitorIamPolicyChanges;
extern const Check kMonitorCloudtrailChanges;
extern const Check kMonitorConsoleAuthFailures;
extern const Check kMonitorCmkDisableDelete;
extern const Check kMonitorS3PolicyChanges;
extern const Check kMonitorConfigChanges;
extern const Check kMonitorSecurityGroupChanges;
extern const Check kMonitorNaclChanges;
extern const Check kMonitorNetworkGatewayChanges;
extern const Check kMonitorRouteTableChanges;
extern const Check kMonitorVpcChanges;
extern const Check kMonitorOrganizationsChanges;
extern const Check kSecurityhubEnabled;
extern const Check kSecurityhubNoCriticalFindings;
extern const Check kGuarddutyEnabled;
// 5. Network
extern const Check kEc2NaclNoAdminPortsFromInternet;
extern const Check kEc2SgNoAdminPortsFromInternetIpv4;
extern const Check kEc2SgNoAdminPortsFromInternetIpv6;
extern const Check kEc2DefaultSgRestrictsAll;
extern const Check kEc2Imdsv2Required;
extern const Check kEc2SgNoOpenSensitivePorts;
extern const Check kVpcPeeringRoutesLeastAccess;
extern const Check kEc2EbsVolumeEncrypted;
extern const Check kEc2CifsNotExposed;
extern const Check kEc2InstanceNotDirectlyPublic;
// 6. Public edge and segmentation
extern const Check kElbv2InternetFacingWaf;
extern const Check kCloudfrontWaf;
extern const Check kApigatewayStageWaf;
extern const Check kVpcEnvironmentIsolation;
extern const Check kVpcEgressInspected;
// 7. Access to accounts
extern const Check kSsoEnabled;
extern const Check kIamUserConsolePreferSso;
extern const Check kSsoAdminAssignedToGroups;
extern const Check kOrgProdAccessRestricted;
extern const Check kOrgScpGuardrails;

const std::vector<Check>& AllChecks() {
  static const std::vector<Check> kChecks = {
      kIamRootAccessKeysAbsent,
      kIamRootMfaEnabled,
      kIamRootHardwareMfa,
      kIamRootNotUsed,
      kIamPasswordPolicyMinLength,
      kIamPasswordPolicyReuse,
      kIamUserConsoleMfa,
      kIamUserNoSetupAccessKeys,
      kIamUserUnusedCredentials,
      kIamUserSingleActiveKey,
      kIamUserAccessKeyRotated,
      kIamUserNoDirectPolicies,
      kIamPolicyNoFullAdmin,
      kIamSupportRoleExists,
      kIamServerCertNotExpired,
      kAccessanalyzerEnabled,
      kIamCloudshellFullAccessRestricted,
      kAccountSecurityContact,
      kEc2InstanceProfileAttached,
      kIamFederationInUse,
      kIamNoPrivilegeEscalation,
      kIamPolicyNoServiceWildcard,
      kIamRoleTrustRestricted,
      kS3BucketSecureTransport,
      kS3BucketMfaDelete,
      kS3PublicAccessBlock,
      kS3BucketNotPublic,
      kMacieEnabled,
      kEc2EbsDefaultEncryption,
      kRdsInstanceEncrypted,
      kRdsInstanceAutoMinorUpgrade,
      kRdsInstanceNotPublic,
      kRdsInstanceMultiAz,
      kEfsEncrypted,
      kCloudtrailMultiRegion,
      kCloudtrailLogValidation,
      kConfigRecorderEnabled,
      kCloudtrailBucketAccessLogging,
      kCloudtrailKmsEncrypted,
      kKmsKeyRotation,
      kVpcFlowLogsEnabled,
      kS3ObjectWriteLogging,
      kS3ObjectReadLogging,
      kMonitorUnauthorizedApiCalls,
      kMonitorConsoleSigninNoMfa,
      kMonitorRootUsage,
      kMonitorIamPolicyChanges,
      kMonitorCloudtrailChanges,
      kMonitorConsoleAuthFailures,
      kMonitorCmkDisableDelete,
      kMonitorS3PolicyChanges,
      kMonitorConfigChanges,
      kMonitorSecurityGroupChanges,
      kMonitorNaclChanges,
      kMonitorNetworkGatewayChanges,
      kMonitorRouteTableChanges,
      kMonitorVpcChanges,
      kMonitorOrganizationsChanges,
      kSecurityhubEnabled,
      kSecurityhubNoCriticalFindings,
      kGuarddutyEnabled,
      kEc2NaclNoAdminPortsFromInternet,
      kEc2SgNoAdminPortsFromInternetIpv4,
      kEc2SgNoAdminPortsFromInternetIpv6,
      kEc2DefaultSgRestrictsAll,
      kEc2Imdsv2Required,
      kEc2SgNoOpenSensitivePorts,
      kVpcPeeringRoutesLeastAccess,
      kEc2EbsVolumeEncrypted,
      kEc2CifsNotExposed,
      kEc2InstanceNotDirectlyPublic,
      kElbv2InternetFacingWaf,
      kCloudfrontWaf,
      kApigatewayStageWaf,
      kVpcEnvironmentIsolation,
      kVpcEgressInspected,
      kSsoEnabled,
      kIamUserConsolePreferSso,
      kSsoAdminAssignedToGroups,
      kOrgProdAccessRestricted,
      kOrgScpGuardrails,
  };
  return kChecks;
}

}  // namespace posture::checks
