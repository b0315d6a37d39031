// Date cells as spreadsheets write them, in each --date-format, and what a
// cell says about day/month order.
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>

#include "ftstatus/date.h"
#include "ftstatus/schema.h"

using ftstatus::Date;
using ftstatus::DateFormat;
using ftstatus::DateOrder;
using ftstatus::Lang;

namespace {

constexpr DateFormat kAllFormats[] = {DateFormat::automatic, DateFormat::iso, DateFormat::ymd, DateFormat::mdy,
                                      DateFormat::dmy};
constexpr DateFormat kAllButIso[] = {DateFormat::automatic, DateFormat::ymd, DateFormat::mdy, DateFormat::dmy};

std::int64_t ymd(int y, int m, int d) { return Date::from_ymd(y, m, d)->days(); }

std::string format_name(DateFormat format) {
  switch (format) {
    case DateFormat::automatic:
      return "auto";
    case DateFormat::iso:
      return "iso";
    case DateFormat::ymd:
      return "ymd";
    case DateFormat::mdy:
      return "mdy";
    case DateFormat::dmy:
      return "dmy";
  }
  return "?";
}

// parse_date's day for `text`, or -1 when it refuses it.
std::int64_t parsed(std::string_view text, DateFormat format) {
  std::int64_t days = 0;
  return ftstatus::parse_date(text, format, days) ? days : -1;
}

void check_parsed(std::string_view text, std::span<const DateFormat> formats, std::int64_t expected) {
  for (DateFormat format : formats) {
    INFO(std::string(text) << " as " << format_name(format));
    CHECK(parsed(text, format) == expected);
  }
}

void check_parsed(std::string_view text, std::initializer_list<DateFormat> formats, std::int64_t expected) {
  check_parsed(text, std::span<const DateFormat>(formats.begin(), formats.size()), expected);
}

void check_refused(std::string_view text, std::span<const DateFormat> formats) { check_parsed(text, formats, -1); }

void check_refused(std::string_view text, std::initializer_list<DateFormat> formats) {
  check_parsed(text, formats, -1);
}

}  // namespace

TEST_CASE("parse_date_format names every format", "[dates]") {
  CHECK(ftstatus::parse_date_format("auto") == DateFormat::automatic);
  CHECK(ftstatus::parse_date_format("iso") == DateFormat::iso);
  CHECK(ftstatus::parse_date_format("ymd") == DateFormat::ymd);
  CHECK(ftstatus::parse_date_format("mdy") == DateFormat::mdy);
  CHECK(ftstatus::parse_date_format("dmy") == DateFormat::dmy);
  CHECK_FALSE(ftstatus::parse_date_format("automatic"));
  CHECK_FALSE(ftstatus::parse_date_format("DMY"));
  CHECK_FALSE(ftstatus::parse_date_format(""));
}

TEST_CASE("ISO dates, with a time or zone, in every format", "[dates]") {
  const std::int64_t march_2 = ymd(2026, 3, 2);
  for (const char* text : {"2026-03-02", " 2026-03-02 ", "2026-03-02T10:00:00Z", "2026-03-02 10:00",
                           "2026-03-02T10:00:00+01:00", "2026-03-02T10:00:00.123-05:00", "2026-03-02 10:00:00",
                           "2026-03-02T23:59:60+0100", "2026/03/02", "2026.03.02", "2026-03-02 10:15 PM"}) {
    for (DateFormat format : kAllFormats) {
      INFO(text << " as " << format_name(format));
      CHECK(parsed(text, format) == march_2);
    }
  }
  // One-digit month or day: not ISO, but plain enough everywhere else.
  check_refused("2026-3-2", {DateFormat::iso});
  check_parsed("2026-3-2", kAllButIso, march_2);
  check_parsed("2026/3/2", kAllButIso, march_2);
  for (const char* bad : {"2026-02-30", "2026-13-01", "2026-00-10", "2026-03-02T", "2026-03-02T10", "2026-03-02 25:00",
                          "2026-03-02T10:60", "2026-03-02 10:00 XM", "2026-03-02 13:00 PM", "2026-03-02T10:00:00+1",
                          "2026-03/02", "2026-03-02x", "02026-03-02", "2026-03-02 and more"}) {
    for (DateFormat format : kAllFormats) {
      INFO(bad << " as " << format_name(format));
      CHECK(parsed(bad, format) == -1);
    }
  }
}

