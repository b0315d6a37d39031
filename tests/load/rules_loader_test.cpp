// Rules and columns as the loader checks them: unknown columns and statuses,
// values that do not fit a column's type, column declarations, header
// spellings of the built-in schema, and enum value aliases.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

#include "ftstatus/loader.h"
#include "ftstatus/schema.h"
#include "rules_fixture.h"

using ftstatus::LoadResult;
using namespace rules_fixture;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// A rejected file: no taxonomy, and exactly one diagnostic at line:column of
// r.yaml whose message names every word in `words`.
void require_single_error(const LoadResult& r, int line, int column, std::initializer_list<std::string_view> words) {
  CHECK_FALSE(r.ok());
  REQUIRE(r.errors.size() == 1);
  const auto& e = r.errors[0];
  INFO(e.to_string());
  CHECK(e.file == "r.yaml");
  CHECK(e.line == line);
  CHECK(e.column == column);
  for (auto w : words) CHECK(contains(e.message, w));
}

LoadResult load_rules(std::string_view rules) { return load(std::string(kPrefix) + std::string(rules)); }

}  // namespace

// ------------------------------------------------------------------ load errors

TEST_CASE("a `when` naming an unknown column is rejected with a suggestion", "[rules]") {
  auto r = load_rules(R"(  - id: a
    when:
      stat: active
    then: done
)");
  require_single_error(r, kRulesLine + 3, 7, {"rule 'a'", "unknown column 'stat'", "did you mean state"});
}

TEST_CASE("`then` must name a known, assignable status", "[rules]") {
  SECTION("an unknown L1") {
    auto r = load_rules("  - id: a\n    then: opne\n");
    require_single_error(r, kRulesLine + 2, 11, {"rule 'a'", "unknown status 'opne'", "did you mean", "open"});
  }
  SECTION("an unknown L2") {
    auto r = load_rules("  - id: a\n    then: open/nwe\n");
    require_single_error(r, kRulesLine + 2, 11, {"unknown status 'nwe'", "open/new"});
  }
  SECTION("an L1 that has L2s") {
    auto r = load_rules("  - id: a\n    then: open\n");
    require_single_error(r, kRulesLine + 2, 11, {"rule 'a'", "'open'", "needs an L2", "open/new"});
  }
}

