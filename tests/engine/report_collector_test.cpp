// The report's collector: what `ftstatus report` counts in one pass, checked
// against the rows the classifier gave the same run and against hand-made
// exports whose answers are known.
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "csv_fixture.h"
#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/report.h"
#include "test_support.h"

namespace {

using namespace ftstatus;

const LoadResult& fasttrack() {
  static const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  return loaded;
}

const Date kAsOf = *Date::parse_iso("2026-11-24");

// What the classifier handed to the sinks, kept to check the collector by.
class RecordingSink final : public RecordSink {
 public:
  void header(const Record&) override {}
  void row(const Record&, const RowResult& result) override {
    const StatusIndex current = result.current != kNoStatus ? result.current
                                : result.current_given      ? kCurrentUnknown
                                                            : kCurrentEmpty;
    ++transitions[{current, result.status}];
    for (const RowProblem& p : result.problems) ++codes[p.code];
  }
  Result finish() override { return {}; }
  std::map<std::pair<StatusIndex, StatusIndex>, long> transitions;
  std::map<RowCode, long> codes;
};

struct Collected {
  ReportData data;
  ClassifySummary summary;
  RecordingSink recorded;
};

Collected collect(std::string_view csv, ReportLimits limits = {}, ColumnOptions columns = {}) {
  csv_fixture::File file = csv_fixture::file_with(csv);
  std::unique_ptr<RecordSource> source = open_csv_source(file.get(), "test.csv", {});
  ClassifyOptions options;
  options.as_of = kAsOf;
  Classifier classifier(*fasttrack().taxonomy, fasttrack().rules, options);
  ReportCollector collector(classifier, Lang::en, kAsOf, limits);
  Collected out;
  const Result run =
      classify_records(classifier, *source, "test.csv", columns, {&collector, &out.recorded}, out.summary);
  INFO((run.ok() ? std::string() : run.error().to_string(Lang::en)));
  REQUIRE(run.ok());
  out.data = collector.data();
  return out;
}

const std::string kExample = test_support::read_file(test_support::example("entitlements.csv"));

// The example's header, and a row of it (In Progress > Migration, which
// needs a target date) with its id, customer and target date replaced.
const std::string kHeader = kExample.substr(0, kExample.find('\n') + 1);
std::string in_progress_row(const std::string& id, const std::string& customer, const std::string& target_date) {
  return id + ",3f2a9c1e-7b4d-4e8a-9a51-0c6d2b7e4f10," + customer +
         ",Exchange Online,2026-03-02,active,true,2,1,true,yes,,,enabled,in_progress,1250,4800," + target_date +
         ",In Progress,Migration\n";
}

const ColumnOptions kAllowMissing{{}, {"all"}};

}  // namespace

TEST_CASE("report collector: totals and per-status counts agree with the run's own counts", "[report]") {
  const Collected c = collect(kExample);
  const ReportData& d = c.data;
  CHECK(d.rows == c.summary.rows);
  CHECK(d.rows == 51);  // 53 lines, one record of two lines
  CHECK(d.rows_with_problems == c.summary.rows_with_problems);
  CHECK(d.rows_with_problems > 0);
  CHECK(d.rows_changed == c.summary.rows_changed);
  CHECK(d.per_status == c.summary.per_status);
  long suggested = d.no_suggestion;
  for (long n : d.per_status) suggested += n;
  CHECK(suggested == d.rows);
  CHECK(d.has_current);
}

TEST_CASE("report collector: the transition matrix holds every row once, where the classifier put it", "[report]") {
  const Collected c = collect(kExample);
  const ReportData& d = c.data;
  long total = 0;
  for (StatusIndex cur = kCurrentUnknown; cur < static_cast<StatusIndex>(d.statuses); ++cur) {
    if (cur == kNoStatus) continue;
    for (StatusIndex sug = kNoStatus; sug < static_cast<StatusIndex>(d.statuses); ++sug) {
      const auto found = c.recorded.transitions.find({cur, sug});
      INFO(cur << " -> " << sug);
      CHECK(d.transition(cur, sug) == (found == c.recorded.transitions.end() ? 0 : found->second));
      total += d.transition(cur, sug);
    }
  }
  CHECK(total == d.rows);
  // The example has rows with no current status and one with a name the taxonomy lacks ("Pending").
  long empty = 0, unknown = 0;
  for (StatusIndex sug = kNoStatus; sug < static_cast<StatusIndex>(d.statuses); ++sug) {
    empty += d.transition(kCurrentEmpty, sug);
    unknown += d.transition(kCurrentUnknown, sug);
  }
  CHECK(empty >= 5);
  CHECK(unknown >= 1);
}

