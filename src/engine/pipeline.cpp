#include "ftstatus/pipeline.h"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <optional>

#include "engine/classified_writer.h"
#include "engine/date_orders.h"
#include "engine/parallel_classify.h"
#include "engine/read_header.h"
#include "engine/xlsx_writer.h"
#include "io/csv.h"
#include "io/output_file.h"
#include "io/xlsx_reader.h"

namespace ftstatus {

namespace {

// The CSV reader as a record source: its CsvError becomes the library's Error.
class CsvSource final : public RecordSource {
 public:
  CsvSource(std::FILE* in, std::string name, CsvReadOptions options)
      : in_(in),
        name_(std::move(name)),
        reader_(in, options.delimiter, options.encoding,
                CsvLimits{static_cast<std::size_t>(options.max_record_bytes),
                          static_cast<std::size_t>(options.max_fields)}) {}

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
  bool crlf() const override { return reader_.line_ending() == LineEnding::crlf; }
  LineEnding line_ending() const override { return reader_.line_ending(); }
  Encoding encoding() const override { return reader_.encoding(); }
  long cp1252_evidence_line() const override { return reader_.cp1252_evidence_line(); }
  CsvReader& reader() { return reader_; }

 private:
  std::FILE* in_;
  std::string name_;
  CsvReader reader_;
  Result status_;
};

// A CSV source that owns its input (and a copy of stdin, if one was made).
struct OwnedInput {
  InputFile input;
};
class OwnedCsvSource final : private OwnedInput, public RecordSource {
 public:
  explicit OwnedCsvSource(CsvReadOptions options, std::string name) : options_(options), name_(std::move(name)) {}
  InputFile& input() { return OwnedInput::input; }
  void start() { csv_ = open_csv_source(OwnedInput::input.file, name_, options_); }
  bool next(Record& record) override { return csv_->next(record); }
  const Result& status() const override { return csv_->status(); }
  char delimiter() const override { return csv_->delimiter(); }
  bool had_bom() const override { return csv_->had_bom(); }
  bool crlf() const override { return csv_->crlf(); }
  LineEnding line_ending() const override { return csv_->line_ending(); }
  Encoding encoding() const override { return csv_->encoding(); }
  long cp1252_evidence_line() const override { return csv_->cp1252_evidence_line(); }
  CsvReader* reader() {
    auto* csv = dynamic_cast<CsvSource*>(csv_.get());
    return csv != nullptr ? &csv->reader() : nullptr;
  }

 private:
  CsvReadOptions options_;
  std::string name_;
  std::unique_ptr<RecordSource> csv_;
};

// An Excel workbook's sheet as a record source: written out as CSV, it is
// comma-separated UTF-8 with LF line ends.
class XlsxSource final : public RecordSource {
 public:
  XlsxSource(std::unique_ptr<XlsxReader> reader, TemporaryPath spool)
      : reader_(std::move(reader)), spool_(std::move(spool)) {}
  ~XlsxSource() override { reader_.reset(); }  // closes the copy of stdin before spool_ removes it
  bool next(Record& record) override { return reader_->next(record); }
  const Result& status() const override { return reader_->status(); }
  char delimiter() const override { return ','; }
  bool had_bom() const override { return false; }
  bool crlf() const override { return false; }
  void date_fields(const std::vector<int>& fields) override { reader_->set_date_fields(fields); }
  std::string sheet() const override { return reader_->sheet_name(); }

 private:
  std::unique_ptr<XlsxReader> reader_;
  TemporaryPath spool_;
};

// The reject table: one line per problem with the raw input record.
class RejectWriter final : public RecordSink {
 public:
  RejectWriter(std::FILE* out, std::string name, const Classifier& classifier, Lang lang, const OutputOptions& dialect)
      : name_(std::move(name)),
        classifier_(classifier),
        lang_(lang),
        bom_(dialect.bom),
        neutralize_(dialect.neutralize_formulas),
        sheet_(dialect.sheet),
        csv_(out, dialect.delimiter, dialect.line_ending) {}

