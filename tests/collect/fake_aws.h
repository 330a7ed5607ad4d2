// FakeAws: an AwsClient over a FakeTransport that answers by AWS operation.
//
// Each request is identified the way AWS would route it: signing service
// and region from the SigV4 credential scope, the operation from `Action=`
// (query, ec2), `X-Amz-Target` (json) or method and path (rest-json).
// Tests register canned answers per (signing service, operation); anything
// unregistered is answered with an "UnexpectedCall" 400 so a stray call is
// visible. Every call is recorded. Thread-safe; header-only because the
// test glob compiles only *_test.cc files.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aws/client.h"
#include "aws/url.h"
#include "support/fake_clock.h"
#include "support/fake_transport.h"

namespace posture::collect::testing {

struct Call {
  std::string service;  // signing name: "ec2", "iam", "elasticloadbalancing", "sso", ...
  std::string region;
  std::string operation;                      // "DescribeVpcs"
  std::map<std::string, std::string> params;  // decoded form fields (query, ec2)
  aws::Json json;                             // parsed body (json, rest-json)
  std::string url;                            // the full request URL (host and query of rest protocols)
  std::string access_key;                     // from the SigV4 credential scope: which client sent it
  std::string key() const { return service + ":" + operation; }
  std::string param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
  }
};

using Responder = std::function<aws::HttpResponse(const Call&)>;

inline aws::HttpResponse Xml(std::string body) {
  return posture::testing::MakeResponse(200, std::move(body), {{"Content-Type", "text/xml"}});
}
inline aws::HttpResponse JsonReply(const aws::Json& body, int status = 200) {
  return posture::testing::MakeResponse(status, body.dump(), {{"Content-Type", "application/x-amz-json-1.1"}});
}
// A query/ec2 protocol error.
inline aws::HttpResponse XmlError(int status, const std::string& code, const std::string& message) {
  return posture::testing::MakeResponse(status,
                                        "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" +
                                            message + "</Message></Error><RequestId>req-" + code +
                                            "</RequestId></ErrorResponse>",
                                        {{"Content-Type", "text/xml"}});
}
// A json / rest-json protocol error.
inline aws::HttpResponse JsonError(int status, const std::string& code, const std::string& message) {
  return posture::testing::MakeResponse(status, aws::Json{{"__type", code}, {"message", message}}.dump(),
                                        {{"Content-Type", "application/json"}, {"x-amzn-ErrorType", code}});
}

// S3's rest-xml operations, by the sub-resource the query names; a GET
// naming none is ListBuckets. S3 Control's account Block Public Access by
// its path.
inline std::string S3Operation(const aws::HttpRequest& request, const std::string& path) {
  if (path == "/v20180820/configuration/publicAccessBlock") return "GetPublicAccessBlock";
  static const std::pair<const char*, const char*> kSubresources[] = {{"policy", "BucketPolicy"},
                                                                      {"acl", "BucketAcl"},
                                                                      {"publicAccessBlock", "PublicAccessBlock"},
                                                                      {"versioning", "BucketVersioning"},
                                                                      {"location", "BucketLocation"},
                                                                      {"logging", "BucketLogging"},
                                                                      {"encryption", "BucketEncryption"},
                                                                      {"policyStatus", "BucketPolicyStatus"}};
  const std::string verb = request.method == "PUT" ? "Put" : "Get";
  const size_t q = request.url.find('?');
  const std::string query = q == std::string::npos ? "" : request.url.substr(q + 1);
  for (const auto& [key, name] : kSubresources) {
    for (const auto& [param, value] : aws::ParseQuery(query)) {
      if (param == key) return verb + name;
    }
  }
  return request.method == "GET" ? "ListBuckets" : request.method + " " + path;
}

