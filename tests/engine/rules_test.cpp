#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "io/csv.h"
#include "ftstatus/date.h"
#include "ftstatus/loader.h"
#include "ftstatus/rules.h"
#include "ftstatus/schema.h"

using ftstatus::CellValue;
using ftstatus::Date;
using ftstatus::DateFormat;
using ftstatus::LoadResult;

namespace {

// Statuses and one column of each type; the `rules:` key is on line 28, so
// line k of the text a test appends is line 28 + k of r.yaml.
constexpr std::string_view kPrefix = R"(taxonomy:
  id: t
  name: T
statuses:
  - id: open
    name: Open
    children:
      - id: new
        name: New
      - id: working
        name: Working
  - id: done
    name: Done
  - id: other
    name: Other
columns:
  - id: name
    type: string
  - id: state
    type: enum
    values: [active, paused, closed]
  - id: flag
    type: bool
  - id: n
    type: int
  - id: day
    type: date
rules:
)";
// The line of `rules:` (the prefix's last line).
constexpr int kRulesLine = static_cast<int>(std::count(kPrefix.begin(), kPrefix.end(), '\n'));

// Only statuses, six lines: a test appends `columns:` (and rules) from line 7.
constexpr std::string_view kStatusesOnly = R"(taxonomy:
  id: t
  name: T
statuses:
  - id: done
    name: Done
)";

LoadResult load(std::string_view yaml) { return ftstatus::load_taxonomy(yaml, "r.yaml"); }

std::string first_error(const LoadResult& r) { return r.errors.empty() ? std::string() : r.errors[0].to_string(); }

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

const Date kAsOf = *Date::from_ymd(2026, 4, 1);

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

using Cells = std::map<std::string, std::string>;

// A loaded rule set, classifying records given as column id -> cell text.
class RuleSetUnderTest {
 public:
  explicit RuleSetUnderTest(std::string_view rules) : result_(load(std::string(kPrefix) + std::string(rules))) {
    INFO(first_error(result_));
    REQUIRE(result_.ok());
  }

  // The id of the rule that classifies this record (columns not named are
  // empty), or "none".
  std::string match(const Cells& cells, Date as_of = kAsOf) const {
    const auto& schema = result_.rules.schema;
    std::vector<std::string> texts;
    for (const auto& col : schema.columns) {
      auto it = cells.find(col.id);
      texts.push_back(it == cells.end() ? std::string() : it->second);
    }
    for (const auto& [id, text] : cells) REQUIRE(schema.find(id) >= 0);
    std::vector<std::string_view> header;
    for (const auto& col : schema.columns) header.push_back(col.id);
    ftstatus::ClassifyOptions options;
    options.as_of = as_of;
    options.date_format = DateFormat::iso;
    ftstatus::Classifier classifier(*result_.taxonomy, result_.rules, options);
    REQUIRE(classifier.bind_header(header).empty());
    ftstatus::Record record;
    for (const std::string& text : texts) record.fields.push_back(text);
    record.line = 2;
    const auto& row = classifier.classify(record);
    return row.rule < 0 ? std::string("none") : result_.rules.rules[static_cast<std::size_t>(row.rule)].id;
  }

  const LoadResult& result() const { return result_; }

 private:
  LoadResult result_;
};

// A rule set holding one rule, `when: {<when>}`.
class OneRule {
 public:
  explicit OneRule(const std::string& when) : set_("  - id: r\n    when: {" + when + "}\n    then: done\n") {}
  bool holds(const Cells& cells, Date as_of = kAsOf) const { return set_.match(cells, as_of) == "r"; }

 private:
  RuleSetUnderTest set_;
};

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

// ------------------------------------------------------------------ conditions