  void header(const Record&) override {
    if (bom_) csv_.raw("\xEF\xBB\xBF");
    for (const char* h : {"line", "column", "code", "message", "raw"}) csv_.field(h);
    csv_.end_record();
  }
  void row(const Record& record, const RowResult& result) override {
    const Schema& schema = classifier_.rules().schema;
    for (const RowProblem& p : result.problems) {
      number_.clear();
      if (sheet_.empty())
        number_ += std::to_string(result.line);
      else
        append_cell_name(number_, sheet_, p.field, result.line);
      csv_.field(number_);
      csv_.field(p.column >= 0 ? std::string_view(schema.columns[static_cast<std::size_t>(p.column)].id)
                               : std::string_view());
      csv_.field(row_code_name(p.code));
      write_cell(csv_, describe_problem(classifier_, p, result, lang_), neutralize_, guarded_);
      // The raw record is one cell: a spreadsheet would run `=HYPERLINK(...),x` as a formula.
      write_cell(csv_, record.raw, neutralize_, guarded_);
      csv_.end_record();
    }
  }
  Result finish() override {
    if (csv_.flush()) return {};
    return output_write_error(name_, csv_.error_number());
  }
  void take_pending(std::string& into) override { csv_.take_buffer(into); }
  std::size_t pending_size() const override { return csv_.buffered(); }
  void write_formatted(std::string_view bytes) override { csv_.write_formatted(bytes); }

 private:
  std::string name_;
  const Classifier& classifier_;
  Lang lang_;
  bool bom_;
  bool neutralize_;
  std::string sheet_;
  CsvWriter csv_;
  std::string number_;
  std::string guarded_;
};

}  // namespace

Result read_header(Classifier& classifier, RecordSource& source, std::string_view source_name,
                   const ColumnOptions& columns, Record& header, InputReport& report) {
  report.name = std::string(source_name);
  if (!source.next(header)) {
    if (!source.status().ok()) return source.status();
    return Error{Problem("input_empty"), std::string(source_name), 1, 1};
  }
  report.encoding = source.encoding();
  report.sheet = source.sheet();
  report.cp1252_line = source.cp1252_evidence_line();
  report.delimiter = source.delimiter();
  report.line_ending = source.line_ending();
  report.bom = source.had_bom();
  report.header.assign(header.fields.begin(), header.fields.end());
  Result accounted = account_columns(classifier.rules(), header.fields, columns, report.columns);
  if (!accounted.ok()) return Error{accounted.error().problem, std::string(source_name), header.line, 1};
  if (report.columns.stops()) {
    // Before giving up, look at some rows: a header whose values are a
    // missing column's values is the --map to suggest.
    const long header_line = header.line;
    std::vector<std::vector<std::string>> rows;
    while (rows.size() < kCandidateSampleRows && source.next(header))
      rows.emplace_back(header.fields.begin(), header.fields.end());
    rank_candidates_by_values(classifier.rules().schema, rows, report.columns);
    return Error{report.columns.stop_problem(classifier.rules().schema), std::string(source_name), header_line, 1};
  }
  classifier.bind_columns(report.columns, header.fields.size());
  classifier.set_input_line_ending(report.line_ending);
  std::vector<int> date_fields;
  const Schema& schema = classifier.rules().schema;
  for (std::size_t c = 0; c < schema.columns.size(); ++c)
    if (schema.columns[c].type == ColumnType::date) date_fields.push_back(classifier.field_of(static_cast<int>(c)));
  source.date_fields(date_fields);
  return {};
}

Error date_order_error(const Classifier& classifier, const DateOrderConflict& conflict, std::string_view source_name) {
  const Column& column = classifier.rules().schema.columns[static_cast<std::size_t>(conflict.column)];
  const DateFormat chosen = classifier.date_format(conflict.column);
  return Error{Problem("date_order_contradicted", {{"column", column.id},
                                                   {"value", conflict.text},
                                                   {"chosen", chosen == DateFormat::dmy ? "dmy" : "mdy"},
                                                   {"other", chosen == DateFormat::dmy ? "mdy" : "dmy"}}),
               std::string(source_name), conflict.line};
}

HeldRecords::View HeldRecords::hold(const Record& record) {
  // One string per record: the raw text, then every field's text.
  Held& held = held_.emplace_back();
  std::size_t size = record.raw.size();
  for (std::string_view field : record.fields) size += field.size();
  held.text.reserve(size);
  held.text.append(record.raw);
  held.fields.reserve(record.fields.size());
  for (std::string_view field : record.fields) {
    held.fields.emplace_back(held.text.size(), field.size());
    held.text.append(field);
  }
  held.raw_size = record.raw.size();
  held.line = record.line;
  held.stray_cr = record.stray_cr;
  held.error_cells = record.error_cells;
  return held_.size() - 1;
}

void HeldRecords::view(View index, Record& record) const {
  const Held& held = held_[index];
  const std::string_view text = held.text;
  record.raw = text.substr(0, held.raw_size);
  record.fields.resize(held.fields.size());
  for (std::size_t f = 0; f < held.fields.size(); ++f)
    record.fields[f] = text.substr(held.fields[f].first, held.fields[f].second);
  record.line = held.line;
  record.stray_cr = held.stray_cr;
  record.error_cells = held.error_cells;
}

bool wants_bom(const InputReport& input, std::optional<bool> override) {
  return override.value_or(input.bom || input.encoding == Encoding::cp1252 || input.encoding == Encoding::utf16le ||
                           input.encoding == Encoding::utf16be);
}

bool excel_dialect(bool bom, char delimiter, LineEnding line_ending, bool from_workbook) {
  return bom || (delimiter == ';' && line_ending == LineEnding::crlf) || from_workbook;
}

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "csv") return OutputFormat::csv;
  if (text == "jsonl") return OutputFormat::jsonl;
  if (text == "xlsx") return OutputFormat::xlsx;
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

