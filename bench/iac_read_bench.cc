// posture_iac_read_bench FILE [--copy]: reads a Terraform plan or state with
// ReadTerraformPadded (ReadTerraform with --copy) into the InventoryBuilder
// and prints size, resources, wall time, MB/s and peak RSS. Generate a plan
// with bench/gen_plan.py; measure peak memory with /usr/bin/time -v too.
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "iac/mapping.h"
#include "iac/terraform.h"

namespace {

double CpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

bool ReadWholeFile(const char* path, std::string& text) {
  std::FILE* file = std::fopen(path, "rb");
  if (!file) return false;
  std::fseek(file, 0, SEEK_END);
  long size = std::ftell(file);
  std::fseek(file, 0, SEEK_SET);
  text.reserve(static_cast<std::size_t>(size) + posture::iac::kTerraformReadPadding);
  text.resize(static_cast<std::size_t>(size));
  bool ok = std::fread(text.data(), 1, text.size(), file) == text.size();
  std::fclose(file);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [--copy]\n", argv[0]);
    return 2;
  }
  bool copy = argc > 2 && std::strcmp(argv[2], "--copy") == 0;
  std::string text;
  if (!ReadWholeFile(argv[1], text)) {
    std::fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  double cpu_start = CpuSeconds();
  posture::iac::InventoryBuilder builder;
  std::size_t resources = 0;
  auto sink = [&](posture::iac::Resource&& resource) {
    ++resources;
    builder.add(std::move(resource));
  };
  std::optional<posture::iac::ParseError> error =
      copy ? posture::iac::ReadTerraform(argv[1], text, sink) : posture::iac::ReadTerraformPadded(argv[1], text, sink);
  posture::iac::IacInventory inventory = builder.finish();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // On a shared machine the CPU time is the steadier figure.
  double cpu_seconds = CpuSeconds() - cpu_start;
  if (error) {
    std::fprintf(stderr, "%s\n", error->text().c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double megabytes = static_cast<double>(text.size()) / 1e6;
  double peak_megabytes = static_cast<double>(usage.ru_maxrss) * 1024 / 1e6;
  std::printf(
      "file %.1f MB, %zu resources (%zu inventory objects), wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s, "
      "peak RSS %.1f MB (%.2fx the file)\n",
      megabytes, resources, inventory.resources.size(), seconds, megabytes / seconds, cpu_seconds,
      megabytes / cpu_seconds, peak_megabytes, peak_megabytes / megabytes);
  return 0;
}
