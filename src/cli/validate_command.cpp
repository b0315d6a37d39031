// ftstatus validate --l1 NAME [--l2 NAME] [--l3 NAME] [--target-date DATE]
//                   [--as-of DATE] [--lang en|es] [--format text|json] [--taxonomy FILE]
// ftstatus validate FILE.csv [--format text|csv|json] [--as-of DATE] [--lang en|es]
//                   [--delimiter D] [--encoding E] [--date-format F] [--taxonomy FILE]
//
// Checks one status assignment, or the current assignment (l1, l2, l3,
// target_date columns) of every row of a CSV. Each name may be an id, an
// English or Spanish name or an alias. Exit 0 valid, 1 invalid, 2 bad usage,
// broken taxonomy or unreadable file.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.h"
#include "engine/classified_writer.h"
#include "ftstatus/classifier.h"
#include "io/json_writer.h"
#include "ftstatus/validator.h"

namespace ftstatus::cli {

namespace {

std::string resolved_label(const Taxonomy& t, const Validation& v, Lang lang) {
  std::string out;
  for (StatusIndex i : {v.l1, v.l2, v.l3}) {
    if (i == kNoStatus) continue;
    out += (out.empty() ? "" : " / ") + t.at(i).name.get(lang);
  }
  return out;
}

void write_text(const Taxonomy& t, const Assignment& a, const Validation& v, Lang lang) {
  const bool es = lang == Lang::es;
  if (v.valid()) {
    std::string date = a.target_date.empty() ? "" : fmt::format(fmt::runtime(es ? ", fecha objetivo {}" : ", target date {}"), a.target_date);
    std::cout << fmt::format("{}: {} ({}){}\n", es ? "válido" : "valid", resolved_label(t, v, lang),
                             t.path(v.deepest()), date);
    return;
  }
  std::cout << (es ? "no válido" : "invalid");
  if (v.deepest() != kNoStatus) std::cout << fmt::format(": {} ({})", resolved_label(t, v, lang), t.path(v.deepest()));
  std::cout << '\n';
  for (const Finding& f : v.findings) {
    std::cout << fmt::format("error {}: {}\n", code_name(f.code), finding_message(t, f, lang));
    std::cout << fmt::format("  {}: {}\n", es ? "solución" : "fix", finding_fix(t, f, lang));
  }
}

void write_json(const Taxonomy& t, const Assignment& a, const Validation& v, Lang lang, Date as_of) {
  JsonWriter w(std::cout);
  auto id_or_null = [&](StatusIndex i) {
    if (i == kNoStatus)
      w.null();
    else
      w.value(t.at(i).id);
  };
  w.begin_object();
  w.key("valid");
  w.value(v.valid());
  w.key("as_of");
  w.value(as_of.to_iso());
  w.key("given");
  w.begin_object();
  for (auto [key, value] : {std::pair{"l1", &a.l1}, {"l2", &a.l2}, {"l3", &a.l3}, {"target_date", &a.target_date}}) {
    w.key(key);
    w.value(*value);
  }
  w.end_object();
  w.key("l1");
  id_or_null(v.l1);
  w.key("l2");
  id_or_null(v.l2);
  w.key("l3");
  id_or_null(v.l3);
  w.key("path");
  if (v.deepest() == kNoStatus)
    w.null();
  else
    w.value(t.path(v.deepest()));
  w.key("findings");
  w.begin_array();
  for (const Finding& f : v.findings) {
    w.begin_object();
    w.key("code");
    w.value(code_name(f.code));
    w.key("field");
    w.value(f.field);
    w.key("value");
    w.value(f.value);
    w.key("message");
    w.value(finding_message(t, f, lang));
    w.key("fix");
    w.value(finding_fix(t, f, lang));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

struct Options {
  TaxonomyOption taxonomy;
  LangOption lang;
  AsOfOption as_of;
  CsvInputOptions csv;
  Assignment assignment;
  std::string input;
  std::string format = "text";
};

// A taxonomy without `columns` still has assignments to check.
RuleSet assignment_schema() {
  RuleSet rules;
  for (const char* id : {"entitlement_id", "l1", "l2", "l3", "target_date"}) {
    Column column;
    column.id = id;
    if (column.id == "target_date") column.type = ColumnType::date;
    rules.schema.columns.push_back(std::move(column));
  }
  return rules;
}

// One line of the bulk report, in the chosen format.
class Report {
 public:
  Report(std::string format) : format_(std::move(format)), csv_(stdout, ','), json_(std::cout) {
    if (format_ == "csv") {
      for (const char* h : {"line", "entitlement_id", "code", "message", "fix"}) csv_.field(h);
      csv_.end_record();
    } else if (format_ == "json") {
      json_.begin_object();
      json_.key("findings");
      json_.begin_array();
    }
  }

  void add(long line, std::string_view id, std::string_view code, const std::string& message, const std::string& fix) {
    if (format_ == "csv") {
      csv_.field(std::to_string(line));
      csv_.field(id);
      csv_.field(code);
      csv_.field(message);
      csv_.field(fix);
      csv_.end_record();
    } else if (format_ == "json") {
      json_.begin_object();
      json_.key("line");
      json_.value(line);
      json_.key("entitlement_id");
      json_.value(id);
      json_.key("code");
      json_.value(code);
      json_.key("message");
      json_.value(message);
      json_.key("fix");
      json_.value(fix);
      json_.end_object();
    } else {
      csv_.flush();
      std::cout << fmt::format("line {}: {}: {}: {}{}\n", line, id.empty() ? "-" : id, code, message,
                               fix.empty() ? "" : fmt::format(" (fix: {})", fix));
    }
  }

  void finish(long rows, long invalid, Lang lang) {
    if (format_ == "csv") {
      csv_.flush();
    } else if (format_ == "json") {
      json_.end_array();
      json_.key("rows");
      json_.value(rows);
      json_.key("invalid_rows");
      json_.value(invalid);
      json_.end_object();
    } else {
      std::cout << fmt::format(fmt::runtime(lang == Lang::es ? "{} filas, {} no válidas\n" : "{} rows, {} invalid\n"), rows, invalid);
    }
    std::cout.flush();
  }

 private:
  std::string format_;
  CsvWriter csv_;
  JsonWriter json_;
};

int validate_file(const Options& o) {
  LoadResult loaded = o.taxonomy.load_full();
  if (!loaded.ok()) return kExitUsage;
  const Taxonomy& taxonomy = *loaded.taxonomy;
  RuleSet rules = loaded.rules.schema.columns.empty() ? assignment_schema() : loaded.rules;
  Lang lang = o.lang.get();
  Date as_of = o.as_of.get();
  std::string name = input_name(o.input);
  std::FILE* in = open_input(o.input);
  if (in == nullptr) return kExitUsage;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in_closer(in == stdin ? nullptr : in, std::fclose);

  ClassifyOptions options;
  options.as_of = as_of;
  options.date_format = o.csv.date_format_value();
  Classifier classifier(taxonomy, rules, options);
  auto field_named = [&](const std::vector<std::string_view>& header, std::string_view id) {
    int column = rules.schema.find(id);
    if (column >= 0) return classifier.field_of(column);
    for (std::size_t f = 0; f < header.size(); ++f)
      if (normalize_header(header[f]) == normalize_header(id)) return static_cast<int>(f);
    return -1;
  };
  try {
    CsvReader reader(in, o.csv.delimiter_char(), o.csv.encoding_value());
    Record record;
    if (!read_header(reader, record, classifier, name)) return kExitUsage;
    const int l1 = field_named(record.fields, "l1");
    const int l2 = field_named(record.fields, "l2");
    const int l3 = field_named(record.fields, "l3");
    // The record's id: entitlement_id, or the schema's first unique column
    // (a custom taxonomy's ticket_id).
    int id = field_named(record.fields, "entitlement_id");
    for (std::size_t c = 0; id < 0 && c < rules.schema.columns.size(); ++c)
      if (rules.schema.columns[c].unique) id = classifier.field_of(static_cast<int>(c));
    const int date_column = rules.schema.find("target_date");
    if (l1 < 0) {
      std::cerr << fmt::format("ftstatus: {}:{}:1: the header has no l1 column, so there is no assignment to check; "
                               "name a column l1 (and l2, target_date)\n", name, record.line);
      return kExitUsage;
    }
    Report report(o.format);
    long rows = 0;
    long invalid = 0;
    while (reader.next(record)) {
      ++rows;
      const RowResult& result = classifier.classify(record);
      auto cell = [&](int f) {
        return f >= 0 && static_cast<std::size_t>(f) < record.fields.size() ? record.fields[static_cast<std::size_t>(f)]
                                                                             : std::string_view();
      };
      std::string_view entitlement = trim(cell(id));
      bool row_invalid = false;
      for (const RowProblem& p : result.problems) {
        // The row's shape and id are checked here; the cells the rules read and
        // the suggestion's target date are classify's business.
        if (p.code == RowCode::no_rule || p.code == RowCode::invalid_value || p.code >= RowCode::target_date_missing) continue;
        report.add(record.line, entitlement, row_code_name(p.code), describe_problem(classifier, p, result, lang), "");
        row_invalid = true;
      }
      Assignment a{std::string(cell(l1)), std::string(cell(l2)), std::string(cell(l3)), ""};
      Validation v = validate_statuses(taxonomy, a);
      DateCell date_cell = DateCell::missing;
      Date date = as_of;
      std::string_view date_text;
      if (date_column >= 0 && classifier.field_of(date_column) >= 0) {
        date_text = cell(classifier.field_of(date_column));
        const CellValue& value = classifier.cells()[static_cast<std::size_t>(date_column)];
        if (classifier.cell_invalid(date_column)) {
          date_cell = DateCell::invalid;
        } else if (!value.empty) {
          date_cell = DateCell::valid;
          date = Date::from_days(value.value);
        }
      }
      check_parsed_target_date(taxonomy, v.deepest(), date_text, date_cell, date, as_of, v.findings);
      for (const Finding& f : v.findings)
        report.add(record.line, entitlement, code_name(f.code), finding_message(taxonomy, f, lang), finding_fix(taxonomy, f, lang));
      row_invalid = row_invalid || !v.valid();
      invalid += row_invalid;
    }
    report.finish(rows, invalid, lang);
    return finish_output(invalid > 0 ? kExitProblems : kExitOk);
  } catch (const std::exception& e) {
    return input_error(name, e);
  }
}

}  // namespace

std::function<int()> setup_validate(CLI::App& app) {
  auto o = std::make_shared<Options>();
  app.add_option("FILE", o->input, "CSV whose l1, l2, l3 and target_date columns to check (instead of --l1 ...)");
  app.add_option("--l1", o->assignment.l1, "L1 status: id, English or Spanish name, or alias");
  app.add_option("--l2", o->assignment.l2, "L2 status under the L1");
  app.add_option("--l3", o->assignment.l3, "L3 status under the L2 (custom taxonomies)");
  app.add_option("--target-date", o->assignment.target_date, "Target date, YYYY-MM-DD")->type_name("DATE");
  o->as_of.add_to(app);
  o->lang.add_to(app);
  app.add_option("--format", o->format, "Output format: text or json; for a FILE also csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  o->csv.add_to(app);
  o->taxonomy.add_to(app);

  return [o] {
    if (!o->input.empty()) {
      if (!o->assignment.l1.empty() || !o->assignment.l2.empty() || !o->assignment.l3.empty() ||
          !o->assignment.target_date.empty()) {
        std::cerr << "ftstatus validate: give either a CSV FILE or --l1/--l2/--l3/--target-date, not both\n";
        return static_cast<int>(kExitUsage);
      }
      return validate_file(*o);
    }
    if (o->assignment.l1.empty()) {
      std::cerr << "ftstatus validate: --l1 is required (or give a CSV FILE to check every row)\n"
                   "Run with --help for more information.\n";
      return static_cast<int>(kExitUsage);
    }
    if (o->format == "csv") {
      std::cerr << "ftstatus validate: --format csv is for a FILE; use text or json for one assignment\n";
      return static_cast<int>(kExitUsage);
    }
    std::optional<Taxonomy> taxonomy = o->taxonomy.load();
    if (!taxonomy) return static_cast<int>(kExitUsage);
    Date as_of = o->as_of.get();
    Lang lang = o->lang.get();
    Validation v = validate(*taxonomy, o->assignment, as_of);
    if (o->format == "json")
      write_json(*taxonomy, o->assignment, v, lang, as_of);
    else
      write_text(*taxonomy, o->assignment, v, lang);
    return finish_output(v.valid() ? kExitOk : kExitProblems);
  };
}

}  // namespace ftstatus::cli
