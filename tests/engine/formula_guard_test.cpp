// CSV injection (OWASP): which cells a spreadsheet would run as formulas, which
// are plain numbers, and how a neutralised cell reads back.
#include <string>

#include <catch2/catch.hpp>

#include "engine/formula_guard.h"

using namespace ftstatus;

TEST_CASE("cells starting with = + - @ tab or CR need the apostrophe", "[formulas]") {
  for (const char* cell : {"=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+SUM(A1:A2)", "-2+3", "@A1", "\tx", "\rx",
                           "=cmd|' /C calc'!A0", "-", "+", "--5", "-e5", "-5e", "- 5", "-1-1", "-5x", "@5", "=5"}) {
    INFO(cell);
    CHECK(needs_formula_guard(cell));
  }
}

TEST_CASE("plain numbers and other text are left alone", "[formulas]") {
  for (const char* cell : {"-5",
                           "+3.2",
                           "-1.5e3",
                           "-1.5E+03",
                           "-3,5",
                           "-1.200",
                           "-1.200,50",
                           "-1,250",
                           "-.5",
                           "+0",
                           "-5%",
                           "-2 000",
                           "-2\xC2\xA0"
                           "000",
                           "-7 ",
                           "",
                           "FT-1",
                           "x=1",
                           " =1",
                           "'=already",
                           "'-",
                           "5"}) {
    INFO(cell);
    CHECK_FALSE(needs_formula_guard(cell));
  }
}

TEST_CASE("a neutralised cell reads back as the text a spreadsheet shows", "[formulas]") {
  CHECK(has_formula_guard("'=x"));
  CHECK(has_formula_guard("'-"));
  CHECK_FALSE(has_formula_guard("'x"));
  CHECK_FALSE(has_formula_guard("'"));
  CHECK_FALSE(has_formula_guard("=x"));
  CHECK(without_formula_guard("'=x") == "=x");
  CHECK(without_formula_guard("'-hold") == "-hold");
  CHECK(without_formula_guard("'\t x") == "x");  // as trim() reads "\t x"
  CHECK(without_formula_guard("'x") == "'x");
  CHECK(without_formula_guard("=x") == "=x");
  // The apostrophe is never doubled: a guarded cell does not need another one.
  CHECK_FALSE(needs_formula_guard(std::string("'") + "=x"));
}
