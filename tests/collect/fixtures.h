// Canned AWS answers for the collector tests, shaped like what AWS and moto
// send (namespaces, request ids, the members a real answer carries), and
// AnswerSmallEstate(), which answers every call of a full scan. Header-only
// (the test glob compiles only *_test.cc files).
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "aws/url.h"
#include "base/encoding.h"
#include "base/hash.h"
#include "collect/collect.h"
#include "collect/fake_aws.h"
#include "inventory/inventory.h"
#include "inventory/sections.h"

namespace posture::collect::testing {

inline constexpr const char* kAccount = "123456789012";

inline std::string CallerIdentityXml(const std::string& arn = "arn:aws:iam::123456789012:user/audit") {
  return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
         "<Arn>" +
         arn +
         "</Arn><UserId>AIDAEXAMPLEAUDIT</UserId><Account>123456789012</Account>"
         "</GetCallerIdentityResult><ResponseMetadata><RequestId>req-sts</RequestId></ResponseMetadata>"
         "</GetCallerIdentityResponse>";
}

// An EC2 Describe* answer: `set` is the list element, `items` its <item>s.
inline std::string Ec2Xml(const std::string& operation, const std::string& set, const std::string& items,
                          const std::string& next_token = "") {
  std::string body = "<" + operation +
                     "Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                     "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><" +
                     set + ">" + items + "</" + set + ">";
  if (!next_token.empty()) body += "<nextToken>" + next_token + "</nextToken>";
  return body + "</" + operation + "Response>";
}

// A query-protocol answer (IAM, ELBv2).
inline std::string QueryXml(const std::string& operation, const std::string& result, const std::string& ns) {
  return "<" + operation + "Response xmlns=\"" + ns + "\"><" + operation + "Result>" + result + "</" + operation +
         "Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></" +
         operation + "Response>";
}
inline std::string IamXml(const std::string& operation, const std::string& result) {
  return QueryXml(operation, result, "https://iam.amazonaws.com/doc/2010-05-08/");
}

inline const char* kOpenSshGroup = R"(<item>
  <ownerId>123456789012</ownerId><groupId>sg-0aaa</groupId><groupName>web</groupName>
  <groupDescription>web servers</groupDescription><vpcId>vpc-0prod</vpcId>
  <securityGroupArn>arn:aws:ec2:us-east-1:123456789012:security-group/sg-0aaa</securityGroupArn>
  <ipPermissions>
    <item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort><groups/>
      <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>anyone</description></item></ipRanges>
      <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item>
    <item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort>
      <groups><item><userId>123456789012</userId><groupId>sg-0lb</groupId></item></groups><ipRanges/><ipv6Ranges/>
      <prefixListIds><item><prefixListId>pl-63a5400a</prefixListId></item></prefixListIds></item>
  </ipPermissions>
  <ipPermissionsEgress>
    <item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
      <ipv6Ranges/><prefixListIds/></item>
  </ipPermissionsEgress>
  <tagSet><item><key>Environment</key><value>prod</value></item><item><key>Name</key><value>web</value></item></tagSet>
</item>)";

inline const char* kDefaultGroup = R"(<item>
  <ownerId>123456789012</ownerId><groupId>sg-0def</groupId><groupName>default</groupName>
  <groupDescription>default VPC security group</groupDescription><vpcId>vpc-0prod</vpcId>
  <ipPermissions/><ipPermissionsEgress/>
</item>)";

inline const char* kNetworkAcl = R"(<item>
  <networkAclId>acl-0abc</networkAclId><vpcId>vpc-0prod</vpcId><default>true</default>
  <entrySet>
    <item><ruleNumber>100</ruleNumber><protocol>6</protocol><ruleAction>allow</ruleAction><egress>false</egress>
      <cidrBlock>0.0.0.0/0</cidrBlock><portRange><from>22</from><to>22</to></portRange></item>
    <item><ruleNumber>101</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction><egress>false</egress>
      <ipv6CidrBlock>::/0</ipv6CidrBlock></item>
    <item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction><egress>true</egress>
      <cidrBlock>0.0.0.0/0</cidrBlock></item>
  </entrySet>
  <associationSet>
    <item><networkAclAssociationId>aclassoc-1</networkAclAssociationId><networkAclId>acl-0abc</networkAclId>
      <subnetId>subnet-0a</subnetId></item>
    <item><networkAclAssociationId>aclassoc-2</networkAclAssociationId><networkAclId>acl-0abc</networkAclId>
      <subnetId>subnet-0b</subnetId></item>
  </associationSet>
  <tagSet/><ownerId>123456789012</ownerId>
