// `posture serve`'s command line: serve's own flags (--listen, --interval,
// --shutdown-timeout) and the scan flags of `posture scan` (except the
// batch metrics flags: serve exposes /metrics instead), turned into
// serve::ServeOptions. Exit codes: 0 after a signal, 1 the address cannot be
// bound, 2 usage error (serve's flags, the scan flags or the config).
#pragma once

#include <string>
#include <vector>

namespace posture::cli {

int RunServeCommand(const std::vector<std::string>& argv);

}  // namespace posture::cli
