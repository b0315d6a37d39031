// What the fuzz targets (tests/fuzz/) found in the model layer (names, values,
// dates), one test a finding, each with the input that showed it.
#include <catch2/catch.hpp>

#include "model/names.h"

using ftstatus::normalize_name;

// fuzz_folding: "L1]L1....]00" normalized to "l1 00" (one level prefix
// dropped), which normalized again to "00": folding was not idempotent.
TEST_CASE("normalizing a name is idempotent: every leading level prefix is dropped", "[names][fuzz]") {
  CHECK(normalize_name("L1]L1....]00") == "00");
  CHECK(normalize_name("L1 - L2 - Migraci\xC3\xB3n") == "migracion");
  CHECK(normalize_name(normalize_name("L1 - L2 - x")) == normalize_name("L1 - L2 - x"));
  CHECK(normalize_name("L1 - L2") == "l2");  // a prefix with no name after it is the name
}
