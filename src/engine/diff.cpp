#include "ftstatus/diff.h"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <tuple>

#include "engine/id_table.h"

namespace ftstatus {

namespace {

// The L1 above `status` (itself for an L1).
StatusIndex l1_of(const Taxonomy& taxonomy, StatusIndex status) {
  while (taxonomy.at(status).parent != kNoStatus) status = taxonomy.at(status).parent;
  return status;
}

// The L2 at or above `status`, or kNoStatus for an L1.
StatusIndex l2_of(const Taxonomy& taxonomy, StatusIndex status) {
  while (taxonomy.at(status).level > 2) status = taxonomy.at(status).parent;
  return taxonomy.at(status).level == 2 ? status : kNoStatus;
}

// Where `status` stands among its parent's children.
std::ptrdiff_t position(const Taxonomy& taxonomy, StatusIndex status) {
  const std::vector<StatusIndex>& siblings = taxonomy.at(taxonomy.at(status).parent).children;
  return std::find(siblings.begin(), siblings.end(), status) - siblings.begin();
}

}  // namespace

int id_column(const Schema& schema) {
  for (std::size_t c = 0; c < schema.columns.size(); ++c)
    if (schema.columns[c].unique && schema.columns[c].required) return static_cast<int>(c);
  return -1;
}

std::string id_column_name(const RuleSet& rules) {
  const int column = id_column(rules.schema);
  return column < 0 ? std::string("id") : rules.schema.columns[static_cast<std::size_t>(column)].id;
}

namespace {

// A record source that ends once told to: a repeated id stops the run
// without reading the rest of the file.
class StoppableSource final : public RecordSource {
 public:
  StoppableSource(RecordSource& source, const bool& stop) : source_(source), stop_(stop) {}
  bool next(Record& record) override { return !stop_ && source_.next(record); }
  const Result& status() const override { return source_.status(); }
  char delimiter() const override { return source_.delimiter(); }
  bool had_bom() const override { return source_.had_bom(); }
  bool crlf() const override { return source_.crlf(); }
  LineEnding line_ending() const override { return source_.line_ending(); }
  Encoding encoding() const override { return source_.encoding(); }
  long cp1252_evidence_line() const override { return source_.cp1252_evidence_line(); }
  void date_fields(const std::vector<int>& fields) override { source_.date_fields(fields); }
  std::string sheet() const override { return source_.sheet(); }

 private:
  RecordSource& source_;
  const bool& stop_;
};

// One row as the comparison sees it.
struct SeenRow {
  std::string_view id;
  DiffSide side;
  bool unread = false;
};

// Turns each classified row into a SeenRow (or an unread row) for `take`.
class DiffSink final : public RecordSink {
 public:
  using Take = std::function<void(const SeenRow&)>;
  DiffSink(const Classifier& classifier, bool in_new, DiffFileSummary& summary, std::vector<DiffUnread>& unread,
           Take take)
      : classifier_(classifier), in_new_(in_new), summary_(summary), unread_(unread), take_(std::move(take)) {
    const Schema& schema = classifier.rules().schema;
    id_column_ = ftstatus::id_column(schema);
    target_date_column_ = schema.find("target_date");
    level_columns_ = {schema.find("l1"), schema.find("l2"), schema.find("l3")};
  }
  int id_column() const { return id_column_; }

  void header(const Record&) override {}
  void row(const Record& record, const RowResult& result) override {
    ++summary_.rows;
    SeenRow seen;
    seen.side.line = result.line;
    seen.id = classifier_.cells()[static_cast<std::size_t>(id_column_)].text;
    if (seen.id.empty()) {
      add_unread(DiffUnread::Why::id_missing, seen, {});
      return;
    }
    if (result.current_given) {
      seen.side.status = result.current;
      ++summary_.from_cells;
    } else {
      seen.side.status = result.status;
      seen.side.suggested = true;
      ++summary_.suggested;
    }
    if (seen.side.status == kNoStatus) {
      std::string cells;
      for (int column : level_columns_) {
        const std::string_view text = cell_text(record, column);
        if (text.empty()) continue;
        if (!cells.empty()) cells += " / ";
        cells += text;
      }
      add_unread(DiffUnread::Why::status_unknown, seen, std::move(cells));
      return;
    }
    if (target_date_column_ >= 0 && classifier_.cell_invalid(target_date_column_)) {
      add_unread(DiffUnread::Why::target_date_invalid, seen, std::string(cell_text(record, target_date_column_)));
      return;
    }
    if (target_date_column_ >= 0) {
      const CellValue& date = classifier_.cells()[static_cast<std::size_t>(target_date_column_)];
      if (!date.empty) seen.side.target_date = static_cast<long>(date.value);
    }
    take_(seen);
  }
  Result finish() override { return {}; }

