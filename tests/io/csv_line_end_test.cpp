// Line ends: LF, CRLF and CR-only (old Mac) files, and lone CRs inside the
// records of an LF or CRLF file, which stay in their cell: rows in = rows out.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvReader;
using ftstatus::LineEnding;
using ftstatus::Record;
using namespace csv_fixture;

namespace {

LineEnding line_ending_of(std::string_view bytes) {
  File f = file_with(bytes);
  CsvReader reader(f.get());
  Record record;
  while (reader.next(record)) {
  }
  return reader.line_ending();
}

}  // namespace

TEST_CASE("the first record's line end is the file's", "[csv][line_end]") {
  CHECK(line_ending_of("id,n\n1,2\n") == LineEnding::lf);
  CHECK(line_ending_of("id,n\r\n1,2\r\n") == LineEnding::crlf);
  CHECK(line_ending_of("id,n\r1,2\r") == LineEnding::cr);
  CHECK(line_ending_of("\r\n\nid,n\n") == LineEnding::lf);  // blank lines hold no record
  CHECK(line_ending_of("id,n") == LineEnding::lf);

  File f = file_with("id,n\r\n1,2\r\n");
  CsvReader reader(f.get());
  Record record;
  REQUIRE(reader.next(record));
  CHECK(reader.crlf());
}

TEST_CASE("a CR-only file is read with CR as the record end", "[csv][line_end]") {
  auto rows = read_all(
      "entitlement_id,note\r"       // 1
      "E1,plain\r"                  // 2
      "E2,\"two\rlines\"\r"         // 3-4: a CR in quotes is data
      "\r"                          // 5: a blank line
      "E3,\"crlf\r\nin quotes\"\r"  // 6-7
      "E4,last");                   // 8: no CR at the end
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].fields == Fields{"entitlement_id", "note"});
  CHECK(rows[1].fields == Fields{"E1", "plain"});
  CHECK(rows[1].raw == "E1,plain");
  CHECK(rows[2].fields == Fields{"E2", "two\rlines"});
  CHECK(rows[3].fields == Fields{"E3", "crlf\r\nin quotes"});
  CHECK(rows[4].fields == Fields{"E4", "last"});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 3);
  CHECK(rows[3].line == 6);
  CHECK(rows[4].line == 8);
  for (const Row& row : rows) CHECK_FALSE(row.stray_cr);
}

TEST_CASE("in a CR-only file a CR LF pair is one line end", "[csv][line_end]") {
  auto rows = read_all("id,n\r1,a\r\n2,b\r3,c\r\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].fields == Fields{"1", "a"});
  CHECK(rows[2].fields == Fields{"2", "b"});
  CHECK(rows[3].fields == Fields{"3", "c"});
  CHECK(rows[3].line == 4);
}

TEST_CASE("a CR-only file is read whole across read boundaries", "[csv][line_end]") {
  std::string text = "n,text\r";
  for (int i = 0; i < 60000; ++i) text += std::to_string(i) + ",\"value\r" + std::to_string(i) + "\"\r";
  auto rows = read_all(text);
  REQUIRE(rows.size() == 60001);
  int first_wrong = -1;
  for (int i = 0; i < 60000 && first_wrong < 0; ++i) {
    const Row& row = rows[static_cast<std::size_t>(i) + 1];
    if (row.fields != Fields{std::to_string(i), "value\r" + std::to_string(i)} || row.line != 2 * i + 2)
      first_wrong = i;
  }
  CHECK(first_wrong == -1);
}

TEST_CASE("a lone CR in an unquoted cell of an LF or CRLF file stays in the cell", "[csv][line_end]") {
  for (std::string_view end : {"\n", "\r\n"}) {
    INFO((end == "\n" ? "LF" : "CRLF"));
    const std::string e(end);
    auto rows = read_all("id,note,n" + e + "E1,pasted\rnote,1" + e + "E2,\rstarts,2" + e + "E3,plain,3" + e);
    REQUIRE(rows.size() == 4);  // not split
    CHECK(rows[1].fields == Fields{"E1", "pasted\rnote", "1"});
    CHECK(rows[1].raw == "E1,pasted\rnote,1");
    CHECK(rows[1].stray_cr);
    CHECK(rows[2].fields == Fields{"E2", "\rstarts", "2"});
    CHECK(rows[2].stray_cr);
    CHECK(rows[3].fields == Fields{"E3", "plain", "3"});
    CHECK_FALSE(rows[3].stray_cr);
    CHECK_FALSE(rows[0].stray_cr);
    CHECK(rows[3].line == 4);
    CHECK(line_ending_of("id,note,n" + e + "E1,a\rb,1" + e) == (end == "\n" ? LineEnding::lf : LineEnding::crlf));
  }
}

TEST_CASE("a record ending CR CR LF keeps one CR as a stray one", "[csv][line_end]") {
  auto rows = read_all("id,note\r\nE1,x\r\r\nE2,\"q\"\r\r\nE3,y\r\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].fields == Fields{"E1", "x\r"});
  CHECK(rows[1].raw == "E1,x\r");
  CHECK(rows[1].stray_cr);
  CHECK(rows[2].fields == Fields{"E2", "q\r"});  // text after the closing quote
  CHECK(rows[2].stray_cr);
  CHECK(rows[3].fields == Fields{"E3", "y"});
  CHECK_FALSE(rows[3].stray_cr);
  CHECK(rows[3].line == 4);
}

TEST_CASE("a CR in quotes is data, not a stray CR", "[csv][line_end]") {
  auto rows = read_all("id,note\nE1,\"a\rb\"\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == Fields{"E1", "a\rb"});
  CHECK_FALSE(rows[1].stray_cr);
}

TEST_CASE("a CR as the last byte of the input ends the last record", "[csv][line_end]") {
  auto rows = read_all("id,n\n1,2\r");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == Fields{"1", "2"});
  CHECK_FALSE(rows[1].stray_cr);
  auto stray = read_all("id,n\n1,2\r\r");
  REQUIRE(stray.size() == 2);
  CHECK(stray[1].fields == Fields{"1", "2\r"});
  CHECK(stray[1].stray_cr);
}

TEST_CASE("a CR at the end of a read is decided by the byte after it", "[csv][line_end]") {
  const std::size_t first_read = 1u << 20;
  const std::string header = "id,v\r\n";
  for (std::size_t shift = 0; shift < 4; ++shift) {
    // The CR of "x\r\n", and the stray CR of "a\rb", fall on either side of the boundary.
    const std::size_t filler = first_read - header.size() - 2 - 2 + shift;
    const std::string text = header + "1," + std::string(filler, 'x') + "\r\n2,a\rb\r\n3,c\r\n";
    INFO("shift " << shift);
    auto rows = read_all(text);
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].fields == Fields{"1", std::string(filler, 'x')});
    CHECK_FALSE(rows[1].stray_cr);
    CHECK(rows[2].fields == Fields{"2", "a\rb"});
    CHECK(rows[2].stray_cr);
    CHECK(rows[3].fields == Fields{"3", "c"});
    CHECK(rows[3].line == 4);
  }
  for (std::size_t shift = 0; shift < 4; ++shift) {
    const std::string header_cr = "id,v\r";
    const std::size_t filler = first_read - header_cr.size() - 2 - 2 + shift;
    const std::string text = header_cr + "1," + std::string(filler, 'x') + "\r\n2,b\r3,c\r";
    INFO("CR file, shift " << shift);
    auto rows = read_all(text);
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].fields == Fields{"1", std::string(filler, 'x')});
    CHECK(rows[2].fields == Fields{"2", "b"});
    CHECK(rows[3].line == 4);
  }
}
