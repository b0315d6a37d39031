// `ftstatus classify`: CSV dialects (delimiters, date formats, encodings,
// line ends), standard input, -o, and input it must refuse.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace test_support;

// ------------------------------------------------------------ CSV dialects

TEST_CASE("classify detects the delimiter and keeps it in the output", "[classify]") {
  TempDir dir;

  SECTION("semicolon") {
    std::string in = dir.file(
        "s.csv", "entitlement_id;customer;intent;deployment;target_date\nS1;Fabrikam, Inc.;yes;enabled;2027-01-01\n");
    Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id;customer;intent;deployment;target_date;suggested_l1;suggested_l2;suggested_target_date;rule;"
          "problems\n"
          "S1;Fabrikam, Inc.;yes;enabled;2027-01-01;in_progress;solution_or_user_adoption;;adopting;\n");
  }

  SECTION("tab") {
    std::string in = dir.file(
        "t.tsv", "entitlement_id\tcustomer\tintent\tno_intent_reason\nT1\tNorthwind, Traders\tno\tcompetitor\n");
    Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id\tcustomer\tintent\tno_intent_reason\tsuggested_l1\tsuggested_l2\tsuggested_target_"
          "date\trule\tproblems\n"
          "T1\tNorthwind, Traders\tno\tcompetitor\tno_intent\tusing_competitive_solution\t\tno_intent_competitor\t\n");
  }

  SECTION("--delimiter ';' when the header has more commas than semicolons") {
    std::string in = dir.file("d.csv", "entitlement_id;notes, free text, here;intent\nD1;a, b;no\n");
    Run guessed = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    CHECK(guessed.status == 2);  // split on commas, the header has no entitlement_id
    CHECK(contains(guessed.err, "the file lacks a column it must have: entitlement_id"));
    Run r = run_line("classify --delimiter ';' " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id;notes, free text, here;intent;suggested_l1;suggested_l2;suggested_target_date;rule;problems\n"
          "D1;a, b;no;no_intent;executive_sponsorship;;no_intent_other;\n");
  }

  SECTION("Excel 'CSV UTF-8' in Spanish: BOM, CRLF, semicolons, Spanish headers") {
    const std::string path = example("entitlements-excel-es.csv");
    const std::string input = read_file(path);
    REQUIRE(input.substr(0, 3) == "\xEF\xBB\xBF");
    REQUIRE(contains(input, "\r\n"));
    Run r = run_line("classify " + shell_quote(path) + kAsOf + kPartial);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.substr(0, 3) == "\xEF\xBB\xBF");  // kept, so Excel reads the output as UTF-8
    CHECK(r.out.rfind("\xEF\xBB\xBF"
                      "ID de derecho;ID de inquilino;Cliente;",
                      0) == 0);
    Table t = table(r.out, ';');
    Table in = table(input, ';');
    CHECK(t.header.size() == in.header.size() + 6);
    REQUIRE(t.rows.size() == 12);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      INFO(t.rows[i][0]);
      CHECK(t.at(i, "problems") == "");
      CHECK(t.at(i, "changed") == "false");
      for (std::size_t f = 0; f < in.header.size(); ++f) CHECK(t.rows[i][f] == in.rows[i][f]);
    }
    CHECK(t.at(t.row_of("ES-2012"), "Cliente") == "Litware; División Norte");
    CHECK(t.at(t.row_of("ES-2004"), "rule") == "outlook_mobile_without_exchange");  // Tiene Exchange = no
    CHECK(t.at(t.row_of("ES-2009"), "rule") == "unresponsive");                     // El cliente respondió = no
  }
}

