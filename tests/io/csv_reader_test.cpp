// Reading CSV: RFC 4180 quoting, line ends, BOM, blank lines, delimiter
// detection and records larger than the read buffer.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvReader;
using ftstatus::Record;
using namespace csv_fixture;

// ------------------------------------------------------------------ reading

TEST_CASE("simple rows are split on the delimiter", "[csv]") {
  auto rows = read_all("id,name,seats\n1,Contoso,40\n2,Fabrikam,7\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"id", "name", "seats"});
  CHECK(rows[1].fields == Fields{"1", "Contoso", "40"});
  CHECK(rows[2].fields == Fields{"2", "Fabrikam", "7"});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 3);
}

TEST_CASE("quoted fields keep delimiters, doubled quotes and line breaks", "[csv]") {
  auto rows = read_all(
      "id,note\n"
      "1,\"Smith, John\"\n"
      "2,\"he said \"\"hi\"\"\"\n"
      "3,\"two\nlines\"\n"
      "4,\"crlf\r\ninside\"\r\n"
      "5,\"\"\n");
  REQUIRE(rows.size() == 6);
  CHECK(rows[1].fields == Fields{"1", "Smith, John"});
  CHECK(rows[2].fields == Fields{"2", "he said \"hi\""});
  CHECK(rows[3].fields == Fields{"3", "two\nlines"});
  CHECK(rows[4].fields == Fields{"4", "crlf\r\ninside"});
  CHECK(rows[5].fields == Fields{"5", ""});
  // Records after the multi-line ones start on their physical lines.
  CHECK(rows[3].line == 4);
  CHECK(rows[4].line == 6);
  CHECK(rows[5].line == 8);
}

TEST_CASE("empty fields are kept and a trailing delimiter adds one empty field", "[csv]") {
  auto rows = read_all("a,b,c\n1,,3\n,,\n4,5,\n\"x\",\"y\",\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].fields == Fields{"1", "", "3"});
  CHECK(rows[2].fields == Fields{"", "", ""});
  CHECK(rows[3].fields == Fields{"4", "5", ""});
  CHECK(rows[4].fields == Fields{"x", "y", ""});
}

TEST_CASE("a quote inside an unquoted field is text and does not join records", "[csv]") {
  // Inch marks in product names: a quote that does not start a field opens
  // nothing (split() already reads it as text). Joining the rows between two
  // such quotes into one record would silently drop records.
  auto rows = read_all("id,desc\n1,27\" monitor\n2,plain\n3,24\" monitor\n4,x\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].fields == Fields{"1", "27\" monitor"});
  CHECK(rows[2].fields == Fields{"2", "plain"});
  CHECK(rows[3].fields == Fields{"3", "24\" monitor"});
  CHECK(rows[3].line == 4);
  CHECK(rows[4].fields == Fields{"4", "x"});
}

TEST_CASE("CRLF records lose their CR", "[csv]") {
  auto rows = read_all("id,name\r\n1,Contoso\r\n2,\"Fab\"\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == Fields{"id", "name"});
  CHECK(rows[1].fields == Fields{"1", "Contoso"});
  CHECK(rows[2].fields == Fields{"2", "Fab"});
  CHECK(rows[1].raw == "1,Contoso");
  CHECK(rows[2].line == 3);
}

TEST_CASE("the last record needs no line break", "[csv]") {
  auto rows = read_all("id,name\n1,Contoso");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == Fields{"1", "Contoso"});
  CHECK(rows[1].raw == "1,Contoso");
  CHECK(rows[1].line == 2);

  auto quoted = read_all("id,name\n1,\"Con\ntoso\"");
  REQUIRE(quoted.size() == 2);
  CHECK(quoted[1].fields == Fields{"1", "Con\ntoso"});
}

TEST_CASE("a UTF-8 BOM is skipped and remembered", "[csv]") {
  File f = file_with("\xEF\xBB\xBFid,name\n1,Jos\xC3\xA9\n");
  CsvReader reader(f.get());
  Record record;
  REQUIRE(reader.next(record));
  CHECK(reader.had_bom());
  REQUIRE(record.fields.size() == 2);
  CHECK(record.fields[0] == "id");  // not "\xEF\xBB\xBFid"
  CHECK(record.raw == "id,name");
  CHECK(record.line == 1);
  REQUIRE(reader.next(record));
  CHECK(record.fields[1] == "Jos\xC3\xA9");
  CHECK_FALSE(reader.next(record));

  File plain = file_with("id,name\n");
  CsvReader no_bom(plain.get());
  REQUIRE(no_bom.next(record));
  CHECK_FALSE(no_bom.had_bom());
}

TEST_CASE("blank lines are skipped and lines stay physical", "[csv]") {
  auto rows = read_all(
      "id,note\n"    // 1
      "\n"           // 2
      "1,\"first\n"  // 3
      "second\n"     // 4
      "third\"\n"    // 5
      "\r\n"         // 6
      "\n"           // 7
      "2,plain\n"    // 8
      "\n");         // 9
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 3);
  CHECK(rows[1].fields == Fields{"1", "first\nsecond\nthird"});
  CHECK(rows[2].line == 8);
  CHECK(rows[2].fields == Fields{"2", "plain"});
}

