#include "io/temporary_files.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace ftstatus {

namespace {

// A slot is free (0), being filled (1) or holds a path to remove (2).
struct Slot {
  std::atomic<int> state{0};
  char path[PATH_MAX] = {};  // initialized, so g_slots is zeroed memory rather than 16 pages touched at start-up
};
constexpr int kSlots = 16;
Slot g_slots[kSlots];

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

std::string g_fallback_folder;  // the output's folder; never read by the signal handler

void remove_registered() {
  for (Slot& slot : g_slots)
    if (slot.state.load(std::memory_order_acquire) == 2) ::unlink(slot.path);
}

extern "C" void on_cleanup_signal(int signal_number) {
  remove_registered();
  _exit(128 + signal_number);
}

int register_path(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2, std::memory_order_release);
    return i;
  }
  return -1;  // more temporary files than slots: still removed by their owners, not on a signal
}

// Signals blocked while a file is created and registered, so that no signal
// falls between the two.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kCleanupSignals) sigaddset(&set, s);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~SignalsBlocked() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

std::string tmpdir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

Error spill_error(std::string_view purpose, const std::string& tried, int error_number) {
  return Error{Problem(std::string("temporary_file_unavailable/").append(purpose),
                       {{"folders", tried}, {"reason", system_error_field(error_number)}}),
               "", 0, 0};
}

// Tries TMPDIR, then the output's folder; `tried` names the folders tried.
template <class Create>
bool create_in_spill_folders(Create&& create, std::string& tried, int& error_number) {
  for (const std::string& folder : {tmpdir(), g_fallback_folder}) {
    if (folder.empty()) continue;
    if (create(folder)) return true;
    error_number = errno;
    tried += (tried.empty() ? "" : ", ") + folder;
  }
  return false;
}

}  // namespace

void remove_temporaries_on_signal() {
  for (int s : kCleanupSignals) {
    struct sigaction current {};
    sigaction(s, nullptr, &current);
    // A signal ignored by whoever started us (nohup, a parent ignoring SIGPIPE) stays ignored.
    if (current.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = on_cleanup_signal;
    sigemptyset(&action.sa_mask);
    for (int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    sigaction(s, &action, nullptr);
  }
}

void remove_temporaries_now() { remove_registered(); }

void exit_on_closed_pipe() {
  remove_registered();
  _exit(128 + SIGPIPE);
}

TemporaryPath::~TemporaryPath() { remove(); }

bool TemporaryPath::create_in(const std::string& directory, int& fd) {
  remove();
  std::string name = (directory.empty() ? std::string(".") : directory) + "/.ftstatus-XXXXXX";
  SignalsBlocked blocked;
  fd = mkstemp(name.data());
  if (fd < 0) return false;
  path_ = std::move(name);
  slot_ = register_path(path_);
  return true;
}

void TemporaryPath::release() {
  if (slot_ >= 0) g_slots[slot_].state.store(0, std::memory_order_release);
  slot_ = -1;
  path_.clear();
}

void TemporaryPath::remove() {
  if (path_.empty()) return;
  const std::string path = path_;
  release();
  ::unlink(path.c_str());
}

Result open_spill_file(std::string_view purpose, std::FILE*& file) {
  std::string tried;
  int error_number = 0;
  int fd = -1;
  auto create = [&](const std::string& folder) {
    std::string name = folder + "/.ftstatus-XXXXXX";
    fd = mkstemp(name.data());
    if (fd < 0) return false;
    ::unlink(name.c_str());  // gone when closed, whatever ends the run
    return true;
  };
  if (!create_in_spill_folders(create, tried, error_number)) return spill_error(purpose, tried, error_number);
  file = fdopen(fd, "w+b");
  if (file == nullptr) {
    ::close(fd);
    return spill_error(purpose, tried, errno);
  }
  return {};
}

Result open_named_spill_file(std::string_view purpose, TemporaryPath& path, std::FILE*& file) {
  std::string tried;
  int error_number = 0;
  int fd = -1;
  auto create = [&](const std::string& folder) { return path.create_in(folder, fd); };
  if (!create_in_spill_folders(create, tried, error_number)) return spill_error(purpose, tried, error_number);
  file = fdopen(fd, "w+b");
  if (file == nullptr) {
    ::close(fd);
    path.remove();
    return spill_error(purpose, tried, errno);
  }
  return {};
}

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

void set_fallback_temporary_folder(const std::string& output_path) {
  g_fallback_folder = output_path.empty() || output_path == "-" ? std::string() : folder_of(output_path);
}

}  // namespace ftstatus
