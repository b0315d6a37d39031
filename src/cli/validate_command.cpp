// ftstatus validate --l1 NAME [--l2 NAME] [--l3 NAME] [--target-date DATE]
//                   [--as-of DATE] [--lang en|es] [--format text|json] [--taxonomy FILE]
// ftstatus validate FILE.csv [--format text|csv|json] [--as-of DATE] [--lang en|es]
//                   [--delimiter D] [--encoding E] [--date-format F] [--map HEADER=COLUMN]...
//                   [--map-file FILE] [--taxonomy FILE]
//
// Checks one status assignment, or the current assignment (l1, l2, l3,
// target_date columns) of every row of a CSV. Each name may be an id, an
// English or Spanish name or an alias. Exit 0 valid, 1 invalid, 2 bad usage,
// broken taxonomy or unreadable file.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "command.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/validator.h"
#include "input_options.h"
#include "io/output_file.h"
#include "report/validation_report.h"
#include "report/validation_workbook.h"

namespace ftstatus::cli {

namespace {

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  ColorOption color;
  AsOfOption as_of;
  CsvInputOptions csv;
  ColumnMapOptions columns;
  FormulasOption formulas;  // of the CSV report
  Assignment assignment;
  std::string input;
  std::string format = "text";
  std::string output;  // for --format xlsx
};

int validate_file(const Options& o) {
  LoadResult loaded = o.taxonomy.load_full(o.lang.get());
  if (!loaded.ok()) return kExitUsage;
  ValidateRequest request;
  request.input = o.input;
  request.csv = o.csv.read_options();
  request.classify.as_of = o.as_of.get();
  request.classify.date_format = o.csv.date_format_value();
  request.lang = o.lang.get();
  if (Result s = o.columns.get(loaded.rules.schema, request.columns); !s.ok())
    return report_error(s.error(), request.lang);
  if (o.format == "xlsx") {
    // A workbook is written by name, replaced only when the run succeeds.
    if (o.output.empty() || o.output == "-")
      return report_error(Error{Problem("output_workbook_needs_file")}, request.lang);
    // The report is not the input classified: it must never replace it.
    if (same_file(o.output, o.input))
      return report_error(Error{Problem("output_same_file/report_is_input"), o.output, 0, 0}, request.lang);
    set_fallback_temporary_folder(o.output);
    OutputFile output(o.output);
    if (Result s = output.open(o.input); !s.ok()) return report_error(s.error(), request.lang);
    if (output.in_place())
      std::cerr << "ftstatus: "
                << Problem("output_written_in_place", {{"folder", folder_of(o.output)}, {"file", o.output}})
                       .text(request.lang)
                << '\n';
    WorkbookFindingReport report(output.hand_over_path(), output.name(), request.lang);
    ValidateSummary summary;
    if (Result s = run_validate(*loaded.taxonomy, loaded.rules, request, report, summary); !s.ok())
      return report_error(s.error(), request.lang);
    if (Result s = report.finish(summary); !s.ok()) return report_error(s.error(), request.lang);
    if (Result s = output.commit(); !s.ok()) return report_error(s.error(), request.lang);
    return summary.invalid_rows > 0 ? kExitProblems : kExitOk;
  }
  if (!o.output.empty()) return report_error(Error{Problem("usage_output_only_xlsx")}, request.lang);
  const ReportFormat format = o.format == "csv"    ? ReportFormat::csv
                              : o.format == "json" ? ReportFormat::json
                                                   : ReportFormat::text;
  FindingReport report(std::cout, format, request.lang);
  report.set_formulas(o.formulas.get());
  ValidateSummary summary;
  if (Result s = run_validate(*loaded.taxonomy, loaded.rules, request, report, summary); !s.ok())
    return report_error(s.error(), request.lang);
  report.finish(summary);
  return finish_output(summary.invalid_rows > 0 ? kExitProblems : kExitOk);
}

int validate_one(const Options& o) {
  std::optional<Taxonomy> taxonomy = o.taxonomy.load(o.lang.get());
  if (!taxonomy) return kExitUsage;
  Date as_of = o.as_of.get();
  Lang lang = o.lang.get();
  Validation v = validate(*taxonomy, o.assignment, as_of);
  if (o.format == "json")
    write_validation_json(std::cout, *taxonomy, o.assignment, v, lang, as_of);
  else
    write_validation_text(std::cout, *taxonomy, o.assignment, v, lang, colours_for(STDOUT_FILENO));
  return finish_output(v.valid() ? kExitOk : kExitProblems);
}

}  // namespace

std::function<int()> setup_validate(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, help_text("validate_file"));
  app.add_option("--l1", o->assignment.l1, help_text("validate_l1"))->type_name("NAME");
  app.add_option("--l2", o->assignment.l2, help_text("validate_l2"))->type_name("NAME");
  app.add_option("--l3", o->assignment.l3, help_text("validate_l3"))->type_name("NAME");
  app.add_option("--target-date", o->assignment.target_date, help_text("validate_target_date"))->type_name("DATE");
  o->as_of.add_to(app);
  o->lang.add_to(app);
  o->color.add_to(app);
  app.add_option("-o,--output", o->output, help_text("validate_output"))->type_name("FILE");
  app.add_option("--format", o->format, help_text("validate_format"))
      ->check(one_of({"text", "json", "csv", "xlsx"}))
      ->capture_default_str();
  o->csv.add_to(app);
  o->columns.add_to(app);
  o->formulas.add_to(app);
  o->taxonomy.add_to(app);

  return [o] {
    const Lang lang = o->lang.get();
    if (!o->input.empty()) {
      if (!o->assignment.l1.empty() || !o->assignment.l2.empty() || !o->assignment.l3.empty() ||
          !o->assignment.target_date.empty())
        return report_usage("validate", Problem("usage_file_and_assignment"), lang);
      return validate_file(*o);
    }
    if (o->assignment.l1.empty()) return report_usage("validate", Problem("usage_l1_required"), lang);
    if (o->format == "csv") return report_usage("validate", Problem("usage_csv_needs_file"), lang);
    return validate_one(*o);
  };
}

}  // namespace ftstatus::cli
