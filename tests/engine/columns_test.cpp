// Column accounting: exact, alias, guessed and mapped headers, missing
// columns, maps that name nothing, and ftstatus's own output columns.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "fasttrack_fixture.h"
#include "ftstatus/columns.h"
#include "ftstatus/loader.h"

namespace {

using namespace ftstatus;

const RuleSet& rules() { return fasttrack_fixture::builtin_loaded().rules; }

// The header of examples/entitlements.csv: every column the rules read.
const std::vector<std::string> kFullHeader = {
    "entitlement_id",   "tenant_id",          "customer",     "workload",
    "added_on",         "tenant_state",       "has_exchange", "contact_attempts",
    "contact_channels", "customer_responded", "intent",       "no_intent_reason",
    "blocker",          "deployment",         "migration",    "active_users",
    "eligible_seats",   "target_date",        "l1",           "l2"};

ColumnReport account(const std::vector<std::string>& header, const ColumnOptions& options = {}) {
  std::vector<std::string_view> views(header.begin(), header.end());
  ColumnReport report;
  Result s = account_columns(rules(), views, options, report);
  INFO((s.ok() ? std::string() : s.error().to_string(Lang::en)));
  REQUIRE(s.ok());
  return report;
}

// The header with one column's name replaced.
std::vector<std::string> with(std::string_view column, std::string header) {
  std::vector<std::string> out = kFullHeader;
  for (std::string& h : out)
    if (h == column) h = std::move(header);
  return out;
}

std::vector<std::string> without(std::string_view column) {
  std::vector<std::string> out;
  for (const std::string& h : kFullHeader)
    if (h != column) out.push_back(h);
  return out;
}

const HeaderMatch& match_of(const ColumnReport& report, std::string_view header) {
  for (const HeaderMatch& h : report.headers)
    if (h.header == header) return h;
  FAIL("no header " << header);
  return report.headers.front();
}

std::string column_of(const ColumnReport& report, std::string_view header) {
  const HeaderMatch& h = match_of(report, header);
  return h.column < 0 ? std::string("-") : rules().schema.columns[static_cast<std::size_t>(h.column)].id;
}

}  // namespace

TEST_CASE("every column found exactly: nothing to report", "[columns]") {
  ColumnReport report = account(kFullHeader);
  CHECK_FALSE(report.stops());
  CHECK_FALSE(report.notable());
  CHECK(report.missing.empty());
  for (const HeaderMatch& h : report.headers) CHECK(h.kind == MatchKind::exact);
}

TEST_CASE("headers match ignoring case, accents, spaces, _ and -, and through aliases", "[columns]") {
  ColumnReport report = account(with("intent", "INTENCIÓN"));
  CHECK(match_of(report, "INTENCIÓN").kind == MatchKind::alias);
  CHECK(column_of(report, "INTENCIÓN") == "intent");
  report = account(with("no_intent_reason", "No-Intent Reason"));
  CHECK(match_of(report, "No-Intent Reason").kind == MatchKind::exact);
}

TEST_CASE("headers with extra words are guessed, and the guess is reported", "[columns]") {
  struct Case {
    const char* column;
    const char* header;
  };
  for (const Case& c : {Case{"intent", "Customer Intent"}, Case{"blocker", "Blocker Reason"},
                        Case{"deployment", "Deployment Status"}, Case{"contact_attempts", "Contact Attempts Count"},
                        Case{"active_users", "Active Users (30d)"}, Case{"migration", "Estado de la migración"},
                        Case{"deployment", "Deploy. Status"}, Case{"eligible_seats", "Elig. Seats"},
                        Case{"intent", "Cust. Intent"}, Case{"has_exchange", "Has Exchange Online"}}) {
    INFO(c.header);
    ColumnReport report = account(with(c.column, c.header));
    CHECK(match_of(report, c.header).kind == MatchKind::guessed);
    CHECK(column_of(report, c.header) == c.column);
    CHECK(report.notable());
    CHECK_FALSE(report.stops());
  }
}

