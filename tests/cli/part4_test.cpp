// Part 4 behaviours of the CLI that a user relies on when classifying real partner
// exports: --apply, --date-format auto stopping on a contradiction, the output
// dialect overrides, `ftstatus columns`, refused --allow-missing/--map values,
// messages in Spanish, and classifying an output again.
#include <catch2/catch.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "test_support.h"

using namespace test_support;

namespace {

const std::string kBom = "\xEF\xBB\xBF";
// Spanish from the environment alone, the way a user in Spain runs it.
const std::string kSpanishEnv = "-u LC_ALL -u LC_MESSAGES LANG=es_ES.UTF-8";
const std::string kEnglishEnv = "LC_ALL=C LANG=C";

bool starts_with_bom(std::string_view text) { return text.substr(0, 3) == kBom; }

std::size_t count_of(std::string_view text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// Every line ends with CRLF (and there is at least one line).
bool all_crlf(std::string_view text) {
  std::size_t lines = count_of(text, "\n");
  return lines > 0 && count_of(text, "\r\n") == lines;
}

bool no_cr(std::string_view text) { return text.find('\r') == std::string_view::npos; }

// A file with every column a built-in rule reads, so no --allow-missing is needed;
// `Customer Intent` is a header ftstatus has to guess.
const std::string kFullHeader =
    "Entitlement ID,Workload,Tenant State,Has Exchange,Contact Attempts,Contact Channels,Customer Responded,"
    "Customer Intent,No Intent Reason,Blocker,Deployment,Migration";
const std::string kFullRows =
    "C1,Exchange Online,active,true,1,1,true,yes,,,enabled,in_progress\n"
    "C2,Microsoft Teams,active,true,0,0,false,yes,,legal,onboarding,none\n";

}  // namespace

// ------------------------------------------------------------------ --apply

TEST_CASE("classify --apply fills empty l1 and l2 cells with the suggestion", "[part4][classify]") {
  TempDir dir;
  // Every row's suggestion is in_progress/technical_onboarding_deployment except A6 (no intent).
  std::string in = dir.file("apply.csv",
                            "entitlement_id,intent,deployment,target_date,l1,l2\n"
                            "A1,yes,onboarding,2027-01-15,,\n"
                            "A2,yes,onboarding,2027-01-15,Blocked,\n"
                            "A3,yes,onboarding,2027-01-15,En progreso,\n"
                            "A4,yes,onboarding,2027-01-15,in_progress,migration\n"
                            "A5,yes,onboarding,2027-01-15,in_progress,technical_onboarding_deployment\n"
                            "A6,no,,,,\n");

  SECTION("without --apply the input cells are never changed") {
    Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial);
    REQUIRE(r.status == 0);
    Table t = table(r.out);
    CHECK(t.at(t.row_of("A1"), "l1") == "");
    CHECK(t.at(t.row_of("A2"), "l1") == "Blocked");
    CHECK(t.at(t.row_of("A2"), "l2") == "");
  }

  SECTION("--apply fills empty cells only, and never an L2 under a different L1") {
    Run r = run_line("classify " + shell_quote(in) + " --apply" + kAsOf + kPartial);
    INFO(r.err);
    REQUIRE(r.status == 0);
    Table t = table(r.out);
    std::size_t a1 = t.row_of("A1");
    CHECK(t.at(a1, "l1") == "in_progress");
    CHECK(t.at(a1, "l2") == "technical_onboarding_deployment");
    // l1 says Blocked and the suggestion is In Progress: an In Progress L2 under
    // Blocked would be a status that does not exist, so l2 stays empty.
    std::size_t a2 = t.row_of("A2");
    CHECK(t.at(a2, "l1") == "Blocked");
    CHECK(t.at(a2, "l2") == "");
    // l1 is the suggested L1 under another name: its empty L2 is filled, l1 kept as written.
    std::size_t a3 = t.row_of("A3");
    CHECK(t.at(a3, "l1") == "En progreso");
    CHECK(t.at(a3, "l2") == "technical_onboarding_deployment");
    // A set cell is never overwritten by plain --apply.
    std::size_t a4 = t.row_of("A4");
    CHECK(t.at(a4, "l1") == "in_progress");
    CHECK(t.at(a4, "l2") == "migration");
    std::size_t a6 = t.row_of("A6");
    CHECK(t.at(a6, "l1") == "no_intent");
    CHECK(t.at(a6, "l2") == "executive_sponsorship");
    // `changed` compares the suggestion with what the input had, not with the filled cells.
    CHECK(t.at(a1, "changed") == "true");
    CHECK(t.at(a2, "changed") == "true");
    CHECK(t.at(a3, "changed") == "true");
    CHECK(t.at(a4, "changed") == "true");
    CHECK(t.at(t.row_of("A5"), "changed") == "false");
    CHECK(t.at(a6, "changed") == "true");
  }

