#pragma once
// The classified table as an Excel workbook (libxlsxwriter, constant-memory
// mode: rows go to disk as they come). Sheet 1 holds every input column,
// typed as the schema says, and the added columns, with the problems in words;
// a Taxonomy sheet holds the status names the dropdowns offer; a Summary sheet
// the counts and a chart. No cell is ever a formula: text is written as text.
#include <memory>
#include <string>

#include "ftstatus/pipeline.h"

namespace ftstatus {

struct WorkbookOutputOptions {
  Labels labels = Labels::id;
  Lang lang = Lang::en;  // of sheet names, messages, date format
  std::string input_name;
  std::string sheet;  // the input's sheet, when it was a workbook (problems name its cells)
};

// Writes to `path` (opened by name; the caller renames it into place);
// `name` is what errors call the output.
std::unique_ptr<RecordSink> make_workbook_sink(std::string path, std::string name, const Classifier& classifier,
                                               WorkbookOutputOptions options);

}  // namespace ftstatus