</item>)";

inline const char* kReservation = R"(<item>
  <reservationId>r-0123</reservationId><ownerId>123456789012</ownerId><groupSet/>
  <instancesSet>
    <item>
      <instanceId>i-0pub</instanceId><imageId>ami-0abc</imageId>
      <instanceState><code>16</code><name>running</name></instanceState>
      <privateIpAddress>10.0.1.5</privateIpAddress><ipAddress>54.1.2.3</ipAddress>
      <subnetId>subnet-0a</subnetId><vpcId>vpc-0prod</vpcId>
      <groupSet><item><groupId>sg-0aaa</groupId><groupName>web</groupName></item></groupSet>
      <networkInterfaceSet>
        <item><networkInterfaceId>eni-01</networkInterfaceId><subnetId>subnet-0a</subnetId>
          <privateIpAddress>10.0.1.5</privateIpAddress>
          <groupSet><item><groupId>sg-0aaa</groupId><groupName>web</groupName></item>
                    <item><groupId>sg-0extra</groupId><groupName>extra</groupName></item></groupSet>
          <association><publicIp>54.1.2.3</publicIp><ipOwnerId>amazon</ipOwnerId></association></item>
        <item><networkInterfaceId>eni-02</networkInterfaceId><subnetId>subnet-0b</subnetId>
          <privateIpAddress>10.0.2.9</privateIpAddress>
          <groupSet><item><groupId>sg-0db</groupId></item></groupSet></item>
      </networkInterfaceSet>
      <metadataOptions><state>applied</state><httpTokens>optional</httpTokens><httpEndpoint>enabled</httpEndpoint>
        <httpPutResponseHopLimit>1</httpPutResponseHopLimit></metadataOptions>
      <iamInstanceProfile><arn>arn:aws:iam::123456789012:instance-profile/web</arn><id>AIPAEXAMPLE</id></iamInstanceProfile>
      <tagSet><item><key>Name</key><value>bastion</value></item></tagSet>
    </item>
    <item>
      <instanceId>i-0priv</instanceId><instanceState><code>80</code><name>stopped</name></instanceState>
      <subnetId>subnet-0b</subnetId><vpcId>vpc-0prod</vpcId><groupSet/>
      <metadataOptions><httpTokens>required</httpTokens><httpEndpoint>enabled</httpEndpoint></metadataOptions>
    </item>
  </instancesSet>
</item>)";

inline const char* kVpcs = R"(<item><vpcId>vpc-0prod</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>
  <ownerId>123456789012</ownerId><isDefault>false</isDefault>
  <tagSet><item><key>Environment</key><value>prod</value></item></tagSet></item>
<item><vpcId>vpc-0def</vpcId><state>available</state><cidrBlock>172.31.0.0/16</cidrBlock>
  <ownerId>123456789012</ownerId><isDefault>true</isDefault></item>)";

inline const char* kPeering = R"(<item>
  <vpcPeeringConnectionId>pcx-0111</vpcPeeringConnectionId>
  <requesterVpcInfo><ownerId>123456789012</ownerId><vpcId>vpc-0prod</vpcId><cidrBlock>10.0.0.0/16</cidrBlock>
    <region>us-east-1</region></requesterVpcInfo>
  <accepterVpcInfo><ownerId>210987654321</ownerId><vpcId>vpc-0dev</vpcId><cidrBlock>10.1.0.0/16</cidrBlock>
    <region>eu-west-1</region></accepterVpcInfo>
  <status><code>active</code><message>Active</message></status>
  <tagSet><item><key>Name</key><value>prod-to-dev</value></item></tagSet>
</item>)";

inline std::string LoadBalancersXml(const std::string& members, const std::string& next_marker = "") {
  std::string result = "<LoadBalancers>" + members + "</LoadBalancers>";
  if (!next_marker.empty()) result += "<NextMarker>" + next_marker + "</NextMarker>";
  return QueryXml("DescribeLoadBalancers", result, "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/");
}

