// Instances completed by their launch templates and subnets, EBS volumes
// and EBS encryption by default.
#include <algorithm>

#include "iac/network_mapping.h"

namespace posture::iac::network {
namespace {

// What the instance gets from a public IP that only exists after launch.
constexpr const char* kPublicIpAtLaunch = "(assigned at launch)";

Setting<std::vector<Ref>> RefListSetting(const Json* value, const Resource& r) {
  if (Unset(value, r)) return {};
  if (UnknownValue(value)) return Setting<std::vector<Ref>>::Unknown();
  std::vector<Ref> refs = RefList(value);
  if (refs.empty()) return {};  // an empty list configures nothing
  return Setting<std::vector<Ref>>::Known(std::move(refs));
}

Setting<Ref> RefSetting(const Json* value, const Resource& r) {
  if (Unset(value, r) || (value->is_string() && value->get_ref<const std::string&>().empty())) return {};
  if (UnknownValue(value)) return Setting<Ref>::Unknown();
  return Setting<Ref>::Known(*value);
}

void ReadMetadataOptions(const Json* block, const Resource& r, bool cfn, InstanceSettings& s) {
  if (block == nullptr) return;
  s.http_tokens = TextSetting(Member(*block, cfn ? "HttpTokens" : "http_tokens"), r);
  s.http_endpoint = TextSetting(Member(*block, cfn ? "HttpEndpoint" : "http_endpoint"), r);
}

// The primary network interface of a list (device index 0, else the first).
const Json* PrimaryInterface(const Json* list, bool cfn) {
  if (list == nullptr || !list->is_array() || list->empty()) return nullptr;
  for (const auto& interface : *list) {
    if (Integer(Member(interface, cfn ? "DeviceIndex" : "device_index")).value_or(0) == 0) return &interface;
  }
  return &(*list)[0];
}

void ReadInterface(const Json* interface, const Resource& r, bool cfn, InstanceSettings& s) {
  if (interface == nullptr) return;
  s.public_ip = BoolSetting(Member(*interface, cfn ? "AssociatePublicIpAddress" : "associate_public_ip_address"), r);
  auto groups = RefListSetting(
      Member(*interface, cfn ? (Member(*interface, "GroupSet") ? "GroupSet" : "Groups") : "security_groups"), r);
  if (!groups.unset()) s.groups = std::move(groups);
  if (const Json* subnet = Member(*interface, cfn ? "SubnetId" : "subnet_id"); !Unset(subnet, r)) s.subnet = *subnet;
}

void ReadTerraformInstance(const Json& v, const Resource& r, InstanceSettings& s) {
  ReadMetadataOptions(Block(v, "metadata_options"), r, false, s);
  s.public_ip = BoolSetting(Member(v, "associate_public_ip_address"), r);
  s.groups = RefListSetting(Member(v, "vpc_security_group_ids"), r);
  s.group_names = RefListSetting(Member(v, "security_groups"), r);
  s.profile = RefSetting(Member(v, "iam_instance_profile"), r);
  if (const Json* subnet = Member(v, "subnet_id"); !Unset(subnet, r)) s.subnet = *subnet;
}

void ReadTerraformTemplate(const Json& v, const Resource& r, InstanceSettings& s) {
  ReadMetadataOptions(Block(v, "metadata_options"), r, false, s);
  s.groups = RefListSetting(Member(v, "vpc_security_group_ids"), r);
  s.group_names = RefListSetting(Member(v, "security_group_names"), r);
  ReadInterface(PrimaryInterface(Member(v, "network_interfaces"), false), r, false, s);
  if (const Json* profile = Block(v, "iam_instance_profile")) {
    s.profile = RefSetting(Member(*profile, "arn"), r);
    if (s.profile.unset()) s.profile = RefSetting(Member(*profile, "name"), r);
  }
}

// AWS::EC2::Instance, or a LaunchTemplateData (same property names).
void ReadCloudFormationInstance(const Json& v, const Resource& r, InstanceSettings& s) {
  ReadMetadataOptions(Member(v, "MetadataOptions"), r, true, s);
  s.groups = RefListSetting(Member(v, "SecurityGroupIds"), r);
  s.group_names = RefListSetting(Member(v, "SecurityGroups"), r);
  if (const Json* subnet = Member(v, "SubnetId")) s.subnet = *subnet;
  ReadInterface(PrimaryInterface(Member(v, "NetworkInterfaces"), true), r, true, s);
  const Json* profile = Member(v, "IamInstanceProfile");
  if (profile != nullptr && profile->is_object() && !IsUnknown(*profile) && !ReferencedAddress(*profile)) {
    s.profile = RefSetting(Member(*profile, "Arn"), r);
    if (s.profile.unset()) s.profile = RefSetting(Member(*profile, "Name"), r);
  } else {
    s.profile = RefSetting(profile, r);
  }
}

template <typename T>
void Complete(Setting<T>& own, const Setting<T>& from_template) {
  if (own.unset()) own = from_template;
}

}  // namespace

bool NetworkMapper::add_instance(const Resource& r, MappingContext& c) {
  const Json& v = r.values;
  const bool cfn = IsCloudFormation(r);
  if (r.type == "aws_instance" || r.type == "AWS::EC2::Instance") {
    PendingInstance i;
    i.address = r.address;
    i.region = r.region;
    i.instance.id = r.address;
    // Declared instances are meant to run.
    i.instance.state = "running";
    i.instance.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    if (cfn) {
      ReadCloudFormationInstance(v, r, i.settings);
      if (const Json* lt = Member(v, "LaunchTemplate")) {
        if (const Json* id = Member(*lt, "LaunchTemplateId")) i.template_id = *id;
        i.template_name = Text(Member(*lt, "LaunchTemplateName")).value_or("");
      }
    } else {
      ReadTerraformInstance(v, r, i.settings);
      if (const Json* lt = Block(v, "launch_template")) {
        if (const Json* id = Member(*lt, "id"); id != nullptr && !UnknownValue(id)) i.template_id = *id;
        i.template_name = Text(Member(*lt, "name")).value_or("");
      }
      i.real_public_ip = Text(Member(v, "public_ip")).value_or("");
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    c.record(r, cfn ? "" : Text(Member(v, "id")).value_or(""));
    instances_.push_back(std::move(i));
    return true;
  }
  if (r.type == "aws_launch_template" || r.type == "AWS::EC2::LaunchTemplate") {
    PendingTemplate t;
    t.address = r.address;
    t.name = Text(Member(v, cfn ? "LaunchTemplateName" : "name")).value_or("");
    if (cfn) {
      if (const Json* data = Member(v, "LaunchTemplateData")) ReadCloudFormationInstance(*data, r, t.settings);
    } else {
      ReadTerraformTemplate(v, r, t.settings);
      if (auto id = Text(Member(v, "id"))) c.alias(*id, r.address);
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    templates_.push_back(std::move(t));
    return true;
  }
  if (r.type == "aws_eip" || r.type == "aws_eip_association" || r.type == "AWS::EC2::EIP" ||
      r.type == "AWS::EC2::EIPAssociation") {
    const Json* instance = Member(v, cfn ? "InstanceId" : (r.type == "aws_eip" ? "instance" : "instance_id"));
    if (instance != nullptr && !UnknownValue(instance)) {
      elastic_ips_.emplace_back(*instance, Text(Member(v, "public_ip")).value_or(""));
    }
    return true;
  }
  if (r.type == "aws_subnet" || r.type == "AWS::EC2::Subnet") {
    PendingSubnet s;
    if (const Json* vpc = Member(v, cfn ? "VpcId" : "vpc_id")) s.vpc = *vpc;
    s.map_public_ip = BoolSetting(Member(v, cfn ? "MapPublicIpOnLaunch" : "map_public_ip_on_launch"), r);
    if (!cfn) {
      if (auto id = Text(Member(v, "id"))) c.alias(*id, r.address);
    }
    subnets_[r.address] = std::move(s);
    return true;
  }
  return false;
}

void NetworkMapper::finish_instances(MappingContext& c) {
  const auto templates = ByAddress(templates_);
  std::map<std::string, PendingTemplate*> templates_by_name;
  for (auto& t : templates_) templates_by_name.emplace(t.name, &t);
  const auto groups = ByAddress(groups_);
  std::map<std::string, const PendingGroup*> groups_by_name;
  for (const auto& g : groups_) groups_by_name.emplace(g.group.name, &g);
  std::map<std::string, std::string> elastic_ips;  // instance -> public IP ("" until allocated)
  for (const auto& [instance, address] : elastic_ips_) {
    std::string& ip = elastic_ips[c.canonical_id(instance)];
    if (ip.empty()) ip = address;
  }
  for (auto& i : instances_) {
    InstanceSettings& s = i.settings;
    const PendingTemplate* t = nullptr;
    if (auto it = templates.find(c.canonical_id(i.template_id)); it != templates.end()) {
      t = it->second;
    } else if (auto named = templates_by_name.find(i.template_name);
               !i.template_name.empty() && named != templates_by_name.end()) {
      t = named->second;
    }
    if (t != nullptr) {
      Complete(s.http_tokens, t->settings.http_tokens);
      Complete(s.http_endpoint, t->settings.http_endpoint);
      Complete(s.public_ip, t->settings.public_ip);
      Complete(s.groups, t->settings.groups);
      Complete(s.group_names, t->settings.group_names);
      Complete(s.profile, t->settings.profile);
      if (s.subnet.is_null()) s.subnet = t->settings.subnet;
    }
    inventory::Instance& out = i.instance;
    // Without metadata options AWS answers IMDSv1 and v2 for most AMIs
    // (http_tokens "optional"); an AMI or account default may say otherwise,
    // which the file does not show, so the code is judged by what it sets.
    if (s.http_tokens.unknown) c.mark_unknown(i.address, "Instance.http_tokens");
    out.http_tokens = s.http_tokens.known() ? s.http_tokens.value : (s.http_tokens.unset() ? "optional" : "");
    if (s.http_endpoint.unknown) c.mark_unknown(i.address, "Instance.http_endpoint");
    out.http_endpoint = s.http_endpoint.known() ? s.http_endpoint.value : (s.http_endpoint.unset() ? "enabled" : "");

    if (s.groups.unknown || s.group_names.unknown) c.mark_unknown(i.address, "Instance.group_ids");
    for (const auto& ref : s.groups.value) {
      std::string id = c.canonical_id(ref);
      if (id.empty())
        c.mark_unknown(i.address, "Instance.group_ids");
      else
        out.group_ids.push_back(std::move(id));
    }
    for (const auto& ref : s.group_names.value) {
      const std::string id = c.canonical_id(ref);
      const PendingGroup* group = nullptr;
      if (auto it = groups.find(id); it != groups.end()) group = it->second;
      if (auto it = groups_by_name.find(id); group == nullptr && ref.is_string() && it != groups_by_name.end()) {
        group = it->second;
      }
      if (group != nullptr)
        out.group_ids.push_back(group->address);
      else if (!id.empty())
        out.group_ids.push_back(id);
      else
        c.mark_unknown(i.address, "Instance.group_ids");
    }

    if (s.profile.unknown) c.mark_unknown(i.address, "Instance.instance_profile_arn");
    if (s.profile.known()) {
      out.instance_profile_arn = c.canonical_id(s.profile.value);
      if (out.instance_profile_arn.empty()) c.mark_unknown(i.address, "Instance.instance_profile_arn");
    }

    out.subnet_id = c.canonical_id(s.subnet);
    const auto subnet = subnets_.find(out.subnet_id);
    if (subnet != subnets_.end()) out.vpc_id = c.canonical_id(subnet->second.vpc);
    Setting<bool> public_ip = s.public_ip;
    if (public_ip.unset()) {
      if (subnet != subnets_.end()) {
        // A subnet maps public IPs on launch only when told to (AWS default false).
        public_ip = subnet->second.map_public_ip.unset() ? Setting<bool>::Known(false) : subnet->second.map_public_ip;
      } else if (s.subnet.is_null()) {
        // No subnet: the default VPC's default subnet, which maps public IPs.
        public_ip = Setting<bool>::Known(true);
      } else {
        public_ip = Setting<bool>::Unknown();  // a subnet outside the run decides
      }
    }
    // An Elastic IP associated with the instance makes it public whatever the subnet says.
    if (auto eip = elastic_ips.find(i.address); eip != elastic_ips.end()) {
      public_ip = Setting<bool>::Known(true);
      if (i.real_public_ip.empty()) i.real_public_ip = eip->second;
    }
    if (public_ip.unknown) c.mark_unknown(i.address, "Instance.public_ip");
    if (public_ip.known() && public_ip.value) {
      out.public_ip = i.real_public_ip.empty() ? kPublicIpAtLaunch : i.real_public_ip;
    }
    c.region(i.region).ec2.instances.value->push_back(std::move(out));
  }
}

// ---- EBS ----------------------------------------------------------------------

bool NetworkMapper::add_volume(const Resource& r, MappingContext& c) {
  const Json& v = r.values;
  const bool cfn = IsCloudFormation(r);
  if (r.type == "aws_ebs_volume" || r.type == "AWS::EC2::Volume") {
    PendingVolume p;
    p.address = r.address;
    p.region = r.region;
    p.volume.id = r.address;
    p.encrypted = BoolSetting(Member(v, cfn ? "Encrypted" : "encrypted"), r);
    if (const Json* key = Member(v, cfn ? "KmsKeyId" : "kms_key_id"); key != nullptr && !UnknownValue(key)) {
      p.kms_key = *key;
    }
    p.volume.size_gib = Integer(Member(v, cfn ? "Size" : "size")).value_or(0);
    p.volume.tags = ReadTags(Member(v, cfn ? "Tags" : "tags"));
    if (!cfn) {
      if (auto arn = Text(Member(v, "arn"))) c.alias(*arn, r.address);
    }
    c.record(r, cfn ? "" : Text(Member(v, "id")).value_or(""));
    volumes_.push_back(std::move(p));
    return true;
  }
  if (r.type == "aws_ebs_encryption_by_default") {
    // The resource's `enabled` defaults to true.
    Setting<bool> enabled = BoolSetting(Member(v, "enabled"), r);
    if (enabled.unset()) enabled = Setting<bool>::Known(true);
    if (enabled.unknown) c.mark_unknown(r.address, "EbsDefaultEncryption.enabled");
    c.record(r);
    ebs_defaults_[r.region] = {enabled, r.address};
    return true;
  }
  if (r.type == "aws_volume_attachment" || r.type == "AWS::EC2::VolumeAttachment") {
    attachments_.push_back(
        {Member(v, cfn ? "VolumeId" : "volume_id") ? *Member(v, cfn ? "VolumeId" : "volume_id") : Json(),
         Member(v, cfn ? "InstanceId" : "instance_id") ? *Member(v, cfn ? "InstanceId" : "instance_id") : Json()});
    return true;
  }
  return false;
}

void NetworkMapper::finish_volumes(MappingContext& c) {
  for (const auto& [region, setting] : ebs_defaults_) {
    // Unknown: written as off and marked (see add_volume).
    c.region(region).ec2.ebs_default_encryption.set({setting.first.known() && setting.first.value});
  }
  std::map<std::string, std::vector<std::string>> attached;  // volume -> instances
  for (const auto& [volume, instance] : attachments_) {
    if (std::string id = c.canonical_id(instance); !id.empty()) attached[c.canonical_id(volume)].push_back(id);
  }
  for (auto& p : volumes_) {
    // An unset `encrypted` follows the region's EBS encryption by default:
    // the run's declaration when it has one, else AWS's default (off).
    Setting<bool> encrypted = p.encrypted;
    if (encrypted.unset()) {
      auto declared = ebs_defaults_.find(p.region);
      encrypted = declared != ebs_defaults_.end() ? declared->second.first : Setting<bool>::Known(false);
    }
    if (encrypted.unknown) c.mark_unknown(p.address, "Volume.encrypted");
    p.volume.encrypted = encrypted.known() && encrypted.value;
    p.volume.kms_key_id = c.canonical_id(p.kms_key);
    if (auto it = attached.find(p.address); it != attached.end()) p.volume.attached_instance_ids = it->second;
    c.region(p.region).ec2.volumes.value->push_back(std::move(p.volume));
  }
}

}  // namespace posture::iac::network
