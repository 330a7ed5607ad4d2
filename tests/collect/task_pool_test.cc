// TaskPool: nested submission, bounded threads, exceptions, progress.
#include "collect/task_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace posture::collect {
namespace {

TEST(TaskPoolTest, WaitCoversTasksSubmittedByTasks) {
  std::atomic<int> ran{0};
  TaskPool pool(4);
  for (int i = 0; i < 10; ++i) {
    pool.submit([&] {
      ++ran;
      pool.submit([&] {
        ++ran;
        pool.submit([&] { ++ran; });
      });
    });
  }
  pool.wait();
  EXPECT_EQ(ran.load(), 30);
}

TEST(TaskPoolTest, AThrowingTaskCountsAsDone) {
  std::atomic<int> ran{0};
  int last_done = 0;
  int last_total = 0;
  TaskPool pool(2, [&](int done, int total) {
    last_done = done;
    last_total = total;
  });
  pool.submit([] { throw std::runtime_error("boom"); });
  pool.submit([&] { ++ran; });
  pool.wait();
  EXPECT_EQ(ran.load(), 1);
  EXPECT_EQ(last_done, 2);
  EXPECT_EQ(last_total, 2);
}

TEST(TaskPoolTest, NeverRunsMoreThanItsThreadsAtOnce) {
  std::atomic<int> running{0};
  std::atomic<int> peak{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
  {
    TaskPool pool(3);
    for (int i = 0; i < 12; ++i) {
      pool.submit([&] {
        int now = ++running;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        {
          std::lock_guard lock(mutex);
          threads.insert(std::this_thread::get_id());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        --running;
      });
    }
  }  // the destructor waits
  EXPECT_LE(peak.load(), 3);
  EXPECT_GE(peak.load(), 2);
  EXPECT_LE(threads.size(), 3u);
}

TEST(TaskPoolTest, WaitWithNothingSubmittedReturns) {
  TaskPool pool(8);
  pool.wait();
  SUCCEED();
}

}  // namespace
}  // namespace posture::collect
