// `ftstatus report`: the page written to -o or standard output, the exit
// statuses, an output replaced only by a run that succeeds, a classified
// input read like a raw one, and the language.
#include <string>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace test_support;

TEST_CASE("report writes one HTML page to -o, exit 1 as classify when rows have problems", "[report][cli]") {
  TempDir dir;
  const std::string page = dir.path("report.html");
  Run r = run({"report", example("entitlements.csv"), "--as-of", kAsOfDate, "-o", page});
  CHECK(r.status == 1);  // the example's rows have problems on purpose
  CHECK(r.out.empty());
  const std::string html = read_file(page);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(html, "<html lang=\"en\">"));
  CHECK(contains(html, "entitlements.csv, as of 2026-11-24"));

  // Rows without problems: exit 0.
  const std::string clean = dir.file("clean.csv", "entitlement_id,tenant_state\nFT-1,duplicate\nFT-2,duplicate\n");
  Run ok = run({"report", clean, "--as-of", kAsOfDate, "--allow-missing", "all", "-o", dir.path("clean.html")});
  INFO(ok.err);
  CHECK(ok.status == 0);
  CHECK(contains(read_file(dir.path("clean.html")), "No row has a problem."));
}

TEST_CASE("report writes to standard output without -o, and reads standard input", "[report][cli]") {
  Run r = run_line("report --as-of 2026-11-24", example("entitlements.csv"));
  CHECK(r.status == 1);
  CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(r.out, "&lt;stdin&gt;"));
}

TEST_CASE("report: an error exits 2 and leaves the output file as it was", "[report][cli]") {
  TempDir dir;
  const std::string page = dir.file("report.html", "last week's report");
  Run missing = run({"report", dir.path("nope.csv"), "-o", page});
  CHECK(missing.status == 2);
  CHECK(contains(missing.err, "ftstatus: "));
  CHECK(read_file(page) == "last week's report");
  // A column the rules need is missing: the run stops before any page.
  const std::string partial = dir.file("partial.csv", "entitlement_id,customer\nFT-1,Contoso\n");
  Run stops = run({"report", partial, "-o", page});
  CHECK(stops.status == 2);
  CHECK(read_file(page) == "last week's report");
  // The page may not replace the input.
  const std::string input = dir.file("in.csv", read_file(example("entitlements.csv")));
  Run same = run({"report", input, "-o", input});
  CHECK(same.status == 2);
  CHECK(contains(same.err, "-o names the input file"));
  CHECK(read_file(input) == read_file(example("entitlements.csv")));
  // Standard output that cannot be written.
  const std::string command = "env LC_ALL=C " + shell_quote(FTSTATUS_BINARY) + " report " +
                              shell_quote(example("entitlements.csv")) + " --as-of 2026-11-24 >/dev/full 2>/dev/null";
  const int raw = std::system(command.c_str());
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 2);
}

TEST_CASE("report reads classify's output as it reads the raw export", "[report][cli]") {
  TempDir dir;
  // The example without its two rows of the wrong width: classify writes them as wide as its header.
  std::string raw_text;
  for (const std::string& line : split_lines(read_file(example("entitlements.csv"))))
    if (line.rfind("FT-100048,", 0) != 0 && line.rfind("FT-100049,", 0) != 0) raw_text += line + "\n";
  const std::string raw_copy = dir.file("entitlements.csv", raw_text);
  const std::string classified = dir.path("classified.csv");
  REQUIRE(run({"classify", raw_copy, "--as-of", kAsOfDate, "-o", classified}).status == 1);
  Run raw = run({"report", raw_copy, "--as-of", kAsOfDate});
  Run again = run({"report", classified, "--as-of", kAsOfDate});
  CHECK(raw.status == 1);
  CHECK(again.status == 1);
  std::string expected = raw.out;
  // The pages differ only in the input's name.
  for (std::size_t at = expected.find(raw_copy); at != std::string::npos; at = expected.find(raw_copy, at))
    expected.replace(at, raw_copy.size(), classified);
  CHECK(again.out == expected);
}

TEST_CASE("report speaks Spanish with --lang es or a Spanish locale", "[report][cli]") {
  Run es = run({"report", example("entitlements.csv"), "--as-of", kAsOfDate, "--lang", "es"});
  CHECK(es.status == 1);
  CHECK(contains(es.out, "<html lang=\"es\">"));
  CHECK(contains(es.out, "Informe de estados FastTrack"));
  // The locale also decides ambiguous day/month orders (as classify's), so only the words are compared.
  Run by_locale = run_env("LC_ALL=es_ES.UTF-8", {"report", example("entitlements.csv"), "--as-of", kAsOfDate});
  CHECK(contains(by_locale.out, "<html lang=\"es\">"));
  CHECK(contains(by_locale.out, "Informe de estados FastTrack"));
  CHECK_FALSE(contains(by_locale.out, "FastTrack status report"));
}
