// `posture api` against moto: one or more operations per wire protocol,
// pagination, assumed roles through profiles, and bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/moto.h"

namespace posture::e2e {
namespace {

using Json = nlohmann::json;

Json Api(const std::vector<std::string>& args, std::map<std::string, std::string> env = MotoEnv()) {
  std::vector<std::string> full{"api"};
  full.insert(full.end(), args.begin(), args.end());
  auto result = RunPosture(full, env);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  auto json = Json::parse(result.out, nullptr, false);
  EXPECT_FALSE(json.is_discarded()) << result.out;
  return json;
}

// A one-line message on stderr, nothing on stdout, and the exit code.
void ExpectOneLineError(const RunResult& result, int exit_code, const std::string& fragment) {
  EXPECT_EQ(result.exit_code, exit_code) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
  ASSERT_FALSE(result.err.empty());
  EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
  EXPECT_NE(result.err.find(fragment), std::string::npos) << result.err;
}

TEST(ApiQueryProtocol, StsAndIamWithPagination) {
  POSTURE_REQUIRE_MOTO();
  auto identity = Api({"sts", "GetCallerIdentity"});
  EXPECT_EQ(identity["Account"], "123456789012");

  // moto honours MaxItems on ListPolicies (not on ListUsers).
  std::string document =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})";
  for (int i = 0; i < 5; ++i) {
    Api({"iam", "CreatePolicy", "--param", "PolicyName=policy" + std::to_string(i), "--input",
         Json{{"PolicyDocument", document}}.dump()});
  }
  auto all = Api({"iam", "ListPolicies", "--param", "Scope=Local", "--param", "MaxItems=2"});
  ASSERT_EQ(all["Policies"].size(), 5u);
  EXPECT_EQ(all["IsTruncated"], false);
  EXPECT_FALSE(all.contains("Marker"));
  EXPECT_TRUE(all["Policies"][0]["CreateDate"].is_string());
  auto first = Api({"iam", "ListPolicies", "--param", "Scope=Local", "--param", "MaxItems=2", "--no-paginate"});
  EXPECT_EQ(first["Policies"].size(), 2u);
  EXPECT_EQ(first["IsTruncated"], true);
  EXPECT_TRUE(first.contains("Marker"));
}

TEST(ApiJsonProtocol, LogGroupsArePaginatedByNextToken) {
  POSTURE_REQUIRE_MOTO();
  for (int i = 0; i < 5; ++i) Api({"logs", "CreateLogGroup", "--param", "logGroupName=/posture/g" + std::to_string(i)});
  auto all = Api({"logs", "DescribeLogGroups", "--param", "limit=2"});
  ASSERT_EQ(all["logGroups"].size(), 5u);
  EXPECT_FALSE(all.contains("nextToken"));
}

TEST(ApiQueryProtocol, AwsManagedPoliciesAreLoaded) {
  POSTURE_REQUIRE_MOTO();
  auto policies = Api({"iam", "ListPolicies", "--param", "Scope=AWS", "--param", "MaxItems=100"});
  EXPECT_GT(policies["Policies"].size(), 100u);
}

TEST(ApiEc2Protocol, SecurityGroupsWithNestedRulesAndFilters) {
  POSTURE_REQUIRE_MOTO();
  auto regions = Api({"ec2", "DescribeRegions"});
  EXPECT_GT(regions["Regions"].size(), 10u);

  auto vpc = Api({"ec2", "CreateVpc", "--param", "CidrBlock=10.1.0.0/16"});
  std::string vpc_id = vpc["Vpc"]["VpcId"];
  auto group = Api({"ec2", "CreateSecurityGroup", "--param", "GroupName=ssh-open", "--param", "Description=ssh",
                    "--param", "VpcId=" + vpc_id});
  std::string group_id = group["GroupId"];
  Api({"ec2", "AuthorizeSecurityGroupIngress", "--input",
       Json{{"GroupId", group_id},
            {"IpPermissions",
             {{{"IpProtocol", "tcp"},
               {"FromPort", 22},
               {"ToPort", 22},
               {"IpRanges", {{{"CidrIp", "0.0.0.0/0"}, {"Description", "anywhere"}}}},
               {"Ipv6Ranges", {{{"CidrIpv6", "::/0"}}}}}}}}
           .dump()});
  auto described =
      Api({"ec2", "DescribeSecurityGroups", "--param", R"(Filters=[{"Name":"group-name","Values":["ssh-open"]}])"});
  ASSERT_EQ(described["SecurityGroups"].size(), 1u);
  const auto& permission = described["SecurityGroups"][0]["IpPermissions"][0];
  EXPECT_EQ(permission["FromPort"], 22);
  EXPECT_EQ(permission["IpRanges"][0]["CidrIp"], "0.0.0.0/0");
  EXPECT_EQ(permission["Ipv6Ranges"][0]["CidrIpv6"], "::/0");
}

