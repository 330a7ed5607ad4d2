// TaskPool: nested submission, bounded threads, exceptions, progress.
#include "collect/task_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

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

TEST(TaskPoolTest, LanesTakeTurns) {
  TaskPool pool(1);
  const int busy = pool.open_lane();
  const int quiet = pool.open_lane();
  ASSERT_NE(busy, quiet);
  std::mutex mutex;
  std::vector<std::string> order;
  std::atomic<bool> release{false};
  auto record = [&](std::string name) {
    return [&, name] {
      std::lock_guard lock(mutex);
      order.push_back(name);
    };
  };
  // The only worker is held until every task is queued.
  pool.submit([&] {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  for (int i = 1; i <= 4; ++i) pool.submit(record("busy" + std::to_string(i)), busy);
  for (int i = 1; i <= 2; ++i) pool.submit(record("quiet" + std::to_string(i)), quiet);
  release = true;
  pool.wait();
  EXPECT_EQ(order, (std::vector<std::string>{"busy1", "quiet1", "busy2", "quiet2", "busy3", "busy4"}));
}

TEST(TaskPoolTest, WaitWithNothingSubmittedReturns) {
  TaskPool pool(8);
  pool.wait();
  SUCCEED();
}

}  // namespace
}  // namespace posture::collect
