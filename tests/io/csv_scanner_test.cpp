// The one CSV state machine (CsvScanner) on its own, and the reader where a
// record crosses the end of its first 1 MiB read.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "csv_fixture.h"
#include "io/csv.h"

using ftstatus::CsvScanner;
using namespace csv_fixture;

namespace {

// The events of scanning `text` (which must have its NUL sentinel after the
// view), each as "kind@position"; a field's bounds come before the event that
// ends it, as "[start close]" with "doubled" for doubled quotes.
std::string events_of(std::string_view text, std::string_view delimiters, bool report_cr) {
  CsvScanner scanner(delimiters, report_cr);
  scanner.begin_record();
  std::string out;
  auto field = [&] {
    return "[" + std::to_string(scanner.field_start()) + " " + std::to_string(scanner.quote_close()) +
           (scanner.doubled_quotes() ? " doubled] " : "] ");
  };
  for (std::size_t at = 0;; ++at) {
    switch (scanner.advance(text.data(), at, text.size())) {
      case CsvScanner::Event::delimiter:
        out += field() + "delimiter@" + std::to_string(at) + " ";
        scanner.begin_field(at + 1);
        continue;
      case CsvScanner::Event::carriage_return:
        out += "cr@" + std::to_string(at) + " ";
        continue;
      case CsvScanner::Event::record_end:
        return out + field() + "end@" + std::to_string(at) + " breaks " + std::to_string(scanner.line_breaks());
      case CsvScanner::Event::nul:
        return out + "nul@" + std::to_string(at);
      case CsvScanner::Event::need_input:
        return out + (scanner.in_quotes() ? "in quotes " : "") + "need@" + std::to_string(at);
    }
  }
}

}  // namespace

TEST_CASE("the scanner finds fields, quotes and the record end in one pass", "[csv]") {
  // 0: a  1: ,  2-10: "b,""c"""  11: ,  12-15: d"e"  16: ,  17-23: "f"tail  24: LF
  const std::string text = "a,\"b,\"\"c\"\"\",d\"e\",\"f\"tail\nnext";
  CHECK(events_of(text, ",", false) ==
        "[0 0] delimiter@1 "            // plain
        "[2 10 doubled] delimiter@11 "  // quoted, with doubled quotes
        "[12 0] delimiter@16 "          // a quote inside text is text
        "[17 19] end@24 breaks 0");     // text after the closing quote
}

TEST_CASE("inside quotes, delimiters, CRs and LFs are data; LFs are counted", "[csv]") {
  CHECK(events_of("\"x,\r\ny\n\"\r\n", ",", true) == "cr@8 [0 7] end@9 breaks 2");
}

TEST_CASE("the scanner stops at a NUL, and at the end of its bytes with its state kept", "[csv]") {
  using namespace std::string_literals;
  CHECK(events_of("ab\0c\n"s, ",", false) == "nul@2");
  CHECK(events_of("\"a\0\"\n"s, ",", false) == "nul@2");
  CHECK(events_of("a,\"b", ",", false) == "[0 0] delimiter@1 in quotes need@4");

  // "a,"b  then  c",d LF: the quote opened in the first part closes in the second.
  std::string record = "a,\"b";
  CsvScanner scanner(",", false);
  scanner.begin_record();
  std::size_t at = 0;
  REQUIRE(scanner.advance(record.data(), at, record.size()) == CsvScanner::Event::delimiter);
  scanner.begin_field(++at);
  REQUIRE(scanner.advance(record.data(), at, record.size()) == CsvScanner::Event::need_input);
  CHECK(at == record.size());
  CHECK(scanner.in_quotes());
  CHECK(scanner.field_start() == 2);
  record += "c\",d\n";
  REQUIRE(scanner.advance(record.data(), at, record.size()) == CsvScanner::Event::delimiter);
  CHECK(at == 6);
  CHECK(scanner.quote_close() == 5);
}

TEST_CASE("with every candidate as a delimiter, the header pass quotes like the record pass", "[csv]") {
  CHECK(events_of("\"a;b\",c\td 27\";\"e,\"\r\n", ",;\t", true) ==
        "[0 4] delimiter@5 "               // quotes hide the semicolon
        "[6 0] delimiter@7 "               // a tab ends a field
        "[8 0] delimiter@13 "              // the inch mark is text
        "cr@18 [14 17] end@19 breaks 0");  // the comma in quotes is data; the CR is reported
}

TEST_CASE("records that cross the end of the first read are read whole", "[csv]") {
  // The reader reads 1 MiB first: put each awkward spot a few bytes either
  // side of that boundary.
  const std::size_t first_read = 1u << 20;
  const std::string header = "id,v\r\n";
  struct Tail {
    const char* text;
    Fields fields;
  };
  const Tail tails[] = {
      {"\"q\"\"r\",s\r\n", {"q\"r", "s"}},            // a doubled quote
      {"\"q\"tail,s\r\n", {"qtail", "s"}},            // text after the closing quote
      {"\"a\r\nb\",s\r\n", {"a\r\nb", "s"}},          // a CRLF inside quotes
      {"p,\"\"\r\n", {"p", ""}},                      // an empty quoted field, then CRLF
      {"p 27\" q,\"x,y\"\r\n", {"p 27\" q", "x,y"}},  // an inch mark
  };
  for (const Tail& tail : tails) {
    for (std::size_t shift = 0; shift < 12; ++shift) {
      // The tail starts 4 bytes before the boundary at shift 0, 7 bytes after it at shift 11.
      const std::size_t filler = first_read - header.size() - 2 - 6 + shift;
      const std::string text = header + "1," + std::string(filler, 'x') + "\r\n" + tail.text + "last,z\r\n";
      INFO("tail " << tail.text << " shift " << shift);
      auto rows = read_all(text);
      REQUIRE(rows.size() == 4);
      CHECK(rows[1].fields == Fields{"1", std::string(filler, 'x')});
      CHECK(rows[2].fields == tail.fields);
      CHECK(rows[2].line == 3);
      CHECK(rows[3].fields == Fields{"last", "z"});
      CHECK(rows[3].line == 4 + static_cast<long>(std::string_view(tail.text).find("\r\nb") != std::string_view::npos));
    }
  }
}
