// Helpers shared by the protocol tests: embedded models by name, endpoints
// as endpoints.h would resolve them, canned responses.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "aws/http.h"
#include "aws/model.h"
#include "aws/protocols/protocol.h"

namespace posture::aws::proto_test {

inline const ServiceModel& Model(std::string_view name) {
  const ServiceModel* model = FindServiceModel(name);
  EXPECT_NE(model, nullptr) << name;
  static const ServiceModel kEmpty{Json::object()};
  return model != nullptr ? *model : kEmpty;
}

inline Endpoint AwsEndpoint(std::string url, std::string region, std::string signing_name) {
  Endpoint endpoint;
  endpoint.url = std::move(url);
  endpoint.signing_region = std::move(region);
  endpoint.signing_name = std::move(signing_name);
  return endpoint;
}

// A user override such as moto's: http://127.0.0.1:PORT.
inline Endpoint CustomEndpoint(std::string url, std::string signing_name) {
  Endpoint endpoint = AwsEndpoint(std::move(url), "us-east-1", std::move(signing_name));
  endpoint.custom = true;
  return endpoint;
}

inline HttpResponse Response(int status, std::string body, Headers headers = {}) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

// The protocol of `model` (or of the embedded model `service`), applied to
// one operation.
inline base::Result<HttpRequest> Serialize(const ServiceModel& model, std::string_view operation, const Json& input,
                                           const Endpoint& endpoint) {
  return ProtocolFor(model).serialize(model, operation, input, endpoint);
}

inline base::Result<Json> Parse(const ServiceModel& model, std::string_view operation, const HttpResponse& response) {
  return ProtocolFor(model).parse_output(model, operation, response);
}

inline base::Error ParseError(const ServiceModel& model, std::string_view operation, const HttpResponse& response) {
  return ProtocolFor(model).parse_error(model, operation, response);
}

inline base::Result<HttpRequest> Serialize(std::string_view service, std::string_view operation, const Json& input,
                                           const Endpoint& endpoint) {
  return Serialize(Model(service), operation, input, endpoint);
}

inline base::Result<Json> Parse(std::string_view service, std::string_view operation, const HttpResponse& response) {
  return Parse(Model(service), operation, response);
}

inline base::Error ParseError(std::string_view service, std::string_view operation, const HttpResponse& response) {
  return ParseError(Model(service), operation, response);
}

// The value of a request header, or "<absent>".
inline std::string HeaderOf(const HttpRequest& request, std::string_view name) {
  const std::string* value = request.header(name);
  return value == nullptr ? "<absent>" : *value;
}

}  // namespace posture::aws::proto_test
