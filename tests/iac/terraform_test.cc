#include "iac/terraform.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace posture::iac {
namespace {

std::string TerraformFixture(const std::string& name) {
  std::ifstream in(std::string(POSTURE_IAC_TESTDATA_DIR) + "/terraform/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The resources a read sent, by address, and its error.
struct TerraformRead {
  std::map<std::string, Resource> resources;
  std::vector<std::string> order;
  std::optional<ParseError> error;
  SourceFormat format = SourceFormat::kCloudFormation;

  const Resource& at(const std::string& address) const {
    auto it = resources.find(address);
    if (it == resources.end()) throw std::out_of_range("no resource " + address);
    return it->second;
  }
};

TerraformRead TerraformReadText(const std::string& file, std::string_view text) {
  TerraformRead read;
  read.error = ReadTerraform(
      file, text,
      [&read](Resource&& resource) {
        read.order.push_back(resource.address);
        read.resources.emplace(resource.address, std::move(resource));
      },
      &read.format);
  return read;
}

TerraformRead TerraformReadFixture(const std::string& name) { return TerraformReadText(name, TerraformFixture(name)); }

nlohmann::json TerraformMarker(const std::string& address, const std::string& attribute = "id") {
  return {{"$unknown", "known after apply"}, {"$ref", address}, {"$attr", attribute}};
}

TEST(TerraformReaderTest, PlanReadsManagedInstancesAcrossModules) {
  TerraformRead read = TerraformReadFixture("plan_modules.json");
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.format, SourceFormat::kTerraformPlan);
  std::vector<std::string> expected = {"aws_security_group.lb",
                                       "aws_security_group.web",
                                       "aws_instance.web[0]",
                                       "aws_instance.web[1]",
                                       "aws_s3_bucket.logs",
                                       "aws_iam_role.app",
                                       "aws_iam_role_policy.app",
                                       "module.net.aws_security_group.this[\"a\"]",
                                       "module.net.aws_security_group.this[\"b\"]",
                                       "module.net.aws_security_group_rule.ssh[\"b\"]",
                                       "module.net.module.inner.aws_vpc.main[0]",
                                       "aws_instance.bastion"};
  // Deleted (aws_s3_bucket.old), deposed (aws_s3_bucket.gone) and data sources are not sent.
  EXPECT_EQ(read.order, expected);
  const Resource& web = read.at("aws_instance.web[0]");
  EXPECT_EQ(web.type, "aws_instance");
  EXPECT_EQ(web.format, SourceFormat::kTerraformPlan);
  EXPECT_EQ(web.values["ami"], "ami-0123456789abcdef0");
  EXPECT_EQ(web.location.file, "plan_modules.json");
  EXPECT_EQ(web.location.line, 0);
}

TEST(TerraformReaderTest, PlanUnknownsCarryTheReferencedAddress) {
  TerraformRead read = TerraformReadFixture("plan_modules.json");
  ASSERT_FALSE(read.error) << read.error->text();
  // A whole-unknown id list: one marker per referenced resource.
  EXPECT_EQ(read.at("aws_instance.web[0]").values["vpc_security_group_ids"],
            nlohmann::json::array({TerraformMarker("aws_security_group.web")}));
  // A partly known list: the unknown item takes the reference.
  EXPECT_EQ(read.at("aws_instance.web[1]").values["vpc_security_group_ids"],
            nlohmann::json::array({"sg-0aaaaaaaaaaaaaaaa", TerraformMarker("aws_security_group.web")}));
  // Unknown inside a nested block, with the block's expression.
  EXPECT_EQ(read.at("aws_security_group.web").values["ingress"][0]["security_groups"],
            nlohmann::json::array({TerraformMarker("aws_security_group.lb")}));
  EXPECT_EQ(read.at("aws_security_group.web").values["ingress"][0]["from_port"], 80);
  // Known nested values stay; unknown ones without references are plain markers.
  const nlohmann::json& metadata = read.at("aws_instance.web[0]").values["metadata_options"][0];
  EXPECT_EQ(metadata["http_tokens"], "required");
  EXPECT_EQ(metadata["http_put_response_hop_limit"], Unknown("known after apply"));
  EXPECT_EQ(read.at("aws_instance.web[0]").values["subnet_id"], Unknown("known after apply"));
  EXPECT_EQ(read.at("aws_security_group.lb").values["arn"], Unknown("known after apply"));
  EXPECT_EQ(read.at("aws_security_group.lb").values["ingress"][0]["cidr_blocks"], nlohmann::json::array({"0.0.0.0/0"}));
}

TEST(TerraformReaderTest, PlanReferencesInModulesAreModuleRelative) {
  TerraformRead read = TerraformReadFixture("plan_modules.json");
  ASSERT_FALSE(read.error) << read.error->text();
  // aws_security_group.this (for_each) from the rule with key "b": the matching instance.
  EXPECT_EQ(read.at("module.net.aws_security_group_rule.ssh[\"b\"]").values["security_group_id"],
            TerraformMarker("module.net.aws_security_group.this[\"b\"]"));
  // A module output followed to the resource it names, two levels down.
  EXPECT_EQ(read.at("module.net.aws_security_group.this[\"a\"]").values["vpc_id"],
            TerraformMarker("module.net.module.inner.aws_vpc.main[0]"));
  EXPECT_EQ(read.at("aws_instance.bastion").values["vpc_security_group_ids"],
            nlohmann::json::array({TerraformMarker("module.net.aws_security_group.this[\"a\"]")}));
}

TEST(TerraformReaderTest, PlanDataSourceValueReplacesUnknownReference) {
  TerraformRead read = TerraformReadFixture("plan_modules.json");
  ASSERT_FALSE(read.error) << read.error->text();
  const nlohmann::json& role = read.at("aws_iam_role.app").values;
  ASSERT_TRUE(role["assume_role_policy"].is_string());
  EXPECT_NE(role["assume_role_policy"].get<std::string>().find("sts:AssumeRole"), std::string::npos);
  // References only to variables: a plain unknown.
  EXPECT_EQ(role["managed_policy_arns"], Unknown("known after apply"));
  // A data source unknown until apply keeps its address; other attributes than id are named.
  const nlohmann::json& policy = read.at("aws_iam_role_policy.app").values;
  EXPECT_EQ(policy["policy"], TerraformMarker("data.aws_iam_policy_document.app", "json"));
  EXPECT_EQ(policy["role"], TerraformMarker("aws_iam_role.app", "name"));
}

TEST(TerraformReaderTest, PlanRegionAndModuleSource) {
  TerraformRead read = TerraformReadFixture("plan_modules.json");
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.at("aws_instance.web[0]").region, "eu-west-1");
  EXPECT_EQ(read.at("aws_instance.bastion").region, "us-west-2");                           // provider aws.west
  EXPECT_EQ(read.at("module.net.aws_security_group_rule.ssh[\"b\"]").region, "eu-west-1");  // inherited
  EXPECT_EQ(read.at("module.net.module.inner.aws_vpc.main[0]").region, "eu-central-1");     // its module's provider
  EXPECT_EQ(read.at("aws_iam_role_policy.app").region, "eu-west-1");                        // provider_config_keys
  EXPECT_EQ(read.at("aws_instance.web[0]").location.module_source, "");
  EXPECT_EQ(read.at("module.net.aws_security_group.this[\"a\"]").location.module_source, "./modules/net");
  EXPECT_EQ(read.at("module.net.module.inner.aws_vpc.main[0]").location.module_source, "./inner");
}

TEST(TerraformReaderTest, SuppressionTags) {
  TerraformRead read = TerraformReadFixture("plan_modules.json");
  ASSERT_FALSE(read.error) << read.error->text();
  const Resource& bucket = read.at("aws_s3_bucket.logs");
  ASSERT_EQ(bucket.suppressions.size(), 1u);  // in tags and tags_all: once
  EXPECT_EQ(bucket.suppressions[0].check_id, "s3_bucket_versioning_enabled");
  EXPECT_EQ(bucket.suppressions[0].reason, "log bucket, replicated");
  const Resource& group = read.at("aws_security_group.web");
  ASSERT_EQ(group.suppressions.size(), 1u);
  EXPECT_EQ(group.suppressions[0].check_id, "ec2_sg_no_admin_ports_from_internet_ipv4");
  EXPECT_TRUE(read.at("aws_instance.web[0]").suppressions.empty());
}

TEST(TerraformReaderTest, PlanKeysInAnyOrder) {
  // Hand-written plans may put after_unknown before after, and change before type.
  std::string plan = R"({"format_version": "1.1", "resource_changes": [
    {"change": {"after_unknown": {"vpc_security_group_ids": true, "ingress": [{"security_groups": [true]}]},
                "after": {"ami": "ami-1", "ingress": [{"security_groups": [null], "from_port": 22}]},
                "actions": ["create"]},
     "name": "web", "type": "aws_instance", "mode": "managed", "address": "aws_instance.web"}],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_instance.web", "mode": "managed", "type": "aws_instance", "name": "web",
     "expressions": {"vpc_security_group_ids": {"references": ["aws_security_group.a.id", "aws_security_group.b.id"]},
                     "ingress": [{"security_groups": {"references": ["aws_security_group.c.id"]}}]}}]}}})";
  TerraformRead read = TerraformReadText("order.json", plan);
  ASSERT_FALSE(read.error) << read.error->text();
  const nlohmann::json& values = read.at("aws_instance.web").values;
  EXPECT_EQ(values["ami"], "ami-1");
  EXPECT_EQ(values["vpc_security_group_ids"],
            nlohmann::json::array({TerraformMarker("aws_security_group.a"), TerraformMarker("aws_security_group.b")}));
  EXPECT_EQ(values["ingress"][0]["security_groups"], nlohmann::json::array({TerraformMarker("aws_security_group.c")}));
  EXPECT_EQ(values["ingress"][0]["from_port"], 22);
}

