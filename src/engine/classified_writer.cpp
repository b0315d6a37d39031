#include "engine/classified_writer.h"

#include <algorithm>
#include <cerrno>
#include <set>

#include <fmt/format.h>

#include "engine/formula_guard.h"
#include "ftstatus/problems.h"
#include "io/json_writer.h"
#include "io/output_file.h"
#include "io/xlsx_reader.h"

namespace ftstatus {

void write_cell(CsvWriter& csv, std::string_view cell, bool neutralize, std::string& scratch) {
  if (!neutralize || !needs_formula_guard(cell)) {
    csv.field(cell);
    return;
  }
  scratch.assign(1, '\'');
  scratch.append(cell);
  csv.field(scratch);
}

void split_raw_fields(std::string_view raw, char delimiter, std::vector<std::string_view>& out) {
  // The record was scanned already, so it is well formed: a quote opens a
  // quoted part only at a field's start, and "" inside one is a quote.
  out.clear();
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < raw.size() && raw[i + 1] == '"')
          ++i;
        else
          quoted = false;
      }
    } else if (c == '"' && i == start) {
      quoted = true;
    } else if (c == delimiter) {
      out.push_back(raw.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(raw.substr(start));
}

void append_cell_name(std::string& out, std::string_view sheet, int field, long row) {
  // Excel's own form: Derechos!K12, or 'Mis datos'!K12 when the name needs quotes.
  const bool plain = std::all_of(sheet.begin(), sheet.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  if (plain) {
    out += sheet;
  } else {
    out += '\'';
    for (char c : sheet) {
      if (c == '\'') out += '\'';
      out += c;
    }
    out += '\'';
  }
  out += '!';
  if (field >= 0) out += column_letters(static_cast<std::size_t>(field));
  fmt::format_to(std::back_inserter(out), "{}", row);
}

void append_problems(std::string& out, const Classifier& classifier, const RowResult& result, std::string_view sheet) {
  const Schema& schema = classifier.rules().schema;
  for (const RowProblem& p : result.problems) {
    if (&p != &result.problems.front()) out += ';';
    out += row_code_name(p.code);
    out += ':';
    if (p.column >= 0) out += schema.columns[static_cast<std::size_t>(p.column)].id;
    out += ':';
    if (sheet.empty())
      fmt::format_to(std::back_inserter(out), "{}", result.line);
    else
      append_cell_name(out, sheet, p.field, result.line);
  }
}

Problem row_problem(const Classifier& classifier, const RowProblem& p, const RowResult& r, Lang lang) {
  // The catalogue (src/model/problem_catalogue.cpp) holds the words; a row's target-date
  // problems use its "row" wording, shorter than validate's.
  const Taxonomy& t = classifier.taxonomy();
  const Column* column =
      p.column >= 0 ? &classifier.rules().schema.columns[static_cast<std::size_t>(p.column)] : nullptr;
  std::string key(row_code_name(p.code));
  if (p.code >= RowCode::target_date_missing) key += "/row";
  if (p.code == RowCode::invalid_value && column != nullptr && column->type == ColumnType::enumeration) key += "/enum";
  if (p.code == RowCode::invalid_value && column != nullptr && column->type == ColumnType::date) key += "/date";
  Problem problem(key, {{"column", column != nullptr ? column->id : std::string()},
                        {"fields", std::to_string(r.field_count)},
                        {"header_fields", std::to_string(classifier.header_width())},
                        {"field", std::to_string(p.field + 1)},
                        {"status", r.status == kNoStatus ? std::string() : t.at(r.status).name.get(lang)}});
  if (column != nullptr) {
    problem.with("type", std::string(type_name(column->type)));
    problem.with("values", fmt::format("{}", fmt::join(column->values, ", ")));
  }
  if (column != nullptr && column->type == ColumnType::date)
    problem.with("forms", date_forms(classifier.date_format(p.column), lang));
  if (r.status != kNoStatus) problem.with("days", std::to_string(t.at(r.status).target_date.max_days_ahead));
  return problem;
}

std::string describe_problem(const Classifier& classifier, const RowProblem& p, const RowResult& r, Lang lang) {
  return row_problem(classifier, p, r, lang).message(lang);
}

ClassifiedWriter::ClassifiedWriter(std::FILE* out, std::string name, const Classifier& classifier,
                                   OutputOptions options)
    : out_(out),
      name_(std::move(name)),
      classifier_(classifier),
      options_(options),
      csv_(out, options.delimiter, options.line_ending) {
  levels_ = std::max(2, classifier.taxonomy().depth());
  const Taxonomy& t = classifier.taxonomy();
  Lang name_lang = Lang::en;  // of names, with --labels en or es
  if (options.labels == Labels::es) name_lang = Lang::es;
  for (const Status& s : t.statuses())
    status_labels_.push_back(options.labels == Labels::id ? s.id : s.name.get(name_lang));
  scratch_.reserve(256);
  json_.reserve(1 << 16);
  guarded_.reserve(256);
  options_.neutralize_formulas = options.neutralize_formulas && options.format == OutputFormat::csv;
  const std::vector<Rule>& rules = classifier.rules().rules;
  for (int rule = -1; rule < static_cast<int>(rules.size()); ++rule) {
    fill_levels(rule >= 0 ? rules[static_cast<std::size_t>(rule)].then : kNoStatus);
    rule_levels_.push_back({level_status_[0], level_status_[1], level_status_[2]});
    std::array<std::string, 4>& cells = rule_cells_.emplace_back();
    for (std::size_t variant = 0; variant < cells.size(); ++variant) {
      // Exactly what row() would write cell by cell: the same writer, labels and guard.
      CsvWriter writer(nullptr, options.delimiter, options.line_ending);
      for (int level = 0; level < levels_; ++level)
        write_cell(writer,
                   level_status_[level] == kNoStatus ? std::string_view()
                                                     : status_labels_[static_cast<std::size_t>(level_status_[level])],
                   options_.neutralize_formulas, guarded_);
      if (variant != kLevelCells) {
        // A row with no problem has no target date to propose.
        if (classifier.proposes_target_dates()) writer.field("");
        write_cell(writer, rule >= 0 ? std::string_view(rules[static_cast<std::size_t>(rule)].id) : std::string_view(),
                   options_.neutralize_formulas, guarded_);
        write_cell(writer, "", options_.neutralize_formulas, guarded_);  // no problems
      }
      if (variant == kNoProblemsChangedFalse) writer.field("false");
      if (variant == kNoProblemsChangedTrue) writer.field("true");
      std::string taken;
      writer.take_buffer(taken);
      cells[variant] = taken;  // the cell's size: the writer's buffer has 64 KiB, freed for the next one
    }
  }
}

void ClassifiedWriter::put(std::string_view cell) { write_cell(csv_, cell, options_.neutralize_formulas, guarded_); }

bool ClassifiedWriter::needs_guard(const Record& record) const {
  if (!options_.neutralize_formulas) return false;
  for (std::string_view field : record.fields)
    if (needs_formula_guard(field)) return true;
  return false;
}

void ClassifiedWriter::fill_levels(StatusIndex status) {
  level_status_[0] = level_status_[1] = level_status_[2] = kNoStatus;
  const Taxonomy& t = classifier_.taxonomy();
  for (StatusIndex s = status; s != kNoStatus; s = t.at(s).parent) level_status_[t.at(s).level - 1] = s;
}

void ClassifiedWriter::header(const Record& header) {
  has_current_ = classifier_.has_current_columns();
  const std::vector<std::string>& outputs = output_column_names();
  // The added columns, in output order, and where the input already has them.
  added_.clear();
  for (int level = 1; level <= levels_; ++level) added_.push_back(static_cast<std::size_t>(level - 1));
  if (classifier_.proposes_target_dates()) added_.push_back(kTargetDate);
  added_.push_back(kRule);
  added_.push_back(kProblems);
  if (has_current_ || classifier_.output_field(kChanged) >= 0) added_.push_back(kChanged);
  if (options_.explain || classifier_.output_field(kExplanation) >= 0) added_.push_back(kExplanation);
  // A workbook ftstatus wrote has the problems in words too: kept up to date.
  if (classifier_.output_field(kMessages) >= 0) added_.push_back(kMessages);
  replaced_.assign(header.fields.size(), -1);
  bool any_replaced = false;
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    const int f = classifier_.output_field(k);
    if (f >= 0 && static_cast<std::size_t>(f) < replaced_.size()) {
      replaced_[static_cast<std::size_t>(f)] = static_cast<int>(k);
      any_replaced = true;
    }
  }
  if (options_.apply) {
    const Schema& schema = classifier_.rules().schema;
    for (int level = 0; level < 3; ++level) {
      const int column = schema.find(fmt::format("l{}", level + 1));
      const int f = column >= 0 ? classifier_.field_of(column) : -1;
      if (f >= 0 && static_cast<std::size_t>(f) < replaced_.size()) {
        replaced_[static_cast<std::size_t>(f)] = kAppliedLevel0 + level;
        any_replaced = true;
      }
    }
    const int date_column = classifier_.target_date_column();
    const int f = date_column >= 0 ? classifier_.field_of(date_column) : -1;
    if (classifier_.proposes_target_dates() && f >= 0 && static_cast<std::size_t>(f) < replaced_.size()) {
      replaced_[static_cast<std::size_t>(f)] = kAppliedTargetDate;
      any_replaced = true;
    }
  }
  rewrite_ = any_replaced;

  if (options_.format == OutputFormat::jsonl) {
    // Keys must be unique or a JSON reader keeps only the last: an empty,
    // repeated or reserved header name gets its position appended.
    std::set<std::string> used = {
        "line", "rule", "problems", "changed", "explanation", "extra_fields", "suggested_target_date"};
    for (int level = 1; level <= levels_; ++level) used.insert(fmt::format("suggested_l{}", level));
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      std::string name(header.fields[i]);
      if (name.empty()) name = "column";
      while (used.count(name) != 0) name += fmt::format("_{}", i + 1);
      used.insert(name);
      header_names_.push_back(std::move(name));
    }
    return;
  }
  if (options_.bom) csv_.raw("\xEF\xBB\xBF");
  for (std::string_view name : header.fields) put(name);
  for (std::size_t k : added_)
    if (classifier_.output_field(k) < 0) csv_.field(outputs[k]);
  csv_.end_record();
}

