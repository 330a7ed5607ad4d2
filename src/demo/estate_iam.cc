// The IAM part of the demo estate: access keys made with
// their users, a second active key, CloudShell and service-wide grants, a
// user who can write policies, a role open to another account next to one
// guarded by an external ID, and a support role.
#include <string>

#include "demo/estate.h"

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
  base::Status status = base::Ok{};
  auto call = [&](const char* service, const char* operation, const Json& input) {
    if (!status.ok()) return;
    auto result = client.call(service, operation, input);
    if (!result.ok()) status = std::move(result.error());
  };
  // ci-legacy: two keys made with the user, never used.
  call("iam", "CreateUser", {{"UserName", "ci-legacy"}});
  call("iam", "CreateAccessKey", {{"UserName", "ci-legacy"}});
  call("iam", "CreateAccessKey", {{"UserName", "ci-legacy"}});
  // analyst: CloudShell full access; intern: can attach any policy to users.
  call("iam", "CreateUser", {{"UserName", "analyst"}});
  call("iam", "AttachUserPolicy",
       {{"UserName", "analyst"}, {"PolicyArn", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"}});
  call("iam", "CreateUser", {{"UserName", "intern"}});
  call("iam", "PutUserPolicy",
       {{"UserName", "intern"}, {"PolicyName", "attach-policies"}, {"PolicyDocument", kAttachPolicies}});
  // key-admins: kms:* on every key.
  call("iam", "CreatePolicy", {{"PolicyName", "AllKeys"}, {"PolicyDocument", kAllKeys}});
  call("iam", "CreateGroup", {{"GroupName", "key-admins"}});
  call("iam", "AttachGroupPolicy",
       {{"GroupName", "key-admins"}, {"PolicyArn", "arn:aws:iam::123456789012:policy/AllKeys"}});
  // Roles: open to another account, guarded by an external ID, and support.
  call("iam", "CreateRole", {{"RoleName", "vendor-audit"}, {"AssumeRolePolicyDocument", kTrustAccount}});
  call("iam", "CreateRole", {{"RoleName", "partner-audit"}, {"AssumeRolePolicyDocument", kTrustAccountWithExternalId}});
  call("iam", "CreateRole", {{"RoleName", "support"}, {"AssumeRolePolicyDocument", kTrustSameAccount}});
  call("iam", "AttachRolePolicy", {{"RoleName", "support"}, {"PolicyArn", "arn:aws:iam::aws:policy/AWSSupportAccess"}});
  return status;
}

}  // namespace posture::demo
