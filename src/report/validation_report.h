#pragma once
// What `validate` prints: one assignment as text or JSON, and the findings
// of bulk validate as text, CSV or JSON.
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>

#include "ftstatus/pipeline.h"
#include "ftstatus/validator.h"
#include "io/csv.h"
#include "io/json_writer.h"
#include "report/colours.h"

namespace ftstatus {

void write_validation_text(std::ostream& out, const Taxonomy& taxonomy, const Assignment& assignment,
                           const Validation& validation, Lang lang, const Colours& colours = {});
void write_validation_json(std::ostream& out, const Taxonomy& taxonomy, const Assignment& assignment,
                           const Validation& validation, Lang lang, Date as_of);

enum class ReportFormat { text, csv, json };

// Bulk validate's findings, one a line (text), a CSV table, or one JSON object.
class FindingReport final : public FindingSink {
 public:
  FindingReport(std::ostream& out, ReportFormat format, Lang lang);
  // A CSV report is written as the input was: delimiter, line ends, BOM;
  // in Excel's dialect (excel_dialect()) cells that would run as formulas get
  // an apostrophe, unless `formulas` (--formulas) says otherwise.
  void set_formulas(std::optional<bool> formulas) { formulas_ = formulas; }
  void input_known(const InputReport& input) override;
  void add(const RowFinding& finding) override;
  // Writes the totals and closes the JSON object.
  void finish(const ValidateSummary& summary);

 private:
  void start();
  std::ostream& out_;
  ReportFormat format_;
  Lang lang_;
  char delimiter_ = ',';
  LineEnding line_ending_ = LineEnding::lf;
  bool bom_ = false;
  std::optional<bool> formulas_;
  bool neutralize_ = false;
  std::string guarded_;
  std::optional<CsvWriter> csv_;  // made when the report starts, in the input's dialect
  JsonWriter json_;
  bool started_ = false;
};

}  // namespace ftstatus
