#include "engine/explanation.h"

#include <bit>
#include <cstddef>
#include <string_view>
#include <vector>

#include "ftstatus/date.h"
#include "ftstatus/problems.h"
#include "model/names.h"

namespace ftstatus {

namespace {

// A rule missed by more cells than this is not "nearly" matched: naming it would mislead.
constexpr std::size_t kMaxNearMissCells = 2;

class Explainer {
 public:
  Explainer(const Classifier& classifier, const Record& record)
      : c_(classifier), record_(record), lang_(classifier.options().lang) {}

  std::string sentence(const RowResult& result) const {
    const std::vector<Rule>& rules = c_.rules().rules;
    if (result.rule < 0) {
      std::string out = Problem("explain_no_rule").message(lang_);
      append_near_miss(rules.size(), out);
      return out;
    }
    const Rule& rule = rules[static_cast<std::size_t>(result.rule)];
    const std::string status = status_path(result.status);
    if (rule.when.children.empty()) {
      std::string out = Problem("explain_catch_all", {{"status", status}, {"rule", rule.id}}).message(lang_);
      append_near_miss(static_cast<std::size_t>(result.rule), out);
      return out;
    }
    std::string held;
    describe_held(rule.when, held);
    return Problem("explain_because", {{"status", status}, {"conditions", held}, {"rule", rule.id}}).message(lang_);
  }

 private:
  std::string status_path(StatusIndex s) const {
    const Taxonomy& t = c_.taxonomy();
    std::string path;
    for (StatusIndex at = s; at != kNoStatus; at = t.at(at).parent)
      path.insert(0, (t.at(at).parent == kNoStatus ? "" : " / ") + t.at(at).name.get(lang_));
    return path;
  }

  // The header the file gives the column, or its id and a note that the file lacks it.
  std::string header(int column) const {
    const std::string_view h = c_.column_header(column);
    if (!h.empty()) return std::string(h);
    return Problem("explain_not_in_file", {{"column", c_.rules().schema.columns[static_cast<std::size_t>(column)].id}})
        .message(lang_);
  }

  std::string_view cell(int column) const {
    const int f = c_.field_of(column);
    return f >= 0 && static_cast<std::size_t>(f) < record_.fields.size()
               ? trim(record_.fields[static_cast<std::size_t>(f)])
               : std::string_view();
  }

  // The condition's values in words: "legal", "duplicate, invalid", "sí" for true in Spanish.
  std::string values(const Condition& c) const {
    const Column& column = c_.rules().schema.columns[static_cast<std::size_t>(c.column)];
    std::vector<std::string> words;
    if (c.type == ColumnType::enumeration) {
      for (std::size_t v = 0; v < column.values.size() && v < 64; ++v)
        if (((c.mask >> v) & 1u) != 0) words.push_back(column.values[v]);
    } else if (c.type == ColumnType::boolean) {
      if ((c.mask & 2u) != 0) words.push_back(Problem("explain_true").message(lang_));
      if ((c.mask & 1u) != 0) words.push_back(Problem("explain_false").message(lang_));
    } else if (c.type == ColumnType::date) {
      for (std::int64_t day : c.numbers) words.push_back(Date::from_days(static_cast<long>(day)).to_iso());
    } else if (c.type == ColumnType::integer) {
      for (std::int64_t n : c.numbers) words.push_back(std::to_string(n));
    } else {
      words = c.strings;
    }
    if (c.match_empty) words.push_back(Problem("explain_empty_value").message(lang_));
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "'" : ", '") + w + "'";
    return out;
  }

  // What a condition asks of its cell, in the run's language, without the column:
  // "not 'true'", ">= 3", "more than 90 days before the as-of date".
  std::string requirement(const Condition& c) const {
    if (c.kind == Condition::Kind::none_of) return Problem("explain_op_not", {{"values", values(c)}}).message(lang_);
    if (c.kind == Condition::Kind::one_of) return values(c);
    if (c.kind != Condition::Kind::compare) return {};
    const std::string n = std::to_string(c.number);
    if (c.relative_days)
      return Problem(c.cmp == Condition::Cmp::lt ? "explain_op_older" : "explain_op_newer", {{"days", n}})
          .message(lang_);
    static constexpr const char* kSymbols[] = {"<", "<=", ">", ">="};
    const std::string limit = c.type == ColumnType::date ? Date::from_days(static_cast<long>(c.number)).to_iso() : n;
    return std::string(kSymbols[static_cast<int>(c.cmp)]) + " " + limit;
  }

  void join(std::string& out, const std::string& part) const {
    if (!out.empty()) out += Problem("explain_and").message(lang_);
    out += part;
  }