bool ClassifiedWriter::extends(const RowResult& result) const {
  // --apply fills empty levels only below what the row already says, so a
  // row left "Blocked" with no L2 does not get an In Progress L2.
  if (!result.current_given) return true;
  if (result.current == kNoStatus) return false;  // a name the taxonomy does not know
  const Taxonomy& t = classifier_.taxonomy();
  for (StatusIndex s = result.status; s != kNoStatus; s = t.at(s).parent)
    if (s == result.current) return true;
  return false;
}

std::string_view ClassifiedWriter::proposed_cell(const RowResult& result) {
  proposed_.clear();
  if (const std::optional<Date> date = classifier_.proposed_target_date(result)) proposed_ = date->to_iso();
  return proposed_;
}

std::optional<std::string_view> ClassifiedWriter::applied(int replaced, std::string_view cell,
                                                          const RowResult& result) {
  // Empty cells are filled, and only on the suggestion's own branch (extends); --apply=all
  // replaces them whatever they hold.
  const bool may_fill = options_.apply_overwrite || (trim(cell).empty() && extends(result));
  if (!may_fill) return std::nullopt;
  if (replaced == kAppliedTargetDate) {
    const std::optional<Date> date = classifier_.proposed_target_date(result);
    if (!date) return std::nullopt;
    // In the column's own form (25/02/2027 in a Spanish export), so the column stays one format.
    applied_date_ = format_date(*date, classifier_.written_date_format(classifier_.target_date_column()));
    return applied_date_;
  }
  const StatusIndex s = level_status_[replaced - kAppliedLevel0];
  if (s == kNoStatus) return std::nullopt;
  return status_labels_[static_cast<std::size_t>(s)];
}

