#include "iac/cloudformation.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

namespace posture::iac {
namespace {

using nlohmann::json;

struct CfnResult {
  std::vector<Resource> resources;
  std::optional<ParseError> error;

  const Resource* find(const std::string& address) const {
    for (const Resource& resource : resources) {
      if (resource.address == address) return &resource;
    }
    return nullptr;
  }
  const json& values(const std::string& address) const {
    const Resource* resource = find(address);
    if (resource == nullptr) throw std::runtime_error("no resource " + address);
    return resource->values;
  }
};

CfnResult CfnRead(const std::string& file, std::string_view text, const CloudFormationOptions& options = {}) {
  CfnResult out;
  out.error = ReadCloudFormation(
      file, text, [&](Resource&& resource) { out.resources.push_back(std::move(resource)); }, options);
  return out;
}

std::string CfnFixtureText(const std::string& name) {
  std::ifstream in(std::string(POSTURE_IAC_TESTDATA_DIR) + "/cloudformation/" + name, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CfnResult CfnReadFixture(const std::string& name, const CloudFormationOptions& options = {}) {
  return CfnRead(name, CfnFixtureText(name), options);
}

CloudFormationOptions CfnRegion(std::string region) {
  CloudFormationOptions options;
  options.region = std::move(region);
  return options;
}

// ---- Short tags and long forms ----------------------------------------------

TEST(CloudFormationTest, ShortTagsInYamlEqualTheirLongFormsInJson) {
  CfnResult yaml = CfnReadFixture("short_tags.yaml", CfnRegion("eu-west-1"));
  CfnResult json_form = CfnReadFixture("short_tags.json", CfnRegion("eu-west-1"));
  ASSERT_FALSE(yaml.error) << yaml.error->text();
  ASSERT_FALSE(json_form.error) << json_form.error->text();
  ASSERT_EQ(yaml.resources.size(), 3u);
  ASSERT_EQ(json_form.resources.size(), 3u);
  for (std::size_t i = 0; i < yaml.resources.size(); ++i) {
    EXPECT_EQ(yaml.resources[i].address, json_form.resources[i].address);
    EXPECT_EQ(yaml.resources[i].type, json_form.resources[i].type);
    EXPECT_EQ(yaml.resources[i].values, json_form.resources[i].values) << yaml.resources[i].address;
  }
}

TEST(CloudFormationTest, ShortTagsResolve) {
  CfnResult read = CfnReadFixture("short_tags.yaml", CfnRegion("eu-west-1"));
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.values("Vpc"), json::parse(R"({"CidrBlock": "10.0.0.0/16", "EnableDnsSupport": true})"));

  const json& sg = read.values("WebSG");
  EXPECT_EQ(sg["GroupDescription"], "web prod in eu-west-1");        // !Sub with a parameter and a pseudo parameter
  EXPECT_EQ(sg["VpcId"], Reference("Vpc"));                          // !Ref of a resource
  EXPECT_EQ(sg["SecurityGroupIngress"][0]["FromPort"], "22");        // !Select of a CommaDelimitedList
  EXPECT_EQ(sg["SecurityGroupIngress"][0]["ToPort"], "3389");        // !Select of !Split
  EXPECT_EQ(sg["SecurityGroupIngress"][1]["FromPort"], 443);         // numbers stay numbers
  EXPECT_EQ(sg["SecurityGroupIngress"][1]["CidrIp"], "10.0.0.0/8");  // !Join

  const json& instance = read.values("Instance");
  EXPECT_EQ(instance["ImageId"], "ami-0123456789abcdef0");  // !FindInMap keyed by AWS::Region
  EXPECT_EQ(instance["AvailabilityZone"], Unknown("Fn::GetAZs"));
  EXPECT_EQ(instance["SecurityGroupIds"][0], Reference("WebSG", "GroupId"));    // !GetAtt A.B
  EXPECT_EQ(instance["SecurityGroupIds"][1], Reference("WebSG", "GroupId"));    // !GetAtt [A, B]
  EXPECT_EQ(instance["UserData"], "#!/bin/bash\necho prod ${NotAVariable}\n");  // !Base64 of Fn::Sub, ${!x} escape
  EXPECT_EQ(instance["SubnetId"], Unknown("Fn::ImportValue shared-subnet"));
  const json& tags = instance["Tags"];
  EXPECT_EQ(tags[0]["Value"], "yes");  // !If on !Equals
  EXPECT_EQ(tags[1]["Value"], "yes");  // !And of !Condition and !Equals
  EXPECT_EQ(tags[2]["Value"], "yes");  // !Or of !Not
  EXPECT_EQ(tags[3]["Value"], Unknown("Fn::Cidr"));
  EXPECT_EQ(tags[4]["Value"], "web-prod");
  EXPECT_EQ(tags[5]["Value"], Unknown("Fn::Transform"));
}

TEST(CloudFormationTest, ResourcesCarryLinesFormatAndRegion) {
  CfnResult yaml = CfnReadFixture("short_tags.yaml", CfnRegion("eu-west-1"));
  CfnResult json_form = CfnReadFixture("short_tags.json");
  ASSERT_FALSE(yaml.error) << yaml.error->text();
  ASSERT_FALSE(json_form.error) << json_form.error->text();
  EXPECT_EQ(yaml.find("Vpc")->location.line, 20);
  EXPECT_EQ(yaml.find("WebSG")->location.line, 25);
  EXPECT_EQ(yaml.find("Instance")->location.line, 39);
  EXPECT_EQ(json_form.find("Vpc")->location.line, 18);
  EXPECT_EQ(json_form.find("WebSG")->location.line, 22);
  EXPECT_EQ(json_form.find("Instance")->location.line, 43);
  const Resource& sg = *yaml.find("WebSG");
  EXPECT_EQ(sg.location.file, "short_tags.yaml");
  EXPECT_EQ(sg.type, "AWS::EC2::SecurityGroup");
  EXPECT_EQ(sg.format, SourceFormat::kCloudFormation);
  EXPECT_EQ(sg.region, "eu-west-1");
  EXPECT_EQ(json_form.find("WebSG")->region, "");
  // Without a region, what depends on it is unknown.
  EXPECT_EQ(json_form.values("WebSG")["GroupDescription"], Unknown("Fn::Sub: AWS::Region (no region given)"));
  EXPECT_TRUE(IsUnknown(json_form.values("Instance")["ImageId"]));
}

// The JSON reader and yaml-cpp (forced by a leading YAML comment) give the
// same values for the same JSON text.
TEST(CloudFormationTest, JsonReaderAgreesWithYamlCpp) {
  for (const char* name : {"short_tags.json", "cdk.template.json"}) {
    const std::string text = CfnFixtureText(name);
    CfnResult json_reader = CfnRead(name, text, CfnRegion("eu-west-1"));
    CfnResult yaml_reader = CfnRead(name, "# via yaml-cpp\n" + text, CfnRegion("eu-west-1"));
    ASSERT_FALSE(json_reader.error) << json_reader.error->text();
    ASSERT_FALSE(yaml_reader.error) << yaml_reader.error->text();
    ASSERT_EQ(json_reader.resources.size(), yaml_reader.resources.size()) << name;
    for (std::size_t i = 0; i < json_reader.resources.size(); ++i) {
      EXPECT_EQ(json_reader.resources[i].values, yaml_reader.resources[i].values) << name;
      EXPECT_EQ(json_reader.resources[i].location.line + 1, yaml_reader.resources[i].location.line) << name;
    }
  }
  constexpr std::string_view scalars = R"({"Resources": {"A": {"Type": "AWS::SNS::Topic", "Properties": {
    "I": 22, "N": -7, "F": 1.5, "E": 2e3, "Big": 123456789012345678901, "T": true, "Nil": null,
    "S": "tab\tquote\" slash\/ \u00e9", "Empty": {}, "List": []}}}})";
  CfnResult json_reader = CfnRead("s.json", scalars);
  CfnResult yaml_reader = CfnRead("s.json", "# via yaml-cpp\n" + std::string(scalars));
  ASSERT_FALSE(json_reader.error) << json_reader.error->text();
  ASSERT_FALSE(yaml_reader.error) << yaml_reader.error->text();
  EXPECT_EQ(json_reader.values("A"), yaml_reader.values("A"));
  EXPECT_EQ(json_reader.values("A")["S"], "tab\tquote\" slash/ \u00e9");
  // A surrogate pair, which yaml-cpp cannot read.
  CfnResult emoji = CfnRead("e.json", R"({"Resources": {"A": {"Type": "X", "Properties": {"S": "\ud83d\ude00"}}}})");
  ASSERT_FALSE(emoji.error) << emoji.error->text();
  EXPECT_EQ(emoji.values("A")["S"], "\U0001F600");
  EXPECT_EQ(json_reader.values("A")["Big"], "123456789012345678901");
}