TEST_CASE("classify --date-format reads D/M/YYYY and M/D/YYYY target dates", "[classify]") {
  TempDir dir;
  std::string in = dir.file("d.csv",
                            "entitlement_id,intent,deployment,target_date\n"
                            "D1,yes,enabled,12/31/2026\n"
                            "D2,yes,enabled,31/12/2026\n"
                            "D3,yes,enabled,1/12/2026\n"
                            "D4,yes,enabled,2026-12-31\n");
  Table mdy = table(run_line("classify --date-format mdy " + shell_quote(in) + kAsOf + kPartial).out);
  CHECK(mdy.at(0, "problems") == "");
  CHECK(mdy.at(1, "problems") == "target_date_invalid:target_date:3");
  CHECK(mdy.at(2, "problems") == "target_date_past:target_date:4");  // January 12
  CHECK(mdy.at(3, "problems") == "");                                // ISO is read in every format
  Table dmy = table(run_line("classify --date-format dmy " + shell_quote(in) + kAsOf + kPartial).out);
  CHECK(dmy.at(0, "problems") == "target_date_invalid:target_date:2");
  CHECK(dmy.at(1, "problems") == "");
  CHECK(dmy.at(2, "problems") == "");  // 1 December
  CHECK(dmy.at(3, "problems") == "");
  Table iso = table(run_line("classify --date-format iso " + shell_quote(in) + kAsOf + kPartial).out);
  CHECK(iso.at(0, "problems") == "target_date_invalid:target_date:2");
  CHECK(iso.at(1, "problems") == "target_date_invalid:target_date:3");
  CHECK(iso.at(3, "problems") == "");
  // auto: the column's majority decides (two values only d/m/y reads, one only m/d/y).
  std::string mixed = dir.file("m.csv", read_file(in) + "D5,yes,enabled,30/12/2026\n");
  Run automatic = run_line("classify --summary " + shell_quote(mixed) + kAsOf + kPartial);
  Table a = table(automatic.out);
  CHECK(a.at(0, "problems") == "target_date_invalid:target_date:2");
  CHECK(a.at(1, "problems") == "");
  CHECK(a.at(4, "problems") == "");
  CHECK(
      contains(automatic.err, "dates in target_date read as dmy (2 values only d/m/y reads, 1 only m/d/y, 1 either)"));
  // The dates are written as they came.
  CHECK(dmy.at(1, "target_date") == "31/12/2026");
}

TEST_CASE("classify --encoding cp1252 turns Windows bytes into UTF-8", "[classify]") {
  TempDir dir;
  std::string in = dir.file("w.csv", "entitlement_id,customer\nW1,Caf\xE9 \x80 Contoso\n");
  Run cp = run_line("classify --encoding cp1252 " + shell_quote(in) + kAsOf + kPartial);
  CHECK(cp.status == 0);
  Table t = table(cp.out);
  CHECK(t.at(0, "customer") == "Café € Contoso");
  CHECK(t.at(0, "problems") == "");
  // Without --encoding the bytes give it away, and a note says which line.
  Run detected = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
  CHECK(detected.status == 0);
  CHECK(table(detected.out).at(0, "customer") == "Café € Contoso");
  CHECK(contains(detected.err, "is read as Windows-1252 (Excel's Western European CSV): line 2 is not UTF-8"));
  CHECK(detected.out.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reopens the output as UTF-8
  Run utf8 = run_line("classify --encoding utf-8 " + shell_quote(in) + kAsOf + kPartial);
  CHECK(utf8.status == 1);
  Table u = table(utf8.out);
  CHECK(u.at(0, "problems") == "invalid_utf8:customer:2");
  CHECK(u.at(0, "customer") == "Caf\xE9 \x80 Contoso");
}

// ------------------------------------------------------------ input / output

TEST_CASE("classify reads standard input for '-' and for no FILE", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv", "entitlement_id,intent,no_intent_reason\nE1,no,on_premises\n");
  Run from_file = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
  Run dash = run_line("classify -" + kAsOf + kPartial, in);
  Run none = run_line("classify" + kAsOf + kPartial, in);
  CHECK(from_file.status == 0);
  CHECK(dash.status == 0);
  CHECK(none.status == 0);
  CHECK(from_file.out ==
        "entitlement_id,intent,no_intent_reason,suggested_l1,suggested_l2,suggested_target_date,rule,problems\n"
        "E1,no,on_premises,no_intent,using_microsoft_on_premises_solution,,no_intent_on_premises,\n");
  CHECK(dash.out == from_file.out);
  CHECK(none.out == from_file.out);

  Run empty = run_line("classify -" + kAsOf + kPartial, "/dev/null");
  CHECK(empty.status == 2);
  CHECK(contains(empty.err, "<stdin>:1:1: the file is empty"));
}

TEST_CASE("classify rejects unreadable input with exit 2 and leaves -o as it was", "[classify]") {
  struct Case {
    const char* name;
    std::string content;
    std::string where;  // file:line:column on stderr
    const char* words;
  };
  const Case cases[] = {
      {"empty.csv", "", "empty.csv:1:1:", "the file is empty"},
      {"open-quote.csv", "entitlement_id,customer\nA1,Contoso\nA2,\"Fabrikam, Inc.\nA3,Litware\n",
       "open-quote.csv:3:4:", "still open at the end of the file"},
      {"no-id.csv", "customer,intent\nContoso,yes\n",
       "no-id.csv:1:1:", "the file lacks a column it must have: entitlement_id"},
      {"binary.csv", std::string("entitlement_id,customer\nA1,Con\0toso\n", 36), "binary.csv:2:7:", "NUL byte"},
      {"two-ids.csv", "entitlement_id,Entitlement ID\nA1,A1\n",
       "two-ids.csv:1:1:", "both name column 'entitlement_id'"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    std::string in = dir.file(c.name, c.content);
    std::string out = dir.file("out.csv", "previous output\n");
    std::string errors = dir.file("errors.csv", "previous errors\n");
    Run r = run_line("classify " + shell_quote(in) + " -o " + shell_quote(out) + " --errors " + shell_quote(errors) +
                     kAsOf + kPartial);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "ftstatus: " + dir.path(c.where)));
    CHECK(contains(r.err, c.words));
    CHECK(r.out.empty());
    CHECK(read_file(out) == "previous output\n");
    CHECK(read_file(errors) == "previous errors\n");
    CHECK(dir.names() == std::set<std::string>{c.name, "out.csv", "errors.csv"});  // no temporary file left behind
  }

  SECTION("a path that does not exist") {
    TempDir dir;
    std::string out = dir.file("out.csv", "previous output\n");
    Run r = run_line("classify " + shell_quote(dir.path("missing.csv")) + " -o " + shell_quote(out) + kAsOf + kPartial);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "missing.csv: cannot open"));
    CHECK(read_file(out) == "previous output\n");
  }
}

