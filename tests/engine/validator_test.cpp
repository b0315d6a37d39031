#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ftstatus/date.h"
#include "ftstatus/lang.h"
#include "ftstatus/loader.h"
#include "ftstatus/taxonomy.h"
#include "ftstatus/validator.h"

using ftstatus::Assignment;
using ftstatus::Code;
using ftstatus::Date;
using ftstatus::Finding;
using ftstatus::kNoStatus;
using ftstatus::Lang;
using ftstatus::StatusIndex;
using ftstatus::Taxonomy;
using ftstatus::Validation;

namespace {

using Codes = std::vector<std::string>;

const Taxonomy& fasttrack() {
  static const Taxonomy taxonomy = [] {
    ftstatus::LoadResult loaded = ftstatus::load_builtin_taxonomy();
    REQUIRE(loaded.ok());
    return *loaded.taxonomy;
  }();
  return taxonomy;
}

const Taxonomy& custom_l3() {
  static const Taxonomy taxonomy = [] {
    ftstatus::LoadResult loaded = ftstatus::load_taxonomy_file(FTSTATUS_SOURCE_DIR "/examples/custom-l3.yaml");
    REQUIRE(loaded.errors.empty());
    REQUIRE(loaded.ok());
    return *loaded.taxonomy;
  }();
  return taxonomy;
}

const Date kAsOf = *Date::parse_iso("2026-11-24");

std::string day(long offset) { return kAsOf.plus_days(offset).to_iso(); }

Validation check(const Taxonomy& t, const std::string& l1, const std::string& l2, const std::string& l3,
                 const std::string& date) {
  return ftstatus::validate(t, Assignment{l1, l2, l3, date}, kAsOf);
}

Validation check(const std::string& l1, const std::string& l2, const std::string& date) {
  return check(fasttrack(), l1, l2, "", date);
}

Codes codes(const Validation& v) {
  Codes out;
  for (const Finding& f : v.findings) out.emplace_back(ftstatus::code_name(f.code));
  return out;
}

// The id of a resolved status, or "" when unresolved.
std::string id_of(const Taxonomy& t, StatusIndex i) { return i == kNoStatus ? std::string() : t.at(i).id; }

std::vector<std::string> ids(const Taxonomy& t, const std::vector<StatusIndex>& list) {
  std::vector<std::string> out;
  for (StatusIndex i : list) out.push_back(id_of(t, i));
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every message and fix is non-empty and really translated.
void check_messages(const Taxonomy& t, const Validation& v) {
  for (const Finding& f : v.findings) {
    INFO("code " << ftstatus::code_name(f.code));
    std::string en = ftstatus::finding_message(t, f, Lang::en);
    std::string es = ftstatus::finding_message(t, f, Lang::es);
    std::string fix_en = ftstatus::finding_fix(t, f, Lang::en);
    std::string fix_es = ftstatus::finding_fix(t, f, Lang::es);
    CHECK_FALSE(en.empty());
    CHECK_FALSE(es.empty());
    CHECK_FALSE(fix_en.empty());
    CHECK_FALSE(fix_es.empty());
    CHECK(en != es);
    CHECK(fix_en != fix_es);
  }
}

}  // namespace

TEST_CASE("code_name spells every code as its enumerator, in declaration order", "[validator]") {
#define FTSTATUS_CODE(name) \
  std::pair<Code, std::string> { Code::name, #name }
  const std::vector<std::pair<Code, std::string>> expected = {
      FTSTATUS_CODE(l1_missing),
      FTSTATUS_CODE(unknown_l1),
      FTSTATUS_CODE(unknown_l2),
      FTSTATUS_CODE(unknown_l3),
      FTSTATUS_CODE(l2_missing),
      FTSTATUS_CODE(l2_not_allowed),
      FTSTATUS_CODE(l3_not_allowed),
      FTSTATUS_CODE(l2_not_under_l1),
      FTSTATUS_CODE(l3_not_under_l2),
      FTSTATUS_CODE(target_date_missing),
      FTSTATUS_CODE(target_date_invalid),
      FTSTATUS_CODE(target_date_past),
      FTSTATUS_CODE(target_date_beyond_horizon),
  };
#undef FTSTATUS_CODE
  const std::vector<Code>& all = ftstatus::all_codes();
  REQUIRE(all.size() == expected.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i] == expected[i].first);
    CHECK(std::string(ftstatus::code_name(expected[i].first)) == expected[i].second);
  }
}

