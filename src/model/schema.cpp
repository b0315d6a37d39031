#include "ftstatus/schema.h"

#include "model/names.h"

namespace ftstatus {

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

}  // namespace ftstatus
