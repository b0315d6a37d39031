#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/lint.h"
#include "ftstatus/date.h"
#include "ftstatus/loader.h"

using ftstatus::Date;
using ftstatus::LintFinding;
using ftstatus::LoadResult;

namespace {

// Statuses and columns; the `rules:` key is on line 26, so rule text line k
// is line 26 + k of the file.
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
  - id: state
    type: enum
    values: [active, paused, closed]
  - id: flag
    type: bool
  - id: n
    type: int
  - id: name
    type: string
rules:
)";
// The line of `rules:` (the prefix's last line).
constexpr int kRulesLine = static_cast<int>(std::count(kPrefix.begin(), kPrefix.end(), '\n'));

const Date kAsOf = *Date::from_ymd(2026, 4, 1);

std::string describe(const std::vector<LintFinding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += (f.error ? "error " : "warning ") + f.code + " line " + std::to_string(f.line) + ": " + f.message + "\n";
  return out;
}

// Lints `rules` appended to the prefix, keeping only the findings with `code`.
class Lint {
 public:
  explicit Lint(std::string_view rules)
      : result_(ftstatus::load_taxonomy(std::string(kPrefix) + std::string(rules), "l.yaml")) {
    INFO((result_.errors.empty() ? std::string() : result_.errors[0].to_string()));
    REQUIRE(result_.ok());
    findings_ = ftstatus::lint_rules(*result_.taxonomy, result_.rules, kAsOf);
  }

  std::vector<LintFinding> with(std::string_view code) const {
    std::vector<LintFinding> out;
    for (const auto& f : findings_)
      if (f.code == code) out.push_back(f);
    return out;
  }
  std::vector<LintFinding> errors() const {
    std::vector<LintFinding> out;
    for (const auto& f : findings_)
      if (f.error) out.push_back(f);
    return out;
  }
  const std::vector<LintFinding>& all() const { return findings_; }

 private:
  LoadResult result_;
  std::vector<LintFinding> findings_;
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Rules producing every assignable status, so status_not_produced stays quiet.
constexpr std::string_view kProduceAll = R"(  - id: z_new
    when: {name: zz_new}
    then: open/new
  - id: z_working
    when: {name: zz_working}
    then: open/working
  - id: z_done
    when: {name: zz_done}
    then: done
  - id: z_other
    then: other
)";

}  // namespace

TEST_CASE("the built-in taxonomy's rules have no findings", "[lint]") {
  auto loaded = ftstatus::load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  REQUIRE(loaded.rules.rules.size() > 10);
  for (Date as_of : {kAsOf, *Date::from_ymd(2030, 12, 31)}) {
    auto findings = ftstatus::lint_rules(*loaded.taxonomy, loaded.rules, as_of);
    INFO(describe(findings));
    CHECK(findings.empty());
  }
}

TEST_CASE("a clean rule set has no findings", "[lint]") {
  Lint lint(R"(  - id: paused
    when: {state: paused}
    then: open/working
  - id: big
    when: {n: ">= 10"}
    then: open/new
)" + std::string(kProduceAll));
  INFO(describe(lint.all()));
  CHECK(lint.all().empty());
}

TEST_CASE("a rule covered by an earlier broader rule is unreachable", "[lint]") {
  Lint lint(R"(  - id: active_or_paused
    when: {state: [active, paused]}
    then: open/working
  - id: just_active
    when:
      state: active
      flag: true
    then: open/new
)" + std::string(kProduceAll));
  INFO(describe(lint.all()));
  auto found = lint.with("rule_unreachable");
  REQUIRE(found.size() == 1);
  CHECK(found[0].error);
  CHECK(found[0].line == kRulesLine + 4);
  CHECK(contains(found[0].message, "'just_active'"));
  CHECK(contains(found[0].message, "'active_or_paused'"));
  CHECK(contains(found[0].message, "never fire"));
  CHECK(lint.with("rule_duplicate").empty());
}

TEST_CASE("a rule covered only by several earlier rules together is unreachable", "[lint]") {
  Lint lint(R"(  - id: low
    when: {n: "< 5"}
    then: open/working
  - id: high
    when: {n: ">= 5"}
    then: open/new
  - id: any_number
    when: {n: not empty}
    then: done
)" + std::string(kProduceAll));
  INFO(describe(lint.all()));
  auto found = lint.with("rule_unreachable");
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == kRulesLine + 7);
  CHECK(contains(found[0].message, "'any_number'"));
  CHECK(contains(found[0].message, "'low'"));
  CHECK(contains(found[0].message, "'high'"));
}

