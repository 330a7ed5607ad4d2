#include "aws/credentials/process_provider.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "aws/credentials/provider_support.h"

extern char** environ;

namespace posture::aws {
namespace {

constexpr size_t kMaxOutputBytes = 1 << 20;
constexpr auto kWaitPollInterval = std::chrono::milliseconds(5);

using SteadyTime = std::chrono::steady_clock::time_point;

struct Outcome {
  std::string output;
  int status = 0;
  bool timed_out = false;
  bool too_large = false;
};

class Pipe {
 public:
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
  bool open() { return pipe2(fds_, O_CLOEXEC) == 0; }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_end(int which) {
    if (fds_[which] >= 0) ::close(fds_[which]);
    fds_[which] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

int RemainingMillis(SteadyTime deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Reads until EOF, the deadline or the size limit; false when it stopped early.
bool ReadAll(int fd, SteadyTime deadline, Outcome& outcome) {
  char buffer[4096];
  for (;;) {
    pollfd waiting{fd, POLLIN, 0};
    int ready = poll(&waiting, 1, RemainingMillis(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      outcome.timed_out = true;
      return false;
    }
    ssize_t got = ::read(fd, buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return true;
    outcome.output.append(buffer, static_cast<size_t>(got));
    if (outcome.output.size() > kMaxOutputBytes) {
      outcome.too_large = true;
      return false;
    }
  }
}

// Waits for the child until the deadline; kills it when it is late or `kill_now`.
void Reap(pid_t pid, SteadyTime deadline, bool kill_now, Outcome& outcome) {
  if (!kill_now) {
    for (;;) {
      pid_t done = waitpid(pid, &outcome.status, WNOHANG);
      if (done == pid) return;
      if (done < 0 && errno != EINTR) return;
      if (std::chrono::steady_clock::now() >= deadline) {
        outcome.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(kWaitPollInterval);
    }
  }
  kill(pid, SIGKILL);
  while (waitpid(pid, &outcome.status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

base::Result<std::vector<std::string>> SplitCommandLine(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\') {
      if (++i >= command.size()) return base::Error::InvalidInput("the command line ends with a backslash");
      word += command[i];
    } else if (c == '\'') {
      size_t end = command.find('\'', i + 1);
      if (end == std::string_view::npos)
        return base::Error::InvalidInput("the command line has an unterminated ' quote");
      word.append(command.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '"') {
      for (++i;; ++i) {
        if (i >= command.size()) return base::Error::InvalidInput("the command line has an unterminated \" quote");
        char q = command[i];
        if (q == '"') break;
        if (q == '\\' && i + 1 < command.size() &&
            (command[i + 1] == '"' || command[i + 1] == '\\' || command[i + 1] == '$' || command[i + 1] == '`')) {
          q = command[++i];
        }
        word += q;
      }
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

ProcessProvider::ProcessProvider(std::string command, std::string profile, std::chrono::milliseconds timeout)
    : command_(std::move(command)), profile_(std::move(profile)), timeout_(timeout) {}

base::Result<Credentials> ProcessProvider::fetch() {
  std::string context = "credential_process of profile " + profile_;
  auto words = SplitCommandLine(command_);
  if (!words.ok()) return base::Error::Credentials(context + ": " + words.error().message());
  if (words->empty()) return base::Error::Credentials(context + ": the command is empty");

  std::vector<char*> argv;
  for (auto& word : *words) argv.push_back(word.data());
  argv.push_back(nullptr);

  Pipe out;
  if (!out.open()) return base::Error::Credentials(context + ": cannot create a pipe: " + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
  pid_t pid = 0;
  int spawn_error = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  out.close_end(1);
  if (spawn_error != 0) {
    return base::Error::Credentials(context + ": cannot run '" + (*words)[0] + "': " + std::strerror(spawn_error));
  }

  auto deadline = std::chrono::steady_clock::now() + timeout_;
  Outcome outcome;
  bool complete = ReadAll(out.read_end(), deadline, outcome);
  out.close_end(0);
  Reap(pid, deadline, !complete, outcome);

  if (outcome.too_large) return base::Error::Credentials(context + ": the command printed more than 1 MiB");
  if (outcome.timed_out) {
    return base::Error::Credentials(context + ": the command did not finish within " +
                                    std::to_string(timeout_.count()) + " ms and was killed");
  }
  if (WIFSIGNALED(outcome.status)) {
    return base::Error::Credentials(context + ": the command was killed by signal " +
                                    std::to_string(WTERMSIG(outcome.status)));
  }
  if (!WIFEXITED(outcome.status) || WEXITSTATUS(outcome.status) != 0) {
    return base::Error::Credentials(context + ": the command exited with status " +
                                    std::to_string(WEXITSTATUS(outcome.status)) + " (its stderr, if any, is above)");
  }
  auto document = ParseJsonQuietly(outcome.output);
  if (!document || !document->is_object()) {
    return base::Error::Credentials(context + ": the command's output is not a JSON object");
  }
  auto version = document->find("Version");
  if (version == document->end() || !version->is_number_integer() || version->get<int64_t>() != 1) {
    return base::Error::Credentials(context + ": the command's output must have \"Version\": 1");
  }
  CredentialFields fields;
  fields.session_token = "SessionToken";
  auto credentials = CredentialsFromJson(*document, fields, context);
  if (!credentials.ok()) return credentials;
  credentials->source = name();
  return credentials;
}

}  // namespace posture::aws