TEST_CASE("numeric d/m/y and m/d/y follow the format", "[dates]") {
  const std::int64_t march_2 = ymd(2026, 3, 2);
  const std::int64_t february_3 = ymd(2026, 2, 3);
  for (const char* text : {"02/03/2026", "2/3/2026", "02-03-2026", "2.3.2026", "02/03/26", "2/3/26 10:15",
                           "02/03/2026 10:15", "2/3/2026 10:15:00 AM", "02.03.2026 00:00:00"}) {
    check_parsed(text, {DateFormat::dmy}, march_2);
    check_parsed(text, {DateFormat::mdy}, february_3);
    check_refused(text, {DateFormat::iso, DateFormat::automatic});
  }
  // ymd reads a two-digit first part as the year only when the last part has two digits too.
  check_refused("02/03/2026", {DateFormat::ymd});
  check_parsed("02/03/26", {DateFormat::ymd}, ymd(2002, 3, 26));
  // A part above 12 decides, and auto takes it.
  check_parsed("25/03/2026", {DateFormat::dmy, DateFormat::automatic}, ymd(2026, 3, 25));
  check_refused("25/03/2026", {DateFormat::mdy, DateFormat::iso, DateFormat::ymd});
  check_parsed("03/25/2026", {DateFormat::mdy, DateFormat::automatic}, ymd(2026, 3, 25));
  check_refused("03/25/2026", {DateFormat::dmy, DateFormat::iso, DateFormat::ymd});
  // Equal parts read the same either way.
  check_parsed("07/07/2026", {DateFormat::dmy, DateFormat::mdy, DateFormat::automatic}, ymd(2026, 7, 7));
  // A two-digit year first in ymd.
  check_parsed("26/03/02", {DateFormat::ymd}, march_2);
  check_parsed("26-3-2", {DateFormat::ymd}, -1);
  // Impossible days.
  check_refused("31/02/2026", kAllFormats);
  check_refused("29/02/2027", kAllFormats);
  check_parsed("29/02/2028", {DateFormat::dmy, DateFormat::automatic}, ymd(2028, 2, 29));
  check_refused("02/31/2026", kAllFormats);
  check_refused("13/13/2026", kAllFormats);
  check_refused("0/3/2026", kAllFormats);
  check_refused("12/31/2026", {DateFormat::dmy});
  for (const char* bad : {"3/7-2026", "3/7/202", "3/7/20266", "123/7/2026", "3//2026", "3/7/", "/3/7/2026",
                          "3/7/2026 10", "3/7/2026 10:15 foo", "3/7/2026 10:15:"}) {
    check_refused(bad, kAllFormats);
  }
}

TEST_CASE("two-digit years follow Excel's rule", "[dates]") {
  check_parsed("15/03/00", {DateFormat::dmy}, ymd(2000, 3, 15));
  check_parsed("15/03/29", {DateFormat::dmy}, ymd(2029, 3, 15));
  check_parsed("15/03/30", {DateFormat::dmy}, ymd(1930, 3, 15));
  check_parsed("15/03/99", {DateFormat::dmy}, ymd(1999, 3, 15));
  check_parsed("2-Mar-26", {DateFormat::dmy}, ymd(2026, 3, 2));
  check_parsed("2-Mar-75", {DateFormat::dmy}, ymd(1975, 3, 2));
}

TEST_CASE("month names in English and Spanish, in every format but iso", "[dates]") {
  const std::int64_t march_2_2026 = ymd(2026, 3, 2);
  for (const char* text : {"2-mar-2026",
                           "02-Mar-26",
                           "2 mar 2026",
                           "2 MAR 2026",
                           "Mar 2, 2026",
                           "March 2 2026",
                           "2 March 2026",
                           "march 2nd, 2026",
                           "2 de marzo de 2026",
                           "2 de mar. de 2026",
                           "2 de Marzo del 2026",
                           "Mar. 2, 2026",
                           "2/mar/2026",
                           "2026-Mar-02",
                           "Monday, March 2, 2026",
                           "Mon 2 Mar 2026",
                           "lunes, 2 de marzo de 2026",
                           "mar 2 mar 2026",
                           "2-mar-2026 10:15",
                           "Mar 2, 2026, 10:15 AM"}) {
    check_parsed(text, kAllButIso, march_2_2026);
    check_refused(text, {DateFormat::iso});
  }
  check_parsed("mi\xC3\xA9rcoles, 4 de marzo de 2026", kAllButIso, ymd(2026, 3, 4));
  check_parsed(
      "S\xC3\x81"
      "BADO 7 MAR 2026",
      kAllButIso, ymd(2026, 3, 7));
  struct Month {
    const char* english;
    const char* spanish;
    int month;
  };
  const Month months[] = {
      {"January", "enero", 1},   {"Feb", "febrero", 2},         {"Mar", "marzo", 3},      {"Apr", "abr", 4},
      {"May", "mayo", 5},        {"June", "junio", 6},          {"Jul", "julio", 7},      {"Aug", "ago", 8},
      {"Sept", "septiembre", 9}, {"September", "setiembre", 9}, {"Sep", "set", 9},        {"Oct", "octubre", 10},
      {"Nov", "noviembre", 11},  {"December", "dic", 12},       {"Dec", "diciembre", 12}, {"Jan", "ene", 1}};
  for (const Month& m : months) {
    check_parsed(std::string(m.english) + " 2, 2027", kAllButIso, ymd(2027, m.month, 2));
    check_parsed(std::string("2 de ") + m.spanish + " de 2027", kAllButIso, ymd(2027, m.month, 2));
    check_parsed(std::string("2-") + m.spanish + "-27", kAllButIso, ymd(2027, m.month, 2));
  }
  for (const char* bad : {"2 mars 2026", "30 feb 2026", "2 mar", "mar 2026", "2 mar 2026 3", "foo 2 mar 2026",
                          "2 mar 26 27", "Monday March 2", "2 de de", "march", "2 2 2026", "2 mar 202", "123 mar 2026",
                          "2 mar 2026 x", "2 mar 2026 2 mar 2026 2 mar"}) {
    check_refused(bad, kAllFormats);
  }
}

