#include "report/validation_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <string_view>

namespace ftstatus {

struct WorkbookFindingReport::Impl {
  std::string name;
  Lang lang = Lang::en;
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* findings = nullptr;
  lxw_worksheet* summary = nullptr;
  lxw_format* bold = nullptr;
  lxw_row_t row = 0;
  bool too_many = false;

  std::string text(std::string_view key) const { return Problem(key).message(lang); }
};

WorkbookFindingReport::WorkbookFindingReport(const std::string& path, std::string name, Lang lang)
    : impl_(std::make_unique<Impl>()) {
  Impl& i = *impl_;
  i.name = std::move(name);
  i.lang = lang;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  i.workbook = workbook_new_opt(path.c_str(), &options);
  if (i.workbook == nullptr) return;
  i.findings = workbook_add_worksheet(i.workbook, i.text("xlsx_sheet_findings").c_str());
  i.summary = workbook_add_worksheet(i.workbook, i.text("xlsx_sheet_summary").c_str());
  i.bold = workbook_add_format(i.workbook);
  format_set_bold(i.bold);
  const char* heads[] = {"line", "entitlement_id", "code", "message", "fix"};
  const double widths[] = {10, 18, 26, 80, 60};
  for (lxw_col_t c = 0; c < 5; ++c) {
    worksheet_write_string(i.findings, 0, c, heads[c], i.bold);
    worksheet_set_column(i.findings, c, c, widths[c], nullptr);
  }
  worksheet_freeze_panes(i.findings, 1, 0);
}

WorkbookFindingReport::~WorkbookFindingReport() {
  if (impl_->workbook != nullptr) workbook_close(impl_->workbook);
}

void WorkbookFindingReport::add(const RowFinding& finding) {
  Impl& i = *impl_;
  if (i.workbook == nullptr) return;
  if (i.row + 1 >= 1'048'576) {
    i.too_many = true;
    return;
  }
  const lxw_row_t r = ++i.row;
  worksheet_write_number(i.findings, r, 0, static_cast<double>(finding.line), nullptr);
  // Text as text: an id like "=1+1" is never a formula.
  const std::string id(finding.id), code(finding.code);
  worksheet_write_string(i.findings, r, 1, id.c_str(), nullptr);
  worksheet_write_string(i.findings, r, 2, code.c_str(), nullptr);
  worksheet_write_string(i.findings, r, 3, finding.message.c_str(), nullptr);
  worksheet_write_string(i.findings, r, 4, finding.fix.c_str(), nullptr);
}

Result WorkbookFindingReport::finish(const ValidateSummary& summary) {
  Impl& i = *impl_;
  if (i.workbook == nullptr) return Error{Problem("output_workbook_failed", {{"reason", "cannot create"}}), i.name};
  if (i.too_many)
    return Error{Problem("output_workbook_too_many_rows", {{"rows", std::to_string(i.row)}, {"max", "1048575"}}),
                 i.name};
  worksheet_autofilter(i.findings, 0, 0, std::max<lxw_row_t>(i.row, 1), 4);
  worksheet_write_string(i.summary, 0, 0, i.text("xlsx_summary_rows").c_str(), i.bold);
  worksheet_write_number(i.summary, 0, 1, static_cast<double>(summary.rows), nullptr);
  worksheet_write_string(i.summary, 1, 0, i.text("xlsx_summary_invalid_rows").c_str(), i.bold);
  worksheet_write_number(i.summary, 1, 1, static_cast<double>(summary.invalid_rows), nullptr);
  worksheet_write_string(i.summary, 2, 0, i.text("xlsx_summary_input").c_str(), i.bold);
  worksheet_write_string(i.summary, 2, 1, summary.input.name.c_str(), nullptr);
  worksheet_set_column(i.summary, 0, 1, 30, nullptr);
  const lxw_error error = workbook_close(i.workbook);
  i.workbook = nullptr;
  if (error != LXW_NO_ERROR) return Error{Problem("output_workbook_failed", {{"reason", lxw_strerror(error)}}), i.name};
  return {};
}

}  // namespace ftstatus
