#pragma once
// ftstatus public API, layer: engine.
// What `ftstatus report` shows, gathered in one pass over a classified input:
// a RecordSink that counts rows per suggested status, current -> suggested
// transitions, problems by code (with their first rows), target dates by month
// and rows per customer. Its memory is bounded whatever the input's size:
// counts are arrays by status, code and month; customers are told apart up to
// ReportLimits::customers_counted (rows of later customers are counted
// together), and only the first few rows of each problem and of the first
// customers are kept. A row costs no heap allocation once its customer has
// been seen, except for the few rows kept.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/date.h"
#include "ftstatus/lang.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/problems.h"
#include "ftstatus/record.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

struct ReportLimits {
  std::size_t customers_counted = 10'000;  // distinct customers told apart; later ones are "other customers"
  std::size_t customers_detailed = 200;    // the first customers whose entitlements are listed
  std::size_t entitlements_per_customer = 50;
  std::size_t rows_per_problem = 5;
  int months = 13;  // target-date buckets: the as-of month and the 12 after it
};

// One row kept as an example of a problem.
struct ReportProblemRow {
  long line = 0;
  std::string entitlement_id;
  std::string column;   // the input's header of the cell, or empty for the whole row
  std::string message;  // the problem in words, for this row
};

// The rows that have one problem code, on one column.
struct ReportProblemGroup {
  RowCode code = RowCode::no_rule;
  std::string_view code_name;
  std::string column;  // as in ReportProblemRow
  Severity severity = Severity::error;
  long rows = 0;
  std::string message;  // the first row's, in the report's language
  std::string fix;
  std::vector<ReportProblemRow> first;  // at most ReportLimits::rows_per_problem
};

// One entitlement of a detailed customer.
struct ReportEntitlement {
  long line = 0;
  std::string entitlement_id;
  std::string workload;
  std::string target_date;  // YYYY-MM-DD when it reads as a date, else the cell as it is
  bool current_given = false;
  StatusIndex current = kNoStatus;
  StatusIndex suggested = kNoStatus;
  std::uint32_t problem_codes = 0;  // bit RowCode
};

struct ReportCustomer {
  std::string name;  // empty: rows with neither customer nor tenant_id
  long rows = 0;
  long rows_with_problems = 0;
  long rows_changed = 0;
  bool detailed = false;                        // among the first customers_detailed
  std::vector<ReportEntitlement> entitlements;  // of a detailed customer, at most entitlements_per_customer
};

// How a row's current status stands in the transition matrix.
inline constexpr StatusIndex kCurrentEmpty = -2;    // no l1/l2/l3 given
inline constexpr StatusIndex kCurrentUnknown = -3;  // a name the taxonomy does not have

struct ReportData {
  Date as_of = Date::today();
  ReportLimits limits;
  long rows = 0;
  long rows_with_problems = 0;
  long rows_changed = 0;
  bool has_current = false;      // the input has l1/l2 columns
  std::size_t statuses = 0;      // the taxonomy's
  std::vector<long> per_status;  // suggested status (deepest), by StatusIndex
  long no_suggestion = 0;        // rows no rule matched
  // Rows by (current, suggested), current being a StatusIndex or
  // kCurrentEmpty/kCurrentUnknown and suggested a StatusIndex or kNoStatus.
  long transition(StatusIndex current, StatusIndex suggested) const;
  // Calls visit(current, suggested, rows) for each pair that has rows.
  template <typename Visit>
  void for_each_transition(Visit visit) const;
  // A pair's place: (statuses + 2) x (statuses + 1) cells, in `transitions`
  // for a taxonomy of up to kDenseTransitionStatuses statuses, else in
  // `sparse_transitions` (a big custom taxonomy's matrix is mostly empty).
  static constexpr std::size_t kDenseTransitionStatuses = 256;
  std::uint64_t transition_key(StatusIndex current, StatusIndex suggested) const;
  std::vector<long> transitions;
  std::unordered_map<std::uint64_t, long> sparse_transitions;

  std::vector<ReportProblemGroup> problems;  // by rows, most first (after finish())

  // Target dates that read as dates: per month from the as-of month on,
  // before the as-of date, after the last month.
  std::vector<long> per_month;
  long dates_before_as_of = 0;
  long dates_after_months = 0;
  // Rows with each target-date problem.
  long target_missing = 0;
  long target_invalid = 0;
  long target_past = 0;
  long target_beyond_horizon = 0;

  std::string customer_column;            // "customer", "tenant_id", or empty when the input has neither
  std::vector<ReportCustomer> customers;  // in order of first appearance, at most customers_counted
  long other_customer_rows = 0;           // rows of customers beyond customers_counted
  bool customers_capped = false;
};

template <typename Visit>
void ReportData::for_each_transition(Visit visit) const {
  auto decode = [&](std::uint64_t key, long count) {
    const std::uint64_t row = key / (statuses + 1);
    const std::uint64_t column = key % (statuses + 1);
    const StatusIndex current = row < statuses    ? static_cast<StatusIndex>(row)
                                : row == statuses ? kCurrentEmpty
                                                  : kCurrentUnknown;
    visit(current, column < statuses ? static_cast<StatusIndex>(column) : kNoStatus, count);
  };
  for (std::size_t key = 0; key < transitions.size(); ++key)
    if (transitions[key] != 0) decode(key, transitions[key]);
  for (const auto& [key, count] : sparse_transitions) decode(key, count);
}

// The first day of the month `months` after the as-of month's (0: its first day).
Date month_start(Date as_of, int months);

class ReportCollector final : public RecordSink {
 public:
  // `classifier` is the one that classifies the rows handed to row(): their
  // cells are read from it. Messages are made in `lang`.
  ReportCollector(const Classifier& classifier, Lang lang, Date as_of, ReportLimits limits = {});
  ~ReportCollector() override;

  void header(const Record& header) override;
  void row(const Record& record, const RowResult& result) override;
  Result finish() override;

  const ReportData& data() const { return data_; }

 private:
  struct Customers;
  void count_problems(const RowResult& result, std::string_view id);
  void count_target_date(const RowResult& result);
  ReportCustomer& customer_of(std::string_view name);

  const Classifier& classifier_;
  Lang lang_;
  ReportData data_;
  std::vector<std::string> header_;
  int id_column_ = -1;
  int customer_column_ = -1;
  int tenant_column_ = -1;
  int workload_column_ = -1;
  int target_column_ = -1;
  std::int64_t as_of_days_ = 0;
  int as_of_month_ = 0;        // year * 12 + month - 1
  std::vector<int> group_of_;  // by code x (schema column + 1): index into data_.problems, or -1
  std::unique_ptr<Customers> customers_;
};

}  // namespace ftstatus
