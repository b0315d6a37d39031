// The pipeline as a program that links the library uses it: its own record
// source and sink around the built-in taxonomy's classifier.
#include <cstdio>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"

namespace {

using namespace ftstatus;

const LoadResult& fasttrack() {
  static const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  return loaded;
}

// Records from memory: each string is one record's comma-separated fields.
class VectorSource final : public RecordSource {
 public:
  explicit VectorSource(std::vector<std::vector<std::string>> rows, Result fail_at_end = {})
      : rows_(std::move(rows)), end_status_(std::move(fail_at_end)) {}
  bool next(Record& record) override {
    if (next_ == rows_.size()) {
      status_ = end_status_;
      return false;
    }
    const std::vector<std::string>& row = rows_[next_++];
    record.fields.assign(row.begin(), row.end());
    record.raw = row.empty() ? std::string_view() : std::string_view(row.front());
    record.line = static_cast<long>(next_);
    return true;
  }
  const Result& status() const override { return status_; }
  char delimiter() const override { return ','; }
  bool had_bom() const override { return false; }
  bool crlf() const override { return false; }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::size_t next_ = 0;
  Result status_;
  Result end_status_;
};

// Remembers what it was given.
class CollectingSink final : public RecordSink {
 public:
  explicit CollectingSink(const Taxonomy& taxonomy, bool fail = false) : taxonomy_(taxonomy), fail_(fail) {}
  void header(const Record& header) override { header_width = header.fields.size(); }
  void row(const Record& record, const RowResult& result) override {
    lines.push_back(record.line);
    statuses.push_back(result.status == kNoStatus ? "" : taxonomy_.path(result.status));
    problem_counts.push_back(result.problems.size());
  }
  Result finish() override {
    finished = true;
    if (fail_) return Error(Problem("output_write_error"), "sink");
    return {};
  }

  std::size_t header_width = 0;
  std::vector<long> lines;
  std::vector<std::string> statuses;
  std::vector<std::size_t> problem_counts;
  bool finished = false;

 private:
  const Taxonomy& taxonomy_;
  bool fail_;
};

// The rows below give only some of the columns the rules read.
const ColumnOptions kAllowMissing{{}, {"all"}};

const std::vector<std::string> kHeader = {"entitlement_id", "tenant_state", "intent",
                                          "blocker",        "deployment",   "target_date"};

ClassifyOptions as_of_2026_11_24() {
  ClassifyOptions options;
  options.as_of = *Date::parse_iso("2026-11-24");
  return options;
}

}  // namespace

TEST_CASE("classify_records hands every record, in order, with its status to every sink", "[pipeline]") {
  const LoadResult& loaded = fasttrack();
  Classifier classifier(*loaded.taxonomy, loaded.rules, as_of_2026_11_24());
  VectorSource source({kHeader,
                       {"E1", "duplicate", "", "", "", ""},
                       {"E2", "active", "yes", "legal", "", ""},
                       {"E3", "active", "yes", "", "enabled", "2027-01-31"},
                       {"E1", "active", "no", "", "", ""}});
  CollectingSink first(*loaded.taxonomy);
  CollectingSink second(*loaded.taxonomy);
  ClassifySummary summary;
  Result result = classify_records(classifier, source, "memory", kAllowMissing, {&first, &second}, summary);
  REQUIRE(result.ok());
  CHECK(first.header_width == kHeader.size());
  CHECK(first.lines == std::vector<long>{2, 3, 4, 5});
  CHECK(first.statuses == std::vector<std::string>{"duplicate_invalid", "blocked/legal_regulatory",
                                                   "in_progress/solution_or_user_adoption",
                                                   "no_intent/executive_sponsorship"});
  CHECK(second.statuses == first.statuses);
  CHECK(first.finished);
  CHECK(second.finished);
  CHECK(summary.rows == 4);
  CHECK(summary.rows_with_problems == 1);  // E1 again: duplicate_id
  CHECK(first.problem_counts.back() == 1);
  StatusIndex legal =
      loaded.taxonomy->find_child(loaded.taxonomy->find_child(kNoStatus, "blocked"), "legal_regulatory");
  CHECK(summary.per_status[static_cast<std::size_t>(legal)] == 1);
}

TEST_CASE("classify_records reports where the input stops being readable", "[pipeline]") {
  const LoadResult& loaded = fasttrack();
  CollectingSink sink(*loaded.taxonomy);
  ClassifySummary summary;

  SECTION("an empty input is an input_empty error at line 1") {
    Classifier classifier(*loaded.taxonomy, loaded.rules, as_of_2026_11_24());
    VectorSource source({});
    Result result = classify_records(classifier, source, "empty.csv", kAllowMissing, {&sink}, summary);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().problem.code() == "input_empty");
    CHECK(result.error().file == "empty.csv");
    CHECK(result.error().line == 1);
  }
  SECTION("a header without the required id column names the column and its header line") {
    Classifier classifier(*loaded.taxonomy, loaded.rules, as_of_2026_11_24());
    VectorSource source({{"workload", "intent"}, {"Exchange Online", "yes"}});
    Result result = classify_records(classifier, source, "export.csv", kAllowMissing, {&sink}, summary);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().problem.code() == "columns_missing");  // entitlement_id
    CHECK(result.error().problem.field("columns") == "entitlement_id");
    CHECK(result.error().to_string(Lang::en).rfind(
              "export.csv:1:1: the file lacks a column it must have: entitlement_id", 0) == 0);
    CHECK(sink.lines.empty());
  }
  SECTION("a source error after some rows stops the run with that error, and no sink is finished") {
    // With the date order forced no rows are sampled ahead, so the first row reaches the sink.
    ClassifyOptions iso = as_of_2026_11_24();
    iso.date_format = DateFormat::iso;
    Classifier classifier(*loaded.taxonomy, loaded.rules, iso);
    VectorSource source({kHeader, {"E1", "active", "yes", "", "", ""}},
                        Error(Problem("input_read_error"), "broken.csv"));
    Result result = classify_records(classifier, source, "broken.csv", kAllowMissing, {&sink}, summary);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().problem.code() == "input_read_error");
    CHECK(sink.lines == std::vector<long>{2});
    CHECK_FALSE(sink.finished);
  }
  SECTION("a sink that cannot write makes the run fail") {
    Classifier classifier(*loaded.taxonomy, loaded.rules, as_of_2026_11_24());
    VectorSource source({kHeader, {"E1", "active", "yes", "", "", ""}});
    CollectingSink failing(*loaded.taxonomy, true);
    Result result = classify_records(classifier, source, "in.csv", kAllowMissing, {&failing}, summary);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().problem.code() == "output_write_error");
  }
}

TEST_CASE("run_classify refuses a taxonomy without rules before touching any file", "[pipeline]") {
  const LoadResult& loaded = fasttrack();
  ClassifyRequest request;
  request.input = "/nonexistent/input.csv";
  ClassifySummary summary;
  Result result = run_classify(*loaded.taxonomy, RuleSet{}, request, summary);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().problem.code() == "taxonomy_has_no_rules");
  Result missing = run_classify(*loaded.taxonomy, loaded.rules, request, summary);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().problem.code() == "input_cannot_open");
  CHECK(missing.error().file == "/nonexistent/input.csv");
}