  SECTION("--apply=all overwrites every l1 and l2, and changed still compares with the input") {
    Run r = run_line("classify " + shell_quote(in) + " --apply=all" + kAsOf + kPartial);
    REQUIRE(r.status == 0);
    Table t = table(r.out);
    for (const char* id : {"A1", "A2", "A3", "A4", "A5"}) {
      INFO(id);
      std::size_t row = t.row_of(id);
      CHECK(t.at(row, "l1") == "in_progress");
      CHECK(t.at(row, "l2") == "technical_onboarding_deployment");
    }
    CHECK(t.at(t.row_of("A2"), "changed") == "true");
    CHECK(t.at(t.row_of("A4"), "changed") == "true");
    CHECK(t.at(t.row_of("A5"), "changed") == "false");
  }

  SECTION("--apply=all --labels en writes names") {
    Run r = run_line("classify " + shell_quote(in) + " --apply=all --labels en" + kAsOf + kPartial);
    REQUIRE(r.status == 0);
    Table t = table(r.out);
    CHECK(t.at(t.row_of("A2"), "l1") == "In Progress");
    CHECK(t.at(t.row_of("A2"), "l2") == "Technical Onboarding/Deployment");
    CHECK(t.at(t.row_of("A6"), "l1") == "No Intent");
  }

  SECTION("--apply before the FILE argument leaves the file name as the input") {
    // stdin is /dev/null: if --apply swallowed the file name, the run would read no header.
    Run before = run_line("classify --apply " + shell_quote(in) + kAsOf + kPartial);
    Run after = run_line("classify " + shell_quote(in) + " --apply" + kAsOf + kPartial);
    INFO(before.err);
    CHECK(before.status == 0);
    CHECK(before.out == after.out);
    Run all_before = run_line("classify --apply=all " + shell_quote(in) + kAsOf + kPartial);
    CHECK(all_before.status == 0);
    CHECK(table(all_before.out).at(1, "l1") == "in_progress");
  }
}

// ------------------------------------------------------- --date-format auto

TEST_CASE("classify stops when a later date contradicts the day/month order it guessed", "[part4][classify]") {
  TempDir dir;
  // 10,000 rows that fit both orders (the sample), then one that is only d/m/y on line 10002.
  std::string csv = "entitlement_id,target_date\n";
  for (int i = 1; i <= 10000; ++i) csv += "FT-" + std::to_string(i) + ",3/4/2026\n";
  csv += "FT-X,25/12/2026\n";
  std::string in = dir.file("contra.csv", csv);
  const std::string old_output = "the previous run's output\n";
  std::string out = dir.file("out.csv", old_output);

  // LC_ALL=C: the locale's order, m/d/y, is the guess.
  Run r = run_line("classify " + shell_quote(in) + " -o " + shell_quote(out) + kAsOf + kPartial);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "contra.csv:10002: column target_date: \"25/12/2026\" can only be read as dmy"));
  CHECK(contains(r.err, "--date-format dmy"));
  // -o OUT is left as it was, and no temporary file is left beside it.
  CHECK(read_file(out) == old_output);
  CHECK(dir.names() == std::set<std::string>{"contra.csv", "out.csv"});

  // The same stop in Spanish (the locale is still C, so the guess is still m/d/y).
  Run es = run_line("classify --lang es " + shell_quote(in) + " -o " + shell_quote(out) + kAsOf + kPartial);
  CHECK(es.status == 2);
  CHECK(contains(es.err, "\"25/12/2026\" solo puede leerse como dmy"));
  CHECK(read_file(out) == old_output);

  // A Spanish locale guesses d/m/y, which the last value confirms: every row is written.
  std::string es_out = dir.path("es-out.csv");
  Run locale_es = run_env(kSpanishEnv, {"classify", in, "-o", es_out, "--as-of", kAsOfDate, "--allow-missing", "all"});
  CHECK(locale_es.status == 0);
  CHECK(table(read_file(es_out)).rows.size() == 10001);
}

