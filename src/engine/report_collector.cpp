#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>

#include "engine/classified_writer.h"
#include "ftstatus/report.h"

namespace ftstatus {

namespace {

constexpr std::size_t kCodeCount = static_cast<std::size_t>(RowCode::target_date_beyond_horizon) + 1;

// Civil year and month of a day number (days since 1970-01-01), as
// year * 12 + month - 1: H. Hinnant's days_from_civil inverse, no tables.
int month_number(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return static_cast<int>(year * 12 + month - 1);
}

std::string_view cell_text(const Classifier& classifier, int column) {
  if (column < 0) return {};
  return classifier.cells()[static_cast<std::size_t>(column)].text;
}

}  // namespace

Date month_start(Date as_of, int months) {
  const int number = month_number(as_of.days()) + months;
  return Date::from_ymd(number / 12, number % 12 + 1, 1).value_or(as_of);
}

std::uint64_t ReportData::transition_key(StatusIndex current, StatusIndex suggested) const {
  const std::uint64_t row = current >= 0               ? static_cast<std::uint64_t>(current)
                            : current == kCurrentEmpty ? statuses
                                                       : statuses + 1;
  const std::uint64_t column = suggested >= 0 ? static_cast<std::uint64_t>(suggested) : statuses;
  return row * (statuses + 1) + column;
}

long ReportData::transition(StatusIndex current, StatusIndex suggested) const {
  const std::uint64_t key = transition_key(current, suggested);
  if (!transitions.empty()) return transitions[key];
  const auto found = sparse_transitions.find(key);
  return found == sparse_transitions.end() ? 0 : found->second;
}

// Customers by name: the index of each into data_.customers. The last one
// found is remembered, as exports list a customer's rows together.
struct ReportCollector::Customers {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index;
  std::size_t last = SIZE_MAX;
  ReportCustomer other;  // the rows of customers beyond the cap
};

ReportCollector::ReportCollector(const Classifier& classifier, Lang lang, Date as_of, ReportLimits limits)
    : classifier_(classifier), lang_(lang), customers_(std::make_unique<Customers>()) {
  data_.as_of = as_of;
  data_.limits = limits;
  as_of_days_ = as_of.days();
  as_of_month_ = month_number(as_of_days_);
  const Taxonomy& taxonomy = classifier.taxonomy();
  data_.statuses = taxonomy.statuses().size();
  data_.per_status.assign(data_.statuses, 0);
  if (data_.statuses <= ReportData::kDenseTransitionStatuses)
    data_.transitions.assign((data_.statuses + 2) * (data_.statuses + 1), 0);
  data_.per_month.assign(static_cast<std::size_t>(std::max(limits.months, 1)), 0);
  const Schema& schema = classifier.rules().schema;
  group_of_.assign(kCodeCount * (schema.columns.size() + 1), -1);
  customers_->index.reserve(std::min<std::size_t>(limits.customers_counted, 1024));
}

ReportCollector::~ReportCollector() = default;

void ReportCollector::header(const Record& header) {
  header_.assign(header.fields.begin(), header.fields.end());
  const Schema& schema = classifier_.rules().schema;
  // A column counts only when the input has it.
  auto bound = [&](std::string_view id) {
    const int column = schema.find(id);
    return column >= 0 && classifier_.field_of(column) >= 0 ? column : -1;
  };
  id_column_ = bound("entitlement_id");
  // Another taxonomy's rows are told apart by its first unique column (a ticket id).
  for (std::size_t c = 0; c < schema.columns.size() && id_column_ < 0; ++c)
    if (schema.columns[c].unique) id_column_ = bound(schema.columns[c].id);
  customer_column_ = bound("customer");
  tenant_column_ = bound("tenant_id");
  workload_column_ = bound("workload");
  target_column_ = bound("target_date");
  data_.has_current = classifier_.has_current_columns();
  data_.customer_column = customer_column_ >= 0 ? "customer" : tenant_column_ >= 0 ? "tenant_id" : "";
}

ReportCustomer& ReportCollector::customer_of(std::string_view name) {
  Customers& c = *customers_;
  std::vector<ReportCustomer>& customers = data_.customers;
  if (c.last < customers.size() && customers[c.last].name == name) return customers[c.last];
  if (auto found = c.index.find(name); found != c.index.end()) {
    c.last = found->second;
    return customers[c.last];
  }
  if (customers.size() >= data_.limits.customers_counted) {
    data_.customers_capped = true;
    return c.other;
  }
  c.last = customers.size();
  ReportCustomer& added = customers.emplace_back();
  added.name = std::string(name);
  added.detailed = customers.size() <= data_.limits.customers_detailed;
  c.index.emplace(added.name, c.last);
  return added;
}

void ReportCollector::row(const Record& record, const RowResult& result) {
  ++data_.rows;
  const bool has_problems = !result.problems.empty();
  if (has_problems) ++data_.rows_with_problems;
  if (result.changed) ++data_.rows_changed;
  if (result.status == kNoStatus)
    ++data_.no_suggestion;
  else
    ++data_.per_status[static_cast<std::size_t>(result.status)];
  if (data_.has_current) {
    const StatusIndex current = result.current != kNoStatus ? result.current
                                : result.current_given      ? kCurrentUnknown
                                                            : kCurrentEmpty;
    const std::uint64_t key = data_.transition_key(current, result.status);
    if (!data_.transitions.empty())
      ++data_.transitions[key];
    else
      ++data_.sparse_transitions[key];
  }
  const std::string_view id = cell_text(classifier_, id_column_);
  if (has_problems) count_problems(result, id);
  count_target_date(result);

  std::string_view name = cell_text(classifier_, customer_column_);
  if (name.empty()) name = cell_text(classifier_, tenant_column_);
  ReportCustomer& customer = customer_of(name);
  ++customer.rows;
  if (has_problems) ++customer.rows_with_problems;
  if (result.changed) ++customer.rows_changed;
  if (&customer == &customers_->other) ++data_.other_customer_rows;
  if (!customer.detailed || customer.entitlements.size() >= data_.limits.entitlements_per_customer) return;
  ReportEntitlement& e = customer.entitlements.emplace_back();
  e.line = result.line;
  e.entitlement_id = std::string(id);
  e.workload = std::string(cell_text(classifier_, workload_column_));
  if (target_column_ >= 0) {
    const CellValue& date = classifier_.cells()[static_cast<std::size_t>(target_column_)];
    if (!date.empty)
      e.target_date = Date::from_days(static_cast<long>(date.value)).to_iso();
    else if (const int field = classifier_.field_of(target_column_);
             field >= 0 && static_cast<std::size_t>(field) < record.fields.size())
      e.target_date = std::string(trim(record.fields[static_cast<std::size_t>(field)]));
  }
  e.current_given = result.current_given;
  e.current = result.current;
  e.suggested = result.status;
  for (const RowProblem& p : result.problems) e.problem_codes |= 1u << static_cast<unsigned>(p.code);
}

void ReportCollector::count_problems(const RowResult& result, std::string_view id) {
  const Schema& schema = classifier_.rules().schema;
  for (const RowProblem& p : result.problems) {
    const std::size_t slot =
        static_cast<std::size_t>(p.code) * (schema.columns.size() + 1) + static_cast<std::size_t>(p.column + 1);
    int& group_index = group_of_[slot];
    if (group_index < 0) {
      group_index = static_cast<int>(data_.problems.size());
      ReportProblemGroup& added = data_.problems.emplace_back();
      const Problem problem = row_problem(classifier_, p, result, lang_);
      added.code = p.code;
      added.code_name = row_code_name(p.code);
      added.severity = problem.info().severity;
      added.message = problem.message(lang_);
      added.fix = problem.fix(lang_);
    }
    ReportProblemGroup& group = data_.problems[static_cast<std::size_t>(group_index)];
    ++group.rows;
    if (group.first.size() >= data_.limits.rows_per_problem) continue;
    ReportProblemRow& example = group.first.emplace_back();
    example.line = result.line;
    example.entitlement_id = std::string(id);
    if (p.field >= 0 && static_cast<std::size_t>(p.field) < header_.size())
      example.column = header_[static_cast<std::size_t>(p.field)];
    else if (p.column >= 0)
      example.column = schema.columns[static_cast<std::size_t>(p.column)].id;
    example.message = row_problem(classifier_, p, result, lang_).message(lang_);
    if (group.column.empty()) group.column = example.column;
  }
}

void ReportCollector::count_target_date(const RowResult& result) {
  for (const RowProblem& p : result.problems) {
    switch (p.code) {
      case RowCode::target_date_missing:
        ++data_.target_missing;
        break;
      case RowCode::target_date_invalid:
        ++data_.target_invalid;
        break;
      case RowCode::target_date_past:
        ++data_.target_past;
        break;
      case RowCode::target_date_beyond_horizon:
        ++data_.target_beyond_horizon;
        break;
      default:
        break;
    }
  }
  if (target_column_ < 0) return;
  const CellValue& date = classifier_.cells()[static_cast<std::size_t>(target_column_)];
  if (date.empty) return;
  if (date.value < as_of_days_) {
    ++data_.dates_before_as_of;
    return;
  }
  const int month = month_number(date.value) - as_of_month_;
  if (month >= 0 && static_cast<std::size_t>(month) < data_.per_month.size())
    ++data_.per_month[static_cast<std::size_t>(month)];
  else
    ++data_.dates_after_months;
}

Result ReportCollector::finish() {
  // Most rows first; the order they were first seen breaks ties, so a report is the same every run.
  std::stable_sort(data_.problems.begin(), data_.problems.end(),
                   [](const ReportProblemGroup& a, const ReportProblemGroup& b) { return a.rows > b.rows; });
  return {};
}

}  // namespace ftstatus
