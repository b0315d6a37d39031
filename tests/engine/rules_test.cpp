// Rules classify records: each condition by column type, `any` groups, rule
// order (the first rule that holds wins), through the Classifier.
#include <catch2/catch.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/date.h"
#include "ftstatus/loader.h"
#include "ftstatus/rules.h"
#include "ftstatus/schema.h"
#include "rules_fixture.h"

using ftstatus::CellValue;
using ftstatus::Date;
using ftstatus::DateFormat;
using ftstatus::LoadResult;
using namespace rules_fixture;

namespace {

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
    REQUIRE(classifier.bind_header(header).ok());
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
