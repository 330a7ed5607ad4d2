// Endpoints and regions: which URL serves a service in a region, and which
// region signs for it.
//
// Standard endpoints for the aws, aws-cn and aws-us-gov partitions; global
// services (IAM, Organizations, CloudFront, Route 53, Account) resolve to
// their global endpoint and sign for the partition's home region. User
// overrides: --endpoint-url, AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>.
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "aws/protocols/protocol.h"
#include "base/error.h"

namespace posture::aws {

struct EndpointOverrides {
  std::string all;  // --endpoint-url or AWS_ENDPOINT_URL
  // Keyed by botocore service name ("sso-admin"); from AWS_ENDPOINT_URL_<SERVICE>.
  std::map<std::string, std::string, std::less<>> per_service;

  // Reads AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE_ID> (the model's
  // service id upper-cased, spaces and dashes as underscores, e.g.
  // AWS_ENDPOINT_URL_SSO_ADMIN) from a NULL-terminated "NAME=value" array
  // such as `environ`.
  static EndpointOverrides FromEnvironment(char** envp);

  bool empty() const { return all.empty() && per_service.empty(); }
};

// "aws", "aws-cn" or "aws-us-gov" for a region name.
std::string_view PartitionOfRegion(std::string_view region);
// "amazonaws.com" or "amazonaws.com.cn".
std::string_view DnsSuffixOfPartition(std::string_view partition);

// Resolves the endpoint of `model` in `region`. InvalidInput for an empty or
// malformed region or override URL.
base::Result<Endpoint> ResolveEndpoint(const ServiceModel& model, std::string_view region,
                                       const EndpointOverrides& overrides);

}  // namespace posture::aws