  // The conditions that held, each as "Header is 'cell'".
  void describe_held(const Condition& c, std::string& out) const {
    if (c.column < 0) {
      for (const Condition& child : c.children) {
        if (c.kind == Condition::Kind::any && !child.holds(c_.cells().data(), as_of())) continue;
        describe_held(child, out);
        if (c.kind == Condition::Kind::any) break;  // the first group that held is the reason
      }
      return;
    }
    if (c.kind == Condition::Kind::all) {  // `column: {not: ..., ...}`: the cell once, each test after it
      for (const Condition& part : c.children) describe_held(part, out);
      return;
    }
    const std::string_view value = cell(c.column);
    const std::string column = header(c.column);
    if (value.empty() || c_.cell_invalid(c.column)) {
      join(out, Problem(value.empty() ? "explain_is_empty" : "explain_is_unreadable",
                        {{"column", column}, {"value", std::string(value)}})
                    .message(lang_));
      return;
    }
    const bool plain = c.kind == Condition::Kind::one_of || c.kind == Condition::Kind::not_empty;
    join(out, Problem(plain ? "explain_is" : "explain_is_with",
                      {{"column", column}, {"value", std::string(value)}, {"requirement", requirement(c)}})
                  .message(lang_));
  }

  // The leaf conditions of `c` that do not hold, and how many do.
  void leaves(const Condition& c, std::vector<const Condition*>& failing, std::size_t& held) const {
    if (c.kind == Condition::Kind::all && !c.children.empty()) {
      for (const Condition& child : c.children) leaves(child, failing, held);
      return;
    }
    // A test passed by an empty cell (or a column the file lacks) says nothing about the row.
    if (c.holds(c_.cells().data(), as_of()))
      held += c.column < 0 || !cell(c.column).empty() ? 1 : 0;
    else
      failing.push_back(&c);  // a leaf, or an `any` group: none of its groups held
  }

  // "Header were 'yes'", "Header were empty", "Header were >= 3".
  std::string wanted(const Condition& c) const {
    if (c.column < 0)
      return Problem("explain_were_group", {{"group", c.source}}).message(lang_);  // an `any` that did not hold
    const std::string column = header(c.column);
    if (c.kind == Condition::Kind::empty) return Problem("explain_were_empty", {{"column", column}}).message(lang_);
    if (c.kind == Condition::Kind::not_empty) return Problem("explain_were_given", {{"column", column}}).message(lang_);
    const bool single =
        c.kind == Condition::Kind::one_of && !c.match_empty &&
        (c.type == ColumnType::enumeration || c.type == ColumnType::boolean ? std::popcount(c.mask) == 1
                                                                            : c.numbers.size() + c.strings.size() == 1);
    if (c.kind == Condition::Kind::one_of && !single)
      return Problem("explain_were_one_of", {{"column", column}, {"values", values(c)}}).message(lang_);
    return Problem("explain_were", {{"column", column}, {"requirement", requirement(c)}}).message(lang_);
  }

  // The rule before `end` that came nearest: the fewest conditions failed (at most
  // kMaxNearMissCells), then the most held on cells the row fills, then the first. A
  // rule that none of the row's cells passed was not nearly matched, however short.
  void append_near_miss(std::size_t end, std::string& out) const {
    const std::vector<Rule>& rules = c_.rules().rules;
    std::size_t best = end;
    std::size_t best_held = 0;
    std::vector<const Condition*> best_failing;
    std::vector<const Condition*> missing;
    for (std::size_t i = 0; i < end; ++i) {
      missing.clear();
      std::size_t held = 0;
      leaves(rules[i].when, missing, held);
      if (missing.empty() || missing.size() > kMaxNearMissCells || held == 0) continue;
      const bool nearer = best == end || missing.size() < best_failing.size() ||
                          (missing.size() == best_failing.size() && held > best_held);
      if (nearer) {
        best = i;
        best_held = held;
        best_failing = missing;
      }
    }
    if (best == end) return;
    std::string conditions;
    for (const Condition* c : best_failing) join(conditions, wanted(*c));
    out += Problem("explain_near_miss",
                   {{"status", status_path(rules[best].then)}, {"conditions", conditions}, {"rule", rules[best].id}})
               .message(lang_);
  }

  std::int64_t as_of() const { return c_.options().as_of.days(); }

  const Classifier& c_;
  const Record& record_;
  Lang lang_;
};

}  // namespace

std::string explain_row(const Classifier& classifier, const Record& record, const RowResult& result) {
  return Explainer(classifier, record).sentence(result);
}

}  // namespace ftstatus
