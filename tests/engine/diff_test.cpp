// The comparison behind `ftstatus diff`: what counts as a regression, over
// the built-in taxonomy and a custom one with L3s, and run_diff on two small
// exports written in different dialects.
#include <catch2/catch.hpp>

#include <string>

#include "fasttrack_fixture.h"
#include "ftstatus/diff.h"
#include "ftstatus/loader.h"
#include "test_support.h"

using namespace ftstatus;
using fasttrack_fixture::builtin;
using fasttrack_fixture::builtin_loaded;

namespace {

StatusIndex id(const Taxonomy& taxonomy, const std::string& text) {
  for (std::size_t i = 0; i < taxonomy.statuses().size(); ++i)
    if (taxonomy.statuses()[i].id == text) return static_cast<StatusIndex>(i);
  FAIL("no status " << text);
  return kNoStatus;
}

long day(const char* iso) { return Date::parse_iso(iso)->days(); }

const Date kAsOf = *Date::parse_iso("2026-11-23");

Regression between(const Taxonomy& t, const char* from, const char* to, long from_date = kNoDate,
                   long to_date = kNoDate) {
  return classify_regression(t, id(t, from), from_date, id(t, to), to_date, kAsOf);
}

}  // namespace

TEST_CASE("regressions over the FastTrack taxonomy", "[diff]") {
  const Taxonomy& t = builtin();
  SECTION("back to the first L1 from any L1 that takes L2s") {
    CHECK(between(t, "migration", "customer_unresponsive") == Regression::back_to_start);
    CHECK(between(t, "legal_regulatory", "customer_unresponsive") == Regression::back_to_start);
    CHECK(between(t, "executive_sponsorship", "status_unknown") == Regression::back_to_start);
    // Out of Duplicate/Invalid is a data correction.
    CHECK(between(t, "duplicate_invalid", "customer_unresponsive") == Regression::none);
  }
  SECTION("out of In Progress to Blocked or No Intent, not to Duplicate/Invalid") {
    CHECK(between(t, "migration", "service_reliability") == Regression::left_active);
    CHECK(between(t, "technical_onboarding_deployment", "using_competitive_solution") == Regression::left_active);
    CHECK(between(t, "migration", "duplicate_invalid") == Regression::none);
    CHECK(between(t, "legal_regulatory", "using_competitive_solution") == Regression::none);
  }
  SECTION("an earlier In Progress phase") {
    CHECK(between(t, "solution_or_user_adoption", "technical_onboarding_deployment") == Regression::earlier_phase);
    CHECK(between(t, "migration", "technical_onboarding_deployment") == Regression::earlier_phase);
    CHECK(between(t, "technical_onboarding_deployment", "migration") == Regression::none);
    // Blocked's L2s are reasons, not phases.
    CHECK(between(t, "service_reliability", "customer_it_infrastructure_remediation") == Regression::none);
  }
  SECTION("a missed target date pushed later") {
    CHECK(between(t, "migration", "migration", day("2026-11-20"), day("2026-12-18")) == Regression::missed_pushed);
    CHECK(between(t, "migration", "migration", day("2026-11-23"), day("2026-12-18")) == Regression::missed_pushed);
    // Not passed yet, or moved earlier: no.
    CHECK(between(t, "migration", "migration", day("2026-11-24"), day("2026-12-18")) == Regression::none);
    CHECK(between(t, "migration", "migration", day("2026-11-20"), day("2026-11-19")) == Regression::none);
    // Onward progress with a new phase's date is not one.
    CHECK(between(t, "technical_onboarding_deployment", "migration", day("2026-11-20"), day("2026-12-18")) ==
          Regression::none);
  }
  SECTION("ordinary progress is none") {
    CHECK(between(t, "customer_unresponsive", "technical_onboarding_deployment") == Regression::none);
    CHECK(between(t, "it_change_management_resourcing", "migration") == Regression::none);
  }
}

TEST_CASE("regressions over a custom taxonomy with L3s, by its own order and policies", "[diff]") {
  const LoadResult loaded = load_taxonomy_file(test_support::kSourceDir + "/examples/custom-l3.yaml");
  REQUIRE(loaded.ok());
  const Taxonomy& t = *loaded.taxonomy;
  // open (target date required) > triage, in_work; on_hold; closed (leaf).
  CHECK(between(t, "configuration", "awaiting_details") == Regression::earlier_phase);  // in_work -> triage
  CHECK(between(t, "training", "configuration") == Regression::none);                   // within one L2
  CHECK(between(t, "awaiting_assignment", "configuration") == Regression::none);
  CHECK(between(t, "configuration", "support_case") == Regression::left_active);  // open -> on_hold
  CHECK(between(t, "configuration", "closed") == Regression::none);
  CHECK(between(t, "support_case", "awaiting_details") == Regression::none);  // on_hold -> open
}

TEST_CASE("run_diff compares an English export with a Spanish Excel one by meaning", "[diff]") {
  test_support::TempDir dir;
  const std::string old_csv = dir.file("old.csv",
                                       "entitlement_id,workload,target_date,l1,l2\n"
                                       "FT-1,Exchange Online,2026-11-20,In Progress,Migration\n"
                                       "FT-2,Microsoft Teams,2027-01-15,In Progress,Solution or User Adoption\n"
                                       "FT-3,Intune,,Blocked,Legal/Regulatory\n"
                                       "FT-4,SharePoint Online,2027-02-26,In Progress,Migration\n");
  // Windows-1252, ';', CRLF, dd/mm/yyyy, Spanish headers and names.
  const std::string new_csv = dir.file("new.csv",
                                       "ID de derecho;Carga de trabajo;Fecha objetivo;L1 actual;L2 actual\r\n"
                                       "FT-1;Exchange Online;18/12/2026;En progreso;Migraci\xF3n\r\n"
                                       "FT-2;Microsoft Teams;15/01/2027;En progreso;Incorporaci\xF3n t\xE9"
                                       "cnica\r\n"
                                       "FT-4;SharePoint Online;26/02/2027;En progreso;Migraci\xF3n\r\n"
                                       "FT-5;Intune;;Estado desconocido;Nueva suscripci\xF3n\r\n");
  DiffRequest request;
  request.old_input = old_csv;
  request.new_input = new_csv;
  request.classify.as_of = kAsOf;
  request.columns.allow_missing = {"all"};
  DiffResult diff;
  const Result run = run_diff(builtin(), builtin_loaded().rules, request, diff);
  INFO((run.ok() ? "" : run.error().to_string(Lang::en)));
  REQUIRE(run.ok());
  CHECK(diff.unchanged == 1);  // FT-4
  REQUIRE(diff.changes.size() == 4);
  CHECK(diff.changes[0].id == "FT-1");
  CHECK(diff.changes[0].kinds == (kDateLater | kMissed));
  CHECK(diff.changes[0].regression == Regression::missed_pushed);
  CHECK(diff.changes[1].id == "FT-2");
  CHECK(diff.changes[1].regression == Regression::earlier_phase);
  CHECK(diff.changes[2].id == "FT-5");
  CHECK(diff.changes[2].kinds == kAdded);
  CHECK(diff.changes[3].id == "FT-3");
  CHECK(diff.changes[3].kinds == kRemoved);
  CHECK(diff.regressions() == 2);
  REQUIRE(diff.transitions.size() == 1);
  CHECK(diff.transitions[0].changes == std::vector<std::size_t>{1});
}