TEST_CASE("classify reads a date column d/m/y with no note when one of its values decides", "[part4][classify]") {
  TempDir dir;
  // 1/12/2026 is 1 December (ahead of the as-of date) as d/m/y, January 12 (past) as m/d/y.
  const std::string header = "entitlement_id,intent,deployment,target_date\n";
  std::string decided = dir.file("decided.csv", header +
                                                    "D1,yes,onboarding,1/12/2026\n"
                                                    "D2,yes,onboarding,13/01/2027\n"
                                                    "D3,yes,onboarding,3/4/2027\n");
  Run r = run_line("classify " + shell_quote(decided) + kAsOf + kPartial);  // LC_ALL=C would guess m/d/y
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(only_allow_missing_note(r.err));
  Table t = table(r.out);
  for (std::size_t row = 0; row < t.rows.size(); ++row) CHECK(t.at(row, "problems") == "");

  // Without the deciding value the locale decides, and a note says so.
  std::string guessed = dir.file("guessed.csv", header +
                                                    "D1,yes,onboarding,1/12/2026\n"
                                                    "D3,yes,onboarding,3/4/2027\n");
  Run g = run_line("classify " + shell_quote(guessed) + kAsOf + kPartial);
  CHECK(g.status == 1);
  CHECK(contains(g.err, "column target_date: 2 dates such as 1/12/2026 fit both day/month orders; read as mdy"));
  CHECK(table(g.out).at(0, "problems") == "target_date_past:target_date:2");
}

// ------------------------------------------------------------ output dialect

TEST_CASE("classify output dialect: --bom, --no-bom, --crlf, --lf, and --errors alike", "[part4][classify]") {
  TempDir dir;
  // Excel's Spanish CSV: Windows-1252, ';', CRLF; W1 has an invalid intent for --errors.
  std::string cp1252 = dir.file("w.csv",
                                "entitlement_id;customer;intent\r\n"
                                "W1;Caf\xE9 Contoso;maybe\r\n"
                                "W2;Fabrikam;no\r\n");
  std::string utf8_lf = dir.file("u.csv",
                                 "entitlement_id,customer,intent\n"
                                 "U1,Café Contoso,maybe\n"
                                 "U2,Fabrikam,no\n");
  const std::string errors = dir.path("errors.csv");
  auto classify = [&](const std::string& in, const std::string& flags) {
    Run r = run_line("classify " + shell_quote(in) + flags + " --errors " + shell_quote(errors) + kAsOf + kPartial);
    INFO(r.err);
    CHECK(r.status == 1);
    return r;
  };

  SECTION("a Windows-1252 input comes back with a BOM, ';' and CRLF, --errors too") {
    Run r = classify(cp1252, "");
    CHECK(starts_with_bom(r.out));
    CHECK(all_crlf(r.out));
    CHECK(contains(r.out, "W1;Café Contoso;maybe;"));
    std::string e = read_file(errors);
    CHECK(starts_with_bom(e));
    CHECK(all_crlf(e));
    CHECK(contains(e, "line;column;code;message;raw\r\n"));
  }

  SECTION("--no-bom on a Windows-1252 input: no BOM in the output nor in --errors") {
    Run r = classify(cp1252, " --no-bom");
    CHECK_FALSE(starts_with_bom(r.out));
    CHECK(r.out.rfind("entitlement_id;customer;intent;", 0) == 0);
    CHECK(all_crlf(r.out));
    std::string e = read_file(errors);
    CHECK_FALSE(starts_with_bom(e));
    CHECK(all_crlf(e));
  }

  SECTION("--lf on a CRLF input: LF only, in --errors too") {
    Run r = classify(cp1252, " --lf");
    CHECK(starts_with_bom(r.out));
    CHECK(no_cr(r.out));
    CHECK(contains(r.out, "W2;Fabrikam;no;"));
    std::string e = read_file(errors);
    CHECK(no_cr(e));
    CHECK(starts_with_bom(e));
  }

  SECTION("--bom on a plain UTF-8 input adds one, in --errors too") {
    Run plain = classify(utf8_lf, "");
    CHECK_FALSE(starts_with_bom(plain.out));
    CHECK_FALSE(starts_with_bom(read_file(errors)));
    Run r = classify(utf8_lf, " --bom");
    CHECK(r.out == kBom + plain.out);
    CHECK(starts_with_bom(read_file(errors)));
  }

  SECTION("--crlf on an LF input: every line ends with CRLF, in --errors too") {
    Run r = classify(utf8_lf, " --crlf");
    CHECK(all_crlf(r.out));
    CHECK(r.out.rfind("entitlement_id,customer,intent,", 0) == 0);
    CHECK(all_crlf(read_file(errors)));
  }
}

