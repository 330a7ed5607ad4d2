#include "iam/aws_managed.h"

#include <map>

namespace posture::iam {

std::optional<std::string> KnownAwsManagedPolicy(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> kPolicies = {
      {"AWSSupportAccess",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["support:*"],"Resource":"*"}]})"},
      {"AWSCloudShellFullAccess",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudshell:*"],"Resource":"*"}]})"},
      {"AdministratorAccess",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"},
      {"IAMFullAccess",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*","organizations:DescribeAccount",)"
       R"("organizations:DescribeOrganization","organizations:DescribeOrganizationalUnit",)"
       R"("organizations:DescribePolicy","organizations:ListChildren","organizations:ListParents",)"
       R"("organizations:ListPoliciesForTarget","organizations:ListRoots","organizations:ListPolicies",)"
       R"("organizations:ListTargetsForPolicy"],"Resource":"*"}]})"},
      {"PowerUserAccess",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],)"
       R"("Resource":"*"},{"Effect":"Allow","Action":["account:GetAccountInformation","account:GetPrimaryEmail",)"
       R"("account:ListRegions","iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles",)"
       R"("organizations:DescribeOrganization"],"Resource":"*"}]})"},
      {"AmazonS3FullAccess",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","s3-object-lambda:*"],)"
       R"("Resource":"*"}]})"},
      {"AWSKeyManagementServicePowerUser",
       R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["kms:CreateAlias","kms:CreateKey",)"
       R"("kms:DeleteAlias","kms:Describe*","kms:GenerateRandom","kms:Get*","kms:List*","kms:TagResource",)"
       R"("kms:UntagResource","iam:ListGroups","iam:ListRoles","iam:ListUsers"],"Resource":"*"}]})"},
  };
  const auto it = kPolicies.find(name);
  if (it == kPolicies.end()) return std::nullopt;
  return it->second;
}

std::string AwsManagedPolicyName(std::string_view arn) {
  constexpr std::string_view kMarker = ":iam::aws:policy/";
  const size_t at = arn.find(kMarker);
  if (at == std::string_view::npos) return {};
  const std::string_view path = arn.substr(at + kMarker.size());
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace posture::iam
