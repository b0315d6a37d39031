// `ftstatus diff OLD NEW`: the weekly example gives what examples/weekly/README.md
// says, in text, CSV and JSON; identical exports (and a Spanish Excel
// re-export) have no changes; --fail-on; repeated and missing ids; files that
// cannot be read.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "test_support.h"

using namespace test_support;

namespace {

const std::string kWeek1 = kSourceDir + "/examples/weekly/2026-11-16.csv";
const std::string kWeek2 = kSourceDir + "/examples/weekly/2026-11-23.csv";

Run weekly(std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"diff", kWeek1, kWeek2, "--as-of", "2026-11-23"};
  args.insert(args.end(), more.begin(), more.end());
  return run(args);
}

// The lines of `text` from the one that starts with `heading` to the next empty one.
std::vector<std::string> section(const std::string& text, const std::string& heading) {
  std::vector<std::string> out;
  bool inside = false;
  for (const std::string& line : split_lines(text)) {
    if (line.rfind(heading, 0) == 0) {
      inside = true;
    } else if (inside && line.empty()) {
      break;
    } else if (inside) {
      out.push_back(line);
    }
  }
  return out;
}

// Runs python3 on `script` with the file as its argument; its standard output.
std::string python(const std::string& script, const std::string& file) {
  TempDir dir;
  const std::string out = dir.path("out");
  const std::string command =
      "/usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(file) + " >" + shell_quote(out) + " 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  return read_file(out);
}

// Five rows of an English export, and the same five as Excel in Spain saves them.
const std::string kEnglish =
    "entitlement_id,customer,workload,target_date,l1,l2\n"
    "FT-1,Contoso Ltd,Exchange Online,2027-03-31,In Progress,Migration\n"
    "FT-2,\"Fabrikam, Inc.\",Microsoft Teams,2027-01-15,In Progress,Technical Onboarding/Deployment\n"
    "FT-3,Coho Winery,Intune,,Status Unknown,Customer Unresponsive\n"
    "FT-4,Woodgrove Bank,SharePoint Online,,Blocked,IT Change Management & Resourcing\n"
    "FT-5,Trey Research,OneDrive for Business,2027-06-30,In Progress,Solution or User Adoption\n";
const std::string kSpanishExcel =
    "ID de derecho;Cliente;Carga de trabajo;Fecha objetivo;L1 actual;L2 actual\r\n"
    "FT-1;Contoso Ltd;Exchange Online;31/03/2027;En progreso;Migraci\xF3n\r\n"
    "FT-2;Fabrikam, Inc.;Microsoft Teams;15/01/2027;En progreso;Incorporaci\xF3n e implementaci\xF3n t\xE9"
    "cnica\r\n"
    "FT-3;Coho Winery;Intune;;Estado desconocido;El cliente no responde\r\n"
    "FT-4;Woodgrove Bank;SharePoint Online;;Bloqueo;Administraci\xF3n de cambios TI y recursos\r\n"
    "FT-5;Trey Research;OneDrive for Business;30/06/2027;En progreso;Soluci\xF3n o adopci\xF3n del usuario\r\n";

}  // namespace

TEST_CASE("diff of the weekly example reports what its README lists", "[cli][diff]") {
  Run r = weekly();
  INFO(r.out << r.err);
  CHECK(r.status == 1);
  CHECK(section(r.out, "Regressions (4)") ==
        std::vector<std::string>{
            "  FT-200025  In Progress / Migration -> Status Unknown / Customer Unresponsive: back to Status Unknown",
            "  FT-200030  In Progress / Solution or User Adoption -> In Progress / Technical Onboarding/Deployment: "
            "back to an earlier phase",
            "  FT-200033  In Progress / Migration: target date 2026-11-20 had passed and was moved to 2026-12-18",
            "  FT-200035  In Progress / Migration -> Blocked / Service Reliability: left In Progress"});
  CHECK(section(r.out, "Added (2)") ==
        std::vector<std::string>{"  FT-200051  Status Unknown / New Subscription or Workload*",
                                 "  FT-200052  In Progress / Technical Onboarding/Deployment, 2027-02-15"});
  CHECK(section(r.out, "Removed (1)") == std::vector<std::string>{"  FT-200050  Blocked / Legal/Regulatory"});
  const std::vector<std::string> transitions = section(r.out, "Status changes (10)");
  CHECK(transitions.size() == 9);
  CHECK(transitions.front() ==
        "  In Progress / Technical Onboarding/Deployment -> In Progress / Migration (2): FT-200010, FT-200011");
  CHECK(contains(r.out, "  Status Unknown / Customer Unresponsive -> Duplicate/Invalid (1): FT-200044\n"));
  CHECK(contains(r.out, "  Blocked / IT Change Management & Resourcing -> In Progress / Migration (1): FT-200020\n"));
  CHECK(section(r.out, "Target dates moved earlier (1)") ==
        std::vector<std::string>{"  FT-200040  In Progress / Migration  2027-03-31 -> 2027-02-26"});
  CHECK(section(r.out, "Target dates moved later (2)").size() == 2);
  CHECK(section(r.out, "Missed target dates: passed by 2026-11-23, status unchanged (2)") ==
        std::vector<std::string>{"  FT-200033  In Progress / Migration  2026-11-20 -> 2026-12-18",
                                 "  FT-200034  In Progress / Technical Onboarding/Deployment  2026-11-20"});
  CHECK(contains(r.out,
                 "17 entitlements to look at: 4 regressions, 2 added, 1 removed, 10 status changes, "
                 "3 target dates changed, 2 missed, 0 not compared; 35 unchanged\n"));
  // Duplicate/Invalid is a correction, never a regression.
  CHECK_FALSE(contains(section(r.out, "Regressions (4)").back(), "FT-200044"));
}