std::string_view ClassifiedWriter::added_value(std::size_t k, const Record& record, const RowResult& result) {
  if (k == kTargetDate) return proposed_cell(result);
  if (k < 3) {
    const StatusIndex s = static_cast<int>(k) < levels_ ? level_status_[k] : kNoStatus;
    return s == kNoStatus ? std::string_view() : std::string_view(status_labels_[static_cast<std::size_t>(s)]);
  }
  if (k == kRule)
    return result.rule >= 0 ? std::string_view(classifier_.rules().rules[static_cast<std::size_t>(result.rule)].id)
                            : std::string_view();
  if (k == kProblems) return scratch_;
  if (k == kChanged) return has_current_ ? (result.changed ? "true" : "false") : "";
  if (k == kMessages) {
    explanation_.clear();
    for (const RowProblem& p : result.problems) {
      if (!explanation_.empty()) explanation_ += '\n';
      explanation_ += describe_problem(classifier_, p, result, options_.lang);
    }
    return explanation_;
  }
  explanation_ = classifier_.explain(record);
  return explanation_;
}

void ClassifiedWriter::row(const Record& record, const RowResult& result) {
  // classify gives the rule's status (none without a rule): its levels and cells were found once.
  const std::vector<Rule>& rules = classifier_.rules().rules;
  const bool rules_status = result.rule >= 0 ? rules[static_cast<std::size_t>(result.rule)].then == result.status
                                             : result.status == kNoStatus;
  if (rules_status) {
    const std::array<StatusIndex, 3>& levels = rule_levels_[static_cast<std::size_t>(result.rule + 1)];
    std::copy(levels.begin(), levels.end(), level_status_);
  } else {
    fill_levels(result.status);
  }
  std::string_view rule = result.rule >= 0 ? std::string_view(rules[static_cast<std::size_t>(result.rule)].id) : "";
  scratch_.clear();
  append_problems(scratch_, classifier_, result, options_.sheet);
  const std::size_t width = classifier_.header_width();

  if (options_.format == OutputFormat::csv) {
    // Cells are written as they came: a well-formed record is copied byte for
    // byte; a short row is padded so the added columns stay aligned (its
    // field_count problem says so).
    // A cell a spreadsheet would run as a formula gets its apostrophe (a
    // check of the first byte of each cell first).
    const bool same_delimiter = options_.delimiter == options_.input_delimiter;
    const bool guard = needs_guard(record);
    if (!rewrite_ && !guard && !record.stray_cr && record.fields.size() == width && same_delimiter) {
      csv_.raw_fields(record.raw);
    } else {
      // Some cells change (ftstatus's own columns of an earlier run, --apply),
      // or a stray CR must be quoted: cell by cell, unchanged cells as they
      // were written in the input where that is safe.
      const bool copy_raw = same_delimiter && !record.stray_cr && record.fields.size() == width;
      if (copy_raw) split_raw_fields(record.raw, options_.input_delimiter, raw_fields_);
      for (std::size_t f = 0; f < width; ++f) {
        const std::string_view cell = f < record.fields.size() ? record.fields[f] : std::string_view();
        const int replaced = f < replaced_.size() ? replaced_[f] : -1;
        if (replaced >= kAppliedLevel0) {
          if (const std::optional<std::string_view> value = applied(replaced, cell, result)) {
            put(*value);
            continue;
          }
        } else if (replaced >= 0) {
          put(added_value(static_cast<std::size_t>(replaced), record, result));
          continue;
        }
        if (copy_raw && !(guard && needs_formula_guard(cell)))
          csv_.raw_fields(raw_fields_[f]);
        else
          put(cell);
      }
    }
    if (!rewrite_) {
      // The common case, none of the added columns in the input: straight out.
      const std::array<std::string, 4>* cells =
          rules_status ? &rule_cells_[static_cast<std::size_t>(result.rule + 1)] : nullptr;
      if (cells != nullptr && scratch_.empty()) {  // no problem, so no target date to propose
        csv_.raw_fields((*cells)[!has_current_    ? kNoProblems
                                 : result.changed ? kNoProblemsChangedTrue
                                                  : kNoProblemsChangedFalse]);
      } else {
        if (cells != nullptr) {
          csv_.raw_fields((*cells)[kLevelCells]);
        } else {
          for (int level = 0; level < levels_; ++level)
            put(level_status_[level] == kNoStatus ? std::string_view()
                                                  : status_labels_[static_cast<std::size_t>(level_status_[level])]);
        }
        if (classifier_.proposes_target_dates()) put(proposed_cell(result));
        put(rule);
        put(scratch_);
        if (has_current_) csv_.field(result.changed ? "true" : "false");
      }
      if (options_.explain) put(classifier_.explain(record));
    } else {
      for (std::size_t k : added_)
        if (classifier_.output_field(k) < 0) put(added_value(k, record, result));
    }
    // Cells beyond the header go last, after the added columns: nothing is
    // lost and every named column stays aligned.
    for (std::size_t f = width; f < record.fields.size(); ++f) put(record.fields[f]);
    csv_.end_record();
    return;
  }

  json_ += "{\"line\":";
  fmt::format_to(std::back_inserter(json_), "{}", result.line);
  for (std::size_t f = 0; f < width; ++f) {  // a short row's missing cells are empty, as in CSV
    const int replaced = f < replaced_.size() ? replaced_[f] : -1;
    if (replaced >= 0 && replaced < kAppliedLevel0) continue;  // an earlier run's column: written anew below
    std::string_view cell = f < record.fields.size() ? record.fields[f] : std::string_view();
    if (replaced >= kAppliedLevel0)
      if (const std::optional<std::string_view> value = applied(replaced, cell, result)) cell = *value;
    json_ += ',';
    append_json_string(json_, header_names_[f]);
    json_ += ':';
    append_json_string(json_, cell);
  }
  if (record.fields.size() > width) {
    // Cells beyond the header are kept, not dropped.
    json_ += ",\"extra_fields\":[";
    for (std::size_t f = width; f < record.fields.size(); ++f) {
      if (f > width) json_ += ',';
      append_json_string(json_, record.fields[f]);
    }
    json_ += ']';
  }
  for (int level = 0; level < levels_; ++level) {
    fmt::format_to(std::back_inserter(json_), ",\"suggested_l{}\":", level + 1);
    if (level_status_[level] == kNoStatus)
      json_ += "null";
    else
      append_json_string(json_, status_labels_[static_cast<std::size_t>(level_status_[level])]);
  }
  if (classifier_.proposes_target_dates()) {
    json_ += ",\"suggested_target_date\":";
    if (proposed_cell(result).empty())
      json_ += "null";
    else
      append_json_string(json_, proposed_);
  }
  json_ += ",\"rule\":";
  if (result.rule >= 0)
    append_json_string(json_, rule);
  else
    json_ += "null";
  json_ += ",\"problems\":[";
  std::string_view problems = scratch_;
  for (std::size_t start = 0; start < problems.size();) {
    std::size_t end = problems.find(';', start);
    if (end == std::string_view::npos) end = problems.size();
    if (start > 0) json_ += ',';
    append_json_string(json_, problems.substr(start, end - start));
    start = end + 1;
  }
  json_ += ']';
  if (has_current_) json_ += result.changed ? ",\"changed\":true" : ",\"changed\":false";
  if (options_.explain) {
    json_ += ",\"explanation\":";
    append_json_string(json_, classifier_.explain(record));
  }
  json_ += "}\n";
  flush_if_full();
}

