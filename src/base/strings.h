// Small text helpers every subsystem shares: trimming, ASCII case-insensitive
// comparison, joining and splitting lists. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace posture::base {

// ASCII whitespace, and the blanks (space, tab) that HTTP header values and
// key=value lists allow around their items.
inline constexpr std::string_view kWhitespace = " \t\r\n\v\f";
inline constexpr std::string_view kBlanks = " \t";

// `text` without leading and trailing `characters`.
std::string_view Trim(std::string_view text, std::string_view characters = kWhitespace);

char ToLowerAscii(char c);
std::string ToLowerAscii(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool ContainsIgnoreCase(std::string_view text, std::string_view needle);

// "a, b, c".
std::string Join(const std::vector<std::string>& items, std::string_view separator = ", ");
// "a,b,,c" -> {"a", "b", "c"}: the non-empty items between commas.
std::vector<std::string> SplitList(std::string_view text);

}  // namespace posture::base
