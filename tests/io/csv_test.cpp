// CSV input the reader must refuse, text encodings, and the CSV writer.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvError;
using ftstatus::CsvReader;
using ftstatus::CsvWriter;
using ftstatus::Encoding;
using ftstatus::is_valid_utf8;
using ftstatus::LineEnding;
using ftstatus::Record;
using namespace csv_fixture;

namespace {

// The CsvError that reading all of `bytes` throws.
CsvError error_of(std::string_view bytes, Encoding encoding = Encoding::automatic) {
  File f = file_with(bytes);
  CsvReader reader(f.get(), 0, encoding);
  Record record;
  try {
    while (reader.next(record)) {
    }
  } catch (const CsvError& e) {
    return e;
  }
  FAIL("no CsvError was thrown");
  return CsvError(0, 0, ftstatus::Problem("input_not_text"));
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// What CsvWriter writes for these records.
std::string written(const std::vector<Fields>& records, char delimiter, LineEnding ending = LineEnding::lf) {
  File f(std::tmpfile());
  REQUIRE(f);
  {
    CsvWriter writer(f.get(), delimiter, ending);
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
  std::size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) out.append(buf, got);
  return out;
}

}  // namespace

// ------------------------------------------------------------------ errors

TEST_CASE("a quote still open at the end of the file points at the opening quote", "[csv]") {
  SECTION("on the record's first line") {
    CsvError e = error_of("id,name\n1,\"Contoso\n2,Fabrikam\n3,Tailspin\n");
    CHECK(e.line == 2);
    CHECK(e.column == 3);
    CHECK(contains(e.what(), "quote"));
    CHECK(contains(e.what(), "end of the file"));
  }
  SECTION("after earlier records and a multi-line record") {
    CsvError e = error_of("id,name\n1,\"a\nb\"\n\n2,x,\"open");
    CHECK(e.line == 5);
    CHECK(e.column == 5);
  }
  SECTION("with a BOM, the column counts characters after it") {
    CsvError e = error_of("\xEF\xBB\xBF\"id,name\n");
    CHECK(e.line == 1);
    CHECK(e.column == 1);
  }
  SECTION("a field with an escaped quote is still opened by its first quote") {
    // "ab""cd never closes: the quote that opened it is at column 3; the
    // doubled quote in the middle is text, not where the field opened.
    CsvError e = error_of("id,name\n1,\"ab\"\"cd\n");
    CHECK(e.line == 2);
    CHECK(e.column == 3);
  }
}

TEST_CASE("a NUL byte means the input is not text", "[csv]") {
  using namespace std::string_literals;
  CsvError e = error_of("id,name\n1,a\0b\n"s);
  CHECK(e.line == 2);
  CHECK(e.column == 4);
  CHECK(contains(e.what(), "not text"));
}

TEST_CASE("a UTF-16 file read as UTF-8 because the user said so is rejected with advice", "[csv]") {
  using namespace std::string_literals;
  // Little- and big-endian "id,n\n".
  for (std::string text : {"\xFF\xFEi\0d\0,\0n\0\n\0"s, "\xFE\xFF\0i\0d\0,\0n\0\n"s}) {
    CsvError e = error_of(text, Encoding::utf8);
    CHECK(e.line == 1);
    CHECK(e.column == 1);
    CHECK(contains(e.what(), "UTF-16"));
    CHECK(contains(e.what(), "--encoding utf-16"));  // the advice: let it be detected
  }
}

// ------------------------------------------------------------------ encodings

TEST_CASE("parse_encoding names", "[csv]") {
  CHECK(ftstatus::parse_encoding("auto") == Encoding::automatic);
  CHECK(ftstatus::parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(ftstatus::parse_encoding("utf8") == Encoding::utf8);
  CHECK(ftstatus::parse_encoding("utf-16") == Encoding::utf16le);
  CHECK(ftstatus::parse_encoding("UTF16") == Encoding::utf16le);
  CHECK(ftstatus::parse_encoding("utf-16le") == Encoding::utf16le);
  CHECK(ftstatus::parse_encoding("UTF-16BE") == Encoding::utf16be);
  CHECK(ftstatus::parse_encoding("Windows-1252") == Encoding::cp1252);
  CHECK(ftstatus::parse_encoding("cp1252") == Encoding::cp1252);
  CHECK(ftstatus::parse_encoding("latin1") == Encoding::cp1252);
  CHECK(ftstatus::parse_encoding("ISO-8859-1") == Encoding::cp1252);
  CHECK_FALSE(ftstatus::parse_encoding("utf-32").has_value());
  CHECK_FALSE(ftstatus::parse_encoding("").has_value());
}

TEST_CASE("cp1252 input is decoded to UTF-8", "[csv]") {
  auto rows = read_all("name;note\n\xE9;\x80 \x93quoted\x94\n", 0, Encoding::cp1252);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields[0] == "\xC3\xA9");                                     // é
  CHECK(rows[1].fields[1] == "\xE2\x82\xAC \xE2\x80\x9Cquoted\xE2\x80\x9D");  // € “quoted”
  CHECK(is_valid_utf8(rows[1].raw));

  auto bytes = read_all("x\n\xE9\x80\x93\n", 0, Encoding::cp1252);
  REQUIRE(bytes.size() == 2);
  CHECK(bytes[1].fields[0] == "\xC3\xA9\xE2\x82\xAC\xE2\x80\x9C");
}

TEST_CASE("cp1252 records longer than the initial buffer decode correctly", "[csv]") {
  // Each \xE9 grows to two bytes: the decoded record is twice the raw bytes.
  std::string raw(1u << 20, '\xE9');
  auto rows = read_all("v\n" + raw + "\nend\n", 0, Encoding::cp1252);
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields[0].size() == 2 * raw.size());
  CHECK(rows[1].fields[0].substr(0, 4) == "\xC3\xA9\xC3\xA9");
  CHECK(is_valid_utf8(rows[1].fields[0]));
  CHECK(rows[2].fields == Fields{"end"});
}

