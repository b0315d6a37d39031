#pragma once
// The classified table sink: every input cell unchanged, then suggested_l1,
// suggested_l2 (suggested_l3 when the taxonomy has L3s), rule, problems,
// changed (when the input has l1/l2) and explanation (with --explain), as CSV
// or JSONL.
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/lang.h"
#include "ftstatus/pipeline.h"
#include "io/csv.h"

namespace ftstatus {

// "code:column:line" items joined by ';' (column empty for whole-row problems);
// for a workbook's sheet, the cell instead of the line ("code:column:Derechos!K12").
void append_problems(std::string& out, const Classifier& classifier, const RowResult& result,
                     std::string_view sheet = {});
// A workbook cell's name: the sheet (quoted when it must be), '!', the
// field's column letters (none for -1) and the row.
void append_cell_name(std::string& out, std::string_view sheet, int field, long row);

// A row's problem as the catalogue words it, its fields filled from the row
// (status names in `lang`).
Problem row_problem(const Classifier& classifier, const RowProblem& problem, const RowResult& result, Lang lang);
// One human sentence for a problem, for --errors and bulk validate.
std::string describe_problem(const Classifier& classifier, const RowProblem& problem, const RowResult& result,
                             Lang lang);

// Writes `cell` to `csv`, after an apostrophe when `neutralize` and it would
// run as a formula in a spreadsheet (needs_formula_guard); `scratch` holds it.
void write_cell(CsvWriter& csv, std::string_view cell, bool neutralize, std::string& scratch);

// The fields of a well-formed CSV record as they are written in it (quotes
// and all), so unchanged cells can be copied byte for byte.
void split_raw_fields(std::string_view raw, char delimiter, std::vector<std::string_view>& out);

class ClassifiedWriter final : public RecordSink {
 public:
  ClassifiedWriter(std::FILE* out, std::string name, const Classifier& classifier, OutputOptions options);

  void header(const Record& header) override;
  void row(const Record& record, const RowResult& result) override;
  Result finish() override;
  void take_pending(std::string& into) override;
  std::size_t pending_size() const override {
    return options_.format == OutputFormat::jsonl ? json_.size() : csv_.buffered();
  }
  void write_formatted(std::string_view bytes) override;

 private:
  // Indexes into output_column_names().
  static constexpr std::size_t kRule = 3, kProblems = 4, kChanged = 5, kExplanation = 6, kMessages = 7, kTargetDate = 8;
  // replaced_ values from here on: the current l1 (l2, l3) cell, then the
  // current target date cell, filled by --apply.
  static constexpr int kAppliedLevel0 = 100, kAppliedTargetDate = 103;

  void fill_levels(StatusIndex status);
  std::string_view added_value(std::size_t k, const Record& record, const RowResult& result);
  // The cell --apply writes into the row's own status or target date cell,
  // or nullopt to keep the input's.
  std::optional<std::string_view> applied(int replaced, std::string_view cell, const RowResult& result);
  // The row's suggested_target_date cell (empty when it needs none), ISO.
  std::string_view proposed_cell(const RowResult& result);
  // Whether the row's current status is the suggestion or one of its parents.
  bool extends(const RowResult& result) const;
  void flush_if_full();
  // One CSV cell, after an apostrophe when it would run as a formula (--formulas).
  void put(std::string_view cell);
  bool needs_guard(const Record& record) const;

  std::FILE* out_;
  std::string name_;
  const Classifier& classifier_;
  OutputOptions options_;
  CsvWriter csv_;
  int levels_;
  bool has_current_ = false;
  bool rewrite_ = false;            // some input cells are replaced
  std::vector<std::size_t> added_;  // the added columns, as indexes into output_column_names()
  std::vector<int> replaced_;       // by input field: the added column it holds, kAppliedLevel0 + level, or -1
  std::vector<std::string_view> raw_fields_;
  std::string explanation_;
  std::vector<std::string> header_names_;   // JSONL keys
  std::vector<std::string> status_labels_;  // by StatusIndex, in the chosen labels
  StatusIndex level_status_[3] = {kNoStatus, kNoStatus, kNoStatus};
  // By rule + 1 (0: no rule): the suggested levels as CSV text, written once
  // here rather than cell by cell on every row; then the levels, an empty
  // suggested_target_date (where there is that column), the rule id and an
  // empty problems cell, alone and with changed false or true.
  static constexpr std::size_t kLevelCells = 0, kNoProblems = 1, kNoProblemsChangedFalse = 2,
                               kNoProblemsChangedTrue = 3;
  std::vector<std::array<std::string, 4>> rule_cells_;
  std::vector<std::array<StatusIndex, 3>> rule_levels_;  // by rule + 1: fill_levels of its status
  std::string scratch_;
  std::string proposed_;      // the last proposed_cell()
  std::string applied_date_;  // a proposed date in the target date column's own form
  std::string json_;
  std::string guarded_;  // a neutralised cell: the apostrophe and the cell
  bool ok_ = true;
};

}  // namespace ftstatus
