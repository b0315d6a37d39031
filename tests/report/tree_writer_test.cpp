#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/loader.h"
#include "report/tree_writer.h"

using ftstatus::Lang;
using ftstatus::Taxonomy;
using ftstatus::TreeFormat;
using ftstatus::TreeOptions;

#include "fasttrack_fixture.h"

using fasttrack_fixture::builtin;
using fasttrack_fixture::kAllIds;

namespace {

std::string render(const Taxonomy& t, TreeFormat format, Lang lang = Lang::en, bool ascii = false,
                   bool descriptions = false) {
  TreeOptions o;
  o.format = format;
  o.lang = lang;
  o.ascii = ascii;
  o.descriptions = descriptions;
  std::ostringstream out;
  ftstatus::write_tree(out, t, o);
  return out.str();
}

std::string render(TreeFormat format, Lang lang = Lang::en, bool ascii = false, bool descriptions = false) {
  return render(builtin(), format, lang, ascii, descriptions);
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::size_t count(const std::string& text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + part.size())) ++n;
  return n;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t count_lines_starting(const std::string& text, std::string_view start) {
  std::size_t n = 0;
  for (const auto& line : lines(text))
    if (line.rfind(start, 0) == 0) ++n;
  return n;
}

}  // namespace

TEST_CASE("parse_tree_format knows the four formats", "[tree]") {
  CHECK(ftstatus::parse_tree_format("text") == TreeFormat::text);
  CHECK(ftstatus::parse_tree_format("json") == TreeFormat::json);
  CHECK(ftstatus::parse_tree_format("markdown") == TreeFormat::markdown);
  CHECK(ftstatus::parse_tree_format("dot") == TreeFormat::dot);
  CHECK_FALSE(ftstatus::parse_tree_format(""));
  CHECK_FALSE(ftstatus::parse_tree_format("xml"));
  CHECK_FALSE(ftstatus::parse_tree_format("html"));
  CHECK_FALSE(ftstatus::parse_tree_format("txt"));
  CHECK_FALSE(ftstatus::parse_tree_format("json "));
  CHECK_FALSE(ftstatus::parse_tree_format("graphviz"));
}

TEST_CASE("the text tree draws one line per status with box-drawing characters", "[tree]") {
  std::string text = render(TreeFormat::text);
  auto all = lines(text);
  REQUIRE(all.size() == 1 + kAllIds.size());
  CHECK(all[0] == "FastTrack entitlement status [fasttrack]");
  CHECK(all[1] == "├── Status Unknown [status_unknown]");
  CHECK(all[2] == "│   ├── Customer Unresponsive [customer_unresponsive]");
  CHECK(all[3] == "│   └── New Subscription or Workload [new_subscription_or_workload]");
  CHECK(all.back() == "└── Duplicate/Invalid [duplicate_invalid]");
  CHECK(contains(text, "│   ├── Migration [migration]\n"));
  for (const auto& id : kAllIds) CHECK(count(text, "[" + id + "]") == 1);
}

TEST_CASE("the ascii text tree has no box-drawing characters", "[tree]") {
  for (Lang lang : {Lang::en, Lang::es}) {
    std::string text = render(TreeFormat::text, lang, true);
    CHECK(contains(text, "|-- "));
    CHECK(contains(text, "`-- "));
    CHECK(contains(text, "|   "));
    // Box drawing is U+2500..U+257F: UTF-8 E2 94 xx and E2 95 xx.
    CHECK_FALSE(contains(text, "\xE2\x94"));
    CHECK_FALSE(contains(text, "\xE2\x95"));
    CHECK(lines(text).size() == 1 + kAllIds.size());
  }
  auto all = lines(render(TreeFormat::text, Lang::en, true));
  CHECK(all[2] == "|   |-- Customer Unresponsive [customer_unresponsive]");
  CHECK(all.back() == "`-- Duplicate/Invalid [duplicate_invalid]");
}