TEST_CASE("a value equals the cell, by column type", "[rules]") {
  SECTION("string: case-insensitive, trimmed") {
    OneRule r("name: Outlook Mobile");
    CHECK(r.holds({{"name", "Outlook Mobile"}}));
    CHECK(r.holds({{"name", "outlook MOBILE"}}));
    CHECK(r.holds({{"name", "  Outlook Mobile "}}));
    CHECK_FALSE(r.holds({{"name", "Outlook"}}));
    CHECK_FALSE(r.holds({{"name", "Outlook Mobile 2"}}));
    CHECK_FALSE(r.holds({}));
  }
  SECTION("enum: case-insensitive") {
    OneRule r("state: paused");
    CHECK(r.holds({{"state", "paused"}}));
    CHECK(r.holds({{"state", "PAUSED"}}));
    CHECK_FALSE(r.holds({{"state", "active"}}));
    CHECK_FALSE(r.holds({}));
  }
  SECTION("bool: any spelling of the value") {
    OneRule no("flag: false");
    CHECK(no.holds({{"flag", "false"}}));
    CHECK(no.holds({{"flag", "No"}}));
    CHECK(no.holds({{"flag", "n"}}));
    CHECK(no.holds({{"flag", "0"}}));
    CHECK_FALSE(no.holds({{"flag", "yes"}}));
    CHECK_FALSE(no.holds({}));  // empty is not false
    OneRule yes("flag: yes");
    CHECK(yes.holds({{"flag", "TRUE"}}));
    CHECK(yes.holds({{"flag", "s\xC3\xAD"}}));
    CHECK_FALSE(yes.holds({{"flag", "no"}}));
  }
  SECTION("int") {
    OneRule r("n: 3");
    CHECK(r.holds({{"n", "3"}}));
    CHECK(r.holds({{"n", "03"}}));
    CHECK(r.holds({{"n", " +3 "}}));
    CHECK_FALSE(r.holds({{"n", "4"}}));
    CHECK_FALSE(r.holds({{"n", "-3"}}));
    CHECK_FALSE(r.holds({{"n", "3.0"}}));  // not an integer: the cell counts as empty
    CHECK_FALSE(r.holds({}));
  }
  SECTION("date") {
    OneRule r("day: 2026-03-01");
    CHECK(r.holds({{"day", "2026-03-01"}}));
    CHECK_FALSE(r.holds({{"day", "2026-03-02"}}));
    CHECK_FALSE(r.holds({{"day", "2026-02-28"}}));
    CHECK_FALSE(r.holds({}));
  }
}

TEST_CASE("a list means one of its values, and `empty` in it matches an empty cell", "[rules]") {
  OneRule one_of("state: [active, paused]");
  CHECK(one_of.holds({{"state", "active"}}));
  CHECK(one_of.holds({{"state", "Paused"}}));
  CHECK_FALSE(one_of.holds({{"state", "closed"}}));
  CHECK_FALSE(one_of.holds({}));

  OneRule with_empty("state: [closed, empty]");
  CHECK(with_empty.holds({{"state", "closed"}}));
  CHECK(with_empty.holds({}));
  CHECK(with_empty.holds({{"state", "   "}}));
  CHECK_FALSE(with_empty.holds({{"state", "active"}}));

  OneRule numbers("n: [1, 2, 5]");
  CHECK(numbers.holds({{"n", "2"}}));
  CHECK(numbers.holds({{"n", "5"}}));
  CHECK_FALSE(numbers.holds({{"n", "3"}}));

  OneRule names("name: [Contoso, fabrikam]");
  CHECK(names.holds({{"name", "FABRIKAM"}}));
  CHECK_FALSE(names.holds({{"name", "Tailspin"}}));
}

TEST_CASE("`empty` and `not empty`", "[rules]") {
  OneRule empty("n: empty");
  CHECK(empty.holds({}));
  CHECK(empty.holds({{"n", " "}}));
  CHECK(empty.holds({{"n", "many"}}));  // a cell that does not parse counts as empty
  CHECK_FALSE(empty.holds({{"n", "0"}}));

  OneRule not_empty("n: not empty");
  CHECK(not_empty.holds({{"n", "0"}}));
  CHECK_FALSE(not_empty.holds({}));

  OneRule not_empty_map("name: {not: empty}");
  CHECK(not_empty_map.holds({{"name", "x"}}));
  CHECK_FALSE(not_empty_map.holds({}));

  OneRule flag_true("name: {empty: true}");
  CHECK(flag_true.holds({}));
  CHECK_FALSE(flag_true.holds({{"name", "x"}}));
  OneRule flag_false("name: {empty: false}");
  CHECK(flag_false.holds({{"name", "x"}}));
  CHECK_FALSE(flag_false.holds({}));
}

