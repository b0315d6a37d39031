#pragma once
// ftstatus public API, layer: engine.
// Checks one status assignment (L1, L2, L3, target date) against the taxonomy.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/date.h"
#include "ftstatus/lang.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

// Stable problem codes: they appear in output and scripts depend on them.
enum class Code {
  l1_missing,
  unknown_l1,
  unknown_l2,
  unknown_l3,
  l2_missing,      // the L1 has L2s and none was given
  l2_not_allowed,  // the L1 takes no L2 (duplicate_invalid)
  l3_not_allowed,  // the L2 has no L3s
  l2_not_under_l1,
  l3_not_under_l2,
  target_date_missing,
  target_date_invalid,         // not YYYY-MM-DD or not a real calendar day
  target_date_past,            // before the as-of date
  target_date_beyond_horizon,  // more than max_days_ahead after the as-of date
};

std::string_view code_name(Code code);
// Every code, in declaration order (for documentation and tests).
const std::vector<Code>& all_codes();

// The names as the user typed them; an empty string means "not given".
struct Assignment {
  std::string l1;
  std::string l2;
  std::string l3;
  std::string target_date;
};

struct Finding {
  Code code = Code::l1_missing;
  std::string field;  // "l1", "l2", "l3" or "target_date"
  std::string value;  // what was given for that field
  // The status the finding is about: the parent for unknown/not-under/missing/
  // not-allowed, the status whose date policy applies for target-date codes.
  StatusIndex status = kNoStatus;
  // For *_not_under_*: where the given name does belong.
  StatusIndex actual_parent = kNoStatus;
  // Names worth suggesting, best first.
  std::vector<StatusIndex> suggestions;
  // For target-date codes: the as-of date and the last allowed day.
  std::string as_of;
  std::string latest;
  // The target date ftstatus proposes (the status's propose_days after the
  // as-of date), when the status needs one; empty otherwise. The fix names it.
  std::string proposed;
};

struct Validation {
  StatusIndex l1 = kNoStatus;
  StatusIndex l2 = kNoStatus;
  StatusIndex l3 = kNoStatus;
  std::vector<Finding> findings;
  bool valid() const { return findings.empty(); }
  // The deepest status that was resolved.
  StatusIndex deepest() const { return l3 != kNoStatus ? l3 : l2 != kNoStatus ? l2 : l1; }
};

Validation validate(const Taxonomy& taxonomy, const Assignment& assignment, Date as_of);

// The target-date rule itself, on an already parsed cell: shared by validate
// and classify so both give the same verdicts.
enum class DateCell { missing, invalid, valid };
std::optional<Code> target_date_problem(const TargetDatePolicy& policy, DateCell cell, Date date, Date as_of);

// Checks only the target date against the policy of `status` (used by
// validate and by classification).
void check_target_date(const Taxonomy& taxonomy, StatusIndex status, std::string_view target_date, Date as_of,
                       std::vector<Finding>& findings);

// The two halves of validate(), for callers that parse the date themselves
// (bulk validation honours --date-format): the L1/L2/L3 checks, and the target
// date on an already parsed cell. `status` may be kNoStatus (unresolved).
Validation validate_statuses(const Taxonomy& taxonomy, const Assignment& assignment);
void check_parsed_target_date(const Taxonomy& taxonomy, StatusIndex status, std::string_view text, DateCell cell,
                              Date date, Date as_of, std::vector<Finding>& findings);

// One sentence saying what is wrong, and one saying what would fix it.
std::string finding_message(const Taxonomy& taxonomy, const Finding& finding, Lang lang);
std::string finding_fix(const Taxonomy& taxonomy, const Finding& finding, Lang lang);

}  // namespace ftstatus
