// What every command shares: --help, --version, and a report that cannot be written.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <regex>
#include <string>

#include "ftstatus/version.h"
#include "test_support.h"

using namespace test_support;

TEST_CASE("--help and --version exit 0 on stdout", "[cli]") {
  Run help = run({"--help"});
  CHECK(help.status == 0);
  CHECK(contains(help.out, "Usage:"));
  CHECK(contains(help.out, "validate"));
  CHECK(contains(help.out, "tree"));
  CHECK(help.err.empty());

  Run sub_help = run({"validate", "--help"});
  CHECK(sub_help.status == 0);
  CHECK(contains(sub_help.out, "--l1"));
  CHECK(contains(sub_help.out, "--target-date"));

  Run version = run({"--version"});
  CHECK(version.status == 0);
  CHECK_FALSE(version.out.empty());
  CHECK(version.out.find_first_of("0123456789") != std::string::npos);
  CHECK(version.err.empty());
}

TEST_CASE("the version flag names the version, commit, build date, compiler and SIMD path", "[cli]") {
  Run version = run({"--version"});
  REQUIRE(version.status == 0);
  INFO(version.out);
  CHECK(version.out.rfind(std::string("ftstatus ") + ftstatus::kVersion + "\n", 0) == 0);
  // A commit (12 hex digits, maybe -dirty) or "unknown" outside a git clone; the day it was built; the compiler.
  CHECK(std::regex_search(version.out, std::regex("commit ([0-9a-f]{12}(-dirty)?|unknown), built "
                                                  "[0-9]{4}-[0-9]{2}-[0-9]{2} with [A-Za-z]+ [0-9.]+\n")));
  CHECK(std::regex_search(version.out, std::regex("record boundaries found with (AVX-512|AVX2|scalar code) ")));
  // The path it would take, as FTSTATUS_SIMD chooses it.
  CHECK(contains(run_env("LC_ALL=C FTSTATUS_SIMD=off", {"--version"}).out, "found with scalar code on"));
  CHECK(contains(run_env("LC_ALL=C", {"--lang", "es", "--version"}).out, "compilado el"));
}

TEST_CASE("a report that cannot be written exits 2, never 0", "[classify]") {
  TempDir dir;
  std::string in = dir.file("v.csv", "entitlement_id,l1,l2\nV1,in_progress,migration\n");
  for (const std::string& args : {std::string("tree"), "validate " + shell_quote(in) + kAsOf,
                                  std::string("validate --l1 no_intent --l2 competitor"), std::string("lint")}) {
    INFO(args);
    std::string command =
        "env LC_ALL=C LANG=C " + shell_quote(FTSTATUS_BINARY) + " " + args + " >/dev/full 2>/dev/null";
    int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
  }
}

TEST_CASE("a misspelt command gets the nearest one suggested, a made-up one the list", "[cli]") {
  Run typo = run({"clasify", "x.csv"});
  CHECK(typo.status == 2);
  CHECK(
      contains(typo.err, "ftstatus: unknown command \"clasify\"; did you mean classify? The commands are: classify, "));
  Run valid = run({"valdiate"});
  CHECK(contains(valid.err, "did you mean validate?"));
  Run other = run({"frobnicate"});
  CHECK(other.status == 2);
  CHECK(contains(other.err, "unknown command \"frobnicate\"; the commands are: classify, codes"));
  CHECK_FALSE(contains(other.err, "did you mean"));
  CHECK(contains(run_env("LC_ALL=C", {"--lang", "es", "clasify"}).err, "¿quiso decir classify?"));
}
