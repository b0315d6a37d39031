// End-to-end tests of `ftstatus classify` (and the bulk `validate FILE` and
// `lint` that go with it): they run the built binary on CSV files and check
// the exact cells, codes, exit statuses and messages a user relies on.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using namespace test_support;

namespace {

const std::string kSourceDir = FTSTATUS_SOURCE_DIR;
const std::string kAsOf = " --as-of 2026-11-24";

std::string example(const std::string& name) { return kSourceDir + "/examples/" + name; }

// Runs `ftstatus ARGS` with a fixed C locale and stdin from `stdin_path`.
Run ftstatus(const std::string& args, const std::string& stdin_path = "/dev/null") {
  return run_ftstatus("LC_ALL=C LANG=C", args, stdin_path);
}

// RFC 4180 records (quoted delimiters, doubled quotes, line breaks; CRLF or LF).
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char delimiter = ',') {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool pending = false;  // a record has started
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = pending = true;
    } else if (c == delimiter) {
      record.push_back(std::move(field));
      field.clear();
      pending = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      pending = false;
    } else {
      field += c;
      pending = true;
    }
  }
  if (pending) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

// A CSV output: the header and the rows, cells found by column name.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  std::size_t column(std::string_view name) const {
    auto it = std::find(header.begin(), header.end(), name);
    INFO("column " << name);
    REQUIRE(it != header.end());
    return static_cast<std::size_t>(it - header.begin());
  }
  std::string at(std::size_t row, std::string_view name) const {
    REQUIRE(row < rows.size());
    std::size_t c = column(name);
    REQUIRE(c < rows[row].size());
    return rows[row][c];
  }
  // The row whose first cell is `id`.
  std::size_t row_of(std::string_view id) const {
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (!rows[r].empty() && rows[r][0] == id) return r;
    FAIL("no row " << id);
    return 0;
  }
};

Table table(std::string_view csv, char delimiter = ',') {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  auto records = parse_csv(csv, delimiter);
  Table t;
  REQUIRE_FALSE(records.empty());
  t.header = records.front();
  t.rows.assign(records.begin() + 1, records.end());
  return t;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find(sep, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

const std::vector<std::string> kAdded = {"suggested_l1", "suggested_l2", "rule", "problems"};

std::vector<std::string> with_added(std::vector<std::string> header, std::initializer_list<const char*> extra = {}) {
  header.insert(header.end(), kAdded.begin(), kAdded.end());
  for (const char* e : extra) header.emplace_back(e);
  return header;
}

// The built-in taxonomy file with `rules_text` put in place of the catch-all
// rule (or before it), and the 1-based line where `rules_text` starts.
std::pair<std::string, int> taxonomy_with(const std::string& rules_text, bool keep_catch_all) {
  std::string t = read_file(kSourceDir + "/taxonomy/fasttrack.yaml");
  std::size_t at = t.find("  - id: new_entitlement");
  REQUIRE(at != std::string::npos);
  int line = static_cast<int>(std::count(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
  std::string tail = keep_catch_all ? t.substr(at) : std::string();
  return {t.substr(0, at) + rules_text + tail, line};
}

}  // namespace

// ------------------------------------------------------------- output shape

TEST_CASE("classify output is the input header plus the suggestion columns", "[classify]") {
  TempDir dir;

  SECTION("with current l1/l2 columns a 'changed' column follows 'problems'") {
    std::string in = dir.file("in.csv",
                              "entitlement_id,customer,intent,deployment,migration,target_date,l1,l2\n"
                              "E1,Contoso,yes,enabled,in_progress,2027-01-31,In Progress,Migration\n"
                              "E2,Fabrikam,yes,enabled,in_progress,2027-01-31,In Progress,Adoption\n"
                              "E3,Litware,,,,,,\n");
    Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    Table t = table(r.out);
    CHECK(t.header == with_added({"entitlement_id", "customer", "intent", "deployment", "migration", "target_date", "l1", "l2"},
                                 {"changed"}));
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0] == std::vector<std::string>{"E1", "Contoso", "yes", "enabled", "in_progress", "2027-01-31", "In Progress",
                                                "Migration", "in_progress", "migration", "migrating", "", "false"});
    CHECK(t.at(1, "suggested_l2") == "migration");
    CHECK(t.at(1, "changed") == "true");  // the current L2 (Adoption) differs
    CHECK(t.at(2, "suggested_l1") == "status_unknown");
    CHECK(t.at(2, "suggested_l2") == "new_subscription_or_workload");
    CHECK(t.at(2, "rule") == "new_entitlement");
    CHECK(t.at(2, "changed") == "true");  // no current status at all
  }

  SECTION("without l1/l2 there is no 'changed' column") {
    std::string in = dir.file("in.csv", "entitlement_id,intent,no_intent_reason\nE1,no,competitor\n");
    Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id,intent,no_intent_reason,suggested_l1,suggested_l2,rule,problems\n"
          "E1,no,competitor,no_intent,using_competitive_solution,no_intent_competitor,\n");
  }

  SECTION("a header of only l1 (no l2) still gets 'changed'") {
    std::string in = dir.file("in.csv", "entitlement_id,tenant_state,l1\nE1,duplicate,Duplicate/Invalid\nE2,invalid,Blocked\n");
    Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id,tenant_state,l1,suggested_l1,suggested_l2,rule,problems,changed\n"
          "E1,duplicate,Duplicate/Invalid,duplicate_invalid,,duplicate_or_invalid_tenant,,false\n"
          "E2,invalid,Blocked,duplicate_invalid,,duplicate_or_invalid_tenant,,true\n");
  }

  SECTION("--explain adds an explanation naming the rule and the cells it read") {
    std::string in = dir.file("in.csv",
                              "entitlement_id,intent,deployment,migration,target_date,contact_attempts,contact_channels,customer_responded\n"
                              "E1, Yes ,enabled,in_progress,2027-01-01,,,\n"
                              "E2,,,,,3,2,\n"
                              "E3,,,,,,,\n");
    Run r = ftstatus("classify --explain " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    Table t = table(r.out);
    CHECK(t.header.back() == "explanation");
    CHECK(t.header[t.header.size() - 2] == "problems");
    CHECK(t.at(0, "explanation") ==
          "rule migrating: intent = yes (cell: \"Yes\"); deployment = enabled (cell: \"enabled\"); "
          "migration = in_progress (cell: \"in_progress\")");
    CHECK(t.at(1, "explanation") ==
          "rule unresponsive: contact_attempts >= 3 (cell: \"3\"); contact_channels >= 2 (cell: \"2\"); "
          "customer_responded not true (cell: \"\")");
    CHECK(t.at(2, "explanation") == "rule new_entitlement: always");
  }

  SECTION("a taxonomy with L3s adds suggested_l3") {
    Run r = ftstatus("classify --taxonomy " + shell_quote(example("custom-l3.yaml")) + " " +
                     shell_quote(example("custom-l3-tickets.csv")) + kAsOf);
    CHECK(r.status == 0);
    INFO(r.err);
    Table t = table(r.out);
    std::vector<std::string> input_header = table(read_file(example("custom-l3-tickets.csv"))).header;
    std::vector<std::string> expected = input_header;
    for (const char* h : {"suggested_l1", "suggested_l2", "suggested_l3", "rule", "problems", "changed"}) expected.emplace_back(h);
    CHECK(t.header == expected);
    struct Want {
      const char* id;
      const char* l1;
      const char* l2;
      const char* l3;
      const char* rule;
    };
    const Want wants[] = {
        {"SD-4101", "open", "in_work", "migration", "migrating"},
        {"SD-4102", "open", "in_work", "training", "training"},
        {"SD-4103", "open", "in_work", "configuration", "configuring"},
        {"SD-4104", "open", "triage", "awaiting_assignment", "unassigned"},
        {"SD-4105", "on_hold", "waiting_on_customer", "", "waiting_on_customer"},
        {"SD-4106", "on_hold", "waiting_on_microsoft", "support_case", "microsoft_support_case"},
        {"SD-4107", "on_hold", "waiting_on_microsoft", "feature_request", "microsoft_feature_gap"},
        {"SD-4108", "open", "triage", "awaiting_details", "needs_details"},
        {"SD-4109", "on_hold", "waiting_on_customer", "", "details_overdue"},
        {"SD-4110", "closed", "", "", "resolved"},
        {"SD-4111", "open", "in_work", "configuration", "configuring"},
    };
    REQUIRE(t.rows.size() == std::size(wants));
    for (const Want& w : wants) {
      INFO(w.id);
      std::size_t row = t.row_of(w.id);
      CHECK(t.at(row, "suggested_l1") == w.l1);
      CHECK(t.at(row, "suggested_l2") == w.l2);
      CHECK(t.at(row, "suggested_l3") == w.l3);
      CHECK(t.at(row, "rule") == w.rule);
      CHECK(t.at(row, "problems") == "");
    }
    CHECK(t.at(t.row_of("SD-4102"), "changed") == "true");   // current L3 Configuration, suggested Training
    CHECK(t.at(t.row_of("SD-4105"), "changed") == "false");  // an L2 without L3s, same as suggested
    CHECK(t.at(t.row_of("SD-4110"), "changed") == "false");  // Closed is a leaf L1
  }
}