TEST_CASE("is_valid_utf8 accepts well-formed text only", "[csv]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII, 123"));
  CHECK(is_valid_utf8("Jos\xC3\xA9"));       // 2 bytes
  CHECK(is_valid_utf8("\xE2\x82\xAC"));      // 3 bytes
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));  // 4 bytes
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF

  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong, 4 bytes
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // surrogate U+DFFF
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("ab\xE2\x82"));        // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xE2\x82z"));         // truncated before ASCII
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK_FALSE(is_valid_utf8("\x80"));  // lone continuation byte
  CHECK_FALSE(
      is_valid_utf8("a\xFF"
                    "b"));
  CHECK_FALSE(is_valid_utf8("\xE9t\xE9"));  // cp1252 bytes read as UTF-8
}

// ------------------------------------------------------------------ writing

TEST_CASE("CsvWriter quotes only fields that need it", "[csv]") {
  CHECK(written({{"id", "plain text", "", "caf\xC3\xA9"}}, ',') == "id,plain text,,caf\xC3\xA9\n");
  CHECK(written({{"a,b", "say \"hi\"", "two\nlines", "cr\rhere", "x"}}, ',') ==
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",x\n");
  // Only the writer's own delimiter needs quotes.
  CHECK(written({{"a,b", "c;d"}, {"1", "2"}}, ';') == "a,b;\"c;d\"\n1;2\n");
  CHECK(written({{"a\tb", "c,d"}}, '\t') == "\"a\tb\"\tc,d\n");
}

TEST_CASE("what CsvWriter writes reads back unchanged", "[csv]") {
  std::vector<Fields> records = {
      {"id", "note", "empty"},
      {"1", "Smith, \"JJ\"\r\nline two", ""},
      {"2", "\"", "trailing;"},
  };
  for (char delimiter : {',', ';', '\t'}) {
    for (LineEnding ending : {LineEnding::lf, LineEnding::crlf, LineEnding::cr}) {
      std::string text = written(records, delimiter, ending);
      auto rows = read_all(text, delimiter);
      REQUIRE(rows.size() == records.size());
      for (std::size_t i = 0; i < records.size(); ++i) CHECK(rows[i].fields == records[i]);
    }
  }
}

TEST_CASE("CsvWriter ends records with the line end it is given", "[csv]") {
  const std::vector<Fields> records = {{"a", "b"}, {"1", "2"}};
  CHECK(written(records, ',', LineEnding::lf) == "a,b\n1,2\n");
  CHECK(written(records, ',', LineEnding::crlf) == "a,b\r\n1,2\r\n");
  CHECK(written(records, ',', LineEnding::cr) == "a,b\r1,2\r");

  File f(std::tmpfile());
  REQUIRE(f);
  {
    CsvWriter writer(f.get(), ';', true);  // the older bool form
    writer.field("x");
    writer.end_record();
  }
  std::rewind(f.get());
  char buf[8] = {};
  CHECK(std::fread(buf, 1, sizeof buf, f.get()) == 3);
  CHECK(std::string_view(buf, 3) == "x\r\n");
}

TEST_CASE("a NUL byte anywhere, not only in the first buffer, makes the file unreadable", "[csv]") {
  std::string bytes = "id,name\n";
  for (int i = 0; i < 60000; ++i) bytes += "r" + std::to_string(i) + ",some text here\n";  // > 1 MiB
  bytes += "bad,a";
  bytes += '\0';
  bytes += "b\n";
  CsvError e = error_of(bytes);
  CHECK(e.line == 60002);
  CHECK(e.column == 6);
  CHECK(contains(e.what(), "NUL"));
}

TEST_CASE("a quote inside a header field does not hide lone CRs, delimiters or rows", "[csv]") {
  SECTION("lone CR after a header with an inch mark still makes a CR-only file") {
    auto rows = read_all("entitlement_id,size 27\"\rFT-1,x\rFT-2,y\r");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == Fields{"entitlement_id", "size 27\""});
    CHECK(rows[2].fields == Fields{"FT-2", "y"});
  }
  SECTION("a CR inside a quoted data field is data") {
    auto rows = read_all("entitlement_id,size 27\"\nFT-1,\"a\rb\"\nFT-2,x\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == Fields{"FT-1", "a\rb"});
  }
  SECTION("the delimiter is still detected") {
    auto rows = read_all("Size 27\";entitlement_id;n\n1;FT-1;x\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].fields == Fields{"Size 27\"", "entitlement_id", "n"});
  }
}
