#pragma once
// The command line in the user's language. The language is decided once, from
// argv and the environment, before CLI11 builds a single option description;
// every help text, CLI11 label and parse error then comes from the problem
// catalogue (src/model/problem_catalogue.cpp) in that language.
//
// To add an option: give it `help_text("NAME")` as its description (a row
// {"help", note, EN, ES, "", "", "NAME"} in the catalogue), an English type
// name from the catalogue's help/type_* rows ("FILE", "DATE", "COLUMN", ...;
// the help formatter translates it), and one_of(...) instead of
// CLI::IsMember for a fixed set of values.
#include <initializer_list>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "ftstatus/lang.h"
#include "report/colours.h"

namespace ftstatus::cli {

// `--lang X` or `--lang=X` anywhere before a "--" (the last one wins), else
// the environment (lang_from_environment). A value that is not a language is
// left for CLI11 to refuse, in the environment's language.
Lang lang_from_command_line(int argc, const char* const* argv);

// The language of this run. main sets it before it declares any option;
// options, validators and error reports read it. It also asks the C library
// for its messages (strerror's "No such file or directory", inside our
// input_cannot_open) in that language, where the system has that locale.
void set_run_lang(Lang lang);
Lang run_lang();

// The catalogue's help text "help/NAME" in the run's language.
std::string help_text(std::string_view name);

// A check that the value is one of `choices` (letter case ignored when asked,
// and the value then becomes the choice as written here). Its failure message
// is the catalogue's usage_bad_choice; help shows the choices as {a,b,c}.
CLI::Validator one_of(std::initializer_list<std::string_view> choices, bool ignore_case = false);

// Makes `app` speak the run's language: the help layout and CLI11's words,
// the description, footer, --help and --version. Call it before adding
// subcommands: they inherit all of it. Adds a subcommand with
// add_command(app, name): its description is help/command_NAME.
// --color never|auto|always, read from the whole command line before
// parsing (like --lang): the last one wins; the default is auto.
enum class ColorChoice { never, automatic, always };
ColorChoice color_from_command_line(int argc, const char* const* argv);
void set_run_color(ColorChoice choice);
// Colours for text written to file descriptor `fd`: with --color always, on;
// never, off; auto, on for a terminal unless NO_COLOR is set (not empty) or
// TERM is dumb.
Colours colours_for(int fd);

void localize_app(CLI::App& app);
// `ftstatus --version`: the version, then the commit, build date, compiler
// and the record-boundary scanner this processor gets.
std::string version_text();
CLI::App* add_command(CLI::App& app, std::string_view name);

// What main does with a CLI11 parse error: --help and --version print to
// stdout and give 0; any other error prints "ftstatus COMMAND: message" in
// the run's language and the catalogue's "Run with --help" line to stderr,
// and gives 2.
int report_parse_error(const CLI::App& app, const CLI::ParseError& error, int argc, const char* const* argv);

}  // namespace ftstatus::cli