TEST_CASE("classify: 'changed' compares the current L3 with suggested_l3", "[classify]") {
  // BUG: Classifier::classify resolves only the l1 and l2 columns for
  // 'changed' (src/classifier.cpp, resolve_current), so with an L3 taxonomy a
  // row whose l1/l2/l3 equal the suggestion is reported changed=true.
  Run r = ftstatus("classify --taxonomy " + shell_quote(example("custom-l3.yaml")) + " " +
                   shell_quote(example("custom-l3-tickets.csv")) + kAsOf);
  CHECK(r.status == 0);
  Table t = table(r.out);
  std::size_t row = t.row_of("SD-4101");  // Open, In Work, Migration -> open/in_work/migration
  CHECK(t.at(row, "suggested_l3") == "migration");
  CHECK(t.at(row, "changed") == "false");
  row = t.row_of("SD-4106");  // On Hold, Waiting on Microsoft, Support Case
  CHECK(t.at(row, "changed") == "false");
}

// ------------------------------------------------------------------- rules

TEST_CASE("classify: each FastTrack rule gives its documented status, first match wins", "[classify]") {
  struct Case {
    const char* note;
    const char* tenant_state = "";
    const char* workload = "";
    const char* has_exchange = "";
    const char* attempts = "";
    const char* channels = "";
    const char* responded = "";
    const char* intent = "";
    const char* reason = "";
    const char* blocker = "";
    const char* deployment = "";
    const char* migration = "";
    const char* rule = "";
    const char* l1 = "";
    const char* l2 = "";
  };
  const Case cases[] = {
      {.note = "duplicate tenant wins over everything", .tenant_state = "duplicate", .intent = "yes", .blocker = "legal",
       .deployment = "enabled", .rule = "duplicate_or_invalid_tenant", .l1 = "duplicate_invalid"},
      {.note = "invalid tenant", .tenant_state = "invalid", .rule = "duplicate_or_invalid_tenant", .l1 = "duplicate_invalid"},
      {.note = "Outlook Mobile without Exchange", .tenant_state = "active", .workload = "Outlook Mobile", .has_exchange = "false",
       .intent = "yes", .deployment = "enabled", .rule = "outlook_mobile_without_exchange", .l1 = "duplicate_invalid"},
      {.note = "Outlook Mobile with Exchange is an ordinary entitlement", .workload = "Outlook Mobile", .has_exchange = "true",
       .intent = "yes", .deployment = "enabled", .rule = "adopting", .l1 = "in_progress", .l2 = "solution_or_user_adoption"},
      {.note = "Outlook Mobile, has_exchange empty: not 'false'", .workload = "Outlook Mobile", .rule = "new_entitlement",
       .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "legal blocker with intent no", .intent = "no", .reason = "competitor", .blocker = "legal", .rule = "legal_block",
       .l1 = "blocked", .l2 = "legal_regulatory"},
      {.note = "legal blocker with intent yes", .intent = "yes", .blocker = "legal", .deployment = "enabled", .rule = "legal_block",
       .l1 = "blocked", .l2 = "legal_regulatory"},
      {.note = "no intent, competitor", .intent = "no", .reason = "competitor", .rule = "no_intent_competitor", .l1 = "no_intent",
       .l2 = "using_competitive_solution"},
      {.note = "no intent, on premises", .intent = "no", .reason = "on_premises", .rule = "no_intent_on_premises",
       .l1 = "no_intent", .l2 = "using_microsoft_on_premises_solution"},
      {.note = "no intent, executive", .intent = "no", .reason = "executive", .rule = "no_intent_other", .l1 = "no_intent",
       .l2 = "executive_sponsorship"},
      {.note = "no intent beats a non-legal blocker", .intent = "no", .blocker = "billing", .rule = "no_intent_other",
       .l1 = "no_intent", .l2 = "executive_sponsorship"},
      {.note = "blocked: infrastructure", .intent = "yes", .blocker = "infrastructure", .deployment = "onboarding",
       .rule = "blocked_infrastructure", .l1 = "blocked", .l2 = "customer_it_infrastructure_remediation"},
      {.note = "blocked: it_change", .intent = "yes", .blocker = "it_change", .rule = "blocked_it_change", .l1 = "blocked",
       .l2 = "it_change_management_resourcing"},
      {.note = "blocked: security", .intent = "yes", .blocker = "security", .rule = "blocked_security", .l1 = "blocked",
       .l2 = "security_privacy_non_product_feature"},
      {.note = "blocked: adoption", .intent = "yes", .blocker = "adoption", .deployment = "enabled", .rule = "blocked_adoption",
       .l1 = "blocked", .l2 = "adoption_readiness"},
      {.note = "blocked: product", .intent = "yes", .blocker = "product", .rule = "blocked_product", .l1 = "blocked",
       .l2 = "product_feature_capability"},
      {.note = "blocked: reliability beats migrating", .intent = "yes", .blocker = "reliability", .deployment = "enabled",
       .migration = "in_progress", .rule = "blocked_reliability", .l1 = "blocked", .l2 = "service_reliability"},
      {.note = "blocked: app_compat", .intent = "yes", .blocker = "app_compat", .rule = "blocked_app_compat", .l1 = "blocked",
       .l2 = "app_compatibility"},
      {.note = "blocked: partner", .intent = "yes", .blocker = "partner", .rule = "blocked_partner", .l1 = "blocked",
       .l2 = "partner_engagement"},
      {.note = "intent yes + blocker billing", .intent = "yes", .blocker = "billing", .deployment = "enabled",
       .rule = "blocked_billing", .l1 = "blocked", .l2 = "billing_licensing_subscription"},
      {.note = "a blocker without intent yes blocks nothing", .attempts = "1", .channels = "1", .blocker = "billing",
       .rule = "new_entitlement", .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "intent yes, deployment empty", .intent = "yes", .rule = "onboarding", .l1 = "in_progress",
       .l2 = "technical_onboarding_deployment"},
      {.note = "intent yes, not started", .intent = "yes", .deployment = "not_started", .rule = "onboarding",
       .l1 = "in_progress", .l2 = "technical_onboarding_deployment"},
      {.note = "onboarding beats migration in progress", .intent = "yes", .deployment = "onboarding", .migration = "in_progress",
       .rule = "onboarding", .l1 = "in_progress", .l2 = "technical_onboarding_deployment"},
      {.note = "enabled and migrating", .intent = "yes", .deployment = "enabled", .migration = "in_progress", .rule = "migrating",
       .l1 = "in_progress", .l2 = "migration"},
      {.note = "enabled, migration done", .intent = "yes", .deployment = "enabled", .migration = "done", .rule = "adopting",
       .l1 = "in_progress", .l2 = "solution_or_user_adoption"},
      {.note = "enabled, no migration", .intent = "yes", .deployment = "enabled", .rule = "adopting", .l1 = "in_progress",
       .l2 = "solution_or_user_adoption"},
      {.note = "3 attempts, 2 channels, responded empty", .attempts = "3", .channels = "2", .rule = "unresponsive",
       .l1 = "status_unknown", .l2 = "customer_unresponsive"},
      {.note = "3 attempts, 2 channels, responded false", .attempts = "3", .channels = "2", .responded = "false",
       .rule = "unresponsive", .l1 = "status_unknown", .l2 = "customer_unresponsive"},
      {.note = "intent unknown, 5 attempts, 3 channels", .attempts = "5", .channels = "3", .intent = "unknown",
       .rule = "unresponsive", .l1 = "status_unknown", .l2 = "customer_unresponsive"},
      {.note = "3 attempts, 2 channels, responded true", .attempts = "3", .channels = "2", .responded = "true",
       .rule = "new_entitlement", .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "3 attempts, 1 channel", .attempts = "3", .channels = "1", .rule = "new_entitlement", .l1 = "status_unknown",
       .l2 = "new_subscription_or_workload"},
      {.note = "2 attempts, 2 channels", .attempts = "2", .channels = "2", .rule = "new_entitlement", .l1 = "status_unknown",
       .l2 = "new_subscription_or_workload"},
      {.note = "nothing known", .rule = "new_entitlement", .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
  };
  std::string csv =
      "entitlement_id,tenant_state,workload,has_exchange,contact_attempts,contact_channels,customer_responded,intent,"
      "no_intent_reason,blocker,deployment,migration,target_date\n";
  int n = 0;
  for (const Case& c : cases) {
    // Every row has a valid target date, so In Progress rows have no problem.
    csv += "R" + std::to_string(++n);
    for (const char* cell : {c.tenant_state, c.workload, c.has_exchange, c.attempts, c.channels, c.responded, c.intent, c.reason,
                             c.blocker, c.deployment, c.migration, "2027-01-01"})
      csv += std::string(",") + cell;
    csv += '\n';
  }
  TempDir dir;
  Run r = ftstatus("classify " + shell_quote(dir.file("rules.csv", csv)) + kAsOf);
  CHECK(r.status == 0);
  Table t = table(r.out);
  REQUIRE(t.rows.size() == std::size(cases));
  std::set<std::string> fired;
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    INFO(cases[i].note);
    CHECK(t.at(i, "rule") == cases[i].rule);
    CHECK(t.at(i, "suggested_l1") == cases[i].l1);
    CHECK(t.at(i, "suggested_l2") == cases[i].l2);
    CHECK(t.at(i, "problems") == "");
    fired.insert(t.at(i, "rule"));
  }
  CHECK(fired.size() == 20);  // every rule of taxonomy/fasttrack.yaml
}

