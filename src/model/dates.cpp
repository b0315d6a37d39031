// Date cells as spreadsheets and people write them: ISO with or without a
// time, numeric d/m/y and m/d/y, English and Spanish month names, and Excel
// serial numbers. parse_date runs once per date cell: plain ISO is tried
// first and nothing here allocates.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "ftstatus/date.h"
#include "ftstatus/problems.h"
#include "ftstatus/schema.h"
#include "model/names.h"

namespace ftstatus {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower_ascii_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// Reads the run of digits at text[i], advancing i; returns how many there
// were. `out` holds their value when there are at most 9.
std::size_t read_digits(std::string_view text, std::size_t& i, int& out) {
  const std::size_t start = i;
  out = 0;
  for (; i < text.size() && is_digit(text[i]); ++i)
    if (i - start < 9) out = out * 10 + (text[i] - '0');
  return i - start;
}

// Excel's rule for two-digit years: 00-29 are 2000-2029, 30-99 are 1930-1999.
int expand_year(int year, std::size_t digits) {
  if (digits != 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

bool store(std::optional<Date> date, std::int64_t& out) {
  if (!date) return false;
  out = date->days();
  return true;
}

// Case-insensitive ASCII prefix test; advances i past the prefix on success.
bool skip_word(std::string_view text, std::size_t& i, std::string_view lower) {
  if (text.size() - i < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k)
    if (lower_ascii_char(text[i + k]) != lower[k]) return false;
  i += lower.size();
  return true;
}

void skip_spaces(std::string_view text, std::size_t& i) {
  while (i < text.size() && text[i] == ' ') ++i;
}

// "10:15", "10:15:00", "10:15:00.250", then optionally " AM"/" p. m." and a
// zone ("Z", "+01:00", "-0500"). Only its shape is checked: the date counts.
bool is_time(std::string_view text) {
  std::size_t i = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  const std::size_t hour_digits = read_digits(text, i, hour);
  if (hour_digits < 1 || hour_digits > 2 || hour > 23 || i == text.size() || text[i++] != ':') return false;
  if (read_digits(text, i, minute) != 2 || minute > 59) return false;
  if (i < text.size() && text[i] == ':') {
    ++i;
    if (read_digits(text, i, second) != 2 || second > 60) return false;  // 60: a leap second
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
      ++i;
      int fraction = 0;
      if (read_digits(text, i, fraction) == 0) return false;
    }
  }
  skip_spaces(text, i);
  for (std::string_view meridiem : {"am", "pm", "a.m.", "p.m.", "a. m.", "p. m."}) {
    std::size_t at = i;
    if (skip_word(text, at, meridiem) && (at == text.size() || !is_ascii_letter(text[at]))) {
      if (hour < 1 || hour > 12) return false;
      i = at;
      skip_spaces(text, i);
      break;
    }
  }
  if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
    ++i;
  } else if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    ++i;
    int zone = 0;
    const std::size_t digits = read_digits(text, i, zone);
    if (digits == 2 && i < text.size() && text[i] == ':') {
      ++i;
      if (read_digits(text, i, zone) != 2) return false;
    } else if (digits != 2 && digits != 4) {
      return false;
    }
  }
  return i == text.size();
}

// Cuts a trailing time off `text` ("2/3/2026 10:15" -> "2/3/2026",
// "2026-03-02T10:00:00Z" -> "2026-03-02"). False when the text has a ':'
// but does not end in a time.
bool strip_time(std::string_view& text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return true;
  std::size_t start = colon;
  while (start > 0 && is_digit(text[start - 1])) --start;
  if (start == colon || start < 2) return false;
  const char before = text[start - 1];
  if (before != ' ' && !(before == 'T' && is_digit(text[start - 2]))) return false;
  if (!is_time(text.substr(start))) return false;
  text = text.substr(0, start - 1);
  // "Mar 2, 2026, 10:00 AM"
  while (!text.empty() && (text.back() == ' ' || text.back() == ',')) text.remove_suffix(1);
  return !text.empty();
}

