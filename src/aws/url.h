// URL parsing and query strings (percent-encoding itself is base/encoding.h).
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"

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
base::Result<Url> ParseUrl(std::string_view url);

// Splits "a=1&b=2" into decoded pairs; "a" gives ("a", "").
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view query);

// Encodes pairs as an application/x-www-form-urlencoded body / query string
// using base::UriEncode for names and values, in the given order.
std::string EncodeQuery(const std::vector<std::pair<std::string, std::string>>& params);

}  // namespace posture::aws
