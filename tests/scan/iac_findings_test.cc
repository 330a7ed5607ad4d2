#include "scan/iac_findings.h"

#include <gtest/gtest.h>

namespace posture::scan {
namespace {

namespace inv = inventory;

// An IaC inventory with one security group open on 22, as a mapper makes it.
iac::IacInventory OpenGroupEstate() {
  iac::IacInventory out;
  auto& region = out.inventory.regions.emplace_back();
  region.region = "us-east-1";
  inv::SecurityGroup group;
  group.id = "aws_security_group.web";
  group.name = "web";
  group.vpc_id = "aws_vpc.main";
  inv::SecurityGroupRule rule;
  rule.protocol = "tcp";
  rule.from_port = 22;
  rule.to_port = 22;
  rule.ipv4_ranges = {"0.0.0.0/0"};
  group.ingress.push_back(rule);
  region.ec2.security_groups.set({group});
  iac::ResourceInfo info;
  info.address = "aws_security_group.web";
  info.type = "aws_security_group";
  info.location = {.file = "plan.json", .line = 0, .module_source = "./modules/net"};
  out.resources[info.address] = info;
  return out;
}

std::vector<const checks::Check*> CodeChecksFor(const iac::IacInventory& estate) {
  std::vector<const checks::Check*> all;
  for (const auto& check : checks::AllChecks()) all.push_back(&check);
  return ChecksForCode(estate.inventory, all);
}

TEST(IacFindingsTest, RunsOnlyCodeChecksWhoseSectionsTheFilesDescribe) {
  auto estate = OpenGroupEstate();
  auto selected = CodeChecksFor(estate);
  std::set<std::string_view> ids;
  for (const auto* check : selected) ids.insert(check->metadata.id);
  EXPECT_TRUE(ids.count("ec2_sg_no_admin_ports_from_internet_ipv4"));
  EXPECT_FALSE(ids.count("guardduty_enabled"));     // no detector declared: not judged
  EXPECT_FALSE(ids.count("iam_root_mfa_enabled"));  // live only
  EXPECT_FALSE(ids.count("ec2_imdsv2_required"));   // no instances section
  EXPECT_TRUE(SectionPresent(estate.inventory, "ec2.security_groups"));
  EXPECT_FALSE(SectionPresent(estate.inventory, "ec2.instances"));
}

TEST(IacFindingsTest, FailCarriesTheLocation) {
  auto estate = OpenGroupEstate();
  auto findings =
      checks::EvaluateChecks(estate.inventory, {checks::FindCheck("ec2_sg_no_admin_ports_from_internet_ipv4")});
  AnnotateCodeFindings(estate, findings);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].status, checks::FindingStatus::kFail);
  ASSERT_TRUE(findings[0].location.has_value());
  EXPECT_EQ(findings[0].location->address, "aws_security_group.web");
  EXPECT_EQ(findings[0].location->module_source, "./modules/net");
  EXPECT_FALSE(findings[0].muted);
}

TEST(IacFindingsTest, SuppressionMutesWithReason) {
  auto estate = OpenGroupEstate();
  estate.resources["aws_security_group.web"].suppressions = {
      {"ec2_sg_no_admin_ports_from_internet_ipv4", "bastion, reviewed in SEC-42"}};
  auto findings =
      checks::EvaluateChecks(estate.inventory, {checks::FindCheck("ec2_sg_no_admin_ports_from_internet_ipv4"),
                                                checks::FindCheck("ec2_sg_no_open_sensitive_ports")});
  AnnotateCodeFindings(estate, findings);
  for (const auto& f : findings) {
    if (f.check_id == "ec2_sg_no_admin_ports_from_internet_ipv4") {
      EXPECT_TRUE(f.muted);
      EXPECT_EQ(f.mute_reason, "bastion, reviewed in SEC-42");
    } else {
      EXPECT_FALSE(f.muted) << f.check_id;  // a suppression names one check
    }
  }
}

TEST(IacFindingsTest, UnknownFieldTurnsVerdictIntoError) {
  auto estate = OpenGroupEstate();
  estate.resources["aws_security_group.web"].unknown_fields = {"SecurityGroup.ingress"};
  auto findings =
      checks::EvaluateChecks(estate.inventory, {checks::FindCheck("ec2_sg_no_admin_ports_from_internet_ipv4")});
  AnnotateCodeFindings(estate, findings);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].status, checks::FindingStatus::kError);
  EXPECT_NE(findings[0].message.find("unknown until apply: SecurityGroup.ingress"), std::string::npos);

  // A field the check does not read changes nothing.
  auto other = OpenGroupEstate();
  other.resources["aws_security_group.web"].unknown_fields = {"SecurityGroup.description"};
  auto kept = checks::EvaluateChecks(other.inventory, {checks::FindCheck("ec2_sg_no_admin_ports_from_internet_ipv4")});
  AnnotateCodeFindings(other, kept);
  EXPECT_EQ(kept[0].status, checks::FindingStatus::kFail);
}

iac::ResourceInfo IacFindingsResource(const std::string& address, const std::string& type) {
  iac::ResourceInfo info;
  info.address = address;
  info.type = type;
  return info;
}

TEST(IacFindingsTest, AccountLevelVerdictsOnlyWhenTheFilesDeclareTheSetting) {
  iac::IacInventory estate;
  inv::Bucket bucket;
  bucket.name = "logs";
  bucket.arn = "arn:aws:s3:::logs";
  bucket.region = "us-east-1";
  bucket.public_access_block.set(inv::PublicAccessBlock{true, true, true, true});
  estate.inventory.s3.buckets.set({bucket});
  estate.inventory.s3control.account_public_access_block.set(std::nullopt);
  estate.resources["aws_s3_bucket.logs"] = IacFindingsResource("aws_s3_bucket.logs", "aws_s3_bucket");
  estate.address_of["logs"] = "aws_s3_bucket.logs";
  auto run = [&] {
    auto findings = checks::EvaluateChecks(estate.inventory, {checks::FindCheck("s3_public_access_block")});
    AnnotateCodeFindings(estate, findings);
    return findings;
  };

  // The files manage only the bucket: the account-level "not configured" FAIL is not theirs.
  auto bucket_only = run();
  ASSERT_EQ(bucket_only.size(), 1u);
  EXPECT_EQ(bucket_only[0].resource_id, "logs");
  EXPECT_EQ(bucket_only[0].status, checks::FindingStatus::kPass);
  EXPECT_EQ(bucket_only[0].location->address, "aws_s3_bucket.logs");

  // Declared, the account block is judged and points at its resource.
  estate.inventory.s3control.account_public_access_block.set(inv::PublicAccessBlock{true, false, true, true});
  estate.resources["aws_s3_account_public_access_block.main"] =
      IacFindingsResource("aws_s3_account_public_access_block.main", "aws_s3_account_public_access_block");
  auto declared = run();
  ASSERT_EQ(declared.size(), 2u);
  EXPECT_EQ(declared[0].resource_id, "aws_s3_account_public_access_block.main");
  EXPECT_EQ(declared[0].status, checks::FindingStatus::kFail);
}

TEST(IacFindingsTest, EveryCodeCheckSaysWhichFieldsItReads) {
  for (const auto& check : checks::AllChecks()) {
    if (check.metadata.scope != "L+C") continue;
    EXPECT_FALSE(checks::FieldsReadBy(check.metadata).empty()) << check.metadata.id;
  }
}

}  // namespace
}  // namespace posture::scan
