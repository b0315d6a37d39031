#pragma once
// Checks a rule set the way decision-table checkers do (dmn-check, Drools'
// decision table analysis): rules that can never fire, duplicate rules,
// records no rule matches, statuses no rule produces.
//
// Each column the rules read is cut into the few classes of values the rules
// can tell apart (each enum value, true/false, each int threshold and its
// neighbours, each string constant and "anything else", empty). A rule is
// then a union of boxes over those classes, and coverage is box arithmetic,
// which is exact for enum, bool, int and string conditions. Date conditions
// relative to the as-of date are analysed for one as-of date.
#include <string>
#include <vector>

#include "ftstatus/date.h"
#include "ftstatus/lang.h"
#include "ftstatus/rules.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

struct LintFinding {
  bool error = true;  // false: a warning
  std::string code;   // rule_unreachable, rule_duplicate, rule_gap, status_not_produced, too_complex
  int line = 0;
  std::string message;  // in the language lint_rules was given
};

// Findings in `lang` (the catalogue's words), in rule order.
std::vector<LintFinding> lint_rules(const Taxonomy& taxonomy, const RuleSet& rules, Date as_of, Lang lang = Lang::en);

}  // namespace ftstatus
