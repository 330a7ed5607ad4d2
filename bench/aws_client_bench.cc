// The AWS client layer against a local HTTP server (in a child process, so
// its CPU is not counted): requests per second and client CPU microseconds
// per signed request at 1, 16 and 128 concurrent requests, plus the cost of
// SigV4 signing alone. Run: build/bench/posture_aws_bench
#include <benchmark/benchmark.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "aws/client.h"
#include "aws/curl_transport.h"
#include "aws/sigv4.h"
#include "support/local_http_server.h"

namespace {

using namespace posture;

constexpr const char* kCallerIdentity =
    "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
    "<Arn>arn:aws:iam::123456789012:user/bench</Arn><UserId>AIDABENCH</UserId><Account>123456789012</Account>"
    "</GetCallerIdentityResult><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata>"
    "</GetCallerIdentityResponse>";

int g_port = 0;

double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

aws::Credentials BenchCredentials() {
  return {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token", std::nullopt, "bench"};
}

// `concurrency` threads each issue signed sts:GetCallerIdentity calls through
// one shared client and transport until the benchmark's time is up.
void BM_SignedCalls(benchmark::State& state) {
  const int concurrency = static_cast<int>(state.range(0));
  aws::CurlTransportOptions transport_options;
  transport_options.max_in_flight = 256;
  transport_options.max_per_host = 256;
  aws::CurlTransport transport(transport_options);
  aws::ClientOptions options;
  options.region = "us-east-1";
  options.endpoints.all = "http://127.0.0.1:" + std::to_string(g_port);
  aws::AwsClient client(transport, std::make_shared<aws::StaticCredentialProvider>(BenchCredentials()), options);

  uint64_t total = 0;
  double cpu = 0;
  for (auto _ : state) {
    constexpr int kCallsPerThread = 200;
    std::atomic<int> failures{0};
    double cpu_start = CpuSeconds();
    std::vector<std::thread> threads;
    for (int t = 0; t < concurrency; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < kCallsPerThread; ++i) {
          if (!client.call("sts", "GetCallerIdentity").ok()) ++failures;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    cpu += CpuSeconds() - cpu_start;
    total += static_cast<uint64_t>(concurrency) * kCallsPerThread;
    if (failures > 0) state.SkipWithError("calls failed");
  }
  state.counters["requests_per_second"] = benchmark::Counter(static_cast<double>(total), benchmark::Counter::kIsRate);
  state.counters["cpu_us_per_request"] = cpu * 1e6 / static_cast<double>(total);
}
BENCHMARK(BM_SignedCalls)->Arg(1)->Arg(16)->Arg(128)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_SignRequest(benchmark::State& state) {
  auto credentials = BenchCredentials();
  aws::SigningParams params;
  params.region = "us-east-1";
  params.service = "ec2";
  params.time = std::chrono::system_clock::now();
  for (auto _ : state) {
    aws::HttpRequest request;
    request.method = "POST";
    request.url = "https://ec2.us-east-1.amazonaws.com/";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    request.body = "Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=1000";
    auto result = aws::SignRequest(request, credentials, params);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_SignRequest);

}  // namespace

int main(int argc, char** argv) {
  int ready[2];
  if (pipe(ready) != 0) return 1;
  pid_t server = fork();
  if (server == 0) {
    testing::LocalHttpServer http([](const testing::ServerRequest&) {
      return testing::ServerResponse{
          200, {{"x-amzn-RequestId", "bench"}, {"Content-Type", "text/xml"}}, kCallerIdentity};
    });
    int port = http.port();
    if (write(ready[1], &port, sizeof(port)) != sizeof(port)) _exit(1);
    pause();
    _exit(0);
  }
  if (read(ready[0], &g_port, sizeof(g_port)) != sizeof(g_port)) return 1;
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  kill(server, SIGKILL);
  waitpid(server, nullptr, 0);
  return 0;
}
