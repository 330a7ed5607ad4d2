// The shared evaluation of s3_object_write_logging and
// s3_object_read_logging: PASS when a multi-region, logging trail records
// S3 object data events of that kind for every bucket.
#pragma once

#include "checks/check.h"

namespace posture::checks {

enum class S3Access { kRead, kWrite };

void EvaluateS3ObjectLogging(S3Access access, const inventory::Inventory& inventory, FindingSink& sink);

}  // namespace posture::checks
