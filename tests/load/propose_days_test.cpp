// target_date.propose_days: read, inherited like the rest of the policy, and
// defaulted so every status that needs a target date has a proposal.
#include <catch2/catch.hpp>

#include <string_view>

#include "ftstatus/loader.h"
#include "loader_fixture.h"

using namespace loader_fixture;
using namespace ftstatus;

TEST_CASE("propose_days is inherited, overridden, and defaults to 90 days or the horizon", "[loader][propose_days]") {
  auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: active
    name: Active
    target_date: {required: true, propose_days: 30}
    children:
      - id: inherits
        name: Inherits
      - id: overrides
        name: Overrides
        target_date: {propose_days: 10}
  - id: default
    name: Default
    target_date: {required: true}
  - id: short_horizon
    name: Short horizon
    target_date: {required: true, max_days_ahead: 20}
)");
  REQUIRE(r.ok());
  const Taxonomy& t = *r.taxonomy;
  auto days = [&](std::string_view id) {
    for (const Status& s : t.statuses())
      if (s.id == id) return s.target_date.proposed_days();
    FAIL("no status " << id);
    return 0;
  };
  CHECK(days("active") == 30);
  CHECK(days("inherits") == 30);
  CHECK(days("overrides") == 10);
  CHECK(days("default") == 90);
  // Never past the horizon, or the proposal would be refused by the check it answers.
  CHECK(days("short_horizon") == 20);
}

TEST_CASE("the built-in taxonomy proposes a date for every In Progress L2", "[loader][propose_days]") {
  LoadResult r = load_builtin_taxonomy(Lang::en);
  REQUIRE(r.ok());
  const Taxonomy& t = *r.taxonomy;
  const StatusIndex in_progress = t.find_at_level(1, "in_progress");
  REQUIRE(in_progress != kNoStatus);
  for (StatusIndex child : t.at(in_progress).children) {
    INFO(t.at(child).id);
    const TargetDatePolicy& p = t.at(child).target_date;
    CHECK(p.required);
    CHECK(p.propose_days > 0);  // set in the file, not defaulted
    CHECK(p.proposed_days() <= p.max_days_ahead);
  }
  CHECK(t.at(t.find_at_level(2, "technical_onboarding_deployment")).target_date.proposed_days() == 60);
  CHECK(t.at(t.find_at_level(2, "migration")).target_date.proposed_days() == 90);
  CHECK(t.at(t.find_at_level(2, "solution_or_user_adoption")).target_date.proposed_days() == 120);
}
