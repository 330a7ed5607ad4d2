#include "checks/cidr.h"

#include <arpa/inet.h>

#include <charconv>

namespace posture::checks {
namespace {

constexpr int kBitsPerByte = 8;

int MaxPrefix(IpFamily family) { return family == IpFamily::kIpv4 ? 32 : 128; }

void MaskHostBits(Cidr& cidr) {
  for (int byte = 0; byte < static_cast<int>(cidr.address.size()); ++byte) {
    const int kept = cidr.prefix - byte * kBitsPerByte;
    if (kept >= kBitsPerByte) continue;
    const int mask = kept <= 0 ? 0 : (0xff << (kBitsPerByte - kept)) & 0xff;
    cidr.address[byte] = static_cast<uint8_t>(cidr.address[byte] & mask);
  }
}

std::optional<Cidr> Fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return std::nullopt;
}

}  // namespace

std::string Cidr::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(family == IpFamily::kIpv4 ? AF_INET : AF_INET6, address.data(), text, sizeof(text));
  return std::string(text) + "/" + std::to_string(prefix);
}

std::optional<Cidr> ParseCidr(std::string_view text, std::string* error) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  if (text.empty()) return Fail(error, "empty CIDR block");
  const auto slash = text.find('/');
  const std::string address(text.substr(0, slash));
  Cidr cidr;
  cidr.family = address.find(':') == std::string::npos ? IpFamily::kIpv4 : IpFamily::kIpv6;
  const int family = cidr.family == IpFamily::kIpv4 ? AF_INET : AF_INET6;
  if (inet_pton(family, address.c_str(), cidr.address.data()) != 1) {
    return Fail(error, quoted + " is not a CIDR block: \"" + address + "\" is not an IP" +
                           (cidr.family == IpFamily::kIpv4 ? "v4" : "v6") + " address");
  }
  cidr.prefix = MaxPrefix(cidr.family);
  if (slash != std::string_view::npos) {
    const std::string_view length = text.substr(slash + 1);
    int prefix = -1;
    const auto [end, status] = std::from_chars(length.data(), length.data() + length.size(), prefix);
    if (length.empty() || status != std::errc() || end != length.data() + length.size() || prefix < 0 ||
        prefix > MaxPrefix(cidr.family)) {
      return Fail(error, quoted + " is not a CIDR block: the prefix length must be a number from 0 to " +
                             std::to_string(MaxPrefix(cidr.family)));
    }
    cidr.prefix = prefix;
  }
  MaskHostBits(cidr);
  return cidr;
}

bool CidrCovers(const Cidr& outer, const Cidr& inner) {
  if (outer.family != inner.family || outer.prefix > inner.prefix) return false;
  Cidr masked = inner;
  masked.prefix = outer.prefix;
  MaskHostBits(masked);
  return masked.address == outer.address;
}

}  // namespace posture::checks
