#include "aws/client.h"

#include <ctime>

#include "aws/model.h"
#include "aws/protocols/protocol.h"
#include "aws/sigv4.h"

namespace posture::aws {
namespace {

constexpr int kMaxPages = 10000;  // a guard against a service that never stops paginating
constexpr auto kSkewThreshold = std::chrono::minutes(4);

// Reads a dotted path ("DistributionList.NextMarker") out of an output.
const Json* Lookup(const Json& root, std::string_view path) {
  const Json* node = &root;
  while (!path.empty()) {
    auto dot = path.find('.');
    std::string key(path.substr(0, dot));
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
  }
  return node;
}

Json* LookupMutable(Json& root, std::string_view path) { return const_cast<Json*>(Lookup(root, path)); }

std::vector<std::string> AsList(const Json& spec) {
  std::vector<std::string> out;
  if (spec.is_string()) out.push_back(spec.get<std::string>());
  if (spec.is_array()) {
    for (const auto& item : spec) out.push_back(item.get<std::string>());
  }
  return out;
}

bool IsS3(const ServiceModel& model) { return model.name() == "s3" || model.name() == "s3control"; }

bool NeedsSigning(const Json& operation_spec) {
  auto it = operation_spec.find("authtype");
  return it == operation_spec.end() || *it != "none";
}

bool IsClockSkewCode(const std::string& code) {
  return code == "RequestTimeTooSkewed" || code == "RequestExpired" || code == "InvalidSignatureException" ||
         code == "SignatureDoesNotMatch" || code == "AuthFailure" || code == "RequestInTheFuture";
}

// Prefixes "service:Operation: " unless the message already names the call
// (protocol errors may start with "Operation: " or the full context).
base::Error WithContext(base::Error error, std::string_view service, std::string_view operation) {
  std::string context = std::string(service) + ":" + std::string(operation) + ": ";
  std::string short_context = std::string(operation) + ": ";
  const std::string& message = error.message();
  if (message.starts_with(context)) return error;
  if (message.starts_with(short_context)) {
    return base::Error(error.kind(), context + message.substr(short_context.size()))
        .with_code(error.code())
        .with_request_id(error.request_id())
        .with_http_status(error.http_status());
  }
  error.prefixed(context);
  return error;
}

std::optional<Clock::TimePoint> ParseHttpDate(const std::string& text) {
  std::tm tm{};
  if (!strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

AwsClient::AwsClient(HttpTransport& transport, std::shared_ptr<CredentialProvider> credentials, ClientOptions options,
                     Clock& clock)
    : transport_(transport),
      credentials_(std::move(credentials)),
      options_(std::move(options)),
      clock_(clock),
      retry_(options_.retry, clock) {
  if (options_.max_requests_per_second > 0) {
    rate_limit_ = std::make_unique<RegionRateLimit>(options_.max_requests_per_second, clock);
  }
}

base::Result<Json> AwsClient::call(std::string_view service, std::string_view operation, const Json& input,
                                   std::string_view region) {
  CallRecord record;
  record.service = std::string(service);
  record.operation = std::string(operation);
  record.region = std::string(region.empty() ? std::string_view(options_.region) : region);
  auto started = std::chrono::steady_clock::now();
  record.started = std::chrono::system_clock::now();
  auto result = call_once(service, operation, input, record.region, record);
  record.duration = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (!result.ok()) {
    record.error_code =
        result.error().code().empty() ? base::ErrorKindName(result.error().kind()) : result.error().code();
    record.error = &result.error();
    if (record.request_id.empty()) record.request_id = result.error().request_id();
  }
  if (observer_) observer_(record);
  for (const auto& observer : observers_) observer(record);
  return result;
}

base::Result<Json> AwsClient::call_once(std::string_view service, std::string_view operation, const Json& input,
                                        std::string_view region, CallRecord& record) {
  auto fail = [&](base::Error error) { return WithContext(std::move(error), service, operation); };
  std::string context = std::string(service) + ":" + std::string(operation) + ": ";
  const ServiceModel* model = FindServiceModel(service);
  if (!model)
    return base::Error::Unsupported(context + "posture has no model for service '" + std::string(service) + "'");
  const Json* spec = model->operation(operation);
  if (!spec) {
    return base::Error::Unsupported(context + "posture's model of " + std::string(service) + " has no operation '" +
                                    std::string(operation) + "'");
  }
  auto endpoint = ResolveEndpoint(*model, region, options_.endpoints);
  if (!endpoint.ok()) return fail(std::move(endpoint.error()));
  const Protocol& protocol = ProtocolFor(*model);
  auto unsigned_request = protocol.serialize(*model, operation, input, *endpoint);
  if (!unsigned_request.ok()) return fail(std::move(unsigned_request.error()));
  unsigned_request->set_header("User-Agent", "posture/" POSTURE_VERSION);
  if (unsigned_request->timeout.count() == 0) unsigned_request->timeout = options_.timeout;

  std::string scope = std::string(service) + "/" + endpoint->signing_region;
  bool sign = !options_.anonymous && NeedsSigning(*spec);
  bool skew_corrected = false;
  for (int attempt = 1;; ++attempt) {
    if (rate_limit_) rate_limit_->acquire(endpoint->signing_region);
    retry_.before_attempt(scope);
    HttpRequest request = *unsigned_request;
    if (sign) {
      auto credentials = credentials_->fetch();
      if (!credentials.ok()) return fail(std::move(credentials.error()));
      SigningParams params;
      params.region = endpoint->signing_region;
      params.service = endpoint->signing_name;
      params.time = clock_.now() + std::chrono::milliseconds(clock_skew_ms_.load());
      if (IsS3(*model)) {
        params.normalize_path = false;
        params.double_encode_path = false;
        params.add_content_sha256_header = true;
      }
      auto signed_ok = SignRequest(request, *credentials, params);
      if (!signed_ok.ok()) return fail(std::move(signed_ok.error()));
    }

    ++requests_sent_;
    record.attempts = attempt;
    auto response = transport_.send_sync(std::move(request));
    std::optional<base::Error> failure;
    if (!response.ok()) {
      failure = std::move(response.error());
    } else {
      record.http_status = response->status;
      record.request_id = RequestIdFromHeaders(*response);
      if (response->status >= 200 && response->status < 300) {
        auto output = protocol.parse_output(*model, operation, *response);
        if (!output.ok()) return fail(std::move(output.error()));
        retry_.on_success(scope, attempt > 1);
        return output;
      }
      failure = protocol.parse_error(*model, operation, *response);
      if (!skew_corrected && IsClockSkewCode(failure->code())) {
        if (const std::string* date = response->header("Date")) {
          if (auto server = ParseHttpDate(*date)) {
            auto skew = *server - clock_.now();
            if (skew > kSkewThreshold || skew < -kSkewThreshold) {
              clock_skew_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(skew).count();
              skew_corrected = true;
              continue;
            }
          }
        }
      }
    }
    if (failure->kind() == base::ErrorKind::kThrottled || base::IsThrottlingCode(failure->code())) ++record.throttles;
    auto delay = retry_.on_failure(scope, *failure, attempt);
    if (!delay) {
      base::Error error = fail(std::move(*failure));
      if (attempt > 1) {
        error = base::Error(error.kind(), context + "after " + std::to_string(attempt) +
                                              " attempts: " + error.message().substr(context.size()))
                    .with_code(error.code())
                    .with_request_id(error.request_id())
                    .with_http_status(error.http_status());
      }
      return error;
    }
    clock_.sleep_for(*delay);
  }
}

base::Status AwsClient::paginate(std::string_view service, std::string_view operation, const Json& input,
                                 std::string_view region, const PageCallback& page) {
  const ServiceModel* model = FindServiceModel(service);
  const Json* paginator = model ? model->paginator(operation) : nullptr;
  if (!paginator) {
    auto result = call(service, operation, input, region);
    if (!result.ok()) return std::move(result.error());
    page(*result);
    return base::Ok{};
  }
  auto input_tokens = AsList(paginator->value("input_token", Json()));
  auto output_tokens = AsList(paginator->value("output_token", Json()));
  std::string more_results = paginator->value("more_results", "");

  Json request = input;
  std::vector<Json> previous_tokens;
  for (int pages = 0; pages < kMaxPages; ++pages) {
    auto result = call(service, operation, request, region);
    if (!result.ok()) return std::move(result.error());
    if (!page(*result)) return base::Ok{};

    if (!more_results.empty()) {
      const Json* more = Lookup(*result, more_results);
      if (!more || !more->is_boolean() || !more->get<bool>()) return base::Ok{};
    }
    std::vector<Json> tokens;
    bool any = false;
    for (const auto& path : output_tokens) {
      const Json* token = Lookup(*result, path);
      bool present = token && !token->is_null() && !(token->is_string() && token->get<std::string>().empty());
      tokens.push_back(present ? *token : Json());
      any |= present;
    }
    // A service that repeats its token would loop forever: stop instead.
    if (!any || tokens == previous_tokens) return base::Ok{};
    previous_tokens = tokens;
    for (size_t i = 0; i < input_tokens.size() && i < tokens.size(); ++i) {
      if (tokens[i].is_null()) {
        request.erase(input_tokens[i]);
      } else {
        request[input_tokens[i]] = tokens[i];
      }
    }
  }
  return base::Error::ServiceUnavailable(std::string(service) + ":" + std::string(operation) + ": more than " +
                                         std::to_string(kMaxPages) + " pages; stopped");
}

base::Result<Json> AwsClient::call_all(std::string_view service, std::string_view operation, const Json& input,
                                       std::string_view region) {
  const ServiceModel* model = FindServiceModel(service);
  const Json* paginator = model ? model->paginator(operation) : nullptr;
  std::vector<std::string> result_keys =
      paginator ? AsList(paginator->value("result_key", Json())) : std::vector<std::string>{};
  std::vector<std::string> output_tokens =
      paginator ? AsList(paginator->value("output_token", Json())) : std::vector<std::string>{};
  std::string more_results = paginator ? paginator->value("more_results", "") : "";

  std::optional<Json> merged;
  auto status = paginate(service, operation, input, region, [&](const Json& page) {
    if (!merged) {
      merged = page;
      return true;
    }
    for (const auto& key : result_keys) {
      const Json* items = Lookup(page, key);
      if (!items || !items->is_array()) continue;
      Json* target = LookupMutable(*merged, key);
      if (!target || !target->is_array()) continue;
      for (const auto& item : *items) target->push_back(item);
    }
    return true;
  });
  if (!status.ok()) return std::move(status.error());
  if (!merged) merged = Json::object();
  // The merged result is complete: drop continuation markers.
  for (const auto& path : output_tokens) {
    auto dot = path.rfind('.');
    Json* parent = dot == std::string::npos ? &*merged : LookupMutable(*merged, path.substr(0, dot));
    if (parent && parent->is_object()) parent->erase(dot == std::string::npos ? path : path.substr(dot + 1));
  }
  if (!more_results.empty()) {
    if (Json* more = LookupMutable(*merged, more_results)) *more = false;
  }
  return std::move(*merged);
}

}  // namespace posture::aws
