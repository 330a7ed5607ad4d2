#include "aws/curl_transport.h"

#include <curl/curl.h>

#include <atomic>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "aws/url.h"

namespace posture::aws {
namespace {

struct Transfer {
  HttpRequest request;
  HttpTransport::Callback done;
  HttpResponse response;
  curl_slist* headers = nullptr;
  std::string host;  // for messages: never the full URL (presigned URLs carry signatures)
  char error_buffer[CURL_ERROR_SIZE] = {};
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  transfer->response.body.append(data, size * count);
  return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    transfer->response.headers.clear();  // a new response (after 100-continue or a redirect)
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  transfer->response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  return size * count;
}

std::string EnvOr(const char* upper, const char* lower) {
  if (const char* v = std::getenv(lower); v && *v) return v;
  if (const char* v = std::getenv(upper); v && *v) return v;
  return {};
}

base::Error TransferError(CURLcode code, const Transfer& transfer) {
  std::string where = " (" + transfer.host + ")";
  std::string detail = transfer.error_buffer[0] ? transfer.error_buffer : curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return base::Error::Network("could not resolve host" + where + ": " + detail).with_code("DnsFailure");
    case CURLE_COULDNT_CONNECT:
      return base::Error::Network("could not connect" + where + ": " + detail).with_code("ConnectFailure");
    case CURLE_OPERATION_TIMEDOUT:
      return base::Error::Network("request timed out" + where + ": " + detail).with_code("Timeout");
    case CURLE_PARTIAL_FILE:
      return base::Error::Network("response body truncated" + where + ": " + detail).with_code("TruncatedBody");
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      return base::Error::Network("connection reset" + where + ": " + detail).with_code("ConnectionReset");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return base::Error::Network("TLS verification failed" + where + ": " + detail +
                                  " (set AWS_CA_BUNDLE to your CA file if a proxy re-signs TLS)")
          .with_code("TlsVerificationFailed");
    default:
      return base::Error::Network("HTTP transfer failed" + where + ": " + detail).with_code("NetworkError");
  }
}

}  // namespace

struct CurlTransport::Impl {
  explicit Impl(CurlTransportOptions opts) : options(std::move(opts)) {
    static std::once_flag global_init;
    std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    multi = curl_multi_init();
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options.max_per_host));
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(options.max_in_flight));
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options.max_in_flight));
    share = curl_share_init();
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    https_proxy = EnvOr("HTTPS_PROXY", "https_proxy");
    http_proxy = EnvOr("HTTP_PROXY", "http_proxy");
    all_proxy = EnvOr("ALL_PROXY", "all_proxy");
    no_proxy = EnvOr("NO_PROXY", "no_proxy");
    loop = std::thread([this] { run(); });
  }

  ~Impl() {
    stopping = true;
    curl_multi_wakeup(multi);
    loop.join();
    curl_multi_cleanup(multi);
    curl_share_cleanup(share);
  }

  void submit(HttpRequest request, Callback done) {
    auto transfer = std::make_unique<Transfer>();
    transfer->request = std::move(request);
    transfer->done = std::move(done);
    {
      std::lock_guard lock(mutex);
      queue.push_back(std::move(transfer));
    }
    curl_multi_wakeup(multi);
  }

  void start(std::unique_ptr<Transfer> transfer) {
    auto url = ParseUrl(transfer->request.url);
    if (!url.ok()) {
      transfer->done(url.error());
      return;
    }
    transfer->host = url->authority();
    CURL* easy = curl_easy_init();
    const HttpRequest& req = transfer->request;
    curl_easy_setopt(easy, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(easy, CURLOPT_SHARE, share);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error_buffer);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    auto total = req.timeout.count() > 0 ? req.timeout : options.request_timeout;
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME,
                     static_cast<long>(std::max<int64_t>(1, options.read_timeout.count() / 1000)));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L);
    if (!options.ca_bundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.ca_bundle.c_str());
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
    const std::string& proxy = url->scheme == "https" ? (https_proxy.empty() ? all_proxy : https_proxy)
                                                      : (http_proxy.empty() ? all_proxy : http_proxy);
    curl_easy_setopt(easy, CURLOPT_PROXY, proxy.c_str());
    if (!no_proxy.empty()) curl_easy_setopt(easy, CURLOPT_NOPROXY, no_proxy.c_str());

    if (req.method == "GET") {
      curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    } else if (req.method == "HEAD") {
      curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else {
      curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, req.method.c_str());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    }
    bool has_content_type = false;
    for (const auto& [name, value] : req.headers) {
      std::string line = value.empty() ? name + ";" : name + ": " + value;
      transfer->headers = curl_slist_append(transfer->headers, line.c_str());
      has_content_type |= HeaderNameEquals(name, "content-type");
    }
    // curl would otherwise add headers the request was not signed with.
    transfer->headers = curl_slist_append(transfer->headers, "Expect:");
    if (!has_content_type) transfer->headers = curl_slist_append(transfer->headers, "Content-Type:");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);

    curl_multi_add_handle(multi, easy);
    transfer.release();
    active.insert(easy);
  }

  void finish(CURL* easy, CURLcode code) {
    Transfer* raw = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char**>(&raw));
    std::unique_ptr<Transfer> transfer(raw);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_multi_remove_handle(multi, easy);
    curl_easy_cleanup(easy);
    curl_slist_free_all(transfer->headers);
    active.erase(easy);
    if (code != CURLE_OK) {
      transfer->done(TransferError(code, *transfer));
      return;
    }
    transfer->response.status = static_cast<int>(status);
    transfer->done(std::move(transfer->response));
  }

  void run() {
    while (!stopping) {
      std::deque<std::unique_ptr<Transfer>> ready;
      {
        std::lock_guard lock(mutex);
        while (!queue.empty() && static_cast<int>(active.size() + ready.size()) < options.max_in_flight) {
          ready.push_back(std::move(queue.front()));
          queue.pop_front();
        }
      }
      for (auto& transfer : ready) start(std::move(transfer));
      int still_running = 0;
      curl_multi_perform(multi, &still_running);
      int pending = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi, &pending)) {
        if (msg->msg == CURLMSG_DONE) finish(msg->easy_handle, msg->data.result);
      }
      curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
    cancel_all();
  }

  void cancel_all() {
    // Pending and running transfers end with an error so no caller waits forever.
    std::deque<std::unique_ptr<Transfer>> pending;
    {
      std::lock_guard lock(mutex);
      pending.swap(queue);
    }
    for (auto& transfer : pending) transfer->done(base::Error::Network("transport shut down"));
    for (CURL* easy : active) {
      Transfer* raw = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char**>(&raw));
      std::unique_ptr<Transfer> transfer(raw);
      curl_multi_remove_handle(multi, easy);
      curl_easy_cleanup(easy);
      curl_slist_free_all(transfer->headers);
      transfer->done(base::Error::Network("transport shut down"));
    }
    active.clear();
  }

  CurlTransportOptions options;
  CURLM* multi = nullptr;
  CURLSH* share = nullptr;
  std::string https_proxy, http_proxy, all_proxy, no_proxy;
  std::mutex mutex;
  std::deque<std::unique_ptr<Transfer>> queue;
  std::unordered_set<CURL*> active;  // loop thread only
  std::atomic<bool> stopping{false};
  std::thread loop;
};

CurlTransport::CurlTransport(CurlTransportOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

CurlTransport::~CurlTransport() = default;

void CurlTransport::send(HttpRequest request, Callback done) { impl_->submit(std::move(request), std::move(done)); }

}  // namespace posture::aws