// ----------------------------------------------------------------- problems

TEST_CASE("classify: every problem code appears as code:column:line and makes the exit status 1", "[classify]") {
  TempDir dir;
  std::string in = dir.file("p.csv",
                            "entitlement_id,customer,has_exchange,contact_attempts,intent,deployment,target_date\n"
                            "P1,Contoso,true,1,yes,enabled,2027-01-01\n"      // 2 clean
                            "P2,Contoso,true,1,yes,enabled\n"                 // 3 one field short
                            "P3,Contoso,true,1,no,,,extra\n"                  // 4 one field too many
                            "P4,Contoso,true,three,no,,\n"                    // 5
                            "P5,Contoso,maybe,1,Maybe,,\n"                    // 6
                            "P6,Caf\xE9,true,1,no,,\n"                        // 7 a cp1252 byte
                            ",Contoso,true,1,no,,\n"                          // 8
                            "P1,Contoso,true,1,no,,\n"                        // 9 P1 again
                            "P10,Contoso,true,1,yes,enabled,\n"               // 10
                            "P11,Contoso,true,1,yes,enabled,2026-02-30\n"     // 11
                            "P12,Contoso,true,1,yes,enabled,2026-11-23\n"     // 12
                            "P13,Contoso,true,1,yes,enabled,2027-11-25\n"     // 13
                            "P14,Contoso,true,1,yes,enabled,2027-11-24\n"     // 14 last day of the horizon
                            "P15,Contoso,true,1,yes,enabled,2026-11-24\n"     // 15 the as-of day
                            "P16,Contoso,true,1,no,,2026-02-30\n"             // 16 any given date must be real
                            "P17,Contoso,true,1,no,,2020-01-01\n");           // 17 past, but not required
  Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
  CHECK(r.status == 1);
  Table t = table(r.out);
  const std::vector<std::string> expected = {
      "",
      "field_count::3;target_date_missing:target_date:3",
      "field_count::4",
      "invalid_value:contact_attempts:5",
      "invalid_value:has_exchange:6;invalid_value:intent:6",
      "invalid_utf8:customer:7",
      "missing_id:entitlement_id:8",
      "duplicate_id:entitlement_id:9",
      "target_date_missing:target_date:10",
      "target_date_invalid:target_date:11",
      "target_date_past:target_date:12",
      "target_date_beyond_horizon:target_date:13",
      "",
      "",
      "target_date_invalid:target_date:16",
      "",
  };
  REQUIRE(t.rows.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("row " << i + 1);
    CHECK(t.at(i, "problems") == expected[i]);
  }
  // An invalid cell counts as empty for the rules; the row is still classified.
  CHECK(t.at(3, "rule") == "no_intent_other");
  CHECK(t.at(4, "rule") == "new_entitlement");
  // A short row is padded so the added columns stay aligned.
  CHECK(t.rows[1].size() == t.header.size());
  CHECK(t.at(1, "rule") == "adopting");

  SECTION("a clean file exits 0") {
    std::string clean = dir.file("clean.csv",
                                 "entitlement_id,customer,has_exchange,contact_attempts,intent,deployment,target_date\n"
                                 "P1,Contoso,true,1,yes,enabled,2027-01-01\n"
                                 "P2,Fabrikam,false,4,no,,\n");
    Run c = ftstatus("classify " + shell_quote(clean) + kAsOf);
    CHECK(c.status == 0);
    CHECK(c.err.empty());
    Table ct = table(c.out);
    CHECK(ct.at(0, "problems") == "");
    CHECK(ct.at(1, "problems") == "");
  }
}