// "2026-03-02", "2026/3/2", "2026.03.02": a four-digit year first. With
// `two_digit_parts` (format iso) month and day must have two digits.
std::optional<Date> year_first_date(std::string_view text, bool two_digit_parts) {
  std::size_t i = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  if (read_digits(text, i, year) != 4 || i == text.size()) return std::nullopt;
  const char separator = text[i++];
  if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
  const std::size_t month_digits = read_digits(text, i, month);
  if (month_digits < 1 || month_digits > 2 || i == text.size() || text[i++] != separator) return std::nullopt;
  const std::size_t day_digits = read_digits(text, i, day);
  if (day_digits < 1 || day_digits > 2 || i != text.size()) return std::nullopt;
  if (two_digit_parts && (month_digits != 2 || day_digits != 2)) return std::nullopt;
  return Date::from_ymd(year, month, day);
}

// "2/3/2026", "02-03-26", "2.3.2026": two parts of 1-2 digits, then a 2- or
// 4-digit year, one separator kind throughout.
struct NumericDate {
  int first = 0;
  int second = 0;
  int year = 0;  // expanded when written with two digits
  std::size_t first_digits = 0;
  std::size_t year_digits = 0;
};

bool split_numeric(std::string_view text, NumericDate& out) {
  std::size_t i = 0;
  out.first_digits = read_digits(text, i, out.first);
  if (out.first_digits < 1 || out.first_digits > 2 || i == text.size()) return false;
  const char separator = text[i++];
  if (separator != '/' && separator != '-' && separator != '.') return false;
  const std::size_t second_digits = read_digits(text, i, out.second);
  if (second_digits < 1 || second_digits > 2 || i == text.size() || text[i++] != separator) return false;
  out.year_digits = read_digits(text, i, out.year);
  if ((out.year_digits != 2 && out.year_digits != 4) || i != text.size()) return false;
  out.year = expand_year(out.year, out.year_digits);
  return true;
}

std::optional<Date> numeric_date(const NumericDate& n, DateFormat format) {
  switch (format) {
    case DateFormat::dmy:
      return Date::from_ymd(n.year, n.second, n.first);
    case DateFormat::mdy:
      return Date::from_ymd(n.year, n.first, n.second);
    case DateFormat::automatic:
      // Only what cannot be misread: a part above 12 is the day; equal parts read the same either way.
      if (n.first > 12 || n.first == n.second) return Date::from_ymd(n.year, n.second, n.first);
      if (n.second > 12) return Date::from_ymd(n.year, n.first, n.second);
      return std::nullopt;
    case DateFormat::ymd:
      // "26/03/02": a two-digit year first. The year part was read as the last one.
      if (n.first_digits != 2 || n.year_digits != 2) return std::nullopt;
      return Date::from_ymd(expand_year(n.first, 2), n.second, n.year % 100);
    case DateFormat::iso:
      return std::nullopt;
  }
  return std::nullopt;
}

// Excel's 1900 date system: serial 1 is 1900-01-01 and Excel counts a
// 1900-02-29 that never was, so from serial 61 on a serial is the number of
// days since 1899-12-30. Only 1950-01-01 to 9999-12-31 count, so that a year
// or a count in a date column is not taken for a date.
constexpr int kFirstSerial = 18264;   // 1950-01-01
constexpr int kLastSerial = 2958465;  // 9999-12-31
constexpr int kSerialOf19700101 = 25569;

std::optional<Date> serial_date(std::string_view text) {
  std::size_t i = 0;
  int serial = 0;
  if (read_digits(text, i, serial) > 7) return std::nullopt;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {  // a time of day, "45000.5" or Spanish "45000,5"
    ++i;
    int fraction = 0;
    if (read_digits(text, i, fraction) == 0) return std::nullopt;
  }
  if (i != text.size() || serial < kFirstSerial || serial > kLastSerial) return std::nullopt;
  return Date::from_days(serial - kSerialOf19700101);
}

struct NamedMonth {
  std::string_view name;
  int month;
};

