// The service models compiled into the binary (generated source; see model.h).
#pragma once

#include <cstddef>

namespace posture::aws {

struct EmbeddedModel {
  const char* name;  // botocore service name
  const char* json;  // the trimmed model
};

extern const EmbeddedModel kEmbeddedModels[];
extern const size_t kEmbeddedModelCount;

}  // namespace posture::aws
