// The chunked, multi-threaded classify writes what one thread writes: the
// same bytes in the output and the reject table, the same counts, the same
// first error, whatever the number of threads and however small the chunks
// (records then span chunk ends), on every example, golden input, fuzz corpus
// file and csv-spectrum file, as they are and under a valid header.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "test_support.h"

using namespace ftstatus;
using namespace test_support;
namespace fs = std::filesystem;

namespace {

struct Outcome {
  std::string output;
  std::string errors;
  std::string error;  // the run's Error, as a user reads it; empty when it succeeded
  long rows = 0;
  long rows_with_problems = 0;
  long rows_changed = 0;
  std::vector<long> per_status;
  bool operator==(const Outcome&) const = default;
};

// Sets an environment variable for one scope.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
    if (value.empty())
      unsetenv(name);
    else
      setenv(name, value.c_str(), 1);
  }
  ~ScopedEnvironment() { unsetenv(name_); }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  const char* name_;
};

Outcome classify(const LoadResult& loaded, const std::string& input, const TempDir& dir, int threads,
                 const std::string& chunk_bytes, OutputFormat format) {
  ScopedEnvironment chunks("FTSTATUS_CHUNK_BYTES", chunk_bytes);
  ClassifyRequest request;
  request.input = input;
  request.output = dir.path("out");
  request.errors = dir.path("errors.csv");
  request.classify.as_of = *Date::parse_iso(kAsOfDate);
  request.format = format;
  request.threads = threads;
  request.columns.allow_missing = {"all"};
  std::error_code ignored;
  fs::remove(request.output, ignored);
  fs::remove(request.errors, ignored);
  ClassifySummary summary;
  const Result result = run_classify(*loaded.taxonomy, loaded.rules, request, summary);
  Outcome outcome;
  if (!result.ok()) {
    outcome.error = result.error().to_string(Lang::en);
    return outcome;
  }
  outcome.output = read_file(request.output);
  outcome.errors = read_file(request.errors);
  outcome.rows = summary.rows;
  outcome.rows_with_problems = summary.rows_with_problems;
  outcome.rows_changed = summary.rows_changed;
  outcome.per_status = summary.per_status;
  return outcome;
}

std::vector<std::string> files_under(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() != ".xlsx" && entry.path().extension() != ".yaml" &&
        entry.file_size() < (1u << 20))
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("classify writes the same bytes with any number of threads and any chunk size", "[parallel]") {
  const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  TempDir dir;
  const std::string header = split_lines(read_file(example("entitlements.csv"))).front();
  std::vector<std::string> inputs;
  for (const char* folder : {"/examples", "/tests/golden/inputs", "/tests/fuzz/corpus/csv",
                             "/tests/fuzz/corpus/classify", "/tests/fuzz/corpus/encoding"})
    for (const std::string& file : files_under(kSourceDir + folder)) inputs.push_back(file);
  for (const std::string& file : files_under(std::string(FTSTATUS_CSV_SPECTRUM_DIR) + "/csvs")) inputs.push_back(file);
  REQUIRE(inputs.size() > 100);
  // Each file as it is, and its bytes as the records under the taxonomy's
  // header (LF, CRLF and CR-only), so that the corpora's odd quoting, CRs
  // and NULs reach the record pass and not only the header's.
  std::vector<std::string> cases;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    cases.push_back(inputs[i]);
    const std::string body = read_file(inputs[i]);
    const char* line_ends[] = {"\n", "\r\n", "\r"};
    cases.push_back(dir.file("framed-" + std::to_string(i) + ".csv", header + line_ends[i % 3] + body));
  }
  struct Setting {
    int threads;
    std::string chunk_bytes;
    OutputFormat format;
    bool ids_first = false;  // repeated ids found in a pass of their own (as for a large file)
  };
  const std::vector<Setting> settings = {
      {2, "", OutputFormat::csv},         {3, "1024", OutputFormat::csv}, {8, "4096", OutputFormat::csv},
      {2, "1", OutputFormat::csv},        {4, "64", OutputFormat::jsonl}, {2, "", OutputFormat::csv, true},
      {3, "37", OutputFormat::csv, true},
  };
  long chunked_rows = 0;
  for (const std::string& input : cases) {
    for (OutputFormat format : {OutputFormat::csv, OutputFormat::jsonl}) {
      const Outcome one = classify(loaded, input, dir, 1, "", format);
      for (const Setting& setting : settings) {
        if (setting.format != format) continue;
        INFO(input << " with " << setting.threads << " threads, chunks of " << setting.chunk_bytes << " bytes");
        ScopedEnvironment ids_first("FTSTATUS_REPEATED_IDS_PASS", setting.ids_first ? "always" : "");
        const Outcome many = classify(loaded, input, dir, setting.threads, setting.chunk_bytes, format);
        CHECK(many.error == one.error);
        CHECK(many.output == one.output);
        CHECK(many.errors == one.errors);
        CHECK(many.rows == one.rows);
        CHECK(many.rows_with_problems == one.rows_with_problems);
        CHECK(many.rows_changed == one.rows_changed);
        CHECK(many.per_status == one.per_status);
        chunked_rows += many.rows;
      }
    }
  }
  // The comparison is not vacuous: most cases classify rows.
  CHECK(chunked_rows > 5000);
}

