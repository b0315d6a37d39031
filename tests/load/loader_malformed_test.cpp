// Malformed taxonomy files: wrong shapes, repeated keys, several errors at
// once, random bytes and YAML aliases. None may crash the loader.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>

#include "ftstatus/loader.h"
#include "load/builtin.h"
#include "loader_fixture.h"

using ftstatus::LoadResult;
using namespace loader_fixture;

TEST_CASE("'statuses' must be a non-empty list", "[loader]") {
  SECTION("a scalar") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses: nope
)");
    require_single_error(r, 4, 11, {"'statuses'", "non-empty list"});
  }
  SECTION("an empty list") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses: []
)");
    require_single_error(r, 4, 11, {"'statuses'", "non-empty list"});
  }
  SECTION("a mapping") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  id: a
  name: A
)");
    require_single_error(r, 5, 3, {"'statuses'", "non-empty list"});
  }
  SECTION("no value, followed by another key") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
zzz: 1
)");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 2);
    // One diagnostic is about 'zzz' on line 5; the one about 'statuses' must
    // point at line 4, where 'statuses' is, not at the line of the next key.
    const auto& e = contains(r.errors[0].message, "'statuses'") ? r.errors[0] : r.errors[1];
    INFO(e.to_string());
    CHECK(contains(e.message, "non-empty list"));
    CHECK(e.line == 4);
  }
  SECTION("no value, at the end of the file") {
    auto r = load("taxonomy:\n  id: t\n  name: T\nstatuses:\n");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    INFO(r.errors[0].to_string());
    CHECK(contains(r.errors[0].message, "'statuses'"));
    CHECK(r.errors[0].line == 4);  // the file has only 4 lines
  }
}

TEST_CASE("a file without a mapping at the top is rejected", "[loader]") {
  SECTION("empty") {
    auto r = load("");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == "t.yaml");
    CHECK(contains(r.errors[0].message, "empty"));
    CHECK(r.errors[0].line <= 1);
  }
  SECTION("only a comment") {
    auto r = load("# nothing here\n");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(contains(r.errors[0].message, "empty"));
  }
  SECTION("a scalar") { require_single_error(load("just some text\n"), 1, 1, {"top level", "mapping"}); }
  SECTION("a list") { require_single_error(load("- id: a\n  name: A\n"), 1, 1, {"top level", "mapping"}); }
}

TEST_CASE("a key given twice is rejected", "[loader]") {
  auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    name: B
)");
  require_single_error(r, 7, 5, {"'name'", "twice"});
}

TEST_CASE("every error in a file is reported, not just the first", "[loader]") {
  auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    nmae: A
  - id: B
    name: B
  - id: c
    name: C
    target_date: {max_days_ahead: 0}
  - id: d
    name: D
    children:
      - id: e
        name: E
        target_date:
          required: maybe
)");
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.taxonomy.has_value());
  auto has = [&](int line, int column, std::string_view word) {
    for (const auto& e : r.errors)
      if (e.line == line && e.column == column && contains(e.message, word)) return true;
    return false;
  };
  for (const auto& e : r.errors) UNSCOPED_INFO(e.to_string());
  CHECK(has(7, 5, "nmae"));
  CHECK(has(8, 9, "'B'"));
  CHECK(has(12, 35, "max_days_ahead"));
  CHECK(has(19, 21, "required"));
  CHECK(r.errors.size() == 4);
}

TEST_CASE("random bytes and mangled files never crash the loader", "[loader]") {
  auto check_clean = [](const LoadResult& r) {
    if (r.ok()) {
      CHECK(r.errors.empty());
    } else {
      CHECK_FALSE(r.errors.empty());
      for (const auto& e : r.errors) CHECK(e.file == "t.yaml");
    }
  };
  std::mt19937 rng(20260101);
  SECTION("random bytes") {
    for (int round = 0; round < 200; ++round) {
      std::uniform_int_distribution<int> length(0, 600), byte(0, 255);
      std::string text(static_cast<std::size_t>(length(rng)), '\0');
      for (char& c : text) c = static_cast<char>(byte(rng));
      LoadResult r;
      REQUIRE_NOTHROW(r = load(text));
      CHECK_FALSE(r.ok());
      check_clean(r);
    }
  }
  SECTION("deep nesting") {
    LoadResult r;
    REQUIRE_NOTHROW(r = load(std::string(50000, '[')));
    CHECK_FALSE(r.ok());
    std::string dashes;
    for (int k = 0; k < 20000; ++k) dashes += "- ";
    REQUIRE_NOTHROW(r = load(dashes + "x"));
    CHECK_FALSE(r.ok());
    REQUIRE_NOTHROW(r = load(std::string(20000, '{')));
    CHECK_FALSE(r.ok());
  }
  SECTION("the built-in file with bytes changed") {
    const std::string original(ftstatus::builtin_taxonomy_text());
    const std::string specials = ":-[]{}&*!|>'\"%@`#,?\n \t\x01\xff";
    for (int round = 0; round < 150; ++round) {
      std::string text = original;
      std::uniform_int_distribution<std::size_t> where(0, text.size() - 1);
      std::uniform_int_distribution<std::size_t> which(0, specials.size() - 1);
      for (int k = 0; k < 4; ++k) text[where(rng)] = specials[which(rng)];
      LoadResult r;
      REQUIRE_NOTHROW(r = load(text));
      check_clean(r);
    }
  }
  SECTION("NUL bytes and invalid UTF-8 in a value") {
    std::string text = "taxonomy:\n  id: t\n  name: T\nstatuses:\n  - id: a\n    name: \"";
    text += std::string("\xff\xfe\0A", 4);
    text += "\"\n";
    LoadResult r;
    REQUIRE_NOTHROW(r = load(text));
    check_clean(r);
  }
}

TEST_CASE("YAML aliases are refused before the tree is built (no cycles, no alias bombs)", "[loader]") {
  SECTION("a self-referencing anchor") {
    auto r = load("taxonomy: {id: t, name: T}\nstatuses: &s\n  - id: a\n    name: A\n    children: *s\n");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].to_string() ==
          "t.yaml:5:15: YAML aliases (*name) are not supported in a taxonomy file; write the value out");
  }
  SECTION("a billion-laughs style expansion") {
    std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = 'b'; level <= 'j'; ++level)
      yaml += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", level,
                          static_cast<char>(level - 1));
    auto r = load(yaml);
    REQUIRE_FALSE(r.ok());
    CHECK(r.errors[0].line == 2);
  }
}
