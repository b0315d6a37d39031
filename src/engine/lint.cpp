#include "engine/lint.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "ftstatus/problems.h"

namespace ftstatus {

namespace {

constexpr std::size_t kMaxClasses = 64;
constexpr std::size_t kMaxBoxes = 200000;
// Box words compared or built, in all: a few seconds of analysis. Many rules
// over many columns can need far more (the work grows with rules times boxes);
// past this the analysis stops with a warning rather than hang.
constexpr std::uint64_t kMaxSteps = 1'000'000'000;

using Box = std::vector<std::uint64_t>;  // per analysed column, a bit per value class

// The value classes of one column and a representative cell for each.
struct Domain {
  int column = -1;
  std::vector<CellValue> classes;
  std::vector<std::string> labels;  // how an example record shows each class
  std::vector<std::string> texts;   // storage for string classes' text
  std::uint64_t full() const { return classes.size() == 64 ? ~0ull : (1ull << classes.size()) - 1; }
};

// A finding in the catalogue's words (src/model/problem_catalogue.cpp).
LintFinding make_finding(int line, const Problem& problem, Lang lang) {
  LintFinding f;
  f.error = problem.info().severity == Severity::error;
  f.code = std::string(problem.code());
  f.line = line;
  f.message = problem.text(lang);
  return f;
}

void collect(const Condition& c, std::map<int, std::vector<const Condition*>>& by_column) {
  if (c.column >= 0 && c.children.empty()) by_column[c.column].push_back(&c);
  for (const Condition& child : c.children) collect(child, by_column);
}

class Analysis {
 public:
  Analysis(const Taxonomy& t, const RuleSet& rules, Date as_of, Lang lang)
      : t_(t), rules_(rules), as_of_(as_of.days()), lang_(lang) {}

  std::vector<LintFinding> run() {
    std::map<int, std::vector<const Condition*>> by_column;
    for (const Rule& rule : rules_.rules) collect(rule.when, by_column);
    domains_.reserve(by_column.size());  // classes hold views into their domain's texts: never move them
    for (auto& [column, conditions] : by_column) {
      if (!build_domain(column, conditions)) return findings_;
    }
    cells_.assign(rules_.schema.columns.size(), CellValue{});

    std::vector<Box> remaining{full_box()};
    std::vector<std::vector<Box>> rule_boxes;
    std::set<StatusIndex> produced;
    for (std::size_t i = 0; i < rules_.rules.size(); ++i) {
      const Rule& rule = rules_.rules[i];
      current_line_ = rule.line;
      std::vector<Box> boxes = to_boxes(rule.when);
      if (too_complex_) return findings_;
      bool reachable = false;
      for (const Box& b : boxes)
        for (const Box& r : remaining) reachable = reachable || intersects(b, r);
      if (!reachable)
        report_unreachable(i, boxes, rule_boxes);
      else
        for (StatusIndex s = rule.then; s != kNoStatus; s = t_.at(s).parent) produced.insert(s);
      for (const Box& b : boxes) remaining = subtract(remaining, b);
      if (too_complex_) return findings_;
      rule_boxes.push_back(std::move(boxes));
    }
    if (!remaining.empty()) {
      std::string record = example(remaining.front());
      findings_.push_back(finding(rules_.rules.empty() ? 0 : rules_.rules.back().line,
                                  Problem(record.empty() ? "rule_gap/any_record" : "rule_gap", {{"example", record}})));
    }
    for (std::size_t i = 0; i < t_.statuses().size(); ++i) {
      const Status& s = t_.statuses()[i];
      bool assignable = s.level > 1 || s.children.empty();
      if (!assignable || produced.count(static_cast<StatusIndex>(i)) != 0) continue;
      if (s.level == 3) continue;  // L3s are optional detail; rules need not produce them
      findings_.push_back(
          finding(s.line, Problem("status_not_produced", {{"status", t_.path(static_cast<StatusIndex>(i))}})));
    }
    return findings_;
  }

 private:
  LintFinding finding(int line, const Problem& problem) const { return make_finding(line, problem, lang_); }

