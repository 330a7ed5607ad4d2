// Helpers shared by the credential providers: the "not configured" outcome,
// the context providers are built with, file reading, timestamps and the
// JSON credential documents that several sources return.
//
// A provider whose source is simply absent (no environment variables, no
// such profile keys, no metadata service) returns NotConfigured(...): a
// kCredentials error marked so that the chain moves on to the next source.
// Any other error means the source is configured but failed, and stops the
// chain. All functions are pure and thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "aws/client.h"
#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/credentials/environment.h"
#include "aws/endpoints.h"
#include "aws/http.h"
#include "aws/json_fwd.h"
#include "base/error.h"

namespace posture::aws {

// The Error code that marks "this source is not configured".
inline constexpr std::string_view kNotConfiguredCode = "CredentialsNotConfigured";

// A kCredentials error marked as "not configured".
base::Error NotConfigured(std::string message);
// True for errors made by NotConfigured.
bool IsNotConfigured(const base::Error& error);

// What providers need from the outside world. The pointed-to objects are
// not owned and must outlive every provider built with the context.
struct ProviderContext {
  HttpTransport* transport = nullptr;
  Clock* clock = nullptr;
  const Environment* env = nullptr;
  std::string region;  // where to call STS; empty: us-east-1
  EndpointOverrides endpoints;
  // Observes the provider's own AWS calls (sts:AssumeRole), as AwsClient::add_observer; may be empty.
  std::function<void(const CallRecord&)> observer;

  // `region`, or us-east-1 when it is empty.
  std::string sts_region() const;
};

// The whole content of a file; nullopt when it does not exist. An
// InvalidInput error names the path and the reason when it cannot be read.
base::Result<std::optional<std::string>> ReadFileIfExists(const std::string& path);

// Parses an expiration as credential sources write it: what
// protocols/timestamp.h accepts (ISO 8601 with fraction and offset, RFC 822,
// epoch seconds) plus the "2026-01-15T11:00:00UTC" form of older AWS CLI
// SSO caches. nullopt when malformed.
std::optional<Clock::TimePoint> ParseExpiration(std::string_view text);
// "2026-01-15T11:00:00Z" (whole seconds).
std::string FormatExpiration(Clock::TimePoint time);

// Milliseconds since the Unix epoch of `time` ("posture-<millis>" session names).
int64_t EpochMillis(Clock::TimePoint time);

// Where a JSON credential document keeps each field (names differ by source).
struct CredentialFields {
  std::string_view access_key_id = "AccessKeyId";
  std::string_view secret_access_key = "SecretAccessKey";
  std::string_view session_token = "Token";
  std::string_view expiration = "Expiration";  // ISO 8601 string, or a number of epoch milliseconds
};

// Reads credentials out of `document`. kCredentials "<what>: ..." when a key
// field is missing or the expiration is malformed; the message never holds
// a field's value.
base::Result<Credentials> CredentialsFromJson(const Json& document, const CredentialFields& fields,
                                              std::string_view what);

// Parses `text` as JSON without throwing; nullopt when malformed.
std::optional<Json> ParseJsonQuietly(std::string_view text);

// Options for the AwsClient a provider calls STS or SSO with: the context's
// endpoint overrides, `region`, and unsigned requests when `anonymous`.
ClientOptions ProviderClientOptions(const ProviderContext& context, const std::string& region, bool anonymous);

// `text` without trailing spaces, tabs and line breaks (token files).
std::string TrimTrailingWhitespace(std::string text);

// Replaces a returned error by kCredentials "<context>: <description>",
// keeping the AWS error code, request id and HTTP status. A NotConfigured
// error stays NotConfigured. A kParse error loses its details: a parser
// may quote the response, and a credentials response holds secrets.
base::Error AsCredentialsError(const base::Error& error, const std::string& context);

}  // namespace posture::aws