 private:
  std::string_view cell_text(const Record& record, int column) const {
    if (column < 0) return {};
    const int field = classifier_.field_of(column);
    if (field < 0 || static_cast<std::size_t>(field) >= record.fields.size()) return {};
    return trim(record.fields[static_cast<std::size_t>(field)]);
  }
  void add_unread(DiffUnread::Why why, SeenRow& seen, std::string cells) {
    seen.unread = true;
    unread_.push_back({why, in_new_, seen.side.line, std::string(seen.id), std::move(cells)});
    if (!seen.id.empty()) take_(seen);
  }

  const Classifier& classifier_;
  bool in_new_;
  DiffFileSummary& summary_;
  std::vector<DiffUnread>& unread_;
  Take take_;
  int id_column_ = -1;
  int target_date_column_ = -1;
  std::array<int, 3> level_columns_{};
};

// OLD's rows, by their number in the id table.
struct OldRow {
  StatusIndex status = kNoStatus;
  long target_date = kNoDate;
  long line = 0;
  long new_line = 0;  // where NEW has the id; 0: not (yet) seen
  bool suggested = false;
  bool unread = false;
};

Error repeated_id(const RuleSet& rules, std::string_view file, std::string_view id, long first, long second) {
  return Error{Problem("diff_repeated_id", {{"column", id_column_name(rules)},
                                            {"id", std::string(id)},
                                            {"first", std::to_string(first)},
                                            {"second", std::to_string(second)}}),
               std::string(file), second};
}

// Reads one file through the classify pipeline, handing each row to `take`;
// `stop` ends the reading early (set by `take` with `failure`).
Result read_file(const Taxonomy& taxonomy, const RuleSet& rules, const DiffRequest& request, const std::string& path,
                 bool in_new, DiffResult& result, const std::function<Result(const SeenRow&, std::string_view)>& take) {
  std::unique_ptr<RecordSource> source;
  std::string name;
  if (Result s = open_record_source(path, request.csv, source, name); !s.ok()) return s;
  Classifier classifier(taxonomy, rules, request.classify);
  // Repeats are found here, with both lines (the classifier's own check knows only the second).
  classifier.set_repeat_check(Classifier::RepeatCheck::given);
  DiffFileSummary& summary = in_new ? result.new_file : result.old_file;
  bool stop = false;
  Result failure;
  DiffSink sink(classifier, in_new, summary, result.unread, [&](const SeenRow& row) {
    if (stop) return;
    if (Result s = take(row, name); !s.ok()) {
      failure = s;
      stop = true;
    }
  });
  if (sink.id_column() < 0) return Error{Problem("diff_no_id_column"), name};
  StoppableSource stoppable(*source, stop);
  ClassifySummary classified;
  Result read = classify_records(classifier, stoppable, name, request.columns, {&sink}, classified);
  summary.input = classified.input;
  if (!failure.ok()) return failure;
  return read;
}

}  // namespace

std::string_view regression_code(Regression reason) {
  switch (reason) {
    case Regression::none:
      return "";
    case Regression::back_to_start:
      return "back_to_start";
    case Regression::left_active:
      return "left_active";
    case Regression::earlier_phase:
      return "earlier_phase";
    case Regression::missed_pushed:
      return "missed_pushed";
  }
  return "";
}

std::string_view unread_code(DiffUnread::Why why) {
  switch (why) {
    case DiffUnread::Why::status_unknown:
      return "status_unknown";
    case DiffUnread::Why::target_date_invalid:
      return "target_date_invalid";
    case DiffUnread::Why::id_missing:
      return "id_missing";
  }
  return "";
}

std::string diff_kind_codes(unsigned kinds) {
  static constexpr std::pair<unsigned, std::string_view> kNames[] = {
      {kAdded, "added"},
      {kRemoved, "removed"},
      {kStatusChanged, "status"},
      {kDateEarlier, "date_earlier"},
      {kDateLater, "date_later"},
      {kDateSet, "date_set"},
      {kDateCleared, "date_cleared"},
      {kMissed, "missed"},
  };
  std::string out;
  for (const auto& [bit, name] : kNames)
    if ((kinds & bit) != 0) {
      if (!out.empty()) out += '+';
      out += name;
    }
  return out;
}

long DiffResult::count(unsigned kind) const {
  return static_cast<long>(
      std::count_if(changes.begin(), changes.end(), [kind](const DiffChange& c) { return (c.kinds & kind) != 0; }));
}

long DiffResult::regressions() const {
  return static_cast<long>(std::count_if(changes.begin(), changes.end(),
                                         [](const DiffChange& c) { return c.regression != Regression::none; }));
}

Regression classify_regression(const Taxonomy& taxonomy, StatusIndex from, long from_date, StatusIndex to, long to_date,
                               Date as_of) {
  if (from == kNoStatus || to == kNoStatus) return Regression::none;
  const StatusIndex from_l1 = l1_of(taxonomy, from);
  const StatusIndex to_l1 = l1_of(taxonomy, to);
  const Status& old_l1 = taxonomy.at(from_l1);
  const Status& new_l1 = taxonomy.at(to_l1);
  if (from_l1 != to_l1) {
    // To or from a leaf L1 (Duplicate/Invalid) is a correction of the data, not progress lost.
    if (old_l1.leaf || new_l1.leaf) return Regression::none;
    // The first L1 is a "nothing known yet" bucket unless it is itself an active one (custom-l3's open).
    if (to_l1 == taxonomy.roots().front() && !new_l1.target_date.required) return Regression::back_to_start;
    if (old_l1.target_date.required && !new_l1.target_date.required) return Regression::left_active;
    return Regression::none;
  }
  if (old_l1.target_date.required) {
    const StatusIndex from_l2 = l2_of(taxonomy, from);
    const StatusIndex to_l2 = l2_of(taxonomy, to);
    if (from_l2 != kNoStatus && to_l2 != kNoStatus && position(taxonomy, to_l2) < position(taxonomy, from_l2))
      return Regression::earlier_phase;
  }
  if (from == to && taxonomy.at(from).target_date.required && from_date != kNoDate && to_date != kNoDate &&
      from_date <= as_of.days() && to_date > from_date)
    return Regression::missed_pushed;
  return Regression::none;
}

namespace {

// Each file's day/month order is chosen from its own values. When one file's
// values decided it and the other's dates could be read either way (so its
// order is a guess from the headers or the locale), the same cell would mean
// two days: 05/03/2027 in both files, "moved" from 5 March to 3 May. Stop.
Result check_date_orders(const RuleSet& rules, const DiffResult& result) {
  auto decided = [](const DateOrderChoice& c) {
    return c.reason == DateOrderChoice::Reason::values || c.reason == DateOrderChoice::Reason::forced;
  };
  auto numeric = [](const DateOrderChoice& c) { return c.day_first + c.month_first + c.ambiguous > 0; };
  auto form = [](DateFormat f) { return std::string(f == DateFormat::dmy ? "DD/MM/YYYY" : "MM/DD/YYYY"); };
  for (const DateOrderChoice& was : result.old_file.input.dates)
    for (const DateOrderChoice& now : result.new_file.input.dates) {
      if (was.column != now.column || was.format == now.format || !numeric(was) || !numeric(now)) continue;
      if (decided(was) && decided(now)) continue;  // each file's own values say so: two different exports
      const DateOrderChoice& sure = decided(was) ? was : now;
      const DiffFileSummary& guessed_file = decided(was) ? result.new_file : result.old_file;
      const DateOrderChoice& guessed = decided(was) ? now : was;
      return Error{Problem("diff_date_orders_differ",
                           {{"column", rules.schema.columns[static_cast<std::size_t>(was.column)].id},
                            {"guessed_file", guessed_file.input.name},
                            {"guessed", form(guessed.format)},
                            {"sure_file", (decided(was) ? result.old_file : result.new_file).input.name},
                            {"sure", form(sure.format)},
                            {"example", guessed.example},
                            {"option", sure.format == DateFormat::dmy ? "dmy" : "mdy"}})};
    }
  return {};
}

}  // namespace

Result run_diff(const Taxonomy& taxonomy, const RuleSet& rules, const DiffRequest& request, DiffResult& result) {
  result = DiffResult{};
  result.as_of = request.classify.as_of;
  if (rules.schema.columns.empty() || rules.rules.empty()) return Error{Problem("taxonomy_has_no_rules")};
  if ((request.old_input.empty() || request.old_input == "-") &&
      (request.new_input.empty() || request.new_input == "-"))
    return Error{Problem("diff_both_stdin")};

  IdTable old_ids;
  std::vector<OldRow> old_rows;
  Result read_old = read_file(
      taxonomy, rules, request, request.old_input, false, result,
      [&](const SeenRow& row, std::string_view file) -> Result {
        const auto [number, inserted] = old_ids.insert(row.id);
        if (!inserted) return repeated_id(rules, file, row.id, old_rows[number].line, row.side.line);
        old_rows.push_back({row.side.status, row.side.target_date, row.side.line, 0, row.side.suggested, row.unread});
        return {};
      });
  if (!read_old.ok()) return read_old;

  const long as_of = result.as_of.days();
  IdTable added_ids;  // NEW's ids that OLD lacks, to find their repeats
  std::vector<long> added_lines;
  Result read_new =
      read_file(taxonomy, rules, request, request.new_input, true, result,
                [&](const SeenRow& row, std::string_view file) -> Result {
                  const std::size_t number = old_ids.find(row.id);
                  if (number == IdTable::npos) {
                    const auto [added, inserted] = added_ids.insert(row.id);
                    if (!inserted) return repeated_id(rules, file, row.id, added_lines[added], row.side.line);
                    added_lines.push_back(row.side.line);
                    if (!row.unread)
                      result.changes.push_back({std::string(row.id), kAdded, {}, row.side, Regression::none});
                    return {};
                  }
                  OldRow& old_row = old_rows[number];
                  if (old_row.new_line != 0) return repeated_id(rules, file, row.id, old_row.new_line, row.side.line);
                  old_row.new_line = row.side.line;
                  // Either side unread: listed as such, never compared.
                  if (row.unread || old_row.unread) return {};
                  DiffChange change;
                  change.old_row = {old_row.status, old_row.target_date, old_row.line, old_row.suggested};
                  change.new_row = row.side;
                  const DiffSide& was = change.old_row;
                  const DiffSide& now = change.new_row;
                  if (was.status != now.status) {
                    change.kinds |= kStatusChanged;
                  } else if (was.target_date != now.target_date) {
                    // A target date is the end of the status's phase: compared only while the status stays.
                    if (was.target_date == kNoDate)
                      change.kinds |= kDateSet;
                    else if (now.target_date == kNoDate)
                      change.kinds |= kDateCleared;
                    else
                      change.kinds |= now.target_date < was.target_date ? kDateEarlier : kDateLater;
                  }
                  if (was.status == now.status && taxonomy.at(was.status).target_date.required &&
                      was.target_date != kNoDate && was.target_date <= as_of)
                    change.kinds |= kMissed;
                  change.regression = classify_regression(taxonomy, was.status, was.target_date, now.status,
                                                          now.target_date, result.as_of);
                  if (change.kinds == 0 && change.regression == Regression::none) {
                    ++result.unchanged;
                    return {};
                  }
                  change.id = std::string(row.id);
                  result.changes.push_back(std::move(change));
                  return {};
                });
  if (!read_new.ok()) return read_new;
  // A NEW with no rows would list every entitlement as removed and pass --fail-on regressions:
  // an export that failed or was cut off must not look like a quiet week.
  if (result.new_file.rows == 0 && result.old_file.rows > 0)
    return Error{Problem("diff_new_empty", {{"file", result.new_file.input.name},
                                            {"old", result.old_file.input.name},
                                            {"rows", std::to_string(result.old_file.rows)}})};
  if (Result orders = check_date_orders(rules, result); !orders.ok()) return orders;

  for (std::size_t n = 0; n < old_rows.size(); ++n) {
    const OldRow& old_row = old_rows[n];
    if (old_row.new_line != 0 || old_row.unread) continue;
    DiffChange change;
    change.id = std::string(old_ids.id(n));
    change.kinds = kRemoved;
    change.old_row = {old_row.status, old_row.target_date, old_row.line, old_row.suggested};
    result.changes.push_back(std::move(change));
  }

  for (std::size_t c = 0; c < result.changes.size(); ++c) {
    const DiffChange& change = result.changes[c];
    if ((change.kinds & kStatusChanged) == 0) continue;
    auto found = std::find_if(result.transitions.begin(), result.transitions.end(), [&](const DiffTransition& t) {
      return t.from == change.old_row.status && t.to == change.new_row.status;
    });
    if (found == result.transitions.end())
      found = result.transitions.insert(result.transitions.end(), {change.old_row.status, change.new_row.status, {}});
    found->changes.push_back(c);
  }
  std::stable_sort(result.transitions.begin(), result.transitions.end(),
                   [](const DiffTransition& a, const DiffTransition& b) {
                     return std::make_tuple(-static_cast<long>(a.changes.size()), a.from, a.to) <
                            std::make_tuple(-static_cast<long>(b.changes.size()), b.from, b.to);
                   });
  return {};
}

}  // namespace ftstatus
