#include "engine/explanation.h"

#include <cstddef>
#include <string_view>
#include <vector>

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

  // What the condition asks, without its column: "= yes" -> "yes", "in [a, b]" -> "a, b".
  static std::string_view requirement(const Condition& c, const Schema& schema) {
    std::string_view text = c.source;
    const std::string& id = schema.columns[static_cast<std::size_t>(c.column)].id;
    if (text.starts_with(id)) text.remove_prefix(id.size());
    return trim(text);
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
                      {{"column", column},
                       {"value", std::string(value)},
                       {"requirement", std::string(requirement(c, c_.rules().schema))}})
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
    std::string_view need = requirement(c, c_.rules().schema);
    if (c.kind == Condition::Kind::one_of && need.starts_with("= ")) {
      need.remove_prefix(2);
      return Problem("explain_were_value", {{"column", column}, {"value", std::string(trim(need))}}).message(lang_);
    }
    if (c.kind == Condition::Kind::one_of && need.starts_with("in [") && need.ends_with("]")) {
      need = need.substr(4, need.size() - 5);
      return Problem("explain_were_one_of", {{"column", column}, {"values", std::string(need)}}).message(lang_);
    }
    return Problem("explain_were", {{"column", column}, {"requirement", std::string(need)}}).message(lang_);
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
