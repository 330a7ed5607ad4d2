// AWS Signature Version 4: header signing and presigned (query) URLs.
//
// Pure functions over a request and credentials; thread-safe. The
// intermediate products (canonical request, string to sign) are returned so
// tests can compare each against the AWS signing test suite.
#pragma once

#include <chrono>
#include <string>

#include "aws/clock.h"
#include "aws/credentials/credentials.h"
#include "aws/http.h"
#include "base/error.h"

namespace posture::aws {

struct SigningParams {
  std::string region;   // signing region: "us-east-1"
  std::string service;  // signing name: "iam", "s3"
  Clock::TimePoint time;
  // Hash the body into the signature; when false the payload hash is
  // "UNSIGNED-PAYLOAD" (S3 may use it).
  bool sign_body = true;
  // S3: also send the payload hash as x-amz-content-sha256.
  bool add_content_sha256_header = false;
  // Remove "." and ".." segments and duplicate slashes, and percent-encode
  // the path a second time. Every service but S3 wants both; S3 wants neither.
  bool normalize_path = true;
  bool double_encode_path = true;
  // Add the session token after signing, outside the signature (the form
  // some services, such as IoT presigned WebSocket URLs, require).
  bool omit_session_token = false;
};

struct SigningResult {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // lowercase hex
};

// Adds X-Amz-Date, X-Amz-Security-Token (when the credentials carry a
// session token), x-amz-content-sha256 (when asked) and Authorization, and a
// Host header when the request has none.
base::Result<SigningResult> SignRequest(HttpRequest& request, const Credentials& credentials,
                                        const SigningParams& params);

// Adds the X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders,
// -Security-Token and -Signature query parameters to the request URL.
// Headers are left unchanged (`add_content_sha256_header` does not apply);
// `expires` must be from 1 second to 7 days.
base::Result<SigningResult> PresignRequest(HttpRequest& request, const Credentials& credentials,
                                           const SigningParams& params, std::chrono::seconds expires);

}  // namespace posture::aws