// English and Spanish month names and abbreviations, lower case.
constexpr NamedMonth kMonths[] = {
    {"jan", 1},        {"january", 1},    {"ene", 1},   {"enero", 1},     {"feb", 2},       {"february", 2},
    {"febrero", 2},    {"mar", 3},        {"march", 3}, {"marzo", 3},     {"apr", 4},       {"april", 4},
    {"abr", 4},        {"abril", 4},      {"may", 5},   {"mayo", 5},      {"jun", 6},       {"june", 6},
    {"junio", 6},      {"jul", 7},        {"july", 7},  {"julio", 7},     {"aug", 8},       {"august", 8},
    {"ago", 8},        {"agosto", 8},     {"sep", 9},   {"sept", 9},      {"september", 9}, {"set", 9},
    {"septiembre", 9}, {"setiembre", 9},  {"oct", 10},  {"october", 10},  {"octubre", 10},  {"nov", 11},
    {"november", 11},  {"noviembre", 11}, {"dec", 12},  {"december", 12}, {"dic", 12},      {"diciembre", 12},
};

// Weekdays a date may start with ("Monday, March 2, 2026", "lunes, 2 de marzo de 2026").
constexpr std::string_view kWeekdays[] = {
    "mon",    "monday", "tue",      "tues", "tuesday", "wed", "wednesday", "thu", "thur",   "thurs", "thursday",  "fri",
    "friday", "sat",    "saturday", "sun",  "sunday",  "lun", "lunes",     "mar", "martes", "mie",   "miercoles", "jue",
    "jueves", "vie",    "viernes",  "sab",  "sabado",  "dom", "domingo",
};

constexpr std::size_t kLongestWord = 10;  // "septiembre"

// The word in lower case in `buffer`, or empty when it is too long or not ASCII.
std::string_view lower_word(std::string_view word, char (&buffer)[kLongestWord]) {
  if (word.size() > kLongestWord) return {};
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (static_cast<unsigned char>(word[k]) >= 0x80) return {};
    buffer[k] = lower_ascii_char(word[k]);
  }
  return {buffer, word.size()};
}

int month_of(std::string_view word) {
  char buffer[kLongestWord];
  const std::string_view lower = lower_word(word, buffer);
  for (const NamedMonth& month : kMonths)
    if (month.name == lower) return month.month;
  return 0;
}

bool is_weekday(std::string_view word) {
  char buffer[kLongestWord];
  const std::string_view lower = lower_word(word, buffer);
  if (lower.empty()) {  // accented Spanish days, in any case
    for (std::string_view accented : {"mi\xC3\xA9rcoles", "mi\xC3\xA9",
                                      "s\xC3\xA1"
                                      "bado",
                                      "s\xC3\xA1"
                                      "b"})
      if (equals_ignoring_case(word, accented)) return true;
    return false;
  }
  for (std::string_view day : kWeekdays)
    if (day == lower) return true;
  return false;
}

// "de" and "del" join the parts of a Spanish date: "2 de marzo de 2027".
bool is_filler(std::string_view word) {
  char buffer[kLongestWord];
  const std::string_view lower = lower_word(word, buffer);
  return lower == "de" || lower == "del";
}

struct Token {
  std::string_view text;
  bool number = false;
};

constexpr std::size_t kMaxTokens = 8;

