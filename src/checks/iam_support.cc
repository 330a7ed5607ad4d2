#include "checks/iam_support.h"

#include <cctype>

#include "iam/aws_managed.h"

namespace posture::checks {
namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool ReadDigits(std::string_view text, size_t& at, size_t count, int& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  at += count;
  return true;
}

bool Expect(std::string_view text, size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

void AddManaged(const inventory::AuthorizationDetails& details, const std::string& arn, const std::string& via,
                PrincipalPolicies& out) {
  const auto document = ManagedPolicyDocument(details, arn);
  if (!document) {
    out.unknown.push_back(arn);
    return;
  }
  const std::string name = arn.substr(arn.rfind('/') + 1);
  out.policies.push_back({"managed policy " + name + via, arn, iam::ParsePolicy(*document)});
}

void AddInline(const std::vector<inventory::InlinePolicy>& policies, const std::string& via, PrincipalPolicies& out) {
  for (const auto& policy : policies) {
    out.policies.push_back({"inline policy " + policy.name + via, "", iam::ParsePolicy(policy.document)});
  }
}

}  // namespace

std::optional<std::int64_t> ParseTime(std::string_view iso) {
  size_t at = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(iso, at, 4, year) || !Expect(iso, at, '-') || !ReadDigits(iso, at, 2, month) ||
      !Expect(iso, at, '-') || !ReadDigits(iso, at, 2, day) || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  std::int64_t offset = 0;
  if (at < iso.size()) {
    if (iso[at] != 'T' && iso[at] != 't' && iso[at] != ' ') return std::nullopt;
    ++at;
    if (!ReadDigits(iso, at, 2, hour) || !Expect(iso, at, ':') || !ReadDigits(iso, at, 2, minute)) return std::nullopt;
    if (at < iso.size() && iso[at] == ':' && (++at, !ReadDigits(iso, at, 2, second))) return std::nullopt;
    if (at < iso.size() && iso[at] == '.') {
      ++at;
      while (at < iso.size() && std::isdigit(static_cast<unsigned char>(iso[at]))) ++at;
    }
    if (at < iso.size() && (iso[at] == 'Z' || iso[at] == 'z')) {
      ++at;
    } else if (at < iso.size() && (iso[at] == '+' || iso[at] == '-')) {
      const int sign = iso[at] == '-' ? -1 : 1;
      ++at;
      int hours = 0, minutes = 0;
      if (!ReadDigits(iso, at, 2, hours)) return std::nullopt;
      if (at < iso.size() && iso[at] == ':') ++at;
      if (at < iso.size() && !ReadDigits(iso, at, 2, minutes)) return std::nullopt;
      offset = sign * (hours * 3600 + minutes * 60);
    }
    if (at != iso.size()) return std::nullopt;
  }
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
         minute * 60 + second - offset;
}

std::int64_t DaysBetween(std::int64_t then, std::int64_t now) {
  constexpr std::int64_t kSecondsPerDay = 86400;
  const std::int64_t delta = now - then;
  return delta >= 0 ? delta / kSecondsPerDay : -((-delta) / kSecondsPerDay);
}

std::int64_t DaysSince(std::int64_t then, std::int64_t now) {
  const std::int64_t days = DaysBetween(then, now);
  return days < 0 ? 0 : days;
}

std::string DateOf(std::string_view iso) { return std::string(iso.substr(0, 10)); }

std::vector<AccessKeySlot> AccessKeys(const inventory::CredentialReportRow& row) {
  return {{1, row.access_key_1_active.value_or(false), row.access_key_1_last_rotated, row.access_key_1_last_used},
          {2, row.access_key_2_active.value_or(false), row.access_key_2_last_rotated, row.access_key_2_last_used}};
}

std::optional<std::string> ManagedPolicyDocument(const inventory::AuthorizationDetails& details, std::string_view arn) {
  for (const auto& policy : details.policies) {
    if (policy.arn == arn && !policy.default_version_document.empty()) return policy.default_version_document;
  }
  const std::string name = iam::AwsManagedPolicyName(arn);
  if (name.empty()) return std::nullopt;
  return iam::KnownAwsManagedPolicy(name);
}

PrincipalPolicies PoliciesOfUser(const inventory::AuthorizationDetails& details, const inventory::IamUser& user) {
  PrincipalPolicies out;
  for (const auto& arn : user.attached_policy_arns) AddManaged(details, arn, "", out);
  AddInline(user.inline_policies, "", out);
  for (const auto& group_name : user.groups) {
    for (const auto& group : details.groups) {
      if (group.name != group_name) continue;
      const std::string via = " via group " + group.name;
      for (const auto& arn : group.attached_policy_arns) AddManaged(details, arn, via, out);
      AddInline(group.inline_policies, via, out);
    }
  }
  return out;
}

PrincipalPolicies PoliciesOfRole(const inventory::AuthorizationDetails& details, const inventory::IamRole& role) {
  PrincipalPolicies out;
  for (const auto& arn : role.attached_policy_arns) AddManaged(details, arn, "", out);
  AddInline(role.inline_policies, "", out);
  return out;
}

std::vector<std::string> EntitiesWithPolicy(const inventory::AuthorizationDetails& details,
                                            std::string_view policy_arn_suffix) {
  std::vector<std::string> out;
  auto has = [&](const std::vector<std::string>& arns) {
    for (const auto& arn : arns) {
      if (arn.ends_with(policy_arn_suffix)) return true;
    }
    return false;
  };
  for (const auto& user : details.users) {
    if (has(user.attached_policy_arns)) out.push_back("user " + user.name);
  }
  for (const auto& group : details.groups) {
    if (has(group.attached_policy_arns)) out.push_back("group " + group.name);
  }
  for (const auto& role : details.roles) {
    if (has(role.attached_policy_arns)) out.push_back("role " + role.name);
  }
  return out;
}

}  // namespace posture::checks
