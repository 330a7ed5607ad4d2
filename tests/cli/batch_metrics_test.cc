// `posture scan`'s batch metrics flags.
#include "cli/batch_metrics.h"

#include <gtest/gtest.h>

namespace posture::cli {
namespace {

TEST(BatchMetrics, ObserverRejectsBadFlags) {
  Args args("scan");
  AddBatchMetricsFlags(args);
  ASSERT_TRUE(args.parse({"--pushgateway", "gateway:9091"}));
  EXPECT_EQ(MakeBatchScanObserver(args), nullptr);
  Args good("scan");
  AddBatchMetricsFlags(good);
  ASSERT_TRUE(good.parse({"--pushgateway", "http://gateway:9091", "--metrics-file", "/tmp/x.prom"}));
  EXPECT_NE(MakeBatchScanObserver(good), nullptr);
}

}  // namespace
}  // namespace posture::cli