TEST_CASE("`not` matches anything else, empty included", "[rules]") {
  OneRule not_one("state: {not: paused}");
  CHECK(not_one.holds({{"state", "active"}}));
  CHECK(not_one.holds({{"state", "closed"}}));
  CHECK(not_one.holds({}));
  CHECK_FALSE(not_one.holds({{"state", "paused"}}));
  CHECK_FALSE(not_one.holds({{"state", "PAUSED"}}));

  OneRule not_list("state: {not: [active, paused]}");
  CHECK(not_list.holds({{"state", "closed"}}));
  CHECK(not_list.holds({}));
  CHECK_FALSE(not_list.holds({{"state", "active"}}));
  CHECK_FALSE(not_list.holds({{"state", "paused"}}));

  OneRule not_list_or_empty("state: {not: [active, empty]}");
  CHECK(not_list_or_empty.holds({{"state", "closed"}}));
  CHECK_FALSE(not_list_or_empty.holds({}));
  CHECK_FALSE(not_list_or_empty.holds({{"state", "active"}}));

  OneRule not_true("flag: {not: true}");
  CHECK(not_true.holds({{"flag", "no"}}));
  CHECK(not_true.holds({}));
  CHECK_FALSE(not_true.holds({{"flag", "Yes"}}));

  OneRule not_text("name: {not: Contoso}");
  CHECK(not_text.holds({{"name", "Fabrikam"}}));
  CHECK(not_text.holds({}));
  CHECK_FALSE(not_text.holds({{"name", "contoso"}}));
}

TEST_CASE("integer comparisons", "[rules]") {
  SECTION("\">= 3\"") {
    OneRule r("n: \">= 3\"");
    CHECK(r.holds({{"n", "3"}}));
    CHECK(r.holds({{"n", "40"}}));
    CHECK_FALSE(r.holds({{"n", "2"}}));
    CHECK_FALSE(r.holds({}));  // an empty cell compares with nothing
  }
  SECTION("\"< 3\"") {
    OneRule r("n: \"< 3\"");
    CHECK(r.holds({{"n", "2"}}));
    CHECK(r.holds({{"n", "-10"}}));
    CHECK_FALSE(r.holds({{"n", "3"}}));
    CHECK_FALSE(r.holds({}));
  }
  SECTION("\"<=3\" and \">3\" without a space") {
    OneRule le("n: \"<=3\"");
    CHECK(le.holds({{"n", "3"}}));
    CHECK_FALSE(le.holds({{"n", "4"}}));
    OneRule gt("n: \">3\"");
    CHECK(gt.holds({{"n", "4"}}));
    CHECK_FALSE(gt.holds({{"n", "3"}}));
  }
  SECTION("{at_least: 3}") {
    OneRule r("n: {at_least: 3}");
    CHECK(r.holds({{"n", "3"}}));
    CHECK_FALSE(r.holds({{"n", "2"}}));
  }
  SECTION("{less_than: 5}") {
    OneRule r("n: {less_than: 5}");
    CHECK(r.holds({{"n", "4"}}));
    CHECK_FALSE(r.holds({{"n", "5"}}));
  }
  SECTION("{at_most: 5} and {more_than: 5}") {
    OneRule at_most("n: {at_most: 5}");
    CHECK(at_most.holds({{"n", "5"}}));
    CHECK_FALSE(at_most.holds({{"n", "6"}}));
    OneRule more_than("n: {more_than: 5}");
    CHECK(more_than.holds({{"n", "6"}}));
    CHECK_FALSE(more_than.holds({{"n", "5"}}));
  }
  SECTION("{\">\": 2}") {
    OneRule r("n: {\">\": 2}");
    CHECK(r.holds({{"n", "3"}}));
    CHECK_FALSE(r.holds({{"n", "2"}}));
  }
  SECTION("several operators in one mapping all hold") {
    OneRule r("n: {\">\": 2, \"<=\": 4}");
    CHECK_FALSE(r.holds({{"n", "2"}}));
    CHECK(r.holds({{"n", "3"}}));
    CHECK(r.holds({{"n", "4"}}));
    CHECK_FALSE(r.holds({{"n", "5"}}));
  }
}

