#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "fasttrack_fixture.h"
#include "test_support.h"

using namespace test_support;

namespace {

// Runs `env <environment> ftstatus <args>` and captures exit code, stdout and stderr.
Run run_env(const std::string& environment, const std::vector<std::string>& args) {
  std::string quoted;
  for (const std::string& arg : args) quoted += " " + shell_quote(arg);
  Run r = run_ftstatus(environment, quoted);
  REQUIRE(r.status != -1);
  return r;
}

// The same in a plain C locale (English).
Run run(const std::vector<std::string>& args) { return run_env("LC_ALL=C LANG=C", args); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const std::string kAsOf = "2026-11-24";

}  // namespace

// ------------------------------------------------------------------ tree

TEST_CASE("tree prints the taxonomy with box-drawing characters by default", "[cli]") {
  Run r = run({"tree"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(has(r.out, "├── In Progress [in_progress]"));
  CHECK(has(r.out, "│   ├── Migration [migration]"));
  CHECK(has(r.out, "└── Duplicate/Invalid [duplicate_invalid]"));
  CHECK(has(r.out, "Status Unknown"));
  CHECK(has(r.out, "Blocked"));
}

TEST_CASE("tree --ascii uses no box-drawing characters", "[cli]") {
  Run r = run({"tree", "--ascii"});
  CHECK(r.status == 0);
  CHECK(has(r.out, "|-- In Progress [in_progress]"));
  CHECK(has(r.out, "`-- Duplicate/Invalid [duplicate_invalid]"));
  for (const char* box : {"├", "└", "│", "─"}) {
    INFO(box);
    CHECK_FALSE(has(r.out, box));
  }
}

TEST_CASE("tree language: --lang, then LC_ALL, then LANG", "[cli]") {
  SECTION("--lang es") {
    Run r = run({"tree", "--lang", "es"});
    CHECK(r.status == 0);
    CHECK(has(r.out, "Estado desconocido"));
    CHECK(has(r.out, "Bloqueo"));
    CHECK(has(r.out, "Migración"));
    CHECK_FALSE(has(r.out, "Status Unknown"));
  }
  SECTION("--lang overrides a Spanish environment") {
    Run r = run_env("LC_ALL=es_ES.UTF-8 LANG=es_ES.UTF-8", {"tree", "--lang", "en"});
    CHECK(r.status == 0);
    CHECK(has(r.out, "Status Unknown"));
    CHECK_FALSE(has(r.out, "Estado desconocido"));
  }
  SECTION("LANG=es_ES.UTF-8 without LC_ALL gives Spanish") {
    Run r = run_env("-u LC_ALL LANG=es_ES.UTF-8", {"tree"});
    CHECK(r.status == 0);
    CHECK(has(r.out, "Estado desconocido"));
    CHECK(has(r.out, "Bloqueo"));
  }
  SECTION("an empty LC_ALL falls back to LANG") {
    Run r = run_env("LC_ALL= LANG=es_ES.UTF-8", {"tree"});
    CHECK(r.status == 0);
    CHECK(has(r.out, "Estado desconocido"));
  }
  SECTION("LC_ALL wins over LANG") {
    Run r = run_env("LC_ALL=en_US.UTF-8 LANG=es_ES.UTF-8", {"tree"});
    CHECK(r.status == 0);
    CHECK(has(r.out, "Status Unknown"));
    CHECK_FALSE(has(r.out, "Estado desconocido"));
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
    CHECK(has(r.out, "\"id\": \"" + id + "\""));
  }
  std::size_t count = 0;
  for (std::size_t at = r.out.find("\"id\":"); at != std::string::npos; at = r.out.find("\"id\":", at + 1)) ++count;
  CHECK(count == 23);
  CHECK(has(r.out, "\"taxonomy\": \"fasttrack\""));
}

TEST_CASE("tree --format markdown and dot", "[cli]") {
  Run md = run({"tree", "--format", "markdown", "--lang", "es"});
  CHECK(md.status == 0);
  CHECK(has(md.out, "# L1 - Bloqueo\n"));
  CHECK(has(md.out, "# L1 - En progreso\n"));

  Run dot = run({"tree", "--format", "dot"});
  CHECK(dot.status == 0);
  CHECK(dot.out.rfind("digraph", 0) == 0);
}

TEST_CASE("tree usage errors exit 2 with the reason on stderr", "[cli]") {
  SECTION("unknown format") {
    Run r = run({"tree", "--format", "xml"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "xml"));
  }
  SECTION("missing taxonomy file") {
    Run r = run({"tree", "--taxonomy", "/nonexistent.yaml"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "/nonexistent.yaml"));
  }
  SECTION("broken taxonomy file: file:line:column of the error") {
    TempDir dir;
    std::string path = dir.file("broken.yaml",
                                "taxonomy:\n  id: broken\n  bogus_key: 1\n  name: {en: \"x\", es: \"y\"}\n"
                                "statuses:\n  - id: a\n    name: {en: \"A\", es: \"A\"}\n");
    Run r = run({"tree", "--taxonomy", path});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, path + ":3:3:"));
    CHECK(has(r.err, "bogus_key"));
  }
}

TEST_CASE("tree --taxonomy with L3s shows them at the third level", "[cli]") {
  Run r = run({"tree", "--ascii", "--taxonomy", FTSTATUS_SOURCE_DIR "/examples/custom-l3.yaml"});
  CHECK(r.status == 0);
  CHECK(has(r.out, "Partner support desk [support_desk]"));
  CHECK(has(r.out, "\n|   |   |-- Awaiting Assignment [awaiting_assignment]\n"));
  CHECK(has(r.out, "\n|   |   `-- Awaiting Details [awaiting_details]\n"));
  CHECK(has(r.out, "\n|       |-- Configuration [configuration]\n"));
}

// -------------------------------------------------------------- validate

TEST_CASE("validate accepts a correct assignment given by Spanish names", "[cli]") {
  Run r = run({"validate", "--l1", "en progreso", "--l2", "L2 - Migración", "--target-date", "2027-01-10",
               "--as-of", kAsOf});
  CHECK(r.status == 0);
  CHECK(r.out.rfind("valid: ", 0) == 0);
  CHECK(has(r.out, "in_progress/migration"));
  CHECK(r.err.empty());
}

TEST_CASE("validate reports each problem code and exits 1", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    std::string code;
  };
  const std::vector<Case> cases = {
      {{"--l1", "blocked", "--l2", "migration"}, "l2_not_under_l1"},
      {{"--l1", "blokced"}, "unknown_l1"},
      {{"--l1", "in_progress", "--l2", "migraton", "--target-date", "2027-01-10"}, "unknown_l2"},
      {{"--l1", "blocked"}, "l2_missing"},
      {{"--l1", "duplicate_invalid", "--l2", "migration"}, "l2_not_allowed"},
      {{"--l1", "in_progress", "--l2", "migration", "--l3", "x", "--target-date", "2027-01-10"}, "l3_not_allowed"},
      {{"--l1", "in_progress", "--l2", "migration"}, "target_date_missing"},
      {{"--l1", "in_progress", "--l2", "migration", "--target-date", "2026-02-30"}, "target_date_invalid"},
      {{"--l1", "in_progress", "--l2", "migration", "--target-date", "2026-11-23"}, "target_date_past"},
      {{"--l1", "in_progress", "--l2", "migration", "--target-date", "2027-11-25"}, "target_date_beyond_horizon"},
  };
  for (const char* lang : {"en", "es"}) {
    for (const Case& c : cases) {
      std::vector<std::string> args = {"validate", "--as-of", kAsOf, "--lang", lang};
      args.insert(args.end(), c.args.begin(), c.args.end());
      std::string shown;
      for (const std::string& a : args) shown += " " + shell_quote(a);
      INFO("ftstatus" << shown);
      Run r = run(args);
      CHECK(r.status == 1);
      CHECK(has(r.out, "error " + c.code + ":"));
      CHECK(has(r.out, std::string(lang) == "es" ? "no válido" : "invalid"));
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("validate explains problems in the chosen language", "[cli]") {
  SECTION("unknown L1 suggests names, in English") {
    Run r = run({"validate", "--l1", "blokced", "--as-of", kAsOf});
    CHECK(r.status == 1);
    CHECK(has(r.out, "unknown_l1"));
    CHECK(has(r.out, "did you mean \"Blocked\""));
  }
  SECTION("and in Spanish") {
    Run r = run({"validate", "--l1", "blokced", "--as-of", kAsOf, "--lang", "es"});
    CHECK(r.status == 1);
    CHECK(has(r.out, "¿quiso decir \"Bloqueo\""));
    CHECK_FALSE(has(r.out, "did you mean"));
  }
  SECTION("target date messages in Spanish") {
    Run r = run({"validate", "--l1", "in_progress", "--l2", "migration", "--as-of", kAsOf, "--lang", "es"});
    CHECK(r.status == 1);
    CHECK(has(r.out, "target_date_missing"));
    CHECK(has(r.out, "fecha objetivo"));
    CHECK(has(r.out, "solución:"));
  }
  SECTION("not-under message names both L1s") {
    Run en = run({"validate", "--l1", "blocked", "--l2", "migration", "--as-of", kAsOf});
    CHECK(has(en.out, "\"In Progress\""));
    CHECK(has(en.out, "\"Blocked\""));
    Run es = run({"validate", "--l1", "blocked", "--l2", "migration", "--as-of", kAsOf, "--lang", "es"});
    CHECK(has(es.out, "\"En progreso\""));
    CHECK(has(es.out, "\"Bloqueo\""));
  }
}

TEST_CASE("validate --format json", "[cli]") {
  Run r = run({"validate", "--l1", "in_progress", "--l2", "migration", "--target-date", "2026-11-23", "--as-of", kAsOf,
               "--format", "json"});
  CHECK(r.status == 1);
  CHECK(has(r.out, "\"valid\": false"));
  CHECK(has(r.out, "\"code\": \"target_date_past\""));
  CHECK(has(r.out, "\"as_of\": \"2026-11-24\""));
  CHECK(has(r.out, "\"path\": \"in_progress/migration\""));

  Run ok = run({"validate", "--l1", "in_progress", "--l2", "migration", "--target-date", "2026-12-01", "--as-of",
                kAsOf, "--format", "json"});
  CHECK(ok.status == 0);
  CHECK(has(ok.out, "\"valid\": true"));
  CHECK(has(ok.out, "\"findings\": []"));
}

TEST_CASE("validate with an L3 taxonomy", "[cli]") {
  const std::string taxonomy = FTSTATUS_SOURCE_DIR "/examples/custom-l3.yaml";
  Run ok = run({"validate", "--taxonomy", taxonomy, "--l1", "open", "--l2", "in_work", "--l3", "migration",
                "--target-date", "2030-01-15", "--as-of", "2030-01-01"});
  CHECK(ok.status == 0);
  CHECK(has(ok.out, "open/in_work/migration"));
  Run bad = run({"validate", "--taxonomy", taxonomy, "--l1", "open", "--l2", "triage", "--l3", "migration",
                 "--target-date", "2030-01-02", "--as-of", "2030-01-01"});
  CHECK(bad.status == 1);
  CHECK(has(bad.out, "error l3_not_under_l2:"));
}

TEST_CASE("validate usage errors exit 2", "[cli]") {
  SECTION("missing --l1") {
    Run r = run({"validate", "--l2", "migration", "--as-of", kAsOf});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "--l1"));
  }
  SECTION("--as-of not a real day") {
    Run r = run({"validate", "--l1", "blocked", "--as-of", "2026-02-30"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "2026-02-30"));
  }
  SECTION("unsupported language") {
    Run r = run({"validate", "--l1", "blocked", "--as-of", kAsOf, "--lang", "fr"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "fr"));
  }
  SECTION("unknown option") {
    Run r = run({"validate", "--l1", "blocked", "--as-of", kAsOf, "--frobnicate"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(has(r.err, "--frobnicate"));
  }
  SECTION("no subcommand") {
    Run r = run({});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
  SECTION("unknown subcommand") {
    Run r = run({"frobnicate"});
    CHECK(r.status == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("--help and --version exit 0 on stdout", "[cli]") {
  Run help = run({"--help"});
  CHECK(help.status == 0);
  CHECK(has(help.out, "Usage:"));
  CHECK(has(help.out, "validate"));
  CHECK(has(help.out, "tree"));
  CHECK(help.err.empty());

  Run sub_help = run({"validate", "--help"});
  CHECK(sub_help.status == 0);
  CHECK(has(sub_help.out, "--l1"));
  CHECK(has(sub_help.out, "--target-date"));

  Run version = run({"--version"});
  CHECK(version.status == 0);
  CHECK_FALSE(version.out.empty());
  CHECK(version.out.find_first_of("0123456789") != std::string::npos);
  CHECK(version.err.empty());
}
