// ftstatus classify [FILE|-] [-o FILE] [--format csv|jsonl] [--labels id|en|es]
//                   [--explain] [--errors FILE] [--summary] [--as-of DATE]
//                   [--delimiter D] [--encoding utf-8|cp1252] [--date-format iso|mdy|dmy]
//                   [--lang en|es] [--taxonomy FILE]
//
// Reads entitlements from CSV and writes every row, in order, with its input
// cells unchanged plus suggested_l1, suggested_l2, rule, problems (and changed,
// explanation). Exit 0 no problems, 1 some rows have problems, 2 bad usage,
// broken taxonomy or unreadable input (the output file is then left as it was).
#include <iostream>
#include <memory>

#include "command.h"
#include "ftstatus/pipeline.h"
#include "report/summary.h"

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
  ClassifySummary summary;
  if (Result s = run_classify(*loaded.taxonomy, loaded.rules, request, summary); !s.ok())
    return report_error(s.error(), request.lang);
  if (o.summary) write_summary(std::cerr, *loaded.taxonomy, summary, request.lang);
  return summary.rows_with_problems > 0 ? kExitProblems : kExitOk;
}

}  // namespace

std::function<int()> setup_classify(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, "Entitlements CSV to classify (default or '-': standard input)");
  app.add_option("-o,--output", o->output,
                 "Write here instead of standard output (replaced only when the run succeeds)")
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
