#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <random>
#include <string>
#include <string_view>

#include "load/builtin.h"
#include "ftstatus/loader.h"

using ftstatus::kNoStatus;
using ftstatus::LoadResult;
using ftstatus::StatusIndex;
using ftstatus::Taxonomy;

namespace {

LoadResult load(std::string_view yaml) { return ftstatus::load_taxonomy(yaml, "t.yaml"); }

// The index of the status with this id, or kNoStatus.
StatusIndex by_id(const Taxonomy& t, std::string_view id) {
  for (std::size_t i = 0; i < t.statuses().size(); ++i)
    if (t.statuses()[i].id == id) return static_cast<StatusIndex>(i);
  return kNoStatus;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// A rejected file: no taxonomy at all, and exactly one diagnostic at line:column
// of t.yaml whose message names every word in `words`.
void require_single_error(const LoadResult& r, int line, int column,
                          std::initializer_list<std::string_view> words) {
  CHECK_FALSE(r.ok());
  CHECK_FALSE(r.taxonomy.has_value());
  REQUIRE(r.errors.size() == 1);
  const auto& e = r.errors[0];
  INFO(e.to_string());
  CHECK(e.file == "t.yaml");
  CHECK(e.line == line);
  CHECK(e.column == column);
  for (auto w : words) CHECK(contains(e.message, w));
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

// ---------------------------------------------------------------- rejections

TEST_CASE("YAML syntax errors are reported with their position", "[loader]") {
  SECTION("bad indentation") {
    auto r = load(R"(taxonomy:
  id: t
   name: T
statuses:
  - id: a
    name: A
)");
    require_single_error(r, 3, 8, {"not valid YAML"});
  }
  SECTION("unclosed bracket") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: [A
)");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].file == "t.yaml");
    CHECK(contains(r.errors[0].message, "not valid YAML"));
    // yaml-cpp only notices at the end of the input, after the bracket's line.
    CHECK(r.errors[0].line >= 6);
    CHECK(r.errors[0].column >= 1);
  }
}

TEST_CASE("unknown keys are rejected where they stand", "[loader]") {
  SECTION("in a status") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    nmae: B
)");
    require_single_error(r, 7, 5, {"unknown key", "nmae", "name"});
  }
  SECTION("in 'taxonomy'") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
  colour: red
statuses:
  - id: a
    name: A
)");
    require_single_error(r, 4, 3, {"unknown key", "colour", "taxonomy"});
  }
  SECTION("at the top level") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
bogus: 1
)");
    require_single_error(r, 7, 1, {"unknown key", "bogus", "top level"});
  }
  SECTION("inside target_date") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    target_date:
      required: true
      horizon: 3
)");
    require_single_error(r, 9, 7, {"unknown key", "horizon", "target_date", "max_days_ahead"});
  }
  SECTION("inside a name map") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name:
      en: Open
      fr: Ouvert
)");
    require_single_error(r, 8, 7, {"unknown key", "fr", "name", "en", "es"});
  }
  SECTION("inside a flow name map") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: {en: Open, fr: Ouvert}
)");
    require_single_error(r, 6, 22, {"unknown key", "fr"});
  }
}

TEST_CASE("a status needs an id and a name", "[loader]") {
  SECTION("no name") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    description: x
)");
    require_single_error(r, 5, 5, {"'a'", "no 'name'"});
  }
  SECTION("an empty name") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name:
    description: x
)");
    CHECK_FALSE(r.ok());
    REQUIRE(r.errors.size() == 1);
    INFO(r.errors[0].to_string());
    CHECK(contains(r.errors[0].message, "name"));
    // The error is about 'name' on line 6, not about 'description' on line 7.
    CHECK(r.errors[0].line == 6);
  }
  SECTION("no id") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    children:
      - name: B
        description: x
)");
    require_single_error(r, 8, 9, {"L2", "no 'id'"});
  }
}

TEST_CASE("ids use only lower-case letters, digits and underscores", "[loader]") {
  SECTION("spaces") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: in progress
    name: A
)");
    require_single_error(r, 5, 9, {"in progress", "lower-case"});
  }
  SECTION("upper case") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
  - id: Blocked
    name: B
)");
    require_single_error(r, 7, 9, {"Blocked", "lower-case"});
  }
}

TEST_CASE("siblings must not share an id", "[loader]") {
  SECTION("two L1s") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
  - id: a
    name: B
)");
    require_single_error(r, 7, 5, {"duplicate id", "'a'"});
  }
  SECTION("two L2s under one L1") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    children:
      - id: b
        name: B
      - id: b
        name: C
)");
    require_single_error(r, 10, 9, {"duplicate id", "'b'"});
  }
  SECTION("the same L2 id under two L1s is fine") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    children:
      - id: other
        name: Other
  - id: b
    name: B
    children:
      - id: other
        name: Other
)");
    CHECK(r.ok());
  }
}

TEST_CASE("an alias that equals a sibling's name is ambiguous", "[loader]") {
  auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: Alpha
  - id: b
    name: Beta
    aliases: ["ALPHA"]
)");
  require_single_error(r, 7, 5, {"alpha", "'a'", "'b'"});
}

TEST_CASE("a leaf status and an L3 cannot have children", "[loader]") {
  SECTION("leaf: true") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    leaf: true
    children:
      - id: b
        name: B
)");
    // The position is that of the children list.
    require_single_error(r, 9, 7, {"leaf", "children"});
  }
  SECTION("a fourth level") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    children:
      - id: b
        name: B
        children:
          - id: c
            name: C
            children:
              - id: d
                name: D
)");
    require_single_error(r, 14, 15, {"'c'", "L3", "three levels"});
  }
}

TEST_CASE("bad target-date policy values are rejected", "[loader]") {
  auto policy = [](std::string_view line) {
    return load(std::string(R"(taxonomy:
  id: t
  name: T
statuses:
  - id: a
    name: A
    target_date:
      )") + std::string(line) + "\n");
  };
  SECTION("required: maybe") {
    require_single_error(policy("required: maybe"), 8, 17, {"required", "true or false"});
  }
  SECTION("max_days_ahead: -5") {
    require_single_error(policy("max_days_ahead: -5"), 8, 23, {"max_days_ahead", "whole number"});
  }
  SECTION("max_days_ahead: abc") {
    require_single_error(policy("max_days_ahead: abc"), 8, 23, {"max_days_ahead", "whole number"});
  }
  SECTION("max_days_ahead: 0") {
    require_single_error(policy("max_days_ahead: 0"), 8, 23, {"max_days_ahead", "from 1"});
  }
  SECTION("max_days_ahead: 1.5") {
    require_single_error(policy("max_days_ahead: 1.5"), 8, 23, {"max_days_ahead", "whole number"});
  }
  SECTION("taxonomy.max_days_ahead: -1") {
    auto r = load(R"(taxonomy:
  id: t
  name: T
  max_days_ahead: -1
statuses:
  - id: a
    name: A
)");
    require_single_error(r, 4, 19, {"max_days_ahead", "whole number"});
  }
  SECTION("the limits themselves are accepted") {
    CHECK(policy("max_days_ahead: 1").ok());
    CHECK(policy("max_days_ahead: 36500").ok());
  }
}

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
  SECTION("a scalar") {
    require_single_error(load("just some text\n"), 1, 1, {"top level", "mapping"});
  }
  SECTION("a list") {
    require_single_error(load("- id: a\n  name: A\n"), 1, 1, {"top level", "mapping"});
  }
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
    CHECK(r.errors[0].to_string() == "t.yaml:5:15: YAML aliases (*name) are not supported in a taxonomy file; write the value out");
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