TEST_CASE("the Spanish text tree shows Spanish names", "[tree]") {
  std::string text = render(TreeFormat::text, Lang::es);
  CHECK(contains(text, "Estado de derechos de FastTrack [fasttrack]\n"));
  CHECK(contains(text, "── En progreso [in_progress]\n"));
  CHECK(contains(text, "── Migración [migration]\n"));
  CHECK(contains(text,
                 "── Seguridad/Privacidad (Característica/no del producto) [security_privacy_non_product_feature]\n"));
  CHECK_FALSE(contains(text, "In Progress"));
  CHECK_FALSE(contains(text, "Migration ["));
}

TEST_CASE("descriptions add description and target-date lines only when asked", "[tree]") {
  const std::string migration_en =
      "The workload has been enabled for use and any needed migration (data, applications, virtual machines, "
      "etc.) is under way.";
  SECTION("English") {
    std::string plain = render(TreeFormat::text, Lang::en, false, false);
    std::string detailed = render(TreeFormat::text, Lang::en, false, true);
    CHECK_FALSE(contains(plain, migration_en));
    CHECK_FALSE(contains(plain, "Target date"));
    CHECK(contains(detailed, migration_en));
    CHECK(
        contains(detailed,
                 "Target date: required, at most 365 days after the as-of date (proposed: 90 days after); the day the "
                 "migration completes"));
    CHECK(contains(detailed, "Target date: optional"));
    // Notes are shown too.
    CHECK(contains(detailed, "It is NOT about people or processes."));
    CHECK(lines(detailed).size() > lines(plain).size() + kAllIds.size());
    // The status lines themselves are unchanged.
    for (const auto& line : lines(plain)) CHECK(contains(detailed, line + "\n"));
  }
  SECTION("Spanish") {
    std::string plain = render(TreeFormat::text, Lang::es, false, false);
    std::string detailed = render(TreeFormat::text, Lang::es, false, true);
    CHECK_FALSE(contains(plain, "Fecha objetivo"));
    CHECK(contains(detailed, "Fecha objetivo: obligatoria"));
    CHECK(contains(detailed, "el día en que se completa la migración"));
    CHECK(contains(detailed, "Se habilitó el uso de la carga de trabajo"));
    CHECK_FALSE(contains(detailed, "Target date"));
    CHECK_FALSE(contains(detailed, migration_en));
  }
}

TEST_CASE("the JSON tree lists every status once, nested under its parent", "[tree]") {
  for (Lang lang : {Lang::en, Lang::es}) {
    for (bool descriptions : {false, true}) {
      INFO("lang " << (lang == Lang::es ? "es" : "en") << ", descriptions " << descriptions);
      std::string json = render(TreeFormat::json, lang, false, descriptions);
      for (const auto& id : kAllIds) {
        INFO("id " << id);
        CHECK(count(json, "\"id\": \"" + id + "\"") == 1);
      }
      CHECK(count(json, "{") == count(json, "}"));
      CHECK(count(json, "[") == count(json, "]"));
      CHECK(json.front() == '{');
      CHECK(json.back() == '\n');
      CHECK(contains(json, "\"taxonomy\": \"fasttrack\""));
      CHECK(contains(json, lang == Lang::es ? "\"lang\": \"es\"" : "\"lang\": \"en\""));
      CHECK(contains(json, "\"path\": \"in_progress/migration\""));
      CHECK(contains(json, "\"description\": ") == descriptions);
    }
  }
  std::string json = render(TreeFormat::json);
  std::size_t in_progress = json.find("\"id\": \"in_progress\"");
  std::size_t children = json.find("\"children\"", in_progress);
  std::size_t migration = json.find("\"id\": \"migration\"");
  std::size_t no_intent = json.find("\"id\": \"no_intent\"");
  REQUIRE(in_progress != std::string::npos);
  REQUIRE(migration != std::string::npos);
  REQUIRE(no_intent != std::string::npos);
  CHECK(in_progress < children);
  CHECK(children < migration);
  CHECK(migration < no_intent);
  // The In Progress object's children array is still open at "migration":
  // between "children" and "migration" there are more '[' than ']'.
  std::string between = json.substr(children, migration - children);
  CHECK(count(between, "[") > count(between, "]"));
  CHECK(contains(json, "\"name\": \"In Progress\""));
  CHECK(contains(render(TreeFormat::json, Lang::es), "\"name\": \"En progreso\""));
  // In Progress L2s require a date; Blocked ones do not.
  std::size_t required = json.find("\"required\": ", migration);
  REQUIRE(required != std::string::npos);
  CHECK(json.compare(required, 16, "\"required\": true") == 0);
}

