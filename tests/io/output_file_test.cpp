#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/seen_set.h"
#include "io/output_file.h"
#include "io/temporary_files.h"

using ftstatus::OutputFile;
using ftstatus::same_file;
using ftstatus::SeenSet;
using ftstatus::TemporaryPath;

namespace {

namespace fs = std::filesystem;

// A scratch folder removed at the end of the test.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "ftstatus-output-test-XXXXXX").string();
    dir = mkdtemp(tmpl.data());
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool temporaries_left(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().starts_with(".ftstatus-")) return true;
  return false;
}

// Sets an environment variable for one scope.
struct EnvVar {
  std::string name;
  std::string old;
  bool had;
  EnvVar(std::string n, const std::string& value) : name(std::move(n)) {
    const char* o = std::getenv(name.c_str());
    had = o != nullptr;
    if (had) old = o;
    setenv(name.c_str(), value.c_str(), 1);
  }
  ~EnvVar() {
    if (had)
      setenv(name.c_str(), old.c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};

}  // namespace

TEST_CASE("same_file sees one file through paths, symbolic and hard links", "[safety]") {
  Scratch s;
  write_text(s / "in.csv", "a\n");
  fs::create_symlink(s / "in.csv", s / "link.csv");
  fs::create_hard_link(s / "in.csv", s / "hard.csv");
  write_text(s / "other.csv", "a\n");
  CHECK(same_file(s / "in.csv", s / "in.csv"));
  CHECK(same_file(s / "in.csv", s / "link.csv"));
  CHECK(same_file(s / "in.csv", s / "hard.csv"));
  CHECK(same_file(s / "in.csv", s.dir.string() + "/./in.csv"));
  CHECK_FALSE(same_file(s / "in.csv", s / "other.csv"));
  // Not there yet: the same path once resolved.
  CHECK(same_file(s / "new.csv", s.dir.string() + "/./new.csv"));
  CHECK_FALSE(same_file(s / "new.csv", s / "new2.csv"));
  CHECK_FALSE(same_file(s / "in.csv", s / "new.csv"));
  // Standard streams and devices are never "the same file".
  CHECK_FALSE(same_file("-", "-"));
  CHECK_FALSE(same_file("", s / "in.csv"));
  CHECK_FALSE(same_file("/dev/null", "/dev/null"));
}

TEST_CASE("an output replaces the old file only when published, keeping its mode", "[safety]") {
  Scratch s;
  const std::string path = s / "out.csv";
  write_text(path, "old\n");
  chmod(path.c_str(), 0640);
  {
    OutputFile out(path);
    REQUIRE(out.open().ok());
    std::fputs("new\n", out.file());
    CHECK(read_text(path) == "old\n");  // nothing replaced before publish
    CHECK(temporaries_left(s.dir));
    // A run that stops here (an error) leaves the old file and no temporary.
  }
  CHECK(read_text(path) == "old\n");
  CHECK_FALSE(temporaries_left(s.dir));
  {
    OutputFile out(path);
    REQUIRE(out.open().ok());
    std::fputs("new\n", out.file());
    REQUIRE(out.finish().ok());
    REQUIRE(out.publish().ok());
  }
  CHECK(read_text(path) == "new\n");
  CHECK_FALSE(temporaries_left(s.dir));
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
}

// Writes `text` to `out` 100,000 bytes at a time, as a run does chunk by chunk, asking for write-back after each.
void write_in_parts(OutputFile& out, std::string_view text) {
  for (std::size_t at = 0; at < text.size(); at += 100000) {
    const std::string_view part = text.substr(at, 100000);
    REQUIRE(std::fwrite(part.data(), 1, part.size(), out.file()) == part.size());
    out.start_writeback();
  }
}

TEST_CASE("writing back a replacing output as it goes changes nothing it holds, nor when it replaces", "[safety]") {
  Scratch s;
  const std::string path = s / "out.csv";
  write_text(path, "old\n");
  std::string expected;
  for (int i = 0; expected.size() < (std::size_t{20} << 20); ++i)
    expected += "E" + std::to_string(i) + ",Teams,In Progress\n";
  {
    OutputFile out(path);
    REQUIRE(out.open().ok());
    write_in_parts(out, expected);
    CHECK(read_text(path) == "old\n");  // written back, still not in place
    // A run that stops here leaves the old file, as without the write-back.
  }
  CHECK(read_text(path) == "old\n");
  CHECK_FALSE(temporaries_left(s.dir));
  {
    OutputFile out(path);
    REQUIRE(out.open().ok());
    write_in_parts(out, expected);
    REQUIRE(out.commit().ok());
  }
  CHECK(read_text(path) == expected);
  CHECK_FALSE(temporaries_left(s.dir));
}

TEST_CASE("a temporary name fits beside a 255-byte file name", "[safety]") {
  Scratch s;
  const std::string path = s / (std::string(251, 'n') + ".csv");
  OutputFile out(path);
  REQUIRE(out.open().ok());
  REQUIRE(out.commit().ok());
  CHECK(fs::exists(path));
}

TEST_CASE("a write error names the file and the system's reason", "[safety]") {
  OutputFile out("/dev/full");
  REQUIRE(out.open().ok());
  std::string big(1 << 16, 'x');
  std::fwrite(big.data(), 1, big.size(), out.file());
  const ftstatus::Result finished = out.finish();
  REQUIRE_FALSE(finished.ok());
  const std::string text = finished.error().to_string(ftstatus::Lang::en);
  CHECK(text.find("/dev/full") != std::string::npos);
  CHECK(text.find("No space left on device") != std::string::npos);
}

TEST_CASE("temporary paths are removed unless released", "[safety]") {
  Scratch s;
  std::string kept;
  {
    TemporaryPath removed;
    int fd = -1;
    REQUIRE(removed.create_in(s.dir.string(), fd));
    close(fd);
    CHECK(fs::exists(removed.path()));
    CHECK(fs::path(removed.path()).filename().string().size() == std::string(".ftstatus-XXXXXX").size());
    TemporaryPath released;
    REQUIRE(released.create_in(s.dir.string(), fd));
    close(fd);
    kept = released.path();
    released.release();
  }
  CHECK(fs::exists(kept));
  fs::remove(kept);
  CHECK_FALSE(temporaries_left(s.dir));
}

TEST_CASE("spill files go to TMPDIR, else the output's folder, else stop with both named", "[safety]") {
  Scratch s;
  EnvVar tmpdir("TMPDIR", "/nonexistent-ftstatus-tmpdir");
  std::FILE* file = nullptr;
  ftstatus::set_fallback_temporary_folder("");
  ftstatus::Result none = ftstatus::open_spill_file("duplicate_ids", file);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().to_string(ftstatus::Lang::en).find("/nonexistent-ftstatus-tmpdir") != std::string::npos);
  ftstatus::set_fallback_temporary_folder(s / "out.csv");
  REQUIRE(ftstatus::open_spill_file("duplicate_ids", file).ok());
  std::fclose(file);
  CHECK_FALSE(temporaries_left(s.dir));  // unlinked at once
  ftstatus::set_fallback_temporary_folder("");
}

TEST_CASE("the set of seen ids stops rather than growing when it has nowhere to spill", "[safety]") {
  EnvVar tmpdir("TMPDIR", "/nonexistent-ftstatus-tmpdir");
  ftstatus::set_fallback_temporary_folder("");
  SeenSet set(64);
  for (std::uint64_t h = 1; h <= 1000 && set.failure().ok(); ++h) set.insert(h * 0x9E3779B97F4A7C15ull);
  REQUIRE_FALSE(set.failure().ok());
  CHECK(set.failure().error().problem.code() == "temporary_file_unavailable");
  CHECK(set.size() < 100);  // stopped as soon as the table was full
}
