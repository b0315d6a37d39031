// Taxonomy files that load: names, target-date policies, horizons, L3s.
#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "ftstatus/loader.h"
#include "loader_fixture.h"

using ftstatus::kNoStatus;
using ftstatus::StatusIndex;
using ftstatus::Taxonomy;
using namespace loader_fixture;

namespace {

// The index of the status with this id, or kNoStatus.
StatusIndex by_id(const Taxonomy& t, std::string_view id) {
  for (std::size_t i = 0; i < t.statuses().size(); ++i)
    if (t.statuses()[i].id == id) return static_cast<StatusIndex>(i);
  return kNoStatus;
}

}  // namespace

// ---------------------------------------------------------------- valid files

TEST_CASE("a minimal taxonomy file loads", "[loader]") {
  auto r = load(R"(taxonomy:
  id: t
  name: {en: Tickets, es: Tiques}
statuses:
  - id: open
    name: {en: Open, es: Abierto}
  - id: closed
    name: {en: Closed, es: Cerrado}
)");
  INFO((r.errors.empty() ? std::string() : r.errors[0].to_string()));
  REQUIRE(r.ok());
  CHECK(r.errors.empty());
  const Taxonomy& t = *r.taxonomy;
  CHECK(t.id == "t");
  CHECK(t.name.en == "Tickets");
  CHECK(t.name.es == "Tiques");
  CHECK(t.max_days_ahead == 365);
  REQUIRE(t.roots().size() == 2);
  CHECK(t.at(t.roots()[0]).id == "open");
  CHECK(t.at(t.roots()[0]).name.es == "Abierto");
  CHECK(t.at(t.roots()[0]).line == 5);
  CHECK(t.at(t.roots()[1]).id == "closed");
  CHECK(t.at(t.roots()[1]).level == 1);
  CHECK(t.depth() == 1);
  CHECK(t.find_child(kNoStatus, "cerrado") == t.roots()[1]);
}

TEST_CASE("a scalar name is used for both languages", "[loader]") {
  auto r = load(R"(taxonomy:
  id: t
  name: Tickets
statuses:
  - id: open
    name: Open
    description: Work has not finished.
)");
  REQUIRE(r.ok());
  const Taxonomy& t = *r.taxonomy;
  CHECK(t.name.en == "Tickets");
  CHECK(t.name.es == "Tickets");
  const auto& s = t.at(t.roots()[0]);
  CHECK(s.name.en == "Open");
  CHECK(s.name.es == "Open");
  CHECK(s.description.en == "Work has not finished.");
  CHECK(s.description.es == "Work has not finished.");
}

TEST_CASE("target-date policy is inherited from the parent and can be overridden", "[loader]") {
  auto r = load(R"(taxonomy:
  id: t
  name: T
  max_days_ahead: 200
statuses:
  - id: active
    name: Active
    target_date:
      required: true
      max_days_ahead: 100
      meaning: {en: the end, es: el fin}
    children:
      - id: plain
        name: Plain
      - id: migrating
        name: Migrating
        target_date:
          meaning: {en: migrated, es: migrado}
          max_days_ahead: 30
      - id: optional_one
        name: Optional
        target_date:
          required: false
  - id: idle
    name: Idle
    children:
      - id: idle_child
        name: Idle child
      - id: needs_date
        name: Needs date
        target_date: {required: true}
)");
  INFO((r.errors.empty() ? std::string() : r.errors[0].to_string()));
  REQUIRE(r.ok());
  const Taxonomy& t = *r.taxonomy;
  CHECK(t.max_days_ahead == 200);

  const auto& active = t.at(by_id(t, "active")).target_date;
  CHECK(active.required);
  CHECK(active.max_days_ahead == 100);
  CHECK(active.meaning.en == "the end");

  // Sets nothing: everything comes from the L1.
  const auto& plain = t.at(by_id(t, "plain")).target_date;
  CHECK(plain.required);
  CHECK(plain.max_days_ahead == 100);
  CHECK(plain.meaning.en == "the end");
  CHECK(plain.meaning.es == "el fin");

  // Overrides meaning and horizon, keeps `required`.
  const auto& migrating = t.at(by_id(t, "migrating")).target_date;
  CHECK(migrating.required);
  CHECK(migrating.max_days_ahead == 30);
  CHECK(migrating.meaning.en == "migrated");
  CHECK(migrating.meaning.es == "migrado");

  const auto& optional_one = t.at(by_id(t, "optional_one")).target_date;
  CHECK_FALSE(optional_one.required);
  CHECK(optional_one.max_days_ahead == 100);

  // An L1 without a policy gets the taxonomy's horizon, and its L2s inherit it.
  const auto& idle = t.at(by_id(t, "idle")).target_date;
  CHECK_FALSE(idle.required);
  CHECK(idle.max_days_ahead == 200);
  CHECK(idle.meaning.empty());
  CHECK(t.at(by_id(t, "idle_child")).target_date.max_days_ahead == 200);
  CHECK_FALSE(t.at(by_id(t, "idle_child")).target_date.required);
  const auto& needs_date = t.at(by_id(t, "needs_date")).target_date;
  CHECK(needs_date.required);
  CHECK(needs_date.max_days_ahead == 200);
}

TEST_CASE("the taxonomy horizon is the default even when 'statuses' comes first in the file", "[loader]") {
  auto r = load(R"(statuses:
  - id: a
    name: A
taxonomy:
  id: t
  name: T
  max_days_ahead: 45
)");
  REQUIRE(r.ok());
  CHECK(r.taxonomy->at(r.taxonomy->roots()[0]).target_date.max_days_ahead == 45);
}

TEST_CASE("the three-level example taxonomy loads", "[loader]") {
  auto r = ftstatus::load_taxonomy_file(FTSTATUS_SOURCE_DIR "/examples/custom-l3.yaml");
  INFO((r.errors.empty() ? std::string() : r.errors[0].to_string()));
  REQUIRE(r.ok());
  const Taxonomy& t = *r.taxonomy;
  CHECK(t.id == "support_desk");
  CHECK(t.depth() == 3);
  CHECK(t.roots().size() == 3);
  StatusIndex migration = t.find_at_level(3, "Migrating");
  REQUIRE(migration != kNoStatus);
  CHECK(t.path(migration) == "open/in_work/migration");
  // open: required, 60 days; triage overrides to 7; its L3s inherit 7 and `required`.
  StatusIndex assignment = by_id(t, "awaiting_assignment");
  REQUIRE(assignment != kNoStatus);
  CHECK(t.at(assignment).level == 3);
  CHECK(t.at(assignment).target_date.required);
  CHECK(t.at(assignment).target_date.max_days_ahead == 7);
  CHECK(t.at(migration).target_date.max_days_ahead == 60);
  CHECK(t.at(by_id(t, "closed")).leaf);
}

TEST_CASE("load_taxonomy_file explains a missing file and a folder", "[loader]") {
  SECTION("missing file") {
    std::string path = (std::filesystem::temp_directory_path() / "ftstatus-no-such-file-8d1f.yaml").string();
    auto r = ftstatus::load_taxonomy_file(path);
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == path);
    CHECK(contains(r.errors[0].message, "cannot open"));
  }
  SECTION("folder") {
    std::string path = std::filesystem::temp_directory_path().string();
    auto r = ftstatus::load_taxonomy_file(path);
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == path);
    CHECK(contains(r.errors[0].message, "folder"));
  }
}
