// Text encodings: hex, base64 and RFC 3986 percent-encoding (the one table
// of unreserved characters that SigV4, URLs and query strings share).
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace posture::base {

std::string HexEncode(std::string_view bytes);  // lowercase
// The value of one hex digit (either case), or -1.
int HexDigitValue(char c);

std::string Base64Encode(std::string_view bytes);
// Accepts padded or unpadded input and ASCII whitespace; false on malformed input.
bool Base64Decode(std::string_view text, std::string& out);

// Percent-encodes everything but the unreserved characters (A-Z a-z 0-9 -
// _ . ~); '/' is kept when `keep_slash`. Uppercase hex, as SigV4 requires.
std::string UriEncode(std::string_view text, bool keep_slash = false);
void AppendUriEncoded(std::string& out, std::string_view text, bool keep_slash = false);
void AppendUriEncodedByte(std::string& out, unsigned char byte);
// Decodes %XX escapes and leaves malformed ones as they are; '+' is kept.
std::string UriDecode(std::string_view text);
// Decodes %XX escapes; nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> UriDecodeStrict(std::string_view text);

}  // namespace posture::base
