// Taxonomy files the loader rejects, each with one diagnostic at its line and column.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "ftstatus/loader.h"
#include "loader_fixture.h"

using namespace loader_fixture;

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
      )") + std::string(line) +
                "\n");
  };
  SECTION("required: maybe") { require_single_error(policy("required: maybe"), 8, 17, {"required", "true or false"}); }
  SECTION("max_days_ahead: -5") {
    require_single_error(policy("max_days_ahead: -5"), 8, 23, {"max_days_ahead", "whole number"});
  }
  SECTION("max_days_ahead: abc") {
    require_single_error(policy("max_days_ahead: abc"), 8, 23, {"max_days_ahead", "whole number"});
  }
  SECTION("propose_days: 0") { require_single_error(policy("propose_days: 0"), 8, 21, {"propose_days", "from 1"}); }
  SECTION("propose_days beyond max_days_ahead") {
    // A proposal the horizon check would refuse is a mistake in the file, not a proposal.
    require_single_error(policy("{required: true, max_days_ahead: 30, propose_days: 45}"), 8, 58,
                         {"propose_days 45", "max_days_ahead 30", "refused"});
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
