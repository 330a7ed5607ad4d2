#include "aws/credentials/provider_support.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "aws/json.h"
#include "aws/protocols/timestamp.h"

namespace posture::aws {
namespace {

constexpr std::string_view kDefaultStsRegion = "us-east-1";

}  // namespace

base::Error NotConfigured(std::string message) {
  base::Error error = base::Error::Credentials(std::move(message));
  error.with_code(std::string(kNotConfiguredCode));
  return error;
}

bool IsNotConfigured(const base::Error& error) {
  return error.kind() == base::ErrorKind::kCredentials && error.code() == kNotConfiguredCode;
}

std::string ProviderContext::sts_region() const { return region.empty() ? std::string(kDefaultStsRegion) : region; }

base::Result<std::optional<std::string>> ReadFileIfExists(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::optional<std::string>();
    return base::Error::InvalidInput("cannot read " + path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(info.st_mode)) return base::Error::InvalidInput("cannot read " + path + ": it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Error::InvalidInput("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return base::Error::InvalidInput("cannot read " + path + ": read error");
  return std::optional<std::string>(content.str());
}

std::optional<Clock::TimePoint> ParseExpiration(std::string_view text) {
  std::string normalized(text);
  while (!normalized.empty() && (normalized.back() == '\n' || normalized.back() == '\r' || normalized.back() == ' ')) {
    normalized.pop_back();
  }
  if (normalized.size() > 3 && normalized.ends_with("UTC") && normalized[normalized.size() - 4] >= '0' &&
      normalized[normalized.size() - 4] <= '9') {
    normalized.replace(normalized.size() - 3, 3, "Z");
  }
  auto micros = ParseWireTimestamp(normalized);
  if (!micros) return std::nullopt;
  return Clock::TimePoint(std::chrono::duration_cast<Clock::TimePoint::duration>(std::chrono::microseconds(*micros)));
}

std::string FormatExpiration(Clock::TimePoint time) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  return FormatIso8601(std::chrono::duration_cast<std::chrono::microseconds>(seconds.time_since_epoch()).count());
}

int64_t EpochMillis(Clock::TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

base::Result<Credentials> CredentialsFromJson(const Json& document, const CredentialFields& fields,
                                              std::string_view what) {
  std::string prefix = std::string(what) + ": ";
  if (!document.is_object()) return base::Error::Credentials(prefix + "the credentials document is not a JSON object");
  auto text = [&](std::string_view field) -> std::string {
    auto it = document.find(field);
    if (it == document.end() || !it->is_string()) return {};
    return it->get<std::string>();
  };
  Credentials credentials;
  credentials.access_key_id = text(fields.access_key_id);
  credentials.secret_access_key = text(fields.secret_access_key);
  credentials.session_token = text(fields.session_token);
  if (credentials.access_key_id.empty()) {
    return base::Error::Credentials(prefix + std::string(fields.access_key_id) + " is missing");
  }
  if (credentials.secret_access_key.empty()) {
    return base::Error::Credentials(prefix + std::string(fields.secret_access_key) + " is missing");
  }
  auto expiration = document.find(fields.expiration);
  if (expiration == document.end() || expiration->is_null()) return credentials;
  if (expiration->is_number()) {
    credentials.expiration = Clock::TimePoint(std::chrono::milliseconds(expiration->get<int64_t>()));
    return credentials;
  }
  std::optional<Clock::TimePoint> parsed;
  if (expiration->is_string()) parsed = ParseExpiration(expiration->get<std::string>());
  if (!parsed) {
    return base::Error::Credentials(prefix + std::string(fields.expiration) + " is not an ISO 8601 timestamp");
  }
  credentials.expiration = parsed;
  return credentials;
}

std::optional<Json> ParseJsonQuietly(std::string_view text) {
  Json document = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return std::nullopt;
  return document;
}

ClientOptions ProviderClientOptions(const ProviderContext& context, const std::string& region, bool anonymous) {
  ClientOptions options;
  options.region = region;
  options.endpoints = context.endpoints;
  options.anonymous = anonymous;
  return options;
}

std::string TrimTrailingWhitespace(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) {
    text.pop_back();
  }
  return text;
}

base::Error AsCredentialsError(const base::Error& error, const std::string& context) {
  if (IsNotConfigured(error)) return NotConfigured(context + ": " + error.message());
  if (error.kind() == base::ErrorKind::kParse) {
    return base::Error::Credentials(context + ": the response could not be parsed")
        .with_http_status(error.http_status());
  }
  std::string message = error.message();
  if (!error.code().empty() && message.find(error.code()) == std::string::npos) {
    message = error.code() + ": " + message;
  }
  base::Error out = base::Error::Credentials(context + ": " + message);
  out.with_code(error.code()).with_http_status(error.http_status());
  out.with_request_id(error.request_id());
  return out;
}

}  // namespace posture::aws
