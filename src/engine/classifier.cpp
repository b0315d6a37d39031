#include "ftstatus/classifier.h"

#include <array>
#include <cstring>

#include <fmt/format.h>

#include "engine/explanation.h"
#include "engine/formula_guard.h"
#include "engine/seen_set.h"
#include "ftstatus/validator.h"
#include "model/utf8.h"

namespace ftstatus {

namespace {

constexpr std::array kRowCodeNames = {
    "field_count",
    "invalid_value",
    "invalid_utf8",
    "stray_cr",
    "missing_id",
    "duplicate_id",
    "no_rule",
    "target_date_missing",
    "target_date_invalid",
    "target_date_past",
    "target_date_beyond_horizon",
};
static_assert(kRowCodeNames.size() == static_cast<std::size_t>(RowCode::target_date_beyond_horizon) + 1);

constexpr std::size_t kMaxCachedNames = 4096;

bool has_lone_cr(std::string_view text) {
  if (text.empty()) return false;  // its data() may be null, which memchr must not get (UBSan)
  for (const char *p = text.data(), *end = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
    if (p + 1 == end || p[1] != '\n') return true;
  return false;
}

RowCode row_code(Code code) {
  switch (code) {
    case Code::target_date_missing:
      return RowCode::target_date_missing;
    case Code::target_date_past:
      return RowCode::target_date_past;
    case Code::target_date_beyond_horizon:
      return RowCode::target_date_beyond_horizon;
    default:
      return RowCode::target_date_invalid;
  }
}

}  // namespace

std::string_view row_code_name(RowCode code) { return kRowCodeNames[static_cast<std::size_t>(code)]; }

Classifier::Classifier(const Taxonomy& taxonomy, const RuleSet& rules, ClassifyOptions options)
    : taxonomy_(taxonomy), rules_(rules), matcher_(rules.rules), options_(options) {
  const std::size_t n = rules.schema.columns.size();
  field_of_column_.assign(n, -1);
  cells_.resize(n);
  cell_invalid_.resize(n);
  last_iso_date_.resize(n);
  date_format_of_column_.assign(n, options.date_format);
  date_format_proven_.assign(n, options.date_format != DateFormat::automatic);
  written_date_format_.assign(n, options.date_format);
  target_date_column_ = rules.schema.find("target_date");
  for (const Status& status : taxonomy.statuses())
    proposes_target_dates_ = proposes_target_dates_ || status.target_date.required;
  l1_column_ = rules.schema.find("l1");
  l2_column_ = rules.schema.find("l2");
  l3_column_ = rules.schema.find("l3");
  for (std::size_t c = 0; c < n; ++c)
    if (rules.schema.columns[c].unique) unique_columns_.push_back(static_cast<int>(c));
  seen_.resize(unique_columns_.size());
  unique_hashes_.assign(unique_columns_.size(), 0);
  child_cache_.resize(taxonomy.statuses().size());
  result_.problems.reserve(16);
}

Classifier::~Classifier() = default;

Result Classifier::bind_header(const std::vector<std::string_view>& header) {
  ColumnReport report;
  if (Result s = account_columns(rules_, header, ColumnOptions{}, report); !s.ok()) return s;
  if (report.stops()) return Error{report.stop_problem(rules_.schema)};
  bind_columns(report, header.size());
  return {};
}

void Classifier::bind_columns(const ColumnReport& report, std::size_t header_width) {
  header_width_ = header_width;
  field_of_column_ = report.field_of_column;
  output_field_.assign(output_column_names().size(), -1);
  column_header_.assign(rules_.schema.columns.size(), std::string());
  for (const HeaderMatch& h : report.headers) {
    if (h.kind == MatchKind::output) output_field_[static_cast<std::size_t>(h.output)] = static_cast<int>(h.field);
    if (h.column >= 0 && static_cast<std::size_t>(h.column) < column_header_.size())
      column_header_[static_cast<std::size_t>(h.column)] = std::string(trim(h.header));
  }
  result_.has_current = false;
  for (int column : {l1_column_, l2_column_, l3_column_})
    result_.has_current = result_.has_current || (column >= 0 && field_of(column) >= 0);
}

void Classifier::bind_header_like(const Classifier& other) {
  header_width_ = other.header_width_;
  field_of_column_ = other.field_of_column_;
  output_field_ = other.output_field_;
  column_header_ = other.column_header_;
  result_.has_current = other.result_.has_current;
  lone_cr_is_stray_ = other.lone_cr_is_stray_;
}

void Classifier::bind_dates_like(const Classifier& other) {
  date_format_of_column_ = other.date_format_of_column_;
  date_format_proven_ = other.date_format_proven_;
  written_date_format_ = other.written_date_format_;
}

void Classifier::expect_many_ids() {
  for (SeenSet& seen : seen_) seen.expect_many();
}

void Classifier::prepare_seen() {
  for (SeenSet& seen : seen_) seen.prepare();
}

void Classifier::prefetch_seen(std::size_t k, std::uint64_t hash) const { seen_[k].prefetch(hash); }

bool Classifier::insert_seen(std::size_t k, std::uint64_t hash) {
  const bool inserted = seen_[k].insert(hash);
  if (!seen_[k].failure().ok() && resource_failure_.ok()) resource_failure_ = seen_[k].failure();
  return inserted;
}

void Classifier::set_date_format(int column, DateFormat format, bool proven) {
  date_format_of_column_[static_cast<std::size_t>(column)] = format;
  date_format_proven_[static_cast<std::size_t>(column)] = proven ? 1 : 0;
}

void Classifier::set_written_date_format(int column, DateFormat format) {
  written_date_format_[static_cast<std::size_t>(column)] = format;
}

StatusIndex Classifier::resolve_child(StatusIndex parent, std::string_view text, LastName& last) {
  if (last.set && last.parent == parent && last.text == text) return last.found;
  NameCache& cache = parent == kNoStatus ? l1_cache_ : child_cache_[static_cast<std::size_t>(parent)];
  auto it = cache.find(text);
  if (it == cache.end()) {
    StatusIndex found = taxonomy_.find_child(parent, text);
    if (cache.size() >= kMaxCachedNames) return found;
    it = cache.emplace(std::string(text), found).first;
  }
  last = {parent, it->first, it->second, true};  // unordered_map keys do not move
  return it->second;
}

StatusIndex Classifier::resolve_current(const std::string_view (&levels)[3]) {
  StatusIndex current = kNoStatus;
  for (int level = 0; level < 3; ++level) {
    std::string_view text = without_formula_guard(trim(levels[level]));
    if (text.empty()) return current;
    // An unknown name is a different assignment from any suggestion.
    current = resolve_child(current, text, last_name_[level]);
    if (current == kNoStatus) return kNoStatus;
  }
  return current;
}

const RowResult& Classifier::classify(const Record& record) {
  RowResult& r = result_;
  const Schema& schema = rules_.schema;
  r.problems.clear();
  r.line = record.line;
  r.field_count = record.fields.size();
  r.status = kNoStatus;
  r.rule = -1;
  r.changed = false;
  r.current = kNoStatus;
  r.current_given = false;
  if (record.fields.size() != header_width_) r.problems.push_back({RowCode::field_count, -1, -1});
  // A lone CR in a cell, quoted or not (Excel writes LF inside cells): the
  // reader kept it; quoted on output, it is still reported on a second run.
  if (record.stray_cr || (lone_cr_is_stray_ && has_lone_cr(record.raw)))
    r.problems.push_back({RowCode::stray_cr, -1, -1});
  if (!is_valid_utf8(record.raw)) {
    for (std::size_t f = 0; f < record.fields.size(); ++f) {
      if (is_valid_utf8(record.fields[f])) continue;
      int column = -1;
      for (std::size_t c = 0; c < field_of_column_.size(); ++c)
        if (field_of_column_[c] == static_cast<int>(f)) column = static_cast<int>(c);
      r.problems.push_back({RowCode::invalid_utf8, column, static_cast<int>(f)});
    }
  }

  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    const Column& col = schema.columns[c];
    CellValue& cell = cells_[c];
    cell = CellValue{};
    cell_invalid_[c] = 0;
    int f = field_of_column_[c];
    if (f < 0 || static_cast<std::size_t>(f) >= record.fields.size()) {
      if (col.required) r.problems.push_back({RowCode::missing_id, static_cast<int>(c), f});
      continue;
    }
    // `'=x` as a spreadsheet-bound output wrote it reads as `=x` (engine/formula_guard.h).
    std::string_view text = without_formula_guard(trim(record.fields[static_cast<std::size_t>(f)]));
    if (!record.error_cells.empty() && static_cast<std::size_t>(f) < record.error_cells.size() &&
        record.error_cells[static_cast<std::size_t>(f)] != 0) {
      // A workbook's error value (#N/A) is no value of any type, text included.
      cell_invalid_[c] = 1;
      if (static_cast<int>(c) != target_date_column_)
        r.problems.push_back({RowCode::invalid_value, static_cast<int>(c), f});
      continue;
    }
    if (text.empty()) {
      if (col.required) r.problems.push_back({RowCode::missing_id, static_cast<int>(c), f});
      continue;
    }
    bool ok = true;
    switch (col.type) {
      case ColumnType::string:
        break;
      case ColumnType::integer:
        ok = parse_integer(text, cell.value);
        break;
      case ColumnType::date:
        if (text.size() == kIsoDateLength && text[4] == '-' && text[7] == '-') {
          // parse_date reads this shape as ISO whatever the column's order:
          // the last such date of the column is remembered, as exports repeat a few.
          LastIsoDate& last = last_iso_date_[c];
          if (last.set && std::memcmp(last.text, text.data(), kIsoDateLength) == 0) {
            cell.value = last.days;
          } else if ((ok = parse_date(text, date_format_of_column_[c], cell.value))) {
            std::memcpy(last.text, text.data(), kIsoDateLength);
            last.days = cell.value;
            last.set = true;
          }
          break;
        }
        ok = parse_date(text, date_format_of_column_[c], cell.value);
        if (!ok && !date_format_proven_[c] && !date_conflict_) note_date_conflict(record, static_cast<int>(c), text);
        break;
      case ColumnType::boolean: {
        bool flag = false;
        ok = parse_bool(text, flag);
        cell.value = flag ? 1 : 0;
        break;
      }
      case ColumnType::enumeration:
        cell.value = parse_enum(col, text);
        ok = cell.value >= 0;
        break;
    }
    if (!ok) {
      // A cell that does not parse counts as empty for the rules.
      cell_invalid_[c] = 1;
      if (static_cast<int>(c) != target_date_column_)
        r.problems.push_back({RowCode::invalid_value, static_cast<int>(c), f});
      continue;
    }
    cell.empty = false;
    cell.text = text;
  }
  for (std::size_t k = 0; k < unique_columns_.size(); ++k) {
    const CellValue& cell = cells_[static_cast<std::size_t>(unique_columns_[k])];
    bool repeats = false;
    if (repeat_check_ == RepeatCheck::given) {
      repeats = (given_repeats_ >> k & 1) != 0;
    } else if (!cell.empty) {
      const std::uint64_t hash = hash64(cell.text);
      if (repeat_check_ == RepeatCheck::collect)
        unique_hashes_[k] = hash;
      else
        repeats = !insert_seen(k, hash);
    } else if (repeat_check_ == RepeatCheck::collect) {
      unique_hashes_[k] = 0;
    }
    if (repeats) r.problems.push_back({RowCode::duplicate_id, unique_columns_[k], field_of(unique_columns_[k])});
  }

