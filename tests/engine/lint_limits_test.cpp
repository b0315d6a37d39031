// Part 6, item 10: lint's analysis is bounded. Thousands of rules over a dozen
// int columns once took minutes (the work grows with rules times the boxes
// left uncovered); past the bound lint says so, as a warning, and stops.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <string>

#include "engine/lint.h"
#include "ftstatus/date.h"
#include "ftstatus/loader.h"

namespace {

// `rules` rules, each comparing two of `columns` int columns with thresholds
// from a fixed pseudo-random sequence, and a catch-all.
std::string many_overlapping_rules(int columns, int rules) {
  std::string text = "taxonomy: {id: t, name: T}\nstatuses:\n  - {id: a, name: A, leaf: true}\ncolumns:\n";
  for (int c = 0; c < columns; ++c) text += "  - {id: c" + std::to_string(c) + ", type: int}\n";
  text += "rules:\n";
  std::uint32_t state = 1;
  auto next = [&state](int below) {
    state = state * 1103515245u + 12345u;
    return static_cast<int>((state >> 16) % static_cast<std::uint32_t>(below));
  };
  for (int r = 0; r < rules; ++r) {
    const int a = next(columns);
    const int b = (a + 1 + next(columns - 1)) % columns;
    text += "  - id: r" + std::to_string(r) + "\n    when: {c" + std::to_string(a) +
            ": \">= " + std::to_string(next(21)) + "\", c" + std::to_string(b) + ": \"< " + std::to_string(next(21)) +
            "\"}\n    then: a\n";
  }
  return text + "  - id: last\n    then: a\n";
}

}  // namespace

TEST_CASE("lint stops an analysis that would take minutes, with a warning", "[lint][limits]") {
  const ftstatus::LoadResult loaded = ftstatus::load_taxonomy(many_overlapping_rules(12, 6000), "t.yaml");
  REQUIRE(loaded.ok());
  const auto start = std::chrono::steady_clock::now();
  const std::vector<ftstatus::LintFinding> findings =
      ftstatus::lint_rules(*loaded.taxonomy, loaded.rules, *ftstatus::Date::parse_iso("2026-11-24"));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  INFO(took.count() << " s");
  CHECK(took.count() < 60);
  REQUIRE_FALSE(findings.empty());
  const ftstatus::LintFinding& last = findings.back();
  INFO(last.message);
  CHECK(last.code == "too_complex");
  CHECK_FALSE(last.error);
  CHECK(last.line > 0);  // the rule being analysed when it stopped
  CHECK(last.message.find("steps to analyse") != std::string::npos);
}

TEST_CASE("a small rule set is analysed in full, well within the bound", "[lint][limits]") {
  const ftstatus::LoadResult loaded = ftstatus::load_taxonomy(many_overlapping_rules(12, 200), "t.yaml");
  REQUIRE(loaded.ok());
  for (const ftstatus::LintFinding& f :
       ftstatus::lint_rules(*loaded.taxonomy, loaded.rules, *ftstatus::Date::parse_iso("2026-11-24")))
    CHECK(f.code != "too_complex");
}

TEST_CASE("date thresholds at the ends of the calendar give no example dates outside it", "[lint][limits]") {
  const ftstatus::LoadResult loaded = ftstatus::load_taxonomy(
      "taxonomy: {id: t, name: T}\nstatuses:\n  - {id: a, name: A, leaf: true}\n  - {id: b, name: B, leaf: true}\n"
      "columns:\n  - {id: d, type: date}\n  - {id: n, type: int}\n"
      "rules:\n  - id: late\n    when: {d: {before: 9999-12-31}, n: \"< -9223372036854775808\"}\n    then: a\n"
      "  - id: early\n    when: {d: {after: 0001-01-01}, n: \">= 9223372036854775807\"}\n    then: b\n",
      "t.yaml");
  REQUIRE(loaded.ok());
  const auto findings = ftstatus::lint_rules(*loaded.taxonomy, loaded.rules, *ftstatus::Date::parse_iso("2026-11-24"));
  bool gap = false;
  for (const ftstatus::LintFinding& f : findings) {
    INFO(f.message);
    CHECK(f.message.find("10000-") == std::string::npos);
    CHECK(f.message.find("0000-") == std::string::npos);
    gap = gap || f.code == "rule_gap";
  }
  CHECK(gap);
}