inline std::string LoadBalancerMember(const std::string& name, const std::string& scheme,
                                      const std::string& type = "application") {
  return "<member><LoadBalancerArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/" + name +
         "/50dc6c495c0c9188</LoadBalancerArn><Scheme>" + scheme + "</Scheme><LoadBalancerName>" + name +
         "</LoadBalancerName><VpcId>vpc-0prod</VpcId><CanonicalHostedZoneId>Z2P70J7EXAMPLE</CanonicalHostedZoneId>"
         "<CreatedTime>2026-01-01T00:00:00.000Z</CreatedTime><AvailabilityZones/><Type>" +
         type +
         "</Type>"
         "<DNSName>" +
         name +
         "-1234567890.us-east-1.elb.amazonaws.com</DNSName><State><Code>active</Code></State>"
         "</member>";
}

inline std::string Encoded(const std::string& json) { return base::UriEncode(json); }

inline const char* kAdminPolicy =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";
inline const char* kReadPolicy =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "arn:aws:s3:::logs+archive/*"}]})";
inline const char* kTrustPolicy =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})";

inline std::string AuthorizationDetailsXml(const std::string& lists, const std::string& marker = "") {
  std::string result = "<IsTruncated>" + std::string(marker.empty() ? "false" : "true") + "</IsTruncated>" + lists;
  if (!marker.empty()) result += "<Marker>" + marker + "</Marker>";
  return IamXml("GetAccountAuthorizationDetails", result);
}

inline std::string UserDetails() {
  return "<UserDetailList><member><Path>/</Path><UserName>alice</UserName><UserId>AIDAALICE</UserId>"
         "<Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate>"
         "<UserPolicyList><member><PolicyName>inline-admin</PolicyName><PolicyDocument>" +
         Encoded(kAdminPolicy) +
         "</PolicyDocument></member></UserPolicyList>"
         "<GroupList><member>Admins</member><member>Readers</member></GroupList>"
         "<AttachedManagedPolicies><member><PolicyName>AdministratorAccess</PolicyName>"
         "<PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedManagedPolicies>"
         "<Tags/></member></UserDetailList>";
}

inline std::string GroupAndRoleDetails() {
  return "<GroupDetailList><member><Path>/</Path><GroupName>Readers</GroupName><GroupId>AGPAREADERS</GroupId>"
         "<Arn>arn:aws:iam::123456789012:group/Readers</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate>"
         "<GroupPolicyList><member><PolicyName>read-logs</PolicyName><PolicyDocument>" +
         Encoded(kReadPolicy) +
         "</PolicyDocument></member></GroupPolicyList><AttachedManagedPolicies><member><PolicyName>custom-admin"
         "</PolicyName><PolicyArn>arn:aws:iam::123456789012:policy/custom-admin</PolicyArn></member>"
         "</AttachedManagedPolicies></member></GroupDetailList>"
         "<RoleDetailList><member><Path>/</Path><RoleName>web</RoleName><RoleId>AROAWEB</RoleId>"
         "<Arn>arn:aws:iam::123456789012:role/web</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate>"
         "<AssumeRolePolicyDocument>" +
         Encoded(kTrustPolicy) +
         "</AssumeRolePolicyDocument>"
         "<InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/><Tags/></member></RoleDetailList>";
}

inline std::string PolicyMember(const std::string& arn, const std::string& name, int attachments, const std::string& v1,
                                const std::string& v2) {
  return "<member><PolicyName>" + name + "</PolicyName><DefaultVersionId>v2</DefaultVersionId><PolicyId>ANPA" + name +
         "</PolicyId><Path>/</Path><PolicyVersionList>"
         "<member><Document>" +
         Encoded(v1) +
         "</Document><IsDefaultVersion>false</IsDefaultVersion>"
         "<VersionId>v1</VersionId><CreateDate>2026-01-01T00:00:00Z</CreateDate></member>"
         "<member><Document>" +
         Encoded(v2) +
         "</Document><IsDefaultVersion>true</IsDefaultVersion>"
         "<VersionId>v2</VersionId><CreateDate>2026-01-02T00:00:00Z</CreateDate></member></PolicyVersionList>"
         "<Arn>" +
         arn + "</Arn><AttachmentCount>" + std::to_string(attachments) +
         "</AttachmentCount>"
         "<PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable>"
         "<CreateDate>2026-01-01T00:00:00Z</CreateDate><UpdateDate>2026-01-02T00:00:00Z</UpdateDate></member>";
}

