#include <catch2/catch.hpp>

#include <random>
#include <unordered_set>

#include "engine/seen_set.h"

using ftstatus::SeenSet;

namespace {

// Checks `set` against an exact std::unordered_set on a stream of hashes in
// which about a quarter repeat an earlier one.
void check_against_exact(SeenSet& set, std::size_t count, unsigned seed) {
  std::mt19937_64 random(seed);
  std::vector<std::uint64_t> issued;
  std::unordered_set<std::uint64_t> exact;
  std::size_t repeats = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t h;
    if (!issued.empty() && random() % 4 == 0) {
      h = issued[random() % issued.size()];
    } else {
      h = random() | 1;  // never 0
      issued.push_back(h);
    }
    bool fresh = exact.insert(h).second;
    repeats += !fresh;
    REQUIRE(set.insert(h) == fresh);
  }
  CHECK(set.size() == exact.size());
  CHECK(repeats > count / 8);
}

}  // namespace

TEST_CASE("the seen-id set reports exactly the repeated hashes while it fits in memory", "[seen]") {
  SeenSet set;
  check_against_exact(set, 20000, 1);
  CHECK(set.runs() == 0);
}

TEST_CASE("the seen-id set stays exact when it spills runs to disk and merges them", "[seen]") {
  SeenSet set(64);  // a tiny table: 48 hashes per run, merged every 4 runs
  check_against_exact(set, 30000, 2);
  CHECK(set.runs() >= 1);
  CHECK(set.runs() < 4);
}

TEST_CASE("a repeat is found in an old run, the newest run and the table alike", "[seen]") {
  SeenSet set(16);
  for (std::uint64_t h = 1; h <= 1000; ++h) REQUIRE(set.insert(h * 0x9E3779B97F4A7C15ull));
  for (std::uint64_t h : {1ull, 2ull, 500ull, 999ull, 1000ull}) CHECK_FALSE(set.insert(h * 0x9E3779B97F4A7C15ull));
  CHECK(set.insert(1001 * 0x9E3779B97F4A7C15ull));
  CHECK(set.size() == 1001);
}

TEST_CASE("hashes crowding the table's last slots spill rather than wrap, and stay exact", "[seen]") {
  // The home slot is a hash's top bits: all of these want the last one, and
  // the table does not wrap around (its order is what makes spills cheap).
  SeenSet set(16);
  const auto crowded = [](std::uint64_t k) { return ~std::uint64_t{0} - k * 7; };
  for (std::uint64_t k = 0; k < 200; ++k) REQUIRE(set.insert(crowded(k)));
  CHECK(set.runs() >= 1);
  for (std::uint64_t k = 0; k < 200; ++k) CHECK_FALSE(set.insert(crowded(k)));
  CHECK(set.insert(crowded(200)));
  CHECK(set.size() == 201);
}

TEST_CASE("a table told to expect many ids is exact across its spills", "[seen]") {
  SeenSet set(std::size_t{1} << 18);  // 2 MiB and more: mapped for huge pages
  set.expect_many();
  set.prepare();
  check_against_exact(set, 600000, 4);
  CHECK(set.insert(0x0123456789abcdefull));
  set.prepare();  // too late: a no-op, the table keeps its ids
  CHECK_FALSE(set.insert(0x0123456789abcdefull));
  CHECK(set.runs() >= 1);
}

TEST_CASE("hash64 tells ids apart and is never 0", "[seen]") {
  CHECK(ftstatus::hash64("FT-1") != ftstatus::hash64("FT-2"));
  CHECK(ftstatus::hash64("") != 0);
  CHECK(ftstatus::hash64("FT-1") == ftstatus::hash64("FT-1"));
}

TEST_CASE("a table size that is not a power of two is rounded up and stays exact", "[seen]") {
  SeenSet set(100);
  check_against_exact(set, 5000, 3);
}