// ---- Parameters and pseudo parameters ---------------------------------------

constexpr std::string_view kCfnParametersTemplate = R"(
Parameters:
  Name: {Type: String, Default: web}
  Port: {Type: Number, Default: 8080}
  Cidrs: {Type: CommaDelimitedList, Default: "10.0.0.0/8, 192.168.0.0/16"}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>", Default: "subnet-1,subnet-2"}
  NoDefault: {Type: String}
  FromSsm: {Type: "AWS::SSM::Parameter::Value<String>", Default: /team/ami}
Resources:
  Thing:
    Type: AWS::EC2::SecurityGroup
    Properties:
      Name: !Ref Name
      Port: !Ref Port
      Cidrs: !Ref Cidrs
      Subnets: !Ref Subnets
      NoDefault: !Ref NoDefault
      FromSsm: !Ref FromSsm
)";

TEST(CloudFormationTest, ParametersTakeTheirDefaultsTyped) {
  CfnResult read = CfnRead("params.yaml", kCfnParametersTemplate);
  ASSERT_FALSE(read.error) << read.error->text();
  const json& values = read.values("Thing");
  EXPECT_EQ(values["Name"], "web");
  EXPECT_EQ(values["Port"], "8080");  // a Number parameter is passed as a string
  EXPECT_EQ(values["Cidrs"], json::parse(R"(["10.0.0.0/8", "192.168.0.0/16"])"));
  EXPECT_EQ(values["Subnets"], json::parse(R"(["subnet-1", "subnet-2"])"));
  EXPECT_EQ(values["NoDefault"], Unknown("parameter NoDefault has no value"));
  EXPECT_TRUE(IsUnknown(values["FromSsm"]));  // the default names the SSM parameter, not its value
}

