// Every command speaks the user's language: --help, and one error of each
// kind, under --lang en|es and under LANG, with the words from the catalogue.
// The commands are read from `ftstatus --help`, which lists main.cpp's table,
// so a new command is covered without touching this file.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ftstatus/problems.h"
#include "test_support.h"

using namespace test_support;
using ftstatus::Lang;
using ftstatus::Problem;

namespace {

const std::string kC = "LC_ALL=C LANG=C";
const std::string kSpanishLang = "-u LC_ALL -u LC_MESSAGES LANG=es_ES.UTF-8";

std::string catalogue(const std::string& key, Lang lang) {
  return std::string(ftstatus::problem_info(key).message(lang));
}

std::vector<std::string> commands() {
  Run help = run_env(kC, {"--help", "--lang", "en"});
  REQUIRE(help.status == 0);
  std::vector<std::string> names;
  bool in_list = false;
  for (const std::string& line : split_lines(help.out)) {
    if (line == catalogue("help/label_subcommands_group", Lang::en) + ":") {
      in_list = true;
    } else if (in_list && line.rfind("  ", 0) == 0) {
      names.push_back(line.substr(2, line.find(' ', 2) - 2));
    } else {
      in_list = false;
    }
  }
  REQUIRE(names.size() >= 5);
  return names;
}

// A line made only of option names and literals ("--format", "{csv,jsonl}")
// may read the same in both languages, and so may an example command line
// ("  ftstatus tree" under "Examples:"); any word must not.
bool only_literals(const std::string& line) {
  if (line.rfind("  ftstatus ", 0) == 0) return true;
  std::istringstream words(line);
  std::string word;
  while (words >> word)
    if (word[0] != '-' && word[0] != '{' && word[0] != '[') return false;
  return true;
}

std::vector<std::string> lines_shared(const std::string& es, const std::string& en) {
  std::vector<std::string> english = split_lines(en);
  std::set<std::string> english_lines(english.begin(), english.end());
  std::vector<std::string> shared;
  for (const std::string& line : split_lines(es))
    if (english_lines.count(line) != 0 && !only_literals(line)) shared.push_back(line);
  return shared;
}

// Each option's description in a help text, by the option's names ("-o,--output"),
// or by "ARG N" for the Nth argument: on its line after the names column, or
// on the next line when the names are too wide.
std::map<std::string, std::string> descriptions(const std::string& help) {
  std::map<std::string, std::string> out;
  std::vector<std::string> lines = split_lines(help);
  int arguments = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.size() < 3 || line.rfind("  ", 0) != 0 || line[2] == ' ') continue;
    std::string names = line.substr(2, line.find(' ', 2) - 2);
    std::string key = names[0] == '-' ? names : "ARG " + std::to_string(++arguments);
    std::string rest = line.substr(2 + names.size());
    std::size_t text = rest.find("  ");
    std::string description;
    if (text != std::string::npos) description = rest.substr(rest.find_first_not_of(' ', text));
    if (description.empty() && i + 1 < lines.size() && lines[i + 1].rfind("      ", 0) == 0)
      description = lines[i + 1].substr(lines[i + 1].find_first_not_of(' '));
    out[key] = description;
  }
  return out;
}

// One command line, run in English and in Spanish (by --lang and by LANG).
struct Both {
  Run en;
  Run es;
  Run es_by_environment;
};

Both run_both(const std::vector<std::string>& args) {
  std::vector<std::string> en = args;
  en.insert(en.end(), {"--lang", "en"});
  std::vector<std::string> es = args;
  es.insert(es.end(), {"--lang", "es"});
  return {run_env(kC, en), run_env(kC, es), run_env(kSpanishLang, args)};
}

}  // namespace

