#include "engine/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/classified_writer.h"
#include "engine/formula_guard.h"
#include "ftstatus/date.h"
#include "io/xlsx_reader.h"
#include "model/utf8.h"

namespace ftstatus {

namespace {

constexpr lxw_row_t kMaxRows = 1'048'576;  // Excel's, header included
constexpr std::size_t kMaxCellChars = 32'767;

// Excel column letters of a 0-based column.
std::string column_letters(std::size_t column) {
  std::string out;
  for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

// Valid UTF-8 (bad bytes become U+FFFD) no longer than Excel takes.
std::string cell_text(std::string_view text) {
  std::string out;
  if (is_valid_utf8(text))
    out.assign(text);
  else
    append_repaired_utf8(out, text);
  if (out.size() > kMaxCellChars) {
    std::size_t cut = kMaxCellChars;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

class WorkbookWriter final : public RecordSink {
 public:
  WorkbookWriter(std::string path, std::string name, const Classifier& classifier, WorkbookOutputOptions options)
      : path_(std::move(path)), name_(std::move(name)), classifier_(classifier), options_(std::move(options)) {
    lxw_workbook_options wb_options{};
    wb_options.constant_memory = LXW_TRUE;
    workbook_ = workbook_new_opt(path_.c_str(), &wb_options);
    const Lang lang = options_.lang;
    data_ = workbook_add_worksheet(workbook_, text("xlsx_sheet_data", lang).c_str());
    taxonomy_sheet_ = workbook_add_worksheet(workbook_, text("xlsx_sheet_taxonomy", lang).c_str());
    summary_ = workbook_add_worksheet(workbook_, text("xlsx_sheet_summary", lang).c_str());
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    date_ = workbook_add_format(workbook_);
    format_set_num_format(date_, lang == Lang::es ? "dd/mm/yyyy" : "yyyy-mm-dd");
    problem_ = workbook_add_format(workbook_);
    format_set_bg_color(problem_, 0xFFD7D7);
    problem_date_ = workbook_add_format(workbook_);
    format_set_bg_color(problem_date_, 0xFFD7D7);
    format_set_num_format(problem_date_, lang == Lang::es ? "dd/mm/yyyy" : "yyyy-mm-dd");
    const Taxonomy& t = classifier_.taxonomy();
    for (const Status& s : t.statuses())
      labels_.push_back(
          options_.labels == Labels::id ? s.id : s.name.get(options_.labels == Labels::es ? Lang::es : Lang::en));
    levels_ = std::max(2, t.depth());
    per_status_.assign(t.statuses().size(), 0);
  }

  ~WorkbookWriter() override {
    if (workbook_ != nullptr) workbook_close(workbook_);  // a failed run: the caller removes the file
  }

  void header(const Record& header) override {
    if (workbook_ == nullptr) return;
    const Schema& schema = classifier_.rules().schema;
    width_ = header.fields.size();
    column_of_field_.assign(width_, -1);
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      const int f = classifier_.field_of(static_cast<int>(c));
      if (f >= 0 && static_cast<std::size_t>(f) < width_)
        column_of_field_[static_cast<std::size_t>(f)] = static_cast<int>(c);
    }
    // An input ftstatus classified before (a workbook it wrote, read back)
    // has its added columns: they are written anew in place, not twice.
    const std::vector<std::string>& outputs = output_column_names();
    replaced_.assign(width_, -1);
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      const int f = classifier_.output_field(k);
      if (f >= 0 && static_cast<std::size_t>(f) < width_) replaced_[static_cast<std::size_t>(f)] = static_cast<int>(k);
    }
    added_.clear();
    for (int level = 0; level < levels_; ++level) added_.push_back(static_cast<std::size_t>(level));
    if (classifier_.proposes_target_dates()) added_.push_back(kTargetDate);
    added_.push_back(kRule);
    added_.push_back(kProblems);
    added_.push_back(kMessages);
    if (classifier_.has_current_columns() || classifier_.output_field(kChanged) >= 0) added_.push_back(kChanged);
    lxw_col_t col = 0;
    for (std::string_view name : header.fields) write_header_cell(col++, name);
    for (std::size_t k : added_)
      if (classifier_.output_field(k) < 0) write_header_cell(col++, outputs[k]);
    columns_ = col;
    worksheet_freeze_panes(data_, 1, 0);
    write_taxonomy_sheet();
  }

  void row(const Record& record, const RowResult& result) override {
    if (workbook_ == nullptr) return;
    if (++rows_ >= kMaxRows) {
      too_many_ = true;
      return;
    }
    const lxw_row_t r = static_cast<lxw_row_t>(rows_);
    const bool flagged = !result.problems.empty();
    StatusIndex level_status[3] = {kNoStatus, kNoStatus, kNoStatus};
    const Taxonomy& t = classifier_.taxonomy();
    for (StatusIndex s = result.status; s != kNoStatus; s = t.at(s).parent) level_status[t.at(s).level - 1] = s;
    codes_.clear();
    append_problems(codes_, classifier_, result, options_.sheet);
    messages_.clear();
    for (const RowProblem& p : result.problems) {
      if (!messages_.empty()) messages_ += '\n';
      messages_ += describe_problem(classifier_, p, result, options_.lang);
      ++per_code_[std::string(row_code_name(p.code))];
    }
    auto write_added = [&](lxw_col_t at, std::size_t k) {
      const std::vector<Rule>& rules = classifier_.rules().rules;
      if (k < 3) {
        const StatusIndex s = static_cast<int>(k) < levels_ ? level_status[k] : kNoStatus;
        write_text(r, at, s == kNoStatus ? std::string_view() : std::string_view(labels_[static_cast<std::size_t>(s)]),
                   flagged);
      } else if (k == kTargetDate) {
        if (const std::optional<Date> date = classifier_.proposed_target_date(result))
          write_date(r, at, *date, flagged);
        else if (flagged)
          worksheet_write_blank(data_, r, at, problem_);
      } else if (k == kRule) {
        write_text(r, at, result.rule >= 0 ? std::string_view(rules[static_cast<std::size_t>(result.rule)].id) : "",
                   flagged);
      } else if (k == kProblems) {
        write_text(r, at, codes_, flagged);
      } else if (k == kMessages) {
        write_text(r, at, messages_, flagged);
      } else if (k == kChanged) {
        if (classifier_.has_current_columns())
          worksheet_write_boolean(data_, r, at, result.changed ? 1 : 0, flagged ? problem_ : nullptr);
      } else {  // an explanation column of an earlier run
        write_text(r, at, classifier_.explain(record), flagged);
      }
    };
    lxw_col_t col = 0;
    for (std::size_t f = 0; f < width_; ++f) {
      if (replaced_[f] >= 0) {
        write_added(col++, static_cast<std::size_t>(replaced_[f]));
        continue;
      }
      const std::string_view cell = f < record.fields.size() ? record.fields[f] : std::string_view();
      write_typed(r, col++, f, cell, flagged);
    }
    for (std::size_t k : added_)
      if (classifier_.output_field(k) < 0) write_added(col++, k);
    if (result.status != kNoStatus) ++per_status_[static_cast<std::size_t>(result.status)];
    if (classifier_.has_current_columns()) ++transitions_[{result.current, result.status}];
    if (flagged) ++with_problems_;
    if (result.changed) ++changed_;
  }

  Result finish() override {
    if (workbook_ == nullptr) return Error{Problem("output_workbook_failed", {{"reason", "cannot create"}}), name_};
    if (too_many_)
      return Error{Problem("output_workbook_too_many_rows",
                           {{"rows", std::to_string(rows_)}, {"max", std::to_string(kMaxRows - 1)}}),
                   name_};
    const lxw_row_t last = static_cast<lxw_row_t>(std::max<long>(rows_, 1));
    worksheet_autofilter(data_, 0, 0, last, static_cast<lxw_col_t>(columns_ - 1));
    add_validations(last);
    write_summary();
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR)
      return Error{Problem("output_workbook_failed", {{"reason", lxw_strerror(error)}}), name_};
    return {};
  }

 private:
  static std::string text(std::string_view key, Lang lang) { return Problem(key).message(lang); }

  void write_header_cell(lxw_col_t col, std::string_view name) {
    const std::string value = cell_text(name);
    worksheet_write_string(data_, 0, col, value.c_str(), bold_);
    const double width = std::clamp(static_cast<double>(value.size()) + 2.0, 10.0, 40.0);
    worksheet_set_column(data_, col, col, width, nullptr);
  }

  void write_date(lxw_row_t r, lxw_col_t col, Date date, bool flagged) {
    const std::string iso = date.to_iso();
    lxw_datetime dt{};
    dt.year = std::stoi(iso.substr(0, 4));
    dt.month = std::stoi(iso.substr(5, 2));
    dt.day = std::stoi(iso.substr(8, 2));
    worksheet_write_datetime(data_, r, col, &dt, flagged ? problem_date_ : date_);
  }

  void write_text(lxw_row_t r, lxw_col_t col, std::string_view value, bool flagged) {
    if (value.empty()) {
      if (flagged) worksheet_write_blank(data_, r, col, problem_);
      return;
    }
    // A string cell is never a formula, so the apostrophe an earlier spreadsheet-bound CSV put before
    // `=x` (engine/formula_guard.h) is not needed here: the cell shows `=x`, as it did in Excel.
    const std::string clean = cell_text(has_formula_guard(value) ? value.substr(1) : value);
    worksheet_write_string(data_, r, col, clean.c_str(), flagged ? problem_ : nullptr);
  }

  // A cell as its column's type says; text when it does not parse (the
  // problems column says so), so nothing the partner typed is lost.
  void write_typed(lxw_row_t r, lxw_col_t col, std::size_t field, std::string_view cell, bool flagged) {
    const int column = column_of_field_[field];
    const std::string_view value = trim(cell);
    if (column >= 0 && !value.empty()) {
      const Column& c = classifier_.rules().schema.columns[static_cast<std::size_t>(column)];
      std::int64_t number = 0;
      bool flag = false;
      if (c.type == ColumnType::integer && parse_integer(value, number)) {
        worksheet_write_number(data_, r, col, static_cast<double>(number), flagged ? problem_ : nullptr);
        return;
      }
      if (c.type == ColumnType::boolean && parse_bool(value, flag)) {
        worksheet_write_boolean(data_, r, col, flag ? 1 : 0, flagged ? problem_ : nullptr);
        return;
      }
      if (c.type == ColumnType::date && parse_date(value, classifier_.date_format(column), number)) {
        write_date(r, col, Date::from_days(static_cast<long>(number)), flagged);
        return;
      }
    }
    write_text(r, col, cell, flagged);
  }

  // The names the dropdowns offer, one block written row by row (constant
  // memory): column A the L1 names, and for each L1 a column headed by its
  // name holding its L2 names.
  void write_taxonomy_sheet() {
    const Taxonomy& t = classifier_.taxonomy();
    const Lang lang = options_.lang;
    std::vector<std::string> l1_names;
    std::vector<std::vector<std::string>> children;
    for (std::size_t i = 0; i < t.statuses().size(); ++i) {
      if (t.statuses()[i].level != 1) continue;
      l1_names.push_back(cell_text(t.statuses()[i].name.get(lang)));
      children.emplace_back();
      for (std::size_t j = 0; j < t.statuses().size(); ++j)
        if (t.statuses()[j].parent == static_cast<StatusIndex>(i))
          children.back().push_back(cell_text(t.statuses()[j].name.get(lang)));
      l2_longest_ = std::max(l2_longest_, children.back().size());
    }
    l1_count_ = l1_names.size();
    l2_columns_ = l1_names.size();
    worksheet_write_string(taxonomy_sheet_, 0, 0, "L1", bold_);
    for (std::size_t k = 0; k < l1_names.size(); ++k)
      worksheet_write_string(taxonomy_sheet_, 0, static_cast<lxw_col_t>(k + 1), l1_names[k].c_str(), bold_);
    for (std::size_t row = 0; row < std::max(l1_count_, l2_longest_); ++row) {
      const auto r = static_cast<lxw_row_t>(row + 1);
      if (row < l1_names.size()) worksheet_write_string(taxonomy_sheet_, r, 0, l1_names[row].c_str(), nullptr);
      for (std::size_t k = 0; k < children.size(); ++k)
        if (row < children[k].size())
          worksheet_write_string(taxonomy_sheet_, r, static_cast<lxw_col_t>(k + 1), children[k][row].c_str(), nullptr);
    }
    // Below the dropdowns' block, every status as the playbook defines it.
    auto r = static_cast<lxw_row_t>(std::max(l1_count_, l2_longest_) + 2);
    const char* heads[] = {"level", "id", "name (en)", "nombre (es)", "target date / fecha objetivo"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(taxonomy_sheet_, r, c, heads[c], bold_);
    for (const Status& st : t.statuses()) {
      ++r;
      worksheet_write_number(taxonomy_sheet_, r, 0, st.level, nullptr);
      worksheet_write_string(taxonomy_sheet_, r, 1, cell_text(st.id).c_str(), nullptr);
      worksheet_write_string(taxonomy_sheet_, r, 2, cell_text(st.name.get(Lang::en)).c_str(), nullptr);
      worksheet_write_string(taxonomy_sheet_, r, 3, cell_text(st.name.get(Lang::es)).c_str(), nullptr);
      worksheet_write_boolean(taxonomy_sheet_, r, 4, st.target_date.required ? 1 : 0, nullptr);
    }
    worksheet_set_column(taxonomy_sheet_, 0, static_cast<lxw_col_t>(std::max<std::size_t>(l1_names.size(), 4)), 32,
                         nullptr);
    // The dropdowns' source: not to be edited by accident.
    worksheet_protect(taxonomy_sheet_, nullptr, nullptr);
  }

  void add_validations(lxw_row_t last) {
    const Schema& schema = classifier_.rules().schema;
    const std::string taxonomy = text("xlsx_sheet_taxonomy", options_.lang);
    const int l1 = schema.find("l1");
    const int l2 = schema.find("l2");
    const int target = schema.find("target_date");
    const int l1_field = l1 >= 0 ? classifier_.field_of(l1) : -1;
    if (l1_field >= 0) {
      const std::string list = fmt::format("='{}'!$A$2:$A${}", taxonomy, l1_count_ + 1);
      const std::string title = text("xlsx_validation_l1_title", options_.lang);
      const std::string message = text("xlsx_validation_l1_message", options_.lang);
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      v.value_formula = const_cast<char*>(list.c_str());
      v.input_title = const_cast<char*>(title.c_str());
      v.input_message = const_cast<char*>(message.c_str());
      worksheet_data_validation_range(data_, 1, static_cast<lxw_col_t>(l1_field), last,
                                      static_cast<lxw_col_t>(l1_field), &v);
    }
    const int l2_field = l2 >= 0 ? classifier_.field_of(l2) : -1;
    if (l1_field >= 0 && l2_field >= 0) {
      // The L2s under the row's L1: the column of the L2 block headed by it.
      const std::string l1_cell = fmt::format("${}2", column_letters(static_cast<std::size_t>(l1_field)));
      const std::string headings = fmt::format("'{}'!$B$1:${}$1", taxonomy, column_letters(l2_columns_));
      const std::string list =
          fmt::format("=OFFSET('{}'!$A$2,0,MATCH({},{},0),MAX(1,COUNTA(OFFSET('{}'!$A$2,0,MATCH({},{},0),{},1))),1)",
                      taxonomy, l1_cell, headings, taxonomy, l1_cell, headings, std::max<std::size_t>(l2_longest_, 1));
      const std::string title = text("xlsx_validation_l2_title", options_.lang);
      const std::string message = text("xlsx_validation_l2_message", options_.lang);
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      v.value_formula = const_cast<char*>(list.c_str());
      v.input_title = const_cast<char*>(title.c_str());
      v.input_message = const_cast<char*>(message.c_str());
      worksheet_data_validation_range(data_, 1, static_cast<lxw_col_t>(l2_field), last,
                                      static_cast<lxw_col_t>(l2_field), &v);
    }
    const int target_field = target >= 0 ? classifier_.field_of(target) : -1;
    if (target_field >= 0) {
      const std::string iso = classifier_.options().as_of.to_iso();
      const std::string title = text("xlsx_validation_date_title", options_.lang);
      const std::string message = Problem("xlsx_validation_date_message", {{"as_of", iso}}).message(options_.lang);
      lxw_data_validation v{};
      v.validate = LXW_VALIDATION_TYPE_DATE;
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_datetime.year = std::stoi(iso.substr(0, 4));
      v.value_datetime.month = std::stoi(iso.substr(5, 2));
      v.value_datetime.day = std::stoi(iso.substr(8, 2));
      v.input_title = const_cast<char*>(title.c_str());
      v.input_message = const_cast<char*>(message.c_str());
      worksheet_data_validation_range(data_, 1, static_cast<lxw_col_t>(target_field), last,
                                      static_cast<lxw_col_t>(target_field), &v);
    }
  }

  void write_summary() {
    const Lang lang = options_.lang;
    const Taxonomy& t = classifier_.taxonomy();
    lxw_row_t r = 0;
    auto pair = [&](const std::string& label, const std::string& value) {
      const std::string l = cell_text(label);
      const std::string v = cell_text(value);
      worksheet_write_string(summary_, r, 0, l.c_str(), bold_);
      worksheet_write_string(summary_, r, 1, v.c_str(), nullptr);
      ++r;
    };
    auto count = [&](const std::string& label, long n) {
      const std::string l = cell_text(label);
      worksheet_write_string(summary_, r, 0, l.c_str(), nullptr);
      worksheet_write_number(summary_, r, 1, static_cast<double>(n), nullptr);
      ++r;
    };
    pair(text("xlsx_summary_input", lang), options_.input_name);
    pair(text("xlsx_summary_as_of", lang), classifier_.options().as_of.to_iso());
    pair(text("xlsx_summary_taxonomy", lang), t.id + (t.source.empty() ? std::string() : " (" + t.source + ")"));
    count(text("xlsx_summary_rows", lang), rows_);
    count(text("xlsx_summary_with_problems", lang), with_problems_);
    count(text("xlsx_summary_changed", lang), changed_);
    ++r;
    // Rows per L1 (the chart's data), then per status.
    worksheet_write_string(summary_, r, 0, "L1", bold_);
    worksheet_write_string(summary_, r, 1, text("xlsx_summary_count", lang).c_str(), bold_);
    const lxw_row_t l1_first = ++r;
    for (std::size_t i = 0; i < t.statuses().size(); ++i) {
      if (t.statuses()[i].level != 1) continue;
      long n = 0;
      for (std::size_t j = 0; j < t.statuses().size(); ++j) {
        StatusIndex s = static_cast<StatusIndex>(j);
        while (s != kNoStatus && t.at(s).level > 1) s = t.at(s).parent;
        if (s == static_cast<StatusIndex>(i)) n += per_status_[j];
      }
      count(t.statuses()[i].name.get(lang), n);
    }
    const lxw_row_t l1_last = r - 1;
    ++r;
    worksheet_write_string(summary_, r, 0, text("xlsx_summary_status", lang).c_str(), bold_);
    worksheet_write_string(summary_, r, 1, text("xlsx_summary_count", lang).c_str(), bold_);
    ++r;
    for (std::size_t j = 0; j < t.statuses().size(); ++j)
      if (per_status_[j] > 0) count(t.path(static_cast<StatusIndex>(j)), per_status_[j]);
    ++r;
    worksheet_write_string(summary_, r, 0, text("xlsx_summary_problem", lang).c_str(), bold_);
    worksheet_write_string(summary_, r, 1, text("xlsx_summary_count", lang).c_str(), bold_);
    ++r;
    for (const auto& [code, n] : per_code_) count(code, n);
    if (!transitions_.empty()) {
      ++r;
      worksheet_write_string(summary_, r, 0, text("xlsx_summary_current", lang).c_str(), bold_);
      worksheet_write_string(summary_, r, 1, text("xlsx_summary_suggested", lang).c_str(), bold_);
      worksheet_write_string(summary_, r, 2, text("xlsx_summary_count", lang).c_str(), bold_);
      ++r;
      const std::string unknown = text("xlsx_summary_no_status", lang);
      for (const auto& [pair_of, n] : transitions_) {
        const std::string from = pair_of.first == kNoStatus ? unknown : t.path(pair_of.first);
        const std::string to = pair_of.second == kNoStatus ? unknown : t.path(pair_of.second);
        worksheet_write_string(summary_, r, 0, cell_text(from).c_str(), nullptr);
        worksheet_write_string(summary_, r, 1, cell_text(to).c_str(), nullptr);
        worksheet_write_number(summary_, r, 2, static_cast<double>(n), nullptr);
        ++r;
      }
    }
    worksheet_set_column(summary_, 0, 1, 50, nullptr);

    lxw_chart* chart = workbook_add_chart(workbook_, LXW_CHART_BAR);
    const std::string summary = text("xlsx_sheet_summary", lang);
    const std::string categories = fmt::format("='{}'!$A${}:$A${}", summary, l1_first + 1, l1_last + 1);
    const std::string values = fmt::format("='{}'!$B${}:$B${}", summary, l1_first + 1, l1_last + 1);
    lxw_chart_series* series = chart_add_series(chart, categories.c_str(), values.c_str());
    chart_series_set_name(series, text("xlsx_summary_chart", lang).c_str());
    chart_title_set_name(chart, text("xlsx_summary_chart", lang).c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    worksheet_insert_chart(summary_, 0, 4, chart);
  }

  std::string path_;
  std::string name_;
  const Classifier& classifier_;
  WorkbookOutputOptions options_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* data_ = nullptr;
  lxw_worksheet* taxonomy_sheet_ = nullptr;
  lxw_worksheet* summary_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* problem_ = nullptr;
  lxw_format* problem_date_ = nullptr;
  std::vector<std::string> labels_;
  static constexpr std::size_t kRule = 3, kProblems = 4, kChanged = 5, kMessages = 7, kTargetDate = 8;
  std::vector<int> column_of_field_;
  std::vector<int> replaced_;       // by input field: the added column it holds (output_column_names()), or -1
  std::vector<std::size_t> added_;  // the added columns, in output order
  std::size_t width_ = 0;
  std::size_t columns_ = 0;
  int levels_ = 2;
  long rows_ = 0;
  long with_problems_ = 0;
  long changed_ = 0;
  bool too_many_ = false;
  std::vector<long> per_status_;
  std::map<std::string, long> per_code_;
  std::map<std::pair<StatusIndex, StatusIndex>, long> transitions_;  // (current, suggested) -> rows
  std::size_t l1_count_ = 0;
  std::size_t l2_columns_ = 0;
  std::size_t l2_longest_ = 0;
  std::string codes_;
  std::string messages_;
};

}  // namespace

std::unique_ptr<RecordSink> make_workbook_sink(std::string path, std::string name, const Classifier& classifier,
                                               WorkbookOutputOptions options) {
  return std::make_unique<WorkbookWriter>(std::move(path), std::move(name), classifier, std::move(options));
}

}  // namespace ftstatus
