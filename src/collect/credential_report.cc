#include "collect/credential_report.h"

#include <algorithm>
#include <map>
#include <optional>
#include <thread>

#include "base/encoding.h"
#include "base/hash.h"
#include "collect/section_tasks.h"

namespace posture::collect {
namespace {

namespace inv = inventory;
using Rows = std::vector<inv::CredentialReportRow>;

const CallSite kGenerate{"iam", "GenerateCredentialReport", ""};
const CallSite kGet{"iam", "GetCredentialReport", ""};

// RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines.
std::vector<std::vector<std::string>> ReadCsv(std::string_view text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) record.push_back(std::move(field));
      if (!record.empty()) records.push_back(std::move(record));
      record.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) record.push_back(std::move(field));
  if (!record.empty()) records.push_back(std::move(record));
  return records;
}

bool IsUnknown(std::string_view value) {
  return value.empty() || value == "N/A" || value == "not_supported" || value == "no_information";
}

class RowReader {
 public:
  explicit RowReader(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) columns_[header[i]] = i;
  }
  bool has(const std::string& column) const { return columns_.count(column) > 0; }
  void select(const std::vector<std::string>* row) { row_ = row; }

  std::string text(const std::string& column) const {
    auto it = columns_.find(column);
    if (it == columns_.end() || it->second >= row_->size()) return {};
    const std::string& value = (*row_)[it->second];
    return IsUnknown(value) ? std::string() : value;
  }
  std::optional<bool> flag(const std::string& column) const {
    const std::string value = text(column);
    if (value == "true") return true;
    if (value == "false") return false;
    return std::nullopt;
  }

 private:
  std::map<std::string, size_t> columns_;
  const std::vector<std::string>* row_ = nullptr;
};

inv::CredentialReportRow MapRow(const RowReader& read) {
  inv::CredentialReportRow row;
  row.user = read.text("user");
  row.arn = read.text("arn");
  row.password_enabled = read.flag("password_enabled");
  row.mfa_active = read.flag("mfa_active");
  row.password_last_used = read.text("password_last_used");
  row.access_key_1_active = read.flag("access_key_1_active");
  row.access_key_2_active = read.flag("access_key_2_active");
  row.access_key_1_last_used = read.text("access_key_1_last_used_date");
  row.access_key_2_last_used = read.text("access_key_2_last_used_date");
  row.access_key_1_last_rotated = read.text("access_key_1_last_rotated");
  row.access_key_2_last_rotated = read.text("access_key_2_last_rotated");
  row.user_creation_time = read.text("user_creation_time");
  row.password_last_changed = read.text("password_last_changed");
  return row;
}

bool NotReadyYet(const base::Error& error) {
  return error.code() == "ReportInProgress" || error.code() == "ReportNotPresent";
}

inv::Collected<Rows> Decode(const aws::Json& output) {
  std::string csv;
  if (!base::Base64Decode(Text(output, "Content"), csv)) {
    return Failure<Rows>(kGet.internal("parse", "report content is not valid base64"));
  }
  auto rows = ParseCredentialReport(csv);
  if (!rows.ok()) return Failure<Rows>(kGet.failure(rows.error()));
  return Success(std::move(*rows));
}

}  // namespace

base::Result<Rows> ParseCredentialReport(std::string_view csv) {
  auto records = ReadCsv(csv);
  if (records.empty()) return base::Error::Parse("credential report is empty");
  RowReader read(records.front());
  if (!read.has("user")) return base::Error::Parse("credential report has no header row with a \"user\" column");
  Rows rows;
  for (size_t i = 1; i < records.size(); ++i) {
    read.select(&records[i]);
    rows.push_back(MapRow(read));
  }
  return rows;
}

inv::Collected<Rows> FetchCredentialReport(aws::AwsClient& client, const ReportPolling& polling) {
  auto sleep = polling.sleep ? polling.sleep : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  auto generated = client.call(kGenerate.service, kGenerate.operation);
  if (!generated.ok()) return Failure<Rows>(kGenerate.failure(generated.error()));
  bool ready = Text(*generated, "State") == "COMPLETE";

  auto delay = polling.first_delay;
  std::chrono::milliseconds slept{0};
  for (int poll = 0; poll < polling.max_polls; ++poll) {
    if (!ready) {
      if (slept + delay > polling.max_total_sleep) break;
      sleep(delay);
      slept += delay;
      delay = std::min(delay * 2, polling.max_delay);
    }
    auto report = client.call(kGet.service, kGet.operation);
    if (report.ok()) return Decode(*report);
    if (!NotReadyYet(report.error())) return Failure<Rows>(kGet.failure(report.error()));
    ready = false;
  }
  return Failure<Rows>({kGet.service, kGet.operation, "", base::ErrorKindName(base::ErrorKind::kServiceUnavailable),
                        "ReportInProgress",
                        "the credential report was not ready after " + std::to_string(slept.count()) + " ms"});
}

}  // namespace posture::collect