TEST_CASE("date comparisons, absolute and relative to the as-of date", "[rules]") {
  SECTION("before / after a date") {
    OneRule before("day: {before: 2026-01-01}");
    CHECK(before.holds({{"day", "2025-12-31"}}));
    CHECK_FALSE(before.holds({{"day", "2026-01-01"}}));
    CHECK_FALSE(before.holds({}));
    OneRule after("day: {after: 2026-01-01}");
    CHECK(after.holds({{"day", "2026-01-02"}}));
    CHECK_FALSE(after.holds({{"day", "2026-01-01"}}));
    CHECK_FALSE(after.holds({}));
    OneRule scalar("day: \"< 2026-01-01\"");
    CHECK(scalar.holds({{"day", "2025-06-30"}}));
    CHECK_FALSE(scalar.holds({{"day", "2026-06-30"}}));
  }
  SECTION("older_than_days") {
    OneRule r("day: {older_than_days: 90}");
    // As of 2026-04-01, 2026-01-01 is exactly 90 days old.
    CHECK(r.holds({{"day", "2025-12-31"}}));
    CHECK(r.holds({{"day", "2020-01-01"}}));
    CHECK_FALSE(r.holds({{"day", "2026-01-01"}}));
    CHECK_FALSE(r.holds({{"day", "2026-03-31"}}));
    CHECK_FALSE(r.holds({}));
    // The same cell ages as the as-of date moves.
    CHECK_FALSE(r.holds({{"day", "2026-03-01"}}, kAsOf));
    CHECK(r.holds({{"day", "2026-03-01"}}, ymd(2026, 6, 1)));
  }
  SECTION("newer_than_days") {
    OneRule r("day: {newer_than_days: 30}");
    CHECK(r.holds({{"day", "2026-03-15"}}));
    CHECK(r.holds({{"day", "2026-04-01"}}));
    CHECK(r.holds({{"day", "2026-05-01"}}));  // a future date is newer
    CHECK_FALSE(r.holds({{"day", "2026-02-01"}}));
    CHECK_FALSE(r.holds({}));
    CHECK_FALSE(r.holds({{"day", "2026-03-15"}}, ymd(2026, 12, 1)));
  }
  SECTION("older_than_days and newer_than_days split every date") {
    OneRule older("day: {older_than_days: 30}");
    OneRule newer("day: {newer_than_days: 30}");
    for (const char* day : {"2026-03-01", "2026-03-02", "2026-03-03"}) {
      INFO(day);
      CHECK(older.holds({{"day", day}}) != newer.holds({{"day", day}}));
    }
  }
}

TEST_CASE("`any` groups: at least one holds", "[rules]") {
  SECTION("alone") {
    OneRule r("any: [{state: paused}, {n: \">= 3\"}]");
    CHECK(r.holds({{"state", "paused"}}));
    CHECK(r.holds({{"n", "5"}}));
    CHECK(r.holds({{"state", "paused"}, {"n", "5"}}));
    CHECK_FALSE(r.holds({{"state", "active"}, {"n", "2"}}));
    CHECK_FALSE(r.holds({}));
  }
  SECTION("next to other conditions, which must hold too") {
    OneRule r("flag: true, any: [{state: paused}, {n: \"> 5\"}]");
    CHECK(r.holds({{"flag", "yes"}, {"state", "paused"}}));
    CHECK(r.holds({{"flag", "yes"}, {"n", "6"}}));
    CHECK_FALSE(r.holds({{"flag", "no"}, {"state", "paused"}}));
    CHECK_FALSE(r.holds({{"flag", "yes"}}));
  }
  SECTION("a group with several conditions needs them all") {
    OneRule r("any: [{state: paused, flag: true}, {name: vip}]");
    CHECK(r.holds({{"state", "paused"}, {"flag", "1"}}));
    CHECK_FALSE(r.holds({{"state", "paused"}}));
    CHECK(r.holds({{"name", "VIP"}}));
  }
  SECTION("nested inside `all`") {
    OneRule r("all: [{any: [{state: paused}, {n: \">= 3\"}]}, {any: [{flag: true}, {name: vip}]}]");
    CHECK(r.holds({{"state", "paused"}, {"flag", "true"}}));
    CHECK(r.holds({{"n", "3"}, {"name", "vip"}}));
    CHECK_FALSE(r.holds({{"state", "paused"}}));
    CHECK_FALSE(r.holds({{"flag", "true"}, {"name", "vip"}}));
  }
}

