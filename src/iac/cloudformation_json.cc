// Strict JSON -> TemplateNode. yaml-cpp reads JSON too, but allocates so
// much per node that a 1 MB CDK template took over a second; this reader
// takes a few milliseconds and gives the same tree (same lines, same scalar
// kinds as YAML's core schema gives JSON values).
#include <charconv>
#include <cstdint>

#include "iac/cloudformation_template.h"
#include "iac/resource.h"

namespace posture::iac::cfn {
namespace {

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  TemplateNode Document() {
    TemplateNode root = Value(0);
    SkipSpace();
    if (at_ < text_.size()) Fail("unexpected text after the end of the JSON value");
    return root;
  }

 private:
  [[noreturn]] void Fail(const std::string& message) const { throw TemplateError(line_, "invalid JSON: " + message); }

  void SkipSpace() {
    for (; at_ < text_.size(); ++at_) {
      char c = text_[at_];
      if (c == '\n') {
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
    }
  }

  char Peek() {
    SkipSpace();
    if (at_ >= text_.size()) {  // named at the last line with text, not after trailing blank lines
      line_ = LineOfOffset(text_, text_.find_last_not_of(" \t\r\n") + 1);
      Fail("unexpected end of file (truncated?)");
    }
    return text_[at_];
  }

  void Expect(char c) {
    if (Peek() != c) Fail(std::string("expected '") + c + "' but found '" + text_[at_] + "'");
    ++at_;
  }

  TemplateNode Value(int depth) {
    if (depth > kMaxTemplateDepth) Fail("nesting deeper than " + std::to_string(kMaxTemplateDepth));
    char c = Peek();
    TemplateNode node;
    node.line = line_;
    if (c == '{') return Object(std::move(node), depth);
    if (c == '[') return Array(std::move(node), depth);
    if (c == '"') {
      node.kind = TemplateNode::Kind::kString;
      node.text = String();
      return node;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return Number(std::move(node));
    for (std::string_view word : {"true", "false", "null"}) {
      if (text_.substr(at_, word.size()) == word) {
        at_ += word.size();
        node.kind = word == "null" ? TemplateNode::Kind::kNull : TemplateNode::Kind::kBool;
        if (word != "null") node.text = std::string(word);
        return node;
      }
    }
    Fail(std::string("unexpected '") + c + "'");
  }

  TemplateNode Object(TemplateNode node, int depth) {
    node.kind = TemplateNode::Kind::kMap;
    ++at_;
    if (Peek() == '}') {
      ++at_;
      return node;
    }
    while (true) {
      if (Peek() != '"') Fail("expected a key in double quotes");
      TemplateEntry& entry = node.entries.emplace_back();
      entry.line = line_;
      entry.key = String();
      Expect(':');
      entry.value = Value(depth + 1);
      char next = Peek();
      ++at_;
      if (next == '}') break;
      if (next != ',') Fail("expected ',' or '}' in an object");
    }
    CheckUniqueKeys(node);
    return node;
  }

  TemplateNode Array(TemplateNode node, int depth) {
    node.kind = TemplateNode::Kind::kList;
    ++at_;
    if (Peek() == ']') {
      ++at_;
      return node;
    }
    while (true) {
      node.items.push_back(Value(depth + 1));
      char next = Peek();
      ++at_;
      if (next == ']') return node;
      if (next != ',') Fail("expected ',' or ']' in an array");
    }
  }

  TemplateNode Number(TemplateNode node) {
    std::size_t start = at_;
    auto digits = [&] {
      std::size_t first = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
      if (at_ == first) Fail("malformed number");
    };
    if (text_[at_] == '-') ++at_;
    digits();
    bool is_float = false;
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      digits();
      is_float = true;
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      digits();
      is_float = true;
    }
    node.text = std::string(text_.substr(start, at_ - start));
    node.kind = is_float ? TemplateNode::Kind::kFloat : TemplateNode::Kind::kInt;
    if (!is_float) {  // beyond 64 bits: a string, as YAML's reading gives
      std::int64_t value = 0;
      auto [end, error] = std::from_chars(node.text.data(), node.text.data() + node.text.size(), value);
      if (error != std::errc() || end != node.text.data() + node.text.size()) node.kind = TemplateNode::Kind::kString;
    }
    return node;
  }

  std::string String() {
    ++at_;  // the opening quote
    std::string out;
    while (true) {
      std::size_t run = at_;
      while (run < text_.size() && text_[run] != '"' && text_[run] != '\\' && text_[run] != '\n') ++run;
      out.append(text_, at_, run - at_);
      at_ = run;
      if (at_ >= text_.size()) Fail("unterminated string (truncated?)");
      char c = text_[at_++];
      if (c == '"') return out;
      if (c == '\n') Fail("line break inside a string");
      if (at_ >= text_.size()) Fail("unterminated string (truncated?)");
      char escape = text_[at_++];
      switch (escape) {
        case '"':
        case '\\':
        case '/':
          out += escape;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          AppendUtf8(CodePoint(), out);
          break;
        default:
          Fail(std::string("unknown escape \\") + escape);
      }
    }
  }

  unsigned Hex4() {
    if (at_ + 4 > text_.size()) Fail("truncated \\u escape");
    unsigned value = 0;
    auto [end, error] = std::from_chars(text_.data() + at_, text_.data() + at_ + 4, value, 16);
    if (error != std::errc() || end != text_.data() + at_ + 4) Fail("malformed \\u escape");
    at_ += 4;
    return value;
  }

  // After "\u": one code point, joining a surrogate pair.
  unsigned CodePoint() {
    unsigned high = Hex4();
    if (high < 0xD800 || high > 0xDBFF) return high;
    if (text_.substr(at_, 2) != "\\u") Fail("unpaired surrogate in a \\u escape");
    at_ += 2;
    unsigned low = Hex4();
    if (low < 0xDC00 || low > 0xDFFF) Fail("unpaired surrogate in a \\u escape");
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  }

  static void AppendUtf8(unsigned code, std::string& out) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
};

}  // namespace

TemplateNode ParseJsonTemplate(std::string_view text) { return JsonReader(text).Document(); }

}  // namespace posture::iac::cfn
