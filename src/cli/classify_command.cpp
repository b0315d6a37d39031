// ftstatus classify [FILE|-] [-o FILE] [--format csv|jsonl] [--labels id|en|es]
//                   [--explain] [--errors FILE] [--summary] [--as-of DATE]
//                   [--delimiter D] [--encoding utf-8|cp1252] [--date-format iso|mdy|dmy]
//                   [--lang en|es] [--taxonomy FILE]
//
// Reads entitlements from CSV and writes every row, in order, with its input
// cells unchanged plus suggested_l1, suggested_l2, rule, problems (and changed,
// explanation). Exit 0 no problems, 1 some rows have problems, 2 bad usage,
// broken taxonomy or unreadable input (the output file is then left as it was).
#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.h"
#include "engine/classified_writer.h"
#include "ftstatus/classifier.h"
#include "ftstatus/loader.h"

namespace ftstatus::cli {

namespace {

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  AsOfOption as_of;
  CsvInputOptions csv;
  std::string input;
  std::string output;
  std::string errors;
  std::string format = "csv";
  std::string labels = "id";
  bool explain = false;
  bool summary = false;
};

struct Counts {
  long rows = 0;
  long with_problems = 0;
  long changed = 0;
  std::vector<long> per_status;
};

void print_summary(const Taxonomy& t, const Counts& counts, double seconds) {
  std::cerr << fmt::format("rows: {}\nrows with problems: {}\nrows changed: {}\n", counts.rows, counts.with_problems,
                           counts.changed);
  std::cerr << "suggested statuses:\n";
  for (std::size_t i = 0; i < counts.per_status.size(); ++i) {
    if (counts.per_status[i] == 0) continue;
    std::cerr << fmt::format("  {:<60} {}\n", t.path(static_cast<StatusIndex>(i)), counts.per_status[i]);
  }
  double rate = seconds > 0 ? static_cast<double>(counts.rows) / seconds : 0.0;
  std::cerr << fmt::format("time: {:.3f} s ({:.0f} rows/s)\n", seconds, rate);
}

int run(const Options& o) {
  LoadResult loaded = o.taxonomy.load_full();
  if (!loaded.ok()) return kExitUsage;
  const Taxonomy& taxonomy = *loaded.taxonomy;
  if (loaded.rules.schema.columns.empty() || loaded.rules.rules.empty()) {
    std::cerr << "ftstatus: the taxonomy has no 'columns' and 'rules' sections, so there is nothing to classify with\n";
    return kExitUsage;
  }
  const auto started = std::chrono::steady_clock::now();
  Lang lang = o.lang.get();
  std::string name = input_name(o.input);
  std::FILE* in = open_input(o.input);
  if (in == nullptr) return kExitUsage;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in_closer(in == stdin ? nullptr : in, std::fclose);

  AtomicOutput output(o.output);
  AtomicOutput errors_output(o.errors);
  std::FILE* out = output.open();
  if (out == nullptr) return kExitUsage;
  std::FILE* errors_file = nullptr;
  if (!o.errors.empty() && (errors_file = errors_output.open()) == nullptr) return kExitUsage;

  ClassifyOptions classify_options;
  classify_options.as_of = o.as_of.get();
  classify_options.date_format = o.csv.date_format_value();
  Classifier classifier(taxonomy, loaded.rules, classify_options);
  Counts counts;
  counts.per_status.assign(taxonomy.statuses().size(), 0);

  try {
    CsvReader reader(in, o.csv.delimiter_char(), o.csv.encoding_value());
    Record record;
    if (!read_header(reader, record, classifier, name)) return kExitUsage;
    OutputOptions out_options;
    out_options.format = *parse_output_format(o.format);
    out_options.labels = *parse_labels(o.labels);
    out_options.explain = o.explain;
    out_options.delimiter = reader.delimiter();
    out_options.input_delimiter = reader.delimiter();
    out_options.bom = reader.had_bom();
    out_options.crlf = reader.crlf();
    ClassifiedWriter writer(out, classifier, out_options);
    writer.header(record);
    CsvWriter error_writer(errors_file != nullptr ? errors_file : stdout, ',');
    if (errors_file != nullptr) {
      for (const char* h : {"line", "column", "code", "message", "raw"}) error_writer.field(h);
      error_writer.end_record();
    }
    std::string number;
    while (reader.next(record)) {
      const RowResult& result = classifier.classify(record);
      writer.row(record, result);
      ++counts.rows;
      if (result.status != kNoStatus) ++counts.per_status[static_cast<std::size_t>(result.status)];
      if (result.changed) ++counts.changed;
      if (result.problems.empty()) continue;
      ++counts.with_problems;
      if (errors_file == nullptr) continue;
      for (const RowProblem& p : result.problems) {
        number = std::to_string(result.line);
        error_writer.field(number);
        error_writer.field(p.column >= 0 ? std::string_view(loaded.rules.schema.columns[static_cast<std::size_t>(p.column)].id)
                                         : std::string_view());
        error_writer.field(row_code_name(p.code));
        error_writer.field(describe_problem(classifier, p, result, lang));
        error_writer.field(record.raw);
        error_writer.end_record();
      }
    }
    if (!writer.finish() || !error_writer.flush()) {
      std::cerr << "ftstatus: cannot write the output (disk full?)\n";
      return kExitUsage;
    }
  } catch (const std::exception& e) {
    return input_error(name, e);
  }
  if (std::ferror(in)) {
    std::cerr << fmt::format("ftstatus: {}: read error\n", name);
    return kExitUsage;
  }
  if (!output.commit() || (errors_file != nullptr && !errors_output.commit())) return kExitUsage;
  if (o.summary) {
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    print_summary(taxonomy, counts, elapsed.count());
  }
  return counts.with_problems > 0 ? kExitProblems : kExitOk;
}

}  // namespace

std::function<int()> setup_classify(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, "Entitlements CSV to classify (default or '-': standard input)");
  app.add_option("-o,--output", o->output, "Write here instead of standard output (replaced only when the run succeeds)")
      ->type_name("FILE");
  app.add_option("--format", o->format, "Output format: csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  app.add_option("--labels", o->labels, "Suggested status columns as ids, English (en) or Spanish (es) names")
      ->check(CLI::IsMember({"id", "en", "es"}))
      ->capture_default_str();
  app.add_flag("--explain", o->explain, "Add an explanation column: the rule and the cells that made it match");
  app.add_option("--errors", o->errors, "Also write one line per problem (line, column, code, message, raw input line)")
      ->type_name("FILE");
  app.add_flag("--summary", o->summary, "Print counts per status, problem rows, changed rows and rows/s to stderr");
  o->as_of.add_to(app);
  o->csv.add_to(app);
  o->lang.add_to(app);
  o->taxonomy.add_to(app);
  return [o] { return run(*o); };
}

}  // namespace ftstatus::cli
