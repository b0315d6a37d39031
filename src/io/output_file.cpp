#include "io/output_file.h"

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

}  // namespace

OutputFile::~OutputFile() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!temp_.empty()) std::remove(temp_.c_str());
}

std::string OutputFile::name() const { return path_.empty() || path_ == "-" ? "<stdout>" : path_; }

Result OutputFile::open() {
  if (path_.empty() || path_ == "-") {
    file_ = stdout;
    return {};
  }
  struct stat info {};
  if (stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    // A device or pipe cannot be replaced: write to it.
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) return file_error("output_cannot_open", path_, errno);
    return {};
  }
  temp_ = path_ + ".tmp-XXXXXX";
  int fd = mkstemp(temp_.data());
  if (fd < 0) {
    int saved = errno;
    temp_.clear();
    return file_error("output_cannot_create_temporary", path_, saved);
  }
  // mkstemp creates 0600; give the result the mode a plain create would.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  file_ = fdopen(fd, "wb");
  return {};
}

std::string OutputFile::hand_over_path() {
  if (file_ == stdout) return {};
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  return temp_.empty() ? path_ : temp_;
}

Result OutputFile::commit() {
  if (file_ == nullptr) {
    // Written by name (a workbook): only the rename is left.
    if (temp_.empty() || std::rename(temp_.c_str(), path_.c_str()) == 0) {
      temp_.clear();
      return {};
    }
    return file_error("output_write_failed", path_, errno);
  }
  if (file_ == stdout) {
    if (std::fflush(stdout) == 0) return {};
    return file_error("output_write_failed", path_, errno);
  }
  if (temp_.empty()) {
    bool ok = std::fclose(file_) == 0;
    file_ = nullptr;
    if (ok) return {};
    return file_error("output_write_failed", path_, errno);
  }
  bool ok = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (ok && std::rename(temp_.c_str(), path_.c_str()) == 0) {
    temp_.clear();
    return {};
  }
  return file_error("output_write_failed", path_, errno);
}

InputFile::~InputFile() {
  if (file != nullptr && file != stdin) std::fclose(file);
  if (!spool.empty()) std::remove(spool.c_str());
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
  const char* dir = std::getenv("TMPDIR");
  std::string tmpl = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/ftstatus-stdin-XXXXXX";
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return file_error("input_cannot_spool", tmpl, errno);
  std::FILE* copy = fdopen(fd, "w+b");
  if (copy == nullptr) {
    ::close(fd);
    std::remove(tmpl.c_str());
    return file_error("input_cannot_spool", tmpl, errno);
  }
  input.spool = tmpl;
  std::string buffer(1u << 16, '\0');
  for (std::size_t got; (got = std::fread(buffer.data(), 1, buffer.size(), input.file)) > 0;)
    if (std::fwrite(buffer.data(), 1, got, copy) != got) {
      std::fclose(copy);
      return file_error("input_cannot_spool", tmpl, errno);
    }
  if (std::ferror(input.file)) {
    std::fclose(copy);
    return file_error("input_read_error", input.name, errno);
  }
  if (input.file != stdin) std::fclose(input.file);
  input.file = copy;
  std::rewind(copy);
  head.resize(std::fread(head.data(), 1, head.size(), copy));
  std::rewind(copy);
  input.path = tmpl;
  return {};
}

std::string input_name(const std::string& path) { return path.empty() || path == "-" ? "<stdin>" : path; }

Result open_input(const std::string& path, InputFile& input) {
  input.name = input_name(path);
  if (path.empty() || path == "-") {
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
