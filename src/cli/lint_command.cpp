// ftstatus lint [--taxonomy FILE] [--as-of DATE]
//
// Checks the taxonomy and its rules: every load check, rules that can never
// fire, duplicate rules, records no rule matches (with an example), statuses
// no rule produces (a warning). Exit 0 clean or warnings only, 1 errors found,
// 2 bad usage.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.h"
#include "engine/lint.h"
#include "ftstatus/loader.h"
#include "ftstatus/problems.h"
#include "load/builtin.h"

namespace ftstatus::cli {

namespace {

// Lint reports in English: its findings are about the YAML file, read by its authors.
constexpr Lang kLintLang = Lang::en;

std::string totals(std::size_t errors, std::size_t warnings) {
  return Problem("lint_totals", {{"errors", std::to_string(errors)}, {"warnings", std::to_string(warnings)}})
      .message(kLintLang);
}

}  // namespace

std::function<int()> setup_lint(CLI::App& app) {
  struct Options {
    TaxonomyOption taxonomy;
    AsOfOption as_of;
  };
  auto o = std::make_shared<Options>();
  o->taxonomy.add_to(app);
  o->as_of.add_to(app);
  return [o] {
    std::string file = o->taxonomy.path.empty() ? std::string(builtin_taxonomy_name()) : o->taxonomy.path;
    LoadResult loaded = o->taxonomy.path.empty() ? load_builtin_taxonomy() : load_taxonomy_file(o->taxonomy.path);
    // For lint, a file that does not load is the finding, not a usage error.
    for (const Diagnostic& d : loaded.errors) {
      Diagnostic tagged = d;
      tagged.message = fmt::format("{}: {}", severity_name(Severity::error), d.message);
      std::cout << fmt::format("{} [load_error]\n", tagged.to_string());
    }
    if (!loaded.ok()) {
      std::cout << totals(loaded.errors.size(), 0) << '\n';
      return finish_output(kExitProblems);
    }
    std::vector<LintFinding> findings = lint_rules(*loaded.taxonomy, loaded.rules, o->as_of.get());
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const LintFinding& f : findings) {
      (f.error ? errors : warnings) += 1;
      std::string where = f.line > 0 ? fmt::format("{}:{}", file, f.line) : file;
      std::cout << fmt::format("{}: {}: {} [{}]\n", where, severity_name(f.error ? Severity::error : Severity::warning),
                               f.message, f.code);
    }
    if (loaded.rules.rules.empty())
      std::cout << fmt::format("{}: {}: {}\n", file, severity_name(Severity::note),
                               Problem("lint_no_rules").message(kLintLang));
    std::cout << totals(errors, warnings) << '\n';
    return finish_output(errors > 0 ? kExitProblems : kExitOk);
  };
}

}  // namespace ftstatus::cli
