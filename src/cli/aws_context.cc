#include "cli/aws_context.h"

#include <unistd.h>

#include "aws/credentials/chain.h"
#include "aws/credentials/config_file.h"

extern char** environ;

namespace posture::cli {

constexpr const char* kFallbackRegion = "us-east-1";

aws::Result<std::unique_ptr<AwsContext>> AwsContext::Create(const AwsFlags& flags, const aws::Environment& env) {
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

  aws::ChainOptions chain;
  chain.transport = context->transport_.get();
  chain.clock = &aws::SystemClock();
  chain.env = &env;
  chain.profile = flags.profile;
  chain.region = context->region_;
  chain.endpoints = options.endpoints;
  auto credentials = aws::MakeDefaultCredentialChain(chain);
  if (!credentials.ok()) return std::move(credentials.error());

  context->client_ = std::make_unique<aws::AwsClient>(*context->transport_, std::move(*credentials), options);
  return context;
}

}  // namespace posture::cli