TEST(TerraformReaderTest, PlanWithoutResourceChangesReadsPlannedValues) {
  std::string plan = R"({
  "format_version": "1.2",
  "terraform_version": "1.6.6",
  "variables": {"region": {"value": "ap-south-1"}},
  "planned_values": {"root_module": {
    "resources": [{"address": "aws_s3_bucket.a", "mode": "managed", "type": "aws_s3_bucket", "name": "a",
                   "values": {"bucket": "a"}},
                  {"address": "data.aws_region.current", "mode": "data", "type": "aws_region", "name": "current",
                   "values": {"name": "ap-south-1"}}],
    "child_modules": [{"address": "module.m[\"x\"]", "resources": [
      {"address": "module.m[\"x\"].aws_iam_role.r[0]", "mode": "managed", "type": "aws_iam_role", "name": "r",
       "index": 0, "values": {"name": "r"}}]}]}},
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}}},
    "root_module": {"module_calls": {"m": {"source": "git::https://example.com/m.git", "module": {}}}}}
})";
  TerraformRead read = TerraformReadText("noop.json", plan);
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.format, SourceFormat::kTerraformPlan);
  EXPECT_EQ(read.order, (std::vector<std::string>{"aws_s3_bucket.a", "module.m[\"x\"].aws_iam_role.r[0]"}));
  EXPECT_EQ(read.at("aws_s3_bucket.a").values["bucket"], "a");
  EXPECT_EQ(read.at("aws_s3_bucket.a").region, "ap-south-1");
  EXPECT_EQ(read.at("module.m[\"x\"].aws_iam_role.r[0]").location.module_source, "git::https://example.com/m.git");
}