Result open_record_source(const std::string& path, CsvReadOptions options, std::unique_ptr<RecordSource>& source,
                          std::string& name) {
  auto csv = std::make_unique<OwnedCsvSource>(options, input_name(path));
  InputFile& input = csv->input();
  if (Result s = open_input(path, input); !s.ok()) return s;
  name = input.name;
  std::string head;
  if (Result s = peek_input(input, head); !s.ok()) return s;
  if (sniff_file_kind(head) != FileKind::text) {
    // A workbook is read by name; the copy of stdin, if any, goes with the source.
    std::unique_ptr<XlsxReader> reader;
    XlsxLimits limits;
    limits.max_inflated_bytes = options.xlsx_max_inflated_bytes;
    limits.max_ratio = options.xlsx_max_ratio;
    limits.max_cells = options.xlsx_max_cells;
    limits.max_string_bytes = static_cast<std::size_t>(options.xlsx_max_string_bytes);
    if (Result s = XlsxReader::open(input.path, input.name, options.sheet, limits, reader); !s.ok()) return s;
    source = std::make_unique<XlsxSource>(std::move(reader), std::move(input.spool));
    return {};
  }
  csv->start();
  source = std::move(csv);
  return {};
}

std::unique_ptr<RecordSink> make_classified_sink(std::FILE* out, std::string name, const Classifier& classifier,
                                                 OutputOptions options) {
  return std::make_unique<ClassifiedWriter>(out, std::move(name), classifier, options);
}

std::unique_ptr<RecordSink> make_reject_sink(std::FILE* out, std::string name, const Classifier& classifier, Lang lang,
                                             const OutputOptions& dialect) {
  return std::make_unique<RejectWriter>(out, std::move(name), classifier, lang, dialect);
}

