// IPv4 and IPv6 CIDR blocks: parsing and containment, for route checks.
//
// A Cidr is a network address and a prefix length; host bits written in the
// text are masked off ("10.0.0.1/16" is 10.0.0.0/16). A bare address is a
// /32 or /128. Pure functions: thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "checks/network_rules.h"

namespace posture::checks {

struct Cidr {
  IpFamily family = IpFamily::kIpv4;
  std::array<uint8_t, 16> address{};  // the first 4 bytes for IPv4
  int prefix = 0;

  // "10.0.0.0/16", "2001:db8::/56".
  std::string to_string() const;
};

// Parses "a.b.c.d/n" or an IPv6 "x:y::/n". On malformed input returns
// nullopt and, when `error` is given, says what is wrong with it.
std::optional<Cidr> ParseCidr(std::string_view text, std::string* error = nullptr);

// True when every address of `inner` is in `outer` (same family, outer's
// prefix no longer than inner's, and the same leading bits).
bool CidrCovers(const Cidr& outer, const Cidr& inner);

}  // namespace posture::checks