inline std::string PolicyDetails() {
  return "<Policies>" +
         PolicyMember("arn:aws:iam::123456789012:policy/custom-admin", "custom-admin", 1, kReadPolicy, kAdminPolicy) +
         PolicyMember("arn:aws:iam::aws:policy/AdministratorAccess", "AdministratorAccess", 1, kReadPolicy,
                      kAdminPolicy) +
         PolicyMember("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "AmazonS3ReadOnlyAccess", 0, kReadPolicy,
                      kReadPolicy) +
         "</Policies>";
}

inline std::string Base64(const std::string& text) { return base::Base64Encode(text); }

inline const char* kCredentialReportCsv =
    "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
    "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
    "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
    "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
    "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n"
    "<root_account>,arn:aws:iam::123456789012:root,2020-01-01T00:00:00+00:00,not_supported,"
    "2026-01-05T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
    "false,N/A,false,N/A\n"
    "alice,arn:aws:iam::123456789012:user/alice,2024-03-01T12:00:00+00:00,true,no_information,"
    "2024-03-01T12:00:00+00:00,N/A,false,true,2024-03-01T12:05:00+00:00,2026-01-04T08:00:00+00:00,us-east-1,"
    "s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
    "bob,arn:aws:iam::123456789012:user/bob,2025-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,"
    "N/A,N/A,true,2025-06-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A\n";

inline std::string CredentialReportXml(const std::string& csv) {
  return IamXml("GetCredentialReport", "<Content>" + Base64(csv) +
                                           "</Content><ReportFormat>text/csv</ReportFormat>"
                                           "<GeneratedTime>2026-01-06T00:00:00Z</GeneratedTime>");
}

inline std::string GenerateReportXml(const std::string& state) {
  return IamXml("GenerateCredentialReport",
                "<State>" + state +
                    "</State><Description>No report exists. Starting a new report generation task"
                    "</Description>");
}

inline aws::Json Finding(const std::string& id, const std::string& label, const std::string& record_state = "ACTIVE",
                         const std::string& workflow = "NEW") {
  return {{"SchemaVersion", "2018-10-08"},
          {"Id", id},
          {"ProductArn", "arn:aws:securityhub:us-east-1::product/aws/securityhub"},
          {"GeneratorId", "aws-foundational-security-best-practices/v/1.0.0/EC2.19"},
          {"AwsAccountId", "123456789012"},
          {"Types", {"Software and Configuration Checks/Industry and Regulatory Standards"}},
          {"CreatedAt", "2026-01-01T00:00:00.000Z"},
          {"UpdatedAt", "2026-01-02T00:00:00.000Z"},
          {"Severity", {{"Label", label}, {"Normalized", label == "CRITICAL" ? 90 : 70}}},
          {"Title", "Security groups should not allow unrestricted access to ports with high risk"},
          {"Description", "finding " + id},
          {"Resources",
           {{{"Type", "AwsEc2SecurityGroup"}, {"Id", "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0aaa"}}}},
          {"Workflow", {{"Status", workflow}}},
          {"RecordState", record_state}};
}

// ---- EC2/VPC storage and routing, and the public edge -----------------------

inline const char* kVolumes = R"(<item>
  <volumeId>vol-0enc</volumeId><size>8</size><availabilityZone>us-east-1a</availabilityZone><status>in-use</status>
  <createTime>2026-01-01T00:00:00.000Z</createTime><volumeType>gp3</volumeType><encrypted>true</encrypted>
  <kmsKeyId>arn:aws:kms:us-east-1:123456789012:key/k-1</kmsKeyId>
  <attachmentSet><item><volumeId>vol-0enc</volumeId><instanceId>i-0pub</instanceId><device>/dev/xvda</device>
    <status>attached</status></item></attachmentSet>
  <tagSet><item><key>Name</key><value>root</value></item></tagSet>
</item>
<item>
  <volumeId>vol-0plain</volumeId><size>100</size><status>available</status><encrypted>false</encrypted>
  <attachmentSet/>
</item>)";

inline const char* kFlowLogs = R"(<item>
  <creationTime>2026-01-01T00:00:00.000Z</creationTime><deliverLogsStatus>SUCCESS</deliverLogsStatus>
  <flowLogId>fl-0all</flowLogId><flowLogStatus>ACTIVE</flowLogStatus><logGroupName>vpc-flow</logGroupName>
  <resourceId>vpc-0prod</resourceId><trafficType>ALL</trafficType><logDestinationType>cloud-watch-logs</logDestinationType>
