// Proposed target dates: suggested_target_date next to suggested_l2, filled
// only for rows whose suggested status needs a target date and whose own is
// missing, not a real day, past or beyond the horizon; --apply writes it into
// the row's target_date cell in the column's own form.
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

using namespace test_support;

namespace {

// As of 2026-11-24: onboarding proposes +60 days, migration +90, adoption +120 (taxonomy/fasttrack.yaml).
const std::string kRows =
    "entitlement_id,intent,deployment,migration,blocker,target_date,l1,l2\n"
    "OK,yes,enabled,in_progress,,2027-03-31,In Progress,Migration\n"
    "MISSING,yes,enabled,in_progress,,,In Progress,Migration\n"
    "PAST,yes,onboarding,,,2026-10-01,In Progress,Technical Onboarding/Deployment\n"
    "INVALID,yes,enabled,done,,2027-02-30,In Progress,Solution or User Adoption\n"
    "BEYOND,yes,enabled,in_progress,,2028-06-30,In Progress,Migration\n"
    "BLOCKED,yes,,,legal,,Blocked,Legal/Regulatory\n"
    "OTHER_BRANCH,yes,onboarding,,,,Blocked,\n";

}  // namespace

TEST_CASE("suggested_target_date proposes the as-of date plus the L2's propose_days where a date is needed",
          "[proposed_dates][classify]") {
  TempDir dir;
  const std::string in = dir.file("rows.csv", kRows);
  Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
  INFO(r.err);
  REQUIRE(r.status == 1);  // rows with target-date problems
  Table t = table(r.out);
  // Right after the suggested status, before rule.
  const std::size_t l2 = t.column("suggested_l2");
  REQUIRE(t.header.at(l2 + 1) == "suggested_target_date");
  CHECK(t.header.at(l2 + 2) == "rule");
  CHECK(t.at(t.row_of("OK"), "suggested_target_date") == "");
  CHECK(t.at(t.row_of("MISSING"), "suggested_target_date") == "2027-02-22");  // migration: +90
  CHECK(t.at(t.row_of("PAST"), "suggested_target_date") == "2027-01-23");     // onboarding: +60
  CHECK(t.at(t.row_of("INVALID"), "suggested_target_date") == "2027-03-24");  // adoption: +120
  CHECK(t.at(t.row_of("BEYOND"), "suggested_target_date") == "2027-02-22");
  CHECK(t.at(t.row_of("BLOCKED"), "suggested_target_date") == "");  // Blocked takes no target date
  CHECK(t.at(t.row_of("OTHER_BRANCH"), "suggested_target_date") == "2027-01-23");
  // Without --apply the input's own cells never change.
  CHECK(t.at(t.row_of("MISSING"), "target_date") == "");
  CHECK(t.at(t.row_of("PAST"), "target_date") == "2026-10-01");

  SECTION("the same in JSON lines, null where nothing is proposed") {
    Run j = run_line("classify --format jsonl " + shell_quote(in) + kAsOf + kPartial);
    CHECK(contains(j.out, "\"entitlement_id\":\"MISSING\""));
    CHECK(contains(j.out, "\"suggested_l2\":\"migration\",\"suggested_target_date\":\"2027-02-22\",\"rule\""));
    CHECK(contains(j.out, "\"suggested_l2\":\"legal_regulatory\",\"suggested_target_date\":null,\"rule\""));
  }
  SECTION("the proposal moves with --as-of") {
    Run later = run_line("classify " + shell_quote(in) + " --as-of 2026-12-31" + kPartial);
    CHECK(table(later.out).at(table(later.out).row_of("MISSING"), "suggested_target_date") == "2027-03-31");
  }
}

