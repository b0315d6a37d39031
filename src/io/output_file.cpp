#include "io/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace ftstatus {

namespace {

Error file_error(std::string_view code, const std::string& file, int error_number) {
  return Error{Problem(code, {{"reason", system_error_field(error_number)}}), file, 0, 0};
}

bool is_std_stream(const std::string& path) { return path.empty() || path == "-"; }

}  // namespace

Result output_write_error(const std::string& name, int error_number) {
  if (error_number == EPIPE) exit_on_closed_pipe();
  return file_error("output_write_failed", name, error_number);
}

bool same_file(const std::string& a, const std::string& b) {
  if (is_std_stream(a) || is_std_stream(b)) return false;
  struct stat sa {
  }, sb{};
  const bool a_exists = stat(a.c_str(), &sa) == 0;
  const bool b_exists = stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return S_ISREG(sa.st_mode) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists || b_exists) return false;
  // Neither exists yet: the same path once made absolute, `.`, `..` and links resolved.
  std::error_code ec_a, ec_b;
  const auto ca = std::filesystem::weakly_canonical(std::filesystem::absolute(a, ec_a), ec_a);
  const auto cb = std::filesystem::weakly_canonical(std::filesystem::absolute(b, ec_b), ec_b);
  return !ec_a && !ec_b ? ca == cb : a == b;
}

OutputFile::~OutputFile() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
}

std::string OutputFile::name() const { return is_std_stream(path_) ? "<stdout>" : path_; }

Result OutputFile::write_failed(int error_number) const { return output_write_error(name(), error_number); }

Result OutputFile::open(const std::string& input) {
  if (is_std_stream(path_)) {
    file_ = stdout;
    return {};
  }
  struct stat existing {};
  const bool exists = stat(path_.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    // A device or pipe cannot be replaced: write to it.
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) return file_error("output_cannot_open", path_, errno);
    return {};
  }
  int fd = -1;
  if (!temp_.create_in(folder_of(path_), fd)) {
    const int saved = errno;
    // A folder that takes no new file, holding a file we may write: write it in place (not atomic, and said so).
    const bool folder_refuses = saved == EACCES || saved == EPERM || saved == EROFS;
    if (!exists || !folder_refuses || access(path_.c_str(), W_OK) != 0)
      return Error{Problem("output_cannot_create_temporary",
                           {{"folder", folder_of(path_)}, {"reason", system_error_field(saved)}}),
                   path_, 0, 0};
    if (!input.empty() && same_file(input, path_))
      return Error{Problem("output_in_place_is_input", {{"folder", folder_of(path_)}}), path_, 0, 0};
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) return file_error("output_cannot_open", path_, errno);
    in_place_ = true;
    return {};
  }
  replaces_ = exists;
  if (exists) {
    // The replacement is the same file to its users: same permissions, owner and group.
    fchmod(fd, existing.st_mode & 07777);
    if (existing.st_uid != geteuid() || existing.st_gid != getegid()) {
      // Only root may give a file away; anyone may keep a group they belong to.
      if (fchown(fd, existing.st_uid, existing.st_gid) != 0) (void)!fchown(fd, static_cast<uid_t>(-1), existing.st_gid);
      fchmod(fd, existing.st_mode & 07777);  // fchown clears set-id bits
    }
  } else {
    // mkstemp creates 0600; give the file the mode a plain create would.
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
  }
  file_ = fdopen(fd, "wb");
  if (file_ == nullptr) {
    const int saved = errno;
    ::close(fd);
    return file_error("output_cannot_open", path_, saved);
  }
  return {};
}

std::string OutputFile::hand_over_path() {
  if (file_ == stdout) return {};
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  handed_over_ = true;
  return temp_.empty() ? path_ : temp_.path();
}

