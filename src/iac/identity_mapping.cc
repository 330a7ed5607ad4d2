// PLACEHOLDER until the identity mapping lands (helper branch iac-identity).
#include "iac/mapping.h"

namespace posture::iac {
namespace {
class IdentityMapper : public DomainMapper {
 public:
  bool add(const Resource&, MappingContext&) override { return false; }
  void finish(MappingContext&) override {}
};
}  // namespace

std::unique_ptr<DomainMapper> NewIdentityMapper() { return std::make_unique<IdentityMapper>(); }
void AppendIdentityComparables(const inventory::Inventory&, const IdMap&, std::vector<ComparableObject>&) {}
}  // namespace posture::iac
