#pragma once
// CSV injection (OWASP): a spreadsheet that opens a CSV runs a cell starting
// with '=', '+', '-', '@', a tab or a CR as a formula (=HYPERLINK(...),
// =cmd|'/C calc'!A0). Output meant for a spreadsheet writes such a text cell
// after an apostrophe, which spreadsheets take as "this is text"; a plain
// number (-5, +3.2, -1.5e3, -3,5, -1.200) is data, not a formula, and is left
// alone. Reading a cell back, the apostrophe is dropped again, so classifying
// an output gives the same statuses and writes the same bytes.
#include <string_view>

#include "ftstatus/schema.h"

namespace ftstatus {

constexpr bool is_formula_trigger(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// A number as spreadsheets read one: a sign, digits with '.', ',', spaces or
// no-break spaces between them (decimal and thousands separators of any
// locale; ftstatus's own integer parser takes the same), an exponent, a
// trailing '%'. Nothing in it can call a function or reference a cell.
constexpr bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  bool digit = false;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (; i < n; ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digit = true;
    } else if (c == '.' || c == ',') {
      // a separator, before or between digits
    } else if (c == ' ' && digit) {
      // a thousands space, or trailing spaces
    } else if (c == '\xC2' && digit && i + 1 < n && text[i + 1] == '\xA0') {
      ++i;  // a no-break space (UTF-8)
    } else {
      break;
    }
  }
  if (!digit) return false;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponent = i;
    while (i < n && is_digit(text[i])) ++i;
    if (i == exponent) return false;
  }
  if (i < n && text[i] == '%') ++i;
  while (i < n && text[i] == ' ') ++i;
  return i == n;
}

// Whether `cell`, written to a spreadsheet-bound CSV, needs the apostrophe.
// The hot path: one compare of the first byte for nearly every cell.
constexpr bool needs_formula_guard(std::string_view cell) {
  return !cell.empty() && is_formula_trigger(cell.front()) && !is_plain_number(cell);
}

// Whether `cell` starts with the apostrophe needs_formula_guard adds (or a
// person typed to the same end): it is left as it is, never given a second.
constexpr bool has_formula_guard(std::string_view cell) {
  return cell.size() >= 2 && cell[0] == '\'' && is_formula_trigger(cell[1]);
}

// A trimmed cell as the rules read it: without such an apostrophe, so a
// neutralised `'=x` is `=x` and `'-` is `-`, as a spreadsheet shows them.
inline std::string_view without_formula_guard(std::string_view trimmed) {
  return has_formula_guard(trimmed) ? trim(trimmed.substr(1)) : trimmed;
}

}  // namespace ftstatus