Result classify_records(Classifier& classifier, RecordSource& source, std::string_view source_name,
                        const ColumnOptions& columns, const std::vector<RecordSink*>& sinks, ClassifySummary& summary) {
  const auto started = std::chrono::steady_clock::now();
  summary = ClassifySummary{};
  summary.per_status.assign(classifier.taxonomy().statuses().size(), 0);
  Record record;
  if (Result s = read_header(classifier, source, source_name, columns, record, summary.input); !s.ok()) return s;
  for (RecordSink* sink : sinks) sink->header(record);
  auto classify_one = [&](const Record& r) {
    const RowResult& result = classifier.classify(r);
    for (RecordSink* sink : sinks) sink->row(r, result);
    ++summary.rows;
    if (result.status != kNoStatus) ++summary.per_status[static_cast<std::size_t>(result.status)];
    if (result.changed) ++summary.rows_changed;
    if (!result.problems.empty()) ++summary.rows_with_problems;
  };
  if (Result s = for_each_record(classifier, source, summary.input, classify_one); !s.ok()) return s;
  if (const auto& conflict = classifier.date_order_conflict())
    return date_order_error(classifier, *conflict, source_name);
  for (RecordSink* sink : sinks)
    if (Result s = sink->finish(); !s.ok()) return s;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return {};
}

