#include "aws/protocols/rest.h"

#include <vector>

#include "aws/json.h"
#include "aws/protocols/common.h"
#include "aws/protocols/timestamp.h"
#include "aws/url.h"
#include "base/encoding.h"

namespace posture::aws {
namespace {

// A scalar as it goes into a URI label, the query string or a header.
std::string ScalarText(const ShapeRef& shape, const Json& value, std::string_view default_timestamp_format) {
  if (shape.type() == "timestamp") {
    const std::string_view format = shape.text_trait("timestampFormat");
    const Json rendered =
        FormatWireTimestamp(value.get<EpochMicros>(), format.empty() ? default_timestamp_format : format);
    return rendered.is_string() ? rendered.get<std::string>() : rendered.dump();
  }
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

// botocore _escape_header_list_string.
std::string QuoteHeaderListItem(const std::string& text) {
  if (text.find_first_of("\",") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string HeaderValue(const ServiceModel& model, const ShapeRef& shape, const Json& value) {
  if (shape.type() != "list") return ScalarText(shape, value, "rfc822");
  const ShapeRef element = ListMember(model, shape);
  std::string out;
  for (const Json& item : value) {
    if (!out.empty()) out += ",";
    out +=
        element.type() == "string" ? QuoteHeaderListItem(item.get<std::string>()) : ScalarText(element, item, "rfc822");
  }
  return out;
}

base::Status RenderUri(std::string_view operation, std::string_view uri_template, const Json& labels,
                       std::string& out) {
  size_t pos = 0;
  while (pos < uri_template.size()) {
    const size_t open = uri_template.find('{', pos);
    if (open == std::string_view::npos) {
      out.append(uri_template.substr(pos));
      break;
    }
    const size_t close = uri_template.find('}', open);
    if (close == std::string_view::npos) {
      out.append(uri_template.substr(pos));
      break;
    }
    out.append(uri_template.substr(pos, open - pos));
    std::string name(uri_template.substr(open + 1, close - open - 1));
    const bool greedy = !name.empty() && name.back() == '+';
    if (greedy) name.pop_back();
    auto it = labels.find(name);
    if (it == labels.end() || it->get_ref<const std::string&>().empty()) {
      return base::Error::InvalidInput(std::string(operation) + ": parameter '" + name +
                                       "' is required and must not be empty (it is part of the URL)");
    }
    out += base::UriEncode(it->get_ref<const std::string&>(), greedy);
    pos = close + 1;
  }
  return base::Ok{};
}

}  // namespace

base::Result<RestRequestParts> BindRestInput(const ServiceModel& model, std::string_view operation,
                                             const ShapeRef& input, const Json& normalized,
                                             std::string_view request_uri) {
  RestRequestParts parts;
  Json labels = Json::object();  // by label name, rendered but not yet encoded
  std::vector<std::pair<std::string, std::string>> query;
  for (const auto& [name, value] : normalized.items()) {
    const ShapeRef member = MemberShape(model, input, name);
    const std::string_view location = member.text_trait("location");
    std::string wire_name(member.text_trait("locationName"));
    if (wire_name.empty()) wire_name = name;
    if (location == "uri") {
      labels[wire_name] = ScalarText(member, value, "iso8601");
    } else if (location == "querystring") {
      if (member.type() == "map") {
        const ShapeRef element = MapValue(model, member);
        for (const auto& [key, item] : value.items()) {
          if (element.type() != "list") {
            query.emplace_back(key, ScalarText(element, item, "iso8601"));
            continue;
          }
          for (const Json& each : item)
            query.emplace_back(key, ScalarText(ListMember(model, element), each, "iso8601"));
        }
      } else if (member.type() == "list") {
        const ShapeRef element = ListMember(model, member);
        for (const Json& item : value) query.emplace_back(wire_name, ScalarText(element, item, "iso8601"));
      } else {
        query.emplace_back(wire_name, ScalarText(member, value, "iso8601"));
      }
    } else if (location == "header") {
      if (member.type() == "list" && value.empty()) continue;
      parts.headers.emplace_back(wire_name, HeaderValue(model, member, value));
    } else if (location == "headers") {
      const ShapeRef element = MapValue(model, member);
      for (const auto& [key, item] : value.items())
        parts.headers.emplace_back(wire_name + key, HeaderValue(model, element, item));
    } else {
      parts.body[name] = value;
    }
  }
  for (const auto& [header, text] : parts.headers) {
    if (header.find_first_of("\r\n: ") != std::string::npos || text.find_first_of("\r\n") != std::string::npos) {
      return base::Error::InvalidInput(std::string(operation) + ": header '" + ToValidUtf8(header) +
                                       "' would carry a line break or a bad name");
    }
  }

  const size_t question = request_uri.find('?');
  const std::string_view path_template = request_uri.substr(0, question);
  std::string path;
  if (auto rendered = RenderUri(operation, path_template, labels, path); !rendered.ok()) return rendered.error();
  if (path.empty() || path.front() != '/') path.insert(0, "/");
  std::string query_string =
      question == std::string_view::npos ? std::string() : std::string(request_uri.substr(question + 1));
  if (!query.empty()) query_string += (query_string.empty() ? "" : "&") + EncodeQuery(query);
  parts.path_and_query = query_string.empty() ? path : path + "?" + query_string;
  return parts;
}

base::Result<Json> RestOutputFromHeaders(const ServiceModel& model, std::string_view operation, const ShapeRef& output,
                                         const HttpResponse& response) {
  Json out = Json::object();
  for (const auto& [name, ref] : output.members().items()) {
    const ShapeRef member = ResolveShape(model, ref);
    const std::string_view location = member.text_trait("location");
    if (location == "statusCode") {
      out[name] = response.status;
    } else if (location == "headers") {
      std::string prefix(member.text_trait("locationName"));
      Json map = Json::object();
      for (const auto& [header, value] : response.headers) {
        if (header.size() >= prefix.size() &&
            HeaderNameEquals(std::string_view(header).substr(0, prefix.size()), prefix)) {
          map[ToValidUtf8(header.substr(prefix.size()))] = ToValidUtf8(value);
        }
      }
      out[name] = std::move(map);
    } else if (location == "header") {
      std::string header_name(member.text_trait("locationName"));
      if (header_name.empty()) header_name = name;
      const std::string* value = response.header(header_name);
      if (value == nullptr) continue;
      if (member.type() == "list") {
        const ShapeRef element = ListMember(model, member);
        Json items = Json::array();
        size_t start = 0;
        while (start <= value->size()) {
          size_t comma = value->find(',', start);
          if (comma == std::string::npos) comma = value->size();
          std::string item = value->substr(start, comma - start);
          item.erase(0, item.find_first_not_of(' '));
          item.erase(item.find_last_not_of(' ') + 1);
          auto parsed = ScalarFromText(element, item);
          if (!parsed)
            return ParseFailure(model, operation, "unexpected value in header " + header_name + ": " + *value);
          items.push_back(std::move(*parsed));
          start = comma + 1;
        }
        out[name] = std::move(items);
        continue;
      }
      auto parsed = ScalarFromText(member, *value);
      if (!parsed) return ParseFailure(model, operation, "unexpected value in header " + header_name + ": " + *value);
      if (!parsed->is_null()) out[name] = std::move(*parsed);
    }
  }
  return out;
}

}  // namespace posture::aws