TEST(CloudFormationTest, SuppliedParametersOverrideDefaults) {
  CloudFormationOptions options;
  options.parameters = {{"Name", "api"}, {"NoDefault", "given"}, {"Cidrs", "0.0.0.0/0"}, {"Unused", "x"}};
  CfnResult read = CfnRead("params.yaml", kCfnParametersTemplate, options);
  ASSERT_FALSE(read.error) << read.error->text();
  const json& values = read.values("Thing");
  EXPECT_EQ(values["Name"], "api");
  EXPECT_EQ(values["NoDefault"], "given");
  EXPECT_EQ(values["Cidrs"], json::array({"0.0.0.0/0"}));
  EXPECT_EQ(values["Port"], "8080");
}

constexpr std::string_view kCfnPseudoTemplate = R"({
  "Resources": {"Thing": {"Type": "AWS::SNS::Topic", "Properties": {
    "Region": {"Ref": "AWS::Region"}, "Account": {"Ref": "AWS::AccountId"},
    "Partition": {"Ref": "AWS::Partition"}, "Suffix": {"Ref": "AWS::URLSuffix"},
    "StackName": {"Ref": "AWS::StackName"}, "StackId": {"Ref": "AWS::StackId"},
    "Notify": {"Ref": "AWS::NotificationARNs"},
    "Arn": {"Fn::Sub": "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:topic"}}}}})";

TEST(CloudFormationTest, PseudoParameters) {
  CloudFormationOptions options;
  options.region = "eu-central-1";
  options.account_id = "123456789012";
  CfnResult read = CfnRead("pseudo.json", kCfnPseudoTemplate, options);
  ASSERT_FALSE(read.error) << read.error->text();
  const json& values = read.values("Thing");
  EXPECT_EQ(values["Region"], "eu-central-1");
  EXPECT_EQ(values["Account"], "123456789012");
  EXPECT_EQ(values["Partition"], "aws");
  EXPECT_EQ(values["Suffix"], "amazonaws.com");
  EXPECT_EQ(values["StackName"], Unknown("AWS::StackName"));
  EXPECT_EQ(values["StackId"], Unknown("AWS::StackId"));
  EXPECT_EQ(values["Notify"], Unknown("AWS::NotificationARNs"));
  EXPECT_EQ(values["Arn"], "arn:aws:sns:eu-central-1:123456789012:topic");

  CfnResult unset = CfnRead("pseudo.json", kCfnPseudoTemplate);
  ASSERT_FALSE(unset.error) << unset.error->text();
  EXPECT_TRUE(IsUnknown(unset.values("Thing")["Region"]));
  EXPECT_TRUE(IsUnknown(unset.values("Thing")["Account"]));
  EXPECT_EQ(unset.values("Thing")["Partition"], "aws");

  CfnResult china = CfnRead("pseudo.json", kCfnPseudoTemplate, CfnRegion("cn-north-1"));
  ASSERT_FALSE(china.error) << china.error->text();
  EXPECT_EQ(china.values("Thing")["Partition"], "aws-cn");
  EXPECT_EQ(china.values("Thing")["Suffix"], "amazonaws.com.cn");
}

// ---- Mappings ---------------------------------------------------------------

TEST(CloudFormationTest, FindInMap) {
  constexpr std::string_view text = R"(
Mappings:
  Sizes:
    eu-west-1: {Db: db.t3.micro, Encrypted: true}
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceClass: !FindInMap [Sizes, !Ref AWS::Region, Db]
      StorageEncrypted: !FindInMap [Sizes, !Ref AWS::Region, Encrypted]
      Fallback: !FindInMap [Sizes, !Ref AWS::Region, Missing, {DefaultValue: gp3}]
)";
  CfnResult read = CfnRead("map.yaml", text, CfnRegion("eu-west-1"));
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.values("Db")["DBInstanceClass"], "db.t3.micro");
  EXPECT_EQ(read.values("Db")["StorageEncrypted"], true);
  EXPECT_EQ(read.values("Db")["Fallback"], "gp3");

  CfnResult unknown_region = CfnRead("map.yaml", text);
  ASSERT_FALSE(unknown_region.error) << unknown_region.error->text();
  EXPECT_EQ(unknown_region.values("Db")["DBInstanceClass"],
            Unknown("Fn::FindInMap with an unknown key: AWS::Region (no region given)"));

  CfnResult missing = CfnRead("map.yaml", text, CfnRegion("us-east-1"));
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(missing.error->text(), "map.yaml:9: Fn::FindInMap: mapping Sizes has no us-east-1/Db");
}

