#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/trail_support.h"

namespace posture::checks::cloudtrail_log_validation {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  bool incomplete = false;
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    const auto& trail = *ref.trail;
    if (trail.log_file_validation) {
      sink.pass(ref.region->region, trail.name, trail.arn, "log file integrity validation is enabled");
    } else {
      sink.fail(ref.region->region, trail.name, trail.arn,
                "log file integrity validation is off: changes to the log files in s3://" + trail.s3_bucket +
                    " cannot be detected");
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "cloudtrail_log_validation",
            .title = "CloudTrail trails validate log file integrity",
            .severity = Severity::kMedium,
            .category = Category::kLogging,
            .resource_type = "AWS::CloudTrail::Trail",
            .scope = "L+C",
            .fails_when = "a trail has log file validation off",
            .risk = "Without digest files, an attacker who can write to the log bucket can alter or delete "
                    "CloudTrail records without the change being detectable.",
            .remediation = "aws cloudtrail update-trail --name <trail> --enable-log-file-validation",
            .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n  # ...\n  "
                                     "enable_log_file_validation = true\n}",
            .docs_url = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/"
                        "cloudtrail-log-file-validation-enabling.html",
            .reads = {POSTURE_FIELD(Trail, log_file_validation)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::cloudtrail_log_validation