TEST_CASE("a rule equal in meaning to an earlier one is a duplicate", "[lint]") {
  SECTION("a list versus an `any` of single values") {
    Lint lint(R"(  - id: listed
    when: {state: [active, paused]}
    then: open/working
  - id: spelled_out
    when:
      any: [{state: active}, {state: paused}]
    then: open/working
)" + std::string(kProduceAll));
    INFO(describe(lint.all()));
    auto found = lint.with("rule_duplicate");
    REQUIRE(found.size() == 1);
    CHECK(found[0].error);
    CHECK(found[0].line == kRulesLine + 4);
    CHECK(contains(found[0].message, "'spelled_out'"));
    CHECK(contains(found[0].message, "'listed'"));
    CHECK(contains(found[0].message, "same status"));
    CHECK(lint.with("rule_unreachable").empty());
  }
  SECTION("`not` versus the other values, empty included") {
    Lint lint(R"(  - id: not_paused
    when: {state: {not: paused}}
    then: open/working
  - id: others
    when: {state: [active, closed, empty]}
    then: open/new
)" + std::string(kProduceAll));
    INFO(describe(lint.all()));
    auto found = lint.with("rule_duplicate");
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "'others'"));
    CHECK(contains(found[0].message, "'not_paused'"));
    CHECK_FALSE(contains(found[0].message, "same status"));
  }
  SECTION("\">= 3\" versus {at_least: 3}") {
    Lint lint(R"(  - id: symbol
    when: {n: ">= 3"}
    then: open/working
  - id: words
    when: {n: {more_than: 2}}
    then: open/working
)" + std::string(kProduceAll));
    INFO(describe(lint.all()));
    CHECK(lint.with("rule_duplicate").size() == 1);
  }
}

TEST_CASE("integer ranges", "[lint]") {
  SECTION("\"> 5\" after \">= 3\" is unreachable") {
    Lint lint(R"(  - id: three_plus
    when: {n: ">= 3"}
    then: open/working
  - id: five_plus
    when: {n: "> 5"}
    then: open/new
)" + std::string(kProduceAll));
    INFO(describe(lint.all()));
    auto found = lint.with("rule_unreachable");
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == kRulesLine + 4);
    CHECK(contains(found[0].message, "'five_plus'"));
    CHECK(contains(found[0].message, "'three_plus'"));
  }
  SECTION("\">= 2\" after \"< 3\" still fires for 3 and more") {
    Lint lint(R"(  - id: below_three
    when: {n: "< 3"}
    then: open/working
  - id: two_plus
    when: {n: ">= 2"}
    then: open/new
)" + std::string(kProduceAll));
    INFO(describe(lint.all()));
    CHECK(lint.errors().empty());
  }
  SECTION("integers are whole: \"<= 4\" and \">= 5\" leave no number between them") {
    Lint covered(R"(  - id: upto_four
    when: {n: "<= 4"}
    then: open/working
  - id: five_plus
    when: {n: ">= 5"}
    then: open/working
  - id: never
    when: {n: not empty}
    then: open/new
)");
    INFO(describe(covered.all()));
    auto found = covered.with("rule_unreachable");
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "rule 'never'"));

    Lint open_gap(R"(  - id: below_three
    when: {n: "< 3"}
    then: open/working
  - id: above_three
    when: {n: "> 3"}
    then: open/working
  - id: the_rest
    when: {n: not empty}
    then: open/new
)");
    INFO(describe(open_gap.all()));
    CHECK(open_gap.with("rule_unreachable").empty());  // n = 3 reaches the_rest
  }
  SECTION("a contradiction can never fire") {
    Lint lint(R"(  - id: impossible
    when: {n: {">": 5, "<": 3}}
    then: open/new
)" + std::string(kProduceAll));
    INFO(describe(lint.all()));
    auto found = lint.with("rule_unreachable");
    REQUIRE(found.size() == 1);
    CHECK(found[0].error);
    CHECK(found[0].line == kRulesLine + 1);
    CHECK(contains(found[0].message, "'impossible'"));
    CHECK(contains(found[0].message, "contradict"));
  }
}

