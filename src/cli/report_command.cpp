// ftstatus report [FILE|-] [-o FILE] [--as-of DATE] [--lang en|es] [--taxonomy FILE]
//                 [--sheet S] [--delimiter D] [--encoding E] [--date-format F]
//                 [--map HEADER=COLUMN]... [--map-file FILE] [--allow-missing COLUMN]...
//                 [--previous OLD]
//
// Reads an export, raw or already classified (ftstatus's own columns are
// replaced), classifies it and writes one self-contained HTML page: totals,
// rows per L1 and L2, current -> suggested statuses, problems by code with
// their first rows, target dates by month, and each customer's
// entitlements; with --previous, what changed since that export (as
// `ftstatus diff OLD FILE`). Exit 0 written and no row has problems, 1 written and some
// rows have problems (as classify), 2 bad usage, broken taxonomy or
// unreadable input (the output file is then left as it was).
#include <iostream>
#include <memory>

#include "command.h"
#include "ftstatus/diff.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/report.h"
#include "ftstatus/version.h"
#include "input_options.h"
#include "io/output_file.h"
#include "report/html_report.h"
#include "report/input_report.h"

namespace ftstatus::cli {

namespace {

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  AsOfOption as_of;
  CsvInputOptions csv;
  ColumnMapOptions columns;
  std::string input;
  std::string output;
  std::string previous;
};

int run(const Options& o) {
  const Lang lang = o.lang.get();
  LoadResult loaded = o.taxonomy.load_full(lang);
  if (!loaded.ok()) return kExitUsage;
  const Taxonomy& taxonomy = *loaded.taxonomy;
  const Schema& schema = loaded.rules.schema;
  if (schema.columns.empty() || loaded.rules.rules.empty())
    return report_error(Error{Problem("taxonomy_has_no_rules")}, lang);
  ColumnOptions columns;
  if (Result s = o.columns.get(schema, columns); !s.ok()) return report_error(s.error(), lang);
  // The export is read twice with --previous: standard input could be read only once.
  if (!o.previous.empty() && (o.input.empty() || o.input == "-"))
    return report_error(Error{Problem("report_previous_stdin")}, lang);
  // The page is not the input: it must never replace it.
  if (same_file(o.output, o.input))
    return report_error(Error{Problem("output_same_file/report_is_input"), o.output, 0, 0}, lang);
  if (!o.previous.empty() && same_file(o.output, o.previous))
    return report_error(Error{Problem("output_same_file/report_is_previous"), o.output, 0, 0}, lang);
  set_fallback_temporary_folder(o.output);
  std::unique_ptr<RecordSource> source;
  std::string input_name;
  if (Result s = open_record_source(o.input, o.csv.read_options(), source, input_name); !s.ok())
    return report_error(s.error(), lang);
  OutputFile output(o.output);
  if (Result s = output.open(o.input); !s.ok()) return report_error(s.error(), lang);
  if (output.in_place())
    std::cerr << "ftstatus: "
              << Problem("output_written_in_place", {{"folder", folder_of(o.output)}, {"file", o.output}}).text(lang)
              << '\n';

  ClassifyOptions classify;
  classify.as_of = o.as_of.get();
  classify.date_format = o.csv.date_format_value();
  classify.lang = lang;
  Classifier classifier(taxonomy, loaded.rules, classify);
  ReportCollector collector(classifier, lang, classify.as_of);
  ClassifySummary summary;
  Result run = classify_records(classifier, *source, input_name, columns, {&collector}, summary);
  const InputReport& input = summary.input;
  if (!input.header.empty() && (run.ok() || input.columns.stops())) {
    write_input_notes(std::cerr, input, schema, lang);
    if (input.columns.notable()) write_column_report(std::cerr, input, schema, lang);
  }
  if (!run.ok()) return report_error(run.error(), lang);

  // --previous: the export is read a second time, against OLD, by the diff's own reader.
  DiffResult diff;
  if (!o.previous.empty()) {
    DiffRequest request;
    request.old_input = o.previous;
    request.new_input = o.input;
    request.csv = o.csv.read_options();
    request.columns = columns;
    request.classify = classify;
    if (Result s = run_diff(taxonomy, loaded.rules, request, diff); !s.ok()) return report_error(s.error(), lang);
  }

  HtmlReportInfo info;
  info.lang = lang;
  info.input_name = input_name;
  info.taxonomy_path = o.taxonomy.path;
  info.version = kVersion;
  // A short write leaves the stream's error set: commit() reports it with the file's name.
  info.as_of = classify.as_of.to_iso();
  std::vector<HtmlSection> sections = standard_sections(taxonomy, collector.data(), info);
  if (!o.previous.empty()) sections.insert(sections.begin() + 1, previous_section(taxonomy, diff, lang));
  HtmlOutput page;
  page.file = output.file();
  page.html.reserve(1 << 16);
  write_html_page(page, sections, info);
  if (Result s = output.commit(); !s.ok()) return report_error(s.error(), lang);
  return collector.data().rows_with_problems > 0 ? kExitProblems : kExitOk;
}

}  // namespace

std::function<int()> setup_report(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, help_text("report_file"));
  app.add_option("-o,--output", o->output, help_text("report_output"))->type_name("FILE");
  app.add_option("--previous", o->previous, help_text("report_previous"))->type_name("OLD");
  o->as_of.add_to(app);
  o->csv.add_to(app);
  o->columns.add_to(app);
  o->lang.add_to(app);
  o->taxonomy.add_to(app);
  return [o] { return run(*o); };
}

}  // namespace ftstatus::cli
