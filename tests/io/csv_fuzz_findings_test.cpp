// What the fuzz targets (tests/fuzz/) found in the CSV reader and writer, one
// test a finding, each with the input that showed it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvWriter;
using ftstatus::LineEnding;
using namespace csv_fixture;

namespace {

std::string written(const std::vector<Fields>& records, char delimiter) {
  File f(std::tmpfile());
  REQUIRE(f);
  {
    CsvWriter writer(f.get(), delimiter, LineEnding::lf);
    for (const Fields& record : records) {
      for (const std::string& field : record) writer.field(field);
      writer.end_record();
    }
    REQUIRE(writer.flush());
  }
  std::fflush(f.get());
  std::rewind(f.get());
  std::string out;
  char buf[4096];
  for (std::size_t got; (got = std::fread(buf, 1, sizeof buf, f.get())) > 0;) out.append(buf, got);
  return out;
}

}  // namespace

// fuzz_csv: the line `""` is a record of one empty field; written back as a
// blank line it was skipped when read again (rows in != rows out).
TEST_CASE("a record of one empty field is written as \"\" so that it reads back", "[csv][fuzz]") {
  const std::vector<Fields> records = {{"a"}, {""}, {"b"}};
  const std::string text = written(records, ',');
  CHECK(text == "a\n\"\"\nb\n");
  const auto rows = read_all(text, ',');
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == Fields{""});
  // Only a record of one empty field: an empty field among others needs no quotes.
  CHECK(written({{"", "x"}, {"x", ""}}, ';') == ";x\nx;\n");
}
