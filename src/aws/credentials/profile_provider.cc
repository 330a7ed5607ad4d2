#include "aws/credentials/profile_provider.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "aws/credentials/assume_role_provider.h"
#include "aws/credentials/container_provider.h"
#include "aws/credentials/environment_provider.h"
#include "aws/credentials/imds_provider.h"
#include "aws/credentials/process_provider.h"
#include "aws/credentials/refreshing_provider.h"
#include "aws/credentials/sso_provider.h"
#include "aws/credentials/web_identity_provider.h"

namespace posture::aws {
namespace {

// A credential_source must deliver: its "not configured" becomes an error.
class RequiredProvider final : public CredentialProvider {
 public:
  RequiredProvider(std::shared_ptr<CredentialProvider> inner, std::string context)
      : inner_(std::move(inner)), context_(std::move(context)) {}

  base::Result<Credentials> fetch() override {
    auto credentials = inner_->fetch();
    if (credentials.ok() || !IsNotConfigured(credentials.error())) return credentials;
    return base::Error::Credentials(context_ + ": " + credentials.error().message());
  }
  std::string name() const override { return inner_->name(); }

 private:
  std::shared_ptr<CredentialProvider> inner_;
  std::string context_;
};

class Resolver {
 public:
  Resolver(const SharedConfig& config, const ProviderContext& context) : config_(config), context_(context) {}

  base::Result<std::shared_ptr<CredentialProvider>> resolve(const std::string& name) {
    bool has_role = get(name, "role_arn").has_value();
    bool has_web_identity = get(name, "web_identity_token_file").has_value();
    if (has_role && has_web_identity) return web_identity(name);
    if (has_role) return assume_role(name);
    if (has_web_identity) {
      return base::Error::Credentials(label(name) + " has web_identity_token_file but no role_arn; add role_arn");
    }
    if (has_any(name, {"sso_session", "sso_start_url", "sso_account_id", "sso_role_name"})) return sso(name);
    if (has_any(name, {"aws_access_key_id", "aws_secret_access_key"})) return static_keys(name);
    if (auto command = get(name, "credential_process")) {
      return refreshing(std::make_shared<ProcessProvider>(*command, name));
    }
    return NotConfigured(label(name) +
                         " has no credentials (aws_access_key_id, role_arn, sso_session, "
                         "credential_process or web_identity_token_file)");
  }

 private:
  static std::string label(const std::string& name) { return "profile " + name; }

  bool has_any(const std::string& name, std::initializer_list<std::string_view> keys) const {
    return std::any_of(keys.begin(), keys.end(), [&](std::string_view key) { return get(name, key).has_value(); });
  }

  std::optional<std::string> get(const std::string& name, std::string_view key) const {
    auto value = config_.get(name, key);
    if (value && value->empty()) return std::nullopt;
    return value;
  }

  std::shared_ptr<CredentialProvider> refreshing(std::shared_ptr<CredentialProvider> inner) const {
    return std::make_shared<RefreshingProvider>(std::move(inner), *context_.clock);
  }

  bool has_static_keys(const std::string& name) const { return get(name, "aws_access_key_id").has_value(); }

  base::Result<std::optional<int>> duration(const std::string& name) const {
    auto text = get(name, "duration_seconds");
    if (!text) return std::optional<int>();
    int value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value <= 0) {
      return base::Error::Credentials(label(name) + ": duration_seconds must be a positive number of seconds");
    }
    return std::optional<int>(value);
  }

  base::Result<std::shared_ptr<CredentialProvider>> static_keys(const std::string& name) const {
    auto key_id = get(name, "aws_access_key_id");
    auto secret = get(name, "aws_secret_access_key");
    if (!key_id) return base::Error::Credentials(label(name) + " has aws_secret_access_key but no aws_access_key_id");
    if (!secret) return base::Error::Credentials(label(name) + " has aws_access_key_id but no aws_secret_access_key");
    Credentials credentials;
    credentials.access_key_id = *key_id;
    credentials.secret_access_key = *secret;
    credentials.session_token = get(name, "aws_session_token").value_or("");
    credentials.source = label(name);
    return std::shared_ptr<CredentialProvider>(std::make_shared<StaticCredentialProvider>(std::move(credentials)));
  }

