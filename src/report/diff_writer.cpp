#include "report/diff_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "engine/formula_guard.h"
#include "io/json_writer.h"

namespace ftstatus {

namespace {

std::string iso(long days) { return days == kNoDate ? std::string() : Date::from_days(days).to_iso(); }

std::string count(long n) { return fmt::format("{}", n); }

// A target date for a person: YYYY-MM-DD, or "no date" in `lang`.
std::string date_in_words(long days, Lang lang) {
  return days == kNoDate ? Problem("diff_no_date").message(lang) : Date::from_days(days).to_iso();
}

// The status's ids by level: [l1, l2, l3], empty where it has none.
std::array<std::string, 3> level_ids(const Taxonomy& taxonomy, StatusIndex status) {
  std::array<std::string, 3> ids;
  for (; status != kNoStatus; status = taxonomy.at(status).parent) {
    const Status& s = taxonomy.at(status);
    ids[static_cast<std::size_t>(s.level - 1)] = s.id;
  }
  return ids;
}

StatusIndex l1_of(const Taxonomy& taxonomy, StatusIndex status) {
  while (taxonomy.at(status).parent != kNoStatus) status = taxonomy.at(status).parent;
  return status;
}

// Rows of the text report: a coloured status name, with '*' when it is ftstatus's suggestion.
class TextReport {
 public:
  TextReport(std::ostream& out, const Taxonomy& taxonomy, const DiffResult& diff, Lang lang, const Colours& colours)
      : out_(out), taxonomy_(taxonomy), diff_(diff), lang_(lang), colours_(colours) {}

  std::string status(StatusIndex status, bool suggested) const {
    std::string names;
    for (StatusIndex s = status; s != kNoStatus; s = taxonomy_.at(s).parent)
      names.insert(0, (taxonomy_.at(s).parent != kNoStatus ? " / " : "") + taxonomy_.at(s).name.get(lang_));
    return colours_.paint(names, Colours::of_status(taxonomy_, status)) + (suggested ? "*" : "");
  }
  std::string side(const DiffSide& side) const { return status(side.status, side.suggested); }
  std::string date(long days) const { return date_in_words(days, lang_); }
  void section(std::string_view key, long n, Colour colour, std::string as_of = {}) {
    Problem heading(key, {{"count", count(n)}});
    if (!as_of.empty()) heading.with("as_of", std::move(as_of));
    out_ << '\n' << colours_.paint(heading.message(lang_), colour) << '\n';
  }
  // Every change with `kind`, one a line, by `line`.
  template <typename Line>
  void list(std::string_view key, unsigned kind, Colour colour, Line line) {
    const long n = diff_.count(kind);
    if (n == 0) return;
    section(key, n, colour);
    for (const DiffChange& change : diff_.changes)
      if ((change.kinds & kind) != 0) out_ << "  " << change.id << "  " << line(change) << '\n';
  }
  std::string reason(const DiffChange& change) const { return regression_reason(taxonomy_, change, lang_); }