TEST_CASE("validate FILE --format csv keeps a Windows-1252 file's semicolons and CRLF and adds a BOM",
          "[part4][validate]") {
  TempDir dir;
  std::string in = dir.file("w.csv",
                            "entitlement_id;customer;l1;l2\r\n"
                            "W1;Caf\xE9 Contoso;nope;\r\n"
                            "W2;Fabrikam;No Intent;Executive Sponsorship\r\n");
  Run r = run_line("validate " + shell_quote(in) + " --format csv" + kAsOf);
  INFO(r.err);
  CHECK(r.status == 1);
  CHECK(r.out.rfind(kBom + "line;entitlement_id;code;message;fix\r\n", 0) == 0);
  CHECK(all_crlf(r.out));
  CHECK(contains(r.out, "\r\n2;W1;unknown_l1;"));
}

// ------------------------------------------------------------ ftstatus columns

TEST_CASE("ftstatus columns reports the columns and exits 2 where classify would stop", "[part4][columns]") {
  TempDir dir;
  std::string full = dir.file("full.csv", kFullHeader + "\n" + kFullRows);

  SECTION("a file with every column: exit 0, the report on stdout, a guessed header shown as guessed") {
    Run r = run_line("columns " + shell_quote(full));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.rfind("columns of " + full + " (UTF-8, delimiter ',', LF):\n", 0) == 0);
    CHECK(contains(r.out, "Customer Intent     -> intent               guessed: check it, or confirm with --map"));
    CHECK(contains(r.out, "Entitlement ID      -> entitlement_id       exact"));
    CHECK_FALSE(contains(r.out, "missing:"));
  }

  // Impediment holds the blocker column's values but its name matches nothing.
  std::string renamed = kFullHeader;
  renamed.replace(renamed.find(",Blocker,"), 9, ",Impediment,");
  std::string needs_map = dir.file("needs-map.csv", renamed + "\n" + kFullRows);

  SECTION("a column a rule reads is missing: exit 2 and the --map to type on stderr") {
    Run r = run_line("columns " + shell_quote(needs_map));
    CHECK(r.status == 2);
    CHECK(contains(r.out, "Impediment          -> -                    not matched to any column"));
    CHECK(contains(r.err, "the rules read columns this file does not have: blocker"));
    CHECK(contains(r.err, "--map 'Impediment=blocker'"));
    CHECK(contains(r.err, "--allow-missing blocker"));
  }

  SECTION("the missing-column message is classify's, location included") {
    // README: columns exits 2 "with classify's message on stderr".
    Run columns = run_line("columns " + shell_quote(needs_map));
    Run classify = run_line("classify " + shell_quote(needs_map) + kAsOf);
    CHECK(columns.status == 2);
    CHECK(classify.status == 2);
    std::string message = "ftstatus: " + needs_map + ":1:1: the rules read columns this file does not have: blocker";
    CHECK(contains(classify.err, message));
    CHECK(contains(columns.err, message));
  }

  SECTION("notes go to stderr: a Windows-1252 file, a guessed date order") {
    std::string excel = dir.file("excel.csv",
                                 "entitlement_id;customer;target_date\r\n"
                                 "W1;Caf\xE9 Contoso;1/12/2026\r\n"
                                 "W2;Fabrikam;3/4/2027\r\n");
    Run r = run_line("columns " + shell_quote(excel) + kPartial);
    CHECK(r.status == 0);
    CHECK(r.out.rfind("columns of " + excel + " (Windows-1252, delimiter ';', CRLF):\n", 0) == 0);
    CHECK(contains(r.out, "dates in target_date read as mdy (0 values only d/m/y reads, 0 only m/d/y, 2 either)"));
    CHECK(contains(r.err, "excel.csv is read as Windows-1252"));
    CHECK(contains(r.err, "column target_date: 2 dates such as 1/12/2026 fit both day/month orders; read as mdy"));
    CHECK_FALSE(contains(r.out, "ftstatus:"));
  }

  SECTION("--map and --map-file are accepted") {
    Run mapped = run_line("columns " + shell_quote(needs_map) + " --map 'Impediment=blocker'");
    INFO(mapped.err);
    CHECK(mapped.status == 0);
    CHECK(contains(mapped.out, "Impediment          -> blocker              mapped (--map)"));
    std::string map_file = dir.file("needs-map.map", "# the partner's word for it\nImpediment=blocker\n");
    Run from_file = run_line("columns " + shell_quote(needs_map) + " --map-file " + shell_quote(map_file));
    INFO(from_file.err);
    CHECK(from_file.status == 0);
    CHECK(contains(from_file.out, "Impediment          -> blocker              mapped (" + map_file + ":2)"));
  }

  SECTION("a --map naming a header the file lacks: exit 2 with the header named") {
    Run r = run_line("columns " + shell_quote(needs_map) + " --map 'Obstacle=blocker'");
    CHECK(r.status == 2);
    CHECK(contains(r.err, "--map 'Obstacle=blocker': the file has no header \"Obstacle\""));
    CHECK_FALSE(contains(r.err, "did you mean"));  // nothing like it
    CHECK(r.out.empty());                          // no column report after a map error
  }

  SECTION("a misspelt --map header or column: did you mean the nearest") {
    Run header = run_line("columns " + shell_quote(needs_map) + " --map 'Impedimnet=blocker'");
    CHECK(header.status == 2);
    CHECK(
        contains(header.err, "the file has no header \"Impedimnet\"; did you mean \"Impediment\"? Its headers are: "));
    Run column = run_line("columns " + shell_quote(needs_map) + " --map 'Impediment=blockr'");
    CHECK(column.status == 2);
    CHECK(contains(column.err, "there is no column 'blockr'; did you mean 'blocker'? The columns are: entitlement_id"));
    Run spanish = run_line("--lang es columns " + shell_quote(needs_map) + " --map 'Impediment=blockr'");
    CHECK(contains(spanish.err, "¿quiso decir 'blocker'? Las columnas son: "));
  }
}

