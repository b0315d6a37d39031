#pragma once
// The classified table sink: every input cell unchanged, then suggested_l1,
// suggested_l2 (suggested_l3 when the taxonomy has L3s), rule, problems,
// changed (when the input has l1/l2) and explanation (with --explain), as CSV
// or JSONL.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/lang.h"
#include "ftstatus/pipeline.h"
#include "io/csv.h"

namespace ftstatus {

// "code:column:line" items joined by ';' (column empty for whole-row problems).
void append_problems(std::string& out, const Classifier& classifier, const RowResult& result);

// One human sentence for a problem, for --errors and bulk validate.
std::string describe_problem(const Classifier& classifier, const RowProblem& problem, const RowResult& result,
                             Lang lang);

class ClassifiedWriter final : public RecordSink {
 public:
  ClassifiedWriter(std::FILE* out, std::string name, const Classifier& classifier, OutputOptions options);

  void header(const Record& header) override;
  void row(const Record& record, const RowResult& result) override;
  Result finish() override;

 private:
  void fill_levels(StatusIndex status);
  void flush_if_full();

  std::FILE* out_;
  std::string name_;
  const Classifier& classifier_;
  OutputOptions options_;
  CsvWriter csv_;
  int levels_;
  bool has_current_ = false;
  std::vector<std::string> header_names_;   // JSONL keys
  std::vector<std::string> status_labels_;  // by StatusIndex, in the chosen labels
  StatusIndex level_status_[3] = {kNoStatus, kNoStatus, kNoStatus};
  std::string scratch_;
  std::string json_;
  bool ok_ = true;
};

}  // namespace ftstatus
