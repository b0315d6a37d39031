#pragma once
// Bulk validate's findings as an Excel workbook (validate FILE --format xlsx
// -o REPORT.xlsx): a Findings sheet, one row a finding, and a Summary sheet.
#include <memory>
#include <string>

#include "ftstatus/pipeline.h"

namespace ftstatus {

class WorkbookFindingReport final : public FindingSink {
 public:
  // Writes to `path` (opened by name; the caller renames it into place).
  WorkbookFindingReport(const std::string& path, std::string name, Lang lang);
  ~WorkbookFindingReport() override;
  WorkbookFindingReport(const WorkbookFindingReport&) = delete;
  WorkbookFindingReport& operator=(const WorkbookFindingReport&) = delete;

  void add(const RowFinding& finding) override;
  // Writes the totals and closes the workbook; an Error names the output.
  Result finish(const ValidateSummary& summary);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace ftstatus