</item>
<item>
  <flowLogId>fl-0s3</flowLogId><flowLogStatus>ACTIVE</flowLogStatus><resourceId>subnet-0a</resourceId>
  <trafficType>REJECT</trafficType><logDestinationType>s3</logDestinationType>
  <logDestination>arn:aws:s3:::flow-bucket</logDestination>
</item>)";

inline const char* kRouteTables = R"(<item>
  <routeTableId>rtb-0pub</routeTableId><vpcId>vpc-0prod</vpcId><ownerId>123456789012</ownerId>
  <routeSet>
    <item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state>
      <origin>CreateRouteTable</origin></item>
    <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-0abc</gatewayId><state>active</state>
      <origin>CreateRoute</origin></item>
    <item><destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock><egressOnlyInternetGatewayId>eigw-01</egressOnlyInternetGatewayId>
      <state>active</state></item>
    <item><destinationCidrBlock>10.1.0.0/16</destinationCidrBlock><vpcPeeringConnectionId>pcx-0111</vpcPeeringConnectionId>
      <state>blackhole</state></item>
  </routeSet>
  <associationSet>
    <item><routeTableAssociationId>rtbassoc-1</routeTableAssociationId><routeTableId>rtb-0pub</routeTableId>
      <main>true</main></item>
    <item><routeTableAssociationId>rtbassoc-2</routeTableAssociationId><routeTableId>rtb-0pub</routeTableId>
      <subnetId>subnet-0a</subnetId><main>false</main></item>
  </associationSet>
  <tagSet><item><key>Name</key><value>public</value></item></tagSet>
</item>)";

inline std::string DistributionListXml(const std::string& summaries, const std::string& next_marker = "") {
  int quantity = 0;
  for (size_t at = summaries.find("<DistributionSummary>"); at != std::string::npos;
       at = summaries.find("<DistributionSummary>", at + 1)) {
    ++quantity;
  }
  return "<?xml version=\"1.0\"?><DistributionList xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
         "<Marker></Marker>" +
         (next_marker.empty() ? std::string() : "<NextMarker>" + next_marker + "</NextMarker>") +
         "<MaxItems>100</MaxItems><IsTruncated>" + (next_marker.empty() ? "false" : "true") +
         "</IsTruncated><Quantity>" + std::to_string(quantity) + "</Quantity><Items>" + summaries +
         "</Items></DistributionList>";
}
inline std::string DistributionSummary(const std::string& id, const std::string& web_acl) {
  return "<DistributionSummary><Id>" + id + "</Id><ARN>arn:aws:cloudfront::123456789012:distribution/" + id +
         "</ARN><Status>Deployed</Status><LastModifiedTime>2026-01-01T00:00:00Z</LastModifiedTime><DomainName>" + id +
         ".cloudfront.net</DomainName><Aliases><Quantity>0</Quantity></Aliases><Comment></Comment>"
         "<PriceClass>PriceClass_All</PriceClass><Enabled>true</Enabled><WebACLId>" +
         web_acl +
         "</WebACLId><HttpVersion>http2</HttpVersion><IsIPV6Enabled>true</IsIPV6Enabled><Staging>false"
         "</Staging></DistributionSummary>";
}
inline aws::HttpResponse CloudFrontXml(const std::string& body) {
  return posture::testing::MakeResponse(200, body, {{"Content-Type", "text/xml"}});
}

inline aws::Json RestApi(const std::string& id, const std::string& type) {
  return {{"id", id},
          {"name", id + "-api"},
          {"createdDate", 1767225600},
          {"endpointConfiguration", {{"types", {type}}}},
          {"apiKeySource", "HEADER"}};
}
inline aws::Json ApiStage(const std::string& name, const std::string& web_acl) {
  aws::Json stage = {{"deploymentId", "dep1"}, {"stageName", name}, {"createdDate", 1767225600}};
  if (!web_acl.empty()) stage["webAclArn"] = web_acl;
  return stage;
}