TEST_CASE("every command's --help is in the language asked for, from the catalogue", "[cli][lang]") {
  for (const std::string& command : commands()) {
    INFO(command);
    Both help = run_both({command, "--help"});
    for (const Run* r : {&help.en, &help.es, &help.es_by_environment}) {
      CHECK(r->status == 0);
      CHECK(r->err.empty());
    }
    CHECK(help.es.out != help.en.out);
    CHECK(help.es_by_environment.out == help.es.out);
    CHECK(run_env("-u LC_ALL LANG=C", {command, "--help"}).out == help.en.out);
    CHECK(run_env("LC_ALL=es_ES.UTF-8 LANG=es_ES.UTF-8", {command, "--help", "--lang=en"}).out == help.en.out);
    CHECK(contains(help.en.out, catalogue("help/command_" + command, Lang::en)));
    CHECK(contains(help.es.out, catalogue("help/command_" + command, Lang::es)));
    CHECK(contains(help.es.out, catalogue("help/help_flag", Lang::es)));
    CHECK(contains(help.es.out, catalogue("help/footer", Lang::es)));
    CHECK(contains(help.es.out, catalogue("help/label_usage", Lang::es) + ": "));
    CHECK(contains(help.es.out, catalogue("help/option_lang", Lang::es)));
    for (const std::string& line : lines_shared(help.es.out, help.en.out)) FAIL_CHECK("the same in English: " << line);
    std::map<std::string, std::string> en = descriptions(help.en.out);
    std::map<std::string, std::string> es = descriptions(help.es.out);
    CHECK(en.count("--lang") == 1);
    for (const auto& [names, text] : en) {
      INFO(names);
      CHECK(es.count(names) == 1);
      if (!text.empty()) CHECK(es[names] != text);
    }
  }
}

TEST_CASE("ftstatus --help lists the commands in the language asked for", "[cli][lang]") {
  Both help = run_both({"--help"});
  CHECK(help.es.status == 0);
  CHECK(help.es_by_environment.out == help.es.out);
  CHECK(contains(help.es.out, catalogue("help/app", Lang::es)));
  CHECK(contains(help.es.out, catalogue("help/label_subcommands_group", Lang::es) + ":\n"));
  for (const std::string& command : commands()) CHECK(contains(help.es.out, "  " + command + " "));
  CHECK(lines_shared(help.es.out, help.en.out).empty());
}

TEST_CASE("LC_ALL, then LC_MESSAGES, then LANG decide the language; --lang wins", "[cli][lang]") {
  const std::string es_help = run_env(kC, {"tree", "--help", "--lang", "es"}).out;
  const std::string en_help = run_env(kC, {"tree", "--help", "--lang", "en"}).out;
  CHECK(run_env("-u LC_ALL LC_MESSAGES=es_ES.UTF-8 LANG=C", {"tree", "--help"}).out == es_help);
  CHECK(run_env("-u LC_ALL LC_MESSAGES=C LANG=es_ES.UTF-8", {"tree", "--help"}).out == en_help);
  CHECK(run_env("LC_ALL=es_ES.UTF-8 LC_MESSAGES=C", {"tree", "--help"}).out == es_help);
  CHECK(run_env(kC, {"--lang=es", "tree", "--help"}).out == es_help);
}

// Checks one error in both languages: exit 2, nothing on stdout, the
// catalogue's message in each language, and Spanish that is not the English.
void check_error(const std::vector<std::string>& args, const Problem& problem) {
  Both r = run_both(args);
  INFO(args[0] << " " << (args.size() > 1 ? args[1] : ""));
  for (const Run* run : {&r.en, &r.es, &r.es_by_environment}) {
    INFO(run->err);
    CHECK(run->status == 2);
    CHECK(run->out.empty());
  }
  CHECK(r.es.err != r.en.err);
  CHECK(r.es_by_environment.err == r.es.err);
  CHECK(contains(r.en.err, problem.message(Lang::en)));
  CHECK(contains(r.es.err, problem.message(Lang::es)));
  CHECK_FALSE(contains(r.es.err, problem.message(Lang::en)));
}

