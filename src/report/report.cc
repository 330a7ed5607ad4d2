#include "report/report.h"

#include <chrono>
#include <ctime>

namespace posture::report {
namespace {

constexpr Reporter kReporters[] = {
    {"table", RenderTable},
    {"json", RenderJson},
    {"sarif", RenderSarif},
};

}  // namespace

const Reporter* FindReporter(std::string_view name) {
  for (const auto& reporter : kReporters) {
    if (reporter.name == name) return &reporter;
  }
  return nullptr;
}

std::vector<std::string_view> ReporterNames() {
  std::vector<std::string_view> names;
  for (const auto& reporter : kReporters) names.push_back(reporter.name);
  return names;
}

std::string NowRfc3339() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace posture::report
