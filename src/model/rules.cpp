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

namespace {

// The bit a cell's state selects in RuleMatcher's masks.
unsigned state_bit(const CellValue& cell) {
  if (cell.empty) return 0;
  return static_cast<std::uint64_t>(cell.value) < 62 ? static_cast<unsigned>(cell.value) + 1 : 63;
}

}  // namespace

RuleMatcher::RuleMatcher(const std::vector<Rule>& rules) {
  auto add = [this](const Condition& c) {
    Test t;
    t.column = c.column;
    t.condition = &c;
    // Values 62 and 63 would share bit 63 with every larger value: those masks ask the Condition.
    const bool small_mask = (c.mask >> 62) == 0;
    const bool by_mask = (c.type == ColumnType::enumeration || c.type == ColumnType::boolean) && small_mask;
    switch (c.kind) {
      case Condition::Kind::empty:
        t.op = Test::Op::bits;
        t.accept = 1;
        break;
      case Condition::Kind::not_empty:
        t.op = Test::Op::bits;
        t.accept = ~std::uint64_t{1};
        break;
      case Condition::Kind::one_of:
      case Condition::Kind::none_of:
        if (by_mask) {
          t.op = Test::Op::bits;
          t.accept = c.mask << 1 | (c.match_empty ? 1 : 0);  // bit 63 (values >= 62) stays clear: not one of them
          if (c.kind == Condition::Kind::none_of) t.accept = ~t.accept;
        }
        break;
      case Condition::Kind::compare:
        t.op = Test::Op::compare;
        t.cmp = c.cmp;
        t.number = c.number;
        t.relative_days = c.relative_days;
        break;
      case Condition::Kind::all:
      case Condition::Kind::any:
        break;  // a nested group: the Condition walks it
    }
    tests_.push_back(t);
  };
  for (const Rule& rule : rules) {
    const Condition& when = rule.when;
    if (when.kind == Condition::Kind::all && when.column < 0) {
      for (const Condition& child : when.children) add(child);
    } else {
      add(when);
    }
    rule_end_.push_back(tests_.size());
  }
}

int RuleMatcher::first_match(const CellValue* cells, std::int64_t as_of_days) const {
  std::size_t t = 0;
  for (std::size_t i = 0; i < rule_end_.size(); ++i) {
    const std::size_t end = rule_end_[i];
    for (; t < end; ++t) {
      const Test& test = tests_[t];
      bool holds;
      if (test.op == Test::Op::bits) {
        holds = (test.accept >> state_bit(cells[test.column]) & 1) != 0;
      } else if (test.op == Test::Op::compare) {
        const CellValue& cell = cells[test.column];
        const std::int64_t limit = test.relative_days ? as_of_days - test.number : test.number;
        switch (test.cmp) {
          case Condition::Cmp::lt:
            holds = !cell.empty && cell.value < limit;
            break;
          case Condition::Cmp::le:
            holds = !cell.empty && cell.value <= limit;
            break;
          case Condition::Cmp::gt:
            holds = !cell.empty && cell.value > limit;
            break;
          default:
            holds = !cell.empty && cell.value >= limit;
            break;
        }
      } else {
        holds = test.condition->holds(cells, as_of_days);
      }
      if (!holds) break;
    }
    if (t == end) return static_cast<int>(i);
    t = end;  // the rest of this rule's tests
  }
  return -1;
}

int first_match(const std::vector<Rule>& rules, const CellValue* cells, std::int64_t as_of_days) {
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].when.holds(cells, as_of_days)) return static_cast<int>(i);
  return -1;
}

}  // namespace ftstatus
