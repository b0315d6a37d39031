// Cell values as spreadsheets write them: booleans in Excel's languages,
// integers with thousands separators, enum values spelled like headers.
// Every function here runs once per cell, so the plain-ASCII case that
// matches as written costs no allocation and no Unicode table look-up.
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "ftstatus/schema.h"
#include "model/names.h"

namespace ftstatus {

namespace {

constexpr char lower_ascii_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Every word Excel or a person writes for yes or no, lower case ASCII. Excel
// writes its TRUE/FALSE in the user's language: VERDADERO (es), VERDADEIRO
// (pt), VRAI (fr), WAHR (de), VERO (it).
constexpr std::string_view kTrueWords[] = {"true",       "yes",  "y",    "1",    "x",   "si", "verdadero",
                                           "verdadeiro", "vrai", "wahr", "vero", "oui", "ja", "sim"};
constexpr std::string_view kFalseWords[] = {"false", "no", "n", "0", "falso", "faux", "falsch", "non", "nein", "nao"};
constexpr std::size_t kLongestBoolWord = 10;  // "verdadeiro"

bool in_list(std::string_view lower, const auto& words) {
  for (std::string_view word : words)
    if (word == lower) return true;
  return false;
}

// The length of a thousands separator at text[i], or 0: '.', ',', ' ',
// no-break space (U+00A0) or narrow no-break space (U+202F), as UTF-8.
std::size_t separator_length(std::string_view text, std::size_t i) {
  char c = text[i];
  if (c == '.' || c == ',' || c == ' ') return 1;
  if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') return 2;
  if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\xAF') return 3;
  return 0;
}

// parse_integer's slow path: digits grouped by thousands, or too many
// digits for the fast path. `digits` follows the sign.
bool parse_long_or_grouped_integer(std::string_view digits, bool negative, std::int64_t& out) {
  // The magnitude of INT64_MIN is one more than INT64_MAX.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1U : 0U);
  const std::uint64_t most_before_last_digit = limit / 10;
  std::uint64_t value = 0;
  std::size_t group_digits = 0;  // digits since the start or the last separator
  std::string_view separator;    // the one separator kind this number uses
  bool grouped = false;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    const char c = digits[i];
    if (is_digit(c)) {
      const auto digit = static_cast<std::uint64_t>(c - '0');
      if (value > most_before_last_digit || (value == most_before_last_digit && digit > limit % 10)) return false;
      value = value * 10 + digit;
      ++group_digits;
      continue;
    }
    // "1.200", "2 000": the first group 1 to 3 digits, every later one exactly 3.
    const std::size_t length = separator_length(digits, i);
    if (length == 0) return false;
    if (grouped ? group_digits != 3 : group_digits == 0 || group_digits > 3) return false;
    const std::string_view this_separator = digits.substr(i, length);
    if (grouped && this_separator != separator) return false;  // "1.200,50"
    separator = this_separator;
    grouped = true;
    group_digits = 0;
    i += length - 1;
  }
  if (group_digits == 0 || (grouped && group_digits != 3)) return false;
  out = negative ? static_cast<std::int64_t>(0 - value) : static_cast<std::int64_t>(value);
  return true;
}

// Value in the style of normalize_header (case, accents and every
// separator ignored), kept in a per-thread buffer so that no call allocates
// once it has grown.
std::string_view compact_key(std::string& buffer, std::string_view text) {
  fold_name_into(buffer, text);
  std::erase(buffer, ' ');
  return buffer;
}

// True when `key` (a compact_key) equals `folded` ignoring its spaces; for
// value aliases, which the loader folded with fold_name.
bool equals_ignoring_spaces(std::string_view key, std::string_view folded) {
  std::size_t k = 0;
  for (char c : folded) {
    if (c == ' ') continue;
    if (k == key.size() || key[k] != c) return false;
    ++k;
  }
  return k == key.size();
}

// True when `key` (a compact_key) is the compact key of `value`. An ASCII
// value (every id) is folded on the fly; any other value goes through
// fold_name in a second reused buffer.
bool matches_value(std::string_view key, std::string_view value) {
  std::size_t k = 0;
  for (char c : value) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      thread_local std::string folded_value;
      return compact_key(folded_value, value) == key;
    }
    c = lower_ascii_char(c);
    if (!((c >= 'a' && c <= 'z') || is_digit(c))) continue;
    if (k == key.size() || key[k] != c) return false;
    ++k;
  }
  return k == key.size();
}

}  // namespace

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0) return true;  // as written: the usual case
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_ascii_char(a[i]) != lower_ascii_char(b[i])) return false;
  return true;
}

std::string_view trim_spaces(std::string_view text) {
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
  if (text.empty() || text.size() > kLongestBoolWord) return false;
  char buffer[kLongestBoolWord];
  bool ascii = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) ascii = false;
    buffer[i] = lower_ascii_char(text[i]);
  }
  if (ascii) {
    const std::string_view lower(buffer, text.size());
    if (in_list(lower, kTrueWords)) return out = true, true;
    if (in_list(lower, kFalseWords)) return out = false, true;
    return false;
  }
  // Spanish "sí" and Portuguese "não" in any case ("SÍ", "NÃO"): the accented
  // letter needs Unicode case mapping.
  if (equals_ignoring_case(text, "s\xC3\xAD")) return out = true, true;
  if (equals_ignoring_case(text, "n\xC3\xA3o")) return out = false, true;
  return false;
}

bool parse_integer(std::string_view text, std::int64_t& out) {
  text = trim(text);
  if (text.empty()) return false;
  const bool negative = text[0] == '-';
  const std::size_t first_digit = text[0] == '-' || text[0] == '+' ? 1 : 0;
  if (first_digit == text.size()) return false;
  // The common cell: at most 18 plain digits, which cannot overflow.
  if (text.size() - first_digit <= 18) {
    std::int64_t plain = 0;
    std::size_t i = first_digit;
    for (; i < text.size(); ++i) {
      if (!is_digit(text[i])) break;
      plain = plain * 10 + (text[i] - '0');
    }
    if (i == text.size()) {
      out = negative ? -plain : plain;
      return true;
    }
  }
  return parse_long_or_grouped_integer(text.substr(first_digit), negative, out);
}

int parse_enum(const Column& column, std::string_view text) {
  text = trim(text);
  // The length first: most values differ in it, and the call is saved.
  for (std::size_t i = 0; i < column.values.size(); ++i)
    if (column.values[i].size() == text.size() && iequals_ascii(text, column.values[i])) return static_cast<int>(i);
  if (text.empty()) return -1;
  // Not a value as written ("IT Change", "on-premises", "Sí"): only now pay
  // for folding, in a buffer reused from cell to cell.
  thread_local std::string folded;
  const std::string_view key = compact_key(folded, text);
  if (key.empty()) return -1;
  for (std::size_t i = 0; i < column.values.size(); ++i)
    if (matches_value(key, column.values[i])) return static_cast<int>(i);
  for (const auto& [alias, index] : column.value_aliases)
    if (equals_ignoring_spaces(key, alias)) return index;
  return -1;
}

}  // namespace ftstatus
