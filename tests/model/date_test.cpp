#include <catch2/catch.hpp>

#include "ftstatus/date.h"

using ftstatus::Date;

TEST_CASE("dates parse only as strict YYYY-MM-DD real calendar days", "[date]") {
  REQUIRE(Date::parse_iso("2026-11-24"));
  CHECK(Date::parse_iso("2026-11-24")->to_iso() == "2026-11-24");
  CHECK(Date::parse_iso("2024-02-29"));          // leap year
  CHECK_FALSE(Date::parse_iso("2026-02-29"));    // not a leap year
  CHECK_FALSE(Date::parse_iso("2026-02-30"));
  CHECK_FALSE(Date::parse_iso("1900-02-29"));    // century rule
  CHECK(Date::parse_iso("2000-02-29"));          // 400-year rule
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
