// node_exporter's textfile collector format: the Prometheus text format in a
// *.prom file that node_exporter re-reads on every scrape. The file is
// replaced atomically (a temporary file in the same directory, flushed to
// disk, then renamed over the target), so a scrape never reads half a file.
// Thread-safe for different paths; two writers of one path race harmlessly
// (the last rename wins).
#pragma once

#include <string>

#include "base/error.h"

namespace posture::telemetry {

// Writes `text` to `path` atomically; a kInvalidInput or kInternal error
// names the path and the system's reason (missing directory, permission).
[[nodiscard]] base::Status WriteTextfileAtomically(const std::string& path, const std::string& text);

}  // namespace posture::telemetry
