#include "scan/aws_context.h"

#include <unistd.h>

#include "aws/credentials/assume_role_provider.h"
#include "aws/credentials/chain.h"
#include "aws/credentials/config_file.h"
#include "aws/credentials/refreshing_provider.h"
#include "scan/scan_log.h"

extern char** environ;

namespace posture::scan {

constexpr const char* kFallbackRegion = "us-east-1";

base::Result<std::unique_ptr<AwsContext>> AwsContext::Create(const AwsFlags& flags, const aws::Environment& env) {
  auto config = aws::LoadSharedConfig(env);
  if (!config.ok()) return std::move(config.error());
  std::string profile = aws::ResolveProfileName(env, flags.profile);

  std::unique_ptr<AwsContext> context(new AwsContext());
  context->region_ = !flags.region.empty() ? flags.region : aws::ResolveRegion(env, *config, profile);
  if (context->region_.empty()) context->region_ = kFallbackRegion;

  auto max_attempts = aws::ResolveMaxAttempts(env, *config, profile);
  if (!max_attempts.ok()) return std::move(max_attempts.error());

  aws::CurlTransportOptions transport_options;
  transport_options.ca_bundle = aws::ResolveCaBundle(env, *config, profile);
  context->transport_ = std::make_unique<aws::CurlTransport>(transport_options);

  aws::ClientOptions options;
  options.region = context->region_;
  options.endpoints = aws::EndpointOverrides::FromEnvironment(environ);
  if (!flags.endpoint_url.empty()) options.endpoints.all = flags.endpoint_url;
  options.retry.max_attempts = *max_attempts;
  options.max_requests_per_second = flags.rate_limit;

  aws::ChainOptions chain;
  chain.transport = context->transport_.get();
  chain.clock = &aws::SystemClock();
  chain.env = &env;
  chain.profile = flags.profile;
  chain.region = context->region_;
  chain.endpoints = options.endpoints;
  auto credentials = aws::MakeDefaultCredentialChain(chain);
  if (!credentials.ok()) return std::move(credentials.error());

  context->env_ = &env;
  context->options_ = options;
  context->credentials_ = std::move(*credentials);
  context->client_ = std::make_unique<aws::AwsClient>(*context->transport_, context->credentials_, options);
  context->client_->add_observer(ObserveAwsCall);
  return context;
}

std::unique_ptr<aws::AwsClient> AwsContext::assume_role_client(const std::string& role_arn,
                                                               const std::string& external_id) {
  aws::ProviderContext provider;
  provider.transport = transport_.get();
  provider.clock = &aws::SystemClock();
  provider.env = env_;
  provider.region = region_;
  provider.endpoints = options_.endpoints;
  provider.observer = ObserveAwsCall;
  aws::AssumeRoleOptions role;
  role.role_arn = role_arn;
  role.external_id = external_id;
  role.label = "organization scan";
  auto assumed = std::make_shared<aws::AssumeRoleProvider>(provider, credentials_, std::move(role));
  auto renewed = std::make_shared<aws::RefreshingProvider>(std::move(assumed), aws::SystemClock());
  auto client = std::make_unique<aws::AwsClient>(*transport_, std::move(renewed), options_);
  client->add_observer(ObserveAwsCall);
  if (call_observers_) {
    client->add_observer([observers = call_observers_](const aws::CallRecord& record) {
      for (const auto& observer : *observers) observer(record);
    });
  }
  return client;
}

void AwsContext::add_call_observer(std::function<void(const aws::CallRecord&)> observer) {
  if (!call_observers_) {
    call_observers_ = std::make_shared<std::vector<std::function<void(const aws::CallRecord&)>>>();
    client_->add_observer([observers = call_observers_](const aws::CallRecord& record) {
      for (const auto& observer : *observers) observer(record);
    });
  }
  call_observers_->push_back(std::move(observer));
}

}  // namespace posture::scan
