#pragma once
// ftstatus public API, layer: engine.
// The pipeline behind `classify` and bulk `validate`: a record source (CSV
// today), the per-row work (Classifier::classify, which does no I/O), and
// record sinks (the classified table as CSV or JSONL, the reject table).
// Programs that link the library classify a file with run_classify(); the
// pieces are public too, to plug in another source or sink.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/columns.h"
#include "ftstatus/lang.h"
#include "ftstatus/problems.h"
#include "ftstatus/record.h"
#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

// How a CSV input is read: the same for every command that reads one.
struct CsvReadOptions {
  char delimiter = 0;  // 0: detect from the header (',', ';' or tab)
  Encoding encoding = Encoding::automatic;
  std::string sheet;  // an .xlsx input's sheet: name or 1-based number; empty: the first with data
  // Bounds for an .xlsx input (zip bombs, forged workbooks); each stops the run when passed.
  std::uint64_t xlsx_max_inflated_bytes = std::uint64_t(4) << 30;
  std::uint64_t xlsx_max_ratio = 200;  // inflated / compressed size of one part
  std::uint64_t xlsx_max_cells = 100'000'000;
  std::uint64_t xlsx_max_string_bytes = 1u << 20;
  // Bounds for a CSV input's records: a file with no line break is never buffered whole.
  std::uint64_t max_record_bytes = std::uint64_t(64) << 20;
  std::uint64_t max_fields = 1'000'000;
};

// How output is written where the input's own way is not wanted.
struct DialectOverrides {
  std::optional<bool> bom;                // --bom / --no-bom
  std::optional<LineEnding> line_ending;  // --crlf / --lf
  // --formulas neutralize|keep; unset: neutralise in Excel-dialect output
  // (excel_dialect) and always in the reject table.
  std::optional<bool> neutralize_formulas;
};

// How one date column's day/month order was chosen.
struct DateOrderChoice {
  enum class Reason { forced, values, headers, locale };
  int column = -1;
  DateFormat format = DateFormat::automatic;
  Reason reason = Reason::values;
  long day_first = 0;    // values in the sample that only d/m/y reads
  long month_first = 0;  // values that only m/d/y reads
  long ambiguous = 0;    // values both read (3/4/2026)
  std::string example;   // the first of those
};

// What a run found out about its input; the CLI shows it (stderr, --summary,
// `ftstatus columns`).
struct InputReport {
  std::string name;
  std::string sheet;  // a workbook's sheet; empty for text
  Encoding encoding = Encoding::utf8;
  long cp1252_line = 0;  // detected as Windows-1252: the line of the first non-UTF-8 byte
  char delimiter = ',';
  LineEnding line_ending = LineEnding::lf;
  bool bom = false;
  std::vector<std::string> header;
  ColumnReport columns;
  std::vector<DateOrderChoice> dates;
};

// Where records come from. next() returns false at the end of the input or
// on an error; status() then says which (the leveldb iterator's shape, so
// the per-record call stays cheap).
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual bool next(Record& record) = 0;
  virtual const Result& status() const = 0;
  // How the input was written, so output can be written the same way.
  virtual char delimiter() const = 0;
  virtual bool had_bom() const = 0;
  virtual bool crlf() const = 0;
  virtual LineEnding line_ending() const { return crlf() ? LineEnding::crlf : LineEnding::lf; }
  virtual Encoding encoding() const { return Encoding::utf8; }
  // When the encoding was detected as Windows-1252: the line that showed it.
  virtual long cp1252_evidence_line() const { return 0; }
  // Once the header is bound: the input fields that are date columns (a
  // workbook turns bare numbers there into dates, in its own date system).
  virtual void date_fields(const std::vector<int>& fields) { (void)fields; }
  // A workbook's sheet; empty for text.
  virtual std::string sheet() const { return {}; }
};

// A CSV source reading `in` (not closed); `name` is what errors call it.
std::unique_ptr<RecordSource> open_csv_source(std::FILE* in, std::string name, CsvReadOptions options);
// The source for an input path ("" or "-": stdin), by its content: an Excel
// workbook (.xlsx, also on stdin) or CSV text. An old .xls or an encrypted
// workbook is an Error saying what to do.
Result open_record_source(const std::string& path, CsvReadOptions options, std::unique_ptr<RecordSource>& source,
                          std::string& name);

// Where classified records go.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void header(const Record& header) = 0;
  virtual void row(const Record& record, const RowResult& result) = 0;
  // Flushes; an Error names the output and the system's reason.
  virtual Result finish() = 0;
  // A sink made with no file keeps what it writes; take_pending() swaps those
  // bytes into `into` (parallel workers hand their chunks over this way).
  virtual void take_pending(std::string& into) { into.clear(); }
  virtual std::size_t pending_size() const { return 0; }
  // Writes, as they are, bytes that a sink of the same kind formatted.
  virtual void write_formatted(std::string_view bytes) { (void)bytes; }
};

enum class OutputFormat { csv, jsonl, xlsx };
enum class Labels { id, en, es };
std::optional<OutputFormat> parse_output_format(std::string_view text);
std::optional<Labels> parse_labels(std::string_view text);

