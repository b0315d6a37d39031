#include "ftstatus/validator.h"

#include <array>

#include <fmt/format.h>

#include "ftstatus/problems.h"
#include "ftstatus/schema.h"

namespace ftstatus {

namespace {

// Each Code's catalogue code (src/model/problem_catalogue.cpp has their texts).
constexpr std::array kCodeNames = {
    "l1_missing",
    "unknown_l1",
    "unknown_l2",
    "unknown_l3",
    "l2_missing",
    "l2_not_allowed",
    "l3_not_allowed",
    "l2_not_under_l1",
    "l3_not_under_l2",
    "target_date_missing",
    "target_date_invalid",
    "target_date_past",
    "target_date_beyond_horizon",
};
static_assert(kCodeNames.size() == static_cast<std::size_t>(Code::target_date_beyond_horizon) + 1);

Finding make(Code code, std::string field, std::string_view value, StatusIndex status) {
  Finding f;
  f.code = code;
  f.field = std::move(field);
  f.value = std::string(value);
  f.status = status;
  return f;
}

// Resolves `name` among the children of `parent` (one level below it),
// recording unknown / not-allowed / not-under findings. Returns the child or kNoStatus.
StatusIndex resolve_child(const Taxonomy& t, StatusIndex parent, std::string_view name, int level,
                          std::vector<Finding>& findings) {
  const Status& p = t.at(parent);
  std::string field = fmt::format("l{}", level);
  if (p.children.empty()) {
    findings.push_back(make(level == 2 ? Code::l2_not_allowed : Code::l3_not_allowed, field, name, parent));
    return kNoStatus;
  }
  StatusIndex found = t.find_child(parent, name);
  if (found != kNoStatus) return found;
  StatusIndex elsewhere = t.find_at_level(level, name);
  if (elsewhere != kNoStatus) {
    Finding f = make(level == 2 ? Code::l2_not_under_l1 : Code::l3_not_under_l2, field, name, parent);
    f.actual_parent = t.at(elsewhere).parent;
    f.suggestions = p.children;
    findings.push_back(std::move(f));
    return kNoStatus;
  }
  Finding f = make(level == 2 ? Code::unknown_l2 : Code::unknown_l3, field, name, parent);
  f.suggestions = t.closest(p.children, name);
  findings.push_back(std::move(f));
  return kNoStatus;
}

std::string quoted_names(const Taxonomy& t, const std::vector<StatusIndex>& list, Lang lang) {
  std::string out;
  for (StatusIndex i : list) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", t.at(i).name.get(lang));
  return out;
}

std::string name_of(const Taxonomy& t, StatusIndex i, Lang lang) {
  return i == kNoStatus ? std::string() : t.at(i).name.get(lang);
}

}  // namespace

std::string_view code_name(Code code) { return kCodeNames[static_cast<std::size_t>(code)]; }

const std::vector<Code>& all_codes() {
  static const std::vector<Code> codes = [] {
    std::vector<Code> out;
    for (std::size_t i = 0; i < kCodeNames.size(); ++i) out.push_back(static_cast<Code>(i));
    return out;
  }();
  return codes;
}

std::optional<Code> target_date_problem(const TargetDatePolicy& policy, DateCell cell, Date date, Date as_of) {
  switch (cell) {
    case DateCell::missing:
      return policy.required ? std::optional(Code::target_date_missing) : std::nullopt;
    case DateCell::invalid:
      return Code::target_date_invalid;  // whatever the policy, a given date must be a real day
    case DateCell::valid:
      if (!policy.required) return std::nullopt;
      if (date < as_of) return Code::target_date_past;
      if (date > as_of.plus_days(policy.max_days_ahead)) return Code::target_date_beyond_horizon;
      return std::nullopt;
  }
  return std::nullopt;
}

void check_parsed_target_date(const Taxonomy& t, StatusIndex status, std::string_view text, DateCell cell, Date date,
                              Date as_of, std::vector<Finding>& findings) {
  std::optional<Code> code;
  int max_days = t.max_days_ahead;
  if (status != kNoStatus) {
    code = target_date_problem(t.at(status).target_date, cell, date, as_of);
    max_days = t.at(status).target_date.max_days_ahead;
  } else if (cell == DateCell::invalid) {
    code = Code::target_date_invalid;  // whatever the status, a given date must be a real day
  }
  if (!code) return;
  Finding f = make(*code, "target_date", text, status);
  f.as_of = as_of.to_iso();
  f.latest = as_of.plus_days(max_days).to_iso();
  if (status != kNoStatus && t.at(status).target_date.required)
    f.proposed = as_of.plus_days(t.at(status).target_date.proposed_days()).clamped().to_iso();
  findings.push_back(std::move(f));
}

void check_target_date(const Taxonomy& t, StatusIndex status, std::string_view target_date, Date as_of,
                       std::vector<Finding>& findings) {
  std::string_view text = trim(target_date);
  std::optional<Date> date = Date::parse_iso(text);
  DateCell cell = text.empty() ? DateCell::missing : date ? DateCell::valid : DateCell::invalid;
  check_parsed_target_date(t, status, target_date, cell, date.value_or(as_of), as_of, findings);
}

Validation validate_statuses(const Taxonomy& t, const Assignment& a) {
  Validation v;
  if (trim(a.l1).empty()) {
    Finding f = make(Code::l1_missing, "l1", a.l1, kNoStatus);
    f.suggestions = t.roots();
    v.findings.push_back(std::move(f));
  } else {
    v.l1 = t.find_child(kNoStatus, a.l1);
    if (v.l1 == kNoStatus) {
      Finding f = make(Code::unknown_l1, "l1", a.l1, kNoStatus);
      f.suggestions = t.closest(t.roots(), a.l1);
      v.findings.push_back(std::move(f));
    }
  }
  if (v.l1 != kNoStatus) {
    const Status& l1 = t.at(v.l1);
    if (!trim(a.l2).empty()) {
      v.l2 = resolve_child(t, v.l1, a.l2, 2, v.findings);
    } else if (!l1.children.empty()) {
      Finding f = make(Code::l2_missing, "l2", a.l2, v.l1);
      f.suggestions = l1.children;
      v.findings.push_back(std::move(f));
    }
    if (!trim(a.l3).empty() && v.l2 != kNoStatus) v.l3 = resolve_child(t, v.l2, a.l3, 3, v.findings);
  }
  return v;
}

Validation validate(const Taxonomy& t, const Assignment& a, Date as_of) {
  Validation v = validate_statuses(t, a);
  check_target_date(t, v.deepest(), a.target_date, as_of, v.findings);
  return v;
}

namespace {

// The values of a finding's {fields} in the catalogue's texts (see
// src/model/problem_catalogue.cpp): the same fields serve the message and the fix.
Problem finding_problem(const Taxonomy& t, const Finding& f, Lang lang) {
  std::string_view key = code_name(f.code);
  std::string meaning;
  if (f.code == Code::target_date_missing) {
    meaning = t.at(f.status).target_date.meaning.get(lang);
    if (!meaning.empty()) key = "target_date_missing/meaning";
  }
  Problem p(key, {{"value", f.value},
                  {"status", name_of(t, f.status, lang)},
                  {"actual", name_of(t, f.actual_parent, lang)},
                  {"names", quoted_names(t, f.suggestions, lang)},
                  {"as_of", f.as_of},
                  {"latest", f.latest}});
  if (!meaning.empty()) p.with("meaning", std::move(meaning));
  if (f.code == Code::target_date_beyond_horizon)
    p.with("days", std::to_string(t.at(f.status).target_date.max_days_ahead));
  return p;
}

}  // namespace

std::string finding_message(const Taxonomy& t, const Finding& f, Lang lang) {
  return finding_problem(t, f, lang).message(lang);
}

std::string finding_fix(const Taxonomy& t, const Finding& f, Lang lang) {
  std::string fix = finding_problem(t, f, lang).fix(lang);
  if (!f.proposed.empty())
    fix += Problem("target_date_proposal",
                   {{"date", f.proposed}, {"days", std::to_string(t.at(f.status).target_date.proposed_days())}})
               .message(lang);
  return fix;
}

}  // namespace ftstatus
