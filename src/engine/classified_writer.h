#pragma once
// Writes classified rows: every input cell unchanged, then suggested_l1,
// suggested_l2 (suggested_l3 when the taxonomy has L3s), rule, problems,
// changed (when the input has l1/l2) and explanation (with --explain).
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "io/csv.h"
#include "ftstatus/lang.h"

namespace ftstatus {

enum class OutputFormat { csv, jsonl };
enum class Labels { id, en, es };

std::optional<OutputFormat> parse_output_format(std::string_view text);
std::optional<Labels> parse_labels(std::string_view text);

struct OutputOptions {
  OutputFormat format = OutputFormat::csv;
  Labels labels = Labels::id;
  bool explain = false;
  char delimiter = ',';
  char input_delimiter = 0;  // when equal to delimiter, well-formed records are copied as they came
  bool bom = false;   // repeat the input's UTF-8 BOM so Excel keeps reading UTF-8
  bool crlf = false;  // end records with CRLF, as the input did
};

// "code:column:line" items joined by ';' (column empty for whole-row problems).
void append_problems(std::string& out, const Classifier& classifier, const RowResult& result);

// One human sentence for a problem, for --errors.
std::string describe_problem(const Classifier& classifier, const RowProblem& problem, const RowResult& result, Lang lang);

class ClassifiedWriter {
 public:
  ClassifiedWriter(std::FILE* out, const Classifier& classifier, OutputOptions options);

  void header(const Record& header);
  void row(const Record& record, const RowResult& result);
  bool finish();  // flushes; false on a write error

 private:
  void fill_levels(StatusIndex status);
  void flush_if_full();

  std::FILE* out_;
  const Classifier& classifier_;
  OutputOptions options_;
  CsvWriter csv_;
  int levels_;
  bool has_current_ = false;
  std::vector<std::string> header_names_;  // JSONL keys
  std::vector<std::string> status_labels_;  // by StatusIndex, in the chosen labels
  StatusIndex level_status_[3] = {kNoStatus, kNoStatus, kNoStatus};
  std::string scratch_;
  std::string json_;
  bool ok_ = true;
};

}  // namespace ftstatus
