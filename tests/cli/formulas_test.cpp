// CSV injection (OWASP, issue 11 item 12): output meant for a spreadsheet, and
// every --errors file, write a text cell that would run as a formula after an
// apostrophe; plain numbers, JSONL and plain CSV are left alone; --formulas
// overrides; classifying an output again changes nothing.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "test_support.h"

using namespace test_support;

namespace {

const std::string kBom = "\xEF\xBB\xBF";
const std::string kHyperlink = "=HYPERLINK(\"http://x\",\"y\")";

// Rows with formula-looking text and negative numbers in a column no rule reads.
std::string risky_rows(char d, const std::string& eol) {
  const std::string q = "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";  // the cell, quoted
  std::string out;
  out += "entitlement_id" + std::string(1, d) + "notes" + std::string(1, d) + "amount" + eol;
  out += "FT-1" + std::string(1, d) + q + std::string(1, d) + "-5" + eol;
  out += "FT-2" + std::string(1, d) + "@SUM(A1)" + std::string(1, d) + "+3.2" + eol;
  out += "FT-3" + std::string(1, d) + "-2+3" + std::string(1, d) + "-1.5e3" + eol;
  out += "FT-4" + std::string(1, d) + "plain" + std::string(1, d) + (d == ';' ? "-3,5" : "\"-3,5\"") + eol;
  return out;
}

std::string classify_to(const TempDir& dir, const std::string& in, const std::string& out,
                        const std::string& extra = "") {
  Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial + " -o " + shell_quote(dir.path(out)) + extra);
  INFO(r.err);
  REQUIRE(r.status <= 1);
  return read_file(dir.path(out));
}

}  // namespace

