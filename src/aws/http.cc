#include "aws/http.h"

#include <future>
#include <optional>

#include "base/strings.h"

namespace posture::aws {
namespace {

const std::string* FindHeader(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (HeaderNameEquals(key, name)) return &value;
  }
  return nullptr;
}

}  // namespace

bool HeaderNameEquals(std::string_view a, std::string_view b) { return base::EqualsIgnoreCase(a, b); }

const std::string* HttpRequest::header(std::string_view name) const { return FindHeader(headers, name); }

void HttpRequest::set_header(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return HeaderNameEquals(h.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
}

const std::string* HttpResponse::header(std::string_view name) const { return FindHeader(headers, name); }

base::Result<HttpResponse> HttpTransport::send_sync(HttpRequest request) {
  std::promise<base::Result<HttpResponse>> promise;
  auto future = promise.get_future();
  send(std::move(request), [&promise](base::Result<HttpResponse> result) { promise.set_value(std::move(result)); });
  return future.get();
}

}  // namespace posture::aws
