// Joining the IAM declarations into inventory.iam: attachments and
// memberships resolved to their principals and policies, attachment counts,
// and unknown values marked where the checks will look for them.
#include <algorithm>
#include <set>

#include "iac/iam_model.h"

namespace posture::iac::iam_mapping {
namespace {

bool IsAwsManagedArn(const std::string& arn) { return arn.find(":iam::aws:policy/") != std::string::npos; }

// A principal's policies as the join collects them, deduplicated (state
// repeats a role's attachments in its managed_policy_arns and its inline
// policies in inline_policy).
struct Held {
  std::vector<std::string> attached;
  std::vector<inventory::InlinePolicy> inlines;
  std::vector<std::string> groups;
  std::set<std::string> unknown_documents;  // "InlinePolicy.document", "ManagedPolicy.default_version_document"
};

void AddOnce(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

class Joiner {
 public:
  Joiner(Declarations& declarations, MappingContext& context) : d_(declarations), context_(context) {}

  void run() {
    ResolveDataDocuments();
    Index();
    held_.resize(d_.principals.size());
    JoinAttachments();
    JoinInlines();
    JoinMemberships();
    PropagateUnknownDocuments();
    Write();
  }

 private:
  struct PolicyRef {
    std::string arn;                 // as principals list it
    std::optional<size_t> declared;  // index in d_.policies
  };

  void ResolveDocument(Document& document) {
    if (!document.unknown) return;
    auto it = d_.data_documents.find(document.source);
    if (it == d_.data_documents.end()) return;
    document.text = it->second;
    document.unknown = false;
  }

  void ResolveDataDocuments() {
    for (auto& principal : d_.principals) ResolveDocument(principal.trust);
    for (auto& policy : d_.policies) ResolveDocument(policy.document);
    for (auto& policy : d_.inlines) ResolveDocument(policy.document);
  }

  void Index() {
    for (size_t i = 0; i < d_.principals.size(); ++i) {
      const Principal& p = d_.principals[i];
      principal_by_address_[p.address] = i;
      const int kind = static_cast<int>(p.kind);
      principal_by_text_[kind].emplace(p.name, i);
      principal_by_text_[kind].emplace(p.arn, i);
    }
    for (size_t i = 0; i < d_.policies.size(); ++i) {
      policy_by_text_[d_.policies[i].address] = i;
      policy_by_text_.emplace(d_.policies[i].arn, i);
    }
  }

  std::optional<size_t> FindPrincipal(Kind kind, const Link& link) const {
    if (link.unknown()) return std::nullopt;
    std::string address = link.address;
    if (address.empty()) {
      const auto& by_text = principal_by_text_[static_cast<int>(kind)];
      auto it = by_text.find(link.literal);
      if (it != by_text.end()) return it->second;
      address = context_.canonical_id(link.literal);
    }
    auto it = principal_by_address_.find(address);
    if (it == principal_by_address_.end() || d_.principals[it->second].kind != kind) return std::nullopt;
    return it->second;
  }

  std::optional<PolicyRef> FindPolicy(const Link& link) const {
    if (link.unknown()) return std::nullopt;
    const std::string text = link.address.empty() ? link.literal : link.address;
    auto it = policy_by_text_.find(text);
    if (it == policy_by_text_.end() && link.address.empty()) it = policy_by_text_.find(context_.canonical_id(text));
    if (it != policy_by_text_.end()) return PolicyRef{d_.policies[it->second].arn, it->second};
    // A reference to something the run declares but that is not a policy
    // (a variable, a module output): its value is unknown.
    if (!link.address.empty()) return std::nullopt;
    return PolicyRef{text, std::nullopt};
  }

  // A link that names no principal of the run and no literal one: unknown.
  static bool Unresolved(const Link& link, const std::optional<size_t>& found) {
    return !found && link.literal.empty();
  }

  void MarkAll(Kind kind, const std::string& field) {
    for (const auto& principal : d_.principals) {
      if (principal.kind == kind) context_.mark_unknown(principal.address, field);
    }
  }

  void JoinAttachments() {
    bool unknown_policy = false;
    int unknown_principals = 0;
    for (const Attachment& a : d_.attachments) {
      const std::string field = std::string(StructName(a.kind)) + ".attached_policy_arns";
      const auto principal = FindPrincipal(a.kind, a.principal);
      const bool unknown_principal = Unresolved(a.principal, principal);
      if (unknown_principal) MarkAll(a.kind, field);
      const auto policy = FindPolicy(a.policy);
      if (!policy) {
        unknown_policy = true;
        if (principal) context_.mark_unknown(d_.principals[*principal].address, field);
        continue;
      }
      // attachment_count counts distinct principals, declared or not.
      std::string key = principal           ? "#" + std::to_string(*principal)
                        : unknown_principal ? "?" + std::to_string(unknown_principals++)
                                            : std::to_string(static_cast<int>(a.kind)) + ":" + a.principal.literal;
      attached_to_[policy->arn].insert(std::move(key));
      if (!policy->declared && IsAwsManagedArn(policy->arn)) aws_managed_.insert(policy->arn);
      if (principal) AddOnce(held_[*principal].attached, policy->arn);
    }
    if (!unknown_policy) return;
    // An attachment of an unknown policy may attach any declared one.
    for (const auto& policy : d_.policies) {
      if (attached_to_[policy.arn].empty()) context_.mark_unknown(policy.address, "ManagedPolicy.attachment_count");
    }
  }

  // Separate inline policy resources first: where state repeats them in
  // their role's inline_policy, the resource owns the finding.
  void JoinInlines() {
    for (const bool embedded : {false, true}) {
      for (const Inline& policy : d_.inlines) {
        if ((policy.principal.address == policy.address) == embedded) JoinInline(policy);
      }
    }
  }

  void JoinInline(const Inline& policy) {
    const auto principal = FindPrincipal(policy.kind, policy.principal);
    if (!principal) {
      if (Unresolved(policy.principal, principal)) {
        MarkAll(policy.kind, std::string(StructName(policy.kind)) + ".inline_policies");
      }
      return;  // a principal this run does not declare
    }
    Held& held = held_[*principal];
    const std::string name = policy.name.empty() ? policy.address : policy.name;
    for (const auto& existing : held.inlines) {
      if (existing.name == name) return;
    }
    held.inlines.push_back({name, policy.document.text});
    context_.identify(policy.address, d_.principals[*principal].name + "/" + name);
    if (policy.document.unknown) {
      context_.mark_unknown(policy.address, "InlinePolicy.document");
      held.unknown_documents.insert("InlinePolicy.document");
    }
  }

  void JoinMemberships() {
    for (const Membership& m : d_.memberships) {
      const auto user = FindPrincipal(Kind::kUser, m.user);
      if (!user) {
        if (Unresolved(m.user, user)) MarkAll(Kind::kUser, "IamUser.groups");
        continue;
      }
      const auto group = FindPrincipal(Kind::kGroup, m.group);
      if (Unresolved(m.group, group)) {
        context_.mark_unknown(d_.principals[*user].address, "IamUser.groups");
        continue;
      }
      const std::string name = group ? d_.principals[*group].name : m.group.literal;
      AddOnce(held_[*user].groups, name);
    }
  }

  // A principal whose policies include an unknown document: the checks that
  // evaluate the principal's whole set of policies cannot decide either.
  void PropagateUnknownDocuments() {
    std::set<std::string> unknown_arns;
    for (const auto& policy : d_.policies) {
      if (policy.document.unknown) unknown_arns.insert(policy.arn);
    }
    for (size_t i = 0; i < d_.principals.size(); ++i) {
      for (const auto& arn : held_[i].attached) {
        if (unknown_arns.count(arn) > 0) held_[i].unknown_documents.insert("ManagedPolicy.default_version_document");
      }
    }
    for (size_t i = 0; i < d_.principals.size(); ++i) {
      if (d_.principals[i].kind != Kind::kUser) continue;
      for (const auto& group_name : held_[i].groups) {
        const auto group = FindPrincipal(Kind::kGroup, Link{{}, group_name});
        if (group)
          held_[i].unknown_documents.insert(held_[*group].unknown_documents.begin(),
                                            held_[*group].unknown_documents.end());
      }
    }
    for (size_t i = 0; i < d_.principals.size(); ++i) {
      for (const auto& field : held_[i].unknown_documents) context_.mark_unknown(d_.principals[i].address, field);
    }
  }

  int AttachmentCount(const std::string& arn) const {
    auto it = attached_to_.find(arn);
    return it == attached_to_.end() ? 0 : static_cast<int>(it->second.size());
  }

  void Write() {
    inventory::AuthorizationDetails details;
    for (size_t i = 0; i < d_.principals.size(); ++i) {
      const Principal& p = d_.principals[i];
      Held& held = held_[i];
      context_.identify(p.address, p.name);
      switch (p.kind) {
        case Kind::kUser:
          details.users.push_back(
              {p.name, p.arn, {}, std::move(held.attached), std::move(held.inlines), std::move(held.groups)});
          break;
        case Kind::kGroup:
          details.groups.push_back({p.name, p.arn, std::move(held.attached), std::move(held.inlines)});
          break;
        case Kind::kRole:
          if (p.trust.unknown) context_.mark_unknown(p.address, "IamRole.assume_role_policy_document");
          details.roles.push_back({p.name, p.arn, std::move(held.attached), std::move(held.inlines), p.trust.text});
          break;
      }
    }
    for (const auto& policy : d_.policies) {
      context_.identify(policy.address, policy.name);
      if (policy.document.unknown) context_.mark_unknown(policy.address, "ManagedPolicy.default_version_document");
      details.policies.push_back({policy.arn, policy.name, false, AttachmentCount(policy.arn), policy.document.text});
    }
    // AWS-managed policies the run attaches. Their documents stay empty, as
    // in a live scan (which leaves AWS-managed documents uncollected): the
    // checks resolve the ones they know through iam::KnownAwsManagedPolicy.
    for (const auto& arn : aws_managed_) {
      details.policies.push_back({arn, arn.substr(arn.rfind('/') + 1), true, AttachmentCount(arn), ""});
    }
    const bool any = !d_.principals.empty() || !d_.policies.empty() || !d_.inlines.empty() || !d_.attachments.empty() ||
                     !d_.memberships.empty();
    if (any) context_.inventory().iam.authorization.set(std::move(details));
  }

  Declarations& d_;
  MappingContext& context_;
  std::map<std::string, size_t> principal_by_address_;
  std::map<std::string, size_t> principal_by_text_[3];  // by kind: name or ARN -> index
  std::map<std::string, size_t> policy_by_text_;        // address or ARN -> index
  std::vector<Held> held_;
  std::map<std::string, std::set<std::string>> attached_to_;  // policy ARN -> principal keys
  std::set<std::string> aws_managed_;
};

}  // namespace

void WriteIamInventory(Declarations& declarations, MappingContext& context) {
  Joiner(declarations, context).run();
  if (const auto& decl = declarations.password_policy) {
    // Its findings name the account (inventory.account_id), as other
    // account-level checks' do (EBS default encryption, account Block Public
    // Access): not identified here, where those would collide.
    context.inventory().iam.password_policy.set(std::optional<inventory::PasswordPolicy>(decl->policy));
  }
}

}  // namespace posture::iac::iam_mapping
