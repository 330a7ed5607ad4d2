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
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace posture::collect {

class TaskPool {
 public:
  using Task = std::function<void()>;
  using Progress = std::function<void(int done, int total)>;

  explicit TaskPool(int max_threads, Progress progress = {});
  ~TaskPool();  // waits for every task, then joins the workers
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Queues `task`; it runs on a worker thread.
  void submit(Task task);
  // Blocks until the queue is empty and no task is running.
  void wait();

 private:
  void work();
  void finish_one();

  const int max_threads_;
  Progress progress_;
  std::mutex mutex_;
  std::mutex progress_mutex_;
  std::condition_variable has_work_;
  std::condition_variable all_done_;
  std::deque<Task> queue_;
  std::vector<std::thread> threads_;
  int idle_ = 0;
  int done_ = 0;
  int reported_ = 0;
  int total_ = 0;
  bool stopping_ = false;
};

}  // namespace posture::collect
