#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.h"

using ftstatus::CsvError;
using ftstatus::CsvReader;
using ftstatus::Record;
using ftstatus::CsvWriter;
using ftstatus::Encoding;
using ftstatus::is_valid_utf8;

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// A temporary file holding exactly `bytes`, positioned at its start.
File file_with(std::string_view bytes) {
  File f(std::tmpfile());
  REQUIRE(f);
  REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f.get()) == bytes.size());
  std::rewind(f.get());
  return f;
}

struct Row {
  std::vector<std::string> fields;
  std::string raw;
  long line = 0;
};

// Reads every record, copying the views before the next call to next().
std::vector<Row> read_all(std::string_view bytes, char delimiter = 0, Encoding encoding = Encoding::utf8) {
  File f = file_with(bytes);
  CsvReader reader(f.get(), delimiter, encoding);
  std::vector<Row> rows;
  Record record;
  while (reader.next(record)) {
    Row row;
    for (std::string_view field : record.fields) row.fields.emplace_back(field);
    row.raw = std::string(record.raw);
    row.line = record.line;
    rows.push_back(std::move(row));
  }
  return rows;
}

using Fields = std::vector<std::string>;

// The CsvError that reading all of `bytes` throws.
CsvError error_of(std::string_view bytes) {
  File f = file_with(bytes);
  CsvReader reader(f.get());
  Record record;
  try {
    while (reader.next(record)) {
    }
  } catch (const CsvError& e) {
    return e;
  }
  FAIL("no CsvError was thrown");
  return CsvError(0, 0, "");
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// What CsvWriter writes for these records.
std::string written(const std::vector<Fields>& records, char delimiter) {
  File f(std::tmpfile());
  REQUIRE(f);
  {
    CsvWriter writer(f.get(), delimiter);
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
      "id,note\n"       // 1
      "\n"              // 2
      "1,\"first\n"     // 3
      "second\n"        // 4
      "third\"\n"       // 5
      "\r\n"            // 6
      "\n"              // 7
      "2,plain\n"       // 8
      "\n");            // 9
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
      if (row.fields != Fields{std::to_string(i), "value " + std::to_string(i) + ", ok"} || row.line != i + 2) first_wrong = i;
    }
    INFO("first wrong record: " << (first_wrong < 0 ? std::string() : rows[static_cast<std::size_t>(first_wrong) + 1].raw));
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

TEST_CASE("a UTF-16 file is rejected with advice", "[csv]") {
  using namespace std::string_literals;
  // Little- and big-endian "id,n\n".
  for (std::string text : {"\xFF\xFEi\0d\0,\0n\0\n\0"s, "\xFE\xFF\0i\0d\0,\0n\0\n"s}) {
    CsvError e = error_of(text);
    CHECK(e.line == 1);
    CHECK(e.column == 1);
    CHECK(contains(e.what(), "UTF-16"));
    CHECK(contains(e.what(), "UTF-8"));
  }
}

// ------------------------------------------------------------------ encodings

TEST_CASE("parse_encoding names", "[csv]") {
  CHECK(ftstatus::parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(ftstatus::parse_encoding("utf8") == Encoding::utf8);
  CHECK(ftstatus::parse_encoding("Windows-1252") == Encoding::cp1252);
  CHECK(ftstatus::parse_encoding("cp1252") == Encoding::cp1252);
  CHECK_FALSE(ftstatus::parse_encoding("utf-16").has_value());
}

TEST_CASE("cp1252 input is decoded to UTF-8", "[csv]") {
  auto rows = read_all("name;note\n\xE9;\x80 \x93quoted\x94\n", 0, Encoding::cp1252);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields[0] == "\xC3\xA9");                                   // é
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
  CHECK(is_valid_utf8("Jos\xC3\xA9"));             // 2 bytes
  CHECK(is_valid_utf8("\xE2\x82\xAC"));            // 3 bytes
  CHECK(is_valid_utf8("\xF0\x9F\x98\x80"));        // 4 bytes
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF

  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, 3 bytes
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // overlong, 4 bytes
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));      // surrogate U+DFFF
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("ab\xE2\x82"));        // truncated at the end
  CHECK_FALSE(is_valid_utf8("\xE2\x82z"));         // truncated before ASCII
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation byte
  CHECK_FALSE(is_valid_utf8("a\xFF" "b"));
  CHECK_FALSE(is_valid_utf8("\xE9t\xE9"));         // cp1252 bytes read as UTF-8
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
    std::string text = written(records, delimiter);
    auto rows = read_all(text, delimiter);
    REQUIRE(rows.size() == records.size());
    for (std::size_t i = 0; i < records.size(); ++i) CHECK(rows[i].fields == records[i]);
  }
}

TEST_CASE("lone-CR line ends (old Mac CSV) are refused instead of read as one row", "[csv]") {
  CsvError e = error_of("entitlement_id,intent\rA,yes\rB,no\r");
  CHECK(e.line == 1);
  CHECK(e.column == 22);
  CHECK(contains(e.what(), "lone CR"));
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
  SECTION("lone CR after a header with an inch mark is still refused") {
    CsvError e = error_of("entitlement_id,size 27\"\rFT-1,x\rFT-2,y\r");
    CHECK(e.line == 1);
    CHECK(e.column == 24);
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