TEST(TerraformReaderTest, ShowJsonState) {
  TerraformRead read = TerraformReadFixture("state_show.json");
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.format, SourceFormat::kTerraformState);
  EXPECT_EQ(read.order, (std::vector<std::string>{"aws_security_group.web", "module.net.aws_vpc.main[0]",
                                                  "module.net.module.inner.aws_s3_bucket.b[\"logs\"]"}));
  const Resource& group = read.at("aws_security_group.web");
  EXPECT_EQ(group.format, SourceFormat::kTerraformState);
  EXPECT_EQ(group.values["id"], "sg-0123456789abcdef0");
  EXPECT_EQ(group.values["ingress"][0]["cidr_blocks"][0], "0.0.0.0/0");
  EXPECT_EQ(group.region, "eu-west-1");  // from the ARN
  ASSERT_EQ(group.suppressions.size(), 1u);
  EXPECT_EQ(group.suppressions[0].reason, "break-glass bastion");
  EXPECT_EQ(read.at("module.net.aws_vpc.main[0]").region, "us-east-2");
  EXPECT_EQ(read.at("module.net.module.inner.aws_s3_bucket.b[\"logs\"]").region, "eu-central-1");  // `region`
}

TEST(TerraformReaderTest, EmptyShowJsonStateHasNoResources) {
  TerraformRead read = TerraformReadText("empty.json", R"({"format_version":"1.0"})");
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.format, SourceFormat::kTerraformState);
  EXPECT_TRUE(read.resources.empty());
}