TEST_CASE("a repeated id is marked on the later row across chunks and threads", "[parallel]") {
  const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  TempDir dir;
  const std::vector<std::string> lines = split_lines(read_file(example("entitlements.csv")));
  std::string text = lines.front() + "\n";
  // Every row three times, far apart: the repeats land in other chunks.
  for (int copy = 0; copy < 3; ++copy)
    for (std::size_t i = 1; i < lines.size(); ++i) text += lines[i] + "\n";
  const std::string input = dir.file("repeats.csv", text);
  const Outcome one = classify(loaded, input, dir, 1, "", OutputFormat::csv);
  REQUIRE(one.error.empty());
  const Outcome many = classify(loaded, input, dir, 4, "300", OutputFormat::csv);
  CHECK(many == one);
  {
    ScopedEnvironment ids_first("FTSTATUS_REPEATED_IDS_PASS", "always");
    CHECK(classify(loaded, input, dir, 3, "200", OutputFormat::csv) == one);
  }
  // Every row of the second and third copies that has an id repeats one.
  const std::vector<std::vector<std::string>> out = parse_csv(many.output);
  const std::size_t rows = (out.size() - 1) / 3;
  REQUIRE(out.size() == 3 * rows + 1);
  const std::size_t problems =
      static_cast<std::size_t>(std::find(out[0].begin(), out[0].end(), "problems") - out[0].begin());
  REQUIRE(problems < out[0].size());
  std::size_t checked = 0;
  for (std::size_t i = rows + 1; i < out.size(); ++i) {
    if (out[i][0].empty()) continue;  // no id
    INFO(out[i][0]);
    CHECK(contains(out[i][problems], "duplicate_id:entitlement_id:"));
    ++checked;
  }
  CHECK(checked > rows);
}

TEST_CASE("the SIMD and scalar record cuts give the same output through the command line", "[parallel]") {
  // FTSTATUS_SIMD is read once per process: each path gets its own run.
  std::vector<std::string> inputs = files_under(kSourceDir + "/examples");
  for (const std::string& file : files_under(kSourceDir + "/tests/golden/inputs")) inputs.push_back(file);
  REQUIRE(inputs.size() > 10);
  for (const std::string& input : inputs) {
    INFO(input);
    const Run one = run_env("LC_ALL=C LANG=C",
                            {"classify", input, "--as-of", kAsOfDate, "--threads", "1", "--allow-missing", "all"});
    for (const char* path : {"off", "avx2", "avx512"}) {
      INFO(path);
      const Run many = run_env(std::string("LC_ALL=C LANG=C FTSTATUS_CHUNK_BYTES=100 FTSTATUS_SIMD=") + path,
                               {"classify", input, "--as-of", kAsOfDate, "--threads", "3", "--allow-missing", "all"});
      CHECK(many.status == one.status);
      CHECK(many.out == one.out);
      CHECK(many.err == one.err);
    }
  }
}
