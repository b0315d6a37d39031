// Encodings the reader detects or is told: UTF-8 with and without a BOM,
// Windows-1252 (and the line that gave it away), UTF-16 LE and BE.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvError;
using ftstatus::CsvReader;
using ftstatus::Encoding;
using ftstatus::LineEnding;
using ftstatus::Record;
using namespace csv_fixture;

namespace {

// `text` as UTF-16 bytes in the given byte order (no BOM unless `text` starts with U+FEFF).
std::string utf16(std::u16string_view text, bool big_endian) {
  std::string out;
  for (char16_t unit : text) {
    const char high = static_cast<char>(unit >> 8);
    const char low = static_cast<char>(unit & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  }
  return out;
}

// What a reader says about the input after reading all of it.
struct Reading {
  std::vector<Row> rows;
  Encoding encoding = Encoding::automatic;
  long evidence_line = 0;
  bool had_bom = false;
  char delimiter = 0;
  LineEnding line_ending = LineEnding::lf;
};

Reading read_with(std::string_view bytes, Encoding encoding = Encoding::automatic) {
  File f = file_with(bytes);
  CsvReader reader(f.get(), 0, encoding);
  Reading reading;
  Record record;
  while (reader.next(record)) {
    Row row;
    for (std::string_view field : record.fields) row.fields.emplace_back(field);
    row.raw = std::string(record.raw);
    row.line = record.line;
    reading.rows.push_back(std::move(row));
  }
  reading.encoding = reader.encoding();
  reading.evidence_line = reader.cp1252_evidence_line();
  reading.had_bom = reader.had_bom();
  reading.delimiter = reader.delimiter();
  reading.line_ending = reader.line_ending();
  return reading;
}

}  // namespace

TEST_CASE("automatic: UTF-8 with or without a BOM is read as UTF-8", "[csv][encoding]") {
  Reading plain = read_with("id,name\n1,Jos\xC3\xA9\n");
  CHECK(plain.encoding == Encoding::utf8);
  CHECK_FALSE(plain.had_bom);
  CHECK(plain.evidence_line == 0);
  REQUIRE(plain.rows.size() == 2);
  CHECK(plain.rows[1].fields == Fields{"1", "Jos\xC3\xA9"});

  Reading bom = read_with("\xEF\xBB\xBFid,name\n1,Jos\xC3\xA9\n");
  CHECK(bom.encoding == Encoding::utf8);
  CHECK(bom.had_bom);
  REQUIRE(bom.rows.size() == 2);
  CHECK(bom.rows[0].fields == Fields{"id", "name"});

  Reading ascii = read_with("id,name\n1,Jose\n");
  CHECK(ascii.encoding == Encoding::utf8);
}

TEST_CASE("automatic: bytes that are not UTF-8 mean Windows-1252, and the line is remembered", "[csv][encoding]") {
  SECTION("on the second line") {
    Reading r = read_with("id;nombre\r\n1;Jos\xE9 P\xE9rez\r\n2;\x80 5\r\n");
    CHECK(r.encoding == Encoding::cp1252);
    CHECK(r.evidence_line == 2);
    CHECK_FALSE(r.had_bom);
    CHECK(r.delimiter == ';');
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[1].fields == Fields{"1", "Jos\xC3\xA9 P\xC3\xA9rez"});
    CHECK(r.rows[2].fields == Fields{"2", "\xE2\x82\xAC 5"});  // the euro sign
  }
  SECTION("on line 3, after valid UTF-8 on line 2") {
    Reading r = read_with("id;nombre\n1;Jos\xC3\xA9\n2;Mu\xF1oz\n");
    CHECK(r.encoding == Encoding::cp1252);
    CHECK(r.evidence_line == 3);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[2].fields == Fields{"2", "Mu\xC3\xB1oz"});
    CHECK(r.rows[1].fields == Fields{"1", "Jos\xC3\x83\xC2\xA9"});  // UTF-8 bytes read as cp1252: Ã©
  }
  SECTION("lines count physical lines, including those inside quotes") {
    Reading r = read_with("id,note\n1,\"a\nb\"\n2,\xE9\n");
    CHECK(r.evidence_line == 4);
  }
  SECTION("in a CR-only file, CRs end lines") {
    Reading r = read_with("id,note\r1,a\r2,\xE9\r");
    CHECK(r.encoding == Encoding::cp1252);
    CHECK(r.evidence_line == 3);
    CHECK(r.line_ending == LineEnding::cr);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[2].fields == Fields{"2", "\xC3\xA9"});
  }
  SECTION("but a UTF-8 file with a stray byte among more UTF-8 characters stays UTF-8") {
    Reading r = read_with("id;nombre\n1;Jos\xC3\xA9\n2;Mu\xC3\xB1oz\n3;pasted \xE9\n");
    CHECK(r.encoding == Encoding::utf8);
    CHECK(r.evidence_line == 0);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.rows[2].fields == Fields{"2", "Mu\xC3\xB1oz"});
    CHECK(r.rows[3].fields == Fields{"3", "pasted \xE9"});  // kept: the row gets invalid_utf8
  }
  SECTION("a multi-byte character cut by the end of the input is not UTF-8") {
    Reading r = read_with("id\nab\xC3");
    CHECK(r.encoding == Encoding::cp1252);
    CHECK(r.evidence_line == 2);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"ab\xC3\x83"});
  }
}