TEST_CASE("Excel serial numbers where the cell is a bare number", "[dates]") {
  check_parsed("45000", kAllButIso, ymd(2023, 3, 15));
  check_parsed("45000.5", kAllButIso, ymd(2023, 3, 15));
  check_parsed("45000,75", kAllButIso, ymd(2023, 3, 15));
  check_parsed("18264", kAllButIso, ymd(1950, 1, 1));
  check_parsed("2958465", kAllButIso, ymd(9999, 12, 31));
  check_parsed("25569", kAllButIso, ymd(1970, 1, 1));
  check_refused("45000", {DateFormat::iso});
  for (const char* bad :
       {"60", "61", "2026", "18263", "2958466", "45000.", "45000.5.5", "-45000", "45 000", "45000a", "99999999999"}) {
    check_refused(bad, kAllFormats);
  }
}

TEST_CASE("impossible and empty dates are refused in every format", "[dates]") {
  for (const char* bad : {"", "  ", "x", "-", ":", "10:00", "2026", "T10:00", "29 feb 2027", "31 abr 2026"})
    check_refused(bad, kAllFormats);
}

TEST_CASE("date_order_of says what one cell tells about d/m vs m/d", "[dates]") {
  using ftstatus::date_order_of;
  CHECK(date_order_of("25/03/2026") == DateOrder::day_first);
  CHECK(date_order_of("25.3.26 10:00") == DateOrder::day_first);
  CHECK(date_order_of("03/25/2026") == DateOrder::month_first);
  CHECK(date_order_of("3-25-2026 10:15 PM") == DateOrder::month_first);
  CHECK(date_order_of("02/03/2026") == DateOrder::ambiguous);
  CHECK(date_order_of(" 12/1/26 ") == DateOrder::ambiguous);
  CHECK(date_order_of("07/07/2026") == DateOrder::none);  // equal parts
  CHECK(date_order_of("31/02/2026") == DateOrder::none);  // no such day either way
  CHECK(date_order_of("13/13/2026") == DateOrder::none);
  CHECK(date_order_of("0/3/2026") == DateOrder::none);
  CHECK(date_order_of("2026-03-02") == DateOrder::none);
  CHECK(date_order_of("2026/03/25") == DateOrder::none);
  CHECK(date_order_of("2 mar 2026") == DateOrder::none);
  CHECK(date_order_of("45000") == DateOrder::none);
  CHECK(date_order_of("garbage") == DateOrder::none);
  CHECK(date_order_of("") == DateOrder::none);
}

TEST_CASE("date_forms lists the forms each format tries, in both languages", "[dates]") {
  for (DateFormat format : kAllFormats) {
    INFO(format_name(format));
    const std::string en = ftstatus::date_forms(format, Lang::en);
    const std::string es = ftstatus::date_forms(format, Lang::es);
    CHECK(en.find("YYYY-MM-DD") != std::string::npos);
    CHECK(es.find("AAAA-MM-DD") != std::string::npos);
    CHECK(en != es);
    CHECK((format == DateFormat::iso) == (en.find("Excel") == std::string::npos));
  }
  CHECK(ftstatus::date_forms(DateFormat::dmy, Lang::en) ==
        "YYYY-MM-DD, DD/MM/YYYY, 2 mar 2026, an Excel serial number");
  CHECK(ftstatus::date_forms(DateFormat::dmy, Lang::es) ==
        "AAAA-MM-DD, DD/MM/AAAA, 2 mar 2026, un n\xC3\xBAmero de serie de Excel");
}
