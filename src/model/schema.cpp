#include "ftstatus/schema.h"

#include "ftstatus/date.h"
#include "model/names.h"

namespace ftstatus {

namespace {

// Reads 1 to `max_digits` digits at text[i], advancing i.
bool read_number(std::string_view text, std::size_t& i, std::size_t max_digits, int& out) {
  std::size_t start = i;
  out = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < max_digits)
    out = out * 10 + (text[i++] - '0');
  return i > start;
}

}  // namespace

std::string_view type_name(ColumnType type) {
  switch (type) {
    case ColumnType::string:
      return "string";
    case ColumnType::integer:
      return "int";
    case ColumnType::boolean:
      return "bool";
    case ColumnType::date:
      return "date";
    case ColumnType::enumeration:
      return "enum";
  }
  return "string";
}

std::optional<ColumnType> parse_column_type(std::string_view text) {
  if (text == "string") return ColumnType::string;
  if (text == "int" || text == "integer") return ColumnType::integer;
  if (text == "bool" || text == "boolean") return ColumnType::boolean;
  if (text == "date") return ColumnType::date;
  if (text == "enum") return ColumnType::enumeration;
  return std::nullopt;
}

std::optional<DateFormat> parse_date_format(std::string_view text) {
  if (text == "iso") return DateFormat::iso;
  if (text == "mdy") return DateFormat::mdy;
  if (text == "dmy") return DateFormat::dmy;
  return std::nullopt;
}

std::string normalize_header(std::string_view header) {
  std::string key = fold_name(header);
  std::erase(key, ' ');
  return key;
}

int Schema::find(std::string_view id) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == id) return static_cast<int>(i);
  return -1;
}

int Schema::match_header(std::string_view header) const {
  std::string key = normalize_header(header);
  if (key.empty()) return -1;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (normalize_header(columns[i].id) == key) return static_cast<int>(i);
    for (const std::string& alias : columns[i].aliases)
      if (normalize_header(alias) == key) return static_cast<int>(i);
  }
  return -1;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) {
  // Runs on every cell: plain loops, not find_first_not_of's per-byte set search.
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && space(text[begin])) ++begin;
  while (end > begin && space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool parse_bool(std::string_view text, bool& out) {
  text = trim(text);
  for (std::string_view yes : {"true", "yes", "y", "1", "si"})
    if (iequals_ascii(text, yes)) return out = true, true;
  // Spanish "sí" in any case ("SÍ", "Sí"): the accented letter needs Unicode case mapping.
  if (equals_ignoring_case(text, "s\xC3\xAD")) return out = true, true;
  for (std::string_view no : {"false", "no", "n", "0"})
    if (iequals_ascii(text, no)) return out = false, true;
  return false;
}

bool parse_integer(std::string_view text, std::int64_t& out) {
  text = trim(text);
  if (text.empty()) return false;
  bool negative = text[0] == '-';
  std::size_t i = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (i == text.size() || text.size() - i > 18) return false;
  std::int64_t value = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = negative ? -value : value;
  return true;
}

int parse_enum(const Column& column, std::string_view text) {
  text = trim(text);
  for (std::size_t i = 0; i < column.values.size(); ++i)
    if (iequals_ascii(text, column.values[i])) return static_cast<int>(i);
  if (column.value_aliases.empty() || text.empty()) return -1;
  // Not a value as written: only now pay for folding accents, in a buffer
  // reused from cell to cell.
  thread_local std::string folded;
  fold_name_into(folded, text);
  for (const auto& [alias, index] : column.value_aliases)
    if (alias == folded) return index;
  return -1;
}

bool parse_date(std::string_view text, DateFormat format, std::int64_t& out) {
  text = trim(text);
  std::optional<Date> date;
  if (format == DateFormat::iso) {
    date = Date::parse_iso(text);
  } else {
    // 3/7/2026, 03/07/2026, 3-7-2026 or 3.7.2026
    int first = 0;
    int second = 0;
    int year = 0;
    std::size_t i = 0;
    if (!read_number(text, i, 2, first) || i >= text.size()) return false;
    char sep = text[i++];
    if (sep != '/' && sep != '-' && sep != '.') return false;
    if (!read_number(text, i, 2, second) || i >= text.size() || text[i++] != sep) return false;
    std::size_t year_start = i;
    if (!read_number(text, i, 4, year) || i != text.size() || i - year_start != 4) return false;
    date = format == DateFormat::mdy ? Date::from_ymd(year, first, second) : Date::from_ymd(year, second, first);
  }
  if (!date) return false;
  out = date->days();
  return true;
}

}  // namespace ftstatus
