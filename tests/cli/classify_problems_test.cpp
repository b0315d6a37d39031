// `ftstatus classify`: the problems it reports on rows (code:column:line,
// exit status 1), --errors and --summary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

using namespace test_support;

// ----------------------------------------------------------------- problems

TEST_CASE("classify: every problem code appears as code:column:line and makes the exit status 1", "[classify]") {
  TempDir dir;
  std::string in = dir.file("p.csv",
                            "entitlement_id,customer,has_exchange,contact_attempts,intent,deployment,target_date\n"
                            "P1,Contoso,true,1,yes,enabled,2027-01-01\n"   // 2 clean
                            "P2,Contoso,true,1,yes,enabled\n"              // 3 one field short
                            "P3,Contoso,true,1,no,,,extra\n"               // 4 one field too many
                            "P4,Contoso,true,three,no,,\n"                 // 5
                            "P5,Contoso,maybe,1,Maybe,,\n"                 // 6
                            "P6,Caf\xE9,true,1,no,,\n"                     // 7 a cp1252 byte
                            ",Contoso,true,1,no,,\n"                       // 8
                            "P1,Contoso,true,1,no,,\n"                     // 9 P1 again
                            "P10,Contoso,true,1,yes,enabled,\n"            // 10
                            "P11,Contoso,true,1,yes,enabled,2026-02-30\n"  // 11
                            "P12,Contoso,true,1,yes,enabled,2026-11-23\n"  // 12
                            "P13,Contoso,true,1,yes,enabled,2027-11-25\n"  // 13
                            "P14,Contoso,true,1,yes,enabled,2027-11-24\n"  // 14 last day of the horizon
                            "P15,Contoso,true,1,yes,enabled,2026-11-24\n"  // 15 the as-of day
                            "P16,Contoso,true,1,no,,2026-02-30\n"          // 16 any given date must be real
                            "P17,Contoso,true,1,no,,2020-01-01\n");        // 17 past, but not required
  // Forced UTF-8: left to detection, that byte would make the file Windows-1252.
  Run r = run_line("classify --encoding utf-8 " + shell_quote(in) + kAsOf + kPartial);
  CHECK(r.status == 1);
  Table t = table(r.out);
  const std::vector<std::string> expected = {
      "",
      "field_count::3;target_date_missing:target_date:3",
      "field_count::4",
      "invalid_value:contact_attempts:5",
      "invalid_value:has_exchange:6;invalid_value:intent:6",
      "invalid_utf8:customer:7",
      "missing_id:entitlement_id:8",
      "duplicate_id:entitlement_id:9",
      "target_date_missing:target_date:10",
      "target_date_invalid:target_date:11",
      "target_date_past:target_date:12",
      "target_date_beyond_horizon:target_date:13",
      "",
      "",
      "target_date_invalid:target_date:16",
      "",
  };
  REQUIRE(t.rows.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("row " << i + 1);
    CHECK(t.at(i, "problems") == expected[i]);
  }
  // An invalid cell counts as empty for the rules; the row is still classified.
  CHECK(t.at(3, "rule") == "no_intent_other");
  CHECK(t.at(4, "rule") == "new_entitlement");
  // A short row is padded so the added columns stay aligned.
  CHECK(t.rows[1].size() == t.header.size());
  CHECK(t.at(1, "rule") == "adopting");

  SECTION("a clean file exits 0") {
    std::string clean = dir.file("clean.csv",
                                 "entitlement_id,customer,has_exchange,contact_attempts,intent,deployment,target_date\n"
                                 "P1,Contoso,true,1,yes,enabled,2027-01-01\n"
                                 "P2,Fabrikam,false,4,no,,\n");
    Run c = run_line("classify " + shell_quote(clean) + kAsOf + kPartial);
    CHECK(c.status == 0);
    CHECK(only_allow_missing_note(c.err));
    Table ct = table(c.out);
    CHECK(ct.at(0, "problems") == "");
    CHECK(ct.at(1, "problems") == "");
  }
}