// Splits "2 de mar. de 2027" into numbers and words; spaces, '-', '/', ','
// and '.' separate them, and an English ordinal suffix ("2nd") is dropped.
bool tokenize(std::string_view text, Token (&tokens)[kMaxTokens], std::size_t& count) {
  count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '-' || c == '/' || c == ',' || c == '.' || c == '\t') {
      ++i;
      continue;
    }
    if (count == kMaxTokens) return false;
    const std::size_t start = i;
    if (is_digit(c)) {
      while (i < text.size() && is_digit(text[i])) ++i;
      tokens[count++] = {text.substr(start, i - start), true};
      for (std::string_view ordinal : {"st", "nd", "rd", "th"}) {
        std::size_t at = i;
        if (skip_word(text, at, ordinal) && (at == text.size() || !is_ascii_letter(text[at]))) {
          i = at;
          break;
        }
      }
      continue;
    }
    if (!is_ascii_letter(c) && static_cast<unsigned char>(c) < 0x80) return false;
    while (i < text.size() && (is_ascii_letter(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
    tokens[count++] = {text.substr(start, i - start), false};
  }
  return true;
}

// "2-mar-2026", "Mar 2, 2026", "2 de marzo de 2027", "Monday, March 2 2026", "2026-Mar-02".
std::optional<Date> named_month_date(std::string_view text) {
  Token all[kMaxTokens];
  std::size_t all_count = 0;
  if (!tokenize(text, all, all_count)) return std::nullopt;
  Token parts[3];
  std::size_t count = 0;
  for (std::size_t k = 0; k < all_count; ++k) {
    if (!all[k].number && is_filler(all[k].text)) continue;
    if (k == 0 && !all[k].number && all_count > 3 && is_weekday(all[k].text)) continue;
    if (count == 3) return std::nullopt;
    parts[count++] = all[k];
  }
  if (count != 3) return std::nullopt;
  auto number = [](const Token& token, int& value) {
    std::size_t i = 0;
    return token.number ? read_digits(token.text, i, value) : 0;
  };
  int day = 0;
  int year = 0;
  int month = 0;
  std::size_t day_digits = 0;
  std::size_t year_digits = 0;
  if (parts[0].number && !parts[1].number && parts[2].number) {
    day_digits = number(parts[0], day);
    month = month_of(parts[1].text);
    year_digits = number(parts[2], year);
    if (day_digits == 4 && (year_digits == 1 || year_digits == 2)) {  // 2026-Mar-02
      std::swap(day, year);
      std::swap(day_digits, year_digits);
    }
  } else if (!parts[0].number && parts[1].number && parts[2].number) {
    month = month_of(parts[0].text);
    day_digits = number(parts[1], day);
    year_digits = number(parts[2], year);
  } else {
    return std::nullopt;
  }
  if (month == 0 || day_digits < 1 || day_digits > 2 || (year_digits != 2 && year_digits != 4)) return std::nullopt;
  return Date::from_ymd(expand_year(year, year_digits), month, day);
}

}  // namespace

std::optional<DateFormat> parse_date_format(std::string_view text) {
  if (text == "auto") return DateFormat::automatic;
  if (text == "iso") return DateFormat::iso;
  if (text == "ymd") return DateFormat::ymd;
  if (text == "mdy") return DateFormat::mdy;
  if (text == "dmy") return DateFormat::dmy;
  return std::nullopt;
}

bool parse_date(std::string_view text, DateFormat format, std::int64_t& out) {
  text = trim(text);
  // Nearly every date cell is plain ISO: no further look.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') return store(Date::parse_iso(text), out);
  if (!strip_time(text) || text.empty()) return false;
  if (is_digit(text[0])) {
    if (auto date = year_first_date(text, format == DateFormat::iso)) return store(date, out);
    if (format == DateFormat::iso) return false;
    NumericDate numeric;
    if (split_numeric(text, numeric)) return store(numeric_date(numeric, format), out);
    if (auto date = serial_date(text)) return store(date, out);
  } else if (format == DateFormat::iso) {
    return false;
  }
  return store(named_month_date(text), out);
}

DateOrder date_order_of(std::string_view text) {
  text = trim(text);
  NumericDate n;
  if (!strip_time(text) || !split_numeric(text, n) || n.first == n.second) return DateOrder::none;
  if (n.first > 12) return Date::from_ymd(n.year, n.second, n.first) ? DateOrder::day_first : DateOrder::none;
  if (n.second > 12) return Date::from_ymd(n.year, n.first, n.second) ? DateOrder::month_first : DateOrder::none;
  return n.first >= 1 && n.second >= 1 ? DateOrder::ambiguous : DateOrder::none;
}

std::string date_forms(DateFormat format, Lang lang) {
  std::string_view key = "date_forms_automatic";
  switch (format) {
    case DateFormat::automatic:
      break;
    case DateFormat::iso:
      key = "date_forms_iso";
      break;
    case DateFormat::ymd:
      key = "date_forms_ymd";
      break;
    case DateFormat::mdy:
      key = "date_forms_mdy";
      break;
    case DateFormat::dmy:
      key = "date_forms_dmy";
      break;
  }
  return Problem(key).message(lang);
}

std::string format_date(Date date, DateFormat format) {
  std::string iso = date.to_iso();  // YYYY-MM-DD
  if (format == DateFormat::dmy) return iso.substr(8, 2) + '/' + iso.substr(5, 2) + '/' + iso.substr(0, 4);
  if (format == DateFormat::mdy) return iso.substr(5, 2) + '/' + iso.substr(8, 2) + '/' + iso.substr(0, 4);
  return iso;
}

}  // namespace ftstatus
