// What the test suite under ASan + UBSan (-DFTSTATUS_SANITIZE=address,undefined)
// found in the engine, one test a finding. These fail only in that build: the
// bugs are undefined behaviour that a normal build happens to survive.
#include <catch2/catch.hpp>

#include "fasttrack_fixture.h"
#include "ftstatus/classifier.h"

using namespace ftstatus;

// UBSan: a Record built by a library caller has an empty raw text whose data()
// is null, and the lone-CR check passed it to memchr (null pointer argument).
TEST_CASE("a record with no raw text classifies (no null pointer to memchr)", "[classifier][sanitizer]") {
  const LoadResult& loaded = fasttrack_fixture::builtin_loaded();
  Classifier classifier(*loaded.taxonomy, loaded.rules, ClassifyOptions{});
  ColumnReport report;
  const std::vector<std::string_view> header = {"entitlement_id", "customer"};
  ColumnOptions allow_all;
  allow_all.allow_missing = {"all"};
  REQUIRE(account_columns(loaded.rules, header, allow_all, report).ok());
  classifier.bind_columns(report, header.size());
  Record record;
  record.fields = {"E1", "Contoso"};
  record.line = 2;
  REQUIRE(record.raw.data() == nullptr);
  const RowResult& result = classifier.classify(record);
  for (const auto& problem : result.problems) CHECK(problem.code != RowCode::stray_cr);
}
