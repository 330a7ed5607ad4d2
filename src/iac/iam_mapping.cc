// IAM: Terraform and CloudFormation users, groups, roles, managed and inline
// policies, attachments, group memberships and the account password policy
// into inventory.iam (AuthorizationDetails, PasswordPolicy). The readers'
// resources become declarations (identity_terraform.cc,
// identity_cloudformation.cc) that finish() joins (identity_join.cc).
//
// Ids: principals and policies are known to the checks by name (their
// finding resource id), so an object's `name` is its real name when the file
// knows it (identify() maps it to the address), else the address; its `arn`
// the real ARN, else the address. Principals list attached policies by that
// same `arn`, and users their groups by the group's `name`.
#include "iac/identity_model.h"

namespace posture::iac {
namespace {

class IdentityMapper : public DomainMapper {
 public:
  bool add(const Resource& resource, MappingContext& context) override {
    if (resource.format == SourceFormat::kCloudFormation) {
      return identity::AddCloudFormationIdentity(resource, context, declarations_);
    }
    return identity::AddTerraformIdentity(resource, context, declarations_);
  }

  void finish(MappingContext& context) override { identity::WriteIdentityInventory(declarations_, context); }

 private:
  identity::Declarations declarations_;
};

}  // namespace

std::unique_ptr<DomainMapper> NewIdentityMapper() { return std::make_unique<IdentityMapper>(); }

}  // namespace posture::iac