struct OutputOptions {
  OutputFormat format = OutputFormat::csv;
  Labels labels = Labels::id;
  bool explain = false;
  char delimiter = ',';
  char input_delimiter = 0;  // when equal to delimiter, well-formed records are copied as they came
  bool bom = false;          // start with a UTF-8 BOM so Excel reads UTF-8 (the input had one, or was cp1252/UTF-16)
  LineEnding line_ending = LineEnding::lf;  // as the input's records ended
  // CSV only: a text cell a spreadsheet would run as a formula (it starts with
  // '=', '+', '-', '@', tab or CR and is not a plain number) is written after
  // an apostrophe. run_classify sets it for Excel-dialect output, see excel_dialect().
  bool neutralize_formulas = false;
  // --apply: fill the current l1/l2/l3 cells with the suggestion where they
  // are empty (`overwrite`: always). `changed` still compares with the input.
  bool apply = false;
  bool apply_overwrite = false;
  // The input's sheet, for a workbook: problems then name cells (Derechos!K12).
  std::string sheet;
  Lang lang = Lang::en;  // of the problems in words, where the input has that column
};

// The classified table: every input cell unchanged, then suggested_l1,
// suggested_l2 (suggested_l3 when the taxonomy has L3s), rule, problems,
// changed (when the input has l1/l2) and explanation (with `explain`).
// `name` is what write errors call the output.
std::unique_ptr<RecordSink> make_classified_sink(std::FILE* out, std::string name, const Classifier& classifier,
                                                 OutputOptions options);
// The reject table: one CSV line per problem (line, column, code, message in
// `lang`, raw input record), with the delimiter, BOM and line ends of `dialect`.
std::unique_ptr<RecordSink> make_reject_sink(std::FILE* out, std::string name, const Classifier& classifier, Lang lang,
                                             const OutputOptions& dialect = {});

// What a classify run counted.
struct ClassifySummary {
  InputReport input;
  long rows = 0;
  long rows_with_problems = 0;
  long rows_changed = 0;
  std::vector<long> per_status;  // by StatusIndex
  double seconds = 0;
  std::vector<Problem> notices;  // about the run rather than the rows (an output written in place)
};

// Reads the header from `source`, accounts for its columns (`columns`), decides
// the day/month order of date columns from a sample of rows, then classifies
// every record in order and hands it to every sink. Stops at the first error
// (unreadable input, a needed column missing, a date that contradicts a
// guessed day/month order, a sink that cannot write) - before any output
// when it is about the columns; rows with problems are counted, not errors.
Result classify_records(Classifier& classifier, RecordSource& source, std::string_view source_name,
                        const ColumnOptions& columns, const std::vector<RecordSink*>& sinks, ClassifySummary& summary);

// A whole `classify` run from paths: input ("" or "-" for stdin), output (""
// or "-" for stdout; a file is replaced only when the run succeeds) and an
// optional reject table.
struct ClassifyRequest {
  std::string input;
  std::string output;
  std::string errors;
  CsvReadOptions csv;
  ClassifyOptions classify;
  OutputFormat format = OutputFormat::csv;
  Labels labels = Labels::id;
  bool explain = false;
  bool apply = false;
  bool apply_overwrite = false;
  ColumnOptions columns;
  DialectOverrides dialect;
  Lang lang = Lang::en;  // of the reject table's messages
  // Classifying threads (--threads); 0: one per processor. Workbooks, in or
  // out, are read and written on one.
  int threads = 0;
  // Called now and then on the run's thread, in order, with the rows written
  // so far and the input bytes they came from (decoded text: the file's bytes
  // for UTF-8); input_size is the input file's size, 0 when unknown (stdin).
  // For a progress line (classify on a terminal).
  struct Progress {
    long rows = 0;
    std::uint64_t bytes = 0;
    std::uint64_t input_size = 0;
  };
  std::function<void(const Progress&)> progress;
};
Result run_classify(const Taxonomy& taxonomy, const RuleSet& rules, const ClassifyRequest& request,
                    ClassifySummary& summary);

// Bulk validate: the current l1/l2/l3/target_date of every row, checked as
// `validate` checks one assignment, plus the row's shape and id.
struct RowFinding {
  long line = 0;
  std::string_view id;    // the row's id (valid during the callback)
  std::string_view code;  // a catalogue code
  std::string message;
  std::string fix;
};
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  // Once the header is read: how the input is written (a CSV report follows it).
  virtual void input_known(const InputReport& input) { (void)input; }
  virtual void add(const RowFinding& finding) = 0;
};
// Whether output for this input starts with a UTF-8 BOM: when the input had
// one or came in Windows-1252 or UTF-16 (Excel reads a CSV without a BOM in
// the machine's code page), unless `override` says.
bool wants_bom(const InputReport& input, std::optional<bool> override = std::nullopt);
// Whether CSV written this way is meant for a spreadsheet (Excel's dialect),
// so formula-like text cells are neutralised: it starts with a BOM (by
// default when the input had one or was Windows-1252 or UTF-16), or it is
// ';'-delimited with CRLF line ends (Excel's CSV where the decimal separator
// is a comma), or its input was a workbook.
bool excel_dialect(bool bom, char delimiter, LineEnding line_ending, bool from_workbook);

struct ValidateSummary {
  InputReport input;
  long rows = 0;
  long invalid_rows = 0;
};
struct ValidateRequest {
  std::string input;
  CsvReadOptions csv;
  ColumnOptions columns;
  ClassifyOptions classify;  // as-of date and date format
  Lang lang = Lang::en;
};
Result run_validate(const Taxonomy& taxonomy, const RuleSet& rules, const ValidateRequest& request,
                    FindingSink& findings, ValidateSummary& summary);

// `ftstatus columns`: reads the header and a sample of rows and reports what
// classify would make of them (encoding, dialect, columns, date orders)
// without classifying. Ok even when classify would stop (report.columns.stops()).
Result inspect_input(const Taxonomy& taxonomy, const RuleSet& rules, const ClassifyRequest& request,
                     InputReport& report);

}  // namespace ftstatus
