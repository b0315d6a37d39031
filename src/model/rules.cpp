#include "ftstatus/rules.h"

#include <algorithm>

namespace ftstatus {

namespace {

// Whether a non-empty cell is one of the condition's values.
bool in_values(const Condition& c, const CellValue& cell) {
  switch (c.type) {
    case ColumnType::enumeration:
    case ColumnType::boolean:
      return cell.value >= 0 && cell.value < 64 && ((c.mask >> cell.value) & 1u) != 0;
    case ColumnType::integer:
    case ColumnType::date:
      return std::find(c.numbers.begin(), c.numbers.end(), cell.value) != c.numbers.end();
    case ColumnType::string:
      for (const std::string& s : c.strings)
        if (iequals_ascii(cell.text, s)) return true;
      return false;
  }
  return false;
}

}  // namespace

bool Condition::holds(const CellValue* cells, std::int64_t as_of_days) const {
  switch (kind) {
    case Kind::all:
      for (const Condition& child : children)
        if (!child.holds(cells, as_of_days)) return false;
      return true;
    case Kind::any:
      for (const Condition& child : children)
        if (child.holds(cells, as_of_days)) return true;
      return false;
    case Kind::empty:
      return cells[column].empty;
    case Kind::not_empty:
      return !cells[column].empty;
    case Kind::one_of: {
      const CellValue& cell = cells[column];
      return cell.empty ? match_empty : in_values(*this, cell);
    }
    case Kind::none_of: {
      const CellValue& cell = cells[column];
      return cell.empty ? !match_empty : !in_values(*this, cell);
    }
    case Kind::compare: {
      const CellValue& cell = cells[column];
      if (cell.empty) return false;
      std::int64_t limit = relative_days ? as_of_days - number : number;
      switch (cmp) {
        case Cmp::lt:
          return cell.value < limit;
        case Cmp::le:
          return cell.value <= limit;
        case Cmp::gt:
          return cell.value > limit;
        case Cmp::ge:
          return cell.value >= limit;
      }
    }
  }
  return false;
}

int first_match(const std::vector<Rule>& rules, const CellValue* cells, std::int64_t as_of_days) {
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].when.holds(cells, as_of_days)) return static_cast<int>(i);
  return -1;
}

}  // namespace ftstatus
