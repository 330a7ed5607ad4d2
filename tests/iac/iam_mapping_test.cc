// The IAM mapper: Terraform (plan with unknown/reference markers, state
// with real names and ARNs) and CloudFormation IAM resources into
// inventory.iam, their joins, unknown marking and comparables, and the L+C
// IAM checks run on the result.
#include <gtest/gtest.h>

#include <algorithm>

#include "checks/check.h"
#include "iac/mapping.h"
#include "mapping_builders.h"

namespace posture::iac {
namespace {

using nlohmann::json;

constexpr const char* kIamAdminDocument =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
constexpr const char* kIamReadDocument =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::b/*"}]})";
constexpr const char* kIamEc2Trust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]})";
constexpr const char* kIamOpenTrust =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]})";

const inventory::AuthorizationDetails& IamDetails(const IacInventory& iac) {
  EXPECT_TRUE(iac.inventory.iam.authorization.ok());
  return *iac.inventory.iam.authorization;
}

template <typename T>
const T& IamNamed(const std::vector<T>& list, const std::string& name) {
  auto it = std::find_if(list.begin(), list.end(), [&](const T& item) { return item.name == name; });
  if (it == list.end()) {
    ADD_FAILURE() << "no " << name;
    static const T kEmpty{};
    return kEmpty;
  }
  return *it;
}

// Comparables as JSON, ids relabelled by `labels` (others kept).
json IamComparables(const IacInventory& iac, const std::map<std::string, std::string>& labels) {
  IdMap ids = [&](const std::string& id) {
    auto it = labels.find(id);
    return it == labels.end() ? id : it->second;
  };
  std::vector<json> rows;
  for (const auto& object : Comparables(iac.inventory, ids)) {
    rows.push_back(
        {{"type", object.type}, {"id", object.id}, {"region", object.region}, {"attributes", object.attributes}});
  }
  std::sort(rows.begin(), rows.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
  return rows;
}

std::vector<checks::Finding> IamRun(const IacInventory& iac, const std::string& check_id) {
  const checks::Check* check = checks::FindCheck(check_id);
  EXPECT_NE(check, nullptr) << check_id;
  if (check == nullptr) return {};
  return checks::EvaluateChecks(iac.inventory, {check});
}

// The status of `check_id`'s finding on `resource_id` ("" when none).
std::string IamStatus(const IacInventory& iac, const std::string& check_id, const std::string& resource_id) {
  for (const auto& finding : IamRun(iac, check_id)) {
    if (finding.resource_id == resource_id) return checks::StatusName(finding.status);
  }
  return "";
}

// ---- A user with a customer-managed policy attached and an inline policy ----

std::vector<Resource> IamUserPlan() {
  return {
      MakeResource("aws_iam_user.alice", "aws_iam_user",
                   {{"name", "alice"},
                    {"path", "/"},
                    {"arn", Unknown("known after apply")},
                    {"unique_id", Unknown("known after apply")},
                    {"id", Unknown("known after apply")}}),
      MakeResource("aws_iam_policy.deploy", "aws_iam_policy",
                   {{"name", "deploy"},
                    {"policy", kIamAdminDocument},
                    {"arn", Unknown("known after apply")},
                    {"id", Unknown("known after apply")}}),
      // `user = aws_iam_user.alice.name` is known in the plan; the ARN is not.
      MakeResource("aws_iam_user_policy_attachment.alice_deploy", "aws_iam_user_policy_attachment",
                   {{"user", "alice"},
                    {"policy_arn",
                     json{{"$unknown", "known after apply"}, {"$ref", "aws_iam_policy.deploy"}, {"$attr", "arn"}}}}),
      MakeResource("aws_iam_user_policy.alice_read", "aws_iam_user_policy",
                   {{"name", "read"}, {"user", "alice"}, {"policy", kIamReadDocument}}),
  };
}

std::vector<Resource> IamUserState() {
  return {
      StateResource("aws_iam_user.alice", "aws_iam_user",
                    {{"name", "alice"},
                     {"id", "alice"},
                     {"arn", "arn:aws:iam::123456789012:user/alice"},
                     {"unique_id", "AIDAEXAMPLEALICE"}}),
      StateResource("aws_iam_policy.deploy", "aws_iam_policy",
                    {{"name", "deploy"},
                     {"id", "arn:aws:iam::123456789012:policy/deploy"},
                     {"arn", "arn:aws:iam::123456789012:policy/deploy"},
                     {"policy", json::parse(kIamAdminDocument).dump()},
                     {"attachment_count", 1}}),
      StateResource(
          "aws_iam_user_policy_attachment.alice_deploy", "aws_iam_user_policy_attachment",
          {{"id", "alice-20260101"}, {"user", "alice"}, {"policy_arn", "arn:aws:iam::123456789012:policy/deploy"}}),
      StateResource("aws_iam_user_policy.alice_read", "aws_iam_user_policy",
                    {{"id", "alice:read"}, {"name", "read"}, {"user", "alice"}, {"policy", kIamReadDocument}}),
  };
}

std::vector<Resource> IamUserTemplate() {
  return {
      TemplateResource(
          "Alice", "AWS::IAM::User",
          {{"UserName", "alice"},
           {"ManagedPolicyArns", json::array({Reference("DeployPolicy")})},
           {"Policies", json::array({{{"PolicyName", "read"}, {"PolicyDocument", json::parse(kIamReadDocument)}}})}}),
      TemplateResource("DeployPolicy", "AWS::IAM::ManagedPolicy",
                       {{"ManagedPolicyName", "deploy"}, {"PolicyDocument", json::parse(kIamAdminDocument)}}),
  };
}

const std::map<std::string, std::string> kIamUserLabels = {
    {"aws_iam_user.alice", "alice"},
    {"Alice", "alice"},
    {"alice", "alice"},
    {"aws_iam_policy.deploy", "deploy"},
    {"DeployPolicy", "deploy"},
    {"deploy", "deploy"},
    {"arn:aws:iam::123456789012:policy/deploy", "deploy"},
};

TEST(IamMappingTest, TerraformPlanUserJoinsAttachmentAndInlinePolicy) {
  const IacInventory iac = BuildInventory(IamUserPlan());
  const auto& details = IamDetails(iac);
  ASSERT_EQ(details.users.size(), 1u);
  const auto& alice = details.users[0];
  EXPECT_EQ(alice.name, "alice");
  EXPECT_EQ(alice.arn, "aws_iam_user.alice");  // unknown until apply: the address, never a made-up ARN
  EXPECT_EQ(alice.attached_policy_arns, std::vector<std::string>{"aws_iam_policy.deploy"});
  ASSERT_EQ(alice.inline_policies.size(), 1u);
  EXPECT_EQ(alice.inline_policies[0].name, "read");
  EXPECT_EQ(alice.inline_policies[0].document, json::parse(kIamReadDocument).dump());
  ASSERT_EQ(details.policies.size(), 1u);
  const auto& deploy = details.policies[0];
  EXPECT_EQ(deploy.name, "deploy");
  EXPECT_EQ(deploy.arn, "aws_iam_policy.deploy");
  EXPECT_FALSE(deploy.aws_managed);
  EXPECT_EQ(deploy.attachment_count, 1);
  // Whitespace-insensitive: the jsonencode text is parsed and re-dumped.
  EXPECT_EQ(deploy.default_version_document, json::parse(kIamAdminDocument).dump());
  // Findings name the user "alice" and the inline policy "alice/read".
  EXPECT_EQ(iac.address_of.at("alice"), "aws_iam_user.alice");
  EXPECT_EQ(iac.address_of.at("deploy"), "aws_iam_policy.deploy");
  EXPECT_EQ(iac.address_of.at("alice/read"), "aws_iam_user_policy.alice_read");
  ASSERT_NE(FindResource(iac, "alice/read"), nullptr);
  EXPECT_EQ(FindResource(iac, "alice/read")->type, "aws_iam_user_policy");
  EXPECT_TRUE(iac.resources.at("aws_iam_user.alice").unknown_fields.empty());
  EXPECT_TRUE(iac.unsupported.empty());
}

TEST(IamMappingTest, TerraformStateUsesRealArnsAndAliases) {
  const IacInventory iac = BuildInventory(IamUserState());
  const auto& details = IamDetails(iac);
  const auto& alice = IamNamed(details.users, "alice");
  EXPECT_EQ(alice.arn, "arn:aws:iam::123456789012:user/alice");
  EXPECT_EQ(alice.attached_policy_arns, std::vector<std::string>{"arn:aws:iam::123456789012:policy/deploy"});
  const auto& deploy = IamNamed(details.policies, "deploy");
  EXPECT_EQ(deploy.arn, "arn:aws:iam::123456789012:policy/deploy");
  EXPECT_EQ(deploy.attachment_count, 1);
  EXPECT_EQ(iac.resources.at("aws_iam_user.alice").real_id, "alice");
  EXPECT_EQ(iac.resources.at("aws_iam_policy.deploy").real_id, "arn:aws:iam::123456789012:policy/deploy");
}

TEST(IamMappingTest, CloudFormationUserEmbedsPoliciesAndReferencesManagedPolicy) {
  const IacInventory iac = BuildInventory(IamUserTemplate());
  const auto& details = IamDetails(iac);
  const auto& alice = IamNamed(details.users, "alice");
  EXPECT_EQ(alice.attached_policy_arns, std::vector<std::string>{"DeployPolicy"});
  ASSERT_EQ(alice.inline_policies.size(), 1u);
  EXPECT_EQ(iac.address_of.at("alice/read"), "Alice");
  EXPECT_EQ(IamNamed(details.policies, "deploy").attachment_count, 1);
  EXPECT_EQ(IamNamed(details.policies, "deploy").arn, "DeployPolicy");
}

TEST(IamMappingTest, UserComparablesAgreeAcrossPlanStateAndTemplate) {
  const json plan = IamComparables(BuildInventory(IamUserPlan()), kIamUserLabels);
  const json state = IamComparables(BuildInventory(IamUserState()), kIamUserLabels);
  const json cfn = IamComparables(BuildInventory(IamUserTemplate()), kIamUserLabels);
  EXPECT_EQ(plan, state);
  EXPECT_EQ(plan, cfn);
  ASSERT_EQ(plan.size(), 2u);
}

TEST(IamMappingTest, UnnamedCloudFormationPrincipalIsNamedByItsLogicalId) {
  const IacInventory iac = BuildInventory({TemplateResource("Builder", "AWS::IAM::User", json::object())});
  EXPECT_EQ(IamDetails(iac).users.at(0).name, "Builder");
  EXPECT_EQ(IamDetails(iac).users.at(0).arn, "Builder");
}

// ---- Roles: trust policies, inline_policy blocks, managed_policy_arns --------

TEST(IamMappingTest, TerraformPlanRoleReadsComputedDefaultsAsAbsent) {
  const IacInventory iac = BuildInventory({
      MakeResource("aws_iam_role.app", "aws_iam_role",
                   {{"name", "app"},
                    {"assume_role_policy", kIamEc2Trust},
                    {"inline_policy", Unknown("known after apply")},
                    {"managed_policy_arns", Unknown("known after apply")},
                    {"arn", Unknown("known after apply")}}),
      MakeResource("aws_iam_role_policy_attachment.app", "aws_iam_role_policy_attachment",
                   {{"role", json{{"$unknown", "known after apply"}, {"$ref", "aws_iam_role.app"}, {"$attr", "name"}}},
                    {"policy_arn", "arn:aws:iam::aws:policy/AmazonS3FullAccess"}}),
  });
  const auto& details = IamDetails(iac);
  const auto& app = IamNamed(details.roles, "app");
  EXPECT_EQ(app.assume_role_policy_document, json::parse(kIamEc2Trust).dump());
  EXPECT_EQ(app.attached_policy_arns, std::vector<std::string>{"arn:aws:iam::aws:policy/AmazonS3FullAccess"});
  EXPECT_TRUE(iac.resources.at("aws_iam_role.app").unknown_fields.empty());
  // The AWS-managed policy is listed, attached once, its document left to the checks.
  const auto& s3 = IamNamed(details.policies, "AmazonS3FullAccess");
  EXPECT_TRUE(s3.aws_managed);
  EXPECT_EQ(s3.attachment_count, 1);
  EXPECT_EQ(s3.default_version_document, "");
  EXPECT_EQ(IamStatus(iac, "iam_policy_no_service_wildcard", "AmazonS3FullAccess"), "FAIL");
}

TEST(IamMappingTest, TerraformStateRoleDeduplicatesComputedAttachmentsAndInlinePolicies) {
  const std::string policy_arn = "arn:aws:iam::123456789012:policy/deploy";
  const IacInventory iac = BuildInventory({
      StateResource("aws_iam_role.app", "aws_iam_role",
                    {{"name", "app"},
                     {"id", "app"},
                     {"arn", "arn:aws:iam::123456789012:role/app"},
                     {"assume_role_policy", kIamEc2Trust},
                     // What AWS holds, including what the resources below put there.
                     {"inline_policy", json::array({{{"name", "read"}, {"policy", kIamReadDocument}}})},
                     {"managed_policy_arns", json::array({policy_arn})}}),
      StateResource("aws_iam_role.empty", "aws_iam_role",
                    {{"name", "empty"},
                     {"id", "empty"},
                     {"assume_role_policy", kIamEc2Trust},
                     {"inline_policy", json::array({{{"name", ""}, {"policy", ""}}})},
                     {"managed_policy_arns", json::array()}}),
      StateResource("aws_iam_policy.deploy", "aws_iam_policy",
                    {{"name", "deploy"}, {"id", policy_arn}, {"arn", policy_arn}, {"policy", kIamReadDocument}}),
      StateResource("aws_iam_role_policy_attachment.app", "aws_iam_role_policy_attachment",
                    {{"role", "app"}, {"policy_arn", policy_arn}}),
      StateResource("aws_iam_role_policy.read", "aws_iam_role_policy",
                    {{"id", "app:read"}, {"name", "read"}, {"role", "app"}, {"policy", kIamReadDocument}}),
  });
  const auto& details = IamDetails(iac);
  const auto& app = IamNamed(details.roles, "app");
  EXPECT_EQ(app.attached_policy_arns, std::vector<std::string>{policy_arn});
  ASSERT_EQ(app.inline_policies.size(), 1u);
  EXPECT_EQ(IamNamed(details.policies, "deploy").attachment_count, 1);
  EXPECT_TRUE(IamNamed(details.roles, "empty").inline_policies.empty());
  // The separate resource owns the finding of the inline policy.
  EXPECT_EQ(iac.address_of.at("app/read"), "aws_iam_role_policy.read");
}

TEST(IamMappingTest, RoleTrustComparablesAgreeAcrossFormats) {
  const std::map<std::string, std::string> labels = {{"aws_iam_role.partner", "partner"}, {"Partner", "partner"}};
  // Terraform: jsonencode output (compact, its own key order); CloudFormation: an object.
  const IacInventory plan = BuildInventory({MakeResource(
      "aws_iam_role.partner", "aws_iam_role",
      {{"name", "partner"}, {"assume_role_policy", kIamOpenTrust}, {"managed_policy_arns", Unknown("x")}})});
  const IacInventory state = BuildInventory({StateResource("aws_iam_role.partner", "aws_iam_role",
                                                           {{"name", "partner"},
                                                            {"arn", "arn:aws:iam::123456789012:role/partner"},
                                                            {"assume_role_policy", json::parse(kIamOpenTrust).dump(2)},
                                                            {"inline_policy", json::array()},
                                                            {"managed_policy_arns", json::array()}})});
  const IacInventory cfn = BuildInventory(
      {TemplateResource("Partner", "AWS::IAM::Role",
                        {{"RoleName", "partner"}, {"AssumeRolePolicyDocument", json::parse(kIamOpenTrust)}})});
  EXPECT_EQ(IamComparables(plan, labels), IamComparables(state, labels));
  EXPECT_EQ(IamComparables(plan, labels), IamComparables(cfn, labels));
  EXPECT_EQ(IamStatus(cfn, "iam_role_trust_restricted", "partner"), "FAIL");
}

TEST(IamMappingTest, ComparablesReadPolicyDocumentsAsIamDoes) {
  const std::map<std::string, std::string> labels;
  // A YAML reader may give 3600 as a string, a plan keeps a single action as a string.
  const IacInventory tf = BuildInventory(
      {MakeResource("aws_iam_policy.p", "aws_iam_policy",
                    {{"name", "p"},
                     {"policy", R"({"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":["b","a"],)"
                                R"("Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":3600}}}})"}})});
  const IacInventory cfn = BuildInventory({TemplateResource(
      "P", "AWS::IAM::ManagedPolicy",
      {{"ManagedPolicyName", "p"},
       {"PolicyDocument",
        {{"Statement",
          json::array({{{"Effect", "Allow"},
                        {"Action", json::array({"s3:GetObject"})},
                        {"Resource", json::array({"a", "b"})},
                        {"Condition", {{"NumericLessThan", {{"aws:MultiFactorAuthAge", "3600"}}}}}}})}}}})});
  EXPECT_EQ(IamComparables(tf, labels), IamComparables(cfn, labels));
}

TEST(IamMappingTest, CloudFormationDocumentReferencesBecomePlaceholders) {
  json trust = json::parse(kIamEc2Trust);
  trust["Statement"][0]["Principal"] = {{"AWS", Reference("Admin", "Arn")}};
  const IacInventory iac = BuildInventory({
      TemplateResource("Admin", "AWS::IAM::Role", {{"AssumeRolePolicyDocument", json::parse(kIamEc2Trust)}}),
      TemplateResource("Worker", "AWS::IAM::Role", {{"AssumeRolePolicyDocument", trust}}),
  });
  const auto& worker = IamNamed(IamDetails(iac).roles, "Worker");
  EXPECT_NE(worker.assume_role_policy_document.find("${Admin.Arn}"), std::string::npos);
  EXPECT_TRUE(iac.resources.at("Worker").unknown_fields.empty());
  EXPECT_EQ(IamStatus(iac, "iam_role_trust_restricted", "Worker"), "PASS");
}

TEST(IamMappingTest, UnknownTrustPolicyIsMarkedAndDataSourceResolvesIt) {
  const json marker = {
      {"$unknown", "known after apply"}, {"$ref", "data.aws_iam_policy_document.trust"}, {"$attr", "json"}};
  std::vector<Resource> resources = {
      MakeResource("aws_iam_role.app", "aws_iam_role", {{"name", "app"}, {"assume_role_policy", marker}})};
  const IacInventory unknown = BuildInventory(resources);
  EXPECT_EQ(IamNamed(IamDetails(unknown).roles, "app").assume_role_policy_document, "");
  EXPECT_TRUE(MarkedUnknown(unknown, "aws_iam_role.app", "IamRole.assume_role_policy_document"));

  resources.push_back(MakeResource("data.aws_iam_policy_document.trust", "aws_iam_policy_document",
                                   {{"json", json::parse(kIamEc2Trust).dump(2)}}));
  const IacInventory known = BuildInventory(resources);
  EXPECT_EQ(IamNamed(IamDetails(known).roles, "app").assume_role_policy_document, json::parse(kIamEc2Trust).dump());
  EXPECT_FALSE(MarkedUnknown(known, "aws_iam_role.app", "IamRole.assume_role_policy_document"));
  EXPECT_EQ(known.resources.count("data.aws_iam_policy_document.trust"), 0u);
  EXPECT_TRUE(known.unsupported.empty());
}

TEST(IamMappingTest, CloudFormationUnknownInsideDocumentMakesItUnknown) {
  json trust = json::parse(kIamEc2Trust);
  trust["Statement"][0]["Principal"] = {{"AWS", Unknown("Fn::ImportValue")}};
  const IacInventory iac =
      BuildInventory({TemplateResource("Role", "AWS::IAM::Role", {{"AssumeRolePolicyDocument", trust}})});
  EXPECT_TRUE(MarkedUnknown(iac, "Role", "IamRole.assume_role_policy_document"));
}

TEST(IamMappingTest, UnreadableDocumentsStayAsTextForTheChecksToReport) {
  const IacInventory iac = BuildInventory({
      MakeResource("aws_iam_role.r", "aws_iam_role", {{"name", "r"}, {"assume_role_policy", "{not json"}}),
      TemplateResource("Bad", "AWS::IAM::Role",
                       {{"AssumeRolePolicyDocument", {{"Statement", std::string("\xff\xfe")}}}}),
  });
  EXPECT_EQ(IamNamed(IamDetails(iac).roles, "r").assume_role_policy_document, "{not json");
  EXPECT_EQ(IamStatus(iac, "iam_role_trust_restricted", "r"), "ERROR");
  EXPECT_FALSE(IamNamed(IamDetails(iac).roles, "Bad").assume_role_policy_document.empty());
}

// ---- Groups and memberships ------------------------------------------------

std::vector<Resource> IamGroupPlan() {
  return {
      MakeResource("aws_iam_user.bob", "aws_iam_user", {{"name", "bob"}, {"arn", Unknown("known after apply")}}),
      MakeResource("aws_iam_group.admins", "aws_iam_group",
                   {{"name", "admins"}, {"arn", Unknown("known after apply")}}),
      MakeResource("aws_iam_group_policy_attachment.admins", "aws_iam_group_policy_attachment",
                   {{"group", "admins"}, {"policy_arn", "arn:aws:iam::aws:policy/AdministratorAccess"}}),
      MakeResource("aws_iam_group_policy.admins_iam", "aws_iam_group_policy",
                   {{"name", "iam"},
                    {"group", "admins"},
                    {"policy", R"({"Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]})"}}),
      MakeResource("aws_iam_user_group_membership.bob", "aws_iam_user_group_membership",
                   {{"user", "bob"}, {"groups", json::array({"admins"})}}),
  };
}

std::vector<Resource> IamGroupTemplate() {
  return {
      TemplateResource("Bob", "AWS::IAM::User", {{"UserName", "bob"}}),
      TemplateResource(
          "Admins", "AWS::IAM::Group",
          {{"GroupName", "admins"},
           {"ManagedPolicyArns", json::array({"arn:aws:iam::aws:policy/AdministratorAccess"})},
           {"Policies",
            json::array(
                {{{"PolicyName", "iam"},
                  {"PolicyDocument",
                   {{"Statement", json::array({{{"Effect", "Allow"}, {"Action", "iam:*"}, {"Resource", "*"}}})}}}}})}}),
      TemplateResource("BobInAdmins", "AWS::IAM::UserToGroupAddition",
                       {{"GroupName", Reference("Admins")}, {"Users", json::array({Reference("Bob")})}}),
  };
}

const std::map<std::string, std::string> kIamGroupLabels = {
    {"aws_iam_user.bob", "bob"},        {"Bob", "bob"},       {"bob", "bob"},
    {"aws_iam_group.admins", "admins"}, {"Admins", "admins"}, {"admins", "admins"},
};

TEST(IamMappingTest, GroupMembershipsJoinUsersToGroups) {
  for (const auto& resources : {IamGroupPlan(), IamGroupTemplate()}) {
    const IacInventory iac = BuildInventory(resources);
    const auto& details = IamDetails(iac);
    const auto& bob = IamNamed(details.users, "bob");
    EXPECT_EQ(bob.groups, std::vector<std::string>{"admins"});
    EXPECT_TRUE(bob.attached_policy_arns.empty());
    const auto& admins = IamNamed(details.groups, "admins");
    EXPECT_EQ(admins.attached_policy_arns, std::vector<std::string>{"arn:aws:iam::aws:policy/AdministratorAccess"});
    ASSERT_EQ(admins.inline_policies.size(), 1u);
    const auto& admin_policy = IamNamed(details.policies, "AdministratorAccess");
    EXPECT_TRUE(admin_policy.aws_managed);
    EXPECT_EQ(admin_policy.attachment_count, 1);
    // Through the group, bob holds AdministratorAccess and iam:*: an escalation path.
    EXPECT_EQ(IamStatus(iac, "iam_no_privilege_escalation", "bob"), "FAIL");
    EXPECT_EQ(IamStatus(iac, "iam_user_no_direct_policies", "bob"), "PASS");
    EXPECT_EQ(IamStatus(iac, "iam_policy_no_service_wildcard", "admins/iam"), "FAIL");
  }
  EXPECT_EQ(IamComparables(BuildInventory(IamGroupPlan()), kIamGroupLabels),
            IamComparables(BuildInventory(IamGroupTemplate()), kIamGroupLabels));
}

TEST(IamMappingTest, GroupMembershipResourceAndCloudFormationUserGroups) {
  const IacInventory tf = BuildInventory({
      MakeResource("aws_iam_user.a", "aws_iam_user", {{"name", "a"}}),
      MakeResource("aws_iam_user.b", "aws_iam_user", {{"name", "b"}}),
      MakeResource("aws_iam_group.g", "aws_iam_group", {{"name", "g"}}),
      MakeResource("aws_iam_group_membership.g", "aws_iam_group_membership",
                   {{"name", "g-members"},
                    {"group", json{{"$unknown", "x"}, {"$ref", "aws_iam_group.g"}, {"$attr", "name"}}},
                    {"users", json::array({"a", Reference("aws_iam_user.b", "name")})}}),
  });
  EXPECT_EQ(IamNamed(IamDetails(tf).users, "a").groups, std::vector<std::string>{"g"});
  EXPECT_EQ(IamNamed(IamDetails(tf).users, "b").groups, std::vector<std::string>{"g"});

  const IacInventory cfn = BuildInventory({
      TemplateResource("G", "AWS::IAM::Group", json::object()),
      TemplateResource("U", "AWS::IAM::User", {{"Groups", json::array({Reference("G"), "external-group"})}}),
  });
  EXPECT_EQ(IamNamed(IamDetails(cfn).users, "U").groups, (std::vector<std::string>{"G", "external-group"}));
}

TEST(IamMappingTest, SeparateInlinePoliciesAgreeAcrossFormats) {
  const std::map<std::string, std::string> labels = {{"aws_iam_group.ops", "ops"}, {"Ops", "ops"}, {"ops", "ops"},
                                                     {"aws_iam_user.dan", "dan"},  {"Dan", "dan"}, {"dan", "dan"}};
  const IacInventory plan = BuildInventory({
      MakeResource("aws_iam_group.ops", "aws_iam_group", {{"name", "ops"}, {"arn", Unknown("known after apply")}}),
      MakeResource("aws_iam_group_policy.ops", "aws_iam_group_policy",
                   {{"name", "read"},
                    {"group", json{{"$unknown", "x"}, {"$ref", "aws_iam_group.ops"}, {"$attr", "name"}}},
                    {"policy", kIamReadDocument}}),
      MakeResource("aws_iam_user.dan", "aws_iam_user", {{"name", "dan"}}),
      MakeResource("aws_iam_user_policy.dan", "aws_iam_user_policy",
                   {{"name", "admin"}, {"user", "dan"}, {"policy", kIamAdminDocument}}),
  });
  const IacInventory state = BuildInventory({
      StateResource("aws_iam_group.ops", "aws_iam_group",
                    {{"name", "ops"}, {"id", "ops"}, {"arn", "arn:aws:iam::123456789012:group/ops"}}),
      StateResource("aws_iam_group_policy.ops", "aws_iam_group_policy",
                    {{"id", "ops:read"}, {"name", "read"}, {"group", "ops"}, {"policy", kIamReadDocument}}),
      StateResource("aws_iam_user.dan", "aws_iam_user",
                    {{"name", "dan"}, {"id", "dan"}, {"arn", "arn:aws:iam::123456789012:user/dan"}}),
      StateResource("aws_iam_user_policy.dan", "aws_iam_user_policy",
                    {{"id", "dan:admin"}, {"name", "admin"}, {"user", "dan"}, {"policy", kIamAdminDocument}}),
  });
  const IacInventory cfn = BuildInventory({
      TemplateResource("Ops", "AWS::IAM::Group", {{"GroupName", "ops"}}),
      TemplateResource(
          "OpsRead", "AWS::IAM::GroupPolicy",
          {{"PolicyName", "read"}, {"GroupName", Reference("Ops")}, {"PolicyDocument", json::parse(kIamReadDocument)}}),
      TemplateResource("Dan", "AWS::IAM::User", {{"UserName", "dan"}}),
      TemplateResource(
          "DanAdmin", "AWS::IAM::UserPolicy",
          {{"PolicyName", "admin"}, {"UserName", "dan"}, {"PolicyDocument", json::parse(kIamAdminDocument)}}),
  });
  EXPECT_EQ(IamComparables(plan, labels), IamComparables(state, labels));
  EXPECT_EQ(IamComparables(plan, labels), IamComparables(cfn, labels));
  EXPECT_EQ(cfn.address_of.at("ops/read"), "OpsRead");
  EXPECT_EQ(cfn.address_of.at("dan/admin"), "DanAdmin");
  EXPECT_EQ(plan.address_of.at("ops/read"), "aws_iam_group_policy.ops");
  for (const IacInventory* iac : {&plan, &state, &cfn}) {
    EXPECT_EQ(IamStatus(*iac, "iam_policy_no_full_admin", "dan/admin"), "FAIL");
    EXPECT_EQ(IamStatus(*iac, "iam_policy_no_full_admin", "ops/read"), "PASS");
    EXPECT_EQ(IamStatus(*iac, "iam_user_no_direct_policies", "dan"), "FAIL");
  }
}

TEST(IamMappingTest, InlinePolicyOfAnUndeclaredPrincipalIsLeftOut) {
  const IacInventory iac = BuildInventory({
      MakeResource("aws_iam_user.u", "aws_iam_user", {{"name", "u"}}),
      MakeResource("aws_iam_user_policy.other", "aws_iam_user_policy",
                   {{"name", "p"}, {"user", "someone-else"}, {"policy", kIamReadDocument}}),
  });
  EXPECT_TRUE(IamNamed(IamDetails(iac).users, "u").inline_policies.empty());
  EXPECT_TRUE(iac.resources.at("aws_iam_user.u").unknown_fields.empty());
}

// ---- Attachments --------------------------------------------------------------

TEST(IamMappingTest, PolicyAttachmentCountsEveryPrincipal) {
  const IacInventory iac = BuildInventory({
      MakeResource("aws_iam_user.u", "aws_iam_user", {{"name", "u"}}),
      MakeResource("aws_iam_group.g", "aws_iam_group", {{"name", "g"}}),
      MakeResource("aws_iam_role.r", "aws_iam_role", {{"name", "r"}, {"assume_role_policy", kIamEc2Trust}}),
      MakeResource("aws_iam_policy.p", "aws_iam_policy", {{"name", "p"}, {"policy", kIamReadDocument}}),
      MakeResource("aws_iam_policy_attachment.p", "aws_iam_policy_attachment",
                   {{"name", "p-everywhere"},
                    {"users", json::array({"u", "someone-else"})},
                    {"groups", json::array({"g"})},
                    {"roles", json::array({"r"})},
                    {"policy_arn", Reference("aws_iam_policy.p", "arn")}}),
  });
  const auto& details = IamDetails(iac);
  EXPECT_EQ(IamNamed(details.policies, "p").attachment_count, 4);  // with the undeclared user
  EXPECT_EQ(IamNamed(details.users, "u").attached_policy_arns, std::vector<std::string>{"aws_iam_policy.p"});
  EXPECT_EQ(IamNamed(details.groups, "g").attached_policy_arns, std::vector<std::string>{"aws_iam_policy.p"});
  EXPECT_EQ(IamNamed(details.roles, "r").attached_policy_arns, std::vector<std::string>{"aws_iam_policy.p"});
  EXPECT_EQ(details.users.size(), 1u);
}

TEST(IamMappingTest, CloudFormationManagedPolicyAndPolicyNamePrincipals) {
  const IacInventory iac = BuildInventory({
      TemplateResource("U", "AWS::IAM::User", {{"UserName", "u"}}),
      TemplateResource("R", "AWS::IAM::Role",
                       {{"RoleName", "r"}, {"AssumeRolePolicyDocument", json::parse(kIamEc2Trust)}}),
      TemplateResource("P", "AWS::IAM::ManagedPolicy",
                       {{"PolicyDocument", json::parse(kIamReadDocument)},
                        {"Users", json::array({Reference("U")})},
                        {"Roles", json::array({"r"})}}),
      TemplateResource("Inline", "AWS::IAM::Policy",
                       {{"PolicyName", "shared"},
                        {"PolicyDocument", json::parse(kIamAdminDocument)},
                        {"Users", json::array({"u"})},
                        {"Roles", json::array({Reference("R")})}}),
      TemplateResource(
          "RoleInline", "AWS::IAM::RolePolicy",
          {{"PolicyName", "own"}, {"PolicyDocument", json::parse(kIamReadDocument)}, {"RoleName", Reference("R")}}),
  });
  const auto& details = IamDetails(iac);
  EXPECT_EQ(IamNamed(details.policies, "P").attachment_count, 2);
  EXPECT_EQ(IamNamed(details.users, "u").attached_policy_arns, std::vector<std::string>{"P"});
  EXPECT_EQ(IamNamed(details.roles, "r").attached_policy_arns, std::vector<std::string>{"P"});
  EXPECT_EQ(IamNamed(details.users, "u").inline_policies.size(), 1u);
  EXPECT_EQ(IamNamed(details.roles, "r").inline_policies.size(), 2u);
  EXPECT_EQ(iac.address_of.at("u/shared"), "Inline");
  EXPECT_EQ(iac.address_of.at("r/own"), "RoleInline");
  EXPECT_EQ(IamStatus(iac, "iam_policy_no_full_admin", "r/shared"), "FAIL");
  EXPECT_EQ(IamStatus(iac, "iam_policy_no_full_admin", "P"), "PASS");
}

// ---- Unknown until apply -------------------------------------------------------

TEST(IamMappingTest, UnknownPolicyDocumentIsMarkedOnPolicyAndHolders) {
  const json marker = {
      {"$unknown", "known after apply"}, {"$ref", "data.aws_iam_policy_document.p"}, {"$attr", "json"}};
  const IacInventory iac = BuildInventory({
      MakeResource("aws_iam_user.u", "aws_iam_user", {{"name", "u"}}),
      MakeResource("aws_iam_group.g", "aws_iam_group", {{"name", "g"}}),
      MakeResource("aws_iam_policy.p", "aws_iam_policy", {{"name", "p"}, {"policy", marker}}),
      MakeResource("aws_iam_group_policy_attachment.g", "aws_iam_group_policy_attachment",
                   {{"group", "g"}, {"policy_arn", Reference("aws_iam_policy.p", "arn")}}),
      MakeResource("aws_iam_user_group_membership.u", "aws_iam_user_group_membership",
                   {{"user", "u"}, {"groups", json::array({"g"})}}),
      MakeResource("aws_iam_user_policy.u", "aws_iam_user_policy", {{"name", "x"}, {"user", "u"}, {"policy", marker}}),
  });
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_policy.p", "ManagedPolicy.default_version_document"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_group.g", "ManagedPolicy.default_version_document"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_user.u", "ManagedPolicy.default_version_document"));  // via the group
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_user_policy.u", "InlinePolicy.document"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_user.u", "InlinePolicy.document"));
  EXPECT_EQ(IamNamed(IamDetails(iac).policies, "p").default_version_document, "");
}

TEST(IamMappingTest, UnknownAttachmentsAndPrincipalsAreMarked) {
  const IacInventory iac = BuildInventory({
      MakeResource("aws_iam_user.u", "aws_iam_user", {{"name", "u"}}),
      MakeResource("aws_iam_user.v", "aws_iam_user", {{"name", "v"}}),
      MakeResource("aws_iam_policy.p", "aws_iam_policy", {{"name", "p"}, {"policy", kIamAdminDocument}}),
      MakeResource("aws_iam_user_policy_attachment.u", "aws_iam_user_policy_attachment",
                   {{"user", "u"}, {"policy_arn", Unknown("known after apply")}}),
      MakeResource("aws_iam_user_group_membership.x", "aws_iam_user_group_membership",
                   {{"user", Unknown("known after apply")}, {"groups", json::array({"g"})}}),
      MakeResource("aws_iam_role.r", "aws_iam_role",
                   {{"name", "r"},
                    {"assume_role_policy", kIamEc2Trust},
                    {"managed_policy_arns", json{{"$unknown", "x"}, {"$ref", "var.arns"}}}}),
  });
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_user.u", "IamUser.attached_policy_arns"));
  EXPECT_FALSE(MarkedUnknown(iac, "aws_iam_user.v", "IamUser.attached_policy_arns"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_policy.p", "ManagedPolicy.attachment_count"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_user.u", "IamUser.groups"));
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_user.v", "IamUser.groups"));
  // A list-level reference to something that is not a policy: unknown.
  EXPECT_TRUE(IamNamed(IamDetails(iac).roles, "r").attached_policy_arns.empty());
  EXPECT_TRUE(MarkedUnknown(iac, "aws_iam_role.r", "IamRole.attached_policy_arns"));
}

TEST(IamMappingTest, CloudFormationUnknownListsAreMarked) {
  const IacInventory iac = BuildInventory({
      TemplateResource("U", "AWS::IAM::User",
                       {{"ManagedPolicyArns", json::array({Unknown("Fn::ImportValue")})},
                        {"Policies", Unknown("Fn::If")},
                        {"Groups", Unknown("Fn::ImportValue")}}),
  });
  EXPECT_TRUE(MarkedUnknown(iac, "U", "IamUser.attached_policy_arns"));
  EXPECT_TRUE(MarkedUnknown(iac, "U", "IamUser.inline_policies"));
  EXPECT_TRUE(MarkedUnknown(iac, "U", "IamUser.groups"));
}

// ---- Password policy ------------------------------------------------------------

TEST(IamMappingTest, PasswordPolicyOnlyWhenDeclared) {
  const IacInventory none = BuildInventory({MakeResource("aws_iam_user.u", "aws_iam_user", {{"name", "u"}})});
  EXPECT_FALSE(none.inventory.iam.password_policy.ok());
  EXPECT_TRUE(none.inventory.iam.authorization.ok());

  const IacInventory only =
      BuildInventory({MakeResource("aws_iam_account_password_policy.strict", "aws_iam_account_password_policy",
                                   {{"minimum_password_length", 14},
                                    {"password_reuse_prevention", 24},
                                    {"require_symbols", true},
                                    {"max_password_age", 90}})});
  EXPECT_FALSE(only.inventory.iam.authorization.ok());
  ASSERT_TRUE(only.inventory.iam.password_policy.ok());
  ASSERT_TRUE(only.inventory.iam.password_policy->has_value());
  const auto& policy = **only.inventory.iam.password_policy;
  EXPECT_EQ(policy.minimum_length, 14);
  EXPECT_EQ(policy.reuse_prevention, 24);
  EXPECT_TRUE(policy.require_symbols);
  EXPECT_FALSE(policy.require_numbers);
  EXPECT_EQ(policy.max_age_days, 90);
  EXPECT_EQ(IamStatus(only, "iam_password_policy_min_length", ""), "PASS");
  EXPECT_EQ(IamStatus(only, "iam_password_policy_reuse", ""), "PASS");
  EXPECT_EQ(only.resources.at("aws_iam_account_password_policy.strict").real_id, "");
}

TEST(IamMappingTest, PasswordPolicyPlanDefaultsAndUnknowns) {
  // A plan of `minimum_password_length = 8` alone: the Optional+Computed
  // settings are unknown without a reference, which is AWS's default.
  const IacInventory weak =
      BuildInventory({MakeResource("aws_iam_account_password_policy.weak", "aws_iam_account_password_policy",
                                   {{"minimum_password_length", 8},
                                    {"password_reuse_prevention", Unknown("known after apply")},
                                    {"max_password_age", Unknown("known after apply")},
                                    {"require_symbols", Unknown("known after apply")}})});
  const auto& policy = **weak.inventory.iam.password_policy;
  EXPECT_EQ(policy.reuse_prevention, 0);
  EXPECT_TRUE(weak.resources.at("aws_iam_account_password_policy.weak").unknown_fields.empty());
  EXPECT_EQ(IamStatus(weak, "iam_password_policy_min_length", ""), "FAIL");
  EXPECT_EQ(IamStatus(weak, "iam_password_policy_reuse", ""), "FAIL");

  const IacInventory absent = BuildInventory(
      {MakeResource("aws_iam_account_password_policy.d", "aws_iam_account_password_policy", json::object())});
  EXPECT_EQ((*absent.inventory.iam.password_policy)->minimum_length, 6);  // the provider's and AWS's default

  const json from_variable = {{"$unknown", "known after apply"}, {"$ref", "random_integer.n"}, {"$attr", "result"}};
  const IacInventory unknown = BuildInventory(
      {MakeResource("aws_iam_account_password_policy.u", "aws_iam_account_password_policy",
                    {{"minimum_password_length", from_variable}, {"password_reuse_prevention", from_variable}})});
  EXPECT_TRUE(MarkedUnknown(unknown, "aws_iam_account_password_policy.u", "PasswordPolicy.minimum_length"));
  EXPECT_TRUE(MarkedUnknown(unknown, "aws_iam_account_password_policy.u", "PasswordPolicy.reuse_prevention"));
}

// ---- The L+C identity checks on mapped inventories ------------------------------

TEST(IamMappingTest, ChecksFailAndPassOnMappedUsersAndPolicies) {
  const IacInventory bad = BuildInventory(IamUserPlan());
  EXPECT_EQ(IamStatus(bad, "iam_user_no_direct_policies", "alice"), "FAIL");
  EXPECT_EQ(IamStatus(bad, "iam_policy_no_full_admin", "deploy"), "FAIL");
  EXPECT_EQ(IamStatus(bad, "iam_policy_no_full_admin", "alice/read"), "PASS");
  EXPECT_EQ(IamStatus(bad, "iam_no_privilege_escalation", "alice"), "FAIL");
  EXPECT_EQ(IamStatus(bad, "iam_policy_no_service_wildcard", "alice/read"), "PASS");

  const IacInventory good = BuildInventory({
      MakeResource("aws_iam_user.carol", "aws_iam_user", {{"name", "carol"}}),
      MakeResource("aws_iam_group.readers", "aws_iam_group", {{"name", "readers"}}),
      MakeResource("aws_iam_policy.read", "aws_iam_policy", {{"name", "read"}, {"policy", kIamReadDocument}}),
      MakeResource("aws_iam_group_policy_attachment.readers", "aws_iam_group_policy_attachment",
                   {{"group", "readers"}, {"policy_arn", Reference("aws_iam_policy.read", "arn")}}),
      MakeResource("aws_iam_user_group_membership.carol", "aws_iam_user_group_membership",
                   {{"user", "carol"}, {"groups", json::array({"readers"})}}),
  });
  EXPECT_EQ(IamStatus(good, "iam_user_no_direct_policies", "carol"), "PASS");
  EXPECT_EQ(IamStatus(good, "iam_policy_no_full_admin", "read"), "PASS");
  EXPECT_EQ(IamStatus(good, "iam_no_privilege_escalation", "carol"), "PASS");
  EXPECT_EQ(IamStatus(good, "iam_policy_no_service_wildcard", "read"), "PASS");
}

TEST(IamMappingTest, ServiceWildcardAndTrustChecksOnTemplates) {
  const IacInventory iac = BuildInventory({
      TemplateResource("Kms", "AWS::IAM::ManagedPolicy",
                       {{"ManagedPolicyName", "kms-all"},
                        {"PolicyDocument",
                         {{"Statement", json::array({{{"Effect", "Allow"}, {"Action", "kms:*"}, {"Resource", "*"}}})}}},
                        {"Roles", json::array({Reference("App")})}}),
      TemplateResource("App", "AWS::IAM::Role",
                       {{"RoleName", "app"}, {"AssumeRolePolicyDocument", json::parse(kIamEc2Trust)}}),
  });
  EXPECT_EQ(IamStatus(iac, "iam_policy_no_service_wildcard", "kms-all"), "FAIL");
  EXPECT_EQ(IamStatus(iac, "iam_role_trust_restricted", "app"), "PASS");
  EXPECT_EQ(IamStatus(iac, "iam_no_privilege_escalation", "app"), "PASS");
}

TEST(IamMappingTest, UnsupportedIamTypesAreCountedNotMapped) {
  const IacInventory iac =
      BuildInventory({MakeResource("aws_iam_role_policies_exclusive.r", "aws_iam_role_policies_exclusive",
                                   {{"role_name", "r"}, {"policy_names", json::array()}})});
  EXPECT_EQ(iac.unsupported.at("aws_iam_role_policies_exclusive"), 1);
  EXPECT_FALSE(iac.inventory.iam.authorization.ok());
}

}  // namespace
}  // namespace posture::iac
