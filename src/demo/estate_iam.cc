// The IAM part of the demo estate: access keys made with
// their users, a second active key, CloudShell and service-wide grants, a
// user who can write policies, a role open to another account next to one
// guarded by an external ID, and a support role.
#include <string>

#include "demo/estate.h"
#include "demo/setup_calls.h"

namespace posture::demo {
namespace {

using aws::Json;

constexpr const char* kTrustAccount =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},)"
    R"("Action":"sts:AssumeRole"}]})";
constexpr const char* kTrustAccountWithExternalId =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},)"
    R"("Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"demo-partner-7f3a"}}}]})";
constexpr const char* kTrustSameAccount =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},)"
    R"("Action":"sts:AssumeRole"}]})";
constexpr const char* kAllKeys =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]})";
constexpr const char* kAttachPolicies =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:AttachUserPolicy","iam:ListPolicies"],)"
    R"("Resource":"*"}]})";

}  // namespace

base::Status BuildIam(aws::AwsClient& client) {
  SetupCalls calls(client);
  // ci-legacy: two keys made with the user, never used.
  calls.call("iam", "CreateUser", {{"UserName", "ci-legacy"}});
  calls.call("iam", "CreateAccessKey", {{"UserName", "ci-legacy"}});
  calls.call("iam", "CreateAccessKey", {{"UserName", "ci-legacy"}});
  // analyst: CloudShell full access; intern: can attach any policy to users.
  calls.call("iam", "CreateUser", {{"UserName", "analyst"}});
  calls.call("iam", "AttachUserPolicy",
             {{"UserName", "analyst"}, {"PolicyArn", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}});
  calls.call("iam", "CreateUser", {{"UserName", "intern"}});
  calls.call("iam", "PutUserPolicy",
             {{"UserName", "intern"}, {"PolicyName", "attach-policies"}, {"PolicyDocument", kAttachPolicies}});
  // key-admins: kms:* on every key.
  calls.call("iam", "CreatePolicy", {{"PolicyName", "AllKeys"}, {"PolicyDocument", kAllKeys}});
  calls.call("iam", "CreateGroup", {{"GroupName", "key-admins"}});
  calls.call("iam", "AttachGroupPolicy",
             {{"GroupName", "key-admins"}, {"PolicyArn", "arn:aws:iam::123456789012:policy/AllKeys"}});
  // Roles: open to another account, guarded by an external ID, and support.
  calls.call("iam", "CreateRole", {{"RoleName", "vendor-audit"}, {"AssumeRolePolicyDocument", kTrustAccount}});
  calls.call("iam", "CreateRole",
             {{"RoleName", "partner-audit"}, {"AssumeRolePolicyDocument", kTrustAccountWithExternalId}});
  calls.call("iam", "CreateRole", {{"RoleName", "support"}, {"AssumeRolePolicyDocument", kTrustSameAccount}});
  calls.call("iam", "AttachRolePolicy",
             {{"RoleName", "support"}, {"PolicyArn", "arn:aws:iam::aws:policy/AWSSupportAccess"}});
  return calls.status();
}

}  // namespace posture::demo
