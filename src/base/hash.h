// Hashes and MACs over OpenSSL. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace posture::base {

std::string Sha256(std::string_view data);                            // raw 32 bytes
std::string Sha256Hex(std::string_view data);                         // lowercase hex
std::string HmacSha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string Sha1Hex(std::string_view data);                           // lowercase hex (SSO token cache file names)
std::string Md5Base64(std::string_view data);                         // Content-MD5 header value

}  // namespace posture::base