TEST_CASE("automatic: a character cut by the end of the first 1 MiB read is still UTF-8", "[csv][encoding]") {
  const std::size_t first_read = 1u << 20;
  const std::string header = "id,v\n";
  // Multi-byte characters of 2, 3 and 4 bytes, placed so that each possible
  // cut falls on the boundary.
  for (std::string_view character : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    for (std::size_t before = 1; before < character.size(); ++before) {
      const std::size_t filler = first_read - header.size() - 2 - before;
      const std::string cell = std::string(filler, 'x') + std::string(character);
      INFO("character of " << character.size() << " bytes, " << before << " before the boundary");
      Reading r = read_with(header + "1," + cell + "\n2,\xC3\xB1\n");
      CHECK(r.encoding == Encoding::utf8);
      CHECK(r.evidence_line == 0);
      REQUIRE(r.rows.size() == 3);
      CHECK(r.rows[1].fields[1] == cell);
      CHECK(r.rows[2].fields == Fields{"2", "\xC3\xB1"});
    }
  }
  // Bytes after the first read do not change the decision: they stay as they are
  // (and the row then gets an invalid_utf8 problem, as with --encoding utf-8).
  Reading late = read_with(header + "1," + std::string(first_read, 'x') + "\n2,\xE9\n");
  CHECK(late.encoding == Encoding::utf8);
  REQUIRE(late.rows.size() == 3);
  CHECK(late.rows[2].fields == Fields{"2", "\xE9"});
}

TEST_CASE("forced encodings", "[csv][encoding]") {
  SECTION("UTF-8 on a cp1252 file keeps the bytes, as before detection existed") {
    Reading r = read_with("id\n\xE9\n", Encoding::utf8);
    CHECK(r.encoding == Encoding::utf8);
    CHECK(r.evidence_line == 0);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"\xE9"});
  }
  SECTION("cp1252 on a UTF-8 file decodes each byte") {
    Reading r = read_with("id\n\xC3\xA9\n", Encoding::cp1252);
    CHECK(r.encoding == Encoding::cp1252);
    CHECK(r.evidence_line == 0);
    CHECK(r.rows[1].fields == Fields{"\xC3\x83\xC2\xA9"});
  }
  SECTION("UTF-16 without a BOM is little-endian") {
    Reading r = read_with(utf16(u"id\tn\n1\t\u00E9\n", false), Encoding::utf16le);
    CHECK(r.encoding == Encoding::utf16le);
    CHECK_FALSE(r.had_bom);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"1", "\xC3\xA9"});
  }
  SECTION("a BOM gives UTF-16's byte order") {
    Reading r = read_with(utf16(u"\uFEFFid\tn\n1\t\u00E9\n", true), Encoding::utf16le);
    CHECK(r.encoding == Encoding::utf16be);
    CHECK(r.had_bom);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"1", "\xC3\xA9"});
  }
  SECTION("big-endian without a BOM") {
    Reading r = read_with(utf16(u"id,n\n1,\u20AC\n", true), Encoding::utf16be);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"1", "\xE2\x82\xAC"});
  }
}

