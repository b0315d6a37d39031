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

RuleMatcher::RuleMatcher(const std::vector<Rule>& rules) : rule_count_(rules.size()), words_((rules.size() + 63) / 64) {
  auto sets_of = [this](int column) -> std::vector<std::uint64_t>& {
    for (ColumnSets& sets : columns_)
      if (sets.column == column) return sets.accept;
    // Every rule passes a column it does not test.
    columns_.push_back({column, std::vector<std::uint64_t>(64 * words_, ~std::uint64_t{0})});
    return columns_.back().accept;
  };
  auto add = [&](std::size_t rule, const Condition& c) {
    // Values 62 and 63 would share bit 63 with every larger value: those masks ask the Condition.
    const bool small_mask = (c.mask >> 62) == 0;
    const bool by_mask = (c.type == ColumnType::enumeration || c.type == ColumnType::boolean) && small_mask;
    std::uint64_t accept = 0;  // by state bit; 0 when the test is not a bit test
    bool bits = true;
    switch (c.kind) {
      case Condition::Kind::empty:
        accept = 1;
        break;
      case Condition::Kind::not_empty:
        accept = ~std::uint64_t{1};
        break;
      case Condition::Kind::one_of:
      case Condition::Kind::none_of:
        bits = by_mask;
        accept = c.mask << 1 | (c.match_empty ? 1 : 0);  // bit 63 (values >= 62) stays clear: not one of them
        if (c.kind == Condition::Kind::none_of) accept = ~accept;
        break;
      case Condition::Kind::compare:
      case Condition::Kind::all:
      case Condition::Kind::any:
        bits = false;
        break;
    }
    if (bits) {
      std::vector<std::uint64_t>& sets = sets_of(c.column);
      for (unsigned state = 0; state < 64; ++state)
        if ((accept >> state & 1) == 0) sets[state * words_ + rule / 64] &= ~(std::uint64_t{1} << (rule % 64));
      return;
    }
    Test t;
    t.column = c.column;
    t.condition = &c;
    if (c.kind == Condition::Kind::compare) {
      t.op = Test::Op::compare;
      t.cmp = c.cmp;
      t.number = c.number;
      t.relative_days = c.relative_days;
    }
    tests_.push_back(t);
  };
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Condition& when = rules[i].when;
    if (when.kind == Condition::Kind::all && when.column < 0) {
      for (const Condition& child : when.children) add(i, child);
    } else {
      add(i, when);  // a nested group: the Condition walks it
    }
    tests_end_.push_back(tests_.size());
  }
}

bool RuleMatcher::other_tests_hold(std::size_t rule, const CellValue* cells, std::int64_t as_of_days) const {
  for (std::size_t t = rule == 0 ? 0 : tests_end_[rule - 1]; t < tests_end_[rule]; ++t) {
    const Test& test = tests_[t];
    if (test.op == Test::Op::condition) {
      if (!test.condition->holds(cells, as_of_days)) return false;
      continue;
    }
    const CellValue& cell = cells[test.column];
    if (cell.empty) return false;
    const std::int64_t limit = test.relative_days ? as_of_days - test.number : test.number;
    bool holds = false;
    switch (test.cmp) {
      case Condition::Cmp::lt:
        holds = cell.value < limit;
        break;
      case Condition::Cmp::le:
        holds = cell.value <= limit;
        break;
      case Condition::Cmp::gt:
        holds = cell.value > limit;
        break;
      case Condition::Cmp::ge:
        holds = cell.value >= limit;
        break;
    }
    if (!holds) return false;
  }
  return true;
}

int RuleMatcher::first_match(const CellValue* cells, std::int64_t as_of_days) const {
  for (std::size_t w = 0; w < words_; ++w) {
    const std::size_t rules_here = std::min<std::size_t>(64, rule_count_ - 64 * w);
    std::uint64_t candidates = rules_here == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << rules_here) - 1;
    for (const ColumnSets& sets : columns_) candidates &= sets.accept[state_bit(cells[sets.column]) * words_ + w];
    for (; candidates != 0; candidates &= candidates - 1) {
      const std::size_t rule = 64 * w + static_cast<std::size_t>(__builtin_ctzll(candidates));
      if (other_tests_hold(rule, cells, as_of_days)) return static_cast<int>(rule);
    }
  }
  return -1;
}

int first_match(const std::vector<Rule>& rules, const CellValue* cells, std::int64_t as_of_days) {
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].when.holds(cells, as_of_days)) return static_cast<int>(i);
  return -1;
}

}  // namespace ftstatus
