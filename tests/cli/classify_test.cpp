// `ftstatus classify`, end to end: the columns it adds, the status each
// FastTrack rule gives, labels, JSONL and how cells are read. It runs the
// built binary and checks the exact cells a user relies on.
#include <catch2/catch.hpp>

#include <cstddef>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "test_support.h"

using namespace test_support;

// ------------------------------------------------------------- output shape

TEST_CASE("classify output is the input header plus the suggestion columns", "[classify]") {
  TempDir dir;

  SECTION("with current l1/l2 columns a 'changed' column follows 'problems'") {
    std::string in = dir.file("in.csv",
                              "entitlement_id,customer,intent,deployment,migration,target_date,l1,l2\n"
                              "E1,Contoso,yes,enabled,in_progress,2027-01-31,In Progress,Migration\n"
                              "E2,Fabrikam,yes,enabled,in_progress,2027-01-31,In Progress,Adoption\n"
                              "E3,Litware,,,,,,\n");
    Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    CHECK(only_allow_missing_note(r.err));
    Table t = table(r.out);
    CHECK(t.header ==
          with_added({"entitlement_id", "customer", "intent", "deployment", "migration", "target_date", "l1", "l2"},
                     {"changed"}));
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0] == std::vector<std::string>{"E1", "Contoso", "yes", "enabled", "in_progress", "2027-01-31",
                                                "In Progress", "Migration", "in_progress", "migration", "", "migrating",
                                                "", "false"});
    CHECK(t.at(1, "suggested_l2") == "migration");
    CHECK(t.at(1, "changed") == "true");  // the current L2 (Adoption) differs
    CHECK(t.at(2, "suggested_l1") == "status_unknown");
    CHECK(t.at(2, "suggested_l2") == "new_subscription_or_workload");
    CHECK(t.at(2, "rule") == "new_entitlement");
    CHECK(t.at(2, "changed") == "true");  // no current status at all
  }

  SECTION("without l1/l2 there is no 'changed' column") {
    std::string in = dir.file("in.csv", "entitlement_id,intent,no_intent_reason\nE1,no,competitor\n");
    Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id,intent,no_intent_reason,suggested_l1,suggested_l2,suggested_target_date,rule,problems\n"
          "E1,no,competitor,no_intent,using_competitive_solution,,no_intent_competitor,\n");
  }

  SECTION("a header of only l1 (no l2) still gets 'changed'") {
    std::string in =
        dir.file("in.csv", "entitlement_id,tenant_state,l1\nE1,duplicate,Duplicate/Invalid\nE2,invalid,Blocked\n");
    Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    CHECK(r.out ==
          "entitlement_id,tenant_state,l1,suggested_l1,suggested_l2,suggested_target_date,rule,problems,changed\n"
          "E1,duplicate,Duplicate/Invalid,duplicate_invalid,,,duplicate_or_invalid_tenant,,false\n"
          "E2,invalid,Blocked,duplicate_invalid,,,duplicate_or_invalid_tenant,,true\n");
  }

  SECTION("--explain adds an explanation naming the rule and the cells it read") {
    std::string in = dir.file(
        "in.csv",
        "entitlement_id,intent,deployment,migration,target_date,contact_attempts,contact_channels,customer_responded\n"
        "E1, Yes ,enabled,in_progress,2027-01-01,,,\n"
        "E2,,,,,3,2,\n"
        "E3,,,,,,,\n");
    Run r = run_line("classify --explain " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    Table t = table(r.out);
    CHECK(t.header.back() == "explanation");
    CHECK(t.header[t.header.size() - 2] == "problems");
    CHECK(t.at(0, "explanation") ==
          "In Progress / Migration because intent is 'Yes' and deployment is 'enabled' and migration is "
          "'in_progress' (rule migrating)");
    CHECK(t.at(1, "explanation") ==
          "Status Unknown / Customer Unresponsive because contact_attempts is '3' (>= 3) and contact_channels is "
          "'2' (>= 2) and customer_responded is empty (rule unresponsive)");
    // An empty row passed no test on a cell it fills: the catch-all names no near miss.
    CHECK(t.at(2, "explanation") ==
          "Status Unknown / New Subscription or Workload: no other rule matched (rule new_entitlement, the "
          "catch-all)");
  }

  SECTION("a taxonomy with L3s adds suggested_l3") {
    Run r = run_line("classify --taxonomy " + shell_quote(example("custom-l3.yaml")) + " " +
                     shell_quote(example("custom-l3-tickets.csv")) + kAsOf + kPartial);
    CHECK(r.status == 0);
    INFO(r.err);
    Table t = table(r.out);
    std::vector<std::string> input_header = table(read_file(example("custom-l3-tickets.csv"))).header;
    std::vector<std::string> expected = input_header;
    for (const char* h :
         {"suggested_l1", "suggested_l2", "suggested_l3", "suggested_target_date", "rule", "problems", "changed"})
      expected.emplace_back(h);
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
  Run r = run_line("classify --taxonomy " + shell_quote(example("custom-l3.yaml")) + " " +
                   shell_quote(example("custom-l3-tickets.csv")) + kAsOf + kPartial);
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
  // A table reads best with one case on a line or two; clang-format would give each field its own line.
  // clang-format off
  const Case cases[] = {
      {.note = "duplicate tenant wins over everything", .tenant_state = "duplicate", .intent = "yes",
       .blocker = "legal", .deployment = "enabled", .rule = "duplicate_or_invalid_tenant", .l1 = "duplicate_invalid"},
      {.note = "invalid tenant", .tenant_state = "invalid", .rule = "duplicate_or_invalid_tenant",
       .l1 = "duplicate_invalid"},
      {.note = "Outlook Mobile without Exchange", .tenant_state = "active", .workload = "Outlook Mobile",
       .has_exchange = "false", .intent = "yes", .deployment = "enabled", .rule = "outlook_mobile_without_exchange",
       .l1 = "duplicate_invalid"},
      {.note = "Outlook Mobile with Exchange is an ordinary entitlement", .workload = "Outlook Mobile",
       .has_exchange = "true", .intent = "yes", .deployment = "enabled", .rule = "adopting", .l1 = "in_progress",
       .l2 = "solution_or_user_adoption"},
      {.note = "Outlook Mobile, has_exchange empty: not 'false'", .workload = "Outlook Mobile",
       .rule = "new_entitlement", .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "legal blocker with intent no", .intent = "no", .reason = "competitor", .blocker = "legal",
       .rule = "legal_block", .l1 = "blocked", .l2 = "legal_regulatory"},
      {.note = "legal blocker with intent yes", .intent = "yes", .blocker = "legal", .deployment = "enabled",
       .rule = "legal_block", .l1 = "blocked", .l2 = "legal_regulatory"},
      {.note = "no intent, competitor", .intent = "no", .reason = "competitor", .rule = "no_intent_competitor",
       .l1 = "no_intent", .l2 = "using_competitive_solution"},
      {.note = "no intent, on premises", .intent = "no", .reason = "on_premises", .rule = "no_intent_on_premises",
       .l1 = "no_intent", .l2 = "using_microsoft_on_premises_solution"},
      {.note = "no intent, executive", .intent = "no", .reason = "executive", .rule = "no_intent_other",
       .l1 = "no_intent", .l2 = "executive_sponsorship"},
      {.note = "no intent beats a non-legal blocker", .intent = "no", .blocker = "billing", .rule = "no_intent_other",
       .l1 = "no_intent", .l2 = "executive_sponsorship"},
      {.note = "blocked: infrastructure", .intent = "yes", .blocker = "infrastructure", .deployment = "onboarding",
       .rule = "blocked_infrastructure", .l1 = "blocked", .l2 = "customer_it_infrastructure_remediation"},
      {.note = "blocked: it_change", .intent = "yes", .blocker = "it_change", .rule = "blocked_it_change",
       .l1 = "blocked", .l2 = "it_change_management_resourcing"},
      {.note = "blocked: security", .intent = "yes", .blocker = "security", .rule = "blocked_security", .l1 = "blocked",
       .l2 = "security_privacy_non_product_feature"},
      {.note = "blocked: adoption", .intent = "yes", .blocker = "adoption", .deployment = "enabled",
       .rule = "blocked_adoption", .l1 = "blocked", .l2 = "adoption_readiness"},
      {.note = "blocked: product", .intent = "yes", .blocker = "product", .rule = "blocked_product", .l1 = "blocked",
       .l2 = "product_feature_capability"},
      {.note = "blocked: reliability beats migrating", .intent = "yes", .blocker = "reliability",
       .deployment = "enabled", .migration = "in_progress", .rule = "blocked_reliability", .l1 = "blocked",
       .l2 = "service_reliability"},
      {.note = "blocked: app_compat", .intent = "yes", .blocker = "app_compat", .rule = "blocked_app_compat",
       .l1 = "blocked", .l2 = "app_compatibility"},
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
      {.note = "onboarding beats migration in progress", .intent = "yes", .deployment = "onboarding",
       .migration = "in_progress", .rule = "onboarding", .l1 = "in_progress", .l2 = "technical_onboarding_deployment"},
      {.note = "enabled and migrating", .intent = "yes", .deployment = "enabled", .migration = "in_progress",
       .rule = "migrating", .l1 = "in_progress", .l2 = "migration"},
      {.note = "enabled, migration done", .intent = "yes", .deployment = "enabled", .migration = "done",
       .rule = "adopting", .l1 = "in_progress", .l2 = "solution_or_user_adoption"},
      {.note = "enabled, no migration", .intent = "yes", .deployment = "enabled", .rule = "adopting",
       .l1 = "in_progress", .l2 = "solution_or_user_adoption"},
      {.note = "3 attempts, 2 channels, responded empty", .attempts = "3", .channels = "2", .rule = "unresponsive",
       .l1 = "status_unknown", .l2 = "customer_unresponsive"},
      {.note = "3 attempts, 2 channels, responded false", .attempts = "3", .channels = "2", .responded = "false",
       .rule = "unresponsive", .l1 = "status_unknown", .l2 = "customer_unresponsive"},
      {.note = "intent unknown, 5 attempts, 3 channels", .attempts = "5", .channels = "3", .intent = "unknown",
       .rule = "unresponsive", .l1 = "status_unknown", .l2 = "customer_unresponsive"},
      {.note = "3 attempts, 2 channels, responded true", .attempts = "3", .channels = "2", .responded = "true",
       .rule = "new_entitlement", .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "3 attempts, 1 channel", .attempts = "3", .channels = "1", .rule = "new_entitlement",
       .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "2 attempts, 2 channels", .attempts = "2", .channels = "2", .rule = "new_entitlement",
       .l1 = "status_unknown", .l2 = "new_subscription_or_workload"},
      {.note = "nothing known", .rule = "new_entitlement", .l1 = "status_unknown",
       .l2 = "new_subscription_or_workload"},
  };
  // clang-format on
  std::string csv =
      "entitlement_id,tenant_state,workload,has_exchange,contact_attempts,contact_channels,customer_responded,intent,"
      "no_intent_reason,blocker,deployment,migration,target_date\n";
  int n = 0;
  for (const Case& c : cases) {
    // Every row has a valid target date, so In Progress rows have no problem.
    csv += "R" + std::to_string(++n);
    for (const char* cell : {c.tenant_state, c.workload, c.has_exchange, c.attempts, c.channels, c.responded, c.intent,
                             c.reason, c.blocker, c.deployment, c.migration, "2027-01-01"})
      csv += std::string(",") + cell;
    csv += '\n';
  }
  TempDir dir;
  Run r = run_line("classify " + shell_quote(dir.file("rules.csv", csv)) + kAsOf + kPartial);
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

// ------------------------------------------------------ labels, jsonl, cells

TEST_CASE("classify --labels and --format jsonl", "[classify]") {
  TempDir dir;
  std::string in = dir.file("in.csv",
                            "entitlement_id,intent,blocker,deployment,target_date,l1,l2\n"
                            "E1,yes,,onboarding,2027-02-01,En progreso,Incorporación técnica\n"
                            "E2,yes,billing,,,Blocked,Partner\n"
                            "E3,,,,,Duplicate,\n");

  SECTION("--labels en and es put names in the suggested columns; rule stays an id") {
    Table en = table(run_line("classify --labels en " + shell_quote(in) + kAsOf + kPartial).out);
    CHECK(en.at(0, "suggested_l1") == "In Progress");
    CHECK(en.at(0, "suggested_l2") == "Technical Onboarding/Deployment");
    CHECK(en.at(0, "rule") == "onboarding");
    CHECK(en.at(1, "suggested_l1") == "Blocked");
    CHECK(en.at(1, "suggested_l2") == "Billing/Licensing/Subscription");
    Table es = table(run_line("classify --labels es " + shell_quote(in) + kAsOf + kPartial).out);
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
    Run r = run_line("classify --format jsonl --explain " + shell_quote(in) + kAsOf + kPartial);
    CHECK(r.status == 0);
    std::vector<std::string> lines = split_lines(r.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] ==
          "{\"line\":2,\"entitlement_id\":\"E1\",\"intent\":\"yes\",\"blocker\":\"\",\"deployment\":\"onboarding\","
          "\"target_date\":\"2027-02-01\",\"l1\":\"En progreso\",\"l2\":\"Incorporación técnica\","
          "\"suggested_l1\":\"in_progress\",\"suggested_l2\":\"technical_onboarding_deployment\",\"suggested_target_"
          "date\":null,\"rule\":\"onboarding\","
          "\"problems\":[],\"changed\":false,"
          "\"explanation\":\"In Progress / Technical Onboarding/Deployment because intent is 'yes' and deployment "
          "is 'onboarding' (rule onboarding)\"}");
    CHECK(lines[1] ==
          "{\"line\":3,\"entitlement_id\":\"E2\",\"intent\":\"yes\",\"blocker\":\"billing\",\"deployment\":\"\","
          "\"target_date\":\"\",\"l1\":\"Blocked\",\"l2\":\"Partner\",\"suggested_l1\":\"blocked\","
          "\"suggested_l2\":\"billing_licensing_subscription\",\"suggested_target_date\":null,\"rule\":\"blocked_"
          "billing\",\"problems\":[],"
          "\"changed\":true,"
          "\"explanation\":\"Blocked / Billing/Licensing/Subscription because intent is 'yes' and blocker is "
          "'billing' (rule blocked_billing)\"}");
    CHECK(contains(lines[2], "\"suggested_l1\":\"status_unknown\""));
    CHECK(contains(lines[2], "\"changed\":true"));
  }

  SECTION("jsonl: problems are an array, a leaf L1 has suggested_l2 null, extra cells are kept") {
    std::string bad = dir.file("bad.csv",
                               "entitlement_id,tenant_state,contact_attempts\n"
                               "B1,duplicate,three\n"
                               "B2,active,1,stray\n");
    Run r = run_line("classify --format jsonl --labels en " + shell_quote(bad) + kAsOf + kPartial);
    CHECK(r.status == 1);
    CHECK(
        r.out ==
        "{\"line\":2,\"entitlement_id\":\"B1\",\"tenant_state\":\"duplicate\",\"contact_attempts\":\"three\","
        "\"suggested_l1\":\"Duplicate/"
        "Invalid\",\"suggested_l2\":null,\"suggested_target_date\":null,\"rule\":\"duplicate_or_invalid_tenant\","
        "\"problems\":[\"invalid_value:contact_attempts:2\"]}\n"
        "{\"line\":3,\"entitlement_id\":\"B2\",\"tenant_state\":\"active\",\"contact_attempts\":\"1\","
        "\"extra_fields\":[\"stray\"],\"suggested_l1\":\"Status Unknown\","
        "\"suggested_l2\":\"New Subscription or Workload\",\"suggested_target_date\":null,\"rule\":\"new_entitlement\","
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
  Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
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
                               "entitlement_id,tenant_state,intent,no_intent_reason,blocker,deployment,migration,"
                               "target_date,workload,has_exchange\n"
                               "E1, DUPLICATE ,,,,,,,,\n"
                               "E2,,No,On_Premises,,,,,,\n"
                               "E3,, YES ,, Partner ,,,,,\n"
                               "E4,,Yes,,,Enabled , In_Progress,2027-03-01,,\n"
                               "E5,,,,,,,, outlook MOBILE ,False\n");
  Run e = run_line("classify " + shell_quote(enums) + kAsOf + kPartial);
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

TEST_CASE("classify --format jsonl keeps every input cell under a unique key", "[classify]") {
  TempDir dir;
  std::string in = dir.file("k.csv", "entitlement_id,line,rule,,notes,notes\nK1,7,r,blank,a,b\n");
  Run r = run_line("classify --format jsonl " + shell_quote(in) + kAsOf + kPartial);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "{\"line\":2,\"entitlement_id\":\"K1\",\"line_2\":\"7\",\"rule_3\":\"r\",\"column\":\"blank\",\"notes\":\"a\","
        "\"notes_6\":\"b\",\"suggested_l1\":\"status_unknown\",\"suggested_l2\":\"new_subscription_or_workload\","
        "\"suggested_target_date\":null,\"rule\":\"new_entitlement\",\"problems\":[]}\n");
}