  bool build_domain(int column, const std::vector<const Condition*>& conditions) {
    const Column& col = rules_.schema.columns[static_cast<std::size_t>(column)];
    Domain d;
    d.column = column;
    auto add = [&](CellValue v, std::string label) {
      d.classes.push_back(v);
      d.labels.push_back(std::move(label));
    };
    add(CellValue{}, "empty");
    switch (col.type) {
      case ColumnType::enumeration:
        for (std::size_t v = 0; v < col.values.size(); ++v)
          add({false, static_cast<std::int64_t>(v), {}}, col.values[v]);
        break;
      case ColumnType::boolean:
        add({false, 0, {}}, "false");
        add({false, 1, {}}, "true");
        break;
      case ColumnType::integer:
      case ColumnType::date: {
        std::set<std::int64_t> points;
        for (const Condition* c : conditions) {
          if (c->kind == Condition::Kind::compare) points.insert(c->relative_days ? as_of_ - c->number : c->number);
          for (std::int64_t n : c->numbers) points.insert(n);
        }
        std::set<std::int64_t> reps;
        constexpr std::int64_t kLowest = std::numeric_limits<std::int64_t>::min();
        constexpr std::int64_t kHighest = std::numeric_limits<std::int64_t>::max();
        for (std::int64_t p : points) reps.insert({p == kLowest ? p : p - 1, p, p == kHighest ? p : p + 1});
        // A date cell holds a day of the years 1 to 9999: a day outside them is no record's value.
        if (col.type == ColumnType::date)
          std::erase_if(reps, [](std::int64_t r) { return !Date::from_days(static_cast<long>(r)).in_range(); });
        if (reps.empty()) reps.insert(0);
        for (std::int64_t r : reps)
          add({false, r, {}},
              col.type == ColumnType::date ? Date::from_days(static_cast<long>(r)).to_iso() : std::to_string(r));
        break;
      }
      case ColumnType::string: {
        std::set<std::string> constants;
        for (const Condition* c : conditions) constants.insert(c->strings.begin(), c->strings.end());
        d.texts.assign(constants.begin(), constants.end());
        // "\x01" marks the class of every other text (GCC 12 warns falsely on "lit" + string).
        std::string other(1, '\x01');
        other += Problem("lint_any_other_text").message(lang_);
        d.texts.push_back(std::move(other));
        break;
      }
    }
    if (col.type == ColumnType::string) {
      for (const std::string& text : d.texts) {
        bool other = text[0] == '\x01';
        add({false, 0, {}}, other ? text.substr(1) : "\"" + text + "\"");
      }
    }
    if (d.classes.size() > kMaxClasses) {
      findings_.push_back(
          finding(col.line, Problem("too_complex", {{"column", col.id}, {"limit", std::to_string(kMaxClasses)}})));
      return false;
    }
    domain_index_[column] = domains_.size();
    domains_.push_back(std::move(d));
    // string_views into texts must be taken after the Domain has its final home
    Domain& stored = domains_.back();
    if (col.type == ColumnType::string)
      for (std::size_t k = 0; k < stored.texts.size(); ++k) stored.classes[k + 1].text = stored.texts[k];
    return true;
  }

  Box full_box() const {
    Box b;
    for (const Domain& d : domains_) b.push_back(d.full());
    return b;
  }

  // The classes of a leaf condition's column for which it holds.
  std::uint64_t leaf_mask(const Condition& c) {
    const Domain& d = domains_[domain_index_.at(c.column)];
    std::uint64_t mask = 0;
    for (std::size_t k = 0; k < d.classes.size(); ++k) {
      cells_[static_cast<std::size_t>(c.column)] = d.classes[k];
      if (c.holds(cells_.data(), as_of_)) mask |= 1ull << k;
    }
    cells_[static_cast<std::size_t>(c.column)] = CellValue{};
    return mask;
  }

  std::vector<Box> to_boxes(const Condition& c) {
    if (c.column >= 0 && c.children.empty()) {
      Box b = full_box();
      b[domain_index_.at(c.column)] = leaf_mask(c);
      return {b};
    }
    if (c.kind == Condition::Kind::any) {
      std::vector<Box> out;
      for (const Condition& child : c.children) {
        std::vector<Box> part = to_boxes(child);
        if (too_complex_ || out.size() + part.size() > kMaxBoxes) return too_complex();
        out.insert(out.end(), part.begin(), part.end());
      }
      return out;
    }
    std::vector<Box> out{full_box()};  // all: intersect the children
    for (const Condition& child : c.children) {
      std::vector<Box> part = to_boxes(child);
      // Check the product's size before building it: nested any/all groups can multiply.
      if (too_complex_ || out.size() * part.size() > kMaxBoxes) return too_complex();
      if (!spend(out.size() * part.size() * domains_.size())) return {};
      std::vector<Box> next;
      for (const Box& a : out)
        for (const Box& b : part) {
          Box both(a.size());
          bool empty = false;
          for (std::size_t k = 0; k < a.size(); ++k) empty = empty || (both[k] = a[k] & b[k]) == 0;
          if (!empty) next.push_back(std::move(both));
        }
      out = std::move(next);
    }
    return out;
  }

  std::vector<Box> too_complex() {
    if (!too_complex_) findings_.push_back(finding(0, Problem("too_complex/alternatives")));
    too_complex_ = true;
    return {};
  }

  // Counts `steps` of work; false (with a warning at the rule being analysed)
  // once the analysis has done kMaxSteps. After that every result is void.
  bool spend(std::uint64_t steps) {
    steps_ += steps;
    if (steps_ <= kMaxSteps || too_complex_) return !too_complex_;
    findings_.push_back(finding(current_line_, Problem("too_complex/work", {{"limit", std::to_string(kMaxSteps)}})));
    too_complex_ = true;
    return false;
  }

