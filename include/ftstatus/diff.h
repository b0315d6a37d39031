#pragma once
// ftstatus public API, layer: engine.
// `ftstatus diff OLD NEW`: two exports of one partner compared by their
// unique id column (entitlement_id), each read and classified the way
// `classify` reads it, so files in other encodings, delimiters, languages and
// date orders compare by what they mean. OLD is held as a compact table (id,
// status, target date, line); NEW is streamed against it.
//
// A row's status is what its own l1/l2/l3 cells name; when they are all
// empty, or the file has no such columns, the status ftstatus suggests for it.
// A target date is compared only while the status stays the same (it is the
// end of that status's phase).
#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/classifier.h"
#include "ftstatus/columns.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/problems.h"
#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

struct DiffRequest {
  std::string old_input;  // a path; "-" is standard input (for one of the two)
  std::string new_input;
  CsvReadOptions csv;  // for both files; what is left to detect is detected per file
  ColumnOptions columns;
  // as_of: the day of NEW's export. Both files are classified as of it, so a
  // suggestion changes only because the data did; a target date of OLD on or
  // before it has passed.
  ClassifyOptions classify;
};

inline constexpr long kNoDate = LONG_MIN;  // a row without a target date (days otherwise)

// Why a change is a regression; none when it is not one.
enum class Regression {
  none,
  back_to_start,  // to the taxonomy's first L1 (Status Unknown) from another that takes L2s, when the first
                  // requires no target date (is not itself the active L1)
  left_active,    // the L1 moved from one that requires a target date (In Progress) to another that takes L2s
  earlier_phase,  // within an L1 that requires a target date, an L2 earlier in the taxonomy's order
  missed_pushed,  // the same status, and a target date that had passed by as-of moved later
};
std::string_view regression_code(Regression reason);

// What changed for one entitlement; several may hold (status and missed, say).
enum DiffKind : unsigned {
  kAdded = 1u << 0,
  kRemoved = 1u << 1,
  kStatusChanged = 1u << 2,
  kDateEarlier = 1u << 3,
  kDateLater = 1u << 4,
  kDateSet = 1u << 5,      // the same status; no date before, one now
  kDateCleared = 1u << 6,  // the same status; a date before, none now
  kMissed = 1u << 7,       // OLD's target date passed by as-of and the row is still in that status
};
// "added", "removed", "status", "date_earlier", ... joined with '+', in the order above.
std::string diff_kind_codes(unsigned kinds);

// One side of a compared row.
struct DiffSide {
  StatusIndex status = kNoStatus;
  long target_date = kNoDate;  // days since 1970-01-01
  long line = 0;               // 0: not in this file
  bool suggested = false;      // the status is ftstatus's suggestion (no l1/l2/l3 given)
};

struct DiffChange {
  std::string id;
  unsigned kinds = 0;
  DiffSide old_row;
  DiffSide new_row;
  Regression regression = Regression::none;
};

// A row that could not be compared: reported, never guessed.
struct DiffUnread {
  enum class Why {
    status_unknown,       // its l1/l2/l3 cells name no status of the taxonomy
    target_date_invalid,  // its target date cell is not a date
    id_missing,           // its id cell is empty
  };
  Why why = Why::status_unknown;
  bool in_new = false;  // which file
  long line = 0;
  std::string id;
  std::string cells;  // what the cells said ("l1 / l2", or the date)
};
std::string_view unread_code(DiffUnread::Why why);

// Rows of one status moving to one other: the changes' indexes in DiffResult::changes.
struct DiffTransition {
  StatusIndex from = kNoStatus;
  StatusIndex to = kNoStatus;
  std::vector<std::size_t> changes;
};

struct DiffFileSummary {
  InputReport input;
  long rows = 0;
  long from_cells = 0;  // rows whose status is their own l1/l2/l3 cells
  long suggested = 0;   // rows whose status is ftstatus's suggestion
};

struct DiffResult {
  DiffFileSummary old_file;
  DiffFileSummary new_file;
  Date as_of = Date::today();
  // Every changed entitlement: NEW's rows in NEW's order, then the removed ones in OLD's order.
  std::vector<DiffChange> changes;
  std::vector<DiffTransition> transitions;  // the most rows first, then by the taxonomy's order
  std::vector<DiffUnread> unread;
  long unchanged = 0;
  long count(unsigned kind) const;
  long regressions() const;
  // Anything to report: a change or a row that could not be compared.
  bool any() const { return !changes.empty() || !unread.empty(); }
};

// Whether moving from `from` to `to` (and the target dates, days or kNoDate)
// is a regression, and which; exposed for the report and its tests.
Regression classify_regression(const Taxonomy& taxonomy, StatusIndex from, long from_date, StatusIndex to, long to_date,
                               Date as_of);

// The schema's column entitlements are compared by: the first that is
// required and unique (entitlement_id), or -1; and its id ("id" when none).
int id_column(const Schema& schema);
std::string id_column_name(const RuleSet& rules);

// Reads OLD then NEW. Stops (an Error) when a file cannot be read, lacks a
// needed column, or repeats an id (the message names both lines).
Result run_diff(const Taxonomy& taxonomy, const RuleSet& rules, const DiffRequest& request, DiffResult& result);

}  // namespace ftstatus
