// The first-pass repeated-id finder: later rows of an id are marked, first
// ones never, in memory and through spilled runs, with few I/O calls.
#include "engine/repeated_ids.h"

#include <random>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/seen_set.h"

using namespace ftstatus;

namespace {

// Feeds `ids` (one unique column) and returns the rows it says repeat.
std::vector<std::uint32_t> repeated_rows(const std::vector<std::string>& ids, std::size_t memory_bytes,
                                         std::size_t* runs = nullptr, std::size_t* io_calls = nullptr) {
  RepeatedIds finder(memory_bytes);
  for (std::uint32_t row = 0; row < ids.size(); ++row)
    if (!ids[row].empty()) finder.add(row, 0, hash64(ids[row]), RepeatedIds::check_hash(ids[row]));
  REQUIRE(finder.finish().ok());
  std::vector<std::uint32_t> rows;
  for (std::uint32_t row = 0; row < ids.size(); ++row)
    if (finder.repeats_of(row) != 0) rows.push_back(row);
  if (runs != nullptr) *runs = finder.runs();
  if (io_calls != nullptr) *io_calls = finder.io_calls();
  return rows;
}

}  // namespace

TEST_CASE("repeated ids: every later row of an id, never its first, in memory and through runs", "[repeated_ids]") {
  std::mt19937 random(7);
  std::vector<std::string> ids;
  std::vector<std::uint32_t> expected;
  std::set<std::string> seen;
  for (std::uint32_t row = 0; row < 200'000; ++row) {
    std::string id = row % 97 == 0 ? std::string() : "FT-" + std::to_string(random() % 150'000);
    if (!id.empty() && !seen.insert(id).second) expected.push_back(row);
    ids.push_back(std::move(id));
  }
  REQUIRE(expected.size() > 10'000);
  std::size_t runs = 0;
  CHECK(repeated_rows(ids, std::size_t(64) << 20, &runs) == expected);
  CHECK(runs == 0);
  std::size_t io_calls = 0;
  CHECK(repeated_rows(ids, 256 << 10, &runs, &io_calls) == expected);  // 16 KiB entries a run
  CHECK(runs > 10);
  // Whole runs out and big blocks back: far fewer calls than rows.
  CHECK(io_calls < 200);
}

TEST_CASE("repeated ids: an id in two unique columns is two ids; columns are reported by bit", "[repeated_ids]") {
  RepeatedIds finder(1 << 20);
  finder.add(0, 0, hash64("A"), RepeatedIds::check_hash("A"));
  finder.add(0, 1, hash64("A"), RepeatedIds::check_hash("A"));
  finder.add(1, 1, hash64("A"), RepeatedIds::check_hash("A"));
  finder.add(2, 0, hash64("A"), RepeatedIds::check_hash("A"));
  finder.add(2, 1, hash64("B"), RepeatedIds::check_hash("B"));
  REQUIRE(finder.finish().ok());
  CHECK(finder.repeats_of(0) == 0);
  CHECK(finder.repeats_of(1) == 2);
  CHECK(finder.repeats_of(2) == 1);
}