TEST_CASE("JSON and DOT output escape quotes in names", "[tree]") {
  auto r = ftstatus::load_taxonomy(R"(taxonomy:
  id: quoted
  name: 'The "Q" list'
statuses:
  - id: a
    name: 'Say "hi" \ now'
)",
                                   "q.yaml");
  REQUIRE(r.ok());
  std::string json = render(*r.taxonomy, TreeFormat::json);
  CHECK(contains(json, R"("name": "Say \"hi\" \\ now")"));
  CHECK(contains(json, R"("name": "The \"Q\" list")"));
  std::string dot = render(*r.taxonomy, TreeFormat::dot);
  CHECK(contains(dot, R"(label="Say \"hi\" \\ now")"));
}

TEST_CASE("the Markdown tree follows the playbook page", "[tree]") {
  std::string es = render(TreeFormat::markdown, Lang::es);
  CHECK(es.rfind("# L1 - Estado desconocido\n", 0) == 0);
  CHECK(contains(es, "\n- L2 - El cliente no responde\n"));
  CHECK(contains(es, "\n# L1 - En progreso\n"));
  CHECK(contains(es, "\n- L2 - Migración\n"));
  CHECK(contains(es, "El cliente no ha podido ser contactado"));
  CHECK(count_lines_starting(es, "# ") == 5);
  CHECK(count_lines_starting(es, "- L2 - ") == kAllIds.size() - 5);

  std::string en = render(TreeFormat::markdown, Lang::en);
  CHECK(en.rfind("# L1 - Status Unknown\n", 0) == 0);
  CHECK(contains(en, "\n- L2 - Customer Unresponsive\n"));
  CHECK(contains(en, "\n# L1 - Duplicate/Invalid\n"));
  CHECK_FALSE(contains(en, "Estado desconocido"));
  CHECK(count_lines_starting(en, "# ") == 5);
  // The L1 headings come in file order.
  CHECK(en.find("# L1 - Status Unknown") < en.find("# L1 - In Progress"));
  CHECK(en.find("# L1 - In Progress") < en.find("# L1 - No Intent"));
  CHECK(en.find("# L1 - No Intent") < en.find("# L1 - Blocked"));
  CHECK(en.find("# L1 - Blocked") < en.find("# L1 - Duplicate/Invalid"));
}

TEST_CASE("the DOT tree is a Graphviz digraph with one edge per status", "[tree]") {
  std::string dot = render(TreeFormat::dot);
  CHECK(dot.rfind("digraph", 0) == 0);
  REQUIRE(dot.size() >= 2);
  CHECK(dot.compare(dot.size() - 2, 2, "}\n") == 0);
  CHECK(contains(dot, "\"in_progress\" -> \"in_progress/migration\";"));
  CHECK(contains(dot, "\"fasttrack\" -> \"in_progress\";"));
  CHECK(contains(dot, "\"blocked\" -> \"blocked/service_reliability\";"));
  CHECK_FALSE(contains(dot, "\"in_progress\" -> \"blocked/"));
  CHECK(count(dot, " -> ") == kAllIds.size());
  CHECK(count(dot, "{") == count(dot, "}"));
  CHECK(contains(dot, "label=\"In Progress\""));
  CHECK(contains(render(TreeFormat::dot, Lang::es), "label=\"En progreso\""));
}
