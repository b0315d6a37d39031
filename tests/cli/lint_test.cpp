// `ftstatus lint`: findings on a taxonomy's rules, and a broken rule as lint
// and classify report it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_support.h"

using namespace test_support;

// --------------------------------------------------------------------- lint

TEST_CASE("lint: the built-in taxonomy and the custom L3 example are clean", "[classify]") {
  Run builtin = run_line("lint" + kAsOf);
  CHECK(builtin.status == 0);
  CHECK(builtin.out == "0 error(s), 0 warning(s)\n");
  Run custom = run_line("lint --taxonomy " + shell_quote(example("custom-l3.yaml")) + kAsOf);
  CHECK(custom.status == 0);
  CHECK(custom.out == "0 error(s), 0 warning(s)\n");
  Run tree = run_line("tree --taxonomy " + shell_quote(example("custom-l3.yaml")));
  CHECK(tree.status == 0);
  CHECK(contains(tree.out, "Feature Request [feature_request]"));
}

TEST_CASE("lint finds duplicate, unreachable and missing rules", "[classify]") {
  auto [yaml, line] = taxonomy_with(
      "  - id: billing_again\n"
      "    when: {intent: yes, blocker: billing}\n"
      "    then: blocked/billing_licensing_subscription\n"
      "  - id: legal_with_intent\n"
      "    when: {intent: yes, blocker: legal}\n"
      "    then: blocked/legal_regulatory\n",
      /*keep_catch_all=*/false);
  TempDir dir;
  std::string file = dir.file("rules.yaml", yaml);
  Run r = run_line("lint --taxonomy " + shell_quote(file) + kAsOf);
  CHECK(r.status == 1);
  INFO(r.out);
  std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() == 5);
  const std::string at = file + ":";
  CHECK(lines[0].rfind(at + std::to_string(line) +
                           ": error: rule 'billing_again' matches exactly the records rule "
                           "'blocked_billing'",
                       0) == 0);
  CHECK(contains(lines[0], "[rule_duplicate]"));
  CHECK(lines[1].rfind(at + std::to_string(line + 3) + ": error: rule 'legal_with_intent' can never fire", 0) == 0);
  CHECK(contains(lines[1], "'legal_block'"));
  CHECK(contains(lines[1], "[rule_unreachable]"));
  CHECK(lines[2].rfind(at + std::to_string(line + 3) + ": error: some records match no rule, for example {", 0) == 0);
  CHECK(contains(lines[2], "intent=empty"));
  CHECK(contains(lines[2], "[rule_gap]"));
  CHECK(contains(
      lines[3],
      ": warning: no rule produces status 'status_unknown/new_subscription_or_workload' [status_not_produced]"));
  CHECK(lines[4] == "3 error(s), 1 warning(s)");
}

TEST_CASE("a broken rule is reported at file:line:column by lint (exit 1) and stops classify (exit 2)", "[classify]") {
  struct Case {
    const char* name;
    const char* rule;
    int line_offset;
    int column;
    const char* words;
  };
  const Case cases[] = {
      {"unknown column", "  - id: bad\n    when: {region: emea}\n    then: duplicate_invalid\n", 1, 12,
       "uses unknown column 'region'"},
      {"unknown status", "  - id: bad\n    when: {intent: yes}\n    then: in_progress/deploying\n", 2, 11,
       "unknown status 'deploying'"},
      {"value outside the enum", "  - id: bad\n    when: {intent: maybe}\n    then: duplicate_invalid\n", 1, 20,
       "'maybe' is not a value of column 'intent'"},
      {"'>= three' on an int", "  - id: bad\n    when: {contact_attempts: \">= three\"}\n    then: duplicate_invalid\n",
       1, 30, "'three' after '>=' is not a whole number"},
      {"a rule without id", "  - when: {intent: yes}\n    then: duplicate_invalid\n", 0, 5, "this rule has no 'id'"},
  };
  TempDir dir;
  std::string in = dir.file("in.csv", "entitlement_id,intent\nE1,yes\n");
  for (const Case& c : cases) {
    INFO(c.name);
    auto [yaml, line] = taxonomy_with(c.rule, /*keep_catch_all=*/true);
    std::string file = dir.file("bad.yaml", yaml);
    std::string where = file + ":" + std::to_string(line + c.line_offset) + ":" + std::to_string(c.column) + ": ";
    Run lint = run_line("lint --taxonomy " + shell_quote(file) + kAsOf);
    CHECK(lint.status == 1);
    CHECK(contains(lint.out, where));
    CHECK(contains(lint.out, c.words));
    CHECK(contains(lint.out, "[load_error]"));
    CHECK(contains(lint.out, "1 error(s), 0 warning(s)"));
    std::string out = dir.file("out.csv", "previous output\n");
    Run classify = run_line("classify --taxonomy " + shell_quote(file) + " " + shell_quote(in) + " -o " +
                            shell_quote(out) + kAsOf);
    CHECK(classify.status == 2);
    CHECK(contains(classify.err, "ftstatus: " + where));
    CHECK(contains(classify.err, c.words));
    CHECK(read_file(out) == "previous output\n");
  }
}
