// libFuzzer target for date parsing in every mode (src/model/dates.cpp,
// src/model/date.cpp): ISO, ymd, d/m/y, m/d/y and automatic, with serial
// numbers, month names, weekdays and times. The input is one cell.
// Properties:
// - a parsed date prints back (to_iso) to a string that every mode parses
//   to the same day, and Date::parse_iso too;
// - a parsed date is in the years 1 to 9999 (what the parser accepts);
// - date_order_of agrees with parsing: day_first cells parse with dmy,
//   month_first ones with mdy.
#include <cstdint>
#include <string>

#include "ftstatus/date.h"
#include "ftstatus/schema.h"
#include "fuzz_support.h"

namespace {

constexpr ftstatus::DateFormat kFormats[] = {ftstatus::DateFormat::automatic, ftstatus::DateFormat::iso,
                                             ftstatus::DateFormat::ymd, ftstatus::DateFormat::mdy,
                                             ftstatus::DateFormat::dmy};
const long kFirstDay = ftstatus::Date::from_ymd(1, 1, 1)->days();
const long kLastDay = ftstatus::Date::from_ymd(9999, 12, 31)->days();

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (ftstatus::DateFormat format : kFormats) {
    std::int64_t days = 0;
    if (!ftstatus::parse_date(text, format, days)) continue;
    FUZZ_CHECK(days >= kFirstDay && days <= kLastDay);
    const ftstatus::Date date = ftstatus::Date::from_days(static_cast<long>(days));
    const std::string iso = date.to_iso();
    const auto again = ftstatus::Date::parse_iso(iso);
    FUZZ_CHECK(again && *again == date);
    for (ftstatus::DateFormat reread : kFormats) {
      std::int64_t reread_days = -1;
      FUZZ_CHECK(ftstatus::parse_date(iso, reread, reread_days) && reread_days == days);
    }
  }
  if (auto date = ftstatus::Date::parse_iso(text)) FUZZ_CHECK(date->to_iso() == text);
  std::int64_t days = 0;
  switch (ftstatus::date_order_of(text)) {
    case ftstatus::DateOrder::day_first:
      FUZZ_CHECK(ftstatus::parse_date(text, ftstatus::DateFormat::dmy, days));
      break;
    case ftstatus::DateOrder::month_first:
      FUZZ_CHECK(ftstatus::parse_date(text, ftstatus::DateFormat::mdy, days));
      break;
    case ftstatus::DateOrder::ambiguous:
      FUZZ_CHECK(ftstatus::parse_date(text, ftstatus::DateFormat::dmy, days) ==
                 ftstatus::parse_date(text, ftstatus::DateFormat::mdy, days));
      break;
    case ftstatus::DateOrder::none:
      break;
  }
  return 0;
}
