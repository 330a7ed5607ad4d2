// PLACEHOLDER until the storage mapping lands (helper branch iac-storage).
#include "iac/mapping.h"

namespace posture::iac {
namespace {
class StorageMapper : public DomainMapper {
 public:
  bool add(const Resource&, MappingContext&) override { return false; }
  void finish(MappingContext&) override {}
};
}  // namespace

std::unique_ptr<DomainMapper> NewStorageMapper() { return std::make_unique<StorageMapper>(); }
void AppendStorageComparables(const inventory::Inventory&, const IdMap&, std::vector<ComparableObject>&) {}
}  // namespace posture::iac