TEST_CASE("command-line errors of every kind are in the language asked for", "[cli][lang]") {
  const std::vector<std::string> names = commands();
  SECTION("an unknown command") {
    check_error({"frobnicate"}, Problem("usage_unknown_command", {{"value", "frobnicate"}}));
  }
  SECTION("an unknown option, on every command, with the --help line") {
    for (const std::string& command : names) {
      check_error({command, "--no-such-option"}, Problem("usage_unknown_option", {{"option", "--no-such-option"}}));
      Both r = run_both({command, "--no-such-option"});
      CHECK(contains(r.es.err, Problem("help", {{"command", "ftstatus " + command}}).message(Lang::es)));
      CHECK(contains(r.en.err, Problem("help", {{"command", "ftstatus " + command}}).message(Lang::en)));
    }
  }
  SECTION("a misspelt option gets a suggestion") {
    Both r = run_both({"tree", "--formt", "json"});
    CHECK(contains(
        r.es.err,
        Problem("usage_unknown_option/suggest", {{"option", "--formt"}, {"names", "--format"}}).text(Lang::es)));
  }
  SECTION("a value a checked option does not take") {
    check_error({"codes", "--format", "xml"},
                Problem("usage_bad_choice", {{"value", "xml"}, {"names", "text, csv, json"}}));
    check_error({"lint", "--as-of", "2026-02-30"}, Problem("usage_bad_date", {{"value", "2026-02-30"}}));
  }
  SECTION("an option without its value") {
    // --as-of last: its value is missing whatever language flag comes first.
    for (const char* command : {"classify", "lint", "validate"}) {
      Run en = run_env(kC, {command, "--lang", "en", "--as-of"});
      Run es = run_env(kC, {command, "--lang", "es", "--as-of"});
      CHECK(en.status == 2);
      CHECK(es.status == 2);
      CHECK(contains(en.err,
                     Problem("usage_missing_value", {{"option", "--as-of"}, {"type", "DATE"}}).message(Lang::en)));
      CHECK(contains(es.err,
                     Problem("usage_missing_value", {{"option", "--as-of"}, {"type", "FECHA"}}).message(Lang::es)));
    }
  }
  SECTION("a required argument missing") {
    check_error({"validate", "--l2", "migration"}, Problem("usage_l1_required"));
  }
  SECTION("a file that cannot be read") {
    TempDir dir;
    const std::string missing = dir.path("missing.csv");
    Both r = run_both({"validate", missing});
    CHECK(r.en.status == 2);
    CHECK(r.es.status == 2);
    CHECK(r.es.err != r.en.err);
    // The pattern up to its {reason} (the system's words for why).
    const std::string es = catalogue("input_cannot_open", Lang::es);
    CHECK(contains(r.es.err, missing + ": " + es.substr(0, es.find('{'))));
  }
  SECTION("a broken taxonomy") {
    const std::string broken = kSourceDir + "/tests/golden/inputs/broken-taxonomy.yaml";
    check_error({"tree", "--taxonomy", broken}, Problem("taxonomy_errors", {{"count", "7"}}));
    // lint reports it as findings, exit 1, in the language too.
    Both lint = run_both({"lint", "--taxonomy", broken});
    CHECK(lint.es.status == 1);
    CHECK(lint.es.out != lint.en.out);
    CHECK(lint.es_by_environment.out == lint.es.out);
    CHECK(contains(lint.es.out, Problem("lint_totals", {{"errors", "7"}, {"warnings", "0"}}).message(Lang::es)));
  }
}

TEST_CASE("lint, codes and validate FILE print their own words in the language asked for", "[cli][lang]") {
  const std::string findings = kSourceDir + "/tests/golden/inputs/lint-findings.yaml";
  Both lint = run_both({"lint", "--taxonomy", findings, "--as-of", kAsOfDate});
  CHECK(lint.es.status == 1);
  CHECK(contains(lint.es.out, ": " + catalogue("severity_warning", Lang::es) + ": "));
  CHECK(contains(lint.en.out, ": warning: "));
  CHECK(lines_shared(lint.es.out, lint.en.out).empty());

  Both codes = run_both({"codes"});
  CHECK(contains(codes.es.out, "status_not_produced (" + catalogue("severity_warning", Lang::es) + ")\n"));

  Both validate = run_both({"validate", example("entitlements.csv"), "--as-of", kAsOfDate});
  CHECK(validate.es.status == 1);
  CHECK(contains(validate.es.out, "línea 5: FT-100004: l1_missing: "));
  CHECK(contains(validate.en.out, "line 5: FT-100004: l1_missing: "));
}