TEST_CASE("a complete, correct assignment is valid and resolves its ids", "[validator]") {
  Validation v = check("in_progress", "migration", day(30));
  CHECK(codes(v).empty());
  CHECK(v.valid());
  CHECK(id_of(fasttrack(), v.l1) == "in_progress");
  CHECK(id_of(fasttrack(), v.l2) == "migration");
  CHECK(v.l3 == kNoStatus);
  CHECK(id_of(fasttrack(), v.deepest()) == "migration");

  // A status whose policy does not require a date needs none.
  Validation no_intent = check("no_intent", "using_competitive_solution", "");
  CHECK(codes(no_intent).empty());
  CHECK(id_of(fasttrack(), no_intent.l1) == "no_intent");
  CHECK(id_of(fasttrack(), no_intent.l2) == "using_competitive_solution");

  // duplicate_invalid is a leaf: no L2, no date.
  Validation dup = check("duplicate_invalid", "", "");
  CHECK(codes(dup).empty());
  CHECK(id_of(fasttrack(), dup.l1) == "duplicate_invalid");
  CHECK(dup.l2 == kNoStatus);
}

TEST_CASE("names are matched by id, English or Spanish name, prefix, case, accents and spacing", "[validator]") {
  Validation v = check("en progreso", "L2 - Migración", day(10));
  CHECK(codes(v).empty());
  CHECK(id_of(fasttrack(), v.l1) == "in_progress");
  CHECK(id_of(fasttrack(), v.l2) == "migration");

  Validation upper = check("In Progress", "MIGRATION", day(10));
  CHECK(codes(upper).empty());
  CHECK(id_of(fasttrack(), upper.l2) == "migration");

  Validation blocked = check(" Bloqueo ", "Legal/Regulatory", "");
  CHECK(codes(blocked).empty());
  CHECK(id_of(fasttrack(), blocked.l1) == "blocked");
  CHECK(id_of(fasttrack(), blocked.l2) == "legal_regulatory");

  Validation dup = check("duplicado/no válido", "", "");
  CHECK(codes(dup).empty());
  CHECK(id_of(fasttrack(), dup.l1) == "duplicate_invalid");
}

TEST_CASE("a missing or unknown L1 is reported with suggestions", "[validator]") {
  SECTION("l1_missing") {
    Validation v = check("", "", "");
    CHECK(codes(v) == Codes{"l1_missing"});
    CHECK(v.l1 == kNoStatus);
    CHECK(ids(fasttrack(), v.findings[0].suggestions) ==
          std::vector<std::string>{"status_unknown", "in_progress", "no_intent", "blocked", "duplicate_invalid"});
    check_messages(fasttrack(), v);
  }
  SECTION("blank L1 counts as missing") { CHECK(codes(check("   ", "", "")) == Codes{"l1_missing"}); }
  SECTION("unknown_l1 suggests the closest name first") {
    Validation v = check("blokced", "", "");
    CHECK(codes(v) == Codes{"unknown_l1"});
    CHECK(v.l1 == kNoStatus);
    CHECK(v.findings[0].field == "l1");
    CHECK(v.findings[0].value == "blokced");
    REQUIRE_FALSE(v.findings[0].suggestions.empty());
    CHECK(id_of(fasttrack(), v.findings[0].suggestions[0]) == "blocked");
    check_messages(fasttrack(), v);
    CHECK(contains(ftstatus::finding_fix(fasttrack(), v.findings[0], Lang::en), "\"Blocked\""));
    CHECK(contains(ftstatus::finding_fix(fasttrack(), v.findings[0], Lang::es), "\"Bloqueo\""));
  }
  SECTION("an L2 name is not an L1") { CHECK(codes(check("migration", "", "")) == Codes{"unknown_l1"}); }
}

