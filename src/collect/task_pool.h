// TaskPool: a bounded set of worker threads draining one FIFO of tasks.
//
// Workers start on demand, up to `max_threads`, only while queued tasks
// outnumber idle workers, so a small scan starts few threads. Tasks may
// submit further tasks (a call whose input depends on an earlier answer);
// wait() returns once every task, including those, has finished. A task
// that throws is counted as done and the exception is dropped: collectors
// turn their own failures into values before that. Thread-safe: submit()
// from any thread; wait() from one thread; the progress callback runs on
// worker threads, one call at a time.
//
// Lanes make the pool fair between independent jobs sharing it (the
// accounts of an organization scan): each lane has its own FIFO and workers
// take from the lanes with queued work in turn, so a job that queued a
// thousand tasks delays another job's next task by at most one task per
// lane, not by the whole backlog.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "telemetry/trace_context.h"

namespace posture::collect {

class TaskPool {
 public:
  using Task = std::function<void()>;
  using Progress = std::function<void(int done, int total)>;

  explicit TaskPool(int max_threads, Progress progress = {});
  ~TaskPool();  // waits for every task, then joins the workers
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Queues `task` in `lane`; it runs on a worker thread.
  void submit(Task task, int lane = 0);
  // A lane no task uses yet.
  int open_lane();
  // Blocks until the queue is empty and no task is running.
  void wait();

 private:
  void work();
  void finish_one();
  Task pop_locked();  // the next lane's oldest task; requires queued_ > 0

  const int max_threads_;
  Progress progress_;
  std::mutex mutex_;
  std::mutex progress_mutex_;
  std::condition_variable has_work_;
  std::condition_variable all_done_;
  std::map<int, std::deque<Task>> lanes_;  // queued tasks by lane; no empty entries
  std::deque<int> turns_;                  // lanes with queued tasks, next to serve first
  int queued_ = 0;
  int next_lane_ = 1;
  std::vector<std::thread> threads_;
  int idle_ = 0;
  int done_ = 0;
  int reported_ = 0;
  int total_ = 0;
  bool stopping_ = false;
};

// A lane of a pool: what a job (one account's collection) submits through.
// Implicitly made from a pool for its default lane.
class TaskLane {
 public:
  TaskLane(TaskPool& pool, int lane = 0) : pool_(&pool), lane_(lane) {}  // NOLINT(google-explicit-constructor)
  // The task runs in the submitting thread's telemetry scope (span, account).
  void submit(TaskPool::Task task) { pool_->submit(telemetry::Propagate(std::move(task)), lane_); }

 private:
  TaskPool* pool_;
  int lane_;
};

}  // namespace posture::collect
