// Part 6, items 9, 10 and 13: the loader's limits (file size, nesting depth,
// nodes, rules, columns), its linear time on many empty values, and a
// position in every message.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include "ftstatus/loader.h"
#include "loader_fixture.h"

using namespace loader_fixture;
using ftstatus::LoadLimits;
using ftstatus::LoadResult;

namespace {

const std::string kHeader = "taxonomy:\n  id: t\n  name: T\n";

// `count` L1 statuses, each with two values left empty (description:, notes:):
// 2 * count errors, each at its key. Status i (from 1) starts on line 5 + 4 * (i - 1).
std::string statuses_with_empty_values(int count) {
  std::string text = kHeader + "statuses:\n";
  for (int i = 1; i <= count; ++i)
    text += "  - id: s" + std::to_string(i) + "\n    name: S" + std::to_string(i) + "\n    description:\n    notes:\n";
  return text;
}

double seconds_to_load(const std::string& text, const LoadLimits& limits) {
  double best = 1e9;
  for (int run = 0; run < 2; ++run) {  // the faster of two: this machine is shared
    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = ftstatus::load_taxonomy(text, "big.yaml", ftstatus::Lang::en, limits);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK_FALSE(r.ok());
    best = std::min(best, took.count());
  }
  return best;
}

std::string nested_flow(int depth) {
  return kHeader + "statuses:\n  - id: a\n    name: " + std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']') + "\n";
}

}  // namespace

TEST_CASE("many empty values load in linear time, each error at its key", "[loader][limits]") {
  const int count = 4000;
  const std::string text = statuses_with_empty_values(count);
  const LoadResult r = ftstatus::load_taxonomy(text, "big.yaml");
  CHECK_FALSE(r.ok());
  REQUIRE(r.errors.size() == 2 * static_cast<std::size_t>(count));
  // The last status's `notes:` (its fourth line), not the position yaml-cpp gives the empty value.
  const auto& last = r.errors.back();
  INFO(last.to_string());
  CHECK(last.line == 5 + 4 * (count - 1) + 3);
  CHECK(last.column == 5);
  CHECK(contains(last.message, "notes of status 's4000'"));

  // Ten times the statuses take about ten times as long, not a hundred (the
  // lookup of empty values was quadratic: 240 KB in 0.1 s, 3.4 MB in 9 s).
  LoadLimits roomy;
  roomy.max_nodes = 10'000'000;
  const double small = seconds_to_load(statuses_with_empty_values(2000), roomy);
  const double large = seconds_to_load(statuses_with_empty_values(20000), roomy);
  INFO("2,000 statuses: " << small << " s, 20,000: " << large << " s");
  CHECK(large < 25 * small + 0.05);
}

TEST_CASE("a valid file with thousands of statuses and rules loads", "[loader][limits]") {
  std::string text = kHeader + "statuses:\n";
  for (int i = 1; i <= 3000; ++i)
    text += "  - id: s" + std::to_string(i) + "\n    name: S" + std::to_string(i) + "\n    leaf: true\n";
  text += "columns:\n  - id: n\n    type: int\nrules:\n";
  for (int i = 1; i <= 3000; ++i)
    text += "  - id: r" + std::to_string(i) + "\n    when: {n: " + std::to_string(i) + "}\n    then: s" +
            std::to_string(i) + "\n";
  const LoadResult ok = ftstatus::load_taxonomy(text, "big.yaml");
  INFO((ok.errors.empty() ? std::string() : ok.errors[0].to_string()));
  REQUIRE(ok.ok());
  CHECK(ok.taxonomy->statuses().size() == 3000);
  CHECK(ok.rules.rules.size() == 3000);
  // One empty value at the very end is found at its key.
  const LoadResult broken = ftstatus::load_taxonomy(text + "  - id: last\n    then:\n", "big.yaml");
  REQUIRE(broken.errors.size() == 1);
  INFO(broken.errors[0].to_string());
  CHECK(broken.errors[0].line == 3 * 3000 + 4 + 4 + 3 * 3000 + 2);
  CHECK(broken.errors[0].column == 5);
}

