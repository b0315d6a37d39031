// Part 6, item 6: a date is only ever printed in a form Date::parse_iso reads back.
#include <catch2/catch.hpp>

#include "ftstatus/date.h"

using ftstatus::Date;

TEST_CASE("a date past 9999-12-31 or before 0001-01-01 prints as that end of the range", "[date][limits]") {
  const Date last = *Date::parse_iso("9999-12-31");
  const Date first = *Date::parse_iso("0001-01-01");
  CHECK(Date::max() == last);
  CHECK(Date::min() == first);
  CHECK(last.plus_days(365).to_iso() == "9999-12-31");
  CHECK(last.plus_days(36500).clamped() == last);
  CHECK(first.plus_days(-90).to_iso() == "0001-01-01");
  CHECK(Date::parse_iso("9999-12-01")->plus_days(30).to_iso() == "9999-12-31");
  CHECK(Date::parse_iso("2026-11-24")->plus_days(365).to_iso() == "2027-11-24");  // unchanged inside the range
}

TEST_CASE("every printed date parses back, whatever day number it holds", "[date][limits]") {
  for (long days : {-100000000L, -719163L, -719162L, 0L, 2932896L, 2932897L, 2932896L + 365, 100000000L}) {
    const std::string text = Date::from_days(days).to_iso();
    INFO(days << " -> " << text);
    const std::optional<Date> back = Date::parse_iso(text);
    REQUIRE(back);
    CHECK(*back == Date::from_days(days).clamped());
  }
  CHECK(Date::from_days(2932897).to_iso() == "9999-12-31");
  CHECK(Date::from_days(-719163).to_iso() == "0001-01-01");
  CHECK_FALSE(Date::from_days(2932897).in_range());
  CHECK(Date::from_days(2932896).in_range());
}