  base::Result<std::shared_ptr<CredentialProvider>> web_identity(const std::string& name) const {
    auto seconds = duration(name);
    if (!seconds.ok()) return std::move(seconds.error());
    WebIdentityOptions options;
    options.token_file = get(name, "web_identity_token_file").value_or("");
    options.role_arn = get(name, "role_arn").value_or("");
    options.role_session_name = get(name, "role_session_name").value_or("");
    options.duration_seconds = *seconds;
    options.label = label(name) + " (web identity)";
    return refreshing(std::make_shared<WebIdentityProvider>(context_, std::move(options)));
  }

  base::Result<std::shared_ptr<CredentialProvider>> sso(const std::string& name) const {
    SsoOptions options;
    options.profile = name;
    std::vector<std::string> missing;
    if (auto session_name = get(name, "sso_session")) {
      const ConfigValues* session = config_.sso_session(*session_name);
      if (!session) {
        return base::Error::Credentials(label(name) + ": sso_session '" + *session_name + "' has no [sso-session " +
                                        *session_name + "] section in " + config_.config_file_label());
      }
      options.session_name = *session_name;
      auto from_session = [&](const char* key) -> std::string {
        auto it = session->find(key);
        return it == session->end() ? std::string() : it->second;
      };
      options.start_url = from_session("sso_start_url");
      options.sso_region = from_session("sso_region");
      for (const char* key : {"sso_start_url", "sso_region"}) {
        auto own = get(name, key);
        if (own && *own != from_session(key)) {
          return base::Error::Credentials(label(name) + ": " + key + " differs from the one in [sso-session " +
                                          *session_name + "]; remove it from the profile");
        }
      }
      if (options.start_url.empty()) missing.push_back("sso_start_url (in [sso-session " + *session_name + "])");
      if (options.sso_region.empty()) missing.push_back("sso_region (in [sso-session " + *session_name + "])");
    } else {
      options.start_url = get(name, "sso_start_url").value_or("");
      options.sso_region = get(name, "sso_region").value_or("");
      if (options.start_url.empty()) missing.push_back("sso_start_url");
      if (options.sso_region.empty()) missing.push_back("sso_region");
    }
    options.account_id = get(name, "sso_account_id").value_or("");
    options.role_name = get(name, "sso_role_name").value_or("");
    if (options.account_id.empty()) missing.push_back("sso_account_id");
    if (options.role_name.empty()) missing.push_back("sso_role_name");
    if (!missing.empty()) {
      std::string list;
      for (const auto& key : missing) list += (list.empty() ? "" : ", ") + key;
      return base::Error::Credentials(label(name) + " is missing SSO settings: " + list);
    }
    return refreshing(std::make_shared<SsoProvider>(context_, std::move(options)));
  }

  base::Result<std::shared_ptr<CredentialProvider>> credential_source(const std::string& name,
                                                                      const std::string& source) {
    std::string context = label(name) + ": credential_source " + source;
    std::shared_ptr<CredentialProvider> provider;
    if (source == "Environment") {
      provider = std::make_shared<EnvironmentProvider>(*context_.env, *context_.clock);
    } else if (source == "Ec2InstanceMetadata") {
      provider = refreshing(std::make_shared<ImdsProvider>(*context_.transport, *context_.env, *context_.clock));
    } else if (source == "EcsContainer") {
      provider = refreshing(std::make_shared<ContainerProvider>(*context_.transport, *context_.env, *context_.clock));
    } else {
      return base::Error::Credentials(label(name) + ": credential_source '" + source +
                                      "' is not one of Environment, Ec2InstanceMetadata, EcsContainer");
    }
    return std::shared_ptr<CredentialProvider>(std::make_shared<RequiredProvider>(std::move(provider), context));
  }