TEST_CASE("classify keeps every row, in order, with the input cells byte for byte", "[classify]") {
  const std::string input_path = example("entitlements.csv");
  const std::string input = read_file(input_path);
  Run r = ftstatus("classify " + shell_quote(input_path) + kAsOf);
  CHECK(r.status == 1);  // the example has rows with problems
  auto in_records = parse_csv(input);
  auto out_records = parse_csv(r.out);
  REQUIRE(in_records.size() == 52);
  REQUIRE(out_records.size() == in_records.size());
  const std::size_t width = in_records[0].size();
  CHECK(out_records[0].size() == width + 5);
  for (std::size_t i = 1; i < in_records.size(); ++i) {
    INFO("record " << i << " id " << in_records[i][0]);
    const auto& in = in_records[i];
    const auto& out = out_records[i];
    // Short rows are padded; the cells of long rows follow the added columns.
    REQUIRE(out.size() == std::max(in.size(), width) + 5);
    for (std::size_t f = 0; f < width; ++f) CHECK(out[f] == (f < in.size() ? in[f] : std::string()));
    for (std::size_t f = width; f < in.size(); ++f) CHECK(out[f + 5] == in[f]);
  }
  // The tricky cells, as they are in the output text.
  CHECK(contains(r.out, "\"Fabrikam, Inc.\""));
  CHECK(contains(r.out, "\"Teams (\"\"Phone System\"\" pilot)\""));
  CHECK(contains(r.out, "\"SharePoint Online\n(intranet, phase 2)\""));
  CHECK(contains(r.out, "Fourth Coffee Caf\xE9,"));  // not valid UTF-8, but kept as it was
}

TEST_CASE("the example entitlements file exercises every rule, every L2 and every problem code", "[classify]") {
  Run r = ftstatus("classify " + shell_quote(example("entitlements.csv")) + kAsOf);
  CHECK(r.status == 1);
  Table t = table(r.out);
  std::set<std::string> rules, l2s, codes, changed;
  bool duplicate_invalid = false;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    rules.insert(t.at(i, "rule"));
    if (!t.at(i, "suggested_l2").empty()) l2s.insert(t.at(i, "suggested_l2"));
    duplicate_invalid = duplicate_invalid || t.at(i, "suggested_l1") == "duplicate_invalid";
    changed.insert(t.at(i, "changed"));
    for (const std::string& p : split(t.at(i, "problems"), ';'))
      if (!p.empty()) codes.insert(split(p, ':')[0]);
  }
  CHECK(rules.size() == 20);
  CHECK(l2s.size() == 18);
  CHECK(duplicate_invalid);
  CHECK(changed == std::set<std::string>{"false", "true"});
  CHECK(codes == std::set<std::string>{"field_count", "invalid_value", "invalid_utf8", "missing_id", "duplicate_id",
                                       "target_date_missing", "target_date_invalid", "target_date_past",
                                       "target_date_beyond_horizon"});
  // Spanish names and "L1 - "/"L2 - " prefixes are recognised as the same status.
  std::size_t row = t.row_of("FT-100005");
  CHECK(t.at(row, "l2") == "L2 - Migración");
  CHECK(t.at(row, "changed") == "false");
  CHECK(t.at(t.row_of("FT-100002"), "changed") == "false");  // En progreso / Incorporación técnica
  CHECK(t.at(t.row_of("FT-100009"), "changed") == "true");   // No Intent, but legally blocked
  // duplicate_id is flagged on the later row only.
  std::vector<std::size_t> ft10;
  for (std::size_t i = 0; i < t.rows.size(); ++i)
    if (t.rows[i][0] == "FT-100010") ft10.push_back(i);
  REQUIRE(ft10.size() == 2);
  CHECK(t.at(ft10[0], "problems") == "");
  CHECK(t.at(ft10[1], "problems") == "duplicate_id:entitlement_id:41");
}

// ------------------------------------------------------ labels, jsonl, cells

TEST_CASE("classify --labels and --format jsonl", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv",
                            "entitlement_id,intent,blocker,deployment,target_date,l1,l2\n"
                            "E1,yes,,onboarding,2027-02-01,En progreso,Incorporación técnica\n"
                            "E2,yes,billing,,,Blocked,Partner\n"
                            "E3,,,,,Duplicate,\n");

  SECTION("--labels en and es put names in the suggested columns; rule stays an id") {
    Table en = table(ftstatus("classify --labels en " + shell_quote(in) + kAsOf).out);
    CHECK(en.at(0, "suggested_l1") == "In Progress");
    CHECK(en.at(0, "suggested_l2") == "Technical Onboarding/Deployment");
    CHECK(en.at(0, "rule") == "onboarding");
    CHECK(en.at(1, "suggested_l1") == "Blocked");
    CHECK(en.at(1, "suggested_l2") == "Billing/Licensing/Subscription");
    Table es = table(ftstatus("classify --labels es " + shell_quote(in) + kAsOf).out);
    CHECK(es.at(0, "suggested_l1") == "En progreso");
    CHECK(es.at(0, "suggested_l2") == "Incorporación e implementación técnica");
    CHECK(es.at(1, "suggested_l1") == "Bloqueo");
    CHECK(es.at(1, "suggested_l2") == "Facturación, licencias y suscripciones");
    CHECK(es.at(2, "suggested_l1") == "Estado desconocido");
    CHECK(es.at(2, "suggested_l2") == "Nueva suscripción o carga de trabajo");
    CHECK(es.at(0, "changed") == "false");
    CHECK(es.at(1, "changed") == "true");
  }

  SECTION("--format jsonl writes one object per row with the same fields") {
    Run r = ftstatus("classify --format jsonl --explain " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    std::vector<std::string> lines = split_lines(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] ==
          "{\"line\":2,\"entitlement_id\":\"E1\",\"intent\":\"yes\",\"blocker\":\"\",\"deployment\":\"onboarding\","
          "\"target_date\":\"2027-02-01\",\"l1\":\"En progreso\",\"l2\":\"Incorporación técnica\","
          "\"suggested_l1\":\"in_progress\",\"suggested_l2\":\"technical_onboarding_deployment\",\"rule\":\"onboarding\","
          "\"problems\":[],\"changed\":false,"
          "\"explanation\":\"rule onboarding: intent = yes (cell: \\\"yes\\\"); deployment in [empty, not_started, onboarding] "
          "(cell: \\\"onboarding\\\")\"}");
    CHECK(lines[1] ==
          "{\"line\":3,\"entitlement_id\":\"E2\",\"intent\":\"yes\",\"blocker\":\"billing\",\"deployment\":\"\","
          "\"target_date\":\"\",\"l1\":\"Blocked\",\"l2\":\"Partner\",\"suggested_l1\":\"blocked\","
          "\"suggested_l2\":\"billing_licensing_subscription\",\"rule\":\"blocked_billing\",\"problems\":[],\"changed\":true,"
          "\"explanation\":\"rule blocked_billing: intent = yes (cell: \\\"yes\\\"); blocker = billing (cell: \\\"billing\\\")\"}");
    CHECK(contains(lines[2], "\"suggested_l1\":\"status_unknown\""));
    CHECK(contains(lines[2], "\"changed\":true"));
  }

  SECTION("jsonl: problems are an array, a leaf L1 has suggested_l2 null, extra cells are kept") {
    std::string bad = dir.file("bad.csv",
                               "entitlement_id,tenant_state,contact_attempts\n"
                               "B1,duplicate,three\n"
                               "B2,active,1,stray\n");
    Run r = ftstatus("classify --format jsonl --labels en " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    CHECK(r.out ==
          "{\"line\":2,\"entitlement_id\":\"B1\",\"tenant_state\":\"duplicate\",\"contact_attempts\":\"three\","
          "\"suggested_l1\":\"Duplicate/Invalid\",\"suggested_l2\":null,\"rule\":\"duplicate_or_invalid_tenant\","
          "\"problems\":[\"invalid_value:contact_attempts:2\"]}\n"
          "{\"line\":3,\"entitlement_id\":\"B2\",\"tenant_state\":\"active\",\"contact_attempts\":\"1\","
          "\"extra_fields\":[\"stray\"],\"suggested_l1\":\"Status Unknown\","
          "\"suggested_l2\":\"New Subscription or Workload\",\"rule\":\"new_entitlement\","
          "\"problems\":[\"field_count::3\"]}\n");
  }
}