TEST_CASE("diff speaks Spanish with --lang es", "[cli][diff]") {
  Run r = weekly({"--lang", "es"});
  CHECK(r.status == 1);
  CHECK(contains(r.out, "Retrocesos (4)\n"));
  CHECK(contains(r.out,
                 "  FT-200035  En progreso / Migración -> Bloqueo / Confiabilidad del servicio: salió de En "
                 "progreso\n"));
  CHECK(contains(r.out, "Añadidos (2)\n"));
  CHECK(contains(r.out, "a fecha de 2026-11-23"));
  CHECK_FALSE(contains(r.out, "Regressions"));
}

TEST_CASE("diff --format csv: one line per entitlement to look at, documented columns", "[cli][diff]") {
  TempDir dir;
  const std::string out = dir.path("changes.csv");
  Run r = weekly({"--format", "csv", "-o", out});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  const std::vector<std::vector<std::string>> rows = parse_csv(read_file(out));
  REQUIRE(rows.size() == 18);
  CHECK(rows[0] == std::vector<std::string>{"entitlement_id", "change", "old_l1", "old_l2", "old_target_date", "new_l1",
                                            "new_l2", "new_target_date", "regression", "reason", "old_status_from",
                                            "new_status_from", "old_line", "new_line"});
  for (const auto& row : rows) CHECK(row.size() == rows[0].size());
  auto find = [&](const std::string& id) {
    for (const auto& row : rows)
      if (row[0] == id) return row;
    FAIL("no row " << id);
    return std::vector<std::string>{};
  };
  CHECK(find("FT-200033") == std::vector<std::string>{"FT-200033", "date_later+missed", "in_progress", "migration",
                                                      "2026-11-20", "in_progress", "migration", "2026-12-18", "yes",
                                                      "missed_pushed", "cells", "cells", "34", "34"});
  CHECK(find("FT-200044")[1] == "status");
  CHECK(find("FT-200044")[8] == "no");
  CHECK(find("FT-200050")[1] == "removed");
  CHECK(find("FT-200051")[11] == "suggested");
  long regressions = 0;
  for (const auto& row : rows) regressions += row[8] == "yes" ? 1 : 0;
  CHECK(regressions == 4);
}

TEST_CASE("diff --format json parses and holds the counts and lists", "[cli][diff]") {
  TempDir dir;
  const std::string out = dir.file("diff.json", weekly({"--format", "json"}).out);
  const std::string summary = python(
      "import json, sys\n"
      "d = json.load(open(sys.argv[1]))\n"
      "print(sorted(d.keys()))\n"
      "print(d['counts']['regressions'], d['counts']['added'], d['counts']['removed'], d['counts']['unchanged'])\n"
      "print(d['old']['rows'], d['new']['rows'], d['as_of'])\n"
      "print(sorted(c['id'] for c in d['changes'] if c['regression']))\n"
      "print(d['transitions'][0])\n",
      out);
  CHECK(summary ==
        "['as_of', 'changes', 'counts', 'id_column', 'new', 'not_compared', 'old', 'transitions']\n"
        "4 2 1 35\n"
        "50 51 2026-11-23\n"
        "['FT-200025', 'FT-200030', 'FT-200033', 'FT-200035']\n"
        "{'from': 'in_progress/technical_onboarding_deployment', 'to': 'in_progress/migration', 'count': 2, 'ids': "
        "['FT-200010', 'FT-200011']}\n");
}