TEST_CASE("an enum condition must use the enum's values", "[rules]") {
  SECTION("a scalar") {
    auto r = load_rules("  - id: a\n    when:\n      state: archived\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 14,
                         {"'archived' is not a value of column 'state'", "active, paused, closed"});
  }
  SECTION("in a list") {
    auto r = load_rules("  - id: a\n    when:\n      state: [active, archivd]\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 23, {"'archivd'", "state"});
  }
  SECTION("under `not`") {
    auto r = load_rules("  - id: a\n    when:\n      state: {not: archived}\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 20, {"'archived'", "state"});
  }
}

TEST_CASE("a condition value must fit its column's type", "[rules]") {
  SECTION("\">= three\" on an int") {
    auto r = load_rules("  - id: a\n    when:\n      n: \">= three\"\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 10, {"'three'", "'>='", "whole number", "'n'"});
  }
  SECTION("a word on an int") {
    auto r = load_rules("  - id: a\n    when:\n      n: three\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 10, {"'three'", "'n'", "int"});
  }
  SECTION("\"maybe\" on a bool") {
    auto r = load_rules("  - id: a\n    when:\n      flag: maybe\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 13, {"'maybe'", "'flag'", "bool", "true or false"});
  }
  SECTION("a date that does not exist") {
    auto r = load_rules("  - id: a\n    when:\n      day: 2026-02-30\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 12, {"'2026-02-30'", "'day'", "YYYY-MM-DD"});
  }
  SECTION("`before:` on an int column") {
    auto r = load_rules("  - id: a\n    when:\n      n: {before: 2026-01-01}\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 11, {"'before'", "date column", "'n'", "int"});
  }
  SECTION("`older_than_days:` on an int column") {
    auto r = load_rules("  - id: a\n    when:\n      n: {older_than_days: 3}\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 11, {"'older_than_days'", "date column", "'n'"});
  }
  SECTION("a comparison on an enum column") {
    auto r = load_rules("  - id: a\n    when:\n      state: \"> active\"\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 14, {"'>'", "'state'", "enum"});
  }
  SECTION("an unknown operator") {
    auto r = load_rules("  - id: a\n    when:\n      n: {atleast: 3}\n    then: done\n");
    require_single_error(r, kRulesLine + 3, 11, {"unknown key 'atleast'", "at_least"});
  }
}

TEST_CASE("every rule needs a unique id and a `then`", "[rules]") {
  SECTION("no id") {
    auto r = load_rules("  - when: {n: 3}\n    then: done\n");
    require_single_error(r, kRulesLine + 1, 5, {"no 'id'"});
  }
  SECTION("a repeated id") {
    auto r = load_rules(R"(  - id: a
    then: done
  - id: b
    then: done
  - id: a
    then: other
)");
    require_single_error(r, kRulesLine + 5, 9, {"duplicate rule id 'a'", "line " + std::to_string(kRulesLine + 1)});
  }
  SECTION("no then") {
    auto r = load_rules("  - id: a\n    when:\n      n: 3\n");
    require_single_error(r, kRulesLine + 1, 5, {"rule 'a'", "no 'then'"});
  }
}

TEST_CASE("`rules` need `columns`", "[rules]") {
  auto r = load(std::string(kStatusesOnly) + "rules:\n  - id: a\n    then: done\n");
  require_single_error(r, 8, 3, {"'rules' need 'columns'"});
}

TEST_CASE("column declarations are checked", "[rules]") {
  auto columns = [](std::string_view text) {
    return load(std::string(kStatusesOnly) + "columns:\n" + std::string(text));
  };
  SECTION("an unknown type") {
    auto r = columns("  - id: seats\n    type: float\n");
    require_single_error(r, 9, 11, {"column 'seats'", "unknown type 'float'", "string, int, bool, date or enum"});
  }
  SECTION("an enum without values") {
    auto r = columns("  - id: state\n    type: enum\n");
    require_single_error(r, 8, 5, {"column 'state'", "enum", "needs 'values'"});
  }
  SECTION("values on a non-enum") {
    auto r = columns("  - id: seats\n    type: int\n    values: [1, 2]\n");
    require_single_error(r, 10, 13, {"column 'seats'", "'values'", "not of type enum"});
  }
  SECTION("a repeated enum value, in any case") {
    auto r = columns("  - id: state\n    type: enum\n    values: [active, paused, Active]\n");
    require_single_error(r, 10, 30, {"column 'state'", "'Active'", "given twice"});
  }
  SECTION("the reserved value `empty`") {
    auto r = columns("  - id: state\n    type: enum\n    values: [active, empty]\n");
    require_single_error(r, 10, 22, {"column 'state'", "'empty'", "reserved"});
  }
  SECTION("two columns whose headers normalize the same") {
    auto r = columns("  - id: entitlement_id\n  - id: ref\n    aliases: [Entitlement ID]\n");
    require_single_error(r, 9, 5, {"'Entitlement ID'", "column 'ref'", "column 'entitlement_id'"});
  }
  SECTION("a column id given twice") {
    auto r = columns("  - id: seats\n    type: int\n  - id: seats\n    type: int\n");
    require_single_error(r, 10, 5, {"duplicate column id 'seats'"});
  }
  SECTION("two column ids that differ only in underscores") {
    auto r = columns("  - id: tenant_id\n  - id: tenantid\n");
    require_single_error(r, 9, 5, {"column 'tenantid'", "'tenant_id'"});
  }
}

// ------------------------------------------------------------------ schema

TEST_CASE("match_header ignores case, spaces, underscores, hyphens and accents", "[rules]") {
  auto loaded = ftstatus::load_builtin_taxonomy();
  INFO(first_error(loaded));
  REQUIRE(loaded.ok());
  const ftstatus::Schema& schema = loaded.rules.schema;
  const int entitlement = schema.find("entitlement_id");
  REQUIRE(entitlement >= 0);
  for (const char* header : {"entitlement_id", "Entitlement ID", "entitlement-id", "ENTITLEMENT_ID",
                             "  Entitlement  Id ", "EntitlementID"}) {
    INFO(header);
    CHECK(schema.match_header(header) == entitlement);
  }
  // Aliases, with and without their accents.
  CHECK(schema.match_header("ID de derecho") == entitlement);
  CHECK(schema.match_header("id-del-derecho") == entitlement);
  const int intent = schema.find("intent");
  REQUIRE(intent >= 0);
  CHECK(schema.match_header("Intenci\xC3\xB3n") == intent);
  CHECK(schema.match_header("INTENCI\xC3\x93N") == intent);
  CHECK(schema.match_header("intencion") == intent);
  CHECK(schema.match_header("El cliente respondio") == schema.find("customer_responded"));
  // "L1 actual" and "L2 actual" are different columns.
  const int l1 = schema.find("l1");
  const int l2 = schema.find("l2");
  REQUIRE(l1 >= 0);
  REQUIRE(l2 >= 0);
  CHECK(l1 != l2);
  CHECK(schema.match_header("L1 actual") == l1);
  CHECK(schema.match_header("L2 actual") == l2);
  CHECK(schema.match_header("l2-actual") == l2);
  CHECK(schema.match_header("Current L1") == l1);
  CHECK(schema.match_header("Estado L2") == l2);
  CHECK(schema.match_header("L3 actual") == -1);
  CHECK(schema.match_header("nonsense") == -1);
  CHECK(schema.match_header("") == -1);
  CHECK(schema.match_header(" - ") == -1);
}

TEST_CASE("value_aliases give enum values other spellings, ignoring case and accents", "[rules]") {
  LoadResult r = load(std::string(kStatusesOnly) + R"(columns:
  - id: intent
    type: enum
    values: [yes, no]
    value_aliases: {yes: [sí, "de acuerdo"]}
rules:
  - id: yes_rule
    when: {intent: sí}
    then: done
)");
  REQUIRE(r.ok());
  const ftstatus::Column& col = r.rules.schema.columns[0];
  CHECK(ftstatus::parse_enum(col, "yes") == 0);
  CHECK(ftstatus::parse_enum(col, "Sí") == 0);
  CHECK(ftstatus::parse_enum(col, " SI ") == 0);
  CHECK(ftstatus::parse_enum(col, "De Acuerdo") == 0);
  CHECK(ftstatus::parse_enum(col, "no") == 1);
  CHECK(ftstatus::parse_enum(col, "quizás") == -1);
  CHECK(r.rules.rules[0].when.children[0].mask == 1u);  // the rule's `sí` is the value yes
}

TEST_CASE("value_aliases are checked when loaded", "[rules]") {
  auto load_with = [](const std::string& aliases) {
    return load(std::string(kStatusesOnly) + "columns:\n  - id: intent\n    type: enum\n    values: [yes, no]\n" +
                aliases);
  };
  SECTION("an alias of a value that is not declared") {
    LoadResult r = load_with("    value_aliases: {maybe: [quizás]}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r) ==
          "r.yaml:11:21: 'maybe' in 'value_aliases' of column 'intent' is not one of its values: yes, no");
  }
  SECTION("an alias that already means another value") {
    LoadResult r = load_with("    value_aliases: {yes: [NO]}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(contains(first_error(r), "alias 'NO' of value 'yes' already means 'no'"));
  }
  SECTION("value_aliases on a column that is not an enum") {
    LoadResult r =
        load(std::string(kStatusesOnly) + "columns:\n  - id: s\n    type: string\n    value_aliases: {a: [b]}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(contains(first_error(r), "r.yaml:10:20: 'value_aliases' of column 's' must be a mapping"));
  }
}