// ---- Conditions, Fn::If and AWS::NoValue -------------------------------------

constexpr std::string_view kCfnConditionsTemplate = R"(
Parameters:
  Env: {Type: String, Default: dev}
  Flag: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  FlagOn: !Equals [!Ref Flag, "on"]
  ProdAndFlag: !And [!Condition IsProd, !Condition FlagOn]
  DevOrFlag: !Or [!Condition IsDev, !Condition FlagOn]
Resources:
  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
  DevOnly:
    Type: AWS::S3::Bucket
    Condition: IsDev
    Properties:
      BucketName: !If [IsProd, prod-bucket, dev-bucket]
      Versioning: !If [FlagOn, {Status: Enabled}, {Status: Suspended}]
      Other: !Ref ProdOnly
  MaybeFlag:
    Type: AWS::S3::Bucket
    Condition: FlagOn
  ProdAndFlagBucket:
    Type: AWS::S3::Bucket
    Condition: ProdAndFlag
  DevOrFlagBucket:
    Type: AWS::S3::Bucket
    Condition: DevOrFlag
)";

TEST(CloudFormationTest, ConditionsDropResourcesAndPickBranches) {
  CfnResult read = CfnRead("cond.yaml", kCfnConditionsTemplate);
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.find("ProdOnly"), nullptr);           // false -> dropped
  EXPECT_NE(read.find("DevOnly"), nullptr);            // true -> kept
  EXPECT_NE(read.find("MaybeFlag"), nullptr);          // unknown -> kept
  EXPECT_EQ(read.find("ProdAndFlagBucket"), nullptr);  // false AND unknown = false
  EXPECT_NE(read.find("DevOrFlagBucket"), nullptr);    // true OR unknown = true
  const json& dev = read.values("DevOnly");
  EXPECT_EQ(dev["BucketName"], "dev-bucket");
  EXPECT_EQ(dev["Versioning"], json({{"Status", Unknown("Fn::If on unknown condition FlagOn")}}));
  EXPECT_EQ(dev["Other"], Unknown("resource ProdOnly is not created (its Condition is false)"));
  EXPECT_EQ(read.find("MaybeFlag")->values, json::object());  // no Properties -> {}

  CloudFormationOptions prod;
  prod.parameters = {{"Env", "prod"}, {"Flag", "on"}};
  CfnResult flipped = CfnRead("cond.yaml", kCfnConditionsTemplate, prod);
  ASSERT_FALSE(flipped.error) << flipped.error->text();
  EXPECT_NE(flipped.find("ProdOnly"), nullptr);
  EXPECT_EQ(flipped.find("DevOnly"), nullptr);
  EXPECT_NE(flipped.find("ProdAndFlagBucket"), nullptr);
  EXPECT_NE(flipped.find("DevOrFlagBucket"), nullptr);
}

TEST(CloudFormationTest, NoValueRemovesKeysAndItems) {
  constexpr std::string_view text = R"(
Parameters:
  Env: {Type: String, Default: dev}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref AWS::NoValue
      LoggingConfiguration: !If [IsProd, {DestinationBucketName: logs}, !Ref AWS::NoValue]
      Tags:
        - !If [IsProd, {Key: env, Value: prod}, !Ref AWS::NoValue]
        - {Key: team, Value: web}
  Topic:
    Type: AWS::SNS::Topic
    Properties: !If [IsProd, {TopicName: prod}, !Ref AWS::NoValue]
)";
  CfnResult read = CfnRead("novalue.yaml", text);
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.values("Bucket"), json::parse(R"({"Tags": [{"Key": "team", "Value": "web"}]})"));
  EXPECT_EQ(read.values("Topic"), json::object());
}

// ---- Fn::Sub ----------------------------------------------------------------

