// IAM: Terraform and CloudFormation users, groups, roles, managed and inline
// policies, attachments, group memberships and the account password policy
// into inventory.iam (AuthorizationDetails, PasswordPolicy). The readers'
// resources become declarations (iam_terraform.cc,
// iam_cloudformation.cc) that finish() joins (iam_join.cc).
//
// Ids: principals and policies are known to the checks by name (their
// finding resource id), so an object's `name` is its real name when the file
// knows it (identify() maps it to the address), else the address; its `arn`
// the real ARN, else the address. Principals list attached policies by that
// same `arn`, and users their groups by the group's `name`.
#include "iac/iam_model.h"

namespace posture::iac {
namespace {

class IamMapper : public DomainMapper {
 public:
  bool add(const Resource& resource, MappingContext& context) override {
    if (resource.format == SourceFormat::kCloudFormation) {
      return iam_mapping::AddCloudFormationIam(resource, context, declarations_);
    }
    return iam_mapping::AddTerraformIam(resource, context, declarations_);
  }

  void finish(MappingContext& context) override { iam_mapping::WriteIamInventory(declarations_, context); }

 private:
  iam_mapping::Declarations declarations_;
};

}  // namespace

std::unique_ptr<DomainMapper> NewIamMapper() { return std::make_unique<IamMapper>(); }

}  // namespace posture::iac
