// URL parsing and the percent-encoding rules AWS signing and protocols use.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/error.h"

namespace posture::aws {

struct Url {
  std::string scheme;  // "https"
  std::string host;    // "ec2.us-east-1.amazonaws.com" (IPv6 literals keep their brackets)
  int port = 0;        // 0 when the URL names none
  std::string path;    // "/" when empty; encoded as given
  std::string query;   // without '?'; encoded as given

  // "host" or "host:port" when the port is not the scheme's default.
  std::string authority() const;
  // scheme://authority
  std::string origin() const;
};

// Parses an absolute http(s) URL; InvalidInput with a clear message otherwise.
Result<Url> ParseUrl(std::string_view url);

// RFC 3986 percent-encoding of everything but unreserved characters
// (A-Z a-z 0-9 - _ . ~); '/' is kept when `keep_slash`. Uppercase hex.
std::string UriEncode(std::string_view text, bool keep_slash = false);

// Decodes %XX escapes (and leaves malformed ones as they are). '+' is kept.
std::string UriDecode(std::string_view text);

// Splits "a=1&b=2" into decoded pairs; "a" gives ("a", "").
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query);

// Encodes pairs as an application/x-www-form-urlencoded body / query string
// using UriEncode for names and values, in the given order.
std::string EncodeQuery(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace posture::aws
