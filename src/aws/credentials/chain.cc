#include "aws/credentials/chain.h"

#include "aws/credentials/config_file.h"
#include "aws/credentials/container_provider.h"
#include "aws/credentials/environment_provider.h"
#include "aws/credentials/imds_provider.h"
#include "aws/credentials/profile_provider.h"
#include "aws/credentials/provider_support.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/web_identity_provider.h"

namespace posture::aws {
namespace {

// A step that is configured but cannot work (e.g. half-set variables).
class FailingProvider final : public CredentialProvider {
 public:
  FailingProvider(std::string name, base::Error error) : name_(std::move(name)), error_(std::move(error)) {}
  base::Result<Credentials> fetch() override { return error_; }
  std::string name() const override { return name_; }

 private:
  std::string name_;
  base::Error error_;
};

}  // namespace

CredentialChain::CredentialChain(std::vector<std::shared_ptr<CredentialProvider>> providers)
    : providers_(std::move(providers)) {}

std::string CredentialChain::name() const {
  std::lock_guard lock(mutex_);
  return selected_ ? providers_[*selected_]->name() : "chain";
}

base::Result<Credentials> CredentialChain::fetch() {
  std::optional<size_t> selected;
  {
    std::lock_guard lock(mutex_);
    selected = selected_;
  }
  if (selected) {
    auto credentials = providers_[*selected]->fetch();
    if (credentials.ok() || !IsNotConfigured(credentials.error())) return credentials;
  }
  for (size_t i = 0; i < providers_.size(); ++i) {
    auto credentials = providers_[i]->fetch();
    if (!credentials.ok() && IsNotConfigured(credentials.error())) continue;
    if (credentials.ok()) {
      std::lock_guard lock(mutex_);
      selected_ = i;
    }
    return credentials;
  }
  return base::Error::Credentials(std::string(kNoCredentialsMessage));
}

base::Result<std::shared_ptr<CredentialProvider>> MakeDefaultCredentialChain(const ChainOptions& options) {
  if (!options.transport) return base::Error::InvalidInput("MakeDefaultCredentialChain: no HTTP transport given");
  const Environment& env = options.env ? *options.env : RealEnvironment();
  Clock& clock = options.clock ? *options.clock : SystemClock();

  auto loaded = LoadSharedConfig(env);
  if (!loaded.ok()) return std::move(loaded.error());
  auto config = std::make_shared<const SharedConfig>(std::move(loaded).value());

  std::string profile = ResolveProfileName(env, options.profile);
  bool named = ProfileNamedExplicitly(env, options.profile);
  if (named && !config->has_profile(profile)) return ProfileNotFound(profile, *config);

  ProviderContext context;
  context.transport = options.transport;
  context.clock = &clock;
  context.env = &env;
  context.region = options.region.empty() ? ResolveRegion(env, *config, profile) : options.region;
  context.endpoints = options.endpoints;

  auto refreshing = [&clock](std::shared_ptr<CredentialProvider> inner) -> std::shared_ptr<CredentialProvider> {
    return std::make_shared<RefreshingProvider>(std::move(inner), clock);
  };

  std::vector<std::shared_ptr<CredentialProvider>> providers;
  if (options.profile.empty()) providers.push_back(std::make_shared<EnvironmentProvider>(env, clock));
  auto web_identity = WebIdentityOptionsFromEnvironment(env);
  if (!web_identity.ok()) {
    providers.push_back(std::make_shared<FailingProvider>("web identity", web_identity.error()));
  } else if (web_identity->has_value()) {
    providers.push_back(refreshing(std::make_shared<WebIdentityProvider>(context, std::move(**web_identity))));
  }
  providers.push_back(std::make_shared<ProfileProvider>(profile, config, context, named));
  providers.push_back(refreshing(std::make_shared<ContainerProvider>(*options.transport, env, clock)));
  providers.push_back(refreshing(std::make_shared<ImdsProvider>(*options.transport, env, clock)));
  return std::shared_ptr<CredentialProvider>(std::make_shared<CredentialChain>(std::move(providers)));
}

}  // namespace posture::aws
