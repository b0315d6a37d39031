#pragma once
// ftstatus public API, layer: model.
// Calendar dates as day numbers, so comparisons and horizons are plain integer math.
#include <optional>
#include <string>
#include <string_view>

namespace ftstatus {

class Date {
 public:
  // Strict YYYY-MM-DD that names a real calendar day (2026-02-30 is rejected).
  static std::optional<Date> parse_iso(std::string_view text);
  // A real calendar day in the years 1 to 9999, or nothing.
  static std::optional<Date> from_ymd(int year, int month, int day);
  static Date from_days(long days) { return Date(days); }
  // Today in the local time zone.
  static Date today();

  // The first and last days parse_iso reads: 0001-01-01 and 9999-12-31.
  static constexpr Date min() { return Date(kFirstDay); }
  static constexpr Date max() { return Date(kLastDay); }
  bool in_range() const { return days_ >= kFirstDay && days_ <= kLastDay; }
  // The nearest day parse_iso reads: arithmetic may step past the years 1 to
  // 9999 (a 365-day horizon from 9999-12-31), printing must not.
  Date clamped() const { return Date(days_ < kFirstDay ? kFirstDay : days_ > kLastDay ? kLastDay : days_); }

  // YYYY-MM-DD of clamped(), so every printed date reads back.
  std::string to_iso() const;

  // Days since 1970-01-01.
  long days() const { return days_; }
  Date plus_days(long n) const { return Date(days_ + n); }
  friend long operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend auto operator<=>(Date, Date) = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 misreads it

 private:
  static constexpr long kFirstDay = -719162;  // 0001-01-01
  static constexpr long kLastDay = 2932896;   // 9999-12-31
  explicit constexpr Date(long days) : days_(days) {}
  long days_ = 0;
};

}  // namespace ftstatus