TEST_CASE("a taxonomy larger than the size limit is refused before it is parsed", "[loader][limits]") {
  LoadLimits limits;
  limits.max_file_bytes = 1 << 20;
  const std::string text = kHeader + "statuses:\n  - {id: a, name: A}\n# " + std::string(1 << 20, 'x') + "\n";
  const LoadResult r = ftstatus::load_taxonomy(text, "t.yaml", ftstatus::Lang::en, limits);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.unreadable);
  CHECK(contains(r.errors[0].message, "larger than 1 MiB"));
  CHECK(contains(r.errors[0].message, "--taxonomy-max-mib"));
  limits.max_file_bytes = 2 << 20;
  CHECK(ftstatus::load_taxonomy(text, "t.yaml", ftstatus::Lang::en, limits).ok());
}

TEST_CASE("reading a taxonomy file stops one byte past the size limit, even from a device", "[loader][limits]") {
  LoadLimits limits;
  limits.max_file_bytes = 4096;
  const auto start = std::chrono::steady_clock::now();
  const LoadResult r = ftstatus::load_taxonomy_file("/dev/zero", ftstatus::Lang::en, limits);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.unreadable);
  CHECK(r.errors[0].file == "/dev/zero");
  CHECK(contains(r.errors[0].message, "larger than"));
  // The default (8 MiB) too: today's loader read all of /dev/zero's 6 GB it could get.
  const LoadResult by_default = ftstatus::load_taxonomy_file("/dev/zero");
  CHECK(by_default.unreadable);
  CHECK(contains(by_default.errors.at(0).message, "larger than 8 MiB"));
}

TEST_CASE("nesting deeper than the limit stops before yaml-cpp builds the tree", "[loader][limits]") {
  SECTION("flow lists: the first list past the limit, by its position") {
    // The top mapping, statuses' list and the status mapping are 3 levels: the 62nd '[' is the 65th level.
    const LoadResult r = load(nested_flow(1000));
    REQUIRE(r.errors.size() == 1);
    INFO(r.errors[0].to_string());
    CHECK(r.unreadable);
    CHECK(r.errors[0].line == 6);
    CHECK(r.errors[0].column == 11 + 61);
    CHECK(contains(r.errors[0].message, "nested more than 64 deep"));
    CHECK(contains(r.errors[0].message, "--taxonomy-max-depth"));
  }
  SECTION("block mappings") {
    std::string text = kHeader + "statuses:\n  - id: a\n    name: A\nx:\n";
    for (int i = 1; i < 200; ++i) text += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
    const LoadResult r = load(text);
    REQUIRE(r.errors.size() == 1);
    INFO(r.errors[0].to_string());
    CHECK(contains(r.errors[0].message, "nested more than 64 deep"));
    CHECK(r.errors[0].line > 60);
  }
  SECTION("yaml-cpp's own guard (\"bad file\") is never what the user sees") {
    LoadLimits limits;
    limits.max_depth = 100000;  // capped at LoadLimits::kDeepestAllowed
    const LoadResult r = ftstatus::load_taxonomy(nested_flow(5000), "t.yaml", ftstatus::Lang::en, limits);
    REQUIRE(r.errors.size() == 1);
    INFO(r.errors[0].to_string());
    CHECK(contains(r.errors[0].message, "nested more than 400 deep"));
    CHECK_FALSE(contains(r.errors[0].message, "bad file"));
  }
  SECTION("within a raised limit the file is read as usual") {
    LoadLimits limits;
    limits.max_depth = LoadLimits::kDeepestAllowed;
    const LoadResult r = ftstatus::load_taxonomy(nested_flow(390), "t.yaml", ftstatus::Lang::en, limits);
    REQUIRE(r.errors.size() == 1);
    INFO(r.errors[0].to_string());
    CHECK(contains(r.errors[0].message, "name of status 'a'"));
  }
}

