#include "aws/sigv4.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/url.h"
#include "base/encoding.h"
#include "base/hash.h"
#include "base/strings.h"

namespace posture::aws {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
constexpr std::string_view kScopeTerminator = "aws4_request";
constexpr std::string_view kSecretPrefix = "AWS4";
constexpr std::chrono::seconds kMaxPresignExpiry{7 * 24 * 60 * 60};

constexpr std::string_view kDateHeader = "X-Amz-Date";
constexpr std::string_view kTokenHeader = "X-Amz-Security-Token";
constexpr std::string_view kContentSha256Header = "x-amz-content-sha256";
constexpr std::string_view kAuthorizationHeader = "Authorization";

constexpr std::string_view kAlgorithmParam = "X-Amz-Algorithm";
constexpr std::string_view kCredentialParam = "X-Amz-Credential";
constexpr std::string_view kDateParam = "X-Amz-Date";
constexpr std::string_view kExpiresParam = "X-Amz-Expires";
constexpr std::string_view kSignedHeadersParam = "X-Amz-SignedHeaders";
constexpr std::string_view kTokenParam = "X-Amz-Security-Token";
constexpr std::string_view kSignatureParam = "X-Amz-Signature";
constexpr std::array<std::string_view, 7> kPresignParams = {
    kAlgorithmParam, kCredentialParam, kDateParam, kExpiresParam, kSignedHeadersParam, kTokenParam, kSignatureParam};

// Never signed: the signature itself, and hop-by-hop or agent headers that
// proxies and HTTP stacks add, drop or rewrite in flight.
constexpr std::array<std::string_view, 6> kUnsignedHeaders = {"authorization",     "connection", "expect",
                                                              "transfer-encoding", "user-agent", "x-amzn-trace-id"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// base::UriEncode(base::UriDecode(text)) without the intermediate strings.
void AppendReencoded(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = base::HexDigitValue(text[i + 1]);
      const int low = base::HexDigitValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        byte = static_cast<unsigned char>((high << 4) | low);
        i += 2;
      }
    }
    base::AppendUriEncodedByte(out, byte);
  }
}

void PutDigits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

struct Prepared {
  Url url;
  std::string date;       // 20150830
  std::string date_time;  // 20150830T123600Z
  std::string scope;      // 20150830/us-east-1/iam/aws4_request
  std::string payload_hash;
};

base::Result<Prepared> Prepare(const HttpRequest& request, const Credentials& credentials,
                               const SigningParams& params) {
  if (credentials.empty()) {
    return base::Error::Credentials("sigv4: cannot sign: the credentials lack an access key id or a secret access key");
  }
  if (params.region.empty() || params.service.empty()) {
    return base::Error::InvalidInput("sigv4: cannot sign: the signing region and service must be set");
  }
  auto url = ParseUrl(request.url);
  if (!url.ok()) return std::move(url.error().prefixed("sigv4: "));

  Prepared out;
  out.url = std::move(url).value();

  using namespace std::chrono;
  const auto time = floor<seconds>(params.time);
  const auto day = floor<days>(time);
  const year_month_day ymd{day};
  const hh_mm_ss hms{time - day};
  char stamp[16];  // YYYYMMDDTHHMMSSZ
  PutDigits(stamp, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  PutDigits(stamp + 4, static_cast<unsigned>(ymd.month()), 2);
  PutDigits(stamp + 6, static_cast<unsigned>(ymd.day()), 2);
  stamp[8] = 'T';
  PutDigits(stamp + 9, static_cast<unsigned>(hms.hours().count()), 2);
  PutDigits(stamp + 11, static_cast<unsigned>(hms.minutes().count()), 2);
  PutDigits(stamp + 13, static_cast<unsigned>(hms.seconds().count()), 2);
  stamp[15] = 'Z';
  out.date.assign(stamp, 8);
  out.date_time.assign(stamp, sizeof(stamp));

  out.scope.reserve(out.date.size() + params.region.size() + params.service.size() + kScopeTerminator.size() + 3);
  out.scope.append(out.date).append("/").append(params.region).append("/").append(params.service).append("/");
  out.scope.append(kScopeTerminator);

  out.payload_hash = params.sign_body ? base::Sha256Hex(request.body) : std::string(kUnsignedPayload);
  return out;
}

// Everything but S3 signs the path with dot segments and empty segments
// removed, keeping a trailing slash (as botocore and aws-c-auth do).
std::string NormalizePath(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  out.reserve(path.size());
  out.push_back('/');
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) out.push_back('/');
    out.append(segments[i]);
  }
  if (!segments.empty() && path.back() == '/') out.push_back('/');
  return out;
}