TEST_CASE("classify -o writes the file, nothing to stdout, same exit status", "[classify]") {
  TempDir dir;
  for (const std::string& input : {example("entitlements.csv"), example("entitlements-excel-es.csv")}) {
    INFO(input);
    std::string out = dir.file("out.csv", "previous output\n");
    Run to_stdout = run_line("classify " + shell_quote(input) + kAsOf + kPartial);
    Run to_file = run_line("classify " + shell_quote(input) + " -o " + shell_quote(out) + kAsOf + kPartial);
    CHECK(to_file.status == to_stdout.status);
    CHECK(to_file.out.empty());
    CHECK(read_file(out) == to_stdout.out);
  }
  Run bad = run_line("classify " + shell_quote(example("entitlements.csv")) + kAsOf + kPartial);
  CHECK(bad.status == 1);
}

TEST_CASE("classify writes CRLF line ends when the input uses them", "[classify]") {
  TempDir dir;
  std::string in = dir.file("crlf.csv", "entitlement_id,intent,deployment\r\nC1,,enabled\r\nC2,\"no\",\r\n");
  Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "entitlement_id,intent,deployment,suggested_l1,suggested_l2,suggested_target_date,rule,problems\r\n"
        "C1,,enabled,status_unknown,new_subscription_or_workload,,new_entitlement,\r\n"
        "C2,\"no\",,no_intent,executive_sponsorship,,no_intent_other,\r\n");
}

TEST_CASE("classify -o to a device writes to it and never replaces it", "[classify]") {
  TempDir dir;
  std::string in = dir.file("d.csv", "entitlement_id\nD1\n");
  Run r = run_line("classify " + shell_quote(in) + " -o /dev/null" + kAsOf + kPartial);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("classify of a folder says so", "[classify]") {
  TempDir dir;
  Run r = run_line("classify " + shell_quote(dir.path("")) + kAsOf + kPartial);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "is a folder"));
}