TEST(ApiJsonProtocol, KmsAndOrganizations) {
  POSTURE_REQUIRE_MOTO();
  auto key = Api({"kms", "CreateKey", "--param", "Description=posture test"});
  std::string key_id = key["KeyMetadata"]["KeyId"];
  EXPECT_TRUE(key["KeyMetadata"]["CreationDate"].is_string());
  auto keys = Api({"kms", "ListKeys"});
  ASSERT_EQ(keys["Keys"].size(), 1u);
  auto rotation = Api({"kms", "GetKeyRotationStatus", "--param", "KeyId=" + key_id});
  EXPECT_EQ(rotation["KeyRotationEnabled"], false);

  Api({"organizations", "CreateOrganization", "--param", "FeatureSet=ALL"});
  auto accounts = Api({"organizations", "ListAccounts"});
  EXPECT_GE(accounts["Accounts"].size(), 1u);
}

TEST(ApiRestJsonProtocol, GuardDutyDetectors) {
  POSTURE_REQUIRE_MOTO();
  auto created = Api({"guardduty", "CreateDetector", "--param", "Enable=true"});
  std::string id = created["DetectorId"];
  auto listed = Api({"guardduty", "ListDetectors"});
  ASSERT_EQ(listed["DetectorIds"].size(), 1u);
  EXPECT_EQ(listed["DetectorIds"][0], id);
  auto detector = Api({"guardduty", "GetDetector", "--param", "DetectorId=" + id});
  EXPECT_EQ(detector["Status"], "ENABLED");
}

TEST(ApiRestXmlProtocol, S3BucketsLocationAndPolicy) {
  POSTURE_REQUIRE_MOTO();
  Api({"s3", "CreateBucket", "--param", "Bucket=posture-east"});
  Api({"s3", "CreateBucket", "--param", "Bucket=posture-west", "--param",
       R"(CreateBucketConfiguration={"LocationConstraint":"eu-west-1"})", "--region", "eu-west-1"});
  auto buckets = Api({"s3", "ListBuckets"});
  ASSERT_EQ(buckets["Buckets"].size(), 2u);
  auto west = Api({"s3", "GetBucketLocation", "--param", "Bucket=posture-west"});
  EXPECT_EQ(west["LocationConstraint"], "eu-west-1");

  std::string policy =
      R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*",)"
      R"("Resource":"arn:aws:s3:::posture-east/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]})";
  // A string member keeps JSON-looking --param values as text.
  Api({"s3", "PutBucketPolicy", "--param", "Bucket=posture-east", "--param", "Policy=" + policy});
  auto fetched = Api({"s3", "GetBucketPolicy", "--param", "Bucket=posture-east"});
  auto parsed = Json::parse(fetched["Policy"].get<std::string>());
  EXPECT_EQ(parsed["Statement"][0]["Condition"]["Bool"]["aws:SecureTransport"], "false");

  auto missing = RunPosture({"api", "s3", "GetBucketPolicy", "--param", "Bucket=posture-west"}, MotoEnv());
  ExpectOneLineError(missing, 1, "NoSuchBucketPolicy");
}

TEST(ApiRestXmlProtocol, S3ControlAccountPublicAccessBlock) {
  POSTURE_REQUIRE_MOTO();
  Api({"s3control", "PutPublicAccessBlock", "--input",
       Json{{"AccountId", "123456789012"},
            {"PublicAccessBlockConfiguration",
             {{"BlockPublicAcls", true},
              {"IgnorePublicAcls", true},
              {"BlockPublicPolicy", true},
              {"RestrictPublicBuckets", false}}}}
           .dump()});
  auto block = Api({"s3control", "GetPublicAccessBlock", "--param", "AccountId=123456789012"});
  EXPECT_EQ(block["PublicAccessBlockConfiguration"]["BlockPublicAcls"], true);
  EXPECT_EQ(block["PublicAccessBlockConfiguration"]["RestrictPublicBuckets"], false);
}