TEST(TerraformReaderTest, RawStateVersion4) {
  TerraformRead read = TerraformReadFixture("raw_v4.tfstate");
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.format, SourceFormat::kTerraformState);
  // The deposed instance and the data source are not sent; string keys are quoted and escaped.
  EXPECT_EQ(read.order,
            (std::vector<std::string>{"aws_security_group.web", "module.net.module.inner.aws_s3_bucket.b[\"logs\"]",
                                      "module.net.module.inner.aws_s3_bucket.b[\"da\\\"ta\"]",
                                      "module.app[0].aws_instance.web[0]"}));
  const Resource& group = read.at("aws_security_group.web");
  EXPECT_EQ(group.type, "aws_security_group");
  EXPECT_EQ(group.values["id"], "sg-0123456789abcdef0");
  EXPECT_EQ(group.region, "eu-west-1");
  ASSERT_EQ(group.suppressions.size(), 1u);
  EXPECT_EQ(read.at("module.app[0].aws_instance.web[0]").values["metadata_options"][0]["http_tokens"], "optional");
  EXPECT_EQ(read.at("module.net.module.inner.aws_s3_bucket.b[\"logs\"]").values["bucket"], "acme-logs");
}

TEST(TerraformReaderTest, PaddedReadNeedsNoCopy) {
  std::string text = TerraformFixture("raw_v4.tfstate");
  text.reserve(text.size() + kTerraformReadPadding);
  int count = 0;
  std::optional<ParseError> error = ReadTerraformPadded("raw_v4.tfstate", text, [&count](Resource&&) { ++count; });
  ASSERT_FALSE(error) << error->text();
  EXPECT_EQ(count, 4);
}

struct TerraformBadCase {
  const char* name;
  std::string text;
  int line;
  const char* message;
};

TEST(TerraformReaderTest, MalformedInputsGiveOneLineErrorsWithFileAndLine) {
  std::vector<TerraformBadCase> cases = {
      {"truncated", "{\"format_version\": \"1.2\",\n\"resource_changes\": [\n{\"address\": \"aws_s3_bucket.a\"", 3,
       "truncated JSON"},
      {"truncated inside a string", "{\"format_version\": \"1.2\",\n\"resource_changes\": [\n{\"address\": \"aws_s3", 3,
       "truncated JSON"},
      {"invalid",
       "{\"format_version\": \"1.2\",\n\"resource_changes\": [\n{\"address\": \"a\", \"mode\": \"managed\",\n"
       "\"type\": \"aws_s3_bucket\", \"name\": \"a\", \"change\": {\"actions\": [\"create\"],\n"
       "\"after\": {\"bucket\": nope}}}\n]}",
       5, "invalid JSON"},
      {"format 2.0", "{\n  \"format_version\": \"2.0\",\n  \"resource_changes\": []\n}", 2,
       "unsupported format_version \"2.0\""},
      {"state version 3", "{\n\"version\": 3,\n\"terraform_version\": \"0.11.14\",\n\"modules\": []\n}", 2,
       "unsupported state version 3"},
      {"not an object", "\n\n[1, 2]", 3, "not a JSON object"},
      {"a string", "\"plan\"", 1, "not a JSON object"},
      {"no version", "{\"resources\": []}", 1, "no \"format_version\" or \"version\""},
      {"empty", "", 1, "empty file"},
      {"blank", "  \n\n ", 1, "empty file"},
      {"control character", "{\"format_version\": \"1.2\",\n\"terraform_version\": \"1.\t6\"}", 2, "invalid JSON"},
      {"change not an object", "{\"format_version\": \"1.0\",\n\"resource_changes\": [\n7]}", 3,
       "unexpected JSON type"},
  };
  for (const TerraformBadCase& bad : cases) {
    SCOPED_TRACE(bad.name);
    TerraformRead read = TerraformReadText("bad.json", bad.text);
    ASSERT_TRUE(read.error);
    EXPECT_EQ(read.error->file, "bad.json");
    EXPECT_EQ(read.error->line, bad.line) << read.error->text();
    EXPECT_NE(read.error->message.find(bad.message), std::string::npos) << read.error->text();
    EXPECT_EQ(read.error->text().find('\n'), std::string::npos);
    EXPECT_EQ(read.error->text().rfind("bad.json:" + std::to_string(bad.line) + ": ", 0), 0u) << read.error->text();
  }
}

