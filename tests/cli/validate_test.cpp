// `ftstatus validate`: one assignment given by flags, and a whole CSV file
// (bulk validate) checking the current status of every row.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_support.h"

using namespace test_support;

// -------------------------------------------------------------- validate

TEST_CASE("validate accepts a correct assignment given by Spanish names", "[cli]") {
  Run r = run({"validate", "--l1", "en progreso", "--l2", "L2 - Migración", "--target-date", "2027-01-10", "--as-of",
               kAsOfDate});
  CHECK(r.status == 0);
  CHECK(r.out.rfind("valid: ", 0) == 0);
  CHECK(contains(r.out, "in_progress/migration"));
  CHECK(r.err.empty());
}

TEST_CASE("validate reports each problem code and exits 1", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    std::string code;
  };
  const std::vector<Case> cases = {
      {{"--l1", "blocked", "--l2", "migration"}, "l2_not_under_l1"},
      {{"--l1", "blokced"}, "unknown_l1"},
      {{"--l1", "in_progress", "--l2", "migraton", "--target-date", "2027-01-10"}, "unknown_l2"},
      {{"--l1", "blocked"}, "l2_missing"},
      {{"--l1", "duplicate_invalid", "--l2", "migration"}, "l2_not_allowed"},
      {{"--l1", "in_progress", "--l2", "migration", "--l3", "x", "--target-date", "2027-01-10"}, "l3_not_allowed"},
      {{"--l1", "in_progress", "--l2", "migration"}, "target_date_missing"},
      {{"--l1", "in_progress", "--l2", "migration", "--target-date", "2026-02-30"}, "target_date_invalid"},
      {{"--l1", "in_progress", "--l2", "migration", "--target-date", "2026-11-23"}, "target_date_past"},
      {{"--l1", "in_progress", "--l2", "migration", "--target-date", "2027-11-25"}, "target_date_beyond_horizon"},
  };
  for (const char* lang : {"en", "es"}) {
    for (const Case& c : cases) {
      std::vector<std::string> args = {"validate", "--as-of", kAsOfDate, "--lang", lang};
      args.insert(args.end(), c.args.begin(), c.args.end());
      std::string shown;
      for (const std::string& a : args) shown += " " + shell_quote(a);
      INFO("ftstatus" << shown);
      Run r = run(args);
      CHECK(r.status == 1);
      CHECK(contains(r.out, "error " + c.code + ":"));
      CHECK(contains(r.out, std::string(lang) == "es" ? "no válido" : "invalid"));
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("validate explains problems in the chosen language", "[cli]") {
  SECTION("unknown L1 suggests names, in English") {
    Run r = run({"validate", "--l1", "blokced", "--as-of", kAsOfDate});
    CHECK(r.status == 1);
    CHECK(contains(r.out, "unknown_l1"));
    CHECK(contains(r.out, "did you mean \"Blocked\""));
  }
  SECTION("and in Spanish") {
    Run r = run({"validate", "--l1", "blokced", "--as-of", kAsOfDate, "--lang", "es"});
    CHECK(r.status == 1);
    CHECK(contains(r.out, "¿quiso decir \"Bloqueo\""));
    CHECK_FALSE(contains(r.out, "did you mean"));
  }
  SECTION("target date messages in Spanish") {
    Run r = run({"validate", "--l1", "in_progress", "--l2", "migration", "--as-of", kAsOfDate, "--lang", "es"});
    CHECK(r.status == 1);
    CHECK(contains(r.out, "target_date_missing"));
    CHECK(contains(r.out, "fecha objetivo"));
    CHECK(contains(r.out, "solución:"));
  }
  SECTION("not-under message names both L1s") {
    Run en = run({"validate", "--l1", "blocked", "--l2", "migration", "--as-of", kAsOfDate});
    CHECK(contains(en.out, "\"In Progress\""));
    CHECK(contains(en.out, "\"Blocked\""));
    Run es = run({"validate", "--l1", "blocked", "--l2", "migration", "--as-of", kAsOfDate, "--lang", "es"});
    CHECK(contains(es.out, "\"En progreso\""));
    CHECK(contains(es.out, "\"Bloqueo\""));
  }
}

TEST_CASE("validate --format json", "[cli]") {
  Run r = run({"validate", "--l1", "in_progress", "--l2", "migration", "--target-date", "2026-11-23", "--as-of",
               kAsOfDate, "--format", "json"});
  CHECK(r.status == 1);
  CHECK(contains(r.out, "\"valid\": false"));
  CHECK(contains(r.out, "\"code\": \"target_date_past\""));
  CHECK(contains(r.out, "\"as_of\": \"2026-11-24\""));
  CHECK(contains(r.out, "\"path\": \"in_progress/migration\""));

  Run ok = run({"validate", "--l1", "in_progress", "--l2", "migration", "--target-date", "2026-12-01", "--as-of",
                kAsOfDate, "--format", "json"});
  CHECK(ok.status == 0);
  CHECK(contains(ok.out, "\"valid\": true"));
  CHECK(contains(ok.out, "\"findings\": []"));
}

TEST_CASE("validate with an L3 taxonomy", "[cli]") {
  const std::string taxonomy = FTSTATUS_SOURCE_DIR "/examples/custom-l3.yaml";
  Run ok = run({"validate", "--taxonomy", taxonomy, "--l1", "open", "--l2", "in_work", "--l3", "migration",
                "--target-date", "2030-01-15", "--as-of", "2030-01-01"});
  CHECK(ok.status == 0);
  CHECK(contains(ok.out, "open/in_work/migration"));
  Run bad = run({"validate", "--taxonomy", taxonomy, "--l1", "open", "--l2", "triage", "--l3", "migration",
                 "--target-date", "2030-01-02", "--as-of", "2030-01-01"});
  CHECK(bad.status == 1);
  CHECK(contains(bad.out, "error l3_not_under_l2:"));
}

TEST_CASE("validate usage errors exit 2", "[cli]") {
  SECTION("missing --l1") {
    Run r = run({"validate", "--l2", "migration", "--as-of", kAsOfDate});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "--l1"));
  }
  SECTION("--as-of not a real day") {
    Run r = run({"validate", "--l1", "blocked", "--as-of", "2026-02-30"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "2026-02-30"));
  }
  SECTION("unsupported language") {
    Run r = run({"validate", "--l1", "blocked", "--as-of", kAsOfDate, "--lang", "fr"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "fr"));
  }
  SECTION("unknown option") {
    Run r = run({"validate", "--l1", "blocked", "--as-of", kAsOfDate, "--frobnicate"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "--frobnicate"));
  }
  SECTION("no subcommand") {
    Run r = run({});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
  SECTION("unknown subcommand") {
    Run r = run({"frobnicate"});
    CHECK(r.status == 2);
    CHECK_FALSE(r.err.empty());
  }
}

// ------------------------------------------------------------ validate FILE

TEST_CASE("validate FILE.csv checks the current assignment of every row", "[classify]") {
  TempDir dir;
  std::string good = dir.file("good.csv",
                              "entitlement_id,l1,l2,target_date\n"
                              "E1,In Progress,Migration,2027-01-10\n"
                              "E2,Bloqueo,Legal,\n"
                              "E3,L1 - Duplicate/Invalid,,\n"
                              "E4,status_unknown,customer_unresponsive,\n");
  Run ok = run_line("validate " + shell_quote(good) + kAsOf);
  CHECK(ok.status == 0);
  CHECK(ok.out == "4 rows, 0 invalid\n");

  std::string bad = dir.file("bad.csv",
                             "entitlement_id,l1,l2,target_date\n"
                             "E1,In Progress,Legal,2027-01-10\n"
                             "E2,Pending,Legal,\n"
                             "E3,In Progress,Migration,2026-01-10\n"
                             "E4,Blocked,Billing,\n");

  SECTION("text") {
    Run r = run_line("validate " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    std::vector<std::string> lines = split_lines(r.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].rfind("line 2: E1: l2_not_under_l1: ", 0) == 0);
    CHECK(lines[1].rfind("line 3: E2: unknown_l1: ", 0) == 0);
    CHECK(lines[2].rfind("line 4: E3: target_date_past: ", 0) == 0);
    CHECK(lines[3] == "4 rows, 3 invalid");
  }

  SECTION("csv") {
    Run r = run_line("validate --format csv " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    Table t = table(r.out);
    CHECK(t.header == std::vector<std::string>{"line", "entitlement_id", "code", "message", "fix"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0][0] == "2");
    CHECK(t.rows[0][1] == "E1");
    CHECK(t.rows[0][2] == "l2_not_under_l1");
    CHECK(t.rows[1][0] == "3");
    CHECK(t.rows[1][1] == "E2");
    CHECK(t.rows[1][2] == "unknown_l1");
    CHECK(t.rows[2][0] == "4");
    CHECK(t.rows[2][1] == "E3");
    CHECK(t.rows[2][2] == "target_date_past");
    // Migration's propose_days is 90: the fix proposes the as-of date + 90 days.
    CHECK(t.rows[2][4] ==
          "set a target date from 2026-11-24 to 2027-11-24 (YYYY-MM-DD); proposed: 2027-02-22 (the as-of date + 90 "
          "days)");
  }

  SECTION("json") {
    Run r = run_line("validate --format json " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    CHECK(contains(r.out, "\"line\": 2,\n      \"entitlement_id\": \"E1\",\n      \"code\": \"l2_not_under_l1\""));
    CHECK(contains(r.out, "\"line\": 3,\n      \"entitlement_id\": \"E2\",\n      \"code\": \"unknown_l1\""));
    CHECK(contains(r.out, "\"line\": 4,\n      \"entitlement_id\": \"E3\",\n      \"code\": \"target_date_past\""));
    CHECK(contains(r.out, "\"rows\": 4,\n  \"invalid_rows\": 3\n}"));
  }

  SECTION("the Spanish Excel example is valid") {
    Run r = run_line("validate " + shell_quote(example("entitlements-excel-es.csv")) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out == "12 rows, 0 invalid\n");
  }

  SECTION("a FILE and --l1 together are a usage error") {
    Run r = run_line("validate " + shell_quote(good) + " --l1 blocked" + kAsOf);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "not both"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("bulk validate names rows by a custom schema's unique column", "[classify]") {
  TempDir dir;
  std::string in = dir.file("t.csv", "ticket_id,l1,l2\nSD-1,Nope,\n");
  Run r = run_line("validate " + shell_quote(in) + " --taxonomy " + shell_quote(example("custom-l3.yaml")) + kAsOf);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "line 2: SD-1: unknown_l1:"));
}
