// RuleMatcher (the flat per-row form of the rules) picks the rule first_match
// picks, on random cells: every condition kind, nested groups, enum values
// past the bit masks' range, empty cells.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/loader.h"
#include "ftstatus/rules.h"
#include "rules_fixture.h"

using ftstatus::CellValue;
using ftstatus::ColumnType;
using ftstatus::RuleMatcher;
using namespace rules_fixture;

namespace {

void check_same_matches(const ftstatus::RuleSet& rules, std::uint32_t seed) {
  const RuleMatcher matcher(rules.rules);
  const std::vector<std::string_view> texts = {"Contoso", "contoso", "vip", "Outlook Mobile", "x"};
  std::mt19937 random(seed);
  std::vector<CellValue> cells(rules.schema.columns.size());
  for (int row = 0; row < 20000; ++row) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      CellValue& cell = cells[c];
      cell = CellValue{};
      if (random() % 4 == 0) continue;  // empty
      cell.empty = false;
      switch (rules.schema.columns[c].type) {
        case ColumnType::enumeration:
          cell.value = static_cast<std::int64_t>(random() % 70) - 2;  // past bit 62 too
          break;
        case ColumnType::boolean:
          cell.value = random() % 2;
          break;
        case ColumnType::date:
          cell.value = 20400 + static_cast<std::int64_t>(random() % 400);
          break;
        case ColumnType::integer:
          cell.value = static_cast<std::int64_t>(random() % 9) - 1;
          break;
        case ColumnType::string:
          cell.text = texts[random() % texts.size()];
          break;
      }
    }
    for (std::int64_t as_of : {20500, 20700}) {
      INFO("row " << row);
      REQUIRE(matcher.first_match(cells.data(), as_of) == ftstatus::first_match(rules.rules, cells.data(), as_of));
    }
  }
}

}  // namespace

TEST_CASE("RuleMatcher agrees with first_match on the built-in taxonomy", "[rules][rule_matcher]") {
  const ftstatus::LoadResult loaded = ftstatus::load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  check_same_matches(loaded.rules, 1);
}

TEST_CASE("RuleMatcher agrees with first_match on every condition kind", "[rules][rule_matcher]") {
  const ftstatus::LoadResult loaded = load(std::string(kPrefix) + R"(  - id: r1
    when: {state: [active, paused], flag: true}
    then: done
  - id: r2
    when: {state: {not: [closed, empty]}, n: ">= 3"}
    then: open/new
  - id: r3
    when: {any: [{state: paused}, {n: "< 2"}], name: [Contoso, vip]}
    then: open/working
  - id: r4
    when: {all: [{any: [{state: closed}, {n: "> 5"}]}, {any: [{flag: false}, {name: vip}]}]}
    then: done
  - id: r5
    when: {day: {older_than_days: 90}, n: [1, 2, 5]}
    then: other
  - id: r6
    when: {day: {newer_than_days: 30}, flag: {not: true}}
    then: other
  - id: r7
    when: {name: {not: empty}, state: empty, day: "< 2026-01-01"}
    then: open/new
  - id: r8
    when: {n: not empty, day: {after: 2026-01-01}, name: {not: Contoso}}
    then: open/new
  - id: r9
    when: {state: [closed, empty], n: {at_most: 5}}
    then: done
)");
  INFO(first_error(loaded));
  REQUIRE(loaded.ok());
  check_same_matches(loaded.rules, 2);
}
