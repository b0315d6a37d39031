// Part 6, items 10 and 13: the CSV reader's bounds on one record (its length,
// a quoted field's length, its number of fields), each a CsvError at the
// record's line that names the flag raising it; and the field in quote errors.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <string_view>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvError;
using ftstatus::CsvLimits;
using ftstatus::CsvReader;
using ftstatus::Lang;
using ftstatus::Record;
using namespace csv_fixture;

namespace {

// Reads every record of `bytes` with `limits`; the error that stopped it, if any.
std::optional<CsvError> read_with(std::string_view bytes, CsvLimits limits, long* records = nullptr) {
  File f = file_with(bytes);
  CsvReader reader(f.get(), 0, ftstatus::Encoding::automatic, limits);
  Record record;
  long count = 0;
  try {
    while (reader.next(record)) ++count;
  } catch (const CsvError& e) {
    if (records) *records = count;
    return e;
  }
  if (records) *records = count;
  return std::nullopt;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the default record limit is 64 MiB", "[csv][limits]") {
  CHECK(CsvLimits{}.max_record_bytes == std::size_t(64) << 20);
  CHECK(CsvLimits{}.max_fields == 1'000'000);
}

TEST_CASE("a record longer than the limit stops the read at its line", "[csv][limits]") {
  CsvLimits limits;
  limits.max_record_bytes = std::size_t(2) << 20;
  const std::string ok_line(limits.max_record_bytes - 10, 'a');
  long records = 0;
  CHECK_FALSE(read_with("h1,h2\n1,2\n" + ok_line + "\n3,4\n", limits, &records));
  CHECK(records == 4);
  const std::string long_line(3 << 20, 'a');
  const auto error = read_with("h1,h2\n1,2\n" + long_line + "\n3,4\n", limits, &records);
  REQUIRE(error);
  CHECK(records == 2);
  CHECK(error->problem.code() == "input_record_too_long");
  CHECK(error->line == 3);
  CHECK(error->column == 1);
  CHECK(error->problem.text(Lang::en) ==
        "a record longer than 2 MiB starts here; is this a CSV file? If the record really is that long, raise "
        "--max-record-mib");
}

TEST_CASE("a quoted field never closed within the limit names its line, column and field", "[csv][limits]") {
  CsvLimits limits;
  limits.max_record_bytes = std::size_t(1) << 20;
  const auto error = read_with("a,b,c\n1,2,\"" + std::string(3 << 20, 'x') + "\n", limits);
  REQUIRE(error);
  CHECK(error->problem.code() == "input_quote_too_long");
  CHECK(error->line == 2);
  CHECK(error->column == 5);
  CHECK(contains(error->problem.text(Lang::en), "(field 3) is not closed within 1 MiB"));
  CHECK(contains(error->problem.text(Lang::en), "--max-record-mib"));
}

TEST_CASE("a quote still open at the end of the file names its field", "[csv][limits]") {
  const auto error = read_with("a,b,c\n1,\"two\n", CsvLimits{});
  REQUIRE(error);
  CHECK(error->problem.code() == "input_unclosed_quote");
  CHECK(error->line == 2);
  CHECK(error->column == 3);
  CHECK(contains(error->problem.text(Lang::en), "(field 2)"));
  CHECK(contains(error->problem.text(Lang::es), "(campo 2)"));
}

TEST_CASE("a record with more fields than the limit stops the read", "[csv][limits]") {
  CsvLimits limits;
  limits.max_fields = 1000;
  long records = 0;
  CHECK_FALSE(read_with("a,b\n" + std::string(999, ',') + "\n", limits));
  const auto error = read_with("a,b\n1,2\n" + std::string(5000, ',') + "\n", limits, &records);
  REQUIRE(error);
  CHECK(records == 2);
  CHECK(error->problem.code() == "input_too_many_fields");
  CHECK(error->line == 3);
  CHECK(error->problem.text(Lang::en) ==
        "a record with more than 1000 fields starts here; is the delimiter right? If the record really has that many "
        "fields, raise --max-fields");
}

TEST_CASE("a NUL byte is reported at its line and column", "[csv][limits]") {
  const auto error = read_with(std::string("a,b\n1,x\0y\n", 10), CsvLimits{});
  REQUIRE(error);
  CHECK(error->problem.code() == "input_not_text");
  CHECK(error->line == 2);
  CHECK(error->column == 4);
}
