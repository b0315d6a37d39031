#include "ftstatus/date.h"

#include <chrono>
#include <ctime>

#include <fmt/format.h>

namespace ftstatus {

namespace {

bool parse_digits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !text.empty();
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  // chrono's month and day hold only 0..255, so out-of-range numbers are refused before they are built.
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;  // 2026-02-29, 2026-04-31
  return Date(std::chrono::sys_days{date}.time_since_epoch().count());
}

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  int day = 0;
  if (!parse_digits(text.substr(0, 4), year) || !parse_digits(text.substr(5, 2), month) ||
      !parse_digits(text.substr(8, 2), day))
    return std::nullopt;
  return from_ymd(year, month, day);
}

Date Date::today() {
  // localtime_r rather than chrono::current_zone, which needs the tz database installed.
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string Date::to_iso() const {
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{clamped().days_}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

}  // namespace ftstatus
