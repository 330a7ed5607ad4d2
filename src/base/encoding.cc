#include "base/encoding.h"

#include <array>
#include <cstdint>

namespace posture::base {
namespace {

constexpr char kLowerHexDigits[] = "0123456789abcdef";
constexpr char kUpperHexDigits[] = "0123456789ABCDEF";
constexpr char kBase64Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr int kBase64Invalid = -1;
constexpr int kBase64Skip = -2;

constexpr std::array<int, 256> MakeBase64DecodeTable() {
  std::array<int, 256> table{};
  for (int& value : table) value = kBase64Invalid;
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(kBase64Alphabet[i])] = i;
  table[' '] = table['\t'] = table['\r'] = table['\n'] = kBase64Skip;
  return table;
}
constexpr std::array<int, 256> kBase64Decode = MakeBase64DecodeTable();

// RFC 3986 unreserved characters: A-Z a-z 0-9 - _ . ~
constexpr std::array<bool, 256> MakeUnreservedTable() {
  std::array<bool, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  table['-'] = table['_'] = table['.'] = table['~'] = true;
  return table;
}
constexpr std::array<bool, 256> kUnreserved = MakeUnreservedTable();

}  // namespace

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string HexEncode(std::string_view bytes) {
  std::string out(bytes.size() * 2, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kLowerHexDigits[byte >> 4];
    out[2 * i + 1] = kLowerHexDigits[byte & 0x0F];
  }
  return out;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t triple = (uint32_t{in[i]} << 16) | (uint32_t{in[i + 1]} << 8) | in[i + 2];
    out.push_back(kBase64Alphabet[(triple >> 18) & 0x3F]);
    out.push_back(kBase64Alphabet[(triple >> 12) & 0x3F]);
    out.push_back(kBase64Alphabet[(triple >> 6) & 0x3F]);
    out.push_back(kBase64Alphabet[triple & 0x3F]);
  }
  const size_t rest = bytes.size() - i;
  if (rest == 0) return out;
  uint32_t triple = uint32_t{in[i]} << 16;
  if (rest == 2) triple |= uint32_t{in[i + 1]} << 8;
  out.push_back(kBase64Alphabet[(triple >> 18) & 0x3F]);
  out.push_back(kBase64Alphabet[(triple >> 12) & 0x3F]);
  out.push_back(rest == 2 ? kBase64Alphabet[(triple >> 6) & 0x3F] : '=');
  out.push_back('=');
  return out;
}

// Accepts padded or unpadded input and ignores ASCII whitespace (line-wrapped
// payloads); anything else outside the alphabet, or misplaced '=', is malformed.
bool Base64Decode(std::string_view text, std::string& out) {
  std::string decoded;
  decoded.reserve(text.size() / 4 * 3 + 3);
  uint32_t accumulator = 0;
  int bits = 0;
  size_t sextets = 0;
  size_t padding = 0;
  for (char c : text) {
    if (c == '=') {
      ++padding;
      continue;
    }
    const int value = kBase64Decode[static_cast<unsigned char>(c)];
    if (value == kBase64Skip) continue;
    if (value == kBase64Invalid || padding > 0) return false;
    accumulator = (accumulator << 6) | static_cast<uint32_t>(value);
    bits += 6;
    ++sextets;
    if (bits >= 8) {
      bits -= 8;
      decoded.push_back(static_cast<char>((accumulator >> bits) & 0xFF));
    }
  }
  const size_t remainder = sextets % 4;
  if (remainder == 1) return false;
  if (padding > 0 && (remainder == 0 || remainder + padding != 4)) return false;
  out = std::move(decoded);
  return true;
}

void AppendUriEncodedByte(std::string& out, unsigned char byte) {
  if (kUnreserved[byte]) {
    out.push_back(static_cast<char>(byte));
    return;
  }
  out.push_back('%');
  out.push_back(kUpperHexDigits[byte >> 4]);
  out.push_back(kUpperHexDigits[byte & 0x0F]);
}

void AppendUriEncoded(std::string& out, std::string_view text, bool keep_slash) {
  for (char c : text) {
    if (keep_slash && c == '/') {
      out.push_back(c);
    } else {
      AppendUriEncodedByte(out, static_cast<unsigned char>(c));
    }
  }
}

std::string UriEncode(std::string_view text, bool keep_slash) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  AppendUriEncoded(out, text, keep_slash);
  return out;
}

std::string UriDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = HexDigitValue(text[i + 1]);
      const int low = HexDigitValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>((high << 4) | low));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

std::optional<std::string> UriDecodeStrict(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 1 < text.size() ? HexDigitValue(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexDigitValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace posture::base