TEST(ApiCredentials, AssumeRoleThroughAProfile) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  std::string dir = TempDir();
  WriteFile(dir + "/config",
            "[profile base]\nregion = us-east-1\n"
            "[profile audit]\nrole_arn = arn:aws:iam::111111111111:role/posture-audit\n"
            "source_profile = base\nexternal_id = posture-ext\n");
  WriteFile(dir + "/credentials",
            "[base]\naws_access_key_id = AKIABASEBASEBASE1234\n"
            "aws_secret_access_key = basesecretbasesecretbasesecret12\n");
  env.erase("AWS_ACCESS_KEY_ID");
  env.erase("AWS_SECRET_ACCESS_KEY");
  env["AWS_CONFIG_FILE"] = dir + "/config";
  env["AWS_SHARED_CREDENTIALS_FILE"] = dir + "/credentials";
  auto identity = Api({"sts", "GetCallerIdentity", "--profile", "audit"}, env);
  EXPECT_EQ(identity["Account"], "111111111111");
  EXPECT_NE(identity["Arn"].get<std::string>().find("assumed-role/posture-audit"), std::string::npos);
}

TEST(ApiCredentials, WebIdentityThroughAProfile) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  std::string dir = TempDir();
  WriteFile(dir + "/token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb3N0dXJlIn0.c2lnbmF0dXJl");
  WriteFile(dir + "/config",
            "[profile ci]\nrole_arn = arn:aws:iam::222222222222:role/ci-audit\n"
            "web_identity_token_file = " +
                dir + "/token\n");
  env.erase("AWS_ACCESS_KEY_ID");
  env.erase("AWS_SECRET_ACCESS_KEY");
  env["AWS_CONFIG_FILE"] = dir + "/config";
  env["AWS_PROFILE"] = "ci";
  auto identity = Api({"sts", "GetCallerIdentity"}, env);
  EXPECT_EQ(identity["Account"], "222222222222");
  EXPECT_NE(identity["Arn"].get<std::string>().find("assumed-role/ci-audit"), std::string::npos);
}

TEST(ApiBadInput, MalformedConfigFile) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  std::string dir = TempDir();
  WriteFile(dir + "/config", "[profile broken\nregion = us-east-1\n");
  env["AWS_CONFIG_FILE"] = dir + "/config";
  ExpectOneLineError(RunPosture({"api", "sts", "GetCallerIdentity"}, env), 1, dir + "/config");
}

TEST(ApiBadInput, UnknownProfile) {
  POSTURE_REQUIRE_MOTO();
  auto result = RunPosture({"api", "sts", "GetCallerIdentity", "--profile", "nosuch"}, MotoEnv());
  ExpectOneLineError(result, 1, "nosuch");
}

TEST(ApiBadInput, MissingCredentials) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  env.erase("AWS_ACCESS_KEY_ID");
  env.erase("AWS_SECRET_ACCESS_KEY");
  ExpectOneLineError(RunPosture({"api", "sts", "GetCallerIdentity"}, env), 1, "no AWS credentials found");
}

TEST(ApiBadInput, UnreachableEndpoint) {
  auto env = MotoEnv();
  env["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1";
  env["AWS_MAX_ATTEMPTS"] = "1";
  ExpectOneLineError(RunPosture({"api", "sts", "GetCallerIdentity"}, env), 1, "could not connect");
}

TEST(ApiBadInput, UsageErrors) {
  auto env = MotoEnv();
  ExpectOneLineError(RunPosture({"api", "sts", "GetCallerIdentity", "--regoin", "x"}, env), 2, "unknown flag");
  ExpectOneLineError(RunPosture({"api", "nosuch", "Op"}, env), 2, "unknown service");
  ExpectOneLineError(RunPosture({"api", "iam", "ListUser"}, env), 2, "no operation");
  ExpectOneLineError(RunPosture({"api", "iam", "CreateUser", "--param", "Nope=1"}, env), 2, "Nope");
  ExpectOneLineError(RunPosture({"nosuch"}, env), 2, "unknown command");
}

TEST(ApiBadInput, DeniedCallIsTypedAndSecretsStayOut) {
  POSTURE_REQUIRE_MOTO();
  auto env = MotoEnv();
  auto result = RunPosture({"api", "iam", "GetUser", "--param", "UserName=ghost"}, env);
  // GetUser is not in posture's models: a usage error naming the operation.
  EXPECT_EQ(result.exit_code, 2);
  auto missing = RunPosture({"api", "iam", "GetLoginProfile", "--param", "UserName=ghost"}, env);
  ExpectOneLineError(missing, 1, "NoSuchEntity");
  EXPECT_EQ(missing.err.find(env["AWS_SECRET_ACCESS_KEY"]), std::string::npos);
}

}  // namespace
}  // namespace posture::e2e
