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

// Cell parsing shared by the rules loader and classification. Cells are
// trimmed; enum and bool values compare case-insensitively.
std::string_view trim(std::string_view text);
// Equal ignoring ASCII case (enum values, string conditions).
bool iequals_ascii(std::string_view a, std::string_view b);
bool parse_bool(std::string_view text, bool& out);  // true/false yes/no y/n 1/0 sí/si
bool parse_integer(std::string_view text, std::int64_t& out);
// Enum value index, or -1. Values compare ignoring ASCII case; value
// aliases ignoring case and accents too.
int parse_enum(const Column& column, std::string_view text);
// Days since 1970-01-01.
bool parse_date(std::string_view text, DateFormat format, std::int64_t& out);

}  // namespace ftstatus