TEST_CASE("diff of an export with itself, or its Spanish Excel re-export, has no changes", "[cli][diff]") {
  Run same = run({"diff", kWeek1, kWeek1, "--as-of", "2026-11-16"});
  CHECK(same.status == 0);
  CHECK(contains(same.out, "no changes: 50 entitlements with the same statuses and target dates\n"));
  TempDir dir;
  const std::string english = dir.file("english.csv", kEnglish);
  const std::string spanish = dir.file("spanish.csv", kSpanishExcel);
  Run r = run({"diff", english, spanish, "--as-of", "2026-11-23", "--allow-missing", "all"});
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "no changes: 5 entitlements"));
  Run back = run({"diff", spanish, english, "--as-of", "2026-11-23", "--allow-missing", "all", "--format", "csv"});
  CHECK(back.status == 0);
  CHECK(parse_csv(back.out).size() == 1);  // the header only
}

TEST_CASE("diff --fail-on regressions exits 1 only for a regression", "[cli][diff]") {
  TempDir dir;
  const std::string old_csv = dir.file("old.csv", kEnglish);
  std::string progress = kEnglish;
  // FT-3 starts onboarding and FT-1's date moves earlier: changes, no regression.
  progress.replace(progress.find(",,Status Unknown,Customer Unresponsive"),
                   std::string(",,Status Unknown,Customer Unresponsive").size(), ",2027-02-12,In Progress,Onboarding");
  progress.replace(progress.find("2027-03-31"), 10, "2027-02-26");
  const std::string forward = dir.file("forward.csv", progress);
  const std::vector<std::string> partial = {"--as-of", "2026-11-23", "--allow-missing", "all"};
  auto diff = [&](const std::string& a, const std::string& b, std::vector<std::string> more) {
    std::vector<std::string> args = {"diff", a, b};
    args.insert(args.end(), partial.begin(), partial.end());
    args.insert(args.end(), more.begin(), more.end());
    return run(args);
  };
  CHECK(diff(old_csv, forward, {}).status == 1);
  CHECK(diff(old_csv, forward, {"--fail-on", "regressions"}).status == 0);
  CHECK(diff(old_csv, forward, {"--fail-on", "changes"}).status == 1);
  // Back again: In Progress to Status Unknown is one.
  CHECK(diff(forward, old_csv, {"--fail-on", "regressions"}).status == 1);
  CHECK(weekly({"--fail-on", "regressions"}).status == 1);
}

TEST_CASE("diff stops on a repeated id, naming the file and both lines", "[cli][diff]") {
  TempDir dir;
  const std::string old_csv = dir.file("old.csv", kEnglish);
  const std::string repeated =
      dir.file("repeated.csv", kEnglish + "FT-2,Fabrikam,Intune,2027-01-15,In Progress,Migration\n");
  for (const bool in_new : {false, true}) {
    Run r = run({"diff", in_new ? old_csv : repeated, in_new ? repeated : old_csv, "--as-of", "2026-11-23",
                 "--allow-missing", "all"});
    INFO(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, repeated + ":7: entitlement_id \"FT-2\" is on line 3 and again on line 7"));
    CHECK(contains(r.err, "keep one row per entitlement_id"));
  }
  Run es = run({"diff", old_csv, repeated, "--as-of", "2026-11-23", "--allow-missing", "all", "--lang", "es"});
  CHECK(contains(es.err, "está en la línea 3 y otra vez en la línea 7"));
}

TEST_CASE("diff reports rows it cannot compare instead of guessing", "[cli][diff]") {
  TempDir dir;
  const std::string old_csv = dir.file("old.csv", kEnglish);
  std::string broken = kEnglish;
  broken.replace(broken.find("In Progress,Migration"), 21, "In Progres,Migraton");
  broken.replace(broken.find("FT-4,"), 5, ",");
  const std::string new_csv = dir.file("new.csv", broken);
  Run r = run({"diff", old_csv, new_csv, "--as-of", "2026-11-23", "--allow-missing", "all"});
  INFO(r.out);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "Rows not compared (2)\n"));
  CHECK(contains(r.out, new_csv + ":2: FT-1: \"In Progres / Migraton\" is not a status of the taxonomy"));
  CHECK(contains(r.out, new_csv + ":5: the row has no entitlement_id"));
  // FT-4's row has no id: it shows as removed, not silently unchanged.
  CHECK(contains(r.out, "Removed (1)\n  FT-4  "));
  // Whether FT-1 regressed is unknown: --fail-on regressions fails.
  CHECK(run({"diff", old_csv, new_csv, "--as-of", "2026-11-23", "--allow-missing", "all", "--fail-on", "regressions"})
            .status == 1);
}

