#pragma once
// The first step of every pipeline run, shared by classify and bulk validate.
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/pipeline.h"

namespace ftstatus {

// Reads the header record from `source`, accounts for its columns and binds
// them to the classifier; the Error says where (an empty input is
// input_empty at 1:1). `report` gets the input's dialect and column report,
// also when the columns stop the run.
Result read_header(Classifier& classifier, RecordSource& source, std::string_view source_name,
                   const ColumnOptions& columns, Record& header, InputReport& report);

// Records kept past the source's next read (the header, the date sample).
class HeldRecords {
 public:
  using View = std::size_t;
  View hold(const Record& record);
  void view(View index, Record& record) const;
  std::size_t size() const { return held_.size(); }

 private:
  struct Held {
    std::string raw;
    std::vector<std::string> fields;
    long line = 0;
    bool stray_cr = false;
  };
  std::deque<Held> held_;
};

// The run-stopping error for a contradicted guessed day/month order.
Error date_order_error(const Classifier& classifier, const DateOrderConflict& conflict, std::string_view source_name);

// How many rows a stopping run reads to suggest which header is a missing column.
constexpr std::size_t kCandidateSampleRows = 1000;

// How many rows --date-format auto looks at before deciding, at most.
constexpr std::size_t kDateSampleRows = 10000;
constexpr std::size_t kDateSampleBytes = 8u << 20;

// Reads rows into `sample` until every date column's order is decided (or
// the sample is full) and sets the orders on `classifier`.
Result sample_date_orders(Classifier& classifier, RecordSource& source, DateFormat requested, HeldRecords& sample,
                          InputReport& report);

}  // namespace ftstatus
