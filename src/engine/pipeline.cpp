#include "ftstatus/pipeline.h"

#include <chrono>

#include "engine/classified_writer.h"
#include "engine/read_header.h"
#include "io/csv.h"
#include "io/output_file.h"

namespace ftstatus {

namespace {

// The CSV reader as a record source: its CsvError becomes the library's Error.
class CsvSource final : public RecordSource {
 public:
  CsvSource(std::FILE* in, std::string name, CsvReadOptions options)
      : in_(in), name_(std::move(name)), reader_(in, options.delimiter, options.encoding) {}

  bool next(Record& record) override {
    try {
      if (reader_.next(record)) return true;
    } catch (const CsvError& e) {
      status_ = Error{e.problem, name_, e.line, e.column};
      return false;
    }
    if (std::ferror(in_)) status_ = Error{Problem("input_read_error"), name_, 0, 0};
    return false;
  }
  const Result& status() const override { return status_; }
  char delimiter() const override { return reader_.delimiter(); }
  bool had_bom() const override { return reader_.had_bom(); }
  bool crlf() const override { return reader_.crlf(); }

 private:
  std::FILE* in_;
  std::string name_;
  CsvReader reader_;
  Result status_;
};

// The reject table: one line per problem with the raw input record.
class RejectWriter final : public RecordSink {
 public:
  RejectWriter(std::FILE* out, std::string name, const Classifier& classifier, Lang lang)
      : name_(std::move(name)), classifier_(classifier), lang_(lang), csv_(out, ',') {}

  void header(const Record&) override {
    for (const char* h : {"line", "column", "code", "message", "raw"}) csv_.field(h);
    csv_.end_record();
  }
  void row(const Record& record, const RowResult& result) override {
    const Schema& schema = classifier_.rules().schema;
    for (const RowProblem& p : result.problems) {
      number_.clear();
      number_ += std::to_string(result.line);
      csv_.field(number_);
      csv_.field(p.column >= 0 ? std::string_view(schema.columns[static_cast<std::size_t>(p.column)].id)
                               : std::string_view());
      csv_.field(row_code_name(p.code));
      csv_.field(describe_problem(classifier_, p, result, lang_));
      csv_.field(record.raw);
      csv_.end_record();
    }
  }
  Result finish() override {
    if (csv_.flush()) return {};
    return Error{Problem("output_write_error"), name_, 0, 0};
  }

 private:
  std::string name_;
  const Classifier& classifier_;
  Lang lang_;
  CsvWriter csv_;
  std::string number_;
};

}  // namespace

Result read_header(Classifier& classifier, RecordSource& source, std::string_view source_name, Record& header) {
  if (!source.next(header)) {
    if (!source.status().ok()) return source.status();
    return Error{Problem("input_empty"), std::string(source_name), 1, 1};
  }
  Result bound = classifier.bind_header(header.fields);
  if (bound.ok()) return bound;
  return Error{bound.error().problem, std::string(source_name), header.line, 1};
}

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "csv") return OutputFormat::csv;
  if (text == "jsonl") return OutputFormat::jsonl;
  return std::nullopt;
}

std::optional<Labels> parse_labels(std::string_view text) {
  if (text == "id") return Labels::id;
  if (text == "en") return Labels::en;
  if (text == "es") return Labels::es;
  return std::nullopt;
}

std::unique_ptr<RecordSource> open_csv_source(std::FILE* in, std::string name, CsvReadOptions options) {
  return std::make_unique<CsvSource>(in, std::move(name), options);
}

std::unique_ptr<RecordSink> make_classified_sink(std::FILE* out, std::string name, const Classifier& classifier,
                                                 OutputOptions options) {
  return std::make_unique<ClassifiedWriter>(out, std::move(name), classifier, options);
}

std::unique_ptr<RecordSink> make_reject_sink(std::FILE* out, std::string name, const Classifier& classifier,
                                             Lang lang) {
  return std::make_unique<RejectWriter>(out, std::move(name), classifier, lang);
}

Result classify_records(Classifier& classifier, RecordSource& source, std::string_view source_name,
                        const std::vector<RecordSink*>& sinks, ClassifySummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  summary = ClassifySummary{};
  summary.per_status.assign(classifier.taxonomy().statuses().size(), 0);
  Record record;
  if (Result s = read_header(classifier, source, source_name, record); !s.ok()) return s;
  for (RecordSink* sink : sinks) sink->header(record);
  while (source.next(record)) {
    const RowResult& result = classifier.classify(record);
    for (RecordSink* sink : sinks) sink->row(record, result);
    ++summary.rows;
    if (result.status != kNoStatus) ++summary.per_status[static_cast<std::size_t>(result.status)];
    if (result.changed) ++summary.rows_changed;
    if (!result.problems.empty()) ++summary.rows_with_problems;
  }
  if (!source.status().ok()) return source.status();
  for (RecordSink* sink : sinks)
    if (Result s = sink->finish(); !s.ok()) return s;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return {};
}

Result run_classify(const Taxonomy& taxonomy, const RuleSet& rules, const ClassifyRequest& request,
                    ClassifySummary& summary) {
  if (rules.schema.columns.empty() || rules.rules.empty()) return Error{Problem("taxonomy_has_no_rules")};
  InputFile input;
  if (Result s = open_input(request.input, input); !s.ok()) return s;
  OutputFile output(request.output);
  if (Result s = output.open(); !s.ok()) return s;
  OutputFile errors(request.errors);
  if (!request.errors.empty())
    if (Result s = errors.open(); !s.ok()) return s;

  Classifier classifier(taxonomy, rules, request.classify);
  std::unique_ptr<RecordSource> source = open_csv_source(input.file, input.name, request.csv);
  // The sinks are made once the header is read: the output repeats the
  // input's delimiter, BOM and line ends.
  class DeferredSinks final : public RecordSink {
   public:
    DeferredSinks(const ClassifyRequest& r, const Classifier& c, RecordSource& s, OutputFile& out, OutputFile& err)
        : request_(r), classifier_(c), source_(s), output_(out), errors_(err) {}
    void header(const Record& header) override {
      OutputOptions options;
      options.format = request_.format;
      options.labels = request_.labels;
      options.explain = request_.explain;
      options.delimiter = source_.delimiter();
      options.input_delimiter = source_.delimiter();
      options.bom = source_.had_bom();
      options.crlf = source_.crlf();
      sinks_.push_back(make_classified_sink(output_.file(), output_.name(), classifier_, options));
      if (errors_.file() != nullptr)
        sinks_.push_back(make_reject_sink(errors_.file(), errors_.name(), classifier_, request_.lang));
      for (auto& sink : sinks_) sink->header(header);
    }
    void row(const Record& record, const RowResult& result) override {
      for (auto& sink : sinks_) sink->row(record, result);
    }
    Result finish() override {
      for (auto& sink : sinks_)
        if (Result s = sink->finish(); !s.ok()) return s;
      return {};
    }

   private:
    const ClassifyRequest& request_;
    const Classifier& classifier_;
    RecordSource& source_;
    OutputFile& output_;
    OutputFile& errors_;
    std::vector<std::unique_ptr<RecordSink>> sinks_;
  } sinks(request, classifier, *source, output, errors);

  if (Result s = classify_records(classifier, *source, input.name, {&sinks}, summary); !s.ok()) return s;
  if (Result s = output.commit(); !s.ok()) return s;
  if (errors.file() != nullptr)
    if (Result s = errors.commit(); !s.ok()) return s;
  return {};
}

}  // namespace ftstatus