TEST_CASE("classify reads bool spellings and case-insensitive, trimmed enum cells", "[classify]") {
  TempDir dir;
  // 3 attempts over 2 channels: responded true -> new_entitlement, otherwise unresponsive.
  std::string in = dir.file("b.csv",
                            "entitlement_id,contact_attempts,contact_channels,customer_responded\n"
                            "B1,3,2,sí\nB2,3,2,Y\nB3,3,2,1\nB4,3,2, TRUE \nB5,3,2,SÍ\nB6,3,2,yes\nB7,3,2,si\n"
                            "B8,3,2,no\nB9,3,2,N\nB10,3,2,0\nB11,3,2,False\nB12,3,2,maybe\n");
  Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
  CHECK(r.status == 1);
  Table t = table(r.out);
  REQUIRE(t.rows.size() == 12);
  for (std::size_t i = 0; i < 7; ++i) {
    INFO(t.rows[i][0] << " " << t.rows[i][3]);
    CHECK(t.at(i, "rule") == "new_entitlement");
    CHECK(t.at(i, "problems") == "");
  }
  for (std::size_t i = 7; i < 11; ++i) {
    INFO(t.rows[i][0] << " " << t.rows[i][3]);
    CHECK(t.at(i, "rule") == "unresponsive");
    CHECK(t.at(i, "problems") == "");
  }
  CHECK(t.at(11, "rule") == "unresponsive");  // an invalid bool counts as empty
  CHECK(t.at(11, "problems") == "invalid_value:customer_responded:13");

  std::string enums = dir.file("e.csv",
                               "entitlement_id,tenant_state,intent,no_intent_reason,blocker,deployment,migration,target_date,workload,has_exchange\n"
                               "E1, DUPLICATE ,,,,,,,,\n"
                               "E2,,No,On_Premises,,,,,,\n"
                               "E3,, YES ,, Partner ,,,,,\n"
                               "E4,,Yes,,,Enabled , In_Progress,2027-03-01,,\n"
                               "E5,,,,,,,, outlook MOBILE ,False\n");
  Run e = ftstatus("classify " + shell_quote(enums) + kAsOf);
  CHECK(e.status == 0);
  Table et = table(e.out);
  CHECK(et.at(0, "rule") == "duplicate_or_invalid_tenant");
  CHECK(et.at(1, "rule") == "no_intent_on_premises");
  CHECK(et.at(2, "rule") == "blocked_partner");
  CHECK(et.at(3, "rule") == "migrating");
  CHECK(et.at(4, "rule") == "outlook_mobile_without_exchange");
  // Cells are written as they came, spaces and case included.
  CHECK(et.at(0, "tenant_state") == " DUPLICATE ");
}

// ------------------------------------------------------------ CSV dialects

TEST_CASE("classify detects the delimiter and keeps it in the output", "[classify]") {
  TempDir dir;

  SECTION("semicolon") {
    std::string in = dir.file("s.csv", "entitlement_id;customer;intent;deployment;target_date\nS1;Fabrikam, Inc.;yes;enabled;2027-01-01\n");
    Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id;customer;intent;deployment;target_date;suggested_l1;suggested_l2;rule;problems\n"
          "S1;Fabrikam, Inc.;yes;enabled;2027-01-01;in_progress;solution_or_user_adoption;adopting;\n");
  }

  SECTION("tab") {
    std::string in = dir.file("t.tsv", "entitlement_id\tcustomer\tintent\tno_intent_reason\nT1\tNorthwind, Traders\tno\tcompetitor\n");
    Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id\tcustomer\tintent\tno_intent_reason\tsuggested_l1\tsuggested_l2\trule\tproblems\n"
          "T1\tNorthwind, Traders\tno\tcompetitor\tno_intent\tusing_competitive_solution\tno_intent_competitor\t\n");
  }

  SECTION("--delimiter ';' when the header has more commas than semicolons") {
    std::string in = dir.file("d.csv", "entitlement_id;notes, free text, here;intent\nD1;a, b;no\n");
    Run guessed = ftstatus("classify " + shell_quote(in) + kAsOf);
    CHECK(guessed.status == 2);  // split on commas, the header has no entitlement_id
    CHECK(contains(guessed.err, "required column 'entitlement_id' is missing"));
    Run r = ftstatus("classify --delimiter ';' " + shell_quote(in) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id;notes, free text, here;intent;suggested_l1;suggested_l2;rule;problems\n"
          "D1;a, b;no;no_intent;executive_sponsorship;no_intent_other;\n");
  }

  SECTION("Excel 'CSV UTF-8' in Spanish: BOM, CRLF, semicolons, Spanish headers") {
    const std::string path = example("entitlements-excel-es.csv");
    const std::string input = read_file(path);
    REQUIRE(input.substr(0, 3) == "\xEF\xBB\xBF");
    REQUIRE(contains(input, "\r\n"));
    Run r = ftstatus("classify " + shell_quote(path) + kAsOf);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.substr(0, 3) == "\xEF\xBB\xBF");  // kept, so Excel reads the output as UTF-8
    CHECK(r.out.rfind("\xEF\xBB\xBF" "ID de derecho;ID de inquilino;Cliente;", 0) == 0);
    Table t = table(r.out, ';');
    Table in = table(input, ';');
    CHECK(t.header.size() == in.header.size() + 5);
    REQUIRE(t.rows.size() == 12);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      INFO(t.rows[i][0]);
      CHECK(t.at(i, "problems") == "");
      CHECK(t.at(i, "changed") == "false");
      for (std::size_t f = 0; f < in.header.size(); ++f) CHECK(t.rows[i][f] == in.rows[i][f]);
    }
    CHECK(t.at(t.row_of("ES-2012"), "Cliente") == "Litware; División Norte");
    CHECK(t.at(t.row_of("ES-2004"), "rule") == "outlook_mobile_without_exchange");  // Tiene Exchange = no
    CHECK(t.at(t.row_of("ES-2009"), "rule") == "unresponsive");                     // El cliente respondió = no
  }
}

