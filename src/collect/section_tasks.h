// Section tasks: how a collector turns calls into inventory sections on
// the scheduler's pool.
//
// CollectContext is what every task shares: the client, the pool, the
// error log, the sections asked for and the account. A task fills exactly
// one section and publishes it with CollectContext::store, which also logs
// its error. A section built from several calls (Security Hub, WAF) is
// assembled by a SectionJoin: a staged first call submits the parts, and
// the last part to finish stores the section. Every helper here is safe to
// call from pool threads; no exception leaves a task (Guarded and
// SubmitPart turn them into CollectionErrors).
#pragma once

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/client.h"
#include "collect/support.h"
#include "collect/task_pool.h"
#include "inventory/inventory.h"
#include "telemetry/trace_context.h"

namespace posture::collect {

struct CollectContext {
  aws::AwsClient& client;
  TaskLane pool;  // the job's lane of the shared pool
  ErrorLog& errors;
  const std::set<std::string>& sections;
  std::string account_id;
  std::string partition = "aws";
  // The account's span: parent (through its region) of every task's span.
  telemetry::SpanContext account_span{};

  bool wants(std::string_view section) const { return sections.count(std::string(section)) > 0; }

  // Publishes a finished section and logs its error, if any.
  template <typename T>
  void store(inventory::Collected<T>& section, inventory::Collected<T> outcome) {
    if (outcome.error) errors.add(*outcome.error);
    section = std::move(outcome);
  }
};

template <typename T>
inventory::Collected<T> Success(T value) {
  inventory::Collected<T> out;
  out.set(std::move(value));
  return out;
}

template <typename T>
inventory::Collected<T> Failure(inventory::CollectionError error) {
  inventory::Collected<T> out;
  out.fail(std::move(error));
  return out;
}

// Runs `body`; an exception escaping it becomes an "internal" error of `site`.
template <typename Body>
std::optional<inventory::CollectionError> RunCatching(const CallSite& site, Body&& body) {
  try {
    body();
    return std::nullopt;
  } catch (const std::exception& e) {
    return site.internal("internal", std::string("unexpected failure: ") + e.what());
  } catch (...) {
    return site.internal("internal", "unexpected failure");
  }
}

// Runs `fetch` (returning Collected<T>), turning an escaping exception into
// an "internal" error of `site`.
template <typename T, typename Fetch>
inventory::Collected<T> Guarded(const CallSite& site, Fetch& fetch) {
  inventory::Collected<T> out;
  if (auto error = RunCatching(site, [&] { out = fetch(); })) return Failure<T>(std::move(*error));
  return out;
}

// Submits a task that fills `section` with `fetch()`.
template <typename T, typename Fetch>
void SubmitSection(CollectContext& ctx, inventory::Collected<T>& section, CallSite site, Fetch fetch) {
  ctx.pool.submit([&ctx, &section, site = std::move(site), fetch = std::move(fetch)]() mutable {
    telemetry::CollectorSpan span(ctx.account_span, ctx.account_id, site.service, site.operation, site.region);
    ctx.store(section, Guarded<T>(site, fetch));
  });
}

// One section assembled by `parts` tasks: each updates the value or fails;
// the last to finish publishes the value, or the first failure. Every
// failure is logged when it happens. Shared by the parts (hold it in a
// shared_ptr).
template <typename T>
class SectionJoin {
 public:
  SectionJoin(CollectContext& ctx, inventory::Collected<T>& section, T initial, int parts)
      : ctx_(ctx), section_(section), value_(std::move(initial)), pending_(parts) {}