TEST_CASE("the delimiter is detected from the header", "[csv]") {
  File comma = file_with("id,name,seats\n1,2,3\n");
  CsvReader a(comma.get());
  Record record;
  REQUIRE(a.next(record));
  CHECK(a.delimiter() == ',');
  CHECK(record.fields.size() == 3);

  SECTION("semicolon, as Excel writes with a Spanish locale") {
    auto rows = read_all("ID;Nombre;Importe\n1;P\xC3\xA9rez, Juan;3,5\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"ID", "Nombre", "Importe"});
    CHECK(rows[1].fields == Fields{"1", "P\xC3\xA9rez, Juan", "3,5"});
    File f = file_with("ID;Nombre;Importe\n");
    CsvReader r(f.get());
    REQUIRE(r.next(record));
    CHECK(r.delimiter() == ';');
  }
  SECTION("tab") {
    auto rows = read_all("id\tname\tnote\n1\tContoso\ta, b; c\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == Fields{"1", "Contoso", "a, b; c"});
  }
  SECTION("commas inside a quoted header field do not count") {
    // Four commas in quotes, two semicolons outside.
    auto rows = read_all("\"a,b,c,d,e\";name;seats\n1;x;2\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"a,b,c,d,e", "name", "seats"});
    CHECK(rows[1].fields == Fields{"1", "x", "2"});
  }
  SECTION("only the header decides") {
    auto rows = read_all("id;name\n1,2,3,4;x\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == Fields{"1,2,3,4", "x"});
  }
}

TEST_CASE("an explicit delimiter overrides detection", "[csv]") {
  auto rows = read_all("a;b;c,d\n1;2;3,4\n", ',');
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == Fields{"a;b;c", "d"});
  CHECK(rows[1].fields == Fields{"1;2;3", "4"});

  File f = file_with("a,b,c;d\n");
  CsvReader reader(f.get(), ';');
  Record record;
  REQUIRE(reader.next(record));
  CHECK(reader.delimiter() == ';');
  CHECK(record.fields.size() == 2);
}

TEST_CASE("record.raw is the record's exact text without its line break", "[csv]") {
  auto rows = read_all("id,note\r\n1,\"a \"\"b\"\"\r\nc\" ,x\r\n 2 , y \n3,z");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].raw == "id,note");
  CHECK(rows[1].raw == "1,\"a \"\"b\"\"\r\nc\" ,x");
  CHECK(rows[1].fields == Fields{"1", "a \"b\"\r\nc ", "x"});
  CHECK(rows[2].raw == " 2 , y ");
  CHECK(rows[2].fields == Fields{" 2 ", " y "});  // the reader does not trim
  CHECK(rows[3].raw == "3,z");
}

TEST_CASE("field views stay valid until the next call to next()", "[csv]") {
  // Several fields with doubled quotes, together much larger than the
  // reader's scratch space for them: the earlier views must not dangle when
  // later fields are unescaped.
  std::string big_a(6000, 'a');
  std::string big_b(9000, 'b');
  std::string text = "x,y,z,w\n\"" + big_a + "\"\"1\",plain,\"" + big_b + "\"\"2\",\"\"\"q\"\"\"\nnext,,,\n";
  File f = file_with(text);
  CsvReader reader(f.get());
  Record record;
  REQUIRE(reader.next(record));
  REQUIRE(reader.next(record));
  REQUIRE(record.fields.size() == 4);
  CHECK(record.fields[0] == big_a + "\"1");
  CHECK(record.fields[1] == "plain");
  CHECK(record.fields[2] == big_b + "\"2");
  CHECK(record.fields[3] == "\"q\"");
  CHECK(record.raw.size() == text.size() - 8 - 9);  // minus header line and "next,,,\n"
  REQUIRE(reader.next(record));
  CHECK(record.fields == std::vector<std::string_view>{"next", "", "", ""});
  CHECK_FALSE(reader.next(record));
}

TEST_CASE("records longer than the initial buffer read correctly", "[csv]") {
  const std::size_t size = 3u << 20;  // 3 MiB, three times the first buffer
  SECTION("a plain 3 MiB field") {
    std::string blob(size, 'x');
    auto rows = read_all("id,blob\n1," + blob + "\n2,y\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields.size() == 2);
    CHECK(rows[1].fields[1].size() == size);
    CHECK(rows[1].fields[1] == blob);
    CHECK(rows[2].fields == Fields{"2", "y"});
    CHECK(rows[2].line == 3);
  }
  SECTION("a quoted 3 MiB field with line breaks and doubled quotes") {
    std::string blob;
    std::string expected;
    while (blob.size() < size) {
      blob += std::string(1000, 'q') + "\"\"\n";
      expected += std::string(1000, 'q') + "\"\n";
    }
    const long breaks = static_cast<long>(blob.size() / 1003);
    auto rows = read_all("id,blob\n1,\"" + blob + "\"\n2,y\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields[1] == expected);
    CHECK(rows[2].fields == Fields{"2", "y"});
    CHECK(rows[2].line == 3 + breaks);
  }
  SECTION("many records straddling buffer refills") {
    std::string text = "n,text\n";
    for (int i = 0; i < 60000; ++i) text += std::to_string(i) + ",\"value " + std::to_string(i) + ", ok\"\n";
    auto rows = read_all(text);
    REQUIRE(rows.size() == 60001);
    int first_wrong = -1;
    for (int i = 0; i < 60000 && first_wrong < 0; ++i) {
      const Row& row = rows[static_cast<std::size_t>(i) + 1];
      if (row.fields != Fields{std::to_string(i), "value " + std::to_string(i) + ", ok"} || row.line != i + 2)
        first_wrong = i;
    }
    INFO("first wrong record: " << (first_wrong < 0 ? std::string()
                                                    : rows[static_cast<std::size_t>(first_wrong) + 1].raw));
    CHECK(first_wrong == -1);
  }
}

TEST_CASE("empty input has no records", "[csv]") {
  CHECK(read_all("").empty());
  CHECK(read_all("\n\n\r\n").empty());
  File f = file_with("\xEF\xBB\xBF");
  CsvReader reader(f.get());
  Record record;
  CHECK_FALSE(reader.next(record));
  CHECK(reader.had_bom());
}