  bool intersects(const Box& a, const Box& b) {
    if (!spend(a.size())) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
      if ((a[k] & b[k]) == 0) return false;
    return true;
  }

  // Every box of `from` minus `cut`, as disjoint boxes.
  std::vector<Box> subtract(const std::vector<Box>& from, const Box& cut) {
    std::vector<Box> out;
    for (const Box& a : from) {
      if (too_complex_) return {};
      // Each box may split into one piece per column: stop before the pieces outgrow the bound.
      if (out.size() > kMaxBoxes) return too_complex();
      if (!spend(a.size())) return {};
      if (!intersects(a, cut)) {
        out.push_back(a);
        continue;
      }
      Box rest = a;
      for (std::size_t k = 0; k < rest.size(); ++k) {
        std::uint64_t outside = rest[k] & ~cut[k];
        if (outside == 0) continue;
        Box piece = rest;
        piece[k] = outside;
        out.push_back(std::move(piece));
        rest[k] &= cut[k];
      }
    }
    if (out.size() > kMaxBoxes) return too_complex();
    return out;
  }

  // False, too, once the analysis has stopped (too_complex_): no finding is made of a void result.
  bool covers(const std::vector<Box>& outer, const std::vector<Box>& inner) {
    std::vector<Box> left = inner;
    for (const Box& b : outer) left = subtract(left, b);
    return left.empty() && !too_complex_;
  }

  void report_unreachable(std::size_t i, const std::vector<Box>& boxes, const std::vector<std::vector<Box>>& earlier) {
    const Rule& rule = rules_.rules[i];
    for (std::size_t j = 0; j < earlier.size() && !too_complex_; ++j) {
      if (covers(earlier[j], boxes) && covers(boxes, earlier[j])) {
        const Rule& other = rules_.rules[j];
        findings_.push_back(finding(
            rule.line, Problem(rule.then == other.then ? "rule_duplicate/same_status" : "rule_duplicate",
                               {{"rule", rule.id}, {"other", other.id}, {"other_line", std::to_string(other.line)}})));
        return;
      }
    }
    if (boxes.empty()) {
      findings_.push_back(finding(rule.line, Problem("rule_unreachable/contradiction", {{"rule", rule.id}})));
      return;
    }
    // Name one earlier rule that covers it alone when there is one; else the
    // earlier rules that, in order, take a part of what it matches.
    std::vector<std::string> covering;
    for (std::size_t j = 0; j < earlier.size() && covering.empty(); ++j)
      if (covers(earlier[j], boxes)) covering.push_back(fmt::format("'{}'", rules_.rules[j].id));
    const bool single = !covering.empty();
    std::vector<Box> left = boxes;
    for (std::size_t j = 0; j < earlier.size() && !single && !left.empty(); ++j) {
      std::vector<Box> next = left;
      for (const Box& b : earlier[j]) next = subtract(next, b);
      if (next != left) covering.push_back(fmt::format("'{}'", rules_.rules[j].id));
      left = std::move(next);
    }
    if (too_complex_) return;
    findings_.push_back(
        finding(rule.line, Problem(covering.size() == 1 ? "rule_unreachable/one_rule" : "rule_unreachable",
                                   {{"rule", rule.id}, {"rules", fmt::format("{}", fmt::join(covering, ", "))}})));
  }

  // One record in the box, as "{column=value, ...}"; empty when no column is
  // analysed (any record will do).
  std::string example(const Box& box) const {
    std::string out;
    for (std::size_t k = 0; k < domains_.size(); ++k) {
      const Domain& d = domains_[k];
      std::size_t cls = 0;
      while (((box[k] >> cls) & 1u) == 0) ++cls;
      out += fmt::format("{}{}={}", out.empty() ? "" : ", ",
                         rules_.schema.columns[static_cast<std::size_t>(d.column)].id, d.labels[cls]);
    }
    return out.empty() ? std::string() : "{" + out + "}";
  }

  const Taxonomy& t_;
  const RuleSet& rules_;
  std::int64_t as_of_;
  Lang lang_;
  std::vector<Domain> domains_;
  std::map<int, std::size_t> domain_index_;
  std::vector<CellValue> cells_;
  std::vector<LintFinding> findings_;
  bool too_complex_ = false;
  std::uint64_t steps_ = 0;
  int current_line_ = 0;  // of the rule being analysed, for the warning that stops it
};

}  // namespace

std::vector<LintFinding> lint_rules(const Taxonomy& taxonomy, const RuleSet& rules, Date as_of, Lang lang) {
  return Analysis(taxonomy, rules, as_of, lang).run();
}

}  // namespace ftstatus
