#pragma once
// Temporary files that must not outlive the run, whatever ends it: a normal
// return, an error, or SIGINT, SIGTERM, SIGHUP or SIGPIPE. Each is registered
// while it exists; the signal handler removes every registered file and
// exits with 128 + the signal number, as shells report it.
//
// The registry is a fixed set of slots holding the paths as plain bytes:
// a signal handler may neither allocate nor take a lock.
#include <cstdio>
#include <string>

#include "ftstatus/problems.h"

namespace ftstatus {

// Installs the handlers (once, at start-up; the CLI's main does it).
void remove_temporaries_on_signal();
// Removes every registered file now (async-signal-safe): for a run that is
// ending without unwinding (std::terminate).
void remove_temporaries_now();
// The reader of our standard output went away (`ftstatus classify | head`):
// remove the temporary files and exit 141, silently, as SIGPIPE would.
[[noreturn]] void exit_on_closed_pipe();

// A registered temporary file; unregistered (not removed) by release() or
// its destructor, which removes the file unless it was released.
class TemporaryPath {
 public:
  TemporaryPath() = default;
  ~TemporaryPath();
  TemporaryPath(const TemporaryPath&) = delete;
  TemporaryPath& operator=(const TemporaryPath&) = delete;
  TemporaryPath(TemporaryPath&& other) noexcept : path_(std::move(other.path_)), slot_(other.slot_) {
    other.path_.clear();
    other.slot_ = -1;
  }
  TemporaryPath& operator=(TemporaryPath&&) = delete;

  // Creates a file with a short unique name in `directory` (".ftstatus-XXXXXX",
  // short enough beside any NAME_MAX file name) and opens it for reading and
  // writing. False with errno set when it cannot be created.
  bool create_in(const std::string& directory, int& fd);
  const std::string& path() const { return path_; }
  bool empty() const { return path_.empty(); }
  // The file is someone else's now (renamed into place): forget it.
  void release();
  // Removes the file now.
  void remove();

 private:
  std::string path_;
  int slot_ = -1;
};

// The folder for a temporary file the run reads back (a copy of stdin, the
// duplicate-id check's spill): TMPDIR (or /tmp), else the output's folder
// (set_fallback_temporary_folder). The file is already unlinked: it goes
// away when closed. Fails naming both folders when neither is writable.
// `purpose` is the catalogue's variant of temporary_file_unavailable that
// says what the file was for ("stdin_workbook", "duplicate_ids").
Result open_spill_file(std::string_view purpose, std::FILE*& file);
// The same, keeping the file's name (a workbook read by name): `path` is
// registered and removed by its destructor.
Result open_named_spill_file(std::string_view purpose, TemporaryPath& path, std::FILE*& file);
// The folder a path's file is in ("." for a bare name).
std::string folder_of(const std::string& path);
// The output's folder, where spill files go when TMPDIR cannot take them.
void set_fallback_temporary_folder(const std::string& output_path);

}  // namespace ftstatus
