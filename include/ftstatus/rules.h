#pragma once
// ftstatus public API, layer: model.
// Classification rules: an ordered list, the first rule whose `when` holds
// gives the status (the DMN "first" hit policy). Rules are resolved when the
// taxonomy is loaded: columns to indexes, enum values to bits, dates to day
// numbers, so a row is checked with integer compares only.
#include <cstdint>
#include <string>
#include <vector>

#include "ftstatus/schema.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

// One typed cell of a record, as the classifier parsed it.
struct CellValue {
  bool empty = true;       // missing column, empty cell, or a cell that did not parse
  std::int64_t value = 0;  // integer, bool (0/1), enum index or date (days)
  std::string_view text;   // trimmed text, for string columns
};

struct Condition {
  enum class Kind {
    all,      // every child holds
    any,      // at least one child holds
    one_of,   // the cell is one of the values (or empty, with match_empty)
    none_of,  // `not:` the cell is none of the values
    empty,
    not_empty,
    compare,  // <, <=, >, >= on integers and dates
  };
  enum class Cmp { lt, le, gt, ge };

  Kind kind = Kind::all;
  int column = -1;
  ColumnType type = ColumnType::string;  // the column's type
  Cmp cmp = Cmp::lt;
  std::int64_t number = 0;
  bool relative_days = false;         // number is "days before the as-of date" (older_than_days)
  bool match_empty = false;           // one_of/none_of: the list named `empty`
  std::uint64_t mask = 0;             // enum and bool values as bits
  std::vector<std::int64_t> numbers;  // integer and date values
  std::vector<std::string> strings;   // string values, lower-cased
  std::vector<Condition> children;
  std::string source;  // as written, for --explain and lint
  int line = 0;
  int col = 0;

  bool holds(const CellValue* cells, std::int64_t as_of_days) const;
};

struct Rule {
  std::string id;
  std::string description;
  Condition when;  // Kind::all; no children means "always"
  StatusIndex then = kNoStatus;
  int line = 0;
};

// The `columns` and `rules` sections of a taxonomy file.
struct RuleSet {
  Schema schema;
  std::vector<Rule> rules;
};

// The index of the first rule whose conditions hold, or -1.
int first_match(const std::vector<Rule>& rules, const CellValue* cells, std::int64_t as_of_days);

// first_match for one row after another, without walking the condition
// trees. Enum, bool, empty and not-empty tests are looked up all at once: the
// state of a cell (empty, or value v) selects, per column, a bit set of the
// rules whose tests on that column it passes; their AND leaves the candidates,
// in rule order, whose other tests (numbers, strings, nested groups) are then
// asked of the Condition. `rules` must outlive it, unchanged.
class RuleMatcher {
 public:
  explicit RuleMatcher(const std::vector<Rule>& rules);
  int first_match(const CellValue* cells, std::int64_t as_of_days) const;

 private:
  struct Test {
    enum class Op : unsigned char { compare, condition };
    Op op = Op::condition;
    Condition::Cmp cmp = Condition::Cmp::lt;
    bool relative_days = false;
    int column = -1;
    std::int64_t number = 0;  // compare
    const Condition* condition = nullptr;
  };
  // A column some rule tests by bits: accept[state * words_ + w] holds, for
  // rules 64w..64w+63, whether a cell in that state passes them.
  struct ColumnSets {
    int column = -1;
    std::vector<std::uint64_t> accept;
  };
  bool other_tests_hold(std::size_t rule, const CellValue* cells, std::int64_t as_of_days) const;

  std::size_t rule_count_ = 0;
  std::size_t words_ = 0;  // 64-rule words
  std::vector<ColumnSets> columns_;
  std::vector<Test> tests_;             // the tests that are not bits, rule by rule
  std::vector<std::size_t> tests_end_;  // rule i's are tests_[tests_end_[i-1], tests_end_[i])
};

}  // namespace ftstatus