TEST_CASE("classify keeps every row, in order, with the input cells byte for byte", "[classify]") {
  const std::string input_path = example("entitlements.csv");
  const std::string input = read_file(input_path);
  Run r = run_line("classify " + shell_quote(input_path) + kAsOf + kPartial);
  CHECK(r.status == 1);  // the example has rows with problems
  auto in_records = parse_csv(input);
  auto out_records = parse_csv(r.out);
  REQUIRE(in_records.size() == 52);
  REQUIRE(out_records.size() == in_records.size());
  const std::size_t width = in_records[0].size();
  CHECK(out_records[0].size() == width + 6);
  for (std::size_t i = 1; i < in_records.size(); ++i) {
    INFO("record " << i << " id " << in_records[i][0]);
    const auto& in = in_records[i];
    const auto& out = out_records[i];
    // Short rows are padded; the cells of long rows follow the added columns.
    REQUIRE(out.size() == std::max(in.size(), width) + 6);
    for (std::size_t f = 0; f < width; ++f) CHECK(out[f] == (f < in.size() ? in[f] : std::string()));
    for (std::size_t f = width; f < in.size(); ++f) CHECK(out[f + 6] == in[f]);
  }
  // The tricky cells, as they are in the output text.
  CHECK(contains(r.out, "\"Fabrikam, Inc.\""));
  CHECK(contains(r.out, "\"Teams (\"\"Phone System\"\" pilot)\""));
  CHECK(contains(r.out, "\"SharePoint Online\n(intranet, phase 2)\""));
  CHECK(contains(r.out, "Fourth Coffee Caf\xE9,"));  // not valid UTF-8, but kept as it was
}

TEST_CASE("the example entitlements file exercises every rule, every L2 and every problem code", "[classify]") {
  Run r = run_line("classify " + shell_quote(example("entitlements.csv")) + kAsOf + kPartial);
  CHECK(r.status == 1);
  Table t = table(r.out);
  std::set<std::string> rules, l2s, codes, changed;
  bool duplicate_invalid = false;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    rules.insert(t.at(i, "rule"));
    if (!t.at(i, "suggested_l2").empty()) l2s.insert(t.at(i, "suggested_l2"));
    duplicate_invalid = duplicate_invalid || t.at(i, "suggested_l1") == "duplicate_invalid";
    changed.insert(t.at(i, "changed"));
    for (const std::string& p : split(t.at(i, "problems"), ';'))
      if (!p.empty()) codes.insert(split(p, ':')[0]);
  }
  CHECK(rules.size() == 20);
  CHECK(l2s.size() == 18);
  CHECK(duplicate_invalid);
  CHECK(changed == std::set<std::string>{"false", "true"});
  CHECK(codes == std::set<std::string>{"field_count", "invalid_value", "invalid_utf8", "missing_id", "duplicate_id",
                                       "target_date_missing", "target_date_invalid", "target_date_past",
                                       "target_date_beyond_horizon"});
  // Spanish names and "L1 - "/"L2 - " prefixes are recognised as the same status.
  std::size_t row = t.row_of("FT-100005");
  CHECK(t.at(row, "l2") == "L2 - Migración");
  CHECK(t.at(row, "changed") == "false");
  CHECK(t.at(t.row_of("FT-100002"), "changed") == "false");  // En progreso / Incorporación técnica
  CHECK(t.at(t.row_of("FT-100009"), "changed") == "true");   // No Intent, but legally blocked
  // duplicate_id is flagged on the later row only.
  std::vector<std::size_t> ft10;
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    if (t.rows[i][0] == "FT-100010") ft10.push_back(i);
  REQUIRE(ft10.size() == 2);
  CHECK(t.at(ft10[0], "problems") == "");
  CHECK(t.at(ft10[1], "problems") == "duplicate_id:entitlement_id:41");
}