  template <typename Update>
  void update(Update update) {
    std::lock_guard lock(mutex_);
    update(value_);
  }
  void fail(inventory::CollectionError error) {
    ctx_.errors.add(error);
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
  }
  // Announces `n` more parts (a part that found more work), before the
  // calling part's done().
  void add_parts(int n) {
    std::lock_guard lock(mutex_);
    pending_ += n;
  }
  // Runs `finished(section)` once the section is published, on the thread of
  // the last part. Call before submitting the parts.
  void on_finish(std::function<void(const inventory::Collected<T>&)> finished) { finished_ = std::move(finished); }
  // Runs `order(value)` on the complete value just before it is published:
  // parts finish in any order, and a section whose items they append puts
  // them in a stable order here, so that every scan of the same account
  // reports alike. Call before submitting the parts.
  void before_publish(std::function<void(T&)> order) { order_ = std::move(order); }
  // Marks one part finished.
  void done() {
    {
      std::lock_guard lock(mutex_);
      if (--pending_ > 0) return;
      if (!error_ && order_) order_(value_);
      section_ = error_ ? Failure<T>(std::move(*error_)) : Success(std::move(value_));
    }
    if (finished_) finished_(section_);
  }

 private:
  CollectContext& ctx_;
  inventory::Collected<T>& section_;
  std::mutex mutex_;
  T value_;
  std::optional<inventory::CollectionError> error_;
  int pending_;
  std::function<void(const inventory::Collected<T>&)> finished_;
  std::function<void(T&)> order_;
};

// Sorts `items` by `key(item)`, keeping the order of equal keys.
template <typename T, typename Key>
void SortBy(std::vector<T>& items, Key key) {
  std::stable_sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

// Calls every page of `site.operation` with `input` and passes each item of
// the page's list `key` to `each`. The call's error on failure.
template <typename Each>
base::Status ForEachItem(aws::AwsClient& client, const CallSite& site, const aws::Json& input, std::string_view key,
                         Each each) {
  return client.paginate(site.service, site.operation, input, site.region, [&](const aws::Json& page) {
    for (const auto& item : Items(page, key)) each(item);
    return true;
  });
}

// Submits a task that fills the list `section` from every page of
// `site.operation`: `add(item, list)` maps each item of the page's list `key`.
template <typename T, typename Add>
void SubmitList(CollectContext& ctx, inventory::Collected<std::vector<T>>& section, CallSite site, aws::Json input,
                std::string key, Add add) {
  aws::AwsClient& client = ctx.client;
  SubmitSection(ctx, section, site, [&client, site, input = std::move(input), key = std::move(key), add]() {
    std::vector<T> list;
    auto status = ForEachItem(client, site, input, key, [&](const aws::Json& item) { add(item, list); });
    if (!status.ok()) return Failure<std::vector<T>>(site.failure(status.error()));
    return Success(std::move(list));
  });
}

// Submits a task whose `stage()` either finishes `section` (returns its
// outcome) or hands it on to parts it submitted with SubmitPart, as its
// last action (returns nullopt).
template <typename T, typename Stage>
void SubmitStaged(CollectContext& ctx, inventory::Collected<T>& section, CallSite site, Stage stage) {
  ctx.pool.submit([&ctx, &section, site = std::move(site), stage = std::move(stage)]() mutable {
    telemetry::CollectorSpan span(ctx.account_span, ctx.account_id, site.service, site.operation, site.region);
    std::optional<inventory::Collected<T>> outcome;
    auto guarded = [&]() -> inventory::Collected<T> {
      outcome = stage();
      return outcome ? std::move(*outcome) : inventory::Collected<T>{};
    };
    inventory::Collected<T> finished = Guarded<T>(site, guarded);
    if (outcome || finished.error) ctx.store(section, std::move(finished));
  });
}

// Submits one part of a joined section: `part(join)` updates the value and
// returns its failure, if any.
template <typename T, typename Part>
void SubmitPart(CollectContext& ctx, std::shared_ptr<SectionJoin<T>> join, CallSite site, Part part) {
  ctx.pool.submit([&ctx, join = std::move(join), site = std::move(site), part = std::move(part)]() mutable {
    telemetry::CollectorSpan span(ctx.account_span, ctx.account_id, site.service, site.operation, site.region);
    std::optional<inventory::CollectionError> error;
    if (auto thrown = RunCatching(site, [&] { error = part(*join); })) error = std::move(thrown);
    if (error) join->fail(std::move(*error));
    join->done();
  });
}

}  // namespace posture::collect