TEST_CASE("gaps: records no rule matches", "[lint]") {
  SECTION("every enum value and empty covered, no catch-all: no gap") {
    Lint lint(R"(  - id: a
    when: {state: [active, empty]}
    then: open/new
  - id: p
    when: {state: paused}
    then: open/working
  - id: c
    when: {state: closed}
    then: done
)");
    INFO(describe(lint.all()));
    CHECK(lint.with("rule_gap").empty());
    CHECK(lint.errors().empty());
  }
  SECTION("one enum value missing: a gap with an example record") {
    Lint lint(R"(  - id: a
    when: {state: [active, empty]}
    then: open/new
  - id: p
    when: {state: paused}
    then: open/working
)");
    INFO(describe(lint.all()));
    auto found = lint.with("rule_gap");
    REQUIRE(found.size() == 1);
    CHECK(found[0].error);
    CHECK(contains(found[0].message, "state=closed"));
    CHECK(contains(found[0].message, "catch-all"));
  }
  SECTION("empty missing: the example shows an empty cell") {
    Lint lint(R"(  - id: a
    when: {state: [active, paused, closed]}
    then: open/new
)");
    INFO(describe(lint.all()));
    auto found = lint.with("rule_gap");
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "state=empty"));
  }
  SECTION("bool and int: both values and every range covered, no gap") {
    Lint lint(R"(  - id: t
    when: {flag: true}
    then: open/new
  - id: f
    when: {flag: [false, empty]}
    then: open/new
)");
    CHECK(lint.with("rule_gap").empty());
    Lint ints(R"(  - id: low
    when: {n: "< 3"}
    then: open/new
  - id: high
    when: {n: {at_least: 3}}
    then: open/new
)");
    INFO(describe(ints.all()));
    auto found = ints.with("rule_gap");
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "n=empty"));
  }
  SECTION("a gap between int ranges shows a number inside it") {
    Lint lint(R"(  - id: low
    when: {n: "< 3"}
    then: open/new
  - id: high
    when: {n: "> 3"}
    then: open/new
  - id: none
    when: {n: empty}
    then: open/new
)");
    INFO(describe(lint.all()));
    auto found = lint.with("rule_gap");
    REQUIRE(found.size() == 1);
    CHECK(contains(found[0].message, "n=3"));
  }
  SECTION("a catch-all closes every gap") {
    Lint lint(R"(  - id: p
    when: {state: paused}
    then: open/new
  - id: rest
    then: other
)");
    CHECK(lint.with("rule_gap").empty());
  }
}

TEST_CASE("a status no rule produces is a warning", "[lint]") {
  Lint lint(R"(  - id: p
    when: {state: paused}
    then: open/new
  - id: rest
    then: done
)");
  INFO(describe(lint.all()));
  auto found = lint.with("status_not_produced");
  REQUIRE(found.size() == 2);
  for (const auto& f : found) CHECK_FALSE(f.error);
  CHECK(contains(found[0].message, "'open/working'"));
  CHECK(found[0].line == 10);
  CHECK(contains(found[1].message, "'other'"));
  CHECK(found[1].line == 14);
  CHECK(lint.errors().empty());
}

TEST_CASE("a status only an unreachable rule gives counts as not produced", "[lint]") {
  Lint lint(R"(  - id: rest
    then: other
  - id: never
    when: {state: paused}
    then: open/new
)" + std::string("  - id: d\n    then: done\n"));
  INFO(describe(lint.all()));
  bool new_reported = false;
  for (const auto& f : lint.with("status_not_produced"))
    new_reported = new_reported || contains(f.message, "'open/new'");
  CHECK(new_reported);
}

TEST_CASE("rules whose alternatives multiply beyond analysis give a warning, not an abort", "[lint]") {
  // 6 groups of `any` over 20 alternatives would be 20^6 = 64 million boxes.
  std::string groups;
  for (int g = 0; g < 6; ++g) {
    groups += "        - any:\n";
    for (int v = 0; v < 20; ++v) groups += fmt::format("          - n: {}\n", v * 10 + g);
  }
  Lint lint("  - id: bomb\n    when:\n      all:\n" + groups + "    then: done\n" + std::string(kProduceAll));
  auto found = lint.with("too_complex");
  REQUIRE(found.size() == 1);
  CHECK_FALSE(found[0].error);
}
