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

TEST_CASE("report --previous adds what changed since last week's export, as diff counts it", "[report][cli][diff]") {
  TempDir dir;
  const std::string week1 = example("weekly/2026-11-16.csv");
  const std::string week2 = example("weekly/2026-11-23.csv");
  const std::string page = dir.path("r.html");
  Run r = run({"report", week2, "--previous", week1, "--as-of", "2026-11-23", "-o", page});
  INFO(r.err);
  CHECK(r.status <= 1);
  const std::string html = read_file(page);
  REQUIRE(contains(html, "<section id=\"previous\""));
  // Right after the summary, before the statuses, and in the contents list.
  CHECK(html.find("<section id=\"previous\"") < html.find("<section id=\"statuses\""));
  CHECK(contains(html, "href=\"#previous\""));
  // The four regressions examples/weekly/README.md lists, each with its reason.
  for (const char* id : {"FT-200025", "FT-200030", "FT-200033", "FT-200035"}) CHECK(contains(html, id));
  CHECK(contains(html, "back to Status Unknown"));
  CHECK(contains(html, "back to an earlier phase"));
  CHECK(contains(html, "had passed and was moved to 2026-12-18"));
  CHECK(contains(html, "left In Progress"));
  // The counts `ftstatus diff` gives for the same pair.
  CHECK(contains(html, "Entitlements added</td><td class=\"n\">2</td>"));
  CHECK(contains(html, "Entitlements removed</td><td class=\"n\">1</td>"));
  CHECK(contains(html, "Status changes</td><td class=\"n\">10</td>"));

  SECTION("in Spanish") {
    Run es = run({"report", week2, "--previous", week1, "--as-of", "2026-11-23", "--lang", "es", "-o", page});
    const std::string spanish = read_file(page);
    CHECK(contains(spanish, "Desde la exportación anterior"));
    CHECK(contains(spanish, "de vuelta a Estado desconocido"));
  }
  SECTION("without --previous there is no such section") {
    Run plain = run({"report", week2, "--as-of", "2026-11-23", "-o", page});
    CHECK_FALSE(contains(read_file(page), "id=\"previous\""));
  }
  SECTION("the export cannot be standard input: it is read twice") {
    const std::string kept = dir.file("kept.html", "last week's page");
    Run in = run_line("report - --previous " + shell_quote(week1) + " -o " + shell_quote(kept), week2);
    CHECK(in.status == 2);
    CHECK(contains(in.err, "--previous compares the export with an earlier one"));
    CHECK(read_file(kept) == "last week's page");
  }
  SECTION("a repeated id in the previous export stops the run, the page is not written") {
    const std::string old_text = read_file(week1);
    const std::string first_row = split_lines(old_text).at(1);  // FT-200001, once more at the end
    const std::string repeated = dir.file("old.csv", old_text + first_row + "\n");
    const std::string kept = dir.file("kept2.html", "last week's page");
    Run bad = run({"report", week2, "--previous", repeated, "--as-of", "2026-11-23", "-o", kept});
    CHECK(bad.status == 2);
    CHECK(contains(bad.err, "FT-200001"));
    CHECK(read_file(kept) == "last week's page");
  }
}
