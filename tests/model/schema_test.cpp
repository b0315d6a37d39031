// Reading cells by column type: bool spellings, integers, and dates in iso,
// mdy and dmy (values_test.cpp and dates_test.cpp cover every form).
#include <catch2/catch.hpp>

#include <cstdint>

#include "ftstatus/date.h"
#include "ftstatus/schema.h"

using ftstatus::Date;
using ftstatus::DateFormat;

namespace {

Date ymd(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

}  // namespace

TEST_CASE("parse_bool", "[rules]") {
  bool value = false;
  for (const char* yes :
       {"true", "TRUE", "Yes", "y", "Y", "1", " yes ", "s\xC3\xAD", "S\xC3\xAD", "S\xC3\x8D", "si", "SI"}) {
    INFO(yes);
    value = false;
    CHECK(ftstatus::parse_bool(yes, value));
    CHECK(value);
  }
  for (const char* no : {"false", "False", "NO", "n", "N", "0", "\tno "}) {
    INFO(no);
    value = true;
    CHECK(ftstatus::parse_bool(no, value));
    CHECK_FALSE(value);
  }
  for (const char* bad : {"maybe", "", "  ", "2", "yess", "t", "s", "on"}) {
    INFO(bad);
    CHECK_FALSE(ftstatus::parse_bool(bad, value));
  }
}

TEST_CASE("parse_integer", "[rules]") {
  std::int64_t value = 0;
  CHECK(ftstatus::parse_integer("42", value));
  CHECK(value == 42);
  CHECK(ftstatus::parse_integer(" 42 ", value));
  CHECK(value == 42);
  CHECK(ftstatus::parse_integer("-7", value));
  CHECK(value == -7);
  CHECK(ftstatus::parse_integer("+5", value));
  CHECK(value == 5);
  for (const char* bad : {"3.5", "", " ", "12a", "a12", "1,00", "-", "+", "1 2", "3e2"}) {
    INFO(bad);
    value = 99;
    CHECK_FALSE(ftstatus::parse_integer(bad, value));
  }
}

TEST_CASE("parse_date in iso, mdy and dmy", "[rules]") {
  using ftstatus::parse_date;
  std::int64_t days = 0;
  CHECK(parse_date("2026-03-07", DateFormat::iso, days));
  CHECK(days == ymd(2026, 3, 7).days());
  CHECK(parse_date(" 2026-03-07 ", DateFormat::iso, days));
  CHECK(days == ymd(2026, 3, 7).days());
  CHECK_FALSE(parse_date("2026-02-30", DateFormat::iso, days));
  CHECK_FALSE(parse_date("2026-3-7", DateFormat::iso, days));
  CHECK_FALSE(parse_date("3/7/2026", DateFormat::iso, days));

  // The same text is a different day in mdy and dmy.
  std::int64_t mdy = 0;
  std::int64_t dmy = 0;
  REQUIRE(parse_date("3/7/2026", DateFormat::mdy, mdy));
  REQUIRE(parse_date("3/7/2026", DateFormat::dmy, dmy));
  CHECK(mdy == ymd(2026, 3, 7).days());
  CHECK(dmy == ymd(2026, 7, 3).days());
  CHECK(parse_date("03/07/2026", DateFormat::dmy, days));
  CHECK(days == ymd(2026, 7, 3).days());
  CHECK(parse_date("3.7.2026", DateFormat::dmy, days));
  CHECK(days == ymd(2026, 7, 3).days());
  CHECK(parse_date("12/31/2026", DateFormat::mdy, days));
  CHECK(days == ymd(2026, 12, 31).days());

  CHECK_FALSE(parse_date("31/02/2026", DateFormat::dmy, days));
  CHECK_FALSE(parse_date("02/31/2026", DateFormat::mdy, days));
  CHECK_FALSE(parse_date("12/31/2026", DateFormat::dmy, days));
  // Two-digit years are read as Excel does (00-29 are 20xx).
  CHECK(parse_date("3/7/26", DateFormat::dmy, days));
  CHECK(days == ymd(2026, 7, 3).days());
  CHECK_FALSE(parse_date("3/7-2026", DateFormat::dmy, days));
  // ISO is read in every format.
  CHECK(parse_date("2026-03-07", DateFormat::dmy, days));
  CHECK(days == ymd(2026, 3, 7).days());
}
