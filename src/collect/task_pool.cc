#include "collect/task_pool.h"

#include <algorithm>
#include <system_error>

namespace posture::collect {

TaskPool::TaskPool(int max_threads, Progress progress)
    : max_threads_(std::max(1, max_threads)), progress_(std::move(progress)) {}

TaskPool::~TaskPool() {
  wait();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  has_work_.notify_all();
  for (auto& thread : threads_) thread.join();
}

void TaskPool::submit(Task task, int lane) {
  std::lock_guard lock(mutex_);
  auto& queue = lanes_[lane];
  if (queue.empty()) turns_.push_back(lane);
  queue.push_back(std::move(task));
  ++queued_;
  ++total_;
  if (queued_ > idle_ && static_cast<int>(threads_.size()) < max_threads_) {
    try {
      threads_.emplace_back([this] { work(); });
      return;
    } catch (const std::system_error&) {
      // No new thread: the existing workers (or wait() itself) drain the queue.
    }
  }
  has_work_.notify_one();
}

void TaskPool::wait() {
  std::unique_lock lock(mutex_);
  while (done_ < total_) {
    if (threads_.empty() && queued_ > 0) {
      Task task = pop_locked();
      lock.unlock();
      try {
        task();
      } catch (...) {
      }
      finish_one();
      lock.lock();
      continue;
    }
    all_done_.wait(lock);
  }
}

void TaskPool::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    has_work_.wait(lock, [this] { return stopping_ || queued_ > 0; });
    --idle_;
    if (queued_ == 0) return;
    Task task = pop_locked();
    lock.unlock();
    try {
      task();
    } catch (...) {
    }
    finish_one();
    lock.lock();
  }
}

int TaskPool::open_lane() {
  std::lock_guard lock(mutex_);
  return next_lane_++;
}

TaskPool::Task TaskPool::pop_locked() {
  const int lane = turns_.front();
  turns_.pop_front();
  auto entry = lanes_.find(lane);
  Task task = std::move(entry->second.front());
  entry->second.pop_front();
  if (entry->second.empty()) {
    lanes_.erase(entry);
  } else {
    turns_.push_back(lane);
  }
  --queued_;
  return task;
}

void TaskPool::finish_one() {
  if (progress_) {
    // Reported before the task counts as done, so wait() never returns
    // while a progress call is still running.
    std::lock_guard progress_lock(progress_mutex_);
    int reported = 0;
    int total = 0;
    {
      std::lock_guard lock(mutex_);
      reported = ++reported_;
      total = total_;
    }
    progress_(reported, total);
  }
  std::lock_guard lock(mutex_);
  if (++done_ == total_) all_done_.notify_all();
}

}  // namespace posture::collect
