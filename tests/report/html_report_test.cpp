// The report's page: every section there, every input cell shown as text,
// nothing fetched from anywhere, in English and in Spanish.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "csv_fixture.h"
#include "ftstatus/loader.h"
#include "ftstatus/pipeline.h"
#include "ftstatus/report.h"
#include "report/html_report.h"
#include "test_support.h"

namespace {

using namespace ftstatus;
using test_support::contains;

const LoadResult& fasttrack() {
  static const LoadResult loaded = load_builtin_taxonomy();
  REQUIRE(loaded.ok());
  return loaded;
}

const Date kAsOf = *Date::parse_iso("2026-11-24");

std::string page_of(std::string_view csv, Lang lang, ReportLimits limits = {}) {
  csv_fixture::File file = csv_fixture::file_with(csv);
  std::unique_ptr<RecordSource> source = open_csv_source(file.get(), "export.csv", {});
  ClassifyOptions options;
  options.as_of = kAsOf;
  Classifier classifier(*fasttrack().taxonomy, fasttrack().rules, options);
  ReportCollector collector(classifier, lang, kAsOf, limits);
  ClassifySummary summary;
  REQUIRE(classify_records(classifier, *source, "export.csv", {}, {&collector}, summary).ok());
  HtmlReportInfo info;
  info.lang = lang;
  info.input_name = "export.csv";
  info.version = "9.9.9";
  return html_report(*fasttrack().taxonomy, collector.data(), info);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

const std::string kExample = test_support::read_file(test_support::example("entitlements.csv"));
const std::string kHeader = kExample.substr(0, kExample.find('\n') + 1);

// A row whose customer, id and workload are markup.
const std::string kHostile =
    "\"<b onmouseover=alert(1)>FT-1</b>\",tenant,<script>alert('x')</script>,\"Exchange \"\"&\"\" <i>Online</i>\","
    "2026-03-02,active,true,2,1,true,yes,,,enabled,in_progress,1250,4800,2027-03-31,In Progress,Migration\n";

}  // namespace

TEST_CASE("html report: every section is a <section> with its id and a heading", "[report][html]") {
  for (Lang lang : {Lang::en, Lang::es}) {
    const std::string page = page_of(kExample, lang);
    for (std::string_view id :
         {"summary", "statuses", "transitions", "problems", "target-dates", "customers", "about"}) {
      INFO(id);
      CHECK(contains(page, "<section id=\"" + std::string(id) + "\""));
      CHECK(contains(page, "<h2 id=\"" + std::string(id) + "-title\">"));
      CHECK(contains(page, "<a href=\"#" + std::string(id) + "\">"));
    }
    CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(contains(page, "<meta charset=\"utf-8\">"));
    CHECK(contains(page, "@media print"));
    CHECK(contains(page, "prefers-color-scheme:dark"));
    CHECK(contains(page, "<th scope=\"col\""));
    CHECK(contains(page, "<th scope=\"row\""));
    CHECK(contains(page, "<caption>"));
    CHECK(contains(page, "<svg class=\"chart\""));
    CHECK(contains(page, "<details"));
    CHECK(contains(page, "</html>\n"));
  }
}

TEST_CASE("html report: nothing is fetched: no URL, no src=, no script", "[report][html]") {
  for (Lang lang : {Lang::en, Lang::es}) {
    const std::string page = lower(page_of(kExample + kHostile, lang));
    CHECK_FALSE(contains(page, "http"));
    CHECK_FALSE(contains(page, "src="));
    CHECK_FALSE(contains(page, "<script"));
    CHECK_FALSE(contains(page, "url("));
    CHECK_FALSE(contains(page, "@import"));
    CHECK_FALSE(contains(page, "<link"));
    CHECK_FALSE(contains(page, "<img"));
  }
}

TEST_CASE("html report: cells from the input are shown as text, never as markup", "[report][html]") {
  const std::string page = page_of(kHeader + kHostile, Lang::en);
  CHECK(contains(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  CHECK(contains(page, "&lt;b onmouseover=alert(1)&gt;FT-1&lt;/b&gt;"));
  CHECK(contains(page, "Exchange &quot;&amp;&quot; &lt;i&gt;Online&lt;/i&gt;"));
  CHECK_FALSE(contains(page, "<b "));
  CHECK_FALSE(contains(page, "<i>"));
  CHECK_FALSE(contains(page, "<script"));
}

TEST_CASE("html report: escaping of text, bad bytes and control characters", "[report][html]") {
  CHECK(html_escaped("a<b>&\"'c") == "a&lt;b&gt;&amp;&quot;&#39;c");
  CHECK(html_escaped("Caf\xe9") == "Caf\xef\xbf\xbd");
  CHECK(html_escaped("Café") == "Café");
  CHECK(html_escaped(std::string_view("a\0b\x1b", 4)) == "a b ");
  CHECK(format_count(0, Lang::en) == "0");
  CHECK(format_count(999, Lang::en) == "999");
  CHECK(format_count(1000, Lang::en) == "1,000");
  CHECK(format_count(1234567, Lang::es) == "1.234.567");
}

TEST_CASE("html report: English and Spanish, words and status names from the catalogue and taxonomy",
          "[report][html]") {
  const std::string en = page_of(kExample, Lang::en);
  const std::string es = page_of(kExample, Lang::es);
  CHECK(contains(en, "<html lang=\"en\">"));
  CHECK(contains(es, "<html lang=\"es\">"));
  CHECK(contains(en, ">FastTrack status report</h1>"));
  CHECK(contains(es, ">Informe de estados FastTrack</h1>"));
  CHECK(contains(en, ">Target dates</h2>"));
  CHECK(contains(es, ">Fechas objetivo</h2>"));
  CHECK(contains(en, "In Progress"));
  CHECK(contains(es, "En progreso"));
  CHECK_FALSE(contains(es, ">In Progress<"));
  CHECK(contains(en, "export.csv, as of 2026-11-24"));
  CHECK(contains(es, "export.csv, a fecha de 2026-11-24"));
  CHECK(contains(en, "Nov 2026"));
  CHECK(contains(es, "nov 2026"));
  // The problems' words are the catalogue's, in the page's language.
  CHECK(contains(en, "the value of &#39;entitlement_id&#39; already appeared on an earlier row"));
  CHECK(contains(es, "el valor de &#39;entitlement_id&#39; ya apareció en una fila anterior"));
  CHECK(contains(en, "9.9.9"));
}

TEST_CASE("html report: a big export's page stays bounded, with 'and N more' lines", "[report][html]") {
  std::string csv = kHeader;
  // 300 customers of 60 entitlements each, every one without its target date.
  for (int customer = 0; customer < 300; ++customer)
    for (int e = 0; e < 60; ++e)
      csv += "FT-" + std::to_string(customer) + "-" + std::to_string(e) + ",t" + std::to_string(customer) +
             ",Customer " + std::to_string(customer) +
             ",Exchange Online,2026-03-02,active,true,2,1,true,yes,,,enabled,in_progress,1250,4800,,In Progress,"
             "Migration\n";
  const std::string page = page_of(csv, Lang::en);
  CHECK(contains(page, "and 10 more entitlements"));
  CHECK(contains(page, "and 100 more customers (6,000 rows), not listed"));
  CHECK(contains(page, "and 17,995 more rows"));  // 18,000 rows lack a target date; 5 are listed
  std::size_t details = 0;
  for (std::size_t at = page.find("<details"); at != std::string::npos; at = page.find("<details", at + 1)) ++details;
  CHECK(details == 200);
  CHECK(page.size() < 4'000'000);
}

TEST_CASE("html report: a caller adds a section of its own", "[report][html]") {
  csv_fixture::File file = csv_fixture::file_with(kExample);
  std::unique_ptr<RecordSource> source = open_csv_source(file.get(), "export.csv", {});
  ClassifyOptions options;
  options.as_of = kAsOf;
  Classifier classifier(*fasttrack().taxonomy, fasttrack().rules, options);
  ReportCollector collector(classifier, Lang::en, kAsOf);
  ClassifySummary summary;
  REQUIRE(classify_records(classifier, *source, "export.csv", {}, {&collector}, summary).ok());
  HtmlReportInfo info;
  info.input_name = "export.csv";
  info.as_of = "2026-11-24";
  std::vector<HtmlSection> sections = standard_sections(*fasttrack().taxonomy, collector.data(), info);
  sections.insert(sections.end() - 1,
                  {"previous", "Since <last> week", [](HtmlOutput& out) { out.html += "<p>x</p>"; }});
  HtmlOutput out;
  write_html_page(out, sections, info);
  const std::string& page = out.html;
  CHECK(contains(page, "<section id=\"previous\""));
  CHECK(contains(page, ">Since &lt;last&gt; week</h2>"));
  CHECK(contains(page, "<a href=\"#previous\">"));
  CHECK(page.find("id=\"previous\"") < page.find("id=\"about\""));
}

TEST_CASE("html report: a taxonomy of 300 L2s: a sparse matrix, a chart of the 40 with most rows", "[report][html]") {
  std::string yaml = "taxonomy:\n  id: big\n  name: Big\nstatuses:\n  - id: open\n    name: Open\n    children:\n";
  for (int i = 0; i < 300; ++i)
    yaml += "      - id: s" + std::to_string(i) + "\n        name: Status " + std::to_string(i) + "\n";
  // A string column: an enum takes at most 63 values.
  yaml +=
      "columns:\n  - id: entitlement_id\n    type: string\n    required: true\n    unique: true\n"
      "  - id: kind\n    type: string\n  - id: l1\n    type: string\n  - id: l2\n    type: string\nrules:\n";
  for (int i = 0; i < 300; ++i)
    yaml += "  - id: r" + std::to_string(i) + "\n    when: {kind: v" + std::to_string(i) + "}\n    then: open/s" +
            std::to_string(i) + "\n";
  const LoadResult loaded = load_taxonomy(yaml, "big.yaml");
  REQUIRE(loaded.ok());
  // Each status once, moved from the next status; the first 50 twice more.
  std::string csv = "entitlement_id,kind,l1,l2\n";
  int id = 0;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < (round == 0 ? 300 : 50); ++i)
      csv += "E" + std::to_string(id++) + ",v" + std::to_string(i) + ",open,s" + std::to_string((i + 1) % 300) + "\n";
  csv_fixture::File file = csv_fixture::file_with(csv);
  std::unique_ptr<RecordSource> source = open_csv_source(file.get(), "big.csv", {});
  ClassifyOptions options;
  options.as_of = kAsOf;
  Classifier classifier(*loaded.taxonomy, loaded.rules, options);
  ReportCollector collector(classifier, Lang::en, kAsOf);
  ClassifySummary summary;
  REQUIRE(classify_records(classifier, *source, "big.csv", {}, {&collector}, summary).ok());
  const ReportData& d = collector.data();
  CHECK(d.transitions.empty());
  CHECK(d.sparse_transitions.size() == 300);
  const StatusIndex s0 = loaded.taxonomy->find_at_level(2, "s0");
  const StatusIndex s1 = loaded.taxonomy->find_at_level(2, "s1");
  CHECK(d.transition(s1, s0) == 3);
  CHECK(d.transition(s0, s1) == 0);
  long total = 0;
  d.for_each_transition([&](StatusIndex, StatusIndex, long rows) { total += rows; });
  CHECK(total == 400);
  HtmlReportInfo info;
  info.input_name = "big.csv";
  const std::string page = html_report(*loaded.taxonomy, d, info);
  // 50 statuses have 3 rows: the first 40 of them are drawn.
  CHECK(contains(page, "and 260 more statuses (280 rows)"));
  CHECK(contains(page, ">Status 39<"));
  CHECK_FALSE(contains(page, ">Status 40<"));
  CHECK_FALSE(contains(page, ">Status 250<"));
  // 300 changes at L2, 15 listed with 3 rows each.
  CHECK(contains(page, "and 355 more rows"));
}

TEST_CASE("html report: another taxonomy: its ids, its L1s each in a colour of its own", "[report][html]") {
  const LoadResult loaded = load_taxonomy_file(test_support::example("custom-l3.yaml"));
  REQUIRE(loaded.ok());
  csv_fixture::File file =
      csv_fixture::file_with(test_support::read_file(test_support::example("custom-l3-tickets.csv")));
  std::unique_ptr<RecordSource> source = open_csv_source(file.get(), "tickets.csv", {});
  ClassifyOptions options;
  options.as_of = kAsOf;
  Classifier classifier(*loaded.taxonomy, loaded.rules, options);
  ReportCollector collector(classifier, Lang::en, kAsOf);
  ClassifySummary summary;
  REQUIRE(classify_records(classifier, *source, "tickets.csv", {}, {&collector}, summary).ok());
  HtmlReportInfo info;
  info.input_name = "tickets.csv";
  const std::string page = html_report(*loaded.taxonomy, collector.data(), info);
  CHECK(contains(page, "<td>SD-4101</td>"));  // its unique column stands for the entitlement id
  std::set<std::string_view> colours;
  for (StatusIndex l1 : loaded.taxonomy->roots()) colours.insert(status_colour_class(*loaded.taxonomy, l1));
  CHECK(colours.size() == loaded.taxonomy->roots().size());
}