TEST_CASE("report collector: problems by code and column, with their first rows", "[report]") {
  std::string csv = kHeader;
  // Eight rows with one id: seven repeats; every row lacks its target date.
  for (int i = 0; i < 8; ++i) csv += in_progress_row("FT-1", "Contoso", "");
  const Collected c = collect(csv);
  const std::vector<ReportProblemGroup>& groups = c.data.problems;
  REQUIRE(groups.size() == 2);
  // Most rows first.
  CHECK(groups[0].code == RowCode::target_date_missing);
  CHECK(groups[0].rows == 8);
  CHECK(groups[1].code == RowCode::duplicate_id);
  CHECK(groups[1].code_name == "duplicate_id");
  CHECK(groups[1].rows == 7);
  CHECK(groups[1].column == "entitlement_id");
  CHECK(groups[1].message == "the value of 'entitlement_id' already appeared on an earlier row");
  CHECK(groups[1].fix == "give each row its own 'entitlement_id', or remove the repeated row");
  REQUIRE(groups[1].first.size() == 5);
  for (std::size_t i = 0; i < 5; ++i) {
    CHECK(groups[1].first[i].line == static_cast<long>(i) + 3);  // the first repeat is line 3
    CHECK(groups[1].first[i].entitlement_id == "FT-1");
  }
  CHECK(groups[0].first.front().message == "\"Migration\" requires a target date");
  CHECK(c.data.target_missing == 8);
  CHECK(c.recorded.codes.at(RowCode::duplicate_id) == 7);
}

TEST_CASE("report collector: the rows kept per problem follow the limit", "[report]") {
  std::string csv = kHeader;
  for (int i = 0; i < 4; ++i) csv += in_progress_row("FT-" + std::to_string(i), "Contoso", "");
  ReportLimits limits;
  limits.rows_per_problem = 2;
  const Collected c = collect(csv, limits);
  REQUIRE(c.data.problems.size() == 1);
  CHECK(c.data.problems[0].rows == 4);
  CHECK(c.data.problems[0].first.size() == 2);
}

TEST_CASE("report collector: target dates by month from the as-of month, before it and after", "[report]") {
  std::string csv = kHeader;
  const std::vector<std::string> dates = {
      "2026-11-23",  // the day before the as-of date: before it, and a past date
      "2026-11-24",  // the as-of date: month 0
      "2026-11-30",  // month 0
      "2026-12-01",  // month 1
      "2027-06-15",  // month 7
      "2027-11-24",  // 365 days on: month 12, the last
      "2027-11-30",  // month 12 too, but beyond the 365-day horizon
      "2027-12-01",  // after the months
      "",            // missing where required
      "2026-02-30",  // not a day
  };
  for (std::size_t i = 0; i < dates.size(); ++i) csv += in_progress_row("FT-" + std::to_string(i), "Contoso", dates[i]);
  const Collected c = collect(csv);
  const ReportData& d = c.data;
  REQUIRE(d.per_month.size() == 13);
  CHECK(d.per_month[0] == 2);
  CHECK(d.per_month[1] == 1);
  CHECK(d.per_month[7] == 1);
  CHECK(d.per_month[12] == 2);
  long in_months = 0;
  for (long n : d.per_month) in_months += n;
  CHECK(in_months == 6);
  CHECK(d.dates_before_as_of == 1);
  CHECK(d.dates_after_months == 1);
  CHECK(d.target_past == 1);
  CHECK(d.target_beyond_horizon == 2);
  CHECK(d.target_missing == 1);
  CHECK(d.target_invalid == 1);
  CHECK(month_start(kAsOf, 0) == *Date::parse_iso("2026-11-01"));
  CHECK(month_start(kAsOf, 2) == *Date::parse_iso("2027-01-01"));
  CHECK(month_start(kAsOf, 13) == *Date::parse_iso("2027-12-01"));
  CHECK(month_start(*Date::parse_iso("1969-12-31"), 1) == *Date::parse_iso("1970-01-01"));
}