TEST_CASE("more YAML nodes than the limit stop the load at the first one past it", "[loader][limits]") {
  std::string list;
  for (int i = 0; i < 300000; ++i) list += "1,";
  const LoadResult r = load(kHeader + "statuses: [" + list + "]\n");
  REQUIRE(r.errors.size() == 1);
  INFO(r.errors[0].to_string());
  CHECK(r.unreadable);
  CHECK(contains(r.errors[0].message, "more than 200000 YAML nodes"));
  CHECK(contains(r.errors[0].message, "--taxonomy-max-nodes"));
  CHECK(r.errors[0].line == 4);
  LoadLimits limits;
  limits.max_nodes = 400000;
  const LoadResult raised =
      ftstatus::load_taxonomy(kHeader + "statuses: [" + list + "]\n", "t.yaml", ftstatus::Lang::en, limits);
  CHECK_FALSE(raised.unreadable);
  CHECK_FALSE(contains(raised.errors.at(0).message, "YAML nodes"));
}

TEST_CASE("more rules or columns than the limit are refused at the list", "[loader][limits]") {
  const std::string statuses = "statuses:\n  - {id: a, name: A, leaf: true}\n";
  std::string columns = "columns:\n";
  for (int i = 0; i < 5; ++i) columns += "  - {id: c" + std::to_string(i) + ", type: int}\n";
  std::string rules = "rules:\n";
  for (int i = 0; i < 5; ++i) rules += "  - {id: r" + std::to_string(i) + ", then: a}\n";
  const std::string text = kHeader + statuses + columns + rules;
  REQUIRE(load(text).ok());
  LoadLimits limits;
  limits.max_rules = 4;
  LoadResult r = ftstatus::load_taxonomy(text, "t.yaml", ftstatus::Lang::en, limits);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.unreadable);
  CHECK(r.errors[0].line == 13);  // the list's first item
  CHECK(contains(r.errors[0].message, "5 rules, more than 4"));
  CHECK(contains(r.errors[0].message, "--taxonomy-max-rules"));
  limits = LoadLimits{};
  limits.max_columns = 3;
  r = ftstatus::load_taxonomy(text, "t.yaml", ftstatus::Lang::es, limits);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 7);
  CHECK(contains(r.errors[0].message, "5 columnas, más de 3"));
  CHECK(contains(r.errors[0].message, "--taxonomy-max-columns"));
}

TEST_CASE("a NUL byte or bytes that are not UTF-8 are named with their position", "[loader][limits]") {
  // yaml-cpp stopped at the NUL without a word (the file then lacked 'statuses').
  require_single_error(load(kHeader + std::string("statuses:\n  - id: a\n    name: A\0B\n", 34)), 6, 12, {"NUL byte"});
  require_single_error(load(kHeader + "statuses:\n  - id: a\n    name: \"Caf\xE9\"\n"), 6, 15, {"not UTF-8"});
  // UTF-16 with its byte order mark is still read (yaml-cpp decodes it).
  std::string utf16 = "\xFF\xFE";
  for (char c : kHeader + "statuses:\n  - {id: a, name: A, leaf: true}\n") {
    utf16 += c;
    utf16 += '\0';
  }
  CHECK(load(utf16).ok());
}

TEST_CASE("older_than_days is bounded by the calendar, so as-of minus days cannot overflow", "[loader][limits]") {
  const std::string base = kHeader +
                           "statuses:\n  - {id: a, name: A, leaf: true}\ncolumns:\n  - {id: d, type: date}\nrules:\n"
                           "  - id: r\n    when: {d: {older_than_days: ";
  CHECK(load(base + "3652059}}\n    then: a\n").ok());
  require_single_error(load(base + "9223372036854775807}}\n    then: a\n"), 10, 33, {"from 0 to 3652059"});
}

TEST_CASE("a taxonomy file that cannot be opened says why", "[loader][limits]") {
  const LoadResult r = ftstatus::load_taxonomy_file("/nonexistent/t.yaml");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.unreadable);
  CHECK(contains(r.errors[0].message, "No such file or directory"));
}
