#include "checks/filter_pattern.h"

#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <variant>

namespace posture::checks {

// One path step: an object member or an array index.
struct PathStep {
  std::string member;
  int index = -1;  // >= 0: array index
};

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe, kIsTrue, kIsFalse, kIsNull, kExists, kNotExists };

struct FilterPattern::Node {
  enum class Kind { kAnd, kOr, kCondition } kind = Kind::kCondition;
  std::vector<std::shared_ptr<const Node>> children;  // kAnd, kOr
  // kCondition
  std::vector<PathStep> path;
  Op op = Op::kEq;
  std::string value;
  bool value_quoted = false;
};

namespace {

using Node = FilterPattern::Node;
using NodePtr = std::shared_ptr<const Node>;

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool IsBareChar(char c) {
  return !std::isspace(static_cast<unsigned char>(c)) && c != '(' && c != ')' && c != '{' && c != '}' && c != '&' &&
         c != '|' && c != '"' && c != '=' && c != '!' && c != '<' && c != '>';
}

bool IsSelectorChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '@'; }

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  NodePtr pattern() {
    skip_space();
    if (at_end()) Fail("the pattern is empty");
    if (peek() != '{') {
      if (peek() == '[') Fail("space-delimited patterns ([...]) are not JSON conditions and are not supported");
      Fail("not a JSON filter pattern (expected '{')");
    }
    ++pos_;
    NodePtr root = expression();
    expect('}');
    skip_space();
    if (!at_end()) Fail("unexpected text after '}'");
    return root;
  }

 private:
  [[noreturn]] void Fail(const std::string& message) const {
    throw ParseError(message + " at " + std::to_string(pos_));
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void skip_space() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool accept(std::string_view token) {
    skip_space();
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }
  void expect(char c) {
    skip_space();
    if (peek() != c) {
      Fail(std::string("expected '") + c + "'" + (at_end() ? " but the pattern ended" : ""));
    }
    ++pos_;
  }
  // A case-insensitive keyword (IS, NOT, EXISTS, TRUE, ...) followed by a non-word character.
  bool accept_keyword(std::string_view word) {
    skip_space();
    if (pos_ + word.size() > text_.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
      if (std::toupper(static_cast<unsigned char>(text_[pos_ + i])) != word[i]) return false;
    }
    const size_t end = pos_ + word.size();
    if (end < text_.size() && IsSelectorChar(text_[end])) return false;
    pos_ = end;
    return true;
  }

  NodePtr join(Node::Kind kind, std::vector<NodePtr> children) {
    if (children.size() == 1) return children.front();
    auto node = std::make_shared<Node>();
    node->kind = kind;
    node->children = std::move(children);
    return node;
  }

  NodePtr expression() {
    std::vector<NodePtr> terms{conjunction()};
    while (accept("||")) terms.push_back(conjunction());
    return join(Node::Kind::kOr, std::move(terms));
  }

  NodePtr conjunction() {
    std::vector<NodePtr> terms{primary()};
    while (accept("&&")) terms.push_back(primary());
    return join(Node::Kind::kAnd, std::move(terms));
  }

  NodePtr primary() {
    skip_space();
    if (peek() == '(') {
      if (++depth_ > kMaxDepth) Fail("parentheses nested deeper than " + std::to_string(kMaxDepth));
      ++pos_;
      NodePtr inner = expression();
      expect(')');
      --depth_;
      return inner;
    }
    if (peek() == '$') return condition();
    if (at_end()) Fail("expected a condition but the pattern ended");
    Fail(std::string("expected a condition ($.field ...) or '(' but found '") + peek() + "'");
  }

  std::vector<PathStep> selector() {
    ++pos_;  // '$'
    std::vector<PathStep> path;
    while (!at_end()) {
      if (peek() == '.') {
        ++pos_;
        const size_t start = pos_;
        while (!at_end() && IsSelectorChar(peek())) ++pos_;
        if (pos_ == start) Fail("expected a field name after '.'");
        path.push_back({std::string(text_.substr(start, pos_ - start))});
      } else if (peek() == '[') {
        ++pos_;
        const size_t start = pos_;
        while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        if (pos_ == start) Fail("expected an array index (digits) after '['");
        PathStep step;
        std::from_chars(text_.data() + start, text_.data() + pos_, step.index);
        path.push_back(step);
        if (peek() != ']') Fail("expected ']'");
        ++pos_;
      } else {
        break;
      }
    }
    if (path.empty()) Fail("expected a field selector such as $.eventName");
    return path;
  }

  NodePtr condition() {
    auto node = std::make_shared<Node>();
    node->path = selector();
    if (accept_keyword("IS")) {
      if (accept_keyword("TRUE")) {
        node->op = Op::kIsTrue;
      } else if (accept_keyword("FALSE")) {
        node->op = Op::kIsFalse;
      } else if (accept_keyword("NULL")) {
        node->op = Op::kIsNull;
      } else {
        Fail("expected TRUE, FALSE or NULL after IS");
      }
      return node;
    }
    if (accept_keyword("NOT")) {
      if (!accept_keyword("EXISTS")) Fail("expected EXISTS after NOT");
      node->op = Op::kNotExists;
      return node;
    }
    if (accept_keyword("EXISTS")) {
      node->op = Op::kExists;
      return node;
    }
    if (accept("!=")) {
      node->op = Op::kNe;
    } else if (accept("<=")) {
      node->op = Op::kLe;
    } else if (accept(">=")) {
      node->op = Op::kGe;
    } else if (accept("=")) {
      node->op = Op::kEq;
    } else if (accept("<")) {
      node->op = Op::kLt;
    } else if (accept(">")) {
      node->op = Op::kGt;
    } else {
      Fail("expected an operator (=, !=, <, <=, >, >=, IS, NOT EXISTS) after the selector");
    }
    value(*node);
    return node;
  }

  void value(Node& node) {
    skip_space();
    if (at_end()) Fail("expected a value but the pattern ended");
    if (peek() == '"') {
      ++pos_;
      std::string value;
      while (true) {
        if (at_end()) Fail("unterminated quoted value");
        char c = text_[pos_++];
        if (c == '"') break;
        if (c == '\\') {
          if (at_end()) Fail("unterminated quoted value");
          c = text_[pos_++];
        }
        value += c;
      }
      node.value = std::move(value);
      node.value_quoted = true;
      return;
    }
    if (peek() == '%') Fail("regular expression values (%...%) are not supported");
    const size_t start = pos_;
    while (!at_end() && IsBareChar(peek())) ++pos_;
    if (pos_ == start) Fail(std::string("expected a value but found '") + peek() + "'");
    node.value = std::string(text_.substr(start, pos_ - start));
    if (node.op != Op::kEq && node.op != Op::kNe && !parse_number(node.value)) {
      Fail("expected a number after a numeric comparison, found '" + node.value + "'");
    }
  }

 public:
  static std::optional<double> parse_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    double number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
  }

 private:
  // CloudWatch caps patterns at 1024 characters; this bounds recursion.
  static constexpr int kMaxDepth = 64;
  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
};