void AppendCanonicalUri(std::string& out, const std::string& path, const SigningParams& params) {
  const std::string normalized = params.normalize_path ? NormalizePath(path) : std::string();
  const std::string& source = params.normalize_path ? normalized : path;
  if (!params.double_encode_path) {
    out.append(source);
    return;
  }
  // The path is already encoded on the wire; encoding it once more is the
  // "double" encoding the SigV4 specification asks of non-S3 services.
  for (char c : source) {
    if (c == '/') {
      out.push_back('/');
    } else {
      base::AppendUriEncodedByte(out, static_cast<unsigned char>(c));
    }
  }
}

// One canonical "name=value" with the name's length, ordered by name then value.
struct QueryParam {
  std::string text;
  size_t name_size = 0;

  std::string_view name() const { return std::string_view(text).substr(0, name_size); }
  std::string_view value() const { return std::string_view(text).substr(name_size + 1); }
  bool operator<(const QueryParam& other) const {
    const int by_name = name().compare(other.name());
    return by_name != 0 ? by_name < 0 : value() < other.value();
  }
};

QueryParam CanonicalParam(std::string_view raw_name, std::string_view raw_value, bool already_encoded) {
  QueryParam param;
  param.text.reserve(raw_name.size() + raw_value.size() + 8);
  already_encoded ? AppendReencoded(param.text, raw_name) : base::AppendUriEncoded(param.text, raw_name);
  param.name_size = param.text.size();
  param.text.push_back('=');
  already_encoded ? AppendReencoded(param.text, raw_value) : base::AppendUriEncoded(param.text, raw_value);
  return param;
}

// Calls fn(raw_segment, raw_name, raw_value) for each non-empty "name=value" of a wire query.
template <typename Fn>
void ForEachQueryParam(std::string_view query, Fn&& fn) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view segment = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (segment.empty()) continue;
    const size_t eq = segment.find('=');
    const std::string_view name = segment.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : segment.substr(eq + 1);
    fn(segment, name, value);
  }
}

void AppendCanonicalQuery(std::string& out, std::vector<QueryParam>& params) {
  std::sort(params.begin(), params.end());
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0) out.push_back('&');
    out.append(params[i].text);
  }
}

void AppendCanonicalHeaderValue(std::string& out, std::string_view value) {
  bool pending_space = false;
  bool started = false;
  for (char c : value) {
    if (IsSpace(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) out.push_back(' ');
    out.push_back(c);
    pending_space = false;
    started = true;
  }
}

struct CanonicalHeaders {
  std::string block;         // "name:value\n" lines
  std::string signed_names;  // "host;x-amz-date"
};

// `host` stands in for a Host header when the request has none.
CanonicalHeaders BuildCanonicalHeaders(const Headers& headers, std::string_view host) {
  struct Entry {
    std::string name;
    std::string_view value;
  };
  std::vector<Entry> entries;
  entries.reserve(headers.size() + 1);
  bool has_host = false;
  for (const auto& [name, value] : headers) {
    Entry entry;
    entry.name.resize(name.size());
    std::transform(name.begin(), name.end(), entry.name.begin(), [](char c) { return base::ToLowerAscii(c); });
    if (std::find(kUnsignedHeaders.begin(), kUnsignedHeaders.end(), entry.name) != kUnsignedHeaders.end()) continue;
    has_host = has_host || entry.name == "host";
    entry.value = value;
    entries.push_back(std::move(entry));
  }
  if (!has_host) entries.push_back({"host", host});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });

  CanonicalHeaders out;
  size_t estimate = 0;
  for (const auto& entry : entries) estimate += entry.name.size() + entry.value.size() + 2;
  out.block.reserve(estimate);
  out.signed_names.reserve(estimate / 2);
  for (size_t i = 0; i < entries.size(); ++i) {
    const bool same_as_previous = i > 0 && entries[i].name == entries[i - 1].name;
    if (same_as_previous) {
      out.block.push_back(',');
    } else {
      if (i > 0) {
        out.block.push_back('\n');
        out.signed_names.push_back(';');
      }
      out.block.append(entries[i].name).push_back(':');
      out.signed_names.append(entries[i].name);
    }
    AppendCanonicalHeaderValue(out.block, entries[i].value);
  }
  out.block.push_back('\n');
  return out;
}

std::string CanonicalRequest(std::string_view method, std::string_view uri, std::string_view query,
                             const CanonicalHeaders& headers, std::string_view payload_hash) {
  std::string out;
  out.reserve(method.size() + uri.size() + query.size() + headers.block.size() + headers.signed_names.size() +
              payload_hash.size() + 5);
  out.append(method).push_back('\n');
  out.append(uri).push_back('\n');
  out.append(query).push_back('\n');
  out.append(headers.block).push_back('\n');
  out.append(headers.signed_names).push_back('\n');
  out.append(payload_hash);
  return out;
}