namespace {

// Over this size a file's repeated ids are found in a pass of their own
// (about 2 million rows: the in-memory seen set would outgrow the memory bar).
constexpr std::uintmax_t kRepeatedIdsPassBytes = std::uintmax_t(256) << 20;

// Over this size (about 200,000 rows) the seen-id table is made whole at
// once, on huge pages (SeenSet::expect_many).
constexpr std::uintmax_t kManyIdsBytes = std::uintmax_t(32) << 20;

// The size of a regular input file; nothing for stdin, pipes and the like.
std::optional<std::uintmax_t> regular_file_size(const std::string& input) {
  struct stat info {};
  if (input.empty() || input == "-" || stat(input.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  return static_cast<std::uintmax_t>(info.st_size);
}

bool wants_repeated_ids_pass(std::optional<std::uintmax_t> input_size, const Classifier& classifier) {
  if (!can_find_repeated_ids_first(classifier)) return false;
  // Tests take the pass on small files too: FTSTATUS_REPEATED_IDS_PASS=always.
  const char* forced = std::getenv("FTSTATUS_REPEATED_IDS_PASS");
  const bool always = forced != nullptr && std::string_view(forced) == "always";
  return input_size && (always || *input_size > kRepeatedIdsPassBytes);
}

}  // namespace

Result run_classify(const Taxonomy& taxonomy, const RuleSet& rules, const ClassifyRequest& request,
                    ClassifySummary& summary) {
  if (rules.schema.columns.empty() || rules.rules.empty()) return Error{Problem("taxonomy_has_no_rules")};
  // A workbook is a zip, written by name: not to standard output.
  if (request.format == OutputFormat::xlsx && (request.output.empty() || request.output == "-"))
    return Error{Problem("output_workbook_needs_file")};
  // The workbook writer does not fill the input's cells: a run that says it applied must have.
  if (request.format == OutputFormat::xlsx && request.apply) return Error{Problem("output_workbook_apply")};
  // -o may name the input (the output replaces it once written); --errors may not.
  if (!request.errors.empty() && same_file(request.errors, request.input))
    return Error{Problem("output_same_file/errors_is_input"), request.errors, 0, 0};
  if (!request.errors.empty() && same_file(request.errors, request.output))
    return Error{Problem("output_same_file/errors_is_output", {{"file", request.output}}), request.errors, 0, 0};
  set_fallback_temporary_folder(request.output);
  std::unique_ptr<RecordSource> source;
  std::string input_name;
  if (Result s = open_record_source(request.input, request.csv, source, input_name); !s.ok()) return s;
  OutputFile output(request.output);
  if (Result s = output.open(request.input); !s.ok()) return s;
  OutputFile errors(request.errors);
  if (!request.errors.empty())
    if (Result s = errors.open(request.input); !s.ok()) return s;
  std::vector<Problem> notices;
  for (const OutputFile* written : {&output, &errors})
    if (written->in_place())
      notices.push_back(
          Problem("output_written_in_place", {{"folder", folder_of(written->name())}, {"file", written->name()}}));

  Classifier classifier(taxonomy, rules, request.classify);
  // Looked at once: the size decides the table, the threads, the ids pass and the progress percentage.
  const std::optional<std::uintmax_t> input_size = regular_file_size(request.input);
  if (input_size.value_or(0) > kManyIdsBytes) classifier.expect_many_ids();
  // The sinks are made once the header is read: the output repeats the
  // input's delimiter, BOM and line ends.
  class DeferredSinks final : public RecordSink {
   public:
    DeferredSinks(const ClassifyRequest& r, const Classifier& c, RecordSource& s, OutputFile& out, OutputFile& err,
                  std::string input_name)
        : request_(r), classifier_(c), source_(s), output_(out), errors_(err), input_name_(std::move(input_name)) {}
    void header(const Record& header) override {
      header_text_.assign(header.fields.begin(), header.fields.end());
      OutputOptions& options = options_;
      options.format = request_.format;
      options.labels = request_.labels;
      options.explain = request_.explain;
      options.delimiter = source_.delimiter();
      options.input_delimiter = source_.delimiter();
      InputReport input;
      input.bom = source_.had_bom();
      input.encoding = source_.encoding();
      options.bom = wants_bom(input, request_.dialect.bom);
      options.line_ending = request_.dialect.line_ending.value_or(source_.line_ending());
      options.apply = request_.apply;
      options.sheet = source_.sheet();
      options.lang = request_.lang;
      options.apply_overwrite = request_.apply_overwrite;
      options.neutralize_formulas = request_.dialect.neutralize_formulas.value_or(
          excel_dialect(options.bom, options.delimiter, options.line_ending, !options.sheet.empty()));
      if (request_.format == OutputFormat::xlsx) {
        WorkbookOutputOptions workbook;
        workbook.labels = request_.labels;
        workbook.lang = request_.lang;
        workbook.input_name = input_name_;
        workbook.sheet = source_.sheet();
        sinks_.push_back(make_workbook_sink(output_.hand_over_path(), output_.name(), classifier_, workbook));
      } else {
        sinks_.push_back(make_classified_sink(output_.file(), output_.name(), classifier_, options));
      }
      if (errors_.file() != nullptr) {
        // The reject table's raw records are what an injected formula hides in: neutralised unless --formulas keep.
        reject_options_ = options;
        reject_options_.neutralize_formulas = request_.dialect.neutralize_formulas.value_or(true);
        sinks_.push_back(make_reject_sink(errors_.file(), errors_.name(), classifier_, request_.lang, reject_options_));
      }
      for (auto& sink : sinks_) sink->header(header);
    }
    // The same sinks with no file, given the header (a parallel worker's).
    std::vector<std::unique_ptr<RecordSink>> memory_sinks(const Classifier& classifier) const {
      std::vector<std::unique_ptr<RecordSink>> sinks;
      sinks.push_back(make_classified_sink(nullptr, output_.name(), classifier, options_));
      if (errors_.file() != nullptr)
        sinks.push_back(make_reject_sink(nullptr, errors_.name(), classifier, request_.lang, reject_options_));
      Record header;
      header.fields.assign(header_text_.begin(), header_text_.end());
      std::string discarded;
      for (auto& sink : sinks) {
        sink->header(header);
        sink->take_pending(discarded);
      }
      return sinks;
    }
    std::vector<RecordSink*> sinks() const {
      std::vector<RecordSink*> all;
      for (const auto& sink : sinks_) all.push_back(sink.get());
      return all;
    }
    void row(const Record& record, const RowResult& result) override {
      for (auto& sink : sinks_) sink->row(record, result);
      // One thread: the progress line every 16,384 rows (rows only: a source does not say its bytes).
      if (request_.progress && (++rows_ & 0x3FFF) == 0) request_.progress({rows_, 0, 0});
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
    std::string input_name_;
    std::vector<std::unique_ptr<RecordSink>> sinks_;
    OutputOptions options_;
    OutputOptions reject_options_;
    std::vector<std::string> header_text_;
    long rows_ = 0;
  } sinks(request, classifier, *source, output, errors, input_name);

  auto* csv = dynamic_cast<OwnedCsvSource*>(source.get());
  // A small file is done before threads would have started: one, unless asked.
  const bool small_file = input_size && *input_size < (1 << 20);
  const int threads = request.threads > 0 ? request.threads : small_file ? 1 : default_thread_count();
  if (csv != nullptr && csv->reader() != nullptr && request.format != OutputFormat::xlsx &&
      can_classify_in_chunks(classifier, threads)) {
    const auto started = std::chrono::steady_clock::now();
    summary = ClassifySummary{};
    summary.per_status.assign(classifier.taxonomy().statuses().size(), 0);
    Record header;
    if (Result s = read_header(classifier, *source, input_name, request.columns, header, summary.input); !s.ok())
      return s;
    sinks.header(header);
    ChunkedRun run;
    run.threads = threads;
    // Tests make chunks tiny, so that records span chunk ends.
    if (const char* bytes = std::getenv("FTSTATUS_CHUNK_BYTES"); bytes != nullptr && std::atol(bytes) > 0)
      run.chunk_bytes = static_cast<std::size_t>(std::atol(bytes));
    run.make_memory_sinks = [&sinks](const Classifier& c) { return sinks.memory_sinks(c); };
    std::uint64_t bytes_done = 0;
    run.after_chunk = [&](std::size_t chunk_bytes) {
      output.start_writeback();
      bytes_done += chunk_bytes;
      if (request.progress) request.progress({summary.rows, bytes_done, input_size.value_or(0)});
    };
    // A large file's ids are found in a first pass (sequential I/O, fixed
    // memory) rather than remembered row by row in a table that would grow with them.
    RepeatedIds repeated_ids;
    if (wants_repeated_ids_pass(input_size, classifier)) {
      std::FILE* again = std::fopen(request.input.c_str(), "rb");
      if (again == nullptr) return Error{Problem("input_read_error"), input_name, 0, 0};
      const std::unique_ptr<std::FILE, int (*)(std::FILE*)> closing(again, &std::fclose);
      CsvReader& first = *csv->reader();
      CsvReader ids_reader(again, first.delimiter(), first.encoding(), first.limits());
      Record skipped;
      if (ids_reader.next(skipped)) {  // the header
        if (Result s = find_repeated_ids(classifier, ids_reader, input_name, run, repeated_ids); !s.ok()) return s;
        run.repeated_ids = &repeated_ids;
      }
    }
    if (Result s = classify_chunks(classifier, *csv->reader(), input_name, sinks.sinks(), run, summary); !s.ok())
      return s;
    if (Result s = sinks.finish(); !s.ok()) return s;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  } else if (Result s = classify_records(classifier, *source, input_name, request.columns, {&sinks}, summary);
             !s.ok()) {
    return s;
  }
  summary.notices = std::move(notices);
  // Both written in full before either replaces anything.
  if (Result s = output.finish(); !s.ok()) return s;
  if (Result s = errors.finish(); !s.ok()) return s;
  if (Result s = output.publish(); !s.ok()) return s;
  return errors.publish();
}

}  // namespace ftstatus

namespace ftstatus {

Result inspect_input(const Taxonomy& taxonomy, const RuleSet& rules, const ClassifyRequest& request,
                     InputReport& report) {
  std::unique_ptr<RecordSource> source;
  std::string input_name;
  if (Result s = open_record_source(request.input, request.csv, source, input_name); !s.ok()) return s;
  Classifier classifier(taxonomy, rules, request.classify);
  Record record;
  Result header = read_header(classifier, *source, input_name, request.columns, record, report);
  if (!header.ok()) return report.columns.stops() ? Result{} : header;
  // Only as far as the date sample goes: the report is about the header.
  DateOrderSampler sampler(classifier, request.classify.date_format);
  for (std::size_t seen = 0; sampler.active() && seen < kDateSampleRows && source->next(record); ++seen)
    sampler.add(record);
  if (!source->status().ok()) return source->status();
  report.dates = sampler.decide(classifier, report.header);
  return {};
}

}  // namespace ftstatus
