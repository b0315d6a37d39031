#include <catch2/catch.hpp>

#include "ftstatus/date.h"

using ftstatus::Date;

TEST_CASE("dates parse only as strict YYYY-MM-DD real calendar days", "[date]") {
  REQUIRE(Date::parse_iso("2026-11-24"));
  CHECK(Date::parse_iso("2026-11-24")->to_iso() == "2026-11-24");
  CHECK(Date::parse_iso("2024-02-29"));        // leap year
  CHECK_FALSE(Date::parse_iso("2026-02-29"));  // not a leap year
  CHECK_FALSE(Date::parse_iso("2026-02-30"));
  CHECK_FALSE(Date::parse_iso("1900-02-29"));  // century rule
  CHECK(Date::parse_iso("2000-02-29"));        // 400-year rule
  CHECK_FALSE(Date::parse_iso("2026-13-01"));
  CHECK_FALSE(Date::parse_iso("2026-00-10"));
  CHECK_FALSE(Date::parse_iso("2026-04-31"));
  CHECK_FALSE(Date::parse_iso("2026-1-05"));
  CHECK_FALSE(Date::parse_iso("26-11-2026"));
  CHECK_FALSE(Date::parse_iso("2026/11/24"));
  CHECK_FALSE(Date::parse_iso("2026-11-24x"));
  CHECK_FALSE(Date::parse_iso(""));
  CHECK_FALSE(Date::parse_iso("abcd-ef-gh"));
}

TEST_CASE("date arithmetic counts calendar days across months and leap years", "[date]") {
  Date a = *Date::parse_iso("2024-02-28");
  CHECK(a.plus_days(1).to_iso() == "2024-02-29");
  CHECK(a.plus_days(2).to_iso() == "2024-03-01");
  CHECK(*Date::parse_iso("2027-11-24") - *Date::parse_iso("2026-11-24") == 365);
  CHECK(*Date::parse_iso("1970-01-01") - *Date::parse_iso("1969-12-31") == 1);
  CHECK(Date::parse_iso("2026-01-01")->days() == 20454);
  CHECK(*Date::parse_iso("2026-01-01") < *Date::parse_iso("2026-01-02"));
}

TEST_CASE("from_ymd accepts real days of the years 1 to 9999 only", "[date]") {
  CHECK(Date::from_ymd(1, 1, 1)->to_iso() == "0001-01-01");
  CHECK(Date::from_ymd(9999, 12, 31)->to_iso() == "9999-12-31");
  CHECK(Date::from_ymd(1970, 1, 1)->days() == 0);
  CHECK(Date::from_ymd(1, 1, 1)->days() == -719162);
  CHECK(Date::from_ymd(9999, 12, 31)->days() == 2932896);
  CHECK_FALSE(Date::from_ymd(0, 12, 31));
  CHECK_FALSE(Date::from_ymd(10000, 1, 1));
  CHECK_FALSE(Date::from_ymd(2026, 0, 1));
  CHECK_FALSE(Date::from_ymd(2026, 13, 1));
  CHECK_FALSE(Date::from_ymd(2026, 1, 0));
  CHECK_FALSE(Date::from_ymd(2026, 1, 32));
  CHECK_FALSE(Date::from_ymd(2026, 1, -1));
  CHECK_FALSE(Date::from_ymd(2026, 257, 1));  // would wrap to month 1 in a byte
  CHECK_FALSE(Date::from_ymd(2026, 1, 257));
  CHECK(Date::from_ymd(2024, 2, 29));
  CHECK_FALSE(Date::from_ymd(2023, 2, 29));
}

TEST_CASE("day numbers and calendar dates convert both ways", "[date]") {
  // Every day of the years 1 to 9999 (and none lost or repeated) round-trips.
  Date day = *Date::from_ymd(1, 1, 1);
  Date last = *Date::from_ymd(9999, 12, 31);
  long count = 0;
  long mismatches = 0;
  for (; day <= last; day = day.plus_days(1), ++count)
    if (Date::parse_iso(day.to_iso()) != day) ++mismatches;
  CHECK(mismatches == 0);
  CHECK(count == 3652059);  // 9999 years of 365.2425 days
  CHECK(Date::from_days(-1).to_iso() == "1969-12-31");
}

TEST_CASE("today is a valid date", "[date]") {
  Date today = Date::today();
  CHECK(Date::parse_iso(today.to_iso()) == today);
  CHECK(today >= *Date::from_ymd(2024, 1, 1));
}