  std::ostream& out_;
  const Taxonomy& taxonomy_;
  const DiffResult& diff_;
  Lang lang_;
  const Colours& colours_;
};

}  // namespace

std::string regression_reason(const Taxonomy& taxonomy, const DiffChange& change, Lang lang) {
  switch (change.regression) {
    case Regression::back_to_start:
      return Problem("diff_back_to_start", {{"l1", taxonomy.at(l1_of(taxonomy, change.new_row.status)).name.get(lang)}})
          .message(lang);
    case Regression::left_active:
      return Problem("diff_left_active", {{"l1", taxonomy.at(l1_of(taxonomy, change.old_row.status)).name.get(lang)}})
          .message(lang);
    case Regression::earlier_phase:
      return Problem("diff_earlier_phase").message(lang);
    case Regression::missed_pushed:
      return Problem("diff_missed_pushed", {{"old_date", date_in_words(change.old_row.target_date, lang)},
                                            {"new_date", date_in_words(change.new_row.target_date, lang)}})
          .message(lang);
    case Regression::none:
      break;
  }
  return {};
}

namespace {

std::string unread_message(const DiffUnread& row, const DiffResult& diff, const RuleSet& rules, Lang lang,
                           bool with_fix) {
  const std::string key = "diff_unread_" + std::string(unread_code(row.why));
  const Problem problem(key, {{"file", (row.in_new ? diff.new_file : diff.old_file).input.name},
                              {"line", count(row.line)},
                              {"id", row.id},
                              {"cells", row.cells},
                              {"column", id_column_name(rules)}});
  return with_fix ? problem.text(lang) : problem.message(lang);
}

long changed_dates(const DiffResult& diff) { return diff.count(kDateEarlier | kDateLater | kDateSet | kDateCleared); }

// A CSV cell: quoted when it holds a delimiter, quote or line break; a
// formula-like one after an apostrophe (the report goes to spreadsheets).
void csv_cell(std::ostream& out, std::string_view text, bool first = false) {
  if (!first) out << ',';
  std::string cell;
  if (needs_formula_guard(text)) cell = "'";
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out << cell;
    return;
  }
  out << '"';
  for (char c : cell) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace

void write_diff_text(std::ostream& out, const Taxonomy& taxonomy, const RuleSet& rules, const DiffResult& diff,
                     Lang lang, const Colours& colours) {
  TextReport report(out, taxonomy, diff, lang, colours);
  out << Problem("diff_heading", {{"old", diff.old_file.input.name},
                                  {"old_rows", count(diff.old_file.rows)},
                                  {"new", diff.new_file.input.name},
                                  {"new_rows", count(diff.new_file.rows)},
                                  {"as_of", diff.as_of.to_iso()}})
             .message(lang)
      << '\n';
  if (!diff.any()) {
    out << colours.paint(Problem("diff_no_changes", {{"rows", count(diff.unchanged)}}).message(lang), Colour::green)
        << '\n';
    return;
  }
  // Regressions first: they are what a partner manager acts on.
  if (const long n = diff.regressions(); n > 0) {
    report.section("diff_section_regressions", n, Colour::red);
    for (const DiffChange& change : diff.changes) {
      if (change.regression == Regression::none) continue;
      out << "  " << change.id << "  " << report.side(change.old_row);
      if (change.new_row.status != change.old_row.status) out << " -> " << report.side(change.new_row);
      out << ": " << colours.paint(report.reason(change), Colour::red) << '\n';
    }
  }
  if (!diff.unread.empty()) {
    report.section("diff_section_unread", static_cast<long>(diff.unread.size()), Colour::yellow);
    for (const DiffUnread& row : diff.unread) out << "  " << unread_message(row, diff, rules, lang, true) << '\n';
  }
  report.list("diff_section_added", kAdded, Colour::cyan, [&](const DiffChange& c) {
    return report.side(c.new_row) + (c.new_row.target_date != kNoDate ? ", " + report.date(c.new_row.target_date) : "");
  });
  report.list("diff_section_removed", kRemoved, Colour::cyan, [&](const DiffChange& c) {
    return report.side(c.old_row) + (c.old_row.target_date != kNoDate ? ", " + report.date(c.old_row.target_date) : "");
  });
  if (const long n = diff.count(kStatusChanged); n > 0) {
    report.section("diff_section_transitions", n, Colour::cyan);
    for (const DiffTransition& t : diff.transitions) {
      out << "  " << report.status(t.from, false) << " -> " << report.status(t.to, false) << " (" << t.changes.size()
          << "):";
      for (std::size_t c : t.changes) {
        const DiffChange& change = diff.changes[c];
        out << ' ' << change.id << (change.old_row.suggested || change.new_row.suggested ? "*" : "");
        if (&change != &diff.changes[t.changes.back()]) out << ',';
      }
      out << '\n';
    }
  }
  auto moved = [&](const DiffChange& c) {
    return report.side(c.new_row) + "  " + report.date(c.old_row.target_date) + " -> " +
           report.date(c.new_row.target_date);
  };
  report.list("diff_section_earlier", kDateEarlier, Colour::cyan, moved);
  report.list("diff_section_later", kDateLater, Colour::cyan, moved);
  report.list("diff_section_set", kDateSet, Colour::cyan, moved);
  report.list("diff_section_cleared", kDateCleared, Colour::cyan, moved);
  if (const long n = diff.count(kMissed); n > 0) {
    report.section("diff_section_missed", n, Colour::yellow, diff.as_of.to_iso());
    for (const DiffChange& change : diff.changes)
      if ((change.kinds & kMissed) != 0)
        out << "  " << change.id << "  " << report.side(change.new_row) << "  "
            << report.date(change.old_row.target_date)
            << (change.new_row.target_date != change.old_row.target_date
                    ? " -> " + report.date(change.new_row.target_date)
                    : "")
            << '\n';
  }
  out << '\n';
  // The mark's legend, when a status printed above carries it.
  const bool marked = std::any_of(diff.changes.begin(), diff.changes.end(), [](const DiffChange& c) {
    return (c.old_row.line != 0 && c.old_row.suggested) || (c.new_row.line != 0 && c.new_row.suggested);
  });
  if (marked)
    out << Problem("diff_suggested", {{"old", count(diff.old_file.suggested)}, {"new", count(diff.new_file.suggested)}})
               .message(lang)
        << '\n';
  out << Problem("diff_totals", {{"changed", count(static_cast<long>(diff.changes.size() + diff.unread.size()))},
                                 {"regressions", count(diff.regressions())},
                                 {"added", count(diff.count(kAdded))},
                                 {"removed", count(diff.count(kRemoved))},
                                 {"status", count(diff.count(kStatusChanged))},
                                 {"dates", count(changed_dates(diff))},
                                 {"missed", count(diff.count(kMissed))},
                                 {"unread", count(static_cast<long>(diff.unread.size()))},
                                 {"unchanged", count(diff.unchanged)}})
             .message(lang)
      << '\n';
}

void write_diff_csv(std::ostream& out, const Taxonomy& taxonomy, const RuleSet& rules, const DiffResult& diff) {
  const std::size_t levels = static_cast<std::size_t>(std::max(2, taxonomy.depth()));
  static constexpr const char* kLevelNames[] = {"l1", "l2", "l3"};
  csv_cell(out, id_column_name(rules), true);
  csv_cell(out, "change");
  for (const char* side : {"old", "new"}) {
    for (std::size_t l = 0; l < levels; ++l) csv_cell(out, fmt::format("{}_{}", side, kLevelNames[l]));
    csv_cell(out, fmt::format("{}_target_date", side));
  }
  for (const char* name : {"regression", "reason", "old_status_from", "new_status_from", "old_line", "new_line"})
    csv_cell(out, name);
  out << '\n';
  auto side = [&](const DiffSide& s) {
    const std::array<std::string, 3> ids = s.line != 0 ? level_ids(taxonomy, s.status) : std::array<std::string, 3>{};
    for (std::size_t l = 0; l < levels; ++l) csv_cell(out, ids[l]);
    csv_cell(out, s.line != 0 ? iso(s.target_date) : std::string());
  };
  auto from = [](const DiffSide& s) { return s.line == 0 ? "" : s.suggested ? "suggested" : "cells"; };
  auto line = [](long n) { return n == 0 ? std::string() : count(n); };
  for (const DiffChange& change : diff.changes) {
    csv_cell(out, change.id, true);
    csv_cell(out, diff_kind_codes(change.kinds));
    side(change.old_row);
    side(change.new_row);
    csv_cell(out, change.regression != Regression::none ? "yes" : "no");
    csv_cell(out, regression_code(change.regression));
    csv_cell(out, from(change.old_row));
    csv_cell(out, from(change.new_row));
    csv_cell(out, line(change.old_row.line));
    csv_cell(out, line(change.new_row.line));
    out << '\n';
  }
  // Rows that could not be compared: whether they regressed is not known.
  for (const DiffUnread& row : diff.unread) {
    csv_cell(out, row.id, true);
    csv_cell(out, "not_compared");
    for (std::size_t k = 0; k < 2 * (levels + 1); ++k) csv_cell(out, "");
    csv_cell(out, "unknown");
    csv_cell(out, unread_code(row.why));
    csv_cell(out, "");
    csv_cell(out, "");
    csv_cell(out, row.in_new ? "" : line(row.line));
    csv_cell(out, row.in_new ? line(row.line) : "");
    out << '\n';
  }
}

void write_diff_json(std::ostream& out, const Taxonomy& taxonomy, const RuleSet& rules, const DiffResult& diff,
                     Lang lang) {
  JsonWriter json(out);
  json.begin_object();
  for (const auto& [name, file] : {std::pair{"old", &diff.old_file}, std::pair{"new", &diff.new_file}}) {
    json.key(name);
    json.begin_object();
    json.key("file");
    json.value(file->input.name);
    json.key("rows");
    json.value(file->rows);
    json.key("status_from_cells");
    json.value(file->from_cells);
    json.key("status_suggested");
    json.value(file->suggested);
    json.end_object();
  }
  json.key("as_of");
  json.value(diff.as_of.to_iso());
  json.key("id_column");
  json.value(id_column_name(rules));
  json.key("counts");
  json.begin_object();
  const std::pair<const char*, long> counts[] = {
      {"changed", static_cast<long>(diff.changes.size() + diff.unread.size())},
      {"unchanged", diff.unchanged},
      {"regressions", diff.regressions()},
      {"added", diff.count(kAdded)},
      {"removed", diff.count(kRemoved)},
      {"status_changes", diff.count(kStatusChanged)},
      {"date_earlier", diff.count(kDateEarlier)},
      {"date_later", diff.count(kDateLater)},
      {"date_set", diff.count(kDateSet)},
      {"date_cleared", diff.count(kDateCleared)},
      {"missed", diff.count(kMissed)},
      {"not_compared", static_cast<long>(diff.unread.size())},
  };
  for (const auto& [name, n] : counts) {
    json.key(name);
    json.value(n);
  }
  json.end_object();
  json.key("transitions");
  json.begin_array();
  for (const DiffTransition& t : diff.transitions) {
    json.begin_object();
    json.key("from");
    json.value(taxonomy.path(t.from));
    json.key("to");
    json.value(taxonomy.path(t.to));
    json.key("count");
    json.value(static_cast<long>(t.changes.size()));
    json.key("ids");
    json.begin_array();
    for (std::size_t c : t.changes) json.value(diff.changes[c].id);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  auto side = [&](const char* name, const DiffSide& s) {
    json.key(name);
    if (s.line == 0) {
      json.null();
      return;
    }
    json.begin_object();
    const std::array<std::string, 3> ids = level_ids(taxonomy, s.status);
    static constexpr const char* kLevelNames[] = {"l1", "l2", "l3"};
    for (std::size_t l = 0; l < 3; ++l) {
      if (l == 2 && taxonomy.depth() < 3) break;
      json.key(kLevelNames[l]);
      if (ids[l].empty())
        json.null();
      else
        json.value(ids[l]);
    }
    json.key("target_date");
    if (s.target_date == kNoDate)
      json.null();
    else
      json.value(iso(s.target_date));
    json.key("status_from");
    json.value(s.suggested ? "suggested" : "cells");
    json.key("line");
    json.value(s.line);
    json.end_object();
  };
  json.key("changes");
  json.begin_array();
  for (const DiffChange& change : diff.changes) {
    json.begin_object();
    json.key("id");
    json.value(change.id);
    json.key("change");
    json.begin_array();
    const std::string kinds = diff_kind_codes(change.kinds);
    for (std::size_t start = 0; start < kinds.size();) {
      const std::size_t end = std::min(kinds.find('+', start), kinds.size());
      json.value(std::string_view(kinds).substr(start, end - start));
      start = end + 1;
    }
    json.end_array();
    side("old", change.old_row);
    side("new", change.new_row);
    json.key("regression");
    json.value(change.regression != Regression::none);
    json.key("reason");
    if (change.regression == Regression::none)
      json.null();
    else
      json.value(regression_code(change.regression));
    json.end_object();
  }
  json.end_array();
  json.key("not_compared");
  json.begin_array();
  for (const DiffUnread& row : diff.unread) {
    json.begin_object();
    json.key("file");
    json.value(row.in_new ? "new" : "old");
    json.key("line");
    json.value(row.line);
    json.key("id");
    json.value(row.id);
    json.key("code");
    json.value(unread_code(row.why));
    json.key("cells");
    json.value(row.cells);
    json.key("message");
    json.value(unread_message(row, diff, rules, lang, false));
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out << '\n';
}

}  // namespace ftstatus
