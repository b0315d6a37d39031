// Part 6, items 6, 10 and 13 as the user sees them: dates past 9999 never
// printed, each limit's flag, lint's exit status when a taxonomy cannot be read.
#include <catch2/catch.hpp>

#include <string>

#include "test_support.h"

using namespace test_support;

TEST_CASE("validate --as-of 9999-12-31 suggests dates ftstatus reads back", "[cli][limits]") {
  Run r = run_line("validate --l1 in_progress --l2 migration --as-of 9999-12-31");
  CHECK(r.status == 1);
  INFO(r.out);
  // It said "from 9999-12-31 to 10000-12-30".
  CHECK(contains(r.out, "set a target date from 9999-12-31 to 9999-12-31 (YYYY-MM-DD)"));
  CHECK_FALSE(contains(r.out, "10000"));
  Run ok = run_line("validate --l1 in_progress --l2 migration --as-of 9999-12-31 --target-date 9999-12-31");
  CHECK(ok.status == 0);
  Run json = run_line("validate --l1 in_progress --l2 migration --as-of 9999-12-01 --format json");
  CHECK_FALSE(contains(json.out, "10000"));
}

TEST_CASE("a CSV record is bounded by --max-record-mib and --max-fields", "[cli][limits]") {
  TempDir dir;
  const std::string header = "entitlement_id,tenant_id\n";
  const std::string file = dir.file("long.csv", header + "E1," + std::string(3 << 20, 'x') + "\nE2,t\n");
  Run stopped = run_line("classify " + shell_quote(file) + kPartial + " --max-record-mib 2");
  CHECK(stopped.status == 2);
  CHECK(contains(stopped.err, "long.csv:2:1: a record longer than 2 MiB starts here"));
  CHECK(contains(stopped.err, "raise --max-record-mib"));
  Run raised = run_line("classify " + shell_quote(file) + kPartial + " --max-record-mib 4");
  CHECK(raised.status <= 1);
  CHECK(split_lines(raised.out).size() == 3);

  const std::string wide = dir.file("wide.csv", "entitlement_id" + std::string(500, ',') + "\n");
  Run few = run_line("columns " + shell_quote(wide) + kPartial + " --max-fields 100");
  CHECK(few.status == 2);
  CHECK(contains(few.err, "wide.csv:1:1: a record with more than 100 fields starts here"));
  CHECK(contains(few.err, "--max-fields"));
  CHECK(run_line("columns " + shell_quote(wide) + kPartial + " --max-fields 1000").status == 0);
}

TEST_CASE("the taxonomy's limits are raised with the --taxonomy-max-* flags", "[cli][limits]") {
  TempDir dir;
  std::string rules = "rules:\n";
  for (int i = 0; i < 20; ++i) rules += "  - {id: r" + std::to_string(i) + ", then: a}\n";
  const std::string file =
      dir.file("t.yaml",
               "taxonomy: {id: t, name: T}\nstatuses:\n  - {id: a, name: A, leaf: true}\ncolumns:\n  - {id: "
               "entitlement_id, type: string}\n" +
                   rules);
  Run limited = run_line("lint --taxonomy " + shell_quote(file) + " --taxonomy-max-rules 10");
  CHECK(limited.status == 2);  // not checked at all: exit 2, not the findings' 1
  CHECK(contains(limited.out, "t.yaml:7:3: error: 'rules' has 20 rules, more than 10"));
  CHECK(contains(limited.out, "--taxonomy-max-rules"));
  CHECK(run_line("lint --taxonomy " + shell_quote(file) + " --taxonomy-max-rules 20").status <= 1);
  Run tree = run_line("tree --taxonomy " + shell_quote(file) + " --taxonomy-max-mib 1 --taxonomy-max-depth 2");
  CHECK(tree.status == 2);
  CHECK(contains(tree.err, "t.yaml:3:5: lists and mappings are nested more than 2 deep here"));
  Run nodes = run_line("tree --taxonomy " + shell_quote(file) + " --taxonomy-max-nodes 30");
  CHECK(nodes.status == 2);
  CHECK(contains(nodes.err, "more than 30 YAML nodes"));
  Run columns = run_line("tree --taxonomy " + shell_quote(file) + " --taxonomy-max-columns 0 --lang es");
  CHECK(columns.status == 2);
  CHECK(contains(columns.err, "'columns' tiene 1 columnas, más de 0"));
}

TEST_CASE("every command that reads a taxonomy or a CSV lists the limit flags in its help", "[cli][limits]") {
  for (const char* command : {"classify", "validate", "columns"}) {
    Run help = run_line(std::string(command) + " --help");
    INFO(command);
    CHECK(contains(help.out, "--max-record-mib"));
    CHECK(contains(help.out, "--max-fields"));
    CHECK(contains(help.out, "--taxonomy-max-mib"));
  }
  for (const char* command : {"tree", "lint"}) {
    Run help = run_line(std::string(command) + " --help");
    INFO(command);
    CHECK(contains(help.out, "--taxonomy-max-depth"));
    CHECK(contains(help.out, "--taxonomy-max-nodes"));
  }
}

TEST_CASE("lint: a taxonomy that cannot be opened is exit 2 and says why", "[cli][limits]") {
  Run r = run_line("lint --taxonomy /nonexistent/t.yaml");
  CHECK(r.status == 2);
  CHECK(contains(r.out, "/nonexistent/t.yaml: error: cannot open the taxonomy file: No such file or directory"));
}

TEST_CASE("workbook errors name the sheet and the cell", "[cli][limits][xlsx]") {
  const std::string fixtures = kSourceDir + "/tests/xlsx/fixtures/";
  // It said "the workbook's xl/worksheets/sheet1.xml is not valid XML (line 1: unclosed token)".
  Run corrupt = run_line("classify " + shell_quote(fixtures + "corrupt.xlsx") + kAsOf);
  CHECK(corrupt.status == 2);
  CHECK(contains(corrupt.err,
                 "corrupt.xlsx: sheet \"Sheet1\" (xl/worksheets/sheet1.xml) is not valid XML after cell A3"));
  // It said "the sheet has more than 30 cells".
  Run cells = run_line("classify " + shell_quote(fixtures + "typed.xlsx") + " --xlsx-max-cells 30" + kAsOf);
  CHECK(cells.status == 2);
  CHECK(contains(cells.err, "typed.xlsx: sheet \"Sheet1\" has more than 30 cells (cell K2 is past the limit)"));
  // It said "a text in xl/sharedStrings.xml is longer than 0 bytes", without the file.
  Run text = run_line("classify " + shell_quote(fixtures + "typed.xlsx") + " --xlsx-max-string-kib 0" + kAsOf);
  CHECK(text.status == 2);
  CHECK(contains(text.err, "typed.xlsx: shared string 0 "));
  CHECK(contains(text.err, "--xlsx-max-string-kib"));
}
