#include "checks/check.h"
#include "checks/s3_object_logging.h"

namespace posture::checks::s3_object_read_logging {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  EvaluateS3ObjectLogging(S3Access::kRead, inventory, sink);
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "s3_object_read_logging",
            .title = "Object-level logging for S3 read events is enabled for all buckets",
            .severity = Severity::kLow,
            .category = Category::kLogging,
            .resource_type = "AWS::CloudTrail::Trail",
            .scope = "L",
            .fails_when = "no trail records S3 read data events for all buckets",
            .risk = "Without S3 read data events, nobody can tell which objects were read or exfiltrated, and by whom.",
            .remediation = "aws cloudtrail put-event-selectors --trail-name <multi-region-trail> --event-selectors "
                           "'[{\"ReadWriteType\":\"ReadOnly\",\"IncludeManagementEvents\":true,\"DataResources\":"
                           "[{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3\"]}]}]'",
            .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n  # ...\n  event_selector {\n    "
                                     "read_write_type           = \"ReadOnly\"\n    include_management_events = true\n"
                                     "    data_resource {\n      type   = \"AWS::S3::Object\"\n      values = "
                                     "[\"arn:aws:s3\"]\n    }\n  }\n}",
            .docs_url = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, logging),
                      POSTURE_FIELD(Trail, selectors)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::s3_object_read_logging
