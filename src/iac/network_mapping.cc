// PLACEHOLDER until the network mapping lands (helper branch iac-network).
#include "iac/mapping.h"

namespace posture::iac {
namespace {
class NetworkMapper : public DomainMapper {
 public:
  bool add(const Resource&, MappingContext&) override { return false; }
  void finish(MappingContext&) override {}
};
}  // namespace

std::unique_ptr<DomainMapper> NewNetworkMapper() { return std::make_unique<NetworkMapper>(); }
void AppendNetworkComparables(const inventory::Inventory&, const IdMap&, std::vector<ComparableObject>&) {}
}  // namespace posture::iac
