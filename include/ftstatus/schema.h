#pragma once
// ftstatus public API, layer: model.
// The record schema: the columns the rules read, their types, and how CSV
// headers find them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftstatus/date.h"
#include "ftstatus/lang.h"

namespace ftstatus {

enum class ColumnType { string, integer, boolean, date, enumeration };

std::string_view type_name(ColumnType type);
std::optional<ColumnType> parse_column_type(std::string_view text);

// How numeric dates are read. `automatic` (the default of --date-format)
// is decided per column by the pipeline from the values; parse_date given
// `automatic` accepts only forms that are not ambiguous.
enum class DateFormat { automatic, iso, ymd, mdy, dmy };
// "auto", "iso", "ymd", "mdy", "dmy"; nullopt otherwise.
std::optional<DateFormat> parse_date_format(std::string_view text);

struct Column {
  std::string id;
  ColumnType type = ColumnType::string;
  std::vector<std::string> values;  // enum values, in file order
  // Other spellings of enum values ("sí" for yes), folded with fold_name.
  std::vector<std::pair<std::string, int>> value_aliases;
  bool required = false;             // the CSV header must have it
  bool optional = false;             // may be absent although a rule reads it (it is then empty)
  bool unique = false;               // a repeated value is a duplicate_id problem
  std::vector<std::string> aliases;  // other header names (e.g. Spanish)
  int line = 0;
};

struct Schema {
  std::vector<Column> columns;

  // Index of the column with this id, or -1.
  int find(std::string_view id) const;
  // Index of the column a CSV header names (id or alias, compared with
  // normalize_header), or -1.
  int match_header(std::string_view header) const;
};

// Header comparison ignores case, accents, spaces, underscores and hyphens:
// "Entitlement ID", "entitlement-id" and "ENTITLEMENT_ID" are the same.
std::string normalize_header(std::string_view header);

// Cell parsing shared by the rules loader and classification, as
// spreadsheets write cells (src/model/values.cpp, src/model/dates.cpp).
// Cells are trimmed. Each runs once per cell: a plain ASCII cell written the
// usual way costs no allocation.
// Spaces are ' ', tab, CR and LF.
std::string_view trim_spaces(std::string_view text);
inline std::string_view trim(std::string_view text) {
  // Nearly every cell has no space at either end: two compares and no call.
  // Every space is a byte <= ' '.
  if (text.empty() || (static_cast<unsigned char>(text.front()) > ' ' && static_cast<unsigned char>(text.back()) > ' '))
    return text;
  return trim_spaces(text);
}
// Equal ignoring ASCII case (enum values, string conditions).
bool iequals_ascii(std::string_view a, std::string_view b);
// Any case: true/false, yes/no, y/n, 1/0, x (true), sí/si/no, oui/non,
// ja/nein, sim/não, and Excel's TRUE/FALSE in Spanish (VERDADERO/FALSO),
// Portuguese (VERDADEIRO/FALSO), French (VRAI/FAUX), German (WAHR/FALSCH)
// and Italian (VERO/FALSO).
bool parse_bool(std::string_view text, bool& out);
// An optional sign, then digits, optionally grouped by thousands with one
// kind of separator ('.', ',', ' ', U+00A0 or U+202F): the first group 1 to 3
// digits, every later one exactly 3 ("1.200", "2 000"). "1.5", "1.200,50" and
// numbers outside int64 are refused.
bool parse_integer(std::string_view text, std::int64_t& out);
// Enum value index, or -1. Values compare ignoring ASCII case, then like
// headers (normalize_header: case, accents, spaces, '_' and '-' ignored, so
// "IT Change" is it_change); value aliases the same way.
int parse_enum(const Column& column, std::string_view text);

// Days since 1970-01-01. Accepted with every format: ISO yyyy-mm-dd (also
// with '/' or '.', and with a time or zone after it: the date part counts).
// Every format but iso also accepts month names in English and Spanish
// ("2-mar-2026", "Mar 2, 2026", "2 de marzo de 2027") and Excel serial
// numbers from 1950 to 9999 (45000 is 2023-03-15). Numeric d/m/y and m/d/y
// ('/', '-' or '.', 2- or 4-digit years, 00-29 being 20xx, optionally with a
// time) follow dmy or mdy; `automatic` accepts only those that read the same
// either way or have a part above 12; ymd reads yy/mm/dd instead.
bool parse_date(std::string_view text, DateFormat format, std::int64_t& out);

// What one cell says about day/month order, for deciding a column's format.
enum class DateOrder {
  none,         // not a numeric d/m form (ISO, month name, serial, garbage), or both parts equal
  day_first,    // the first part is above 12 ("25/03/2026")
  month_first,  // the second part is above 12 ("03/25/2026")
  ambiguous,    // both parts are 1 to 12 ("02/03/2026")
};
DateOrder date_order_of(std::string_view text);

// The forms parse_date tries with `format`, as a short list for messages
// ("YYYY-MM-DD, DD/MM/YYYY, 2 mar 2026, an Excel serial number").
std::string date_forms(DateFormat format, Lang lang);

// A date written the way a column read with `format` holds them, so a cell
// ftstatus fills matches its neighbours: DD/MM/YYYY for dmy, MM/DD/YYYY for
// mdy, YYYY-MM-DD otherwise.
std::string format_date(Date date, DateFormat format);

}  // namespace ftstatus