// Deriving the signing key takes four of the five HMACs of a signature, and
// the key only changes with the secret, the day, the region and the service.
// Each thread keeps its most recent keys, so there is nothing to lock. The
// secret itself is not kept: entries match on its SHA-256.
class SigningKeyCache {
 public:
  ~SigningKeyCache() {
    for (auto& entry : entries_) OPENSSL_cleanse(entry.key.data(), entry.key.size());
  }

  // The key for this scope, or nullptr when HMAC fails. Valid until the next call.
  const std::string* get(std::string_view secret, std::string_view date, const SigningParams& params) {
    const std::string fingerprint = base::Sha256(secret);
    for (const auto& entry : entries_) {
      if (!entry.key.empty() && entry.date == date && entry.region == params.region &&
          entry.service == params.service && entry.secret_fingerprint == fingerprint) {
        return &entry.key;
      }
    }
    std::string key = derive(secret, date, params);
    if (key.empty() || fingerprint.empty()) return nullptr;
    Entry& entry = entries_[next_];
    next_ = (next_ + 1) % entries_.size();
    OPENSSL_cleanse(entry.key.data(), entry.key.size());
    entry.secret_fingerprint = fingerprint;
    entry.date.assign(date);
    entry.region = params.region;
    entry.service = params.service;
    entry.key = std::move(key);
    return &entry.key;
  }

 private:
  static constexpr size_t kEntries = 8;

  struct Entry {
    std::string secret_fingerprint;
    std::string date;
    std::string region;
    std::string service;
    std::string key;
  };

  static std::string derive(std::string_view secret, std::string_view date, const SigningParams& params) {
    std::string prefixed;
    prefixed.reserve(kSecretPrefix.size() + secret.size());
    prefixed.append(kSecretPrefix).append(secret);
    std::string key = base::HmacSha256(prefixed, date);
    OPENSSL_cleanse(prefixed.data(), prefixed.size());
    for (std::string_view part :
         {std::string_view(params.region), std::string_view(params.service), kScopeTerminator}) {
      if (key.empty()) return {};
      std::string next = base::HmacSha256(key, part);
      OPENSSL_cleanse(key.data(), key.size());
      key = std::move(next);
    }
    return key;
  }

  std::array<Entry, kEntries> entries_;
  size_t next_ = 0;
};

const std::string* SigningKey(std::string_view secret, std::string_view date, const SigningParams& params) {
  thread_local SigningKeyCache cache;
  return cache.get(secret, date, params);
}

base::Result<SigningResult> Sign(std::string canonical_request, const Prepared& prepared,
                                 const Credentials& credentials, const SigningParams& params) {
  SigningResult result;
  result.canonical_request = std::move(canonical_request);
  const std::string request_hash = base::Sha256Hex(result.canonical_request);
  result.string_to_sign.reserve(kAlgorithm.size() + prepared.date_time.size() + prepared.scope.size() +
                                request_hash.size() + 3);
  result.string_to_sign.append(kAlgorithm).append("\n").append(prepared.date_time).append("\n");
  result.string_to_sign.append(prepared.scope).append("\n").append(request_hash);

  const std::string* key = SigningKey(credentials.secret_access_key, prepared.date, params);
  if (key == nullptr) return base::Error::Internal("sigv4: HMAC-SHA256 failed");
  const std::string signature = base::HmacSha256(*key, result.string_to_sign);
  if (signature.empty()) return base::Error::Internal("sigv4: HMAC-SHA256 failed");
  result.signature = base::HexEncode(signature);
  return result;
}

std::string Method(const std::string& method) {
  std::string out(method);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; });
  return out;
}

}  // namespace