TEST_CASE("classify --date-format reads D/M/YYYY and M/D/YYYY target dates", "[classify]") {
  TempDir dir;
  std::string in = dir.file("d.csv",
                            "entitlement_id,intent,deployment,target_date\n"
                            "D1,yes,enabled,12/31/2026\n"
                            "D2,yes,enabled,31/12/2026\n"
                            "D3,yes,enabled,1/12/2026\n"
                            "D4,yes,enabled,2026-12-31\n");
  Table mdy = table(ftstatus("classify --date-format mdy " + shell_quote(in) + kAsOf).out);
  CHECK(mdy.at(0, "problems") == "");
  CHECK(mdy.at(1, "problems") == "target_date_invalid:target_date:3");
  CHECK(mdy.at(2, "problems") == "target_date_past:target_date:4");  // January 12
  CHECK(mdy.at(3, "problems") == "target_date_invalid:target_date:5");
  Table dmy = table(ftstatus("classify --date-format dmy " + shell_quote(in) + kAsOf).out);
  CHECK(dmy.at(0, "problems") == "target_date_invalid:target_date:2");
  CHECK(dmy.at(1, "problems") == "");
  CHECK(dmy.at(2, "problems") == "");  // 1 December
  CHECK(dmy.at(3, "problems") == "target_date_invalid:target_date:5");
  Table iso = table(ftstatus("classify " + shell_quote(in) + kAsOf).out);
  CHECK(iso.at(0, "problems") == "target_date_invalid:target_date:2");
  CHECK(iso.at(3, "problems") == "");
  // The dates are written as they came.
  CHECK(dmy.at(1, "target_date") == "31/12/2026");
}

TEST_CASE("classify --encoding cp1252 turns Windows bytes into UTF-8", "[classify]") {
  TempDir dir;
  std::string in = dir.file("w.csv", "entitlement_id,customer\nW1,Caf\xE9 \x80 Contoso\n");
  Run cp = ftstatus("classify --encoding cp1252 " + shell_quote(in) + kAsOf);
  CHECK(cp.status == 0);
  Table t = table(cp.out);
  CHECK(t.at(0, "customer") == "Café € Contoso");
  CHECK(t.at(0, "problems") == "");
  Run utf8 = ftstatus("classify " + shell_quote(in) + kAsOf);
  CHECK(utf8.status == 1);
  Table u = table(utf8.out);
  CHECK(u.at(0, "problems") == "invalid_utf8:customer:2");
  CHECK(u.at(0, "customer") == "Caf\xE9 \x80 Contoso");
}

// ----------------------------------------------------- --errors, --summary

TEST_CASE("classify --errors writes one line per problem with the raw input line", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv",
                            "entitlement_id,customer,contact_attempts,intent,deployment,target_date\n"
                            "E1,\"Fabrikam, Inc.\",three,yes,enabled,\n"
                            "E2,Contoso,1,no,,\n"
                            "E3,Litware\n");
  std::string errors = dir.path("errors.csv");
  Run r = ftstatus("classify --errors " + shell_quote(errors) + " " + shell_quote(in) + kAsOf);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "E1,\"Fabrikam, Inc.\",three,yes,enabled,,"));  // stdout still has the rows
  CHECK_FALSE(contains(r.out, "line,column,code"));
  CHECK(read_file(errors) ==
        "line,column,code,message,raw\n"
        "2,contact_attempts,invalid_value,the value of 'contact_attempts' is not valid; expected int,"
        "\"E1,\"\"Fabrikam, Inc.\"\",three,yes,enabled,\"\n"
        "2,target_date,target_date_missing,\"\"\"Solution or User Adoption\"\" requires a target date\","
        "\"E1,\"\"Fabrikam, Inc.\"\",three,yes,enabled,\"\n"
        "4,,field_count,the row has 2 fields but the header has 6,\"E3,Litware\"\n");

  SECTION("a clean run writes just the header") {
    std::string clean = dir.file("clean.csv", "entitlement_id,intent\nC1,no\n");
    std::string clean_errors = dir.path("clean-errors.csv");
    Run c = ftstatus("classify --errors " + shell_quote(clean_errors) + " " + shell_quote(clean) + kAsOf);
    CHECK(c.status == 0);
    CHECK(read_file(clean_errors) == "line,column,code,message,raw\n");
  }
}

TEST_CASE("classify --summary prints counts to stderr and nothing extra to stdout", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv",
                            "entitlement_id,intent,deployment,migration,target_date,l1,l2\n"
                            "S1,yes,enabled,in_progress,2027-01-01,In Progress,Migration\n"
                            "S2,yes,enabled,in_progress,,In Progress,Migration\n"
                            "S3,no,,,,Blocked,Legal\n");
  Run plain = ftstatus("classify " + shell_quote(in) + kAsOf);
  Run r = ftstatus("classify --summary " + shell_quote(in) + kAsOf);
  CHECK(r.status == 1);
  CHECK(r.status == plain.status);
  CHECK(r.out == plain.out);
  CHECK(plain.err.empty());
  std::vector<std::string> lines = split_lines(r.err);
  CHECK(std::find(lines.begin(), lines.end(), "rows: 3") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "rows with problems: 1") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "rows changed: 1") != lines.end());
  std::map<std::string, std::string> per_status;
  for (const std::string& line : lines) {
    if (line.rfind("  ", 0) != 0) continue;
    std::istringstream words(line);
    std::string status, count;
    words >> status >> count;
    per_status[status] = count;
  }
  CHECK(per_status == std::map<std::string, std::string>{{"in_progress/migration", "2"}, {"no_intent/executive_sponsorship", "1"}});
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.back().rfind("time: ", 0) == 0);
  CHECK(contains(lines.back(), " rows/s)"));
}

// ------------------------------------------------------------ input / output

TEST_CASE("classify reads standard input for '-' and for no FILE", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv", "entitlement_id,intent,no_intent_reason\nE1,no,on_premises\n");
  Run from_file = ftstatus("classify " + shell_quote(in) + kAsOf);
  Run dash = ftstatus("classify -" + kAsOf, in);
  Run none = ftstatus("classify" + kAsOf, in);
  CHECK(from_file.status == 0);
  CHECK(dash.status == 0);
  CHECK(none.status == 0);
  CHECK(from_file.out ==
        "entitlement_id,intent,no_intent_reason,suggested_l1,suggested_l2,rule,problems\n"
        "E1,no,on_premises,no_intent,using_microsoft_on_premises_solution,no_intent_on_premises,\n");
  CHECK(dash.out == from_file.out);
  CHECK(none.out == from_file.out);

  Run empty = ftstatus("classify -" + kAsOf, "/dev/null");
  CHECK(empty.status == 2);
  CHECK(contains(empty.err, "<stdin>:1:1: the file is empty"));
}