// ---------------------------------------------- refused --allow-missing / --map

TEST_CASE("classify refuses an --allow-missing or --map it cannot honour, in English and Spanish",
          "[part4][classify]") {
  TempDir dir;
  std::string full = dir.file("full.csv", kFullHeader + "\n" + kFullRows);
  struct Refusal {
    std::vector<std::string> flags;
    std::string english;
    std::string spanish;
  };
  const std::vector<Refusal> refusals = {
      {{"--allow-missing", "entitlement_id"},
       "every row needs this column, it cannot be missing",
       "toda fila necesita esta columna, no puede faltar"},
      {{"--allow-missing", "nosuchcolumn"},
       "--allow-missing 'nosuchcolumn': there is no column 'nosuchcolumn'",
       "--allow-missing 'nosuchcolumn': no existe la columna 'nosuchcolumn'"},
      {{"--map", "Impediment"},
       "--map 'Impediment' is not HEADER=column",
       "--map 'Impediment' no es ENCABEZADO=columna"},
  };
  for (const Refusal& refusal : refusals) {
    std::vector<std::string> args = {"classify", full, "--as-of", kAsOfDate};
    args.insert(args.end(), refusal.flags.begin(), refusal.flags.end());
    INFO(refusal.flags[0] << " " << refusal.flags[1]);
    Run en = run_env(kEnglishEnv, args);
    Run es = run_env(kSpanishEnv, args);
    CHECK(en.status == 2);
    CHECK(es.status == 2);
    CHECK(en.out.empty());
    CHECK(es.out.empty());
    CHECK(contains(en.err, refusal.english));
    CHECK(contains(es.err, refusal.spanish));
    CHECK(en.err != es.err);
  }
}

// ------------------------------------------------------------ messages

TEST_CASE("an unreadable date cell's --errors message names the forms tried", "[part4][classify]") {
  TempDir dir;
  std::string in = dir.file("dates.csv",
                            "entitlement_id,added_on,intent,deployment,target_date\n"
                            "X1,someday,yes,onboarding,2027-01-15\n"
                            "X2,2026-01-01,yes,onboarding,31/02/2027\n");
  const std::string errors = dir.path("errors.csv");
  Run en = run_line("classify " + shell_quote(in) + " --errors " + shell_quote(errors) + kAsOf + kPartial);
  CHECK(en.status == 1);
  Table e = table(read_file(errors));
  REQUIRE(e.rows.size() == 2);
  CHECK(e.at(0, "code") == "invalid_value");
  CHECK(contains(e.at(0, "message"), "is not a date; tried YYYY-MM-DD"));
  CHECK(e.at(1, "code") == "target_date_invalid");
  CHECK(contains(e.at(1, "message"), "tried YYYY-MM-DD"));

  Run es = run_line("classify --lang es " + shell_quote(in) + " --errors " + shell_quote(errors) + kAsOf + kPartial);
  CHECK(es.status == 1);
  Table s = table(read_file(errors));
  REQUIRE(s.rows.size() == 2);
  CHECK(contains(s.at(0, "message"), "no es una fecha; se probó AAAA-MM-DD"));
  CHECK(contains(s.at(1, "message"), "se probó AAAA-MM-DD"));
}