// ----------------------------------------------------- --errors, --summary

TEST_CASE("classify --errors writes one line per problem with the raw input line", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv",
                            "entitlement_id,customer,contact_attempts,intent,deployment,target_date\n"
                            "E1,\"Fabrikam, Inc.\",three,yes,enabled,\n"
                            "E2,Contoso,1,no,,\n"
                            "E3,Litware\n");
  std::string errors = dir.path("errors.csv");
  Run r = run_line("classify --errors " + shell_quote(errors) + " " + shell_quote(in) + kAsOf + kPartial);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "E1,\"Fabrikam, Inc.\",three,yes,enabled,,"));  // stdout still has the rows
  CHECK_FALSE(contains(r.out, "line,column,code"));
  CHECK(read_file(errors) ==
        "line,column,code,message,raw\n"
        "2,contact_attempts,invalid_value,the value of 'contact_attempts' is not valid; expected int,"
        "\"E1,\"\"Fabrikam, Inc.\"\",three,yes,enabled,\"\n"
        "2,target_date,target_date_missing,\"\"\"Solution or User Adoption\"\" requires a target date\","
        "\"E1,\"\"Fabrikam, Inc.\"\",three,yes,enabled,\"\n"
        "4,,field_count,the row has 2 fields but the header has 6,\"E3,Litware\"\n");

  SECTION("a clean run writes just the header") {
    std::string clean = dir.file("clean.csv", "entitlement_id,intent\nC1,no\n");
    std::string clean_errors = dir.path("clean-errors.csv");
    Run c = run_line("classify --errors " + shell_quote(clean_errors) + " " + shell_quote(clean) + kAsOf + kPartial);
    CHECK(c.status == 0);
    CHECK(read_file(clean_errors) == "line,column,code,message,raw\n");
  }
}

TEST_CASE("classify --summary prints counts to stderr and nothing extra to stdout", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv",
                            "entitlement_id,intent,deployment,migration,target_date,l1,l2\n"
                            "S1,yes,enabled,in_progress,2027-01-01,In Progress,Migration\n"
                            "S2,yes,enabled,in_progress,,In Progress,Migration\n"
                            "S3,no,,,,Blocked,Legal\n");
  Run plain = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
  Run r = run_line("classify --summary " + shell_quote(in) + kAsOf + kPartial);
  CHECK(r.status == 1);
  CHECK(r.status == plain.status);
  CHECK(r.out == plain.out);
  CHECK(only_allow_missing_note(plain.err));
  std::vector<std::string> lines = split_lines(r.err);
  CHECK(std::find(lines.begin(), lines.end(), "rows: 3") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "rows with problems: 1") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "rows changed: 1") != lines.end());
  std::map<std::string, std::string> per_status;
  bool in_counts = false;  // the column report comes first
  for (const std::string& line : lines) {
    in_counts = in_counts || line == "suggested statuses:";
    if (!in_counts || line.rfind("  ", 0) != 0) continue;
    std::istringstream words(line);
    std::string status, count;
    words >> status >> count;
    per_status[status] = count;
  }
  CHECK(per_status ==
        std::map<std::string, std::string>{{"in_progress/migration", "2"}, {"no_intent/executive_sponsorship", "1"}});
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back().rfind("time: ", 0) == 0);
  CHECK(contains(lines.back(), " rows/s)"));
}

TEST_CASE("classify --format jsonl writes valid UTF-8 even for invalid input bytes", "[classify]") {
  TempDir dir;
  std::string in = dir.file("u.csv", "entitlement_id,customer\nU1,Caf\xE9\n");
  Run r = run_line("classify --format jsonl --encoding utf-8 " + shell_quote(in) + kAsOf + kPartial);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "\"customer\":\"Caf\xEF\xBF\xBD\""));
  CHECK(contains(r.out, "invalid_utf8:customer:2"));
}