TEST_CASE("classify rejects unreadable input with exit 2 and leaves -o as it was", "[classify]") {
  struct Case {
    const char* name;
    std::string content;
    std::string where;  // file:line:column on stderr
    const char* words;
  };
  const Case cases[] = {
      {"empty.csv", "", "empty.csv:1:1:", "the file is empty"},
      {"open-quote.csv", "entitlement_id,customer\nA1,Contoso\nA2,\"Fabrikam, Inc.\nA3,Litware\n", "open-quote.csv:3:4:",
       "still open at the end of the file"},
      {"no-id.csv", "customer,intent\nContoso,yes\n", "no-id.csv:1:1:", "required column 'entitlement_id' is missing"},
      {"binary.csv", std::string("entitlement_id,customer\nA1,Con\0toso\n", 36), "binary.csv:2:7:", "NUL byte"},
      {"utf16.csv", std::string("\xFF\xFE" "e\0n\0t\0,\0", 10), "utf16.csv:1:1:", "UTF-16"},
      {"two-ids.csv", "entitlement_id,Entitlement ID\nA1,A1\n", "two-ids.csv:1:1:", "both name column 'entitlement_id'"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    TempDir dir;
    std::string in = dir.file(c.name, c.content);
    std::string out = dir.file("out.csv", "previous output\n");
    std::string errors = dir.file("errors.csv", "previous errors\n");
    Run r = ftstatus("classify " + shell_quote(in) + " -o " + shell_quote(out) + " --errors " + shell_quote(errors) + kAsOf);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "ftstatus: " + dir.path(c.where)));
    CHECK(contains(r.err, c.words));
    CHECK(r.out.empty());
    CHECK(read_file(out) == "previous output\n");
    CHECK(read_file(errors) == "previous errors\n");
    CHECK(dir.names() == std::set<std::string>{c.name, "out.csv", "errors.csv"});  // no temporary file left behind
  }

  SECTION("a path that does not exist") {
    TempDir dir;
    std::string out = dir.file("out.csv", "previous output\n");
    Run r = ftstatus("classify " + shell_quote(dir.path("missing.csv")) + " -o " + shell_quote(out) + kAsOf);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "missing.csv: cannot open"));
    CHECK(read_file(out) == "previous output\n");
  }
}

TEST_CASE("classify -o writes the file, nothing to stdout, same exit status", "[classify]") {
  TempDir dir;
  for (const std::string& input : {example("entitlements.csv"), example("entitlements-excel-es.csv")}) {
    INFO(input);
    std::string out = dir.file("out.csv", "previous output\n");
    Run to_stdout = ftstatus("classify " + shell_quote(input) + kAsOf);
    Run to_file = ftstatus("classify " + shell_quote(input) + " -o " + shell_quote(out) + kAsOf);
    CHECK(to_file.status == to_stdout.status);
    CHECK(to_file.out.empty());
    CHECK(read_file(out) == to_stdout.out);
  }
  Run bad = ftstatus("classify " + shell_quote(example("entitlements.csv")) + kAsOf);
  CHECK(bad.status == 1);
}

// ------------------------------------------------------------ validate FILE

TEST_CASE("validate FILE.csv checks the current assignment of every row", "[classify]") {
  TempDir dir;
  std::string good = dir.file("good.csv",
                              "entitlement_id,l1,l2,target_date\n"
                              "E1,In Progress,Migration,2027-01-10\n"
                              "E2,Bloqueo,Legal,\n"
                              "E3,L1 - Duplicate/Invalid,,\n"
                              "E4,status_unknown,customer_unresponsive,\n");
  Run ok = ftstatus("validate " + shell_quote(good) + kAsOf);
  CHECK(ok.status == 0);
  CHECK(ok.out == "4 rows, 0 invalid\n");

  std::string bad = dir.file("bad.csv",
                             "entitlement_id,l1,l2,target_date\n"
                             "E1,In Progress,Legal,2027-01-10\n"
                             "E2,Pending,Legal,\n"
                             "E3,In Progress,Migration,2026-01-10\n"
                             "E4,Blocked,Billing,\n");

  SECTION("text") {
    Run r = ftstatus("validate " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    std::vector<std::string> lines = split_lines(r.out);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].rfind("line 2: E1: l2_not_under_l1: ", 0) == 0);
    CHECK(lines[1].rfind("line 3: E2: unknown_l1: ", 0) == 0);
    CHECK(lines[2].rfind("line 4: E3: target_date_past: ", 0) == 0);
    CHECK(lines[3] == "4 rows, 3 invalid");
  }

  SECTION("csv") {
    Run r = ftstatus("validate --format csv " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    Table t = table(r.out);
    CHECK(t.header == std::vector<std::string>{"line", "entitlement_id", "code", "message", "fix"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0][0] == "2");
    CHECK(t.rows[0][1] == "E1");
    CHECK(t.rows[0][2] == "l2_not_under_l1");
    CHECK(t.rows[1][0] == "3");
    CHECK(t.rows[1][1] == "E2");
    CHECK(t.rows[1][2] == "unknown_l1");
    CHECK(t.rows[2][0] == "4");
    CHECK(t.rows[2][1] == "E3");
    CHECK(t.rows[2][2] == "target_date_past");
    CHECK(t.rows[2][4] == "set a target date from 2026-11-24 to 2027-11-24 (YYYY-MM-DD)");
  }

  SECTION("json") {
    Run r = ftstatus("validate --format json " + shell_quote(bad) + kAsOf);
    CHECK(r.status == 1);
    CHECK(contains(r.out, "\"line\": 2,\n      \"entitlement_id\": \"E1\",\n      \"code\": \"l2_not_under_l1\""));
    CHECK(contains(r.out, "\"line\": 3,\n      \"entitlement_id\": \"E2\",\n      \"code\": \"unknown_l1\""));
    CHECK(contains(r.out, "\"line\": 4,\n      \"entitlement_id\": \"E3\",\n      \"code\": \"target_date_past\""));
    CHECK(contains(r.out, "\"rows\": 4,\n  \"invalid_rows\": 3\n}"));
  }

  SECTION("the Spanish Excel example is valid") {
    Run r = ftstatus("validate " + shell_quote(example("entitlements-excel-es.csv")) + kAsOf);
    CHECK(r.status == 0);
    CHECK(r.out == "12 rows, 0 invalid\n");
  }

  SECTION("a FILE and --l1 together are a usage error") {
    Run r = ftstatus("validate " + shell_quote(good) + " --l1 blocked" + kAsOf);
    CHECK(r.status == 2);
    CHECK(contains(r.err, "not both"));
    CHECK(r.out.empty());
  }
}

// --------------------------------------------------------------------- lint

TEST_CASE("lint: the built-in taxonomy and the custom L3 example are clean", "[classify]") {
  Run builtin = ftstatus("lint" + kAsOf);
  CHECK(builtin.status == 0);
  CHECK(builtin.out == "0 error(s), 0 warning(s)\n");
  Run custom = ftstatus("lint --taxonomy " + shell_quote(example("custom-l3.yaml")) + kAsOf);
  CHECK(custom.status == 0);
  CHECK(custom.out == "0 error(s), 0 warning(s)\n");
  Run tree = ftstatus("tree --taxonomy " + shell_quote(example("custom-l3.yaml")));
  CHECK(tree.status == 0);
  CHECK(contains(tree.out, "Feature Request [feature_request]"));
}

