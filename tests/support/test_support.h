#pragma once
// What the CLI tests share: temporary files, shell quoting, and running the
// built binary with its exit status, stdout and stderr captured.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

namespace test_support {

namespace fs = std::filesystem;

inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "ftstatus-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) FAIL("cannot create a temporary directory");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path(const std::string& name) const { return (path_ / name).string(); }
  // Writes `content` byte for byte and returns the file's path.
  std::string file(const std::string& name, std::string_view content) const {
    std::string p = path(name);
    write_file(p, content);
    return p;
  }
  std::set<std::string> names() const {
    std::set<std::string> out;
    for (const auto& entry : fs::directory_iterator(path_)) out.insert(entry.path().filename().string());
    return out;
  }

 private:
  fs::path path_;
};

struct Run {
  int status = -1;  // the exit status, -1 when the process did not exit normally
  std::string out;
  std::string err;
};

// Runs `env ENVIRONMENT ftstatus ARGS` (ARGS already shell-quoted) with stdin
// from `stdin_path`, capturing stdout and stderr.
inline Run run_ftstatus(const std::string& environment, const std::string& args,
                        const std::string& stdin_path = "/dev/null") {
  TempDir dir;
  std::string out = dir.path("stdout");
  std::string err = dir.path("stderr");
  std::string command = "env " + environment + " " + shell_quote(FTSTATUS_BINARY) + " " + args + " <" +
                        shell_quote(stdin_path) + " >" + shell_quote(out) + " 2>" + shell_quote(err);
  int raw = std::system(command.c_str());
  Run r;
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

}  // namespace test_support