TEST_CASE("near misses are not guessed: the column is missing and the run stops", "[columns]") {
  struct Case {
    const char* column;
    const char* header;
  };
  // "Contact" fits two columns, "Channels" only half of contact_channels, "Status"
  // and "Client" are generic words; a header holding a delimiter ("Notes;Intent")
  // comes from a file split on the wrong one.
  for (const Case& c :
       {Case{"contact_attempts", "Contact"}, Case{"contact_channels", "Channels"}, Case{"deployment", "Status"},
        Case{"intent", "Client"}, Case{"blocker", "Notes"}, Case{"intent", "Notes;Intent"}}) {
    INFO(c.header);
    ColumnReport report = account(with(c.column, c.header));
    CHECK(match_of(report, c.header).kind == MatchKind::unused);
    REQUIRE(report.stops());
    Problem stop = report.stop_problem(rules().schema);
    CHECK(stop.code() == "columns_missing");
    CHECK(stop.message(Lang::en).find(c.column) != std::string::npos);
    CHECK(stop.fix(Lang::en).find(std::string("=") + c.column + "'") != std::string::npos);  // --map '...=column'
    CHECK(stop.fix(Lang::en).find("--map '") != std::string::npos);
    CHECK(stop.fix(Lang::en).find(std::string("--allow-missing ") + c.column) != std::string::npos);
  }
}

TEST_CASE("half a name is not a guess even for a column no rule reads", "[columns]") {
  ColumnReport report = account(with("active_users", "Users"));
  CHECK(match_of(report, "Users").kind == MatchKind::unused);
  CHECK_FALSE(report.stops());  // no rule reads active_users
}

TEST_CASE("the stop names the header that might be the column and the exact --map", "[columns]") {
  ColumnReport report = account(with("contact_attempts", "Contact tries"));
  REQUIRE(report.stops());
  REQUIRE(report.missing.size() == 1);
  CHECK(report.missing[0].candidates == std::vector<std::string>{"Contact tries"});
  Problem stop = report.stop_problem(rules().schema);
  CHECK(stop.fix(Lang::en).find("--map 'Contact tries=contact_attempts'") != std::string::npos);
  CHECK(stop.text(Lang::es).find("--map 'Contact tries=contact_attempts'") != std::string::npos);
  CHECK(stop.text(Lang::es) != stop.text(Lang::en));
}

TEST_CASE("two headers guessing one column: neither wins", "[columns]") {
  std::vector<std::string> header = without("intent");
  header.push_back("Customer Intent");
  header.push_back("Intent (customer)");
  ColumnReport report = account(header);
  CHECK(match_of(report, "Customer Intent").kind == MatchKind::unused);
  CHECK(match_of(report, "Intent (customer)").kind == MatchKind::unused);
  CHECK(report.stops());
  CHECK(report.missing[0].candidates.size() == 2);
}

TEST_CASE("a map binds a header explicitly and wins over exact names", "[columns]") {
  ColumnOptions options;
  options.maps.push_back({"Contact tries", "contact_attempts", "--map"});
  ColumnReport report = account(with("contact_attempts", "Contact tries"), options);
  CHECK(match_of(report, "Contact tries").kind == MatchKind::mapped);
  CHECK_FALSE(report.stops());

  // A map can point a column at another header than its exact one.
  std::vector<std::string> header = kFullHeader;
  header.push_back("Intent (confirmed)");
  options.maps = {{"Intent (confirmed)", "intent", "--map"}};
  report = account(header, options);
  CHECK(column_of(report, "Intent (confirmed)") == "intent");
  CHECK(match_of(report, "intent").kind == MatchKind::unused);
}