base::Result<SigningResult> SignRequest(HttpRequest& request, const Credentials& credentials,
                                        const SigningParams& params) {
  auto prepared = Prepare(request, credentials, params);
  if (!prepared.ok()) return std::move(prepared.error());
  const Prepared& p = prepared.value();

  const bool has_token = !credentials.session_token.empty();
  std::erase_if(request.headers, [](const auto& h) {
    return HeaderNameEquals(h.first, kAuthorizationHeader) || HeaderNameEquals(h.first, kTokenHeader);
  });
  request.set_header(kDateHeader, p.date_time);
  if (has_token && !params.omit_session_token) request.headers.emplace_back(kTokenHeader, credentials.session_token);
  if (params.add_content_sha256_header) request.set_header(kContentSha256Header, p.payload_hash);
  if (request.header("host") == nullptr) request.headers.emplace_back("Host", p.url.authority());

  const CanonicalHeaders headers = BuildCanonicalHeaders(request.headers, {});
  std::string uri;
  uri.reserve(p.url.path.size() + 16);
  AppendCanonicalUri(uri, p.url.path, params);
  std::vector<QueryParam> query_params;
  ForEachQueryParam(p.url.query, [&](std::string_view, std::string_view name, std::string_view value) {
    query_params.push_back(CanonicalParam(name, value, /*already_encoded=*/true));
  });
  std::string query;
  AppendCanonicalQuery(query, query_params);

  auto result =
      Sign(CanonicalRequest(Method(request.method), uri, query, headers, p.payload_hash), p, credentials, params);
  if (!result.ok()) return result;

  if (has_token && params.omit_session_token) request.headers.emplace_back(kTokenHeader, credentials.session_token);
  std::string authorization;
  authorization.reserve(kAlgorithm.size() + credentials.access_key_id.size() + p.scope.size() +
                        headers.signed_names.size() + result->signature.size() + 48);
  authorization.append(kAlgorithm).append(" Credential=").append(credentials.access_key_id).append("/");
  authorization.append(p.scope).append(", SignedHeaders=").append(headers.signed_names);
  authorization.append(", Signature=").append(result->signature);
  request.headers.emplace_back(kAuthorizationHeader, std::move(authorization));
  return result;
}

base::Result<SigningResult> PresignRequest(HttpRequest& request, const Credentials& credentials,
                                           const SigningParams& params, std::chrono::seconds expires) {
  if (expires.count() < 1 || expires > kMaxPresignExpiry) {
    return base::Error::InvalidInput("sigv4: a presigned URL must expire in 1 second to 7 days, not " +
                                     std::to_string(expires.count()) + " seconds");
  }
  auto prepared = Prepare(request, credentials, params);
  if (!prepared.ok()) return std::move(prepared.error());
  const Prepared& p = prepared.value();

  const std::string authority = p.url.authority();
  const CanonicalHeaders headers = BuildCanonicalHeaders(request.headers, authority);
  std::string uri;
  uri.reserve(p.url.path.size() + 16);
  AppendCanonicalUri(uri, p.url.path, params);

  // Parameters from an earlier presigning are replaced, everything else kept as sent.
  std::string final_query;
  final_query.reserve(p.url.query.size() + 256 + credentials.session_token.size() * 3);
  std::vector<QueryParam> query_params;
  ForEachQueryParam(p.url.query, [&](std::string_view segment, std::string_view name, std::string_view value) {
    QueryParam param = CanonicalParam(name, value, /*already_encoded=*/true);
    if (std::find(kPresignParams.begin(), kPresignParams.end(), param.name()) != kPresignParams.end()) return;
    query_params.push_back(std::move(param));
    if (!final_query.empty()) final_query.push_back('&');
    final_query.append(segment);
  });

  std::string credential;
  credential.reserve(credentials.access_key_id.size() + p.scope.size() + 1);
  credential.append(credentials.access_key_id).append("/").append(p.scope);
  const std::string expires_text = std::to_string(expires.count());
  const bool sign_token = !credentials.session_token.empty() && !params.omit_session_token;
  // In the order the AWS SDKs write them; the signature does not depend on it.
  std::vector<std::pair<std::string_view, std::string_view>> added = {
      {kAlgorithmParam, kAlgorithm}, {kCredentialParam, credential},
      {kDateParam, p.date_time},     {kSignedHeadersParam, headers.signed_names},
      {kExpiresParam, expires_text},
  };
  if (sign_token) added.emplace_back(kTokenParam, credentials.session_token);
  for (const auto& [name, value] : added) query_params.push_back(CanonicalParam(name, value, false));
  std::string query;
  AppendCanonicalQuery(query, query_params);

  auto result =
      Sign(CanonicalRequest(Method(request.method), uri, query, headers, p.payload_hash), p, credentials, params);
  if (!result.ok()) return result;

  if (!credentials.session_token.empty() && params.omit_session_token) {
    added.emplace_back(kTokenParam, credentials.session_token);
  }
  added.emplace_back(kSignatureParam, result->signature);
  for (const auto& [name, value] : added) {
    if (!final_query.empty()) final_query.push_back('&');
    final_query.append(name).push_back('=');
    base::AppendUriEncoded(final_query, value);
  }
  const size_t query_start = std::string_view(request.url).find_first_of("?#");
  request.url.resize(std::min(query_start, request.url.size()));
  request.url.push_back('?');
  request.url.append(final_query);
  return result;
}

}  // namespace posture::aws
