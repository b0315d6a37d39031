// `ftstatus tree`: the taxonomy in text, JSON, Markdown and DOT, in either language.
#include <catch2/catch.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "fasttrack_fixture.h"
#include "test_support.h"

using namespace test_support;

// ------------------------------------------------------------------ tree

TEST_CASE("tree prints the taxonomy with box-drawing characters by default", "[cli]") {
  Run r = run({"tree"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "├── In Progress [in_progress]"));
  CHECK(contains(r.out, "│   ├── Migration [migration]"));
  CHECK(contains(r.out, "└── Duplicate/Invalid [duplicate_invalid]"));
  CHECK(contains(r.out, "Status Unknown"));
  CHECK(contains(r.out, "Blocked"));
}

TEST_CASE("tree --ascii uses no box-drawing characters", "[cli]") {
  Run r = run({"tree", "--ascii"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "|-- In Progress [in_progress]"));
  CHECK(contains(r.out, "`-- Duplicate/Invalid [duplicate_invalid]"));
  for (const char* box : {"├", "└", "│", "─"}) {
    INFO(box);
    CHECK_FALSE(contains(r.out, box));
  }
}

TEST_CASE("tree language: --lang, then LC_ALL, then LANG", "[cli]") {
  SECTION("--lang es") {
    Run r = run({"tree", "--lang", "es"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "Estado desconocido"));
    CHECK(contains(r.out, "Bloqueo"));
    CHECK(contains(r.out, "Migración"));
    CHECK_FALSE(contains(r.out, "Status Unknown"));
  }
  SECTION("--lang overrides a Spanish environment") {
    Run r = run_env("LC_ALL=es_ES.UTF-8 LANG=es_ES.UTF-8", {"tree", "--lang", "en"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "Status Unknown"));
    CHECK_FALSE(contains(r.out, "Estado desconocido"));
  }
  SECTION("LANG=es_ES.UTF-8 without LC_ALL gives Spanish") {
    Run r = run_env("-u LC_ALL LANG=es_ES.UTF-8", {"tree"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "Estado desconocido"));
    CHECK(contains(r.out, "Bloqueo"));
  }
  SECTION("an empty LC_ALL falls back to LANG") {
    Run r = run_env("LC_ALL= LANG=es_ES.UTF-8", {"tree"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "Estado desconocido"));
  }
  SECTION("LC_ALL wins over LANG") {
    Run r = run_env("LC_ALL=en_US.UTF-8 LANG=es_ES.UTF-8", {"tree"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "Status Unknown"));
    CHECK_FALSE(contains(r.out, "Estado desconocido"));
  }
}

TEST_CASE("tree --format json lists all 23 statuses", "[cli]") {
  Run r = run({"tree", "--format", "json"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::vector<std::string>& ids = fasttrack_fixture::kAllIds;
  REQUIRE(ids.size() == 23);
  for (const std::string& id : ids) {
    INFO(id);
    CHECK(contains(r.out, "\"id\": \"" + id + "\""));
  }
  std::size_t count = 0;
  for (std::size_t at = r.out.find("\"id\":"); at != std::string::npos; at = r.out.find("\"id\":", at + 1)) ++count;
  CHECK(count == 23);
  CHECK(contains(r.out, "\"taxonomy\": \"fasttrack\""));
}

TEST_CASE("tree --format markdown and dot", "[cli]") {
  Run md = run({"tree", "--format", "markdown", "--lang", "es"});
  CHECK(md.status == 0);
  CHECK(contains(md.out, "# L1 - Bloqueo\n"));
  CHECK(contains(md.out, "# L1 - En progreso\n"));

  Run dot = run({"tree", "--format", "dot"});
  CHECK(dot.status == 0);
  CHECK(dot.out.rfind("digraph", 0) == 0);
}

TEST_CASE("tree usage errors exit 2 with the reason on stderr", "[cli]") {
  SECTION("unknown format") {
    Run r = run({"tree", "--format", "xml"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "xml"));
  }
  SECTION("missing taxonomy file") {
    Run r = run({"tree", "--taxonomy", "/nonexistent.yaml"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, "/nonexistent.yaml"));
  }
  SECTION("broken taxonomy file: file:line:column of the error") {
    TempDir dir;
    std::string path = dir.file("broken.yaml",
                                "taxonomy:\n  id: broken\n  bogus_key: 1\n  name: {en: \"x\", es: \"y\"}\n"
                                "statuses:\n  - id: a\n    name: {en: \"A\", es: \"A\"}\n");
    Run r = run({"tree", "--taxonomy", path});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(contains(r.err, path + ":3:3:"));
    CHECK(contains(r.err, "bogus_key"));
  }
}

TEST_CASE("tree --taxonomy with L3s shows them at the third level", "[cli]") {
  Run r = run({"tree", "--ascii", "--taxonomy", FTSTATUS_SOURCE_DIR "/examples/custom-l3.yaml"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "Partner support desk [support_desk]"));
  CHECK(contains(r.out, "\n|   |   |-- Awaiting Assignment [awaiting_assignment]\n"));
  CHECK(contains(r.out, "\n|   |   `-- Awaiting Details [awaiting_details]\n"));
  CHECK(contains(r.out, "\n|       |-- Configuration [configuration]\n"));
}