// Answers the network and edge calls: two volumes, default encryption on, flow logs,
// a public route table, one distribution without WAF, a regional API with
// a protected and an unprotected stage plus a private API, and no firewall.
inline void AnswerNetworkEdge(FakeAws& aws) {
  aws.on("ec2", "DescribeVolumes", Xml(Ec2Xml("DescribeVolumes", "volumeSet", kVolumes)));
  aws.on("ec2", "GetEbsEncryptionByDefault",
         Xml("<GetEbsEncryptionByDefaultResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-1"
             "</requestId><ebsEncryptionByDefault>true</ebsEncryptionByDefault><sseType>sse-ebs</sseType>"
             "</GetEbsEncryptionByDefaultResponse>"));
  aws.on("ec2", "DescribeFlowLogs", Xml(Ec2Xml("DescribeFlowLogs", "flowLogSet", kFlowLogs)));
  aws.on("ec2", "DescribeRouteTables", Xml(Ec2Xml("DescribeRouteTables", "routeTableSet", kRouteTables)));
  aws.on("cloudfront", "ListDistributions", CloudFrontXml(DistributionListXml(DistributionSummary("E1OPEN", ""))));
  aws.on("apigateway", "GetRestApis",
         JsonReply({{"item", {RestApi("api1", "REGIONAL"), RestApi("priv1", "PRIVATE")}}}));
  aws.on("apigateway", "GetStages",
         JsonReply({{"item",
                     {ApiStage("prod", "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1"),
                      ApiStage("dev", "")}}}));
  aws.on("network-firewall", "ListFirewalls", JsonReply({{"Firewalls", aws::Json::array()}}));
}

// Storage: one bucket "site" in us-east-1 (no policy, a private ACL, no
// Block Public Access, never versioned), the account's Block Public Access
// all on, Macie enabled, one RDS instance and one EFS file system. A full
// scan of N regions makes 7 S3/S3 Control calls, 1 Macie call (the
// bucket's region) and 2 calls per region (RDS, EFS).
inline void AnswerStorage(FakeAws& aws) {
  const std::string ns = "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
  aws.on("s3", "ListBuckets",
         Xml("<ListAllMyBucketsResult " + ns +
             "><Owner><ID>owner-id</ID></Owner><Buckets><Bucket><Name>site</Name>"
             "<CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>"));
  aws.on("s3", "GetBucketLocation", Xml("<LocationConstraint " + ns + "/>"));
  auto s3_error = [](int status, const std::string& code) {
    return posture::testing::MakeResponse(
        status, "<Error><Code>" + code + "</Code><Message>" + code + "</Message><RequestId>req-s3</RequestId></Error>",
        {{"Content-Type", "application/xml"}});
  };
  aws.on("s3", "GetBucketPolicy", s3_error(404, "NoSuchBucketPolicy"));
  aws.on("s3", "GetBucketAcl",
         Xml("<AccessControlPolicy " + ns +
             "><Owner><ID>owner-id</ID></Owner><AccessControlList><Grant>"
             "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
             "<ID>owner-id</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant></AccessControlList>"
             "</AccessControlPolicy>"));
  aws.on("s3", "GetPublicAccessBlock", s3_error(404, "NoSuchPublicAccessBlockConfiguration"));
  aws.on("s3", "GetBucketVersioning", Xml("<VersioningConfiguration " + ns + "/>"));
  aws.on("s3", "GetBucketLogging", Xml("<BucketLoggingStatus " + ns + "/>"));
  aws.on("s3control", "GetPublicAccessBlock",
         Xml("<PublicAccessBlockConfiguration " + ns +
             "><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
             "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"
             "</PublicAccessBlockConfiguration>"));
  aws.on("macie2", "GetMacieSession", JsonReply({{"status", "ENABLED"}}));
  aws.on("rds", "DescribeDBInstances",
         Xml(QueryXml("DescribeDBInstances",
                      "<DBInstances><DBInstance><DBInstanceIdentifier>orders</DBInstanceIdentifier>"
                      "<StorageEncrypted>false</StorageEncrypted><MultiAZ>false</MultiAZ></DBInstance></DBInstances>",
                      "http://rds.amazonaws.com/doc/2014-10-31/")));
  aws.on("elasticfilesystem", "DescribeFileSystems",
         JsonReply({{"FileSystems", {{{"FileSystemId", "fs-1"}, {"Encrypted", true}}}}}));
}

