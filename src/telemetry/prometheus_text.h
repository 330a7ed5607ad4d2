// The Prometheus text exposition format, version 0.0.4: what /metrics
// serves, what node_exporter's textfile collector reads and what a
// Pushgateway accepts.
//
// Per family: "# HELP name text" (backslash and newline escaped), "# TYPE
// name counter|gauge|histogram", then one line per series with labels in
// the family's declared order: name{a="x",b="y"} value. Label values escape
// backslash, double quote and newline. Histograms expose cumulative
// name_bucket{...,le="bound"} lines ending with le="+Inf", then name_sum and
// name_count. Families without series are left out. Pure functions:
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "telemetry/metrics.h"

namespace posture::telemetry {

// The Content-Type of the format.
inline constexpr const char* kPrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";

std::string RenderPrometheusText(const std::vector<FamilySnapshot>& families);
// The whole registry, in name order.
std::string RenderPrometheusText(const MetricsRegistry& registry);

// A label value with \ " and newline escaped.
std::string EscapeLabelValue(std::string_view value);
// HELP text with \ and newline escaped.
std::string EscapeHelp(std::string_view text);
// A sample value: integers without a decimal point, "+Inf", "-Inf", "NaN",
// other values in the shortest form that reads back exactly.
std::string FormatSampleValue(double value);

}  // namespace posture::telemetry