TEST(CloudFormationTest, SubForms) {
  constexpr std::string_view text = R"(
Parameters:
  Env: {Type: String, Default: prod}
  Missing: {Type: String}
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Plain: !Sub "logs-${Env}"
      WithMap: !Sub ["${Prefix}-${Env}", {Prefix: !Join ["", [a, b]]}]
      WholeRef: !Sub "${Bucket}"
      WholeAttr: !Sub "${Bucket.Arn}"
      InString: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/*"
      MapRef: !Sub ["${B}/*", {B: !GetAtt Bucket.Arn}]
      Escaped: !Sub "${!Env} and ${ Env }"
      UnknownParam: !Sub "x-${Missing}"
)";
  CfnResult read = CfnRead("sub.yaml", text);
  ASSERT_FALSE(read.error) << read.error->text();
  const json& values = read.values("Policy");
  EXPECT_EQ(values["Plain"], "logs-prod");
  EXPECT_EQ(values["WithMap"], "ab-prod");
  EXPECT_EQ(values["WholeRef"], Reference("Bucket"));
  EXPECT_EQ(values["WholeAttr"], Reference("Bucket", "Arn"));
  EXPECT_EQ(values["InString"], Unknown("Fn::Sub references resource Bucket"));
  EXPECT_EQ(values["MapRef"], Unknown("Fn::Sub references resource Bucket"));
  EXPECT_EQ(values["Escaped"], "${Env} and prod");
  EXPECT_EQ(values["UnknownParam"], Unknown("Fn::Sub: parameter Missing has no value"));
}

TEST(CloudFormationTest, FunctionsKnownOnlyAtDeployAreUnknown) {
  constexpr std::string_view text = R"({"Resources": {"Subnet": {"Type": "AWS::EC2::Subnet", "Properties": {
    "AvailabilityZone": {"Fn::Select": [1, {"Fn::GetAZs": {"Ref": "AWS::Region"}}]},
    "CidrBlock": {"Fn::Select": [0, {"Fn::Cidr": ["10.0.0.0/16", 2, 8]}]},
    "VpcId": {"Fn::ImportValue": {"Fn::Sub": "net-${AWS::Region}-vpc"}},
    "Snippet": {"Fn::Transform": {"Name": "AWS::Include"}},
    "Name": {"Fn::Join": ["-", ["subnet", {"Fn::ImportValue": "prefix"}]]},
    "Future": {"Fn::SomethingNew": [1, 2]},
    "Length": {"Fn::Length": [1, 2, 3]},
    "Json": {"Fn::ToJsonString": {"a": [1, "b"]}}}}}})";
  CfnResult read = CfnRead("unknown.json", text, CfnRegion("eu-west-1"));
  ASSERT_FALSE(read.error) << read.error->text();
  const json& values = read.values("Subnet");
  EXPECT_EQ(values["AvailabilityZone"], Unknown("Fn::GetAZs"));
  EXPECT_EQ(values["CidrBlock"], Unknown("Fn::Cidr"));
  EXPECT_EQ(values["VpcId"], Unknown("Fn::ImportValue net-eu-west-1-vpc"));
  EXPECT_EQ(values["Snippet"], Unknown("Fn::Transform"));
  EXPECT_EQ(values["Name"], Unknown("Fn::ImportValue prefix"));
  EXPECT_EQ(values["Future"], Unknown("Fn::SomethingNew is not supported"));
  EXPECT_EQ(values["Length"], 3);
  EXPECT_EQ(values["Json"], R"({"a":[1,"b"]})");
}

TEST(CloudFormationTest, YamlScalarsFollowTheCoreSchema) {
  constexpr std::string_view text = R"(
Resources:
  Thing:
    Type: AWS::SNS::Topic
    Properties:
      Int: 22
      Negative: -1
      Float: 1.5
      Exponent: 1e3
      NotFloats: [1.2.3, 1e, e3, ., 10.0.0.0/16, 0x1F, 99999999999999999999]
      Bool: true
      Quoted: "22"
      Account: 012345678901
      Yes: yes
      Null: ~
      Policy: {Condition: {Null: {"aws:MultiFactorAuthPresent": "true"}}}
      Forced: !!str 443
      Version: 2012-10-17
)";
  CfnResult read = CfnRead("scalars.yaml", text);
  ASSERT_FALSE(read.error) << read.error->text();
  EXPECT_EQ(read.values("Thing"),
            json::parse(R"({"Int": 22, "Negative": -1, "Float": 1.5, "Bool": true, "Exponent": 1000.0,
      "NotFloats": ["1.2.3", "1e", "e3", ".", "10.0.0.0/16", "0x1F", "99999999999999999999"],
      "Quoted": "22", "Account": "012345678901", "Yes": "yes", "Null": null,
      "Policy": {"Condition": {"Null": {"aws:MultiFactorAuthPresent": "true"}}}, "Forced": "443",
      "Version": "2012-10-17"})"));
}

TEST(CloudFormationTest, EveryTypeIsSentAndOddShapesAreRead) {
  constexpr std::string_view text = R"({
  "Parameters": {"Env": {"Type": "String"}, "Attr": {"Type": "String", "Default": "Arn"}},
  "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
  "Resources": {
    "Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"},
    "Custom": {"Type": "Custom::Thing", "Properties": {"ServiceToken": {"Fn::GetAtt": "Fn.Arn"}}},
    "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Role": {"Fn::GetAtt": ["Role", {"Ref": "Attr"}]}}},
    "Role": {"Type": "AWS::IAM::Role", "Properties": {"Path": {"Fn::GetAtt": ["Handle", {"Ref": "Env"}]}}},
    "Maybe": {"Type": "AWS::SNS::Topic",
              "Properties": {"Fn::If": ["IsProd", {"TopicName": "prod"}, {"TopicName": "dev"}]}},
    "Agreed": {"Type": "AWS::S3::Bucket",
               "Properties": {"Fn::If": ["IsProd",
                   {"Versioning": {"Status": "Enabled"}, "Name": "a", "Tags": [1], "Logging": {"Prefix": "p"}},
                   {"Versioning": {"Status": "Enabled"}, "Name": "b", "Tags": [1], "Extra": true}]}},
    "Optional": {"Type": "AWS::S3::Bucket", "Properties": {
        "Same": {"Fn::If": ["IsProd", {"Ref": "AWS::NoValue"}, {"Ref": "AWS::NoValue"}]},
        "Either": {"Fn::If": ["IsProd", "x", {"Ref": "AWS::NoValue"}]}}}}})";
  CfnResult read = CfnRead("odd.json", text);
  ASSERT_FALSE(read.error) << read.error->text();
  ASSERT_EQ(read.resources.size(), 7u);  // mappers ignore the types they do not know
  EXPECT_EQ(read.find("Handle")->values, json::object());
  EXPECT_EQ(read.values("Custom")["ServiceToken"], Reference("Fn", "Arn"));  // long form with "A.B"
  EXPECT_EQ(read.values("Fn")["Role"], Reference("Role", "Arn"));            // attribute from a parameter
  EXPECT_EQ(read.values("Role")["Path"], Unknown("Fn::GetAtt of Handle with an unknown attribute name"));
  // An unknown condition: what both branches agree on is known.
  const json unknown = Unknown("Fn::If on unknown condition IsProd");
  EXPECT_EQ(read.values("Maybe"), json({{"TopicName", unknown}}));
  EXPECT_EQ(read.values("Agreed"), json({{"Versioning", {{"Status", "Enabled"}}},
                                         {"Name", unknown},
                                         {"Tags", {1}},
                                         {"Logging", unknown},
                                         {"Extra", unknown}}));
  EXPECT_EQ(read.values("Optional"), json({{"Either", unknown}}));
}

TEST(CloudFormationTest, TransformedTemplatesMayNameResourcesTheTransformAdds) {
  constexpr std::string_view text = R"(
Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    DependsOn: ApiRole
    Properties:
      Runtime: python3.12
      Role: !GetAtt ApiRole.Arn
      Url: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/${ServerlessRestApiProdStage}"
      Stage: !Ref ServerlessRestApiProdStage
)";
  CfnResult read = CfnRead("sam.yaml", text);
  ASSERT_FALSE(read.error) << read.error->text();
  const json& values = read.values("Api");
  EXPECT_EQ(values["Runtime"], "python3.12");
  EXPECT_EQ(values["Role"], Unknown("ApiRole is not in the template (added by its Transform?)"));
  EXPECT_TRUE(IsUnknown(values["Url"]));
  EXPECT_TRUE(IsUnknown(values["Stage"]));
  EXPECT_EQ(read.find("Api")->type, "AWS::Serverless::Function");
}

// ---- Suppressions and CDK ---------------------------------------------------

TEST(CloudFormationTest, SuppressionsFromPostureMetadataOnly) {
  CfnResult read = CfnReadFixture("suppressions.yaml");
  ASSERT_FALSE(read.error) << read.error->text();
  const Resource& admin = *read.find("AdminSG");
  ASSERT_EQ(admin.suppressions.size(), 2u);
  EXPECT_EQ(admin.suppressions[0].check_id, "ec2_sg_no_admin_ports_from_internet_ipv4");
  EXPECT_EQ(admin.suppressions[0].reason, "bastion host, reviewed in SEC-123");
  EXPECT_EQ(admin.suppressions[1].check_id, "ec2_sg_no_admin_ports_from_internet_ipv6");
  EXPECT_EQ(admin.suppressions[1].reason, "");
  EXPECT_TRUE(read.find("PlainSG")->suppressions.empty());  // checkov's skip is not read

  CfnResult bad = CfnRead("bad.yaml",
                          "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Metadata:\n"
                          "      posture:\n        ignore:\n          - reason: no id\n");
  ASSERT_TRUE(bad.error);
  EXPECT_EQ(bad.error->text(), "bad.yaml:7: Metadata.posture.ignore of A takes {id: <check id>, reason: <text>}");
}

TEST(CloudFormationTest, CdkOutputWorksAsIs) {
  const std::string text = CfnFixtureText("cdk.template.json");
  EXPECT_TRUE(LooksLikeCloudFormation(text));
  CfnResult read = CfnRead("cdk.out/DataStack.template.json", text);
  ASSERT_FALSE(read.error) << read.error->text();
  ASSERT_EQ(read.resources.size(), 3u);  // CDKMetadata's condition is unknown without a region: kept
  EXPECT_EQ(read.resources[0].address, "DataBucketE3889A50");
  EXPECT_EQ(read.resources[0].location.line, 3);
  EXPECT_EQ(read.values("DataBucketE3889A50")["PublicAccessBlockConfiguration"]["BlockPublicPolicy"], true);
  const json& policy = read.values("DataBucketPolicy4DEE1D91");
  EXPECT_EQ(policy["Bucket"], Reference("DataBucketE3889A50"));
  const json& statement = policy["PolicyDocument"]["Statement"][0];
  EXPECT_EQ(statement["Condition"]["Bool"]["aws:SecureTransport"], "false");
  EXPECT_EQ(statement["Resource"][0], Reference("DataBucketE3889A50", "Arn"));
  EXPECT_EQ(statement["Resource"][1], Unknown("Fn::Join of resource DataBucketE3889A50"));
  EXPECT_EQ(read.find("CDKMetadata")->type, "AWS::CDK::Metadata");

  CfnResult listed = CfnRead("DataStack.template.json", text, CfnRegion("eu-west-1"));
  ASSERT_FALSE(listed.error) << listed.error->text();
  EXPECT_NE(listed.find("CDKMetadata"), nullptr);
  CfnResult unlisted = CfnRead("DataStack.template.json", text, CfnRegion("ap-south-2"));
  ASSERT_FALSE(unlisted.error) << unlisted.error->text();
  EXPECT_EQ(unlisted.find("CDKMetadata"), nullptr);
  EXPECT_EQ(unlisted.resources.size(), 2u);
}

// ---- Malformed templates: one line naming file and line ----------------------

std::string CfnFixtureError(const std::string& name) {
  CfnResult read = CfnReadFixture(name);
  EXPECT_TRUE(read.resources.empty()) << name;
  if (!read.error) return "no error";
  EXPECT_EQ(read.error->text().find('\n'), std::string::npos) << read.error->text();
  return read.error->text();
}

TEST(CloudFormationTest, MalformedFixturesGiveOneLineErrors) {
  EXPECT_EQ(CfnFixtureError("bad_indentation.yaml"), "bad_indentation.yaml:6: invalid YAML/JSON: end of map not found");
  EXPECT_EQ(CfnFixtureError("truncated.json"), "truncated.json:15: invalid JSON: unterminated string (truncated?)");
  EXPECT_EQ(CfnFixtureError("no_resources.yaml"), "no_resources.yaml:1: the template has no Resources section");
  EXPECT_EQ(CfnFixtureError("missing_type.yaml"), "missing_type.yaml:6: resource Orphan has no Type");
  EXPECT_EQ(CfnFixtureError("ref_to_nothing.yaml"),
            "ref_to_nothing.yaml:6: Ref to \"MissingVpc\", which is neither a parameter nor a resource");
  EXPECT_EQ(CfnFixtureError("cycle.yaml"), "cycle.yaml:2: reference cycle: RoleA -> RoleB -> RoleC -> RoleA");
}

std::string CfnInlineError(std::string_view text) {
  CfnResult read = CfnRead("t.yaml", text);
  return read.error ? read.error->text() : "no error";
}

TEST(CloudFormationTest, MisusedFunctionsAreErrors) {
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                           "      Name: !Join [\",\", notalist]\n"),
            "t.yaml:5: Fn::Join takes [delimiter, [values]]");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                           "      Name: !Join [\",\"]\n"),
            "t.yaml:5: Fn::Join takes a list of 2 values");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                           "      Name: !GetAtt Missing.Arn\n"),
            "t.yaml:5: Fn::GetAtt of \"Missing\", which is not a resource");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                           "      Name: !Select [5, [a, b]]\n"),
            "t.yaml:5: Fn::Select: index 5 is out of range (2 values)");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: [Nobody]\n"),
            "t.yaml:4: A DependsOn \"Nobody\", which is not a resource");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Condition: Nope\n"),
            "t.yaml:4: no condition named \"Nope\"");
  EXPECT_EQ(CfnInlineError("Conditions:\n  X: !Condition Y\n  Y: !Not [!Condition X]\nResources:\n  A:\n"
                           "    Type: AWS::SNS::Topic\n    Condition: X\n"),
            "t.yaml:3: condition cycle: X -> Y -> X");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n  A:\n    Type: AWS::SNS::Topic\n"),
            "t.yaml:4: duplicate key \"A\"");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    DependsOn: A\n"),
            "t.yaml:2: reference cycle: A -> A");
  EXPECT_EQ(CfnInlineError("{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}\n\n"),
            "t.yaml:1: invalid JSON: unexpected end of file (truncated?)");
  EXPECT_EQ(CfnInlineError("{\"Resources\": {\"A\": {\"Type\":\n  \"AWS::SNS::Topic\"}}\n"),
            "t.yaml:2: invalid JSON: unexpected end of file (truncated?)");
  // Not JSON and not YAML either: the JSON error, which is the precise one.
  EXPECT_EQ(CfnInlineError("{\"Resources\": {\"A\" \"Type\"}}\n"),
            "t.yaml:1: invalid JSON: expected ':' but found '\"'");
  EXPECT_EQ(CfnInlineError("# yaml-cpp reads it\n{\"Resources\": {\"A\": {\"Type\": \"AWS::SNS::Topic\"}\n"),
            "t.yaml:2: invalid YAML/JSON: end of map flow not found (truncated?)");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: !Foo!Bar x\n"), "t.yaml:3: unsupported tag !Foo!Bar");
  EXPECT_EQ(CfnInlineError("Parameters:\n  L: {Type: CommaDelimitedList, Default: a}\nResources:\n  A:\n"
                           "    Type: AWS::SNS::Topic\n    Properties:\n      Name: !Sub \"x${L}\"\n"),
            "t.yaml:7: Fn::Sub: ${L} is not a string");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      Name: !Ref [A]\n"),
            "t.yaml:5: the argument of Ref must be a literal string");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      Name: !Ref AWS::Foo\n"),
            "t.yaml:5: unknown pseudo parameter AWS::Foo");
  EXPECT_EQ(CfnInlineError("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties: [a]\n"),
            "t.yaml:4: the Properties of A must be a mapping");
  EXPECT_EQ(CfnInlineError("Resources:\n  \"A\\nB\": {Type: X}\n  \"A\\nB\": {Type: X}\n"),
            "t.yaml:3: duplicate key \"A\\nB\"");  // still one line
  EXPECT_EQ(CfnInlineError("- a\n- b\n"), "t.yaml:1: a template must be a mapping (JSON object) at the top level");
  EXPECT_EQ(CfnInlineError(""), "t.yaml:1: the template is empty");
  EXPECT_EQ(CfnInlineError("Resources: {}\n"), "t.yaml:1: Resources must be a mapping of at least one resource");
}

TEST(CloudFormationTest, YamlAliasesCannotExplode) {
  std::string aliases = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'h'; ++name) {
    std::string previous(1, static_cast<char>(name - 1));
    aliases += std::string(1, name) + ": &" + name + " [*" + previous + ", *" + previous + ", *" + previous + ", *" +
               previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous + ", *" + previous +
               ", *" + previous + "]\n";
  }
  EXPECT_EQ(CfnInlineError(aliases + "Resources:\n  A:\n    Type: AWS::SNS::Topic\n"),
            "t.yaml:1: more than 1000000 values (YAML aliases?)");
}

// Every prefix and a flipped byte at every position: an error or resources,
// never a crash (run under valgrind/ASan to see it).
TEST(CloudFormationTest, DamagedTemplatesNeverCrash) {
  for (const char* name : {"short_tags.yaml", "short_tags.json", "cdk.template.json"}) {
    const std::string text = CfnFixtureText(name);
    constexpr std::size_t kStep = 13;
    for (std::size_t size = 0; size < text.size(); size += kStep) {
      CfnResult read = CfnRead(name, std::string_view(text).substr(0, size));
      if (read.error) {
        EXPECT_EQ(read.error->text().find('\n'), std::string::npos);
      }
      std::string flipped = text;
      flipped[size] = static_cast<char>(flipped[size] ^ 0x5A);
      CfnRead(name, flipped);
      LooksLikeCloudFormation(flipped);
    }
  }
}

// ---- Sniffing ---------------------------------------------------------------

TEST(CloudFormationTest, LooksLikeCloudFormationByContent) {
  EXPECT_TRUE(LooksLikeCloudFormation(CfnFixtureText("short_tags.yaml")));
  EXPECT_TRUE(LooksLikeCloudFormation(CfnFixtureText("short_tags.json")));
  EXPECT_TRUE(LooksLikeCloudFormation(CfnFixtureText("suppressions.yaml")));
  EXPECT_TRUE(LooksLikeCloudFormation("# comment\nDescription: x\n\"Resources\":\n  A:\n    Type: AWS::SNS::Topic\n"));
  EXPECT_TRUE(LooksLikeCloudFormation("\xEF\xBB\xBF{\"AWSTemplateFormatVersion\": \"2010-09-09\"}"));
  EXPECT_TRUE(LooksLikeCloudFormation("{\"Description\": \"x \\\" }\", \"Resources\": {\"A\": {}}}"));

  // Terraform: a plan, a state, HCL in JSON.
  EXPECT_FALSE(LooksLikeCloudFormation(R"({"format_version": "1.2", "terraform_version": "1.9.0",
      "planned_values": {"root_module": {"resources": [{"values": {"Resources": {}}}]}}})"));
  EXPECT_FALSE(LooksLikeCloudFormation(R"({"version": 4, "terraform_version": "1.9.0", "resources": []})"));
  EXPECT_FALSE(LooksLikeCloudFormation(R"({"resource": {"aws_s3_bucket": {"b": {"bucket": "x"}}}})"));
  // Kubernetes, even with resources everywhere.
  EXPECT_FALSE(LooksLikeCloudFormation(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n"
      "      containers:\n        - name: web\n          resources:\n            limits: {cpu: 1}\n"));
  EXPECT_FALSE(LooksLikeCloudFormation("apiVersion: v1\nkind: List\nResources:\n  A: {}\n"));
  // Other files.
  EXPECT_FALSE(LooksLikeCloudFormation("services:\n  web:\n    image: nginx\n"));
  EXPECT_FALSE(LooksLikeCloudFormation("{\"Resources\": [\"a\"]}"));
  EXPECT_FALSE(LooksLikeCloudFormation("{\"a\": {\"Resources\": {}}}"));
  EXPECT_FALSE(LooksLikeCloudFormation("  Resources:\n    A: {}\n"));
  EXPECT_FALSE(LooksLikeCloudFormation(""));
}

}  // namespace
}  // namespace posture::iac
