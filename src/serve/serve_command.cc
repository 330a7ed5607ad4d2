#include "serve/serve_command.h"

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

#include "cli/scan_command.h"
#include "serve/duration.h"
#include "serve/http_server.h"
#include "serve/serve_observer.h"
#include "serve/serve_state.h"

namespace posture::serve {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr auto kMinInterval = std::chrono::seconds(1);
constexpr auto kSignalPoll = std::chrono::milliseconds(200);
constexpr auto kShutdownPoll = std::chrono::milliseconds(20);

constexpr const char* kUsage =
    "usage: posture serve [--listen HOST:PORT] [--interval DURATION] [--shutdown-timeout DURATION] [scan flags]\n"
    "\n"
    "Scans on a schedule and serves the results: /metrics (Prometheus), /healthz, /readyz and\n"
    "/api/findings (the latest report as JSON). The first scan starts at once; the next starts\n"
    "--interval after the previous one started (or when it ends, if it took longer).\n"
    "SIGHUP re-reads the config file for the next scan; SIGTERM/SIGINT stop serving, wait up to\n"
    "--shutdown-timeout for a running scan and exit 0. Scan flags are those of `posture scan`\n"
    "(see posture scan --help) except --metrics-file and --pushgateway.\n"
    "\n"
    "flags:\n"
    "  --listen HOST:PORT          address to serve on (127.0.0.1:9464)\n"
    "  --interval DURATION         time between scan starts: 30s, 15m, 1h (15m)\n"
    "  --shutdown-timeout DURATION longest wait for a running scan on SIGTERM (10s)\n";

struct ServeFlags {
  std::string listen = "127.0.0.1:9464";
  std::string interval = "15m";
  std::string shutdown_timeout = "10s";
  bool help = false;
  std::vector<std::string> scan_args;
};

// Takes serve's own flags out of argv; everything else is for the scan.
bool SplitFlags(const std::vector<std::string>& argv, ServeFlags& flags) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    std::string name = arg.substr(0, arg.find('='));
    std::string* target = name == "--listen"             ? &flags.listen
                          : name == "--interval"         ? &flags.interval
                          : name == "--shutdown-timeout" ? &flags.shutdown_timeout
                                                         : nullptr;
    if (arg == "--") {
      flags.scan_args.insert(flags.scan_args.end(), argv.begin() + static_cast<long>(i), argv.end());
      break;
    }
    if (arg == "--help" || arg == "-h") {
      flags.help = true;
    } else if (name == "--metrics-file" || name == "--pushgateway") {
      std::cerr << "posture serve: " << name << " is for `posture scan`; serve exposes /metrics instead\n";
      return false;
    } else if (!target) {
      flags.scan_args.push_back(arg);
    } else if (name.size() < arg.size()) {
      *target = arg.substr(name.size() + 1);
    } else if (i + 1 < argv.size()) {
      *target = argv[++i];
    } else {
      std::cerr << "posture serve: flag " << name << " needs a value\n";
      return false;
    }
  }
  return true;
}

// Runs scans until stopped; one at a time, on its own thread.
class Scheduler {
 public:
  Scheduler(std::vector<std::string> scan_args, std::chrono::milliseconds interval, ServeScanObserver& observer)
      : scan_args_(std::move(scan_args)), interval_(interval), observer_(observer) {
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
  bool usage_error() const { return usage_error_; }
  void join() { thread_.join(); }

 private:
  void run() {
    for (int scan = 1;; ++scan) {
      auto started = std::chrono::steady_clock::now();
      int code = cli::RunScanCommand(scan_args_, &observer_);
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (code == kExitUsage) {
        usage_error_ = true;
        break;
      }
      if (observer_.last_succeeded()) {
        std::fprintf(stderr, "posture serve: scan %d completed in %.1fs, %zu failing findings\n", scan, seconds,
                     observer_.last_failing());
      } else {
        std::fprintf(stderr, "posture serve: warning: scan %d failed after %.1fs\n", scan, seconds);
      }
      std::unique_lock lock(mutex_);
      if (wake_.wait_until(lock, started + interval_, [&] { return stopping_; })) break;
    }
    finished_ = true;
  }

  std::vector<std::string> scan_args_;
  std::chrono::milliseconds interval_;
  ServeScanObserver& observer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<bool> finished_{false};
  std::atomic<bool> usage_error_{false};
  std::thread thread_;
};

}  // namespace

int RunServeCommand(const std::vector<std::string>& argv) {
  ServeFlags flags;
  if (!SplitFlags(argv, flags)) return kExitUsage;
  if (flags.help) {
    std::cout << kUsage;
    return kExitOk;
  }
  auto address = ParseListenAddress(flags.listen);
  if (!address.ok()) {
    std::cerr << "posture serve: " << address.error().message() << "\n";
    return kExitUsage;
  }
  auto interval = ParseDuration(flags.interval);
  if (!interval.ok() || *interval < kMinInterval) {
    std::cerr << "posture serve: --interval " << (interval.ok() ? "must be at least 1s" : interval.error().message())
              << "\n";
    return kExitUsage;
  }
  auto shutdown_timeout = ParseDuration(flags.shutdown_timeout);
  if (!shutdown_timeout.ok()) {
    std::cerr << "posture serve: --shutdown-timeout " << shutdown_timeout.error().message() << "\n";
    return kExitUsage;
  }

  // Blocked before any thread starts, so every thread inherits the mask
  // and only the sigtimedwait below receives these signals.
  sigset_t signals;
  sigemptyset(&signals);
  for (int signal : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&signals, signal);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto& metrics = telemetry::DefaultMetrics();
  ServeState state(metrics.registry);
  auto server = HttpServer::Start(*address, [&state](const Request& request) { return state.handle(request); });
  if (!server.ok()) {
    std::cerr << "posture serve: " << server.error().message() << "\n";
    return kExitFailed;
  }
  std::string host = address->host.empty() ? "0.0.0.0" : address->host;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::fprintf(stderr, "posture serve: listening on http://%s:%d, scanning every %s\n", host.c_str(), (*server)->port(),
               FormatDuration(*interval).c_str());

  ServeScanObserver observer(state, metrics);
  Scheduler scheduler(flags.scan_args, *interval, observer);
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
  auto deadline = std::chrono::steady_clock::now() + *shutdown_timeout;
  while (!scheduler.finished() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kShutdownPoll);
  }
  if (!scheduler.finished()) {
    // The scan's threads still run: leave without destructors touching them.
    std::fprintf(stderr, "posture serve: warning: the running scan did not finish within %s; abandoned\n",
                 FormatDuration(*shutdown_timeout).c_str());
    std::fflush(stderr);
    std::fflush(stdout);
    std::_Exit(kExitOk);
  }
  scheduler.join();
  return scheduler.usage_error() ? kExitUsage : kExitOk;
}

}  // namespace posture::serve
