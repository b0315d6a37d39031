// ftstatus lint [--taxonomy FILE] [--as-of DATE] [--lang en|es]
//
// Checks the taxonomy and its rules: every load check, rules that can never
// fire, duplicate rules, records no rule matches (with an example), statuses
// no rule produces (a warning). Exit 0 clean or warnings only, 1 errors found,
// 2 bad usage.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.h"
#include "engine/lint.h"
#include "ftstatus/loader.h"
#include "ftstatus/problems.h"
#include "load/builtin.h"
#include "report/codes_writer.h"

namespace ftstatus::cli {

namespace {

// "0 error(s), 2 warning(s)": on a terminal, errors red and warnings yellow when there are any, else green.
std::string totals(std::size_t errors, std::size_t warnings, Lang lang, const Colours& colours) {
  const auto count = [&](std::size_t n, Colour some) {
    return colours.paint(std::to_string(n), n > 0 ? some : Colour::green);
  };
  return Problem("lint_totals", {{"errors", count(errors, Colour::red)}, {"warnings", count(warnings, Colour::yellow)}})
      .message(lang);
}

}  // namespace

std::function<int()> setup_lint(CLI::App& app) {
  struct Options {
    TaxonomyOption taxonomy;
    AsOfOption as_of;
    LangOption lang;
    ColorOption color;
  };
  auto o = std::make_shared<Options>();
  o->taxonomy.add_to(app);
  o->as_of.add_to(app);
  o->lang.add_to(app);
  o->color.add_to(app);
  return [o] {
    const Lang lang = o->lang.get();
    std::string file = o->taxonomy.path.empty() ? std::string(builtin_taxonomy_name()) : o->taxonomy.path;
    LoadResult loaded = o->taxonomy.read(lang);
    const Colours colours = colours_for(STDOUT_FILENO);
    // For lint, a file that does not load is the finding, not a usage error.
    for (const Diagnostic& d : loaded.errors) {
      Diagnostic tagged = d;
      tagged.message =
          fmt::format("{}: {}", colours.paint(severity_word(Severity::error, lang), Colour::red), d.message);
      std::cout << fmt::format("{} [load_error]\n", tagged.to_string());
    }
    if (!loaded.ok()) {
      std::cout << totals(loaded.errors.size(), 0, lang, colours) << '\n';
      // A file that cannot be read, or that passes a --taxonomy-max-* limit, was not checked at all.
      return finish_output(loaded.unreadable ? kExitUsage : kExitProblems);
    }
    std::vector<LintFinding> findings = lint_rules(*loaded.taxonomy, loaded.rules, o->as_of.get(), lang);
    std::size_t errors = 0;
    std::size_t warnings = 0;
    for (const LintFinding& f : findings) {
      (f.error ? errors : warnings) += 1;
      std::string where = f.line > 0 ? fmt::format("{}:{}", file, f.line) : file;
      std::cout << fmt::format("{}: {}: {} [{}]\n", where,
                               colours.paint(severity_word(f.error ? Severity::error : Severity::warning, lang),
                                             f.error ? Colour::red : Colour::yellow),
                               f.message, f.code);
    }
    if (loaded.rules.rules.empty())
      std::cout << fmt::format("{}: {}: {}\n", file, severity_word(Severity::note, lang),
                               Problem("lint_no_rules").message(lang));
    std::cout << totals(errors, warnings, lang, colours) << '\n';
    return finish_output(errors > 0 ? kExitProblems : kExitOk);
  };
}

}  // namespace ftstatus::cli