TEST_CASE("L2 problems: missing, unknown, not allowed, under another L1", "[validator]") {
  SECTION("l2_missing lists the L1's children") {
    Validation v = check("blocked", "", "");
    CHECK(codes(v) == Codes{"l2_missing"});
    CHECK(id_of(fasttrack(), v.l1) == "blocked");
    CHECK(v.l2 == kNoStatus);
    CHECK(id_of(fasttrack(), v.findings[0].status) == "blocked");
    CHECK(v.findings[0].suggestions.size() == 10);
    check_messages(fasttrack(), v);
  }
  SECTION("unknown_l2 suggests the closest child first") {
    Validation v = check("in_progress", "migraton", day(10));
    CHECK(codes(v) == Codes{"unknown_l2"});
    CHECK(id_of(fasttrack(), v.l1) == "in_progress");
    CHECK(v.l2 == kNoStatus);
    CHECK(v.findings[0].field == "l2");
    CHECK(v.findings[0].value == "migraton");
    CHECK(id_of(fasttrack(), v.findings[0].status) == "in_progress");
    REQUIRE_FALSE(v.findings[0].suggestions.empty());
    CHECK(id_of(fasttrack(), v.findings[0].suggestions[0]) == "migration");
    check_messages(fasttrack(), v);
  }
  SECTION("l2_not_allowed under a leaf L1") {
    Validation v = check("duplicate_invalid", "migration", "");
    CHECK(codes(v) == Codes{"l2_not_allowed"});
    CHECK(id_of(fasttrack(), v.l1) == "duplicate_invalid");
    CHECK(v.l2 == kNoStatus);
    CHECK(v.findings[0].value == "migration");
    check_messages(fasttrack(), v);
    CHECK(codes(check("duplicate_invalid", "anything at all", "")) == Codes{"l2_not_allowed"});
  }
  SECTION("l2_not_under_l1 names where the L2 belongs") {
    Validation v = check("blocked", "migration", "");
    CHECK(codes(v) == Codes{"l2_not_under_l1"});
    CHECK(id_of(fasttrack(), v.l1) == "blocked");
    CHECK(v.l2 == kNoStatus);
    const Finding& f = v.findings[0];
    CHECK(id_of(fasttrack(), f.status) == "blocked");
    CHECK(id_of(fasttrack(), f.actual_parent) == "in_progress");
    check_messages(fasttrack(), v);
    std::string en = ftstatus::finding_message(fasttrack(), f, Lang::en);
    std::string es = ftstatus::finding_message(fasttrack(), f, Lang::es);
    CHECK(contains(en, "Blocked"));
    CHECK(contains(en, "In Progress"));
    CHECK(contains(es, "Bloqueo"));
    CHECK(contains(es, "En progreso"));
    CHECK(contains(ftstatus::finding_fix(fasttrack(), f, Lang::en), "\"In Progress\""));
  }
}

TEST_CASE("L3 problems need a taxonomy with L3s", "[validator]") {
  const Taxonomy& t = custom_l3();
  const std::string date = day(3);  // within triage's 7-day horizon

  SECTION("a full three-level assignment is valid") {
    Validation v = check(t, "open", "in_work", "migration", date);
    CHECK(codes(v).empty());
    CHECK(id_of(t, v.l1) == "open");
    CHECK(id_of(t, v.l2) == "in_work");
    CHECK(id_of(t, v.l3) == "migration");
    CHECK(id_of(t, v.deepest()) == "migration");
  }
  SECTION("unknown_l3") {
    Validation v = check(t, "open", "in_work", "migrashun", date);
    CHECK(codes(v) == Codes{"unknown_l3"});
    CHECK(id_of(t, v.l2) == "in_work");
    CHECK(v.l3 == kNoStatus);
    CHECK(v.findings[0].field == "l3");
    CHECK(id_of(t, v.findings[0].status) == "in_work");
    REQUIRE_FALSE(v.findings[0].suggestions.empty());
    CHECK(id_of(t, v.findings[0].suggestions[0]) == "migration");
    check_messages(t, v);
  }
  SECTION("l3_not_under_l2") {
    Validation v = check(t, "open", "triage", "migration", date);
    CHECK(codes(v) == Codes{"l3_not_under_l2"});
    CHECK(id_of(t, v.l2) == "triage");
    CHECK(v.l3 == kNoStatus);
    CHECK(id_of(t, v.findings[0].status) == "triage");
    CHECK(id_of(t, v.findings[0].actual_parent) == "in_work");
    check_messages(t, v);
  }
  SECTION("l3_not_allowed under an L2 without L3s") {
    Validation v = check(t, "on_hold", "waiting_on_customer", "training", "");
    CHECK(codes(v) == Codes{"l3_not_allowed"});
    CHECK(id_of(t, v.l2) == "waiting_on_customer");
    check_messages(t, v);
  }
  SECTION("an L3 is not checked when the L2 did not resolve") {
    CHECK(codes(check(t, "open", "nonsense", "migration", date)) == Codes{"unknown_l2"});
  }
}