TEST_CASE("a file that cannot be opened is reported with the system's text in the user's language",
          "[part4][classify]") {
  Run en = run_env(kEnglishEnv, {"classify", "/nonexistent/x.csv"});
  CHECK(en.status == 2);
  CHECK(en.err == "ftstatus: /nonexistent/x.csv: cannot open: No such file or directory\n");
  Run es = run_env(kSpanishEnv, {"classify", "/nonexistent/x.csv"});
  CHECK(es.status == 2);
  CHECK(es.err == "ftstatus: /nonexistent/x.csv: no se puede abrir: No existe el archivo o el directorio\n");
}

TEST_CASE("classify --explain speaks the run's language", "[part4][classify]") {
  TempDir dir;
  std::string in = dir.file("e.csv", "entitlement_id,intent,deployment,target_date\nE1,yes,onboarding,2027-01-15\n");
  Run en = run_line("classify --explain " + shell_quote(in) + kAsOf + kPartial);
  Run es = run_line("classify --explain --lang es " + shell_quote(in) + kAsOf + kPartial);
  REQUIRE(en.status == 0);
  REQUIRE(es.status == 0);
  std::string english = table(en.out).at(0, "explanation");
  std::string spanish = table(es.out).at(0, "explanation");
  CHECK(english ==
        "In Progress / Technical Onboarding/Deployment because intent is 'yes' and deployment is 'onboarding' (rule "
        "onboarding)");
  CHECK(spanish ==
        "En progreso / Incorporación e implementación técnica porque intent es 'yes' y deployment es 'onboarding' "
        "(regla onboarding)");
}

// ------------------------------------------------------ classifying again

TEST_CASE("classifying an output again gives the same bytes", "[part4][classify]") {
  TempDir dir;
  // Quotes a writer would not need (Q1's cells) are kept as written.
  const std::string rows =
      "entitlement_id,customer,intent,deployment,target_date,l1,l2\n"
      "\"Q1\",\"Contoso\",yes,onboarding,2027-01-15,,\n"
      "Q2,\"Fabrikam, Inc.\",no,,,\"No Intent\",\n"
      "Q3,\"Say \"\"hi\"\"\",yes,enabled,2027-02-01,in_progress,solution_or_user_adoption\n";
  std::string in = dir.file("q.csv", rows);
  const std::string first = dir.path("first.csv");
  const std::string second = dir.path("second.csv");
  auto classify = [&](const std::string& from, const std::string& to, const std::string& flags) {
    Run r = run_line("classify " + shell_quote(from) + flags + " -o " + shell_quote(to) + kAsOf + kPartial);
    INFO(r.err);
    CHECK(r.status <= 1);
    return read_file(to);
  };

  SECTION("ids, Spanish names, English names with --explain") {
    for (const char* flags : {"", " --labels es", " --labels en --explain"}) {
      INFO("flags:" << flags);
      std::string once = classify(in, first, flags);
      CHECK(once.rfind("entitlement_id,customer,intent,deployment,target_date,l1,l2,suggested_l1,", 0) == 0);
      CHECK(contains(once, "\n\"Q1\",\"Contoso\",yes,onboarding,"));
      std::string twice = classify(first, second, flags);
      CHECK(once == twice);
    }
  }

  SECTION("a short row is padded the first time, then stays the same") {
    std::string with_short = dir.file("short.csv", rows + "S1,Tailspin,no\n");
    std::string once = classify(with_short, first, "");
    CHECK(contains(once, "field_count::5"));
    std::string twice = classify(first, second, "");
    CHECK_FALSE(contains(twice, "field_count"));
    std::string third = classify(second, dir.path("third.csv"), "");
    CHECK(twice == third);
  }
}
