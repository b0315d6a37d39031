// A workbook's error values (#N/A, #VALUE!) are no value of any column type:
// the classifier reports them as invalid_value, text columns included, while
// the same characters typed as text stay text.
#include <catch2/catch.hpp>

#include "fasttrack_fixture.h"
#include "ftstatus/classifier.h"

namespace {

using namespace ftstatus;

}  // namespace

TEST_CASE("an error cell is invalid_value in any column, its text is not", "[classifier][xlsx]") {
  const LoadResult& loaded = fasttrack_fixture::builtin_loaded();
  Classifier classifier(*loaded.taxonomy, loaded.rules, ClassifyOptions{});
  ColumnReport report;
  const std::vector<std::string_view> header = {"entitlement_id", "customer", "intent"};
  ColumnOptions allow_all;
  allow_all.allow_missing = {"all"};
  REQUIRE(account_columns(loaded.rules, header, allow_all, report).ok());
  classifier.bind_columns(report, header.size());

  Record record;
  record.fields = {"E1", "#N/A", "no"};
  record.line = 2;
  const RowResult& as_text = classifier.classify(record);
  CHECK(as_text.problems.empty());

  record.fields = {"E2", "#N/A", "no"};
  record.error_cells = {0, 1};  // customer was an error value
  const RowResult& as_error = classifier.classify(record);
  REQUIRE(as_error.problems.size() == 1);
  CHECK(as_error.problems[0].code == RowCode::invalid_value);
  CHECK(loaded.rules.schema.columns[static_cast<std::size_t>(as_error.problems[0].column)].id == "customer");
  CHECK(as_error.problems[0].field == 1);
}
