// ftstatus classify [FILE|-] [-o FILE] [--format csv|jsonl] [--labels id|en|es]
//                   [--explain] [--errors FILE] [--summary] [--as-of DATE]
//                   [--delimiter D] [--encoding utf-8|cp1252] [--date-format iso|mdy|dmy]
//                   [--lang en|es] [--taxonomy FILE]
//
// Reads entitlements from CSV and writes every row, in order, with its input
// cells unchanged plus suggested_l1, suggested_l2, rule, problems (and changed,
// explanation). Exit 0 no problems, 1 some rows have problems, 2 bad usage,
// broken taxonomy or unreadable input (the output file is then left as it was).
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

#include "cli_text.h"
#include "command.h"
#include "ftstatus/pipeline.h"
#include "input_options.h"
#include "load/rules_loader.h"
#include "progress_line.h"
#include "report/input_report.h"
#include "report/summary.h"

namespace ftstatus::cli {

namespace {

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  ColorOption color;
  AsOfOption as_of;
  CsvInputOptions csv;
  ColumnMapOptions columns;
  DialectOptions dialect;
  std::string apply;
  std::string input;
  std::string output;
  std::string errors;
  std::string format = "csv";
  std::string labels = "id";
  bool explain = false;
  bool summary = false;
  bool quiet = false;
  unsigned threads = 0;  // 0: one per processor
};

int run(const Options& o) {
  LoadResult loaded = o.taxonomy.load_full(o.lang.get());
  if (!loaded.ok()) return kExitUsage;
  ClassifyRequest request;
  request.input = o.input;
  request.output = o.output;
  request.errors = o.errors;
  request.csv = o.csv.read_options();
  request.classify.as_of = o.as_of.get();
  request.classify.date_format = o.csv.date_format_value();
  request.format = *parse_output_format(o.format);
  request.labels = *parse_labels(o.labels);
  request.explain = o.explain;
  request.lang = o.lang.get();
  request.classify.lang = request.lang;
  request.dialect = o.dialect.get();
  request.apply = !o.apply.empty();
  request.apply_overwrite = o.apply == "all";
  request.threads = static_cast<int>(std::min(o.threads, 256u));
  if (Result s = o.columns.get(loaded.rules.schema, request.columns); !s.ok())
    return report_error(s.error(), request.lang);
  // -o NAME.xlsx writes a workbook unless --format says otherwise.
  if (o.format == "csv" && detail::lower_ascii(o.output).ends_with(".xlsx")) request.format = OutputFormat::xlsx;
  ClassifySummary summary;
  // A progress line on a terminal only: standard error piped or redirected gets none.
  std::optional<ProgressLine> progress;
  if (!o.quiet && isatty(STDERR_FILENO) == 1) {
    progress.emplace(request.lang);
    request.progress = [&progress](const ClassifyRequest::Progress& p) { progress->update(p); };
  }
  Result run = run_classify(*loaded.taxonomy, loaded.rules, request, summary);
  if (progress) progress->finish();
  for (const Problem& notice : summary.notices) std::cerr << "ftstatus: " << notice.text(request.lang) << '\n';
  const InputReport& input = summary.input;
  const Schema& schema = loaded.rules.schema;
  if (!input.header.empty() && (run.ok() || input.columns.stops())) {
    write_input_notes(std::cerr, input, schema, request.lang);
    if (o.summary || input.columns.notable()) write_column_report(std::cerr, input, schema, request.lang);
  }
  if (!run.ok()) return report_error(run.error(), request.lang);
  if (o.summary) write_summary(std::cerr, *loaded.taxonomy, summary, request.lang, colours_for(STDERR_FILENO));
  return summary.rows_with_problems > 0 ? kExitProblems : kExitOk;
}

}  // namespace

std::function<int()> setup_classify(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, help_text("classify_file"));
  app.add_option("-o,--output", o->output, help_text("classify_output"))->type_name("FILE");
  app.add_option("--format", o->format, help_text("classify_format"))
      ->check(one_of({"csv", "jsonl", "xlsx"}))
      ->capture_default_str();
  app.add_option("--labels", o->labels, help_text("classify_labels"))
      ->check(one_of({"id", "en", "es"}))
      ->capture_default_str();
  app.add_flag("--explain", o->explain, help_text("classify_explain"));
  app.add_option("--errors", o->errors, help_text("classify_errors"))->type_name("FILE");
  app.add_flag("--summary", o->summary, help_text("classify_summary"));
  app.add_flag("-q,--quiet", o->quiet, help_text("option_quiet"));
  app.add_option("--threads", o->threads, help_text("option_threads"))->type_name("N");
  // A flag, so `--apply export.csv` does not take the file name as its value;
  // `--apply=all` gives one.
  app.add_flag("--apply{empty}", o->apply, help_text("option_apply"))
      ->option_text("[=all]")
      ->check(one_of({"empty", "all"}));
  o->as_of.add_to(app);
  o->csv.add_to(app);
  o->columns.add_to(app);
  o->dialect.add_to(app);
  o->lang.add_to(app);
  o->color.add_to(app);
  o->taxonomy.add_to(app);
  return [o] { return run(*o); };
}

}  // namespace ftstatus::cli
