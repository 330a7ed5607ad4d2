#include "telemetry/metrics_textfile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace posture::telemetry {

base::Status WriteTextfileAtomically(const std::string& path, const std::string& text) {
  if (path.empty()) return base::Error::InvalidInput("metrics file: empty path");
  std::filesystem::path target(path);
  if (target.filename().empty()) return base::Error::InvalidInput("metrics file " + path + ": not a file name");
  // Same directory as the target, so rename() stays on one file system;
  // a leading dot keeps node_exporter (which reads *.prom) from reading it.
  std::filesystem::path temp =
      target.parent_path() / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()));
  auto failure = [&](const char* what) {
    return base::Error::InvalidInput("metrics file " + path + ": " + what + ": " + std::strerror(errno));
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return failure("cannot create a temporary file beside it");
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      auto error = failure("cannot write");
      ::close(fd);
      ::unlink(temp.c_str());
      return error;
    }
    written += static_cast<size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    auto error = failure("cannot flush");
    ::unlink(temp.c_str());
    return error;
  }
  if (std::rename(temp.c_str(), target.c_str()) != 0) {
    auto error = failure("cannot rename the temporary file over it");
    ::unlink(temp.c_str());
    return error;
  }
  return base::Ok{};
}

}  // namespace posture::telemetry