TEST_CASE("classify --apply fills an empty target date with the proposal; --apply=all also replaces a bad one",
          "[proposed_dates][classify]") {
  TempDir dir;
  const std::string in = dir.file("rows.csv", kRows);

  SECTION("--apply: empty cells only, and only where the row's own status is the suggestion's branch") {
    Run r = run_line("classify --apply " + shell_quote(in) + kAsOf + kPartial);
    REQUIRE(r.status == 1);
    Table t = table(r.out);
    CHECK(t.at(t.row_of("OK"), "target_date") == "2027-03-31");
    CHECK(t.at(t.row_of("MISSING"), "target_date") == "2027-02-22");
    CHECK(t.at(t.row_of("PAST"), "target_date") == "2026-10-01");     // a date the partner wrote stays
    CHECK(t.at(t.row_of("INVALID"), "target_date") == "2027-02-30");  // so does a broken one
    CHECK(t.at(t.row_of("BLOCKED"), "target_date") == "");
    // The row says Blocked and the suggestion is In Progress: an In Progress date on it would be wrong.
    CHECK(t.at(t.row_of("OTHER_BRANCH"), "target_date") == "");
    CHECK(t.at(t.row_of("OTHER_BRANCH"), "l1") == "Blocked");
    // The problems still describe the input row.
    CHECK(contains(t.at(t.row_of("MISSING"), "problems"), "target_date_missing"));
  }
  SECTION("--apply=all: every row needing a date gets the proposal, a good date is never replaced") {
    Run r = run_line("classify --apply=all " + shell_quote(in) + kAsOf + kPartial);
    REQUIRE(r.status == 1);
    Table t = table(r.out);
    CHECK(t.at(t.row_of("OK"), "target_date") == "2027-03-31");
    CHECK(t.at(t.row_of("MISSING"), "target_date") == "2027-02-22");
    CHECK(t.at(t.row_of("PAST"), "target_date") == "2027-01-23");
    CHECK(t.at(t.row_of("INVALID"), "target_date") == "2027-03-24");
    CHECK(t.at(t.row_of("BEYOND"), "target_date") == "2027-02-22");
    CHECK(t.at(t.row_of("BLOCKED"), "target_date") == "");
    CHECK(t.at(t.row_of("OTHER_BRANCH"), "target_date") == "2027-01-23");
    CHECK(t.at(t.row_of("OTHER_BRANCH"), "l1") == "in_progress");
  }
  SECTION("a dd/mm/yyyy column gets dd/mm/yyyy, an ISO column keeps ISO") {
    const std::string es = dir.file("es.csv",
                                    "ID de derecho;Intención;Implementación;Migración;Fecha objetivo;L1;L2\r\n"
                                    "E1;sí;habilitada;en curso;31/03/2027;En progreso;Migración\r\n"
                                    "E2;sí;habilitada;en curso;;En progreso;Migración\r\n");
    Run r = run_line("classify --apply " + shell_quote(es) + kAsOf + kPartial);
    INFO(r.err);
    Table t = table(r.out, ';');
    CHECK(t.at(t.row_of("E2"), "Fecha objetivo") == "22/02/2027");
    CHECK(t.at(t.row_of("E2"), "suggested_target_date") == "2027-02-22");  // ftstatus's own column: always ISO
    // Under --date-format mdy the column is month first.
    Run us = run_line("classify --apply --date-format mdy " + shell_quote(es) + kAsOf + kPartial);
    Table u = table(us.out, ';');
    CHECK(u.at(u.row_of("E2"), "Fecha objetivo") == "02/22/2027");
  }
  SECTION("the same rows with one and with four threads") {
    Run one = run_line("classify --apply=all --threads 1 " + shell_quote(in) + kAsOf + kPartial);
    Run four = run_line("classify --apply=all --threads 4 " + shell_quote(in) + kAsOf + kPartial);
    CHECK(one.out == four.out);
  }
}

TEST_CASE("a taxonomy where no status needs a target date adds no suggested_target_date", "[proposed_dates]") {
  TempDir dir;
  const std::string yaml = dir.file("t.yaml",
                                    "taxonomy: {id: t, name: T}\n"
                                    "statuses:\n"
                                    "  - {id: open, name: Open}\n"
                                    "columns:\n"
                                    "  - {id: ticket, type: string, required: true, unique: true}\n"
                                    "rules:\n"
                                    "  - {id: all, then: open}\n");
  const std::string in = dir.file("in.csv", "ticket\nT1\n");
  Run r = run_line("classify --taxonomy " + shell_quote(yaml) + " " + shell_quote(in) + kAsOf);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out == "ticket,suggested_l1,suggested_l2,rule,problems\nT1,open,,all,\n");
}

TEST_CASE("validate's fix hint proposes the date", "[proposed_dates][validate]") {
  Run en = run_line("validate --l1 'In Progress' --l2 'Technical Onboarding/Deployment'" + kAsOf);
  CHECK(en.status == 1);
  CHECK(contains(en.out, "proposed: 2027-01-23 (the as-of date + 60 days)"));
  Run es = run_line("validate --lang es --l1 'En progreso' --l2 Migración --target-date 2026-01-01" + kAsOf);
  CHECK(contains(es.out, "propuesta: 2027-02-22 (fecha de referencia + 90 días)"));
  // A status that takes no target date gets no proposal.
  Run blocked = run_line("validate --l1 Blocked --l2 Legal/Regulatory --target-date 2026-02-30" + kAsOf);
  CHECK(blocked.status == 1);
  CHECK_FALSE(contains(blocked.out, "proposed"));
}
