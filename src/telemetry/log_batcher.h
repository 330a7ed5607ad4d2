// Batcher: a bounded queue drained by one background thread in batches,
// shared by the Loki and OTLP exporters.
//
// push() never blocks on the network: it appends to the queue, or drops
// the item (counted) when the queue is full. The worker sends a batch when
// `max_batch` items are queued or `interval` has passed since the last
// send; a batch whose send fails is dropped (counted), never retried, so a
// down endpoint costs one failed request per interval. shutdown() sends
// what is queued within a deadline, drops the rest and joins the worker.
// Thread-safe: push() from any thread; shutdown() once (the destructor
// calls it).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "telemetry/metrics_catalog.h"

namespace posture::telemetry {

struct BatcherOptions {
  size_t max_queue = 8192;
  size_t max_batch = 512;
  std::chrono::milliseconds interval{1000};
  // Names the exporter in posture_telemetry_export_errors_total, where each
  // failed batch is counted ("" counts nothing).
  std::string exporter;
};

template <typename Item>
class Batcher {
 public:
  // Sends one batch; returns false when it was not accepted. Runs on the
  // worker thread only.
  using Send = std::function<bool(std::vector<Item>& batch)>;

  Batcher(BatcherOptions options, Send send) : options_(options), send_(std::move(send)) {
    worker_ = std::thread([this] { run(); });
  }
  ~Batcher() { shutdown(std::chrono::milliseconds(0)); }
  Batcher(const Batcher&) = delete;
  Batcher& operator=(const Batcher&) = delete;

  // Queues `item`; false (and counted as dropped) when the queue is full or shut down.
  bool push(Item item) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_ || queue_.size() >= options_.max_queue) {
        ++dropped_;
        return false;
      }
      queue_.push_back(std::move(item));
      if (queue_.size() < options_.max_batch) return true;
    }
    wake_.notify_one();
    return true;
  }

  // Sends what is queued, for at most `deadline` (what is left is dropped),
  // and stops the worker. Idempotent.
  void shutdown(std::chrono::milliseconds deadline) {
    {
      std::lock_guard lock(mutex_);
      if (!stopping_) {
        stopping_ = true;
        deadline_ = std::chrono::steady_clock::now() + deadline;
      }
    }
    wake_.notify_one();
    std::lock_guard join_lock(join_mutex_);
    if (worker_.joinable()) worker_.join();
  }

  uint64_t dropped() const { return dropped_.load(); }        // items never sent (queue full, failed batch, deadline)
  uint64_t failed_batches() const { return failed_.load(); }  // sends that failed
  uint64_t sent() const { return sent_.load(); }              // items accepted by the endpoint

 private:
  void run() {
    std::unique_lock lock(mutex_);
    auto last_send = std::chrono::steady_clock::now();
    for (;;) {
      wake_.wait_until(lock, last_send + options_.interval,
                       [&] { return stopping_ || queue_.size() >= options_.max_batch; });
      bool due = std::chrono::steady_clock::now() >= last_send + options_.interval;
      if (!stopping_ && !due && queue_.size() < options_.max_batch) continue;
      if (stopping_ && std::chrono::steady_clock::now() >= deadline_) {
        dropped_ += queue_.size();
        queue_.clear();
        return;
      }
      if (queue_.empty()) {
        if (stopping_) return;
        last_send = std::chrono::steady_clock::now();
        continue;
      }
      size_t n = std::min(queue_.size(), options_.max_batch);
      std::vector<Item> batch(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.begin() + n));
      queue_.erase(queue_.begin(), queue_.begin() + n);
      lock.unlock();
      bool ok = send_(batch);
      lock.lock();
      last_send = std::chrono::steady_clock::now();
      if (ok) {
        sent_ += n;
      } else {
        ++failed_;
        dropped_ += n;
        if (!options_.exporter.empty()) DefaultMetrics().telemetry_export_errors_total.inc({options_.exporter});
      }
    }
  }

  const BatcherOptions options_;
  Send send_;
  std::mutex mutex_;
  std::mutex join_mutex_;
  std::condition_variable wake_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::chrono::steady_clock::time_point deadline_{};
  std::atomic<uint64_t> dropped_{0};
  std::atomic<uint64_t> failed_{0};
  std::atomic<uint64_t> sent_{0};
  std::thread worker_;
};

}  // namespace posture::telemetry