TEST_CASE("automatic: UTF-16 with a BOM, as Excel's Unicode text, tab-delimited", "[csv][encoding]") {
  const std::u16string text =
      u"\uFEFFid\tnombre\tnota\r\nFT-1\tJos\u00E9 P\u00E9rez\t\"a, b; c\"\r\nFT-2\t\u20AC\t\U0001F600\r\n";
  for (bool big_endian : {false, true}) {
    INFO((big_endian ? "big-endian" : "little-endian"));
    Reading r = read_with(utf16(text, big_endian));
    CHECK(r.encoding == (big_endian ? Encoding::utf16be : Encoding::utf16le));
    CHECK(r.had_bom);
    CHECK(r.delimiter == '\t');
    CHECK(r.line_ending == LineEnding::crlf);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].fields == Fields{"id", "nombre", "nota"});
    CHECK(r.rows[1].fields == Fields{"FT-1", "Jos\xC3\xA9 P\xC3\xA9rez", "a, b; c"});
    CHECK(r.rows[2].fields == Fields{"FT-2", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"});  // € and a surrogate pair
    CHECK(r.rows[2].raw == "FT-2\t\xE2\x82\xAC\t\xF0\x9F\x98\x80");
    CHECK(r.rows[2].line == 3);
  }
}

TEST_CASE("UTF-16: broken surrogates become U+FFFD, half a code unit at the end too", "[csv][encoding]") {
  const std::string replacement = "\xEF\xBF\xBD";
  SECTION("a high surrogate without its low one") {
    Reading r =
        read_with(utf16(u"\uFEFFv\na\xD83D"
                        u"b\n",
                        false));
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"a" + replacement + "b"});
  }
  SECTION("a low surrogate on its own") {
    Reading r =
        read_with(utf16(u"\uFEFFv\na\xDE00"
                        u"b\n",
                        true));
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"a" + replacement + "b"});
  }
  SECTION("a high surrogate at the end of the input") {
    Reading r = read_with(utf16(u"\uFEFFv\nab\xD83D", false));
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"ab" + replacement});
  }
  SECTION("an odd byte at the end of the input") {
    Reading r = read_with(utf16(u"\uFEFFv\nab", false) + "c");
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].fields == Fields{"ab" + replacement});
  }
  SECTION("a NUL code unit still means the input is not text") {
    File f = file_with(utf16(std::u16string(u"\uFEFFid\n1,a") + u'\0' + u"b\n", false));
    CsvReader reader(f.get());
    Record record;
    CHECK_THROWS_AS(
        [&] {
          while (reader.next(record)) {
          }
        }(),
        CsvError);
  }
}

TEST_CASE("UTF-16: a surrogate pair and records across read boundaries", "[csv][encoding]") {
  // The first read is 1 MiB of input: put a surrogate pair's halves either side of it.
  const std::size_t first_read = 1u << 20;
  for (std::size_t shift = 0; shift < 3; ++shift) {
    std::u16string text = u"\uFEFFid\tv\n1\t";
    const std::size_t units_before = first_read / 2 - text.size() - 1 + shift;
    text += std::u16string(units_before, u'x');
    text += u"\U0001F600\u00E9\n2\tend\n";
    // And many records after it, over several later reads.
    for (int i = 0; i < 30000; ++i) text += u"r\tJos\u00E9 \U0001F600 " + std::u16string(20, u'y') + u"\n";
    INFO("shift " << shift);
    Reading r = read_with(utf16(text, shift % 2 == 1));
    REQUIRE(r.rows.size() == 30003);
    CHECK(r.rows[1].fields[1] == std::string(units_before, 'x') + "\xF0\x9F\x98\x80\xC3\xA9");
    CHECK(r.rows[2].fields == Fields{"2", "end"});
    std::size_t wrong = 0;
    const std::string expected = "Jos\xC3\xA9 \xF0\x9F\x98\x80 " + std::string(20, 'y');
    for (std::size_t i = 3; i < r.rows.size(); ++i) wrong += r.rows[i].fields != Fields{"r", expected};
    CHECK(wrong == 0);
    CHECK(r.rows.back().line == 30003);
  }
}
