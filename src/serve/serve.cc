#include "serve/serve.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "serve/duration.h"
#include "serve/http_server.h"
#include "serve/serve_observer.h"
#include "serve/serve_state.h"

namespace posture::serve {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr auto kSignalPoll = std::chrono::milliseconds(200);
constexpr auto kShutdownPoll = std::chrono::milliseconds(20);

// Runs scans until stopped; one at a time, on its own thread.
class Scheduler {
 public:
  Scheduler(const ServeOptions& options, ServeScanObserver& observer) : options_(options), observer_(observer) {
    thread_ = std::thread([this] { run(); });
  }
  ~Scheduler() {
    if (thread_.joinable()) thread_.detach();
  }

  void stop() {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  bool finished() const { return finished_; }
  void join() { thread_.join(); }

 private:
  void run() {
    for (int number = 1;; ++number) {
      auto started = std::chrono::steady_clock::now();
      const scan::Config config = observer_.config_for_next_scan(options_.config_flag);
      scan::ScanRequest request = options_.request;
      request.settings = config.settings;
      request.checks = scan::EnabledChecks(options_.candidates, options_.min_severity, config.settings);
      auto result = scan::RunScan(request, observer_);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (result.ok()) {
        std::fprintf(stderr, "posture serve: scan %d completed in %.1fs, %zu failing findings\n", number, seconds,
                     observer_.last_failing());
      } else {
        std::fprintf(stderr, "posture serve: warning: scan %d failed after %.1fs: %s\n", number, seconds,
                     result.error().message().c_str());
      }
      std::unique_lock lock(mutex_);
      if (wake_.wait_until(lock, started + options_.interval, [&] { return stopping_; })) break;
    }
    finished_ = true;
  }

  const ServeOptions& options_;
  ServeScanObserver& observer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<bool> finished_{false};
  std::thread thread_;
};

}  // namespace

int Serve(const ServeOptions& options) {
  // Blocked before any thread starts, so every thread inherits the mask
  // and only the sigtimedwait below receives these signals.
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto& metrics = telemetry::DefaultMetrics();
  ServeState state(metrics.registry);
  auto server = HttpServer::Start(options.address, [&state](const Request& request) { return state.handle(request); });
  if (!server.ok()) {
    std::cerr << "posture serve: " << server.error().message() << "\n";
    return kExitFailed;
  }
  std::string host = options.address.host.empty() ? "0.0.0.0" : options.address.host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::fprintf(stderr, "posture serve: listening on http://%s:%d, scanning every %s\n", host.c_str(), (*server)->port(),
               FormatDuration(options.interval).c_str());

  ServeScanObserver observer(state, metrics, options.config);
  Scheduler scheduler(options, observer);
  timespec poll{0, std::chrono::duration_cast<std::chrono::nanoseconds>(kSignalPoll).count()};
  while (!scheduler.finished()) {
    int signal = sigtimedwait(&signals, nullptr, &poll);
    if (signal == SIGHUP) {
      std::fprintf(stderr, "posture serve: SIGHUP: the config is re-read for the next scan\n");
      observer.request_reload();
    } else if (signal == SIGTERM || signal == SIGINT) {
      std::fprintf(stderr, "posture serve: %s: shutting down\n", signal == SIGTERM ? "SIGTERM" : "SIGINT");
      break;
    }
  }

  (*server)->stop();
  scheduler.stop();
  auto deadline = std::chrono::steady_clock::now() + options.shutdown_timeout;
  while (!scheduler.finished() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kShutdownPoll);
  }
  if (!scheduler.finished()) {
    // The scan's threads still run: leave without destructors touching them.
    std::fprintf(stderr, "posture serve: warning: the running scan did not finish within %s; abandoned\n",
                 FormatDuration(options.shutdown_timeout).c_str());
    std::fflush(stderr);
    std::fflush(stdout);
    std::_Exit(kExitOk);
  }
  scheduler.join();
  return kExitOk;
}

}  // namespace posture::serve