  r.rule = matcher_.first_match(cells_.data(), options_.as_of.days());
  if (r.rule < 0) {
    r.problems.push_back({RowCode::no_rule, -1, -1});
  } else {
    r.status = rules_.rules[static_cast<std::size_t>(r.rule)].then;
    check_target_date(record);
  }
  if (r.has_current) {
    auto text_of = [&](int column) -> std::string_view {
      if (column < 0) return {};
      int f = field_of(column);
      return f >= 0 && static_cast<std::size_t>(f) < record.fields.size() ? record.fields[static_cast<std::size_t>(f)]
                                                                          : std::string_view();
    };
    const std::string_view current[3] = {text_of(l1_column_), text_of(l2_column_), text_of(l3_column_)};
    r.current = resolve_current(current);
    r.current_given = !trim(current[0]).empty() || !trim(current[1]).empty() || !trim(current[2]).empty();
    r.changed = r.current != r.status;
  }
  return r;
}

void Classifier::note_date_conflict(const Record& record, int column, std::string_view text) {
  const DateFormat chosen = date_format_of_column_[static_cast<std::size_t>(column)];
  const DateOrder order = date_order_of(text);
  const bool contradicts = (order == DateOrder::day_first && chosen != DateFormat::dmy) ||
                           (order == DateOrder::month_first && chosen != DateFormat::mdy);
  if (contradicts) date_conflict_ = DateOrderConflict{record.line, column, std::string(text)};
}

void Classifier::check_target_date(const Record&) {
  RowResult& r = result_;
  DateCell state = DateCell::missing;
  Date date = options_.as_of;
  if (target_date_column_ >= 0) {
    const CellValue& cell = cells_[static_cast<std::size_t>(target_date_column_)];
    if (cell_invalid_[static_cast<std::size_t>(target_date_column_)]) {
      state = DateCell::invalid;
    } else if (!cell.empty) {
      state = DateCell::valid;
      date = Date::from_days(cell.value);
    }
  }
  std::optional<Code> code = target_date_problem(taxonomy_.at(r.status).target_date, state, date, options_.as_of);
  if (code)
    r.problems.push_back(
        {row_code(*code), target_date_column_, target_date_column_ >= 0 ? field_of(target_date_column_) : -1});
}

std::optional<Date> Classifier::proposed_target_date(const RowResult& result) const {
  if (result.status == kNoStatus) return std::nullopt;
  const TargetDatePolicy& policy = taxonomy_.at(result.status).target_date;
  if (!policy.required) return std::nullopt;
  for (const RowProblem& p : result.problems)
    if (p.code >= RowCode::target_date_missing) return options_.as_of.plus_days(policy.proposed_days()).clamped();
  return std::nullopt;
}

std::string Classifier::explain(const Record& record) const { return explain_row(*this, record, result_); }

std::string_view Classifier::column_header(int column) const {
  const std::size_t c = static_cast<std::size_t>(column);
  return c < column_header_.size() && !column_header_[c].empty() ? std::string_view(column_header_[c])
                                                                 : std::string_view();
}

}  // namespace ftstatus
