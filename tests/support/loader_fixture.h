#pragma once
// What the loader tests share: a taxonomy loaded from text as "t.yaml", and
// the check that a file is rejected with exactly one diagnostic.
#include <initializer_list>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "ftstatus/loader.h"

namespace loader_fixture {

inline ftstatus::LoadResult load(std::string_view yaml) { return ftstatus::load_taxonomy(yaml, "t.yaml"); }

inline bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// A rejected file: no taxonomy at all, and exactly one diagnostic at line:column
// of t.yaml whose message names every word in `words`.
inline void require_single_error(const ftstatus::LoadResult& r, int line, int column,
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

}  // namespace loader_fixture
