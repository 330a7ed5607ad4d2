#include "checks/check.h"
#include "checks/check_support.h"
#include "checks/trail_support.h"

namespace posture::checks::cloudtrail_multi_region {
namespace {

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  bool incomplete = false;
  std::vector<std::string> reasons;
  bool found = false;
  for (const TrailRef& ref : CollectedTrails(inventory, sink, incomplete)) {
    std::string why;
    if (CoversAccount(ref, sink, incomplete, why)) {
      found = true;
      sink.pass(ref.region->region, ref.trail->name, ref.trail->arn,
                "multi-region trail " + ref.trail->name + " is logging and records read and write management events");
    } else if (!why.empty()) {
      reasons.push_back(why);
    }
  }
  if (found || incomplete) return;
  sink.fail(kGlobalRegion, inventory.account_id, RootArn(inventory),
            reasons.empty()
                ? "the account has no CloudTrail trail"
                : "no multi-region trail is logging and recording all management events: " + base::Join(reasons, "; "));
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "cloudtrail_multi_region",
            .title = "A multi-region CloudTrail trail records all management events",
            .severity = Severity::kHigh,
            .category = Category::kLogging,
            .resource_type = "AWS::CloudTrail::Trail",
            .scope = "L+C",
            .fails_when = "no multi-region trail that is logging and records read and write management events",
            .risk = "Without a logging multi-region trail recording read and write management events, API "
                    "activity in some regions or of some kinds leaves no audit record for investigations.",
            .remediation = "aws cloudtrail create-trail --name org-trail --s3-bucket-name <bucket> "
                           "--is-multi-region-trail && aws cloudtrail start-logging --name org-trail && aws "
                           "cloudtrail put-event-selectors --trail-name org-trail --event-selectors "
                           "'[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true}]'",
            .remediation_terraform = "resource \"aws_cloudtrail\" \"main\" {\n  name                  = "
                                     "\"main\"\n  s3_bucket_name        = aws_s3_bucket.trail.id\n  "
                                     "is_multi_region_trail = true\n  enable_logging        = true\n  "
                                     "event_selector {\n    read_write_type           = \"All\"\n    "
                                     "include_management_events = true\n  }\n}",
            .docs_url = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/"
                        "receive-cloudtrail-log-files-from-multiple-regions.html",
            .reads = {POSTURE_FIELD(Trail, multi_region), POSTURE_FIELD(Trail, logging),
                      POSTURE_FIELD(Trail, selectors)},
            .declared_in_code_by = "aws_cloudtrail, AWS::CloudTrail::Trail",
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::cloudtrail_multi_region
