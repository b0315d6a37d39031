#pragma once
// What the CLI tests share: temporary files, shell quoting, running the built
// binary with its exit status, stdout and stderr captured, and reading the
// CSV it writes.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

namespace test_support {

namespace fs = std::filesystem;

inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
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

inline const std::string kSourceDir = FTSTATUS_SOURCE_DIR;

// The as-of date the CLI tests pin, so that target-date checks do not depend
// on today; kAsOf is the same as a flag to append to a command line.
inline const std::string kAsOfDate = "2026-11-24";
inline const std::string kAsOf = " --as-of " + kAsOfDate;
// Small test files give only the columns a case is about; the others are
// allowed missing (real exports must have every column a rule reads).
inline const std::string kPartial = " --allow-missing all";
// stderr that holds nothing but the --allow-missing note.
inline bool only_allow_missing_note(const std::string& err) {
  std::size_t start = 0;
  while (start < err.size()) {
    std::size_t end = err.find('\n', start);
    if (end == std::string::npos) end = err.size();
    if (err.substr(start, end - start).find("--allow-missing") == std::string::npos) return false;
    start = end + 1;
  }
  return true;
}

inline std::string example(const std::string& name) { return kSourceDir + "/examples/" + name; }

// Runs `ftstatus ARGS` (one line, already shell-quoted) with a fixed C locale
// and stdin from `stdin_path`.
inline Run run_line(const std::string& args, const std::string& stdin_path = "/dev/null") {
  return run_ftstatus("LC_ALL=C LANG=C", args, stdin_path);
}

// Runs `env <environment> ftstatus <args>` and captures exit code, stdout and stderr.
inline Run run_env(const std::string& environment, const std::vector<std::string>& args) {
  std::string quoted;
  for (const std::string& arg : args) quoted += " " + shell_quote(arg);
  Run r = run_ftstatus(environment, quoted);
  REQUIRE(r.status != -1);
  return r;
}

// The same in a plain C locale (English).
inline Run run(const std::vector<std::string>& args) { return run_env("LC_ALL=C LANG=C", args); }

// RFC 4180 records (quoted delimiters, doubled quotes, line breaks; CRLF or LF).
inline std::vector<std::vector<std::string>> parse_csv(std::string_view text, char delimiter = ',') {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool pending = false;  // a record has started
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = pending = true;
    } else if (c == delimiter) {
      record.push_back(std::move(field));
      field.clear();
      pending = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      pending = false;
    } else {
      field += c;
      pending = true;
    }
  }
  if (pending) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

// A CSV output: the header and the rows, cells found by column name.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::size_t column(std::string_view name) const {
    auto it = std::find(header.begin(), header.end(), name);
    INFO("column " << name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  }
  std::string at(std::size_t row, std::string_view name) const {
    REQUIRE(row < rows.size());
    std::size_t c = column(name);
    REQUIRE(c < rows[row].size());
    return rows[row][c];
  }
  // The row whose first cell is `id`.
  std::size_t row_of(std::string_view id) const {
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (!rows[r].empty() && rows[r][0] == id) return r;
    FAIL("no row " << id);
    return 0;
  }
};

inline Table table(std::string_view csv, char delimiter = ',') {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  auto records = parse_csv(csv, delimiter);
  Table t;
  REQUIRE_FALSE(records.empty());
  t.header = records.front();
  t.rows.assign(records.begin() + 1, records.end());
  return t;
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

inline const std::vector<std::string> kAdded = {"suggested_l1", "suggested_l2", "suggested_target_date", "rule",
                                                "problems"};

inline std::vector<std::string> with_added(std::vector<std::string> header,
                                           std::initializer_list<const char*> extra = {}) {
  header.insert(header.end(), kAdded.begin(), kAdded.end());
  for (const char* e : extra) header.emplace_back(e);
  return header;
}

// The built-in taxonomy file with `rules_text` put in place of the catch-all
// rule (or before it), and the 1-based line where `rules_text` starts.
inline std::pair<std::string, int> taxonomy_with(const std::string& rules_text, bool keep_catch_all) {
  std::string t = read_file(kSourceDir + "/taxonomy/fasttrack.yaml");
  std::size_t at = t.find("  - id: new_entitlement");
  REQUIRE(at != std::string::npos);
  int line = static_cast<int>(std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
  std::string tail = keep_catch_all ? t.substr(at) : std::string();
  return {t.substr(0, at) + rules_text + tail, line};
}

}  // namespace test_support
