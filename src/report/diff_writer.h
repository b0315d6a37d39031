#pragma once
// What `ftstatus diff` prints: the comparison of two exports as text for a
// person (regressions first, then each kind of change with counts and ids),
// as CSV (one line per entitlement to look at) or as one JSON document.
#include <ostream>

#include "ftstatus/diff.h"
#include "report/colours.h"

namespace ftstatus {

// Why a change is a regression, in words ("back to Status Unknown"); empty when it is not one.
std::string regression_reason(const Taxonomy& taxonomy, const DiffChange& change, Lang lang);

void write_diff_text(std::ostream& out, const Taxonomy& taxonomy, const RuleSet& rules, const DiffResult& diff,
                     Lang lang, const Colours& colours = {});
// Columns: ID_COLUMN, change, old_l1, old_l2[, old_l3], old_target_date, new_l1, new_l2[, new_l3],
// new_target_date, regression, reason, old_status_from, new_status_from, old_line, new_line.
void write_diff_csv(std::ostream& out, const Taxonomy& taxonomy, const RuleSet& rules, const DiffResult& diff);
void write_diff_json(std::ostream& out, const Taxonomy& taxonomy, const RuleSet& rules, const DiffResult& diff,
                     Lang lang);

}  // namespace ftstatus