TEST_CASE("report collector: customers in order, capped, with their first entitlements", "[report]") {
  std::string csv = kHeader;
  const std::vector<std::string> customers = {"Contoso", "Contoso",   "Contoso",  "Fabrikam",
                                              "Litware", "Northwind", "Tailspin", "Contoso"};
  for (std::size_t i = 0; i < customers.size(); ++i)
    csv += in_progress_row("FT-" + std::to_string(i), customers[i], "2027-01-15");
  ReportLimits limits;
  limits.customers_counted = 3;
  limits.customers_detailed = 2;
  limits.entitlements_per_customer = 2;
  const Collected c = collect(csv, limits);
  const ReportData& d = c.data;
  CHECK(d.customer_column == "customer");
  REQUIRE(d.customers.size() == 3);
  CHECK(d.customers[0].name == "Contoso");
  CHECK(d.customers[0].rows == 4);
  CHECK(d.customers[0].detailed);
  REQUIRE(d.customers[0].entitlements.size() == 2);
  CHECK(d.customers[0].entitlements[0].entitlement_id == "FT-0");
  CHECK(d.customers[0].entitlements[1].entitlement_id == "FT-1");
  CHECK(d.customers[0].entitlements[0].workload == "Exchange Online");
  CHECK(d.customers[0].entitlements[0].target_date == "2027-01-15");
  CHECK(d.customers[1].name == "Fabrikam");
  CHECK(d.customers[1].detailed);
  CHECK(d.customers[2].name == "Litware");
  CHECK_FALSE(d.customers[2].detailed);
  CHECK(d.customers[2].entitlements.empty());
  CHECK(d.customers_capped);
  CHECK(d.other_customer_rows == 2);  // Northwind and Tailspin
}

TEST_CASE("report collector: tenant_id stands in for a missing customer", "[report]") {
  const std::string csv =
      "entitlement_id,tenant_id,customer\n"
      "FT-1,tenant-a,\n"
      "FT-2,tenant-a,Contoso\n"
      "FT-3,,\n";
  const Collected c = collect(csv, {}, kAllowMissing);
  REQUIRE(c.data.customers.size() == 3);
  CHECK(c.data.customers[0].name == "tenant-a");
  CHECK(c.data.customers[1].name == "Contoso");
  CHECK(c.data.customers[2].name.empty());
  CHECK_FALSE(c.data.has_current);

  const Collected only_tenant = collect("entitlement_id,tenant_id\nFT-1,t1\nFT-2,t1\n", {}, kAllowMissing);
  CHECK(only_tenant.data.customer_column == "tenant_id");
  REQUIRE(only_tenant.data.customers.size() == 1);
  CHECK(only_tenant.data.customers[0].rows == 2);
}

TEST_CASE("report collector: an already classified export counts as the raw one", "[report]") {
  // The example without its two rows of the wrong width: classify writes them as wide as its header.
  std::string raw_text;
  for (const std::string& line : test_support::split_lines(kExample))
    if (line.rfind("FT-100048,", 0) != 0 && line.rfind("FT-100049,", 0) != 0) raw_text += line + "\n";
  test_support::TempDir dir;
  const std::string classified = dir.path("classified.csv");
  ClassifyRequest request;
  request.input = dir.file("raw.csv", raw_text);
  request.output = classified;
  request.classify.as_of = kAsOf;
  ClassifySummary summary;
  REQUIRE(run_classify(*fasttrack().taxonomy, fasttrack().rules, request, summary).ok());
  const Collected raw = collect(raw_text);
  const Collected again = collect(test_support::read_file(classified));
  CHECK(again.data.rows == raw.data.rows);
  CHECK(again.data.per_status == raw.data.per_status);
  CHECK(again.data.transitions == raw.data.transitions);
  CHECK(again.data.rows_with_problems == raw.data.rows_with_problems);
  CHECK(again.data.per_month == raw.data.per_month);
  CHECK(again.data.customers.size() == raw.data.customers.size());
}