// `*` matches any run of characters; everything else literally.
bool Glob(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

const nlohmann::json* Resolve(const nlohmann::json& event, const std::vector<PathStep>& path) {
  const nlohmann::json* at = &event;
  for (const auto& step : path) {
    if (step.index >= 0) {
      if (!at->is_array() || static_cast<size_t>(step.index) >= at->size()) return nullptr;
      at = &(*at)[step.index];
    } else {
      if (!at->is_object()) return nullptr;
      auto it = at->find(step.member);
      if (it == at->end()) return nullptr;
      at = &*it;
    }
  }
  return at;
}

bool Equal(const nlohmann::json& field, const Node& node) {
  if (field.is_string()) return Glob(node.value, field.get_ref<const std::string&>());
  if (field.is_number()) {
    if (auto number = Parser::parse_number(node.value)) return field.get<double>() == *number;
    return Glob(node.value, field.dump());
  }
  if (field.is_boolean()) return Glob(node.value, field.get<bool>() ? "true" : "false");
  return false;
}

bool Evaluate(const Node& node, const nlohmann::json& event) {
  switch (node.kind) {
    case Node::Kind::kAnd:
      for (const auto& child : node.children) {
        if (!Evaluate(*child, event)) return false;
      }
      return true;
    case Node::Kind::kOr:
      for (const auto& child : node.children) {
        if (Evaluate(*child, event)) return true;
      }
      return false;
    case Node::Kind::kCondition:
      break;
  }
  const nlohmann::json* field = Resolve(event, node.path);
  switch (node.op) {
    case Op::kNotExists:
      return field == nullptr;
    case Op::kExists:
      return field != nullptr;
    case Op::kIsNull:
      return field != nullptr && field->is_null();
    case Op::kIsTrue:
      return field != nullptr && field->is_boolean() && field->get<bool>();
    case Op::kIsFalse:
      return field != nullptr && field->is_boolean() && !field->get<bool>();
    default:
      break;
  }
  if (field == nullptr || field->is_null()) return false;
  if (node.op == Op::kEq) return Equal(*field, node);
  if (node.op == Op::kNe) return !Equal(*field, node);
  if (!field->is_number()) return false;
  const double left = field->get<double>();
  const double right = *Parser::parse_number(node.value);
  switch (node.op) {
    case Op::kLt:
      return left < right;
    case Op::kLe:
      return left <= right;
    case Op::kGt:
      return left > right;
    case Op::kGe:
      return left >= right;
    default:
      return false;
  }
}

}  // namespace

std::optional<FilterPattern> FilterPattern::Parse(std::string_view text, std::string* error) {
  try {
    Parser parser(text);
    return FilterPattern(parser.pattern());
  } catch (const ParseError& e) {
    if (error != nullptr) *error = e.what();
    return std::nullopt;
  }
}

bool FilterPattern::matches(const nlohmann::json& event) const { return Evaluate(*root_, event); }

}  // namespace posture::checks