TEST(TerraformReaderTest, TruncatedFileSendsNothing) {
  // simdjson's first stage checks the whole text is balanced before any resource is read.
  std::string plan = TerraformFixture("plan_modules.json");
  std::string cut = plan.substr(0, plan.find("\"address\": \"aws_instance.web[1]\""));
  TerraformRead read = TerraformReadText("cut.json", cut);
  ASSERT_TRUE(read.error);
  EXPECT_NE(read.error->message.find("truncated"), std::string::npos) << read.error->text();
  EXPECT_EQ(read.error->line, LineOfOffset(cut, cut.size()) - 1);  // the cut ends with "\n      "
  EXPECT_TRUE(read.order.empty());
}

TEST(TerraformReaderTest, ResourcesBeforeAnErrorStaySent) {
  std::string plan = TerraformFixture("plan_modules.json");
  std::string bad = plan;
  std::size_t at = bad.find(
      "\"instance_type\": \"t3.micro\", \"metadata_options\": [{\"http_endpoint\": \"enabled\", "
      "\"http_tokens\": \"required\"}], \"vpc_security_group_ids\"");
  ASSERT_NE(at, std::string::npos);
  bad.replace(bad.find("t3.micro", at) - 1, 10, "tru");  // "instance_type": tru
  TerraformRead read = TerraformReadText("bad.json", bad);
  ASSERT_TRUE(read.error);
  EXPECT_EQ(read.error->line, LineOfOffset(bad, at)) << read.error->text();
  EXPECT_EQ(read.order,
            (std::vector<std::string>{"aws_security_group.lb", "aws_security_group.web", "aws_instance.web[0]"}));
}

TEST(TerraformReaderTest, MutatedFilesGiveResourcesOrAnErrorNeverACrash) {
  // Deterministic mutations of each fixture: a cut, a deleted byte, a replaced byte.
  const char kReplacements[] = {'"', '{', '}', '[', ']', ',', ':', 'x', '1', '\\', ' ', '\n'};
  for (const char* name : {"plan_modules.json", "state_show.json", "raw_v4.tfstate"}) {
    std::string original = TerraformFixture(name);
    std::uint32_t seed = 6;
    for (int round = 0; round < 300; ++round) {
      seed = seed * 1664525u + 1013904223u;
      std::size_t at = seed % original.size();
      std::string text = original;
      switch (round % 3) {
        case 0:
          text.resize(at);
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text[at] = kReplacements[(seed >> 8) % sizeof(kReplacements)];
      }
      TerraformRead read;
      ASSERT_NO_THROW(read = TerraformReadText(name, text)) << name << " round " << round;
      if (read.error) {
        EXPECT_GE(read.error->line, 1) << read.error->text();
        EXPECT_EQ(read.error->text().find('\n'), std::string::npos);
      }
    }
  }
}

TEST(TerraformReaderTest, LooksLikeTerraformSniffsContent) {
  EXPECT_TRUE(LooksLikeTerraform(TerraformFixture("plan_modules.json")));
  EXPECT_TRUE(LooksLikeTerraform(TerraformFixture("state_show.json")));
  EXPECT_TRUE(LooksLikeTerraform(TerraformFixture("raw_v4.tfstate")));
  EXPECT_TRUE(LooksLikeTerraform("\xEF\xBB\xBF  {\"format_version\": \"1.0\"}"));
  EXPECT_FALSE(LooksLikeTerraform(R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}})"));
  EXPECT_FALSE(LooksLikeTerraform("[{\"format_version\": \"1.0\"}]"));
  EXPECT_FALSE(LooksLikeTerraform("Resources:\n  A: {Type: AWS::S3::Bucket}\n"));
  EXPECT_FALSE(LooksLikeTerraform(""));
}

}  // namespace
}  // namespace posture::iac
