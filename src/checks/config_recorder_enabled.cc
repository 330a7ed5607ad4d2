#include "checks/check.h"
#include "checks/check_support.h"

namespace posture::checks::config_recorder_enabled {
namespace {

bool RecordsAll(const inventory::ConfigRecorder& recorder) { return recorder.all_supported && recorder.recording; }

void Evaluate(const inventory::Inventory& inventory, FindingSink& sink) {
  // Global resources (IAM) need recording in one region only: it is
  // enough that some scanned region's complete recorder includes them.
  bool global_recorded = false;
  for (const auto& region : inventory.regions) {
    if (!region.config.recorders.ok()) continue;
    for (const auto& recorder : *region.config.recorders) {
      global_recorded = global_recorded || (RecordsAll(recorder) && recorder.include_global_resource_types);
    }
  }
  for (const auto& region : inventory.regions) {
    if (!sink.require(region.config.recorders, region.region)) continue;
    const auto& recorders = *region.config.recorders;
    if (recorders.empty()) {
      sink.fail(region.region, inventory.account_id, RegionalArn(inventory, "config", region.region, "recorder"),
                "no AWS Config recorder exists in " + region.region);
      continue;
    }
    for (const auto& recorder : recorders) {
      const std::string arn = RegionalArn(inventory, "config", region.region, "config-recorder/" + recorder.name);
      if (!recorder.all_supported) {
        sink.fail(region.region, recorder.name, arn, "records only selected resource types, not all supported ones");
      } else if (!recorder.recording) {
        sink.fail(region.region, recorder.name, arn,
                  "records all supported resource types but is stopped" +
                      (recorder.last_status.empty() ? std::string() : " (last status " + recorder.last_status + ")"));
      } else if (!global_recorded) {
        sink.fail(region.region, recorder.name, arn,
                  "records all supported resource types but global resources (IAM) are recorded in no scanned "
                  "region (includeGlobalResourceTypes is off)");
      } else {
        sink.pass(region.region, recorder.name, arn,
                  std::string("is recording all supported resource types") +
                      (recorder.include_global_resource_types ? ", including global resources" : ""));
      }
    }
  }
}

}  // namespace

extern const Check kCheck{
    .metadata =
        {
            .id = "config_recorder_enabled",
            .title = "AWS Config records all resources in every region",
            .severity = Severity::kMedium,
            .category = Category::kLogging,
            .resource_type = "AWS::Config::ConfigurationRecorder",
            .scope = "L",
            .fails_when = "a region has no AWS Config recorder recording all resources",
            .risk = "Without a recorder capturing every resource type, configuration changes in the region have "
                    "no history, which hides drift and slows down incident investigation.",
            .remediation = "aws configservice put-configuration-recorder --configuration-recorder "
                           "name=default,roleARN=<role-arn> --recording-group "
                           "allSupported=true,includeGlobalResourceTypes=true && aws configservice "
                           "start-configuration-recorder --configuration-recorder-name default",
            .remediation_terraform = "resource \"aws_config_configuration_recorder\" \"main\" {\n  name     = "
                                     "\"default\"\n  role_arn = aws_iam_role.config.arn\n  recording_group {\n    "
                                     "all_supported                 = true\n    include_global_resource_types = "
                                     "true\n  }\n}\n\nresource \"aws_config_configuration_recorder_status\" \"main\" "
                                     "{\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = "
                                     "true\n}",
            .docs_url = "https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html",
            .reads = {POSTURE_FIELD(ConfigRecorder, all_supported),
                      POSTURE_FIELD(ConfigRecorder, include_global_resource_types),
                      POSTURE_FIELD(ConfigRecorder, recording), POSTURE_FIELD(ConfigRecorder, last_status)},
        },
    .evaluate = &Evaluate,
};

}  // namespace posture::checks::config_recorder_enabled
