// ftstatus diff OLD NEW [--format text|csv|json] [-o FILE] [--fail-on changes|regressions]
//               [--as-of DATE] [--delimiter D] [--encoding E] [--date-format F] [--sheet NAME]
//               [--map HEADER=COLUMN]... [--map-file FILE] [--allow-missing COLUMN]...
//               [--lang en|es] [--color WHEN] [--taxonomy FILE]
//
// Compares two exports of one partner by entitlement id, each read the way
// classify reads it (so a Spanish cp1252 export and an English one compare
// by meaning): entitlements added and removed, status changes, target dates
// moved and missed, and regressions. Exit 0 no changes, 1 changes (with
// --fail-on regressions: a regression or a row not compared), 2 bad usage,
// an unreadable file, a missing column or a repeated id (the output file is
// then left as it was).
#include <unistd.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "command.h"
#include "ftstatus/diff.h"
#include "input_options.h"
#include "io/output_file.h"
#include "report/diff_writer.h"
#include "report/input_report.h"

namespace ftstatus::cli {

namespace {

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  ColorOption color;
  AsOfOption as_of;
  CsvInputOptions csv;
  ColumnMapOptions columns;
  std::string old_input;
  std::string new_input;
  std::string output;
  std::string format = "text";
  std::string fail_on = "changes";
};

int run(const Options& o) {
  const Lang lang = o.lang.get();
  LoadResult loaded = o.taxonomy.load_full(lang);
  if (!loaded.ok()) return kExitUsage;
  DiffRequest request;
  request.old_input = o.old_input;
  request.new_input = o.new_input;
  request.csv = o.csv.read_options();
  request.classify.as_of = o.as_of.get();
  request.classify.date_format = o.csv.date_format_value();
  request.classify.lang = lang;
  if (Result s = o.columns.get(loaded.rules.schema, request.columns); !s.ok()) return report_error(s.error(), lang);
  // The report is never written over either export.
  for (const std::string* input : {&o.old_input, &o.new_input})
    if (!o.output.empty() && same_file(o.output, *input))
      return report_error(Error{Problem("output_same_file/report_is_input"), o.output, 0, 0}, lang);
  DiffResult diff;
  Result run = run_diff(*loaded.taxonomy, loaded.rules, request, diff);
  const Schema& schema = loaded.rules.schema;
  for (const DiffFileSummary* file : {&diff.old_file, &diff.new_file})
    if (!file->input.header.empty() && (run.ok() || file->input.columns.stops()))
      write_input_notes(std::cerr, file->input, schema, lang);
  if (!run.ok()) return report_error(run.error(), lang);

  const bool to_stdout = o.output.empty() || o.output == "-";
  std::ostringstream buffer;
  std::ostream& out = to_stdout ? std::cout : buffer;
  if (o.format == "csv")
    write_diff_csv(out, *loaded.taxonomy, loaded.rules, diff);
  else if (o.format == "json")
    write_diff_json(out, *loaded.taxonomy, loaded.rules, diff, lang);
  else
    write_diff_text(out, *loaded.taxonomy, loaded.rules, diff, lang,
                    to_stdout ? colours_for(STDOUT_FILENO) : Colours{});
  const bool fails = o.fail_on == "regressions" ? diff.regressions() > 0 || !diff.unread.empty() : diff.any();
  const int code = fails ? kExitProblems : kExitOk;
  if (to_stdout) return finish_output(code);
  OutputFile output(o.output);
  if (Result s = output.open(o.new_input); !s.ok()) return report_error(s.error(), lang);
  const std::string text = buffer.str();
  // A short write shows as the stream's error when the file is finished.
  (void)std::fwrite(text.data(), 1, text.size(), output.file());
  if (Result s = output.commit(); !s.ok()) return report_error(s.error(), lang);
  return code;
}

}  // namespace

std::function<int()> setup_diff(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("OLD", o->old_input, help_text("diff_old"))->type_name("FILE");
  app.add_option("NEW", o->new_input, help_text("diff_new"))->type_name("FILE");
  app.add_option("-o,--output", o->output, help_text("diff_output"))->type_name("FILE");
  app.add_option("--format", o->format, help_text("diff_format"))
      ->check(one_of({"text", "csv", "json"}))
      ->capture_default_str();
  app.add_option("--fail-on", o->fail_on, help_text("diff_fail_on"))
      ->check(one_of({"changes", "regressions"}))
      ->capture_default_str();
  o->as_of.add_to(app);
  o->csv.add_to(app);
  o->columns.add_to(app);
  o->lang.add_to(app);
  o->color.add_to(app);
  o->taxonomy.add_to(app);
  // Checked here, not by CLI11: it would report a missing file before an unknown option.
  return [o] {
    for (const auto& [name, value] : {std::pair{"OLD", &o->old_input}, std::pair{"NEW", &o->new_input}})
      if (value->empty())
        return report_usage("diff", Problem("usage_option_required", {{"option", name}}), o->lang.get());
    return run(*o);
  };
}

}  // namespace ftstatus::cli