TEST_CASE("lint finds duplicate, unreachable and missing rules", "[classify]") {
  auto [yaml, line] = taxonomy_with(
      "  - id: billing_again\n"
      "    when: {intent: yes, blocker: billing}\n"
      "    then: blocked/billing_licensing_subscription\n"
      "  - id: legal_with_intent\n"
      "    when: {intent: yes, blocker: legal}\n"
      "    then: blocked/legal_regulatory\n",
      /*keep_catch_all=*/false);
  TempDir dir;
  std::string file = dir.file("rules.yaml", yaml);
  Run r = ftstatus("lint --taxonomy " + shell_quote(file) + kAsOf);
  CHECK(r.status == 1);
  INFO(r.out);
  std::vector<std::string> lines = split_lines(r.out);
  REQUIRE(lines.size() == 5);
  const std::string at = file + ":";
  CHECK(lines[0].rfind(at + std::to_string(line) + ": error: rule 'billing_again' matches exactly the records rule "
                                                   "'blocked_billing'", 0) == 0);
  CHECK(contains(lines[0], "[rule_duplicate]"));
  CHECK(lines[1].rfind(at + std::to_string(line + 3) + ": error: rule 'legal_with_intent' can never fire", 0) == 0);
  CHECK(contains(lines[1], "'legal_block'"));
  CHECK(contains(lines[1], "[rule_unreachable]"));
  CHECK(lines[2].rfind(at + std::to_string(line + 3) + ": error: some records match no rule, for example {", 0) == 0);
  CHECK(contains(lines[2], "intent=empty"));
  CHECK(contains(lines[2], "[rule_gap]"));
  CHECK(contains(lines[3], ": warning: no rule produces status 'status_unknown/new_subscription_or_workload' [status_not_produced]"));
  CHECK(lines[4] == "3 error(s), 1 warning(s)");
}

TEST_CASE("a broken rule is reported at file:line:column by lint (exit 1) and stops classify (exit 2)", "[classify]") {
  struct Case {
    const char* name;
    const char* rule;
    int line_offset;
    int column;
    const char* words;
  };
  const Case cases[] = {
      {"unknown column", "  - id: bad\n    when: {region: emea}\n    then: duplicate_invalid\n", 1, 12,
       "uses unknown column 'region'"},
      {"unknown status", "  - id: bad\n    when: {intent: yes}\n    then: in_progress/deploying\n", 2, 11,
       "unknown status 'deploying'"},
      {"value outside the enum", "  - id: bad\n    when: {intent: maybe}\n    then: duplicate_invalid\n", 1, 20,
       "'maybe' is not a value of column 'intent'"},
      {"'>= three' on an int", "  - id: bad\n    when: {contact_attempts: \">= three\"}\n    then: duplicate_invalid\n", 1, 30,
       "'three' after '>=' is not a whole number"},
      {"a rule without id", "  - when: {intent: yes}\n    then: duplicate_invalid\n", 0, 5, "this rule has no 'id'"},
  };
  TempDir dir;
  std::string in = dir.file("in.csv", "entitlement_id,intent\nE1,yes\n");
  for (const Case& c : cases) {
    INFO(c.name);
    auto [yaml, line] = taxonomy_with(c.rule, /*keep_catch_all=*/true);
    std::string file = dir.file("bad.yaml", yaml);
    std::string where = file + ":" + std::to_string(line + c.line_offset) + ":" + std::to_string(c.column) + ": ";
    Run lint = ftstatus("lint --taxonomy " + shell_quote(file) + kAsOf);
    CHECK(lint.status == 1);
    CHECK(contains(lint.out, where));
    CHECK(contains(lint.out, c.words));
    CHECK(contains(lint.out, "[load_error]"));
    CHECK(contains(lint.out, "1 error(s), 0 warning(s)"));
    std::string out = dir.file("out.csv", "previous output\n");
    Run classify = ftstatus("classify --taxonomy " + shell_quote(file) + " " + shell_quote(in) + " -o " + shell_quote(out) + kAsOf);
    CHECK(classify.status == 2);
    CHECK(contains(classify.err, "ftstatus: " + where));
    CHECK(contains(classify.err, c.words));
    CHECK(read_file(out) == "previous output\n");
  }
}

TEST_CASE("classify writes CRLF line ends when the input uses them", "[classify]") {
  TempDir dir;
  std::string in = dir.file("crlf.csv", "entitlement_id,intent,deployment\r\nC1,,enabled\r\nC2,\"no\",\r\n");
  Run r = ftstatus("classify " + shell_quote(in) + kAsOf);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "entitlement_id,intent,deployment,suggested_l1,suggested_l2,rule,problems\r\n"
        "C1,,enabled,status_unknown,new_subscription_or_workload,new_entitlement,\r\n"
        "C2,\"no\",,no_intent,executive_sponsorship,no_intent_other,\r\n");
}

TEST_CASE("classify -o to a device writes to it and never replaces it", "[classify]") {
  TempDir dir;
  std::string in = dir.file("d.csv", "entitlement_id\nD1\n");
  Run r = ftstatus("classify " + shell_quote(in) + " -o /dev/null" + kAsOf);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("bulk validate names rows by a custom schema's unique column", "[classify]") {
  TempDir dir;
  std::string in = dir.file("t.csv", "ticket_id,l1,l2\nSD-1,Nope,\n");
  Run r = ftstatus("validate " + shell_quote(in) + " --taxonomy " + shell_quote(example("custom-l3.yaml")) + kAsOf);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "line 2: SD-1: unknown_l1:"));
}

TEST_CASE("classify --format jsonl keeps every input cell under a unique key", "[classify]") {
  TempDir dir;
  std::string in = dir.file("k.csv", "entitlement_id,line,rule,,notes,notes\nK1,7,r,blank,a,b\n");
  Run r = ftstatus("classify --format jsonl " + shell_quote(in) + kAsOf);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "{\"line\":2,\"entitlement_id\":\"K1\",\"line_2\":\"7\",\"rule_3\":\"r\",\"column\":\"blank\",\"notes\":\"a\","
        "\"notes_6\":\"b\",\"suggested_l1\":\"status_unknown\",\"suggested_l2\":\"new_subscription_or_workload\","
        "\"rule\":\"new_entitlement\",\"problems\":[]}\n");
}

TEST_CASE("classify --format jsonl writes valid UTF-8 even for invalid input bytes", "[classify]") {
  TempDir dir;
  std::string in = dir.file("u.csv", "entitlement_id,customer\nU1,Caf\xE9\n");
  Run r = ftstatus("classify --format jsonl " + shell_quote(in) + kAsOf);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "\"customer\":\"Caf\xEF\xBF\xBD\""));
  CHECK(contains(r.out, "invalid_utf8:customer:2"));
}

TEST_CASE("a report that cannot be written exits 2, never 0", "[classify]") {
  TempDir dir;
  std::string in = dir.file("v.csv", "entitlement_id,l1,l2\nV1,in_progress,migration\n");
  for (const std::string& args : {std::string("tree"), "validate " + shell_quote(in) + kAsOf,
                                  std::string("validate --l1 no_intent --l2 competitor"), std::string("lint")}) {
    INFO(args);
    std::string command = "env LC_ALL=C LANG=C " + shell_quote(FTSTATUS_BINARY) + " " + args + " >/dev/full 2>/dev/null";
    int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
  }
}

TEST_CASE("classify of a folder says so", "[classify]") {
  TempDir dir;
  Run r = ftstatus("classify " + shell_quote(dir.path("")) + kAsOf);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "is a folder"));
}