// Answers every read call of a full scan with a small estate.
inline void AnswerSmallEstate(FakeAws& aws) {
  AnswerStorage(aws);
  aws.on("sts", "GetCallerIdentity", Xml(CallerIdentityXml()));
  aws.on("ec2", "DescribeSecurityGroups",
         Xml(Ec2Xml("DescribeSecurityGroups", "securityGroupInfo", std::string(kOpenSshGroup) + kDefaultGroup)));
  aws.on("ec2", "DescribeNetworkAcls", Xml(Ec2Xml("DescribeNetworkAcls", "networkAclSet", kNetworkAcl)));
  aws.on("ec2", "DescribeInstances", Xml(Ec2Xml("DescribeInstances", "reservationSet", kReservation)));
  aws.on("ec2", "DescribeVpcs", Xml(Ec2Xml("DescribeVpcs", "vpcSet", kVpcs)));
  aws.on("ec2", "DescribeVpcPeeringConnections",
         Xml(Ec2Xml("DescribeVpcPeeringConnections", "vpcPeeringConnectionSet", kPeering)));
  aws.on("elasticloadbalancing", "DescribeLoadBalancers",
         Xml(LoadBalancersXml(LoadBalancerMember("web", "internet-facing") + LoadBalancerMember("api", "internal"))));
  aws.on("wafv2", "ListWebACLs",
         JsonReply({{"WebACLs",
                     {{{"Name", "main"},
                       {"Id", "a1b2"},
                       {"Description", ""},
                       {"LockToken", "lock"},
                       {"ARN", "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/main/a1b2"}}}}}));
  aws.on("wafv2", "GetWebACLForResource", [](const Call& call) {
    if (call.json.value("ResourceArn", "").find("/app/web/") == std::string::npos)
      return JsonReply(aws::Json::object());
    return JsonReply({{"WebACL",
                       {{"Name", "main"},
                        {"Id", "a1b2"},
                        {"ARN", "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/main/a1b2"}}}});
  });
  aws.on("securityhub", "DescribeHub",
         JsonReply({{"HubArn", "arn:aws:securityhub:us-east-1:123456789012:hub/default"},
                    {"SubscribedAt", "2026-01-01T00:00:00.000Z"},
                    {"AutoEnableControls", true}}));
  aws.on(
      "securityhub", "GetEnabledStandards",
      JsonReply({{"StandardsSubscriptions",
                  {{{"StandardsSubscriptionArn",
                     "arn:aws:securityhub:us-east-1:123456789012:subscription/cis-aws-foundations-benchmark/v/1.4.0"},
                    {"StandardsArn", "arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0"},
                    {"StandardsInput", aws::Json::object()},
                    {"StandardsStatus", "READY"}}}}}));
  aws.on("securityhub", "GetFindings",
         JsonReply({{"Findings", {Finding("f-1", "CRITICAL"), Finding("f-2", "HIGH"), Finding("f-3", "HIGH")}}}));
  aws.on("sso", "ListInstances", JsonReply({{"Instances", aws::Json::array()}}));
  aws.on("iam", "GetAccountSummary",
         Xml(IamXml("GetAccountSummary",
                    "<SummaryMap><entry><key>Users</key><value>2</value></entry><entry><key>AccountMFAEnabled</key>"
                    "<value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry>"
                    "</SummaryMap>")));
  aws.on("iam", "GetAccountPasswordPolicy",
         Xml(IamXml("GetAccountPasswordPolicy",
                    "<PasswordPolicy><AllowUsersToChangePassword>true</AllowUsersToChangePassword>"
                    "<RequireLowercaseCharacters>true</RequireLowercaseCharacters><RequireUppercaseCharacters>false"
                    "</RequireUppercaseCharacters><MinimumPasswordLength>14</MinimumPasswordLength>"
                    "<RequireNumbers>true</RequireNumbers><PasswordReusePrevention>24</PasswordReusePrevention>"
                    "<RequireSymbols>false</RequireSymbols><MaxPasswordAge>90</MaxPasswordAge>"
                    "<ExpirePasswords>true</ExpirePasswords></PasswordPolicy>")));
  aws.on("iam", "GetAccountAuthorizationDetails",
         Xml(AuthorizationDetailsXml(UserDetails() + GroupAndRoleDetails() + PolicyDetails())));
  aws.on("iam", "ListVirtualMFADevices",
         Xml(IamXml("ListVirtualMFADevices",
                    "<IsTruncated>false</IsTruncated><VirtualMFADevices>"
                    "<member><SerialNumber>arn:aws:iam::123456789012:mfa/root-account-mfa-device</SerialNumber>"
                    "<User><Path>/</Path><UserName>root</UserName><UserId>123456789012</UserId>"
                    "<Arn>arn:aws:iam::123456789012:root</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate></User>"
                    "<EnableDate>2020-01-02T00:00:00Z</EnableDate></member>"
                    "<member><SerialNumber>arn:aws:iam::123456789012:mfa/spare</SerialNumber></member>"
                    "</VirtualMFADevices>")));
  aws.on("iam", "GenerateCredentialReport", Xml(GenerateReportXml("COMPLETE")));
  aws.on("iam", "GetCredentialReport", Xml(CredentialReportXml(kCredentialReportCsv)));
  // Server certificates, identity providers, the security contact, Access Analyzer.
  aws.on("iam", "ListServerCertificates",
         Xml(IamXml("ListServerCertificates",
                    "<IsTruncated>false</IsTruncated><ServerCertificateMetadataList><member>"
                    "<ServerCertificateName>old-web</ServerCertificateName><Path>/</Path>"
                    "<Arn>arn:aws:iam::123456789012:server-certificate/old-web</Arn>"
                    "<ServerCertificateId>ASCAEXAMPLE</ServerCertificateId>"
                    "<UploadDate>2024-01-01T00:00:00Z</UploadDate><Expiration>2025-01-01T00:00:00Z</Expiration>"
                    "</member></ServerCertificateMetadataList>")));
  aws.on("iam", "ListSAMLProviders",
         Xml(IamXml("ListSAMLProviders",
                    "<SAMLProviderList><member><Arn>arn:aws:iam::123456789012:saml-provider/corp</Arn>"
                    "<ValidUntil>2030-01-01T00:00:00Z</ValidUntil><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
                    "</member></SAMLProviderList>")));
  aws.on("iam", "ListOpenIDConnectProviders",
         Xml(IamXml("ListOpenIDConnectProviders", "<OpenIDConnectProviderList/>")));
  aws.on("account", "GetAlternateContact",
         JsonReply({{"AlternateContact",
                     {{"AlternateContactType", "SECURITY"},
                      {"Name", "Sec Team"},
                      {"EmailAddress", "sec@example.com"},
                      {"PhoneNumber", "+1-555-0100"},
                      {"Title", "CISO"}}}}));
  aws.on("access-analyzer", "ListAnalyzers",
         JsonReply({{"analyzers",
                     {{{"arn", "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/main"},
                       {"name", "main"},
                       {"type", "ACCOUNT"},
                       {"createdAt", "2026-01-01T00:00:00Z"},
                       {"status", "ACTIVE"}}}}}));
  AnswerNetworkEdge(aws);
  // Organizations: a standalone account, in no organization; no
  // Identity Center instance (ListInstances above).
  const auto not_in_organization =
      JsonError(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
  aws.on("organizations", "DescribeOrganization", not_in_organization);
  aws.on("organizations", "ListPolicies", not_in_organization);
}

// The base of the collector tests: a FakeAws answering the small estate,
// and Collect() running the collectors for some sections and regions.
class CollectorTest : public ::testing::Test {
 protected:
  void SetUp() override { AnswerSmallEstate(aws_); }

  inventory::Inventory Collect(std::set<std::string> sections, std::vector<std::string> regions = {"us-east-1"}) {
    CollectOptions options;
    options.regions = std::move(regions);
    options.sections = std::move(sections);
    auto result = CollectInventory(aws_.client(), options);
    EXPECT_TRUE(result.ok());
    return std::move(*result);
  }

  FakeAws aws_;
};

// Every section of the table (inventory/sections.h) but the logging ones
// (CloudTrail, Config, KMS, GuardDuty), whose answers and tests are in
// logging_collector_test.cc.
inline std::set<std::string> AllSections() {
  std::set<std::string> all;
  for (const auto& section : inventory::AllSections()) {
    const std::string_view group = section.name.substr(0, section.name.find('.'));
    if (group == "cloudtrail" || group == "config" || group == "kms" || group == "guardduty") continue;
    all.emplace(section.name);
  }
  return all;
}

}  // namespace posture::collect::testing
