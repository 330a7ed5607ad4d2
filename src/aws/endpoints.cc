#include "aws/endpoints.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "aws/url.h"

namespace posture::aws {
namespace {

// A global service's endpoint and signing region in one partition.
struct GlobalEndpoint {
  std::string_view service;
  std::string_view partition;
  std::string_view host;
  std::string_view signing_region;
};

constexpr GlobalEndpoint kGlobalEndpoints[] = {
    {"iam", "aws", "iam.amazonaws.com", "us-east-1"},
    {"iam", "aws-cn", "iam.cn-north-1.amazonaws.com.cn", "cn-north-1"},
    {"iam", "aws-us-gov", "iam.us-gov.amazonaws.com", "us-gov-west-1"},
    {"organizations", "aws", "organizations.us-east-1.amazonaws.com", "us-east-1"},
    {"organizations", "aws-cn", "organizations.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
    {"organizations", "aws-us-gov", "organizations.us-gov-west-1.amazonaws.com", "us-gov-west-1"},
    {"cloudfront", "aws", "cloudfront.amazonaws.com", "us-east-1"},
    {"cloudfront", "aws-cn", "cloudfront.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
    {"route53", "aws", "route53.amazonaws.com", "us-east-1"},
    {"route53", "aws-cn", "route53.amazonaws.com.cn", "cn-northwest-1"},
    {"route53", "aws-us-gov", "route53.us-gov.amazonaws.com", "us-gov-west-1"},
    {"account", "aws", "account.us-east-1.amazonaws.com", "us-east-1"},
    {"account", "aws-cn", "account.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"},
};

// Services that exist only as global endpoints: a regional name does not resolve.
constexpr std::string_view kGlobalOnly[] = {"iam", "organizations", "cloudfront", "route53", "account"};

bool IsGlobalOnly(std::string_view service) {
  return std::find(std::begin(kGlobalOnly), std::end(kGlobalOnly), service) != std::end(kGlobalOnly);
}

bool IsValidRegion(std::string_view region) {
  if (region.empty() || region.size() > 64) return false;
  return std::all_of(region.begin(), region.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string EnvSuffixOf(std::string_view service_id) {
  std::string out;
  for (char c : service_id) {
    out += (c == ' ' || c == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string TrimTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

EndpointOverrides EndpointOverrides::FromEnvironment(char** envp) {
  constexpr std::string_view kAll = "AWS_ENDPOINT_URL=";
  constexpr std::string_view kPrefix = "AWS_ENDPOINT_URL_";
  EndpointOverrides overrides;
  std::vector<std::pair<std::string, std::string>> specific;
  for (char** entry = envp; entry && *entry; ++entry) {
    std::string_view text(*entry);
    if (text.starts_with(kAll)) {
      overrides.all = std::string(text.substr(kAll.size()));
    } else if (text.starts_with(kPrefix)) {
      auto eq = text.find('=');
      if (eq == std::string_view::npos) continue;
      specific.emplace_back(std::string(text.substr(kPrefix.size(), eq - kPrefix.size())),
                            std::string(text.substr(eq + 1)));
    }
  }
  if (specific.empty()) return overrides;
  for (const auto& name : ServiceModelNames()) {
    const ServiceModel* model = FindServiceModel(name);
    std::string suffix = EnvSuffixOf(model->service_id());
    for (const auto& [key, url] : specific) {
      if (key == suffix && !url.empty()) overrides.per_service[name] = url;
    }
  }
  return overrides;
}

std::string_view PartitionOfRegion(std::string_view region) {
  if (region.starts_with("cn-")) return "aws-cn";
  if (region.starts_with("us-gov-")) return "aws-us-gov";
  return "aws";
}

std::string_view DnsSuffixOfPartition(std::string_view partition) {
  return partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

base::Result<Endpoint> ResolveEndpoint(const ServiceModel& model, std::string_view region,
                                       const EndpointOverrides& overrides) {
  const std::string& service = model.name();
  if (!region.empty() && !IsValidRegion(region)) {
    return base::Error::InvalidInput("invalid region '" + std::string(region) + "': expected a name like us-east-1");
  }
  std::string_view partition = PartitionOfRegion(region);

  Endpoint endpoint;
  endpoint.signing_name = model.signing_name().empty() ? model.endpoint_prefix() : model.signing_name();

  const GlobalEndpoint* global = nullptr;
  for (const auto& candidate : kGlobalEndpoints) {
    if (candidate.service == service && candidate.partition == partition) global = &candidate;
  }

  auto override_it = overrides.per_service.find(service);
  std::string custom = override_it != overrides.per_service.end() ? override_it->second : overrides.all;
  if (!custom.empty()) {
    auto url = ParseUrl(custom);
    if (!url.ok()) {
      return base::Error::InvalidInput("endpoint override (--endpoint-url or AWS_ENDPOINT_URL*): " +
                                       url.error().message());
    }
    endpoint.url = TrimTrailingSlash(custom);
    endpoint.custom = true;
    endpoint.s3_path_style = true;
    endpoint.signing_region = !region.empty() ? std::string(region)
                              : global        ? std::string(global->signing_region)
                                              : "us-east-1";
    return endpoint;
  }

  if (global) {
    endpoint.url = "https://" + std::string(global->host);
    endpoint.signing_region = std::string(global->signing_region);
    return endpoint;
  }
  if (IsGlobalOnly(service)) {
    return base::Error::Unsupported(service + " is not available in partition " + std::string(partition));
  }
  if (region.empty()) {
    return base::Error::InvalidInput("no region for " + service +
                                     ": pass --region or set AWS_REGION (or region in the profile)");
  }
  endpoint.url = "https://" + model.endpoint_prefix() + "." + std::string(region) + "." +
                 std::string(DnsSuffixOfPartition(partition));
  endpoint.signing_region = std::string(region);
  return endpoint;
}

}  // namespace posture::aws