TEST_CASE("a map naming an unknown column or a header the file lacks is an error", "[columns]") {
  std::vector<std::string_view> views(kFullHeader.begin(), kFullHeader.end());
  ColumnReport report;
  ColumnOptions options;
  options.maps = {{"intent", "intention", "--map"}};
  Result s = account_columns(rules(), views, options, report);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().problem.code() == "map_unknown_column");
  options.maps = {{"Customer Intent", "intent", "--map"}};
  s = account_columns(rules(), views, options, report);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().problem.code() == "map_header_not_found");
  CHECK(s.error().to_string(Lang::en).find("\"Customer Intent\"") != std::string::npos);
}

TEST_CASE("allow-missing lets a column be absent, and all of them; optional columns need no flag", "[columns]") {
  ColumnOptions options;
  options.allow_missing = {"has_exchange"};
  ColumnReport report = account(without("has_exchange"), options);
  CHECK_FALSE(report.stops());
  REQUIRE(report.missing.size() == 1);
  CHECK(report.missing[0].allowed);
  CHECK_FALSE(report.notable());  // a one-line note says so, not the whole report

  options.allow_missing = {"all"};
  report = account({"entitlement_id", "intent"}, options);
  CHECK_FALSE(report.stops());

  // target_date, l1, l2, tenant_id and customer are optional in the built-in taxonomy.
  report = account(without("target_date"));
  CHECK(report.missing.empty());
  report = account(without("l1"));
  CHECK(report.missing.empty());
}

TEST_CASE("a required column cannot be allowed missing", "[columns]") {
  ColumnOptions options;
  options.allow_missing = {"all"};
  ColumnReport report = account(without("entitlement_id"), options);
  CHECK(report.stops());
}

TEST_CASE("two headers naming one column is an error", "[columns]") {
  std::vector<std::string> header = kFullHeader;
  header.push_back("Intención");
  std::vector<std::string_view> views(header.begin(), header.end());
  ColumnReport report;
  Result s = account_columns(rules(), views, {}, report);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().problem.code() == "header_duplicate_column");
}

TEST_CASE("an output classified before has its own columns recognised, not guessed", "[columns]") {
  std::vector<std::string> header = kFullHeader;
  for (const char* added : {"suggested_l1", "suggested_l2", "rule", "problems", "changed"}) header.push_back(added);
  ColumnReport report = account(header);
  CHECK(match_of(report, "suggested_l1").kind == MatchKind::output);
  CHECK(match_of(report, "problems").kind == MatchKind::output);
  CHECK_FALSE(report.notable());

  // Without suggested_l1 a "Problems" column is the partner's own.
  header = kFullHeader;
  header.push_back("Problems");
  report = account(header);
  CHECK(match_of(report, "Problems").kind == MatchKind::unused);
}

TEST_CASE("parse_mapping splits at the last '=' and refuses empty sides", "[columns]") {
  auto map = parse_mapping("A=B=intent");
  REQUIRE(map);
  CHECK(map->header == "A=B");
  CHECK(map->column == "intent");
  CHECK_FALSE(parse_mapping("intent"));
  CHECK_FALSE(parse_mapping("=intent"));
  CHECK_FALSE(parse_mapping("Header="));
}

TEST_CASE("read_map_file reads HEADER=column lines, skips comments, names a bad line", "[columns]") {
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp != nullptr ? tmp : "/tmp") + "/ftstatus-columns-test.map";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF# map for the portal export\r\nCustomer Intent=intent\r\n\r\nBlk=blocker\r\n";
  }
  std::vector<HeaderMapping> maps;
  Result s = read_map_file(path, maps);
  REQUIRE(s.ok());
  REQUIRE(maps.size() == 2);
  CHECK(maps[0].header == "Customer Intent");
  CHECK(maps[1].column == "blocker");
  CHECK(maps[1].origin == path + ":4");
  {
    std::ofstream out(path, std::ios::binary);
    out << "Customer Intent=intent\nblocker\n";
  }
  maps.clear();
  s = read_map_file(path, maps);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().line == 2);
  CHECK(s.error().problem.code() == "map_line_invalid");
  std::remove(path.c_str());
}