TEST_CASE("rules are tried in order and the first that holds wins", "[rules]") {
  RuleSetUnderTest rules(R"(  - id: specific
    when:
      state: paused
      flag: true
    then: open/working
  - id: paused
    when: {state: paused}
    then: Open/New
  - id: fallback
    then: other
  - id: never
    then: done
)");
  CHECK(rules.match({{"state", "paused"}, {"flag", "yes"}}) == "specific");
  CHECK(rules.match({{"state", "paused"}, {"flag", "no"}}) == "paused");
  CHECK(rules.match({{"state", "active"}}) == "fallback");
  CHECK(rules.match({}) == "fallback");

  const auto& t = *rules.result().taxonomy;
  const auto& list = rules.result().rules.rules;
  REQUIRE(list.size() == 4);
  CHECK(t.path(list[0].then) == "open/working");
  CHECK(t.path(list[1].then) == "open/new");  // `then` may use names
  CHECK(t.path(list[2].then) == "other");
  CHECK(list[0].line == kRulesLine + 1);
  CHECK(list[1].line == kRulesLine + 6);

  SECTION("on hand-built cells") {
    const auto& schema = rules.result().rules.schema;
    std::vector<CellValue> cells(schema.columns.size());
    const auto state = static_cast<std::size_t>(schema.find("state"));
    const auto flag = static_cast<std::size_t>(schema.find("flag"));
    CHECK(ftstatus::first_match(list, cells.data(), kAsOf.days()) == 2);
    cells[state] = CellValue{false, 1, "paused"};  // enum index of `paused`
    CHECK(ftstatus::first_match(list, cells.data(), kAsOf.days()) == 1);
    cells[flag] = CellValue{false, 1, "yes"};
    CHECK(ftstatus::first_match(list, cells.data(), kAsOf.days()) == 0);
    cells[state] = CellValue{false, 0, "active"};
    CHECK(ftstatus::first_match(list, cells.data(), kAsOf.days()) == 2);
  }
}

TEST_CASE("a rule without `when` always matches; when no rule holds the result is -1", "[rules]") {
  RuleSetUnderTest always("  - id: all_records\n    then: done\n");
  CHECK(always.match({}) == "all_records");
  CHECK(always.match({{"state", "closed"}, {"n", "7"}, {"name", "x"}}) == "all_records");

  RuleSetUnderTest narrow("  - id: only_paused\n    when: {state: paused}\n    then: done\n");
  CHECK(narrow.match({{"state", "active"}}) == "none");
  std::vector<CellValue> cells(narrow.result().rules.schema.columns.size());
  CHECK(ftstatus::first_match(narrow.result().rules.rules, cells.data(), kAsOf.days()) == -1);
}

