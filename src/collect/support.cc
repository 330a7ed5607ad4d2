#include "collect/support.h"

#include <charconv>

#include "aws/json.h"
#include "aws/url.h"
#include "base/encoding.h"

namespace posture::collect {

const aws::Json& Member(const aws::Json& object, std::string_view name) {
  static const aws::Json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(name);
  return it == object.end() ? kNull : *it;
}

const aws::Json& Items(const aws::Json& object, std::string_view name) {
  static const aws::Json kEmpty = aws::Json::array();
  const aws::Json& value = Member(object, name);
  return value.is_array() ? value : kEmpty;
}

std::string Text(const aws::Json& object, std::string_view name) {
  const aws::Json& value = Member(object, name);
  return value.is_string() ? value.get<std::string>() : std::string();
}

long Number(const aws::Json& object, std::string_view name, long fallback) {
  const aws::Json& value = Member(object, name);
  if (value.is_number_integer()) return value.get<long>();
  if (value.is_number_float()) return static_cast<long>(value.get<double>());
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    long parsed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec == std::errc() && end == text.data() + text.size()) return parsed;
  }
  return fallback;
}

int Int(const aws::Json& object, std::string_view name, int fallback) {
  return static_cast<int>(Number(object, name, fallback));
}

bool Flag(const aws::Json& object, std::string_view name) {
  const aws::Json& value = Member(object, name);
  if (value.is_boolean()) return value.get<bool>();
  return value.is_string() && value.get_ref<const std::string&>() == "true";
}

std::vector<std::string> TextOfEach(const aws::Json& list, std::string_view name) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    std::string text = Text(item, name);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

inventory::Tags ParseTags(const aws::Json& resource) {
  inventory::Tags tags;
  for (const auto& tag : Items(resource, "Tags")) {
    std::string key = Text(tag, "Key");
    if (!key.empty()) tags[std::move(key)] = Text(tag, "Value");
  }
  return tags;
}

std::string Arn(std::string_view partition, std::string_view service, std::string_view region, std::string_view account,
                std::string_view resource) {
  std::string arn = "arn:";
  for (std::string_view part : {partition, service, region, account}) {
    arn += part;
    arn += ':';
  }
  arn += resource;
  return arn;
}

std::string DecodePolicyDocument(std::string_view document) {
  const size_t first = document.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && document[first] == '{') return std::string(document);
  return base::UriDecode(document);
}

inventory::CollectionError CallSite::failure(const base::Error& error) const {
  inventory::CollectionError out{service, operation, region, base::ErrorKindName(error.kind()), error.code(), ""};
  std::string_view message = error.message();
  const std::string context = service + ":" + operation + ": ";
  if (message.starts_with(context)) message.remove_prefix(context.size());
  out.message = std::string(message);
  for (char& c : out.message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (!error.request_id().empty()) out.message += " (request id " + error.request_id() + ")";
  return out;
}

inventory::CollectionError CallSite::internal(std::string_view kind, std::string message) const {
  return {service, operation, region, std::string(kind), "", std::move(message)};
}

void ErrorLog::add(inventory::CollectionError error) {
  std::lock_guard lock(mutex_);
  errors_.push_back(std::move(error));
}

std::vector<inventory::CollectionError> ErrorLog::take() {
  std::lock_guard lock(mutex_);
  return std::move(errors_);
}

}  // namespace posture::collect
