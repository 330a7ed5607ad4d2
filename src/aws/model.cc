#include "aws/model.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include "aws/json.h"
#include "aws/models_embedded.h"

namespace posture::aws {
namespace {

std::string StringAt(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

const Json* FindIn(const Json& model, const char* section, std::string_view name) {
  auto it = model.find(section);
  if (it == model.end() || !it->is_object()) return nullptr;
  auto entry = it->find(std::string(name));
  if (entry == it->end()) return nullptr;
  return &*entry;
}

// The embedded models, each parsed on first use. Slots never move, so the
// pointers FindServiceModel hands out stay valid for the life of the process.
struct ModelSlot {
  std::once_flag once;
  std::unique_ptr<ServiceModel> model;
};

ModelSlot* Slots() {
  static const std::unique_ptr<ModelSlot[]> slots(new ModelSlot[kEmbeddedModelCount]);
  return slots.get();
}

}  // namespace

ServiceModel::ServiceModel(Json model) : model_(std::move(model)) {
  if (!model_.is_object()) model_ = Json::object();
  const Json empty = Json::object();
  auto meta_it = model_.find("metadata");
  const Json& meta = (meta_it != model_.end() && meta_it->is_object()) ? *meta_it : empty;
  // The legacy "protocol" key: botocore 1.43 would pick "json" for CloudWatch
  // from "protocols", but its query API stays fully supported and is what
  // the rest of posture expects.
  protocol_ = StringAt(meta, "protocol");
  api_version_ = StringAt(meta, "apiVersion");
  json_version_ = StringAt(meta, "jsonVersion");
  target_prefix_ = StringAt(meta, "targetPrefix");
  endpoint_prefix_ = StringAt(meta, "endpointPrefix");
  signing_name_ = StringAt(meta, "signingName");
  if (signing_name_.empty()) signing_name_ = endpoint_prefix_;
  service_id_ = StringAt(meta, "serviceId");
  global_endpoint_ = StringAt(meta, "globalEndpoint");
  name_ = StringAt(model_, "service");
  if (name_.empty()) name_ = endpoint_prefix_;
}

const Json* ServiceModel::operation(std::string_view name) const { return FindIn(model_, "operations", name); }

const Json* ServiceModel::shape(std::string_view name) const { return FindIn(model_, "shapes", name); }

const Json* ServiceModel::paginator(std::string_view operation) const {
  return FindIn(model_, "paginators", operation);
}

std::vector<std::string> ServiceModel::operation_names() const {
  std::vector<std::string> names;
  auto it = model_.find("operations");
  if (it == model_.end() || !it->is_object()) return names;
  for (const auto& [name, spec] : it->items()) names.push_back(name);
  return names;
}

const ServiceModel* FindServiceModel(std::string_view service) {
  ModelSlot* slots = Slots();
  for (size_t i = 0; i < kEmbeddedModelCount; ++i) {
    if (service != kEmbeddedModels[i].name) continue;
    ModelSlot& slot = slots[i];
    std::call_once(slot.once, [&slot, i] {
      Json parsed = Json::parse(kEmbeddedModels[i].json, nullptr, /*allow_exceptions=*/false);
      if (parsed.is_discarded()) return;  // a broken build; model_test catches it
      parsed["service"] = kEmbeddedModels[i].name;
      slot.model = std::make_unique<ServiceModel>(std::move(parsed));
    });
    return slot.model.get();
  }
  return nullptr;
}

std::vector<std::string> ServiceModelNames() {
  std::vector<std::string> names;
  names.reserve(kEmbeddedModelCount);
  for (size_t i = 0; i < kEmbeddedModelCount; ++i) names.emplace_back(kEmbeddedModels[i].name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace posture::aws
