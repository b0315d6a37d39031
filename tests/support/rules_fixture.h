#pragma once
// What the rule tests share: a small taxonomy with one column of each type,
// to which a test appends its rules, and loading it from text as "r.yaml".
#include <algorithm>
#include <string>
#include <string_view>

#include "ftstatus/loader.h"

namespace rules_fixture {

// Statuses and one column of each type; the `rules:` key is on line 28, so
// line k of the text a test appends is line 28 + k of r.yaml.
inline constexpr std::string_view kPrefix = R"(taxonomy:
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
inline constexpr int kRulesLine = static_cast<int>(std::count(kPrefix.begin(), kPrefix.end(), '\n'));

// Only statuses, six lines: a test appends `columns:` (and rules) from line 7.
inline constexpr std::string_view kStatusesOnly = R"(taxonomy:
  id: t
  name: T
statuses:
  - id: done
    name: Done
)";

inline ftstatus::LoadResult load(std::string_view yaml) { return ftstatus::load_taxonomy(yaml, "r.yaml"); }

inline std::string first_error(const ftstatus::LoadResult& r) {
  return r.errors.empty() ? std::string() : r.errors[0].to_string();
}

}  // namespace rules_fixture