void OutputFile::start_writeback() {
  // Every 8 MiB: a smaller step costs a call per chunk, a larger one leaves more for the rename.
  constexpr off_t kStep = off_t{8} << 20;
  if (!replaces_ || file_ == nullptr || temp_.empty() || std::fflush(file_) != 0) return;  // errors show at finish()
  const int fd = fileno(file_);
  const off_t written = lseek(fd, 0, SEEK_CUR);
  if (written < written_back_ + kStep) return;
  // Asynchronous: the call queues the pages for writing and returns. A failure only leaves them to the rename.
  (void)sync_file_range(fd, written_back_, written - written_back_, SYNC_FILE_RANGE_WRITE);
  written_back_ = written;
}

Result OutputFile::finish() {
  if (file_ == nullptr) return {};  // written by name (a workbook), or finished already
  if (file_ == stdout) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return write_failed(errno);
    return {};
  }
  std::FILE* file = file_;
  file_ = nullptr;
  int error_number = 0;
  if (std::fflush(file) != 0 || std::ferror(file)) error_number = errno != 0 ? errno : EIO;
  // No fsync, as sort -o and sed -i: it cost more than a whole 50-row run, and
  // the file systems Debian installs flush a file renamed over another before
  // the rename itself (ext4's auto_da_alloc), so a crash leaves the old file or the new one.
  if (std::fclose(file) != 0 && error_number == 0) error_number = errno;
  if (error_number != 0) {
    temp_.remove();
    return write_failed(error_number);
  }
  return {};
}

Result OutputFile::publish() {
  if (temp_.empty()) return {};
  if (std::rename(temp_.path().c_str(), path_.c_str()) != 0) {
    const int saved = errno;
    temp_.remove();
    return write_failed(saved);
  }
  temp_.release();
  return {};
}

InputFile::~InputFile() {
  if (file != nullptr && file != stdin) std::fclose(file);
}

Result peek_input(InputFile& input, std::string& head) {
  head.assign(8, '\0');
  if (input.file != stdin && std::fseek(input.file, 0, SEEK_SET) == 0) {
    head.resize(std::fread(head.data(), 1, head.size(), input.file));
    if (std::fseek(input.file, 0, SEEK_SET) != 0) return file_error("input_read_error", input.name, errno);
    input.path = input.name;
    return {};
  }
  const int first = std::getc(input.file);
  if (first == EOF) {
    head.clear();
    return {};
  }
  std::ungetc(first, input.file);
  if (first != 'P' && first != 0xD0) {
    head.assign(1, static_cast<char>(first));
    return {};
  }
  // Maybe a workbook, which is read by name: copy the stream to a file.
  std::FILE* copy = nullptr;
  if (Result s = open_named_spill_file("stdin_workbook", input.spool, copy); !s.ok()) return s;
  std::string buffer(1u << 16, '\0');
  for (std::size_t got; (got = std::fread(buffer.data(), 1, buffer.size(), input.file)) > 0;)
    if (std::fwrite(buffer.data(), 1, got, copy) != got) {
      const int saved = errno;
      std::fclose(copy);
      return file_error("input_cannot_spool", input.spool.path(), saved);
    }
  if (std::ferror(input.file)) {
    const int saved = errno;
    std::fclose(copy);
    return file_error("input_read_error", input.name, saved);
  }
  if (std::fflush(copy) != 0) {
    const int saved = errno;
    std::fclose(copy);
    return file_error("input_cannot_spool", input.spool.path(), saved);
  }
  if (input.file != stdin) std::fclose(input.file);
  input.file = copy;
  std::rewind(copy);
  head.resize(std::fread(head.data(), 1, head.size(), copy));
  std::rewind(copy);
  input.path = input.spool.path();
  return {};
}

std::string input_name(const std::string& path) { return is_std_stream(path) ? "<stdin>" : path; }

Result open_input(const std::string& path, InputFile& input) {
  input.name = input_name(path);
  if (is_std_stream(path)) {
    input.file = stdin;
    return {};
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{Problem("input_is_folder"), path, 0, 0};
  input.file = std::fopen(path.c_str(), "rb");
  if (input.file == nullptr) return file_error("input_cannot_open", path, errno);
  return {};
}

}  // namespace ftstatus
