// ftstatus columns [FILE|-] [--map HEADER=COLUMN]... [--map-file FILE] [--allow-missing COLUMN]...
//                  [--delimiter D] [--encoding E] [--date-format F] [--lang en|es] [--taxonomy FILE]
//
// Prints what classify would make of FILE's header, without classifying: each
// header and the column it becomes (exact, alias, guessed, mapped, unused),
// the missing columns, the encoding, delimiter and line ends, and the
// day/month order of each date column. Exit 0, or 2 where classify would stop.
#include <iostream>
#include <memory>

#include "cli_text.h"
#include "command.h"
#include "ftstatus/pipeline.h"
#include "input_options.h"
#include "report/input_report.h"

namespace ftstatus::cli {

namespace {

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  CsvInputOptions csv;
  ColumnMapOptions columns;
  std::string input;
};

int run(const Options& o) {
  const Lang lang = o.lang.get();
  LoadResult loaded = o.taxonomy.load_full(lang);
  if (!loaded.ok()) return kExitUsage;
  ClassifyRequest request;
  request.input = o.input;
  request.csv = o.csv.read_options();
  request.classify.date_format = o.csv.date_format_value();
  if (Result s = o.columns.get(loaded.rules.schema, request.columns); !s.ok()) return report_error(s.error(), lang);
  InputReport report;
  if (Result s = inspect_input(*loaded.taxonomy, loaded.rules, request, report); !s.ok())
    return report_error(s.error(), lang);
  write_column_report(std::cout, report, loaded.rules.schema, lang);
  write_input_notes(std::cerr, report, loaded.rules.schema, lang);
  if (report.columns.stops()) {
    report_error(Error{report.columns.stop_problem(loaded.rules.schema), report.name, 1, 1}, lang);
    return finish_output(kExitUsage);
  }
  return finish_output(kExitOk);
}

}  // namespace

std::function<int()> setup_columns(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, help_text("columns_file"));
  o->csv.add_to(app);
  o->columns.add_to(app);
  o->lang.add_to(app);
  o->taxonomy.add_to(app);
  return [o] { return run(*o); };
}

}  // namespace ftstatus::cli
