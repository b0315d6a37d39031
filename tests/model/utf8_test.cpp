#include <catch2/catch.hpp>

#include "model/utf8.h"

using ftstatus::append_utf8;
using ftstatus::decode_utf8;
using ftstatus::Utf8Char;

TEST_CASE("decode_utf8 reads one code point and says how many bytes it took", "[utf8]") {
  auto check = [](std::string_view text, char32_t code_point, std::size_t length) {
    Utf8Char c = decode_utf8(text, 0);
    CHECK(c.valid);
    CHECK(c.code_point == code_point);
    CHECK(c.length == length);
  };
  check("A", U'A', 1);
  check("\xC3\xA9x", U'\u00E9', 2);
  check("\xE2\x82\xAC", U'\u20AC', 3);
  check("\xF0\x9F\x98\x80", U'\U0001F600', 4);
  check("\xF4\x8F\xBF\xBF", U'\U0010FFFF', 4);
  CHECK(decode_utf8("ab\xC3\xB1", 2).code_point == U'\u00F1');
}

TEST_CASE("decode_utf8 gives an ill-formed sequence back one byte at a time", "[utf8]") {
  for (std::string_view bad :
       {"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
        "\xF5\x80\x80\x80", "\xFF", "\xC3", "\xE2\x82", "\xE2\x82z", "\xF0\x9F\x98"}) {
    Utf8Char c = decode_utf8(bad, 0);
    CHECK_FALSE(c.valid);
    CHECK(c.length == 1);
    CHECK(c.code_point == static_cast<unsigned char>(bad[0]));
  }
}

TEST_CASE("append_utf8 encodes every length", "[utf8]") {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\U0010FFFF'}) append_utf8(out, cp);
  CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  CHECK(ftstatus::is_valid_utf8(out));
}
