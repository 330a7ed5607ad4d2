// S3 bucket ACLs as the files write them: canned ACLs (Terraform
// "public-read", CloudFormation "PublicRead") become the grants AWS creates
// for them; aws_s3_bucket `grant` blocks and aws_s3_bucket_acl
// access_control_policy grants are read as written.
#include <algorithm>
#include <cctype>

#include "iac/storage_mapping.h"

namespace posture::iac::storage {
namespace {

namespace inv = inventory;

constexpr const char* kAllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
constexpr const char* kAuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
constexpr const char* kLogDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery";

inv::AclGrant GroupGrant(const char* uri, const char* permission) { return {"Group", uri, "", permission}; }

// The grants AWS creates for a canned ACL, Terraform ("public-read") or
// CloudFormation ("PublicRead") spelling; nullopt for a name AWS rejects.
std::optional<std::vector<inv::AclGrant>> CannedAcl(std::string name) {
  std::erase(name, '-');
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  std::vector<inv::AclGrant> grants{OwnerGrant()};
  if (name == "private" || name == "bucketownerread" || name == "bucketownerfullcontrol") return grants;
  if (name == "publicread" || name == "publicreadwrite") {
    grants.push_back(GroupGrant(kAllUsers, "READ"));
    if (name == "publicreadwrite") grants.push_back(GroupGrant(kAllUsers, "WRITE"));
    return grants;
  }
  if (name == "authenticatedread") {
    grants.push_back(GroupGrant(kAuthenticatedUsers, "READ"));
    return grants;
  }
  if (name == "logdeliverywrite") {
    grants.push_back(GroupGrant(kLogDelivery, "WRITE"));
    grants.push_back(GroupGrant(kLogDelivery, "READ_ACP"));
    return grants;
  }
  if (name == "awsexecread") {
    grants.push_back({"CanonicalUser", "", "", "READ"});  // the EC2 service's account: not public
    return grants;
  }
  return std::nullopt;
}

// One grantee with its permissions: aws_s3_bucket's `grant` blocks
// ({id, type, uri, permissions}) or aws_s3_bucket_acl's access_control_policy
// grants ({grantee: [{id, type, uri}], permission}).
void AddGrant(const Json& grantee, const std::vector<std::string>& permissions, std::vector<inv::AclGrant>& out,
              bool& unknown) {
  const auto type = ReadString(grantee, "type");
  const auto uri = ReadString(grantee, "uri");
  const auto id = ReadString(grantee, "id");
  unknown = unknown || type.unknown || uri.unknown;
  for (const auto& permission : permissions) out.push_back({type.value, uri.value, id.value, permission});
}

}  // namespace

inv::AclGrant OwnerGrant() { return {"CanonicalUser", "", "", "FULL_CONTROL"}; }

Setting<std::vector<inv::AclGrant>> ReadCanned(const Setting<std::string>& canned) {
  Setting<std::vector<inv::AclGrant>> out;
  if (canned.unknown) {
    out.unknown = true;
  } else if (canned.present && !canned.value.empty()) {
    auto grants = CannedAcl(canned.value);
    out.unknown = !grants;  // AWS refuses the name: the bucket's ACL cannot be told
    if (grants) {
      out.value = std::move(*grants);
      out.present = true;
    }
  }
  return out;
}

Setting<std::vector<inv::AclGrant>> ReadGrantBlocks(const Json& values) {
  Setting<std::vector<inv::AclGrant>> out;
  const Json* grants = Member(values, "grant");
  if (grants == nullptr) return out;
  if (IsMarker(*grants)) {
    out.unknown = !IsOpaqueUnknown(*grants) || !IsComputedWhenUnset("aws_s3_bucket", "grant");
    return out;
  }
  if (!grants->is_array() || grants->empty()) return out;
  for (const auto& grant : *grants) {
    const auto permissions = ReadStrings(Member(grant, "permissions"), out.unknown);
    AddGrant(grant, permissions, out.value, out.unknown);
  }
  out.present = !out.unknown;
  return out;
}

Setting<std::vector<inv::AclGrant>> ReadAccessControlPolicy(const Json& values) {
  Setting<std::vector<inv::AclGrant>> out;
  const Json* policy = Member(values, "access_control_policy");
  if (policy == nullptr) return out;
  if (IsMarker(*policy)) {
    out.unknown = true;
    return out;
  }
  const Json* first = Block(values, "access_control_policy");
  const Json* grants = first == nullptr ? nullptr : Member(*first, "grant");
  if (grants == nullptr || !grants->is_array()) return out;
  for (const auto& grant : *grants) {
    const auto permission = ReadString(grant, "permission");
    const Json* grantee = Block(grant, "grantee");
    if (permission.unknown) out.unknown = true;
    if (grantee != nullptr && permission.present) AddGrant(*grantee, {permission.value}, out.value, out.unknown);
  }
  out.present = !out.unknown;
  return out;
}

}  // namespace posture::iac::storage
