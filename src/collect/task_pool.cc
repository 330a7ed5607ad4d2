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

void TaskPool::submit(Task task) {
  std::lock_guard lock(mutex_);
  queue_.push_back(std::move(task));
  ++total_;
  if (static_cast<int>(queue_.size()) > idle_ && static_cast<int>(threads_.size()) < max_threads_) {
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
    if (threads_.empty() && !queue_.empty()) {
      Task task = std::move(queue_.front());
      queue_.pop_front();
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
    has_work_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;
    Task task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    try {
      task();
    } catch (...) {
    }
    finish_one();
    lock.lock();
  }
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