TEST_CASE("a `when` key may be any header spelling of the column", "[rules]") {
  OneRule r("State: paused, FLAG: true");
  CHECK(r.holds({{"state", "paused"}, {"flag", "y"}}));
  CHECK_FALSE(r.holds({{"state", "paused"}}));
}

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
    require_single_error(r, kRulesLine + 3, 14, {"'archived' is not a value of column 'state'", "active, paused, closed"});
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
  auto columns = [](std::string_view text) { return load(std::string(kStatusesOnly) + "columns:\n" + std::string(text)); };
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
  for (const char* header : {"entitlement_id", "Entitlement ID", "entitlement-id", "ENTITLEMENT_ID", "  Entitlement  Id ",
                             "EntitlementID"}) {
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

TEST_CASE("parse_bool", "[rules]") {
  bool value = false;
  for (const char* yes : {"true", "TRUE", "Yes", "y", "Y", "1", " yes ", "s\xC3\xAD", "S\xC3\xAD", "S\xC3\x8D", "si", "SI"}) {
    INFO(yes);
    value = false;
    CHECK(ftstatus::parse_bool(yes, value));
    CHECK(value);
  }
  for (const char* no : {"false", "False", "NO", "n", "N", "0", "\tno "}) {
    INFO(no);
    value = true;
    CHECK(ftstatus::parse_bool(no, value));
    CHECK_FALSE(value);
  }
  for (const char* bad : {"maybe", "", "  ", "2", "yess", "t", "s", "on"}) {
    INFO(bad);
    CHECK_FALSE(ftstatus::parse_bool(bad, value));
  }
}

TEST_CASE("parse_integer", "[rules]") {
  std::int64_t value = 0;
  CHECK(ftstatus::parse_integer("42", value));
  CHECK(value == 42);
  CHECK(ftstatus::parse_integer(" 42 ", value));
  CHECK(value == 42);
  CHECK(ftstatus::parse_integer("-7", value));
  CHECK(value == -7);
  CHECK(ftstatus::parse_integer("+5", value));
  CHECK(value == 5);
  for (const char* bad : {"3.5", "", " ", "12a", "a12", "1,000", "-", "+", "1 2", "3e2"}) {
    INFO(bad);
    value = 99;
    CHECK_FALSE(ftstatus::parse_integer(bad, value));
  }
}

TEST_CASE("parse_date in iso, mdy and dmy", "[rules]") {
  using ftstatus::parse_date;
  std::int64_t days = 0;
  CHECK(parse_date("2026-03-07", DateFormat::iso, days));
  CHECK(days == ymd(2026, 3, 7).days());
  CHECK(parse_date(" 2026-03-07 ", DateFormat::iso, days));
  CHECK(days == ymd(2026, 3, 7).days());
  CHECK_FALSE(parse_date("2026-02-30", DateFormat::iso, days));
  CHECK_FALSE(parse_date("2026-3-7", DateFormat::iso, days));
  CHECK_FALSE(parse_date("3/7/2026", DateFormat::iso, days));

  // The same text is a different day in mdy and dmy.
  std::int64_t mdy = 0;
  std::int64_t dmy = 0;
  REQUIRE(parse_date("3/7/2026", DateFormat::mdy, mdy));
  REQUIRE(parse_date("3/7/2026", DateFormat::dmy, dmy));
  CHECK(mdy == ymd(2026, 3, 7).days());
  CHECK(dmy == ymd(2026, 7, 3).days());
  CHECK(parse_date("03/07/2026", DateFormat::dmy, days));
  CHECK(days == ymd(2026, 7, 3).days());
  CHECK(parse_date("3.7.2026", DateFormat::dmy, days));
  CHECK(days == ymd(2026, 7, 3).days());
  CHECK(parse_date("12/31/2026", DateFormat::mdy, days));
  CHECK(days == ymd(2026, 12, 31).days());

  CHECK_FALSE(parse_date("31/02/2026", DateFormat::dmy, days));
  CHECK_FALSE(parse_date("02/31/2026", DateFormat::mdy, days));
  CHECK_FALSE(parse_date("12/31/2026", DateFormat::dmy, days));
  CHECK_FALSE(parse_date("3/7/26", DateFormat::dmy, days));
  CHECK_FALSE(parse_date("3/7-2026", DateFormat::dmy, days));
  CHECK_FALSE(parse_date("2026-03-07", DateFormat::dmy, days));
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
    return load(std::string(kStatusesOnly) + "columns:\n  - id: intent\n    type: enum\n    values: [yes, no]\n" + aliases);
  };
  SECTION("an alias of a value that is not declared") {
    LoadResult r = load_with("    value_aliases: {maybe: [quizás]}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r) == "r.yaml:11:21: 'maybe' in 'value_aliases' of column 'intent' is not one of its values: yes, no");
  }
  SECTION("an alias that already means another value") {
    LoadResult r = load_with("    value_aliases: {yes: [NO]}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(contains(first_error(r), "alias 'NO' of value 'yes' already means 'no'"));
  }
  SECTION("value_aliases on a column that is not an enum") {
    LoadResult r = load(std::string(kStatusesOnly) + "columns:\n  - id: s\n    type: string\n    value_aliases: {a: [b]}\n");
    REQUIRE_FALSE(r.ok());
    CHECK(contains(first_error(r), "r.yaml:10:20: 'value_aliases' of column 's' must be a mapping"));
  }
}
