#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "ftstatus/problems.h"
#include "test_support.h"

using namespace test_support;

namespace {

Run run_codes(const std::string& environment, const std::string& args) {
  Run r = run_ftstatus(environment, "codes " + args);
  REQUIRE(r.status != -1);
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The catalogue's codes, each once (variants are other wordings of a code).
std::vector<std::string> catalogue_codes() {
  std::vector<std::string> out;
  for (const ftstatus::ProblemInfo& info : ftstatus::problem_catalogue())
    if (info.variant.empty()) out.emplace_back(info.code);
  return out;
}

// The text format: a block per code, opening with "code (severity)".
std::vector<std::string> text_codes(const std::string& out) {
  std::vector<std::string> codes;
  for (const std::string& line : lines_of(out))
    if (!line.empty() && line[0] != ' ') codes.push_back(line.substr(0, line.find(' ')));
  return codes;
}

}  // namespace

TEST_CASE("codes lists every code once, in English and in Spanish", "[cli][codes]") {
  Run en = run_codes("LC_ALL=C LANG=C", "--lang en");
  Run es = run_codes("LC_ALL=C LANG=C", "--lang es");
  CHECK(en.status == 0);
  CHECK(es.status == 0);
  CHECK(en.err.empty());
  CHECK(text_codes(en.out) == catalogue_codes());
  CHECK(text_codes(es.out) == catalogue_codes());
  CHECK(en.out != es.out);
  CHECK(contains(en.out,
                 "target_date_past (error)\n  target date {value} is before the as-of date {as_of}\n"
                 "  fix: set a target date from {as_of} to {latest} (YYYY-MM-DD)\n"));
  CHECK(contains(es.out,
                 "target_date_past (error)\n  la fecha objetivo {value} es anterior a la fecha de referencia "
                 "{as_of}\n  solución: indique una fecha objetivo entre {as_of} y {latest} (AAAA-MM-DD)\n"));
  // A code without a fix has no fix line.
  CHECK(contains(en.out, "input_read_error (error)\n  read error\n\n"));
}

TEST_CASE("codes takes its default language from the environment", "[cli][codes]") {
  CHECK(run_codes("LC_ALL=es_ES.UTF-8", "").out == run_codes("LC_ALL=C LANG=C", "--lang es").out);
  CHECK(run_codes("LC_ALL=C LANG=C", "").out == run_codes("LC_ALL=es_ES.UTF-8", "--lang en").out);
}

TEST_CASE("codes --format csv is a table of code, severity, message and fix", "[cli][codes]") {
  Run r = run_codes("LC_ALL=C LANG=C", "--format csv --lang es");
  CHECK(r.status == 0);
  std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(!lines.empty());
  CHECK(lines[0] == "code,severity,message,fix");
  for (const std::string& code : catalogue_codes()) {
    INFO(code);
    CHECK(contains(r.out, "\n" + code + ","));
  }
  CHECK(contains(r.out, "\nunknown_l1,error,\"estado L1 desconocido \"\"{value}\"\"\",¿quiso decir {names}?\n"));
  CHECK(contains(r.out, "\nstatus_not_produced,warning,ninguna regla da el estado '{status}',\n"));
}

TEST_CASE("codes --format json is an array of objects", "[cli][codes]") {
  Run r = run_codes("LC_ALL=C LANG=C", "--format json");
  CHECK(r.status == 0);
  REQUIRE(r.out.size() > 2);
  CHECK(r.out.front() == '[');
  CHECK(r.out.substr(r.out.size() - 2) == "]\n");
  std::size_t objects = 0;
  for (std::size_t at = r.out.find("\"code\": "); at != std::string::npos; at = r.out.find("\"code\": ", at + 1))
    ++objects;
  CHECK(objects == catalogue_codes().size());
  CHECK(contains(r.out,
                 "{\n    \"code\": \"unknown_l1\",\n    \"severity\": \"error\",\n"
                 "    \"message\": \"unknown L1 status \\\"{value}\\\"\",\n"
                 "    \"fix\": \"did you mean {names}?\"\n  }"));
}

TEST_CASE("codes refuses an unknown format", "[cli][codes]") {
  Run r = run_codes("LC_ALL=C LANG=C", "--format xml");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
}

TEST_CASE("README's codes examples are what codes prints", "[cli][codes][readme]") {
  std::vector<std::string> readme = lines_of(read_file(std::string(FTSTATUS_SOURCE_DIR) + "/README.md"));
  const std::string prompt = "$ ./build/ftstatus codes";
  int examples = 0;
  for (std::size_t i = 0; i < readme.size(); ++i) {
    if (readme[i].rfind(prompt, 0) != 0) continue;
    ++examples;
    // "$ ./build/ftstatus codes ARGS | head ...": run ARGS, compare the lines shown.
    std::string args = readme[i].substr(prompt.size());
    args = args.substr(0, args.find('|'));
    std::string shown;
    for (std::size_t k = i + 1; k < readme.size() && readme[k].rfind("$ ", 0) != 0 && readme[k] != "```"; ++k)
      shown += readme[k] + '\n';
    INFO(readme[i]);
    Run r = run_codes("LC_ALL=C LANG=C", args);
    CHECK(r.out.substr(0, shown.size()) == shown);
  }
  CHECK(examples > 0);
}