  base::Result<std::shared_ptr<CredentialProvider>> source_profile(const std::string& name, const std::string& source) {
    if (!config_.has_profile(source)) {
      return base::Error::Credentials(label(name) + ": source_profile '" + source + "' does not exist in " +
                                      config_.config_file_label() + " or " + config_.credentials_file_label());
    }
    bool visited = std::find(path_.begin(), path_.end(), source) != path_.end();
    if (visited && (source != name || !has_static_keys(source))) {
      std::string loop;
      for (const auto& step : path_) loop += step + " -> ";
      return base::Error::Credentials(label(path_.front()) + ": source_profile loop " + loop + source);
    }
    base::Result<std::shared_ptr<CredentialProvider>> provider =
        has_static_keys(source) ? static_keys(source) : resolve(source);
    if (!provider.ok() && IsNotConfigured(provider.error())) {
      return base::Error::Credentials(label(name) + ": source_profile '" + source + "' has no credentials");
    }
    return provider;
  }

  base::Result<std::shared_ptr<CredentialProvider>> assume_role(const std::string& name) {
    path_.push_back(name);
    if (get(name, "mfa_serial")) {
      return base::Error::Credentials(
          label(name) +
          " requires MFA (mfa_serial); posture cannot prompt for a code: run with credentials "
          "from `aws sts get-session-token` or a profile without mfa_serial");
    }
    auto source_name = get(name, "source_profile");
    auto source_kind = get(name, "credential_source");
    if (source_name && source_kind) {
      return base::Error::Credentials(label(name) + " has both source_profile and credential_source; keep one");
    }
    if (!source_name && !source_kind) {
      return base::Error::Credentials(label(name) + " has role_arn but neither source_profile nor credential_source");
    }
    auto seconds = duration(name);
    if (!seconds.ok()) return std::move(seconds.error());
    auto source = source_name ? source_profile(name, *source_name) : credential_source(name, *source_kind);
    if (!source.ok()) return source;

    AssumeRoleOptions options;
    options.role_arn = *get(name, "role_arn");
    options.role_session_name = get(name, "role_session_name").value_or("");
    options.external_id = get(name, "external_id").value_or("");
    options.duration_seconds = *seconds;
    options.label = label(name);
    return refreshing(std::make_shared<AssumeRoleProvider>(context_, std::move(*source), std::move(options)));
  }

  const SharedConfig& config_;
  const ProviderContext& context_;
  std::vector<std::string> path_;  // profiles whose role is being assumed, outermost first
};

}  // namespace

base::Error ProfileNotFound(const std::string& profile, const SharedConfig& config) {
  return base::Error::Credentials("profile '" + profile + "' not found in " + config.config_file_label() + " or " +
                                  config.credentials_file_label());
}

base::Result<std::shared_ptr<CredentialProvider>> ResolveProfileCredentials(const std::string& profile,
                                                                            const SharedConfig& config,
                                                                            const ProviderContext& context) {
  if (!config.has_profile(profile)) return ProfileNotFound(profile, config);
  return Resolver(config, context).resolve(profile);
}

ProfileProvider::ProfileProvider(std::string profile, std::shared_ptr<const SharedConfig> config,
                                 ProviderContext context, bool named_explicitly)
    : profile_(std::move(profile)),
      config_(std::move(config)),
      context_(std::move(context)),
      named_explicitly_(named_explicitly) {}

base::Result<Credentials> ProfileProvider::fetch() {
  std::shared_ptr<CredentialProvider> provider;
  {
    std::lock_guard lock(mutex_);
    if (!resolved_) {
      if (!config_->has_profile(profile_)) {
        if (named_explicitly_) return ProfileNotFound(profile_, *config_);
        return NotConfigured("profile " + profile_ + " does not exist");
      }
      resolved_ = ResolveProfileCredentials(profile_, *config_, context_);
    }
    if (!resolved_->ok()) return resolved_->error();
    provider = resolved_->value();
  }
  return provider->fetch();
}

}  // namespace posture::aws