void ClassifiedWriter::take_pending(std::string& into) {
  if (options_.format == OutputFormat::jsonl) {
    into.swap(json_);
    json_.clear();
  } else {
    csv_.take_buffer(into);
  }
}

void ClassifiedWriter::write_formatted(std::string_view bytes) {
  if (!json_.empty() && out_ != nullptr) {
    ok_ = std::fwrite(json_.data(), 1, json_.size(), out_) == json_.size() && ok_;
    json_.clear();
  }
  csv_.write_formatted(bytes);  // JSON lines too: the CSV writer only passes them on
}

void ClassifiedWriter::flush_if_full() {
  if (json_.size() < (1u << 16) || out_ == nullptr) return;
  ok_ = std::fwrite(json_.data(), 1, json_.size(), out_) == json_.size() && ok_;
  json_.clear();
}

Result ClassifiedWriter::finish() {
  if (!json_.empty()) {
    ok_ = std::fwrite(json_.data(), 1, json_.size(), out_) == json_.size() && ok_;
    json_.clear();
  }
  ok_ = csv_.flush() && ok_;
  if (ok_ && std::fflush(out_) == 0) return {};
  return output_write_error(name_, csv_.error_number() != 0 ? csv_.error_number() : errno);
}

}  // namespace ftstatus
