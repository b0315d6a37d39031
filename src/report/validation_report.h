#pragma once
// What `validate` prints: one assignment as text or JSON, and the findings
// of bulk validate as text, CSV or JSON.
#include <cstdio>
#include <ostream>
#include <string>

#include "ftstatus/pipeline.h"
#include "ftstatus/validator.h"
#include "io/csv.h"
#include "io/json_writer.h"

namespace ftstatus {

void write_validation_text(std::ostream& out, const Taxonomy& taxonomy, const Assignment& assignment,
                           const Validation& validation, Lang lang);
void write_validation_json(std::ostream& out, const Taxonomy& taxonomy, const Assignment& assignment,
                           const Validation& validation, Lang lang, Date as_of);

enum class ReportFormat { text, csv, json };

// Bulk validate's findings, one a line (text), a CSV table, or one JSON object.
class FindingReport final : public FindingSink {
 public:
  FindingReport(std::ostream& out, ReportFormat format, Lang lang);
  void add(const RowFinding& finding) override;
  // Writes the totals and closes the JSON object.
  void finish(const ValidateSummary& summary);

 private:
  void start();
  std::ostream& out_;
  ReportFormat format_;
  Lang lang_;
  CsvWriter csv_;
  JsonWriter json_;
  bool started_ = false;
};

}  // namespace ftstatus
