// The check catalog (docs/checks.md), generated from the registry, the
// frameworks data and the default settings, so that the documentation can
// never drift from the code: `posture checks --format markdown` prints it,
// and a test fails when the committed file differs. Pure; thread-safe.
#pragma once

#include <string>

namespace posture::checks {

std::string RenderCatalogMarkdown();

}  // namespace posture::checks