TEST_CASE("l3_not_allowed: FastTrack L2s take no L3", "[validator]") {
  Validation v = check(fasttrack(), "in_progress", "migration", "anything", day(10));
  CHECK(codes(v) == Codes{"l3_not_allowed"});
  CHECK(id_of(fasttrack(), v.l1) == "in_progress");
  CHECK(id_of(fasttrack(), v.l2) == "migration");
  CHECK(v.l3 == kNoStatus);
  CHECK(v.findings[0].field == "l3");
  CHECK(v.findings[0].value == "anything");
  CHECK(id_of(fasttrack(), v.findings[0].status) == "migration");
  check_messages(fasttrack(), v);
}

TEST_CASE("target_date_missing when the status requires a date", "[validator]") {
  Validation v = check("in_progress", "migration", "");
  CHECK(codes(v) == Codes{"target_date_missing"});
  CHECK(id_of(fasttrack(), v.l2) == "migration");
  CHECK(v.findings[0].field == "target_date");
  CHECK(id_of(fasttrack(), v.findings[0].status) == "migration");
  CHECK(v.findings[0].as_of == "2026-11-24");
  CHECK(v.findings[0].latest == "2027-11-24");
  check_messages(fasttrack(), v);

  CHECK(codes(check("in_progress", "migration", "   ")) == Codes{"target_date_missing"});
  // The L1's policy applies when the L2 is missing too.
  CHECK(codes(check("in_progress", "", "")) == Codes{"l2_missing", "target_date_missing"});
}

TEST_CASE("target_date_invalid for anything that is not a real YYYY-MM-DD day", "[validator]") {
  for (const char* bad : {"2026-02-30", "2026-1-5", "tomorrow", "24/11/2026", "2026-13-01"}) {
    INFO(bad);
    Validation v = check("in_progress", "migration", bad);
    CHECK(codes(v) == Codes{"target_date_invalid"});
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].value == bad);
    check_messages(fasttrack(), v);
  }
  // Whatever the status's policy, and even when the status is unknown.
  CHECK(codes(check("blocked", "legal_regulatory", "2026-02-30")) == Codes{"target_date_invalid"});
  CHECK(codes(check("no_intent", "executive_sponsorship", "tomorrow")) == Codes{"target_date_invalid"});
  CHECK(codes(check("duplicate_invalid", "", "2026-1-5")) == Codes{"target_date_invalid"});
  CHECK(codes(check("blokced", "", "2026-02-30")) == Codes{"unknown_l1", "target_date_invalid"});
  CHECK(codes(check("", "", "tomorrow")) == Codes{"l1_missing", "target_date_invalid"});
}

TEST_CASE("target dates must fall from the as-of date to the horizon", "[validator]") {
  SECTION("the as-of date itself and the last day of the horizon are valid") {
    CHECK(codes(check("in_progress", "migration", day(0))).empty());
    CHECK(codes(check("in_progress", "migration", day(365))).empty());
    CHECK(codes(check("in_progress", "migration", " " + day(1) + " ")).empty());
  }
  SECTION("target_date_past") {
    Validation v = check("in_progress", "migration", day(-1));
    CHECK(codes(v) == Codes{"target_date_past"});
    CHECK(v.findings[0].value == "2026-11-23");
    CHECK(v.findings[0].as_of == "2026-11-24");
    check_messages(fasttrack(), v);
  }
  SECTION("target_date_beyond_horizon") {
    Validation v = check("in_progress", "migration", day(366));
    CHECK(codes(v) == Codes{"target_date_beyond_horizon"});
    CHECK(v.findings[0].latest == "2027-11-24");
    check_messages(fasttrack(), v);
  }
  SECTION("a custom L2 horizon overrides the L1's") {
    // custom-l3: open allows 60 days, triage only 7.
    const Taxonomy& t = custom_l3();
    CHECK(codes(check(t, "open", "triage", "awaiting_details", day(7))).empty());
    CHECK(codes(check(t, "open", "triage", "awaiting_details", day(8))) == Codes{"target_date_beyond_horizon"});
    CHECK(codes(check(t, "open", "in_work", "training", day(60))).empty());
    CHECK(codes(check(t, "open", "in_work", "training", day(61))) == Codes{"target_date_beyond_horizon"});
  }
  SECTION("a status that does not require a date accepts any real date") {
    CHECK(codes(check("blocked", "legal_regulatory", day(-400))).empty());
    CHECK(codes(check("blocked", "legal_regulatory", day(5000))).empty());
    CHECK(codes(check("no_intent", "using_competitive_solution", day(-1))).empty());
    CHECK(codes(check("status_unknown", "customer_unresponsive", day(366))).empty());
  }
}