inline Call Identify(const aws::HttpRequest& request) {
  Call call;
  call.url = request.url;
  if (const std::string* auth = request.header("Authorization")) {
    const size_t start = auth->find("Credential=");
    if (start != std::string::npos) {
      std::vector<std::string> scope;
      std::string part;
      for (size_t i = start + 11; i < auth->size() && (*auth)[i] != ','; ++i) {
        if ((*auth)[i] == '/') {
          scope.push_back(part);
          part.clear();
        } else {
          part += (*auth)[i];
        }
      }
      if (scope.size() >= 4) {
        call.access_key = scope[0];
        call.region = scope[2];
        call.service = scope[3];
      }
    }
  }
  if (const std::string* target = request.header("X-Amz-Target")) {
    call.operation = target->substr(target->find('.') + 1);
    call.json = aws::Json::parse(request.body, nullptr, false);
    return call;
  }
  if (request.body.find("Action=") != std::string::npos) {
    for (auto& [name, value] : aws::ParseQuery(request.body)) call.params[name] = value;
    call.operation = call.param("Action");
    return call;
  }
  // rest-json: the few Security Hub routes the collectors use.
  std::string path = request.url.substr(request.url.find('/', request.url.find("://") + 3));
  path = path.substr(0, path.find('?'));
  // Query parameters of the rest protocols; then CloudFront (rest-xml) and API Gateway (rest-json) routes.
  if (const size_t query = request.url.find('?'); query != std::string::npos) {
    for (auto& [name, value] : aws::ParseQuery(request.url.substr(query + 1))) call.params[name] = value;
  }
  if (request.method == "GET" && path == "/2020-05-31/distribution") {
    call.operation = "ListDistributions";
    return call;
  }
  static const std::string kDistribution = "/2020-05-31/distribution/";
  if (request.method == "GET" && path.starts_with(kDistribution)) {
    call.operation = "GetDistribution";
    call.params["Id"] = path.substr(kDistribution.size());
    return call;
  }
  if (request.method == "GET" && path == "/restapis") {
    call.operation = "GetRestApis";
    return call;
  }
  static const std::string kRestApis = "/restapis/", kStages = "/stages";
  if (request.method == "GET" && path.starts_with(kRestApis) && path.ends_with(kStages)) {
    call.operation = "GetStages";
    call.params["restApiId"] = path.substr(kRestApis.size(), path.size() - kRestApis.size() - kStages.size());
    return call;
  }
  static const std::map<std::string, std::string> kRoutes = {{"GET /accounts", "DescribeHub"},
                                                             {"POST /standards/get", "GetEnabledStandards"},
                                                             {"POST /findings", "GetFindings"},
                                                             {"POST /getAlternateContact", "GetAlternateContact"},
                                                             {"GET /analyzer", "ListAnalyzers"}};
  // rest-xml: S3 and S3 Control (signed as "s3"; Control is told apart by its path).
  if (call.service == "s3") {
    if (path.starts_with("/v20180820/")) call.service = "s3control";
    call.operation = S3Operation(request, path);
    return call;
  }
  static const std::map<std::string, std::string> kStorageRoutes = {
      {"GET /macie", "GetMacieSession"}, {"GET /2015-02-01/file-systems", "DescribeFileSystems"}};
  if (auto storage = kStorageRoutes.find(request.method + " " + path); storage != kStorageRoutes.end()) {
    call.operation = storage->second;
    return call;
  }
  auto route = kRoutes.find(request.method + " " + path);
  call.operation = route == kRoutes.end() ? request.method + " " + path : route->second;
  if (!request.body.empty()) call.json = aws::Json::parse(request.body, nullptr, false);
  return call;
}

class FakeAws {
 public:
  FakeAws() {
    transport_.set_handler([this](const aws::HttpRequest& request) -> base::Result<aws::HttpResponse> {
      Call call = Identify(request);
      Responder responder;
      {
        std::lock_guard lock(mutex_);
        calls_.push_back(call);
        auto it = responders_.find(call.key());
        if (it != responders_.end()) responder = it->second;
      }
      if (!responder) return XmlError(400, "UnexpectedCall", "no canned answer for " + call.key());
      return responder(call);
    });
    aws::ClientOptions options;
    options.region = "us-east-1";
    options.retry.adaptive = false;
    options.retry.random = [] { return 0.0; };
    aws::Credentials credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "", std::nullopt, "test"};
    client_ = std::make_unique<aws::AwsClient>(transport_, std::make_shared<aws::StaticCredentialProvider>(credentials),
                                               options, clock_);
  }

  // Answers `operation` of signing service `service` (every region).
  void on(const std::string& service, const std::string& operation, Responder responder) {
    std::lock_guard lock(mutex_);
    responders_[service + ":" + operation] = std::move(responder);
  }
  void on(const std::string& service, const std::string& operation, aws::HttpResponse response) {
    on(service, operation, [response](const Call&) { return response; });
  }

  aws::AwsClient& client() { return *client_; }
  // Another client on the same fake AWS, with its own credentials (another
  // account: tell its calls apart by Call::access_key).
  std::unique_ptr<aws::AwsClient> client_with(std::shared_ptr<aws::CredentialProvider> credentials) {
    return std::make_unique<aws::AwsClient>(transport_, std::move(credentials), client_->options(), clock_);
  }
  std::vector<Call> calls() const {
    std::lock_guard lock(mutex_);
    return calls_;
  }
  // "service:Operation" of every call, in order.
  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& call : calls()) out.push_back(call.key());
    return out;
  }
  // The calls of "service:Operation", in order.
  std::vector<Call> calls_of(const std::string& key) const {
    std::vector<Call> out;
    for (const auto& call : calls()) {
      if (call.key() == key) out.push_back(call);
    }
    return out;
  }
  size_t count(const std::string& key) const { return calls_of(key).size(); }

 private:
  posture::testing::FakeTransport transport_;
  posture::testing::FakeClock clock_;
  std::unique_ptr<aws::AwsClient> client_;
  mutable std::mutex mutex_;
  std::map<std::string, Responder> responders_;
  std::vector<Call> calls_;
};

}  // namespace posture::collect::testing
