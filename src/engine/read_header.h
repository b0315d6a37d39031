#pragma once
// The first step of every pipeline run, shared by classify and bulk validate.
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/date_orders.h"
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
    std::string text;  // the raw record, then each field
    std::size_t raw_size = 0;
    std::vector<std::pair<std::size_t, std::size_t>> fields;  // offset and size in text
    long line = 0;
    bool stray_cr = false;
    std::vector<char> error_cells;
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

// Hands every remaining record of `source` to `each(record)`, in order, and
// decides the day/month order of the date columns on the way (with
// --date-format auto): records are held until kDateSampleRows have been
// seen (or kDateSampleBytes held), the orders are decided, and the held
// records follow. A later
// value that contradicts a guessed order stops the loop (the caller turns
// it into an error).
template <class Each>
Result for_each_record(Classifier& classifier, RecordSource& source, InputReport& report, Each&& each) {
  DateOrderSampler sampler(classifier, classifier.options().date_format);
  bool deciding = sampler.active();
  HeldRecords held;
  std::size_t seen = 0;
  std::size_t held_bytes = 0;
  Record record;
  auto decide = [&] {
    deciding = false;
    report.dates = sampler.decide(classifier, report.header);
    Record r;
    for (std::size_t i = 0; i < held.size(); ++i) {
      held.view(i, r);
      each(r);
    }
  };
  while (!classifier.date_order_conflict() && classifier.resource_failure().ok() && source.next(record)) {
    if (!deciding) {
      each(record);
      continue;
    }
    // Every record waits for the decision, even one that reads the same
    // either way: its messages name the date forms of the decided order, and
    // the chunked run (engine/parallel_classify.h), which decides first, writes the same.
    sampler.add(record);
    held.hold(record);
    held_bytes += record.raw.size();
    if (++seen >= kDateSampleRows || held_bytes >= kDateSampleBytes) decide();
  }
  if (!source.status().ok()) return source.status();
  if (!classifier.resource_failure().ok()) return classifier.resource_failure();
  if (deciding) decide();
  return {};
}

}  // namespace ftstatus