TEST_CASE("diff: a file that cannot be read, a missing id column, bad usage", "[cli][diff]") {
  TempDir dir;
  const std::string missing = dir.path("missing.csv");
  Run r = run({"diff", kWeek1, missing});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "ftstatus: " + missing + ": cannot open"));
  const std::string no_id = dir.file("no-id.csv", "workload,l1,l2\nIntune,Blocked,Legal/Regulatory\n");
  Run column = run({"diff", kWeek1, no_id, "--allow-missing", "all"});
  CHECK(column.status == 2);
  CHECK(contains(column.err, "entitlement_id"));
  CHECK(run({"diff", kWeek1}).status == 2);
  CHECK(run({"diff", "-", "-"}).status == 2);
  // A failed run leaves -o as it was.
  const std::string out = dir.file("kept.txt", "before");
  CHECK(run({"diff", kWeek1, missing, "-o", out}).status == 2);
  CHECK(read_file(out) == "before");
  // Nor is the report ever written over an export.
  const std::string export_copy = dir.file("export.csv", read_file(kWeek1));
  Run over = run({"diff", kWeek1, export_copy, "-o", export_copy});
  CHECK(over.status == 2);
  CHECK(read_file(export_copy) == read_file(kWeek1));
}

TEST_CASE("diff reads a classified .xlsx output against the CSV it came from", "[cli][diff]") {
  TempDir dir;
  const std::string workbook = dir.path("classified.xlsx");
  REQUIRE(run({"classify", kWeek1, "--as-of", "2026-11-16", "-o", workbook}).status <= 1);
  Run r = run({"diff", kWeek1, workbook, "--as-of", "2026-11-16"});
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK(contains(r.out, "no changes: 50 entitlements"));
  Run changed = run({"diff", workbook, kWeek2, "--as-of", "2026-11-23", "--format", "csv"});
  CHECK(changed.status == 1);
  CHECK(parse_csv(changed.out).size() == 18);
}

TEST_CASE("diff stops where the two files' dates would be read in different orders", "[diff][cli]") {
  TempDir dir;
  const std::string head = "entitlement_id,intent,deployment,migration,target_date,l1,l2\n";
  // OLD's 25/03/2027 proves day first; NEW's dates read either way and the C locale guesses month first.
  const std::string old_file =
      dir.file("old.csv", head +
                              "FT-1,yes,enabled,in_progress,05/03/2027,In Progress,Migration\n"
                              "FT-2,yes,enabled,in_progress,25/03/2027,In Progress,Migration\n");
  const std::string new_file =
      dir.file("new.csv", head +
                              "FT-1,yes,enabled,in_progress,05/03/2027,In Progress,Migration\n"
                              "FT-2,yes,enabled,in_progress,12/03/2027,In Progress,Migration\n");
  Run r = run_env("LC_ALL=C LANG=C", {"diff", old_file, new_file, "--as-of", "2026-11-23", "--allow-missing", "all"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "column target_date"));
  CHECK(contains(r.err, "--date-format dmy"));
  CHECK(r.out.empty());  // no "moved later" for a cell that did not change
  Run given = run_env("LC_ALL=C LANG=C", {"diff", old_file, new_file, "--as-of", "2026-11-23", "--allow-missing", "all",
                                          "--date-format", "dmy"});
  CHECK(given.status == 1);
  CHECK(contains(given.out, "FT-2  In Progress / Migration  2027-03-25 -> 2027-03-12"));
  CHECK_FALSE(contains(given.out, "FT-1  "));
}

TEST_CASE("diff stops when NEW has no rows rather than list every entitlement as removed", "[diff][cli]") {
  TempDir dir;
  const std::string old_file = example("weekly/2026-11-16.csv");
  const std::string header_only = dir.file("empty.csv", split_lines(read_file(old_file)).at(0) + "\n");
  Run r = run({"diff", old_file, header_only, "--as-of", "2026-11-23", "--fail-on", "regressions"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "has no rows"));
  CHECK(contains(r.err, "every entitlement would be listed as removed"));
}

TEST_CASE("report --previous never writes over the previous export", "[diff][report][cli]") {
  TempDir dir;
  const std::string old_copy = dir.file("old.csv", read_file(example("weekly/2026-11-16.csv")));
  Run r = run(
      {"report", example("weekly/2026-11-23.csv"), "--previous", old_copy, "--as-of", "2026-11-23", "-o", old_copy});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "-o names the previous export"));
  CHECK(read_file(old_copy) == read_file(example("weekly/2026-11-16.csv")));
}

TEST_CASE("classify --apply to a workbook stops instead of leaving the cells unfilled", "[classify][cli][xlsx]") {
  TempDir dir;
  Run r = run({"classify", example("entitlements.csv"), "--as-of", "2026-11-24", "--apply", "-o", dir.path("a.xlsx")});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "--apply is not supported with a workbook output yet"));
}
