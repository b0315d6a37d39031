// Bulk validate: the pipeline's per-row work for `validate FILE`.
#include <memory>

#include "engine/classified_writer.h"
#include "engine/read_header.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/validator.h"
#include "io/output_file.h"

namespace ftstatus {

namespace {

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

// Where the columns bulk validate reads are in the file.
struct AssignmentFields {
  int l1 = -1;
  int l2 = -1;
  int l3 = -1;
  int id = -1;
  int target_date_column = -1;  // schema column
};

AssignmentFields find_fields(const RuleSet& rules, const Classifier& classifier,
                             const std::vector<std::string_view>& header) {
  auto field_named = [&](std::string_view id) {
    int column = rules.schema.find(id);
    if (column >= 0) return classifier.field_of(column);
    for (std::size_t f = 0; f < header.size(); ++f)
      if (normalize_header(header[f]) == normalize_header(id)) return static_cast<int>(f);
    return -1;
  };
  AssignmentFields fields;
  fields.l1 = field_named("l1");
  fields.l2 = field_named("l2");
  fields.l3 = field_named("l3");
  // The record's id: entitlement_id, or the schema's first unique column
  // (a custom taxonomy's ticket_id).
  fields.id = field_named("entitlement_id");
  for (std::size_t c = 0; fields.id < 0 && c < rules.schema.columns.size(); ++c)
    if (rules.schema.columns[c].unique) fields.id = classifier.field_of(static_cast<int>(c));
  fields.target_date_column = rules.schema.find("target_date");
  return fields;
}

// The per-row work: no I/O, findings go to the sink.
bool validate_row(const Taxonomy& taxonomy, const Classifier& classifier, const AssignmentFields& fields,
                  const Record& record, const RowResult& result, Date as_of, Lang lang, FindingSink& sink) {
  auto cell = [&](int f) {
    return f >= 0 && static_cast<std::size_t>(f) < record.fields.size() ? record.fields[static_cast<std::size_t>(f)]
                                                                        : std::string_view();
  };
  RowFinding finding;
  finding.line = record.line;
  finding.id = trim(cell(fields.id));
  bool row_invalid = false;
  for (const RowProblem& p : result.problems) {
    // The row's shape and id are checked here; the cells the rules read and
    // the suggestion's target date are classify's business.
    if (p.code == RowCode::no_rule || p.code == RowCode::invalid_value || p.code >= RowCode::target_date_missing)
      continue;
    finding.code = row_code_name(p.code);
    finding.message = describe_problem(classifier, p, result, lang);
    finding.fix.clear();
    sink.add(finding);
    row_invalid = true;
  }
  Assignment a{std::string(cell(fields.l1)), std::string(cell(fields.l2)), std::string(cell(fields.l3)), ""};
  Validation v = validate_statuses(taxonomy, a);
  DateCell date_cell = DateCell::missing;
  Date date = as_of;
  std::string_view date_text;
  const int date_column = fields.target_date_column;
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
  for (const Finding& f : v.findings) {
    finding.code = code_name(f.code);
    finding.message = finding_message(taxonomy, f, lang);
    finding.fix = finding_fix(taxonomy, f, lang);
    sink.add(finding);
  }
  return row_invalid || !v.valid();
}

}  // namespace

Result run_validate(const Taxonomy& taxonomy, const RuleSet& taxonomy_rules, const ValidateRequest& request,
                    FindingSink& findings, ValidateSummary& summary) {
  summary = ValidateSummary{};
  const RuleSet rules = taxonomy_rules.schema.columns.empty() ? assignment_schema() : taxonomy_rules;
  std::unique_ptr<RecordSource> source;
  std::string input_name;
  if (Result s = open_record_source(request.input, request.csv, source, input_name); !s.ok()) return s;
  Classifier classifier(taxonomy, rules, request.classify);
  Record record;
  // Validate checks the statuses, not the rules: the columns only the rules
  // read may be absent.
  ColumnOptions columns = request.columns;
  columns.allow_missing.emplace_back("all");
  if (Result header = read_header(classifier, *source, input_name, columns, record, summary.input); !header.ok())
    return header;
  const AssignmentFields fields = find_fields(rules, classifier, record.fields);
  if (fields.l1 < 0) return Error{Problem("no_l1_column"), input_name, record.line, 1};
  findings.input_known(summary.input);
  auto validate_one = [&](const Record& r) {
    ++summary.rows;
    const RowResult& result = classifier.classify(r);
    if (validate_row(taxonomy, classifier, fields, r, result, request.classify.as_of, request.lang, findings))
      ++summary.invalid_rows;
  };
  if (Result s = for_each_record(classifier, *source, summary.input, validate_one); !s.ok()) return s;
  if (const auto& conflict = classifier.date_order_conflict())
    return date_order_error(classifier, *conflict, input_name);
  return {};
}

}  // namespace ftstatus