TEST_CASE("Excel-dialect CSV output neutralises formula cells, never numbers", "[formulas][classify]") {
  TempDir dir;
  SECTION("an input with a BOM") {
    std::string in = dir.file("bom.csv", kBom + risky_rows(',', "\n"));
    Table t = table(classify_to(dir, in, "out.csv"));
    REQUIRE(t.rows.size() == 4);
    CHECK(t.at(0, "notes") == "'" + kHyperlink);
    CHECK(t.at(1, "notes") == "'@SUM(A1)");
    CHECK(t.at(2, "notes") == "'-2+3");
    CHECK(t.at(3, "notes") == "plain");
    CHECK(t.at(0, "amount") == "-5");
    CHECK(t.at(1, "amount") == "+3.2");
    CHECK(t.at(2, "amount") == "-1.5e3");
    CHECK(t.at(3, "amount") == "-3,5");
  }
  SECTION("a ';' file with CRLF line ends (Excel's CSV where the decimal separator is a comma), no BOM") {
    std::string in = dir.file("excel.csv", risky_rows(';', "\r\n"));
    std::string out = classify_to(dir, in, "out.csv");
    CHECK(out.substr(0, 3) != kBom);
    CHECK(contains(out, "FT-1;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";-5;"));
    CHECK(contains(out, "FT-3;'-2+3;-1.5e3;"));
    CHECK(contains(out, "FT-4;plain;-3,5;"));
  }
  SECTION("--bom makes any output Excel's") {
    std::string in = dir.file("plain.csv", risky_rows(',', "\n"));
    std::string out = classify_to(dir, in, "out.csv", " --bom");
    CHECK(contains(out, "FT-2,'@SUM(A1),+3.2,"));
  }
  SECTION("the header's cells too") {
    std::string in = dir.file("bom.csv", kBom + "entitlement_id,=notes\nFT-1,x\n");
    CHECK(contains(classify_to(dir, in, "out.csv"), "entitlement_id,'=notes,"));
  }
}

TEST_CASE("plain CSV and JSONL output keep every cell as it came", "[formulas][classify]") {
  TempDir dir;
  std::string rows = risky_rows(',', "\n");
  std::string in = dir.file("plain.csv", rows);
  std::string out = classify_to(dir, in, "out.csv");
  CHECK_FALSE(contains(out, "'"));
  // Byte for byte: the input's lines are the start of the output's.
  CHECK(contains(out, "FT-1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5,"));
  Run jsonl =
      run_line("classify " + shell_quote(dir.file("bom.csv", kBom + rows)) + kAsOf + kPartial + " --format jsonl");
  CHECK(contains(jsonl.out, "\"notes\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\""));
  CHECK_FALSE(contains(jsonl.out, "'"));
}

TEST_CASE("the --formulas flag, keep or neutralize, overrides the dialect", "[formulas][classify]") {
  TempDir dir;
  std::string bom = dir.file("bom.csv", kBom + risky_rows(',', "\n"));
  std::string plain = dir.file("plain.csv", risky_rows(',', "\n"));
  CHECK_FALSE(contains(classify_to(dir, bom, "keep.csv", " --formulas keep"), "'"));
  std::string neutralised = classify_to(dir, plain, "neutral.csv", " --formulas neutralize");
  CHECK(contains(neutralised, "FT-3,'-2+3,-1.5e3,"));
  Run bad = run_line("classify " + shell_quote(plain) + kAsOf + kPartial + " --formulas sometimes");
  CHECK(bad.status == 2);
}

TEST_CASE("the --errors table always neutralises its raw records and messages", "[formulas][classify]") {
  TempDir dir;
  // A plain comma/LF file: the output keeps its cells, the reject table does not.
  std::string in = dir.file("plain.csv",
                            "entitlement_id,intent,notes\n"
                            "=HYPERLINK(\"http://x\",\"y\"),maybe,a\n"
                            "@cmd,yes,b,extra\n"
                            "-1,no,c\n");
  Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial + " -o " + shell_quote(dir.path("out.csv")) +
                   " --errors " + shell_quote(dir.path("errors.csv")));
  INFO(r.err);
  REQUIRE(r.status == 1);
  CHECK_FALSE(contains(read_file(dir.path("out.csv")), "'"));
  Table errors = table(read_file(dir.path("errors.csv")));
  REQUIRE(errors.rows.size() >= 2);
  bool hyperlink = false, cmd = false;
  for (std::size_t i = 0; i < errors.rows.size(); ++i) {
    const std::string raw = errors.at(i, "raw");
    INFO(raw);
    CHECK(raw.front() != '=');
    CHECK(raw.front() != '@');
    hyperlink = hyperlink || raw == "'=HYPERLINK(\"http://x\",\"y\"),maybe,a";
    cmd = cmd || raw == "'@cmd,yes,b,extra";
  }
  CHECK(hyperlink);
  CHECK(cmd);
  // --formulas keep is the one way to get them back as they were.
  r = run_line("classify " + shell_quote(in) + kAsOf + kPartial + " -o /dev/null --formulas keep --errors " +
               shell_quote(dir.path("kept.csv")));
  CHECK(contains(read_file(dir.path("kept.csv")), "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\"),maybe,a\""));
}

TEST_CASE("classifying a neutralised output again gives the same bytes and statuses", "[formulas][classify]") {
  TempDir dir;
  // A rule on a string that starts with '-': it must still fire once the cell is '-hold.
  std::string taxonomy = dir.file("t.yaml",
                                  "taxonomy:\n  id: t\n  name: T\nstatuses:\n  - id: held\n    name: Held\n"
                                  "  - id: open\n    name: Open\ncolumns:\n  - id: entitlement_id\n"
                                  "    type: string\n    required: true\n  - id: code\n    type: string\n"
                                  "rules:\n  - id: hold\n    when:\n      code: \"-hold\"\n    then: held\n"
                                  "  - id: rest\n    then: open\n");
  std::string in = dir.file("in.csv", kBom + "entitlement_id,code,note\r\nA,-hold,=1+1\r\nB,x,-\r\n=C,-hold,-4\r\n");
  std::string args = " --taxonomy " + shell_quote(taxonomy) + kAsOf + " -o ";
  Run first = run_line("classify " + shell_quote(in) + args + shell_quote(dir.path("once.csv")));
  REQUIRE(first.status == 0);
  std::string once = read_file(dir.path("once.csv"));
  CHECK(contains(once, "\r\nA,'-hold,'=1+1,held,,hold,\r\n"));
  CHECK(contains(once, "\r\nB,x,'-,open,,rest,\r\n"));
  CHECK(contains(once, "\r\n'=C,'-hold,-4,held,,hold,\r\n"));
  Run second = run_line("classify " + shell_quote(dir.path("once.csv")) + args + shell_quote(dir.path("twice.csv")));
  REQUIRE(second.status == 0);
  CHECK(read_file(dir.path("twice.csv")) == once);
}

TEST_CASE("a workbook's CSV output is neutralised, and the workbook writer writes text as text", "[formulas][xlsx]") {
  TempDir dir;
  std::string in = dir.file("plain.csv", risky_rows(',', "\n"));
  // The workbook holds the formula-looking cells as text (tests/xlsx/writer_check.py opens it: no formula cell).
  std::string book = dir.path("book.xlsx");
  Run r = run_line("classify " + shell_quote(in) + kAsOf + kPartial + " -o " + shell_quote(book));
  INFO(r.err);
  REQUIRE(r.status <= 1);
  // Read back, the same cells come out of a workbook as text, and its CSV is for a spreadsheet.
  Run back = run_line("classify " + shell_quote(book) + kAsOf + kPartial);
  REQUIRE(back.status <= 1);
  Table t = table(back.out);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.at(0, "notes") == "'" + kHyperlink);
  CHECK(t.at(2, "notes") == "'-2+3");
  CHECK(t.at(0, "amount") == "-5");
  Run kept = run_line("classify " + shell_quote(book) + kAsOf + kPartial + " --formulas keep");
  CHECK(table(kept.out).at(0, "notes") == kHyperlink);
}

TEST_CASE("validate's CSV report neutralises input ids in Excel's dialect", "[formulas][validate]") {
  TempDir dir;
  std::string in = dir.file("bom.csv", kBom + "entitlement_id,l1,l2\n=HYPERLINK(\"http://x\"),Nope,\n");
  Run r = run_line("validate " + shell_quote(in) + kAsOf + " --format csv");
  REQUIRE(r.status == 1);
  CHECK(contains(r.out, "\n2,\"'=HYPERLINK(\"\"http://x\"\")\",unknown_l1,"));
  Run kept = run_line("validate " + shell_quote(in) + kAsOf + " --format csv --formulas keep");
  CHECK(contains(kept.out, "\n2,\"=HYPERLINK(\"\"http://x\"\")\",unknown_l1,"));
}
