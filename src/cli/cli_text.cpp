#include "cli_text.h"

#include <unistd.h>

#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/build_info.h"
#include "ftstatus/problems.h"
#include "ftstatus/version.h"
#include "io/record_cuts.h"
#include "model/names.h"

namespace ftstatus::cli {

namespace {

Lang g_run_lang = Lang::en;

// CLI11's own words and the type names options use, with the catalogue rows
// that say them in the run's language.
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"Usage", "label_usage"},
    {"OPTIONS", "label_options"},
    {"SUBCOMMAND", "label_subcommand"},
    {"SUBCOMMANDS", "label_subcommand"},
    {"Positionals", "label_positionals"},
    {"Options", "label_options_group"},
    {"REQUIRED", "label_required"},
    {"Needs", "label_needs"},
    {"Excludes", "label_excludes"},
    {"Env", "label_env"},
    {"TEXT", "type_text"},
    {"FILE", "type_file"},
    {"DATE", "type_date"},
    {"CHAR", "type_char"},
    {"COLUMN", "type_column"},
    {"HEADER=COLUMN", "type_header_column"},
    {"NAME", "type_name"},
    {"INT", "type_int"},
};

// Characters, not bytes: "CARÁCTER" is 8 wide (CLI11 pads by bytes).
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

// CLI11's help layout with every word from the labels, and option type
// names ("TEXT:{csv,jsonl}") translated up to their first ':'.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(Lang lang) {
    for (auto [word, name] : kLabels)
      label(std::string(word), std::string(problem_info(fmt::format("help/{}", name)).message(lang)));
  }

  std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
    return CLI::Formatter::make_group(get_label(group), is_positional, std::move(opts));
  }

  // A positional shows its name only: "FILE TEXT" says nothing "FILE" does not.
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string left = make_option_name(opt, is_positional);
    if (!is_positional) left += make_option_opts(opt);
    return two_columns(left, make_option_desc(opt));
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return two_columns(sub->get_display_name(true), sub->get_description());
  }

  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    if (is_positional) return get_label(opt->get_name(true, false));
    // A flag's default value ("--apply{empty}") is not part of what users type.
    std::string name = CLI::Formatter::make_option_name(opt, is_positional);
    for (std::size_t open; (open = name.find('{')) != std::string::npos;) {
      const std::size_t close = name.find('}', open);
      if (close == std::string::npos) break;
      name.erase(open, close - open + 1);
    }
    return name;
  }

  std::string make_option_opts(const CLI::Option* opt) const override {
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    std::string out;
    if (opt->get_type_size() != 0) {
      if (std::string type = opt->get_type_name(); !type.empty()) out += " " + type_label(type);
      if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
      if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
        out += " ...";
      else if (opt->get_expected_min() > 1)
        out += " x " + std::to_string(opt->get_expected());
      if (opt->get_required()) out += " " + get_label("REQUIRED");
    }
    if (!opt->get_envname().empty()) out += " (" + get_label("Env") + ":" + opt->get_envname() + ")";
    if (!opt->get_needs().empty()) {
      out += " " + get_label("Needs") + ":";
      for (const CLI::Option* other : opt->get_needs()) out += " " + other->get_name();
    }
    if (!opt->get_excludes().empty()) {
      out += " " + get_label("Excludes") + ":";
      for (const CLI::Option* other : opt->get_excludes()) out += " " + other->get_name();
    }
    return out;
  }

  // CLI11's detail::format_help, padded by characters: "  left", the
  // description from column_width_ (on the next line when left is too wide).
  std::string two_columns(const std::string& left, const std::string& description) const {
    std::string out = "  " + left;
    std::size_t width = display_width(out);
    if (!description.empty()) {
      if (width >= column_width_)
        out += "\n" + std::string(column_width_, ' ');
      else
        out += std::string(column_width_ - width, ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out += std::string(column_width_, ' ');
      }
    }
    return out + "\n";
  }

  // "TEXT:{csv,jsonl}" -> "TEXTO:{csv,jsonl}": the type's word, then the validators' literals.
  std::string type_label(const std::string& type) const {
    std::size_t colon = type.find(':');
    if (colon == std::string::npos) return get_label(type);
    return get_label(type.substr(0, colon)) + type.substr(colon);
  }
};

std::string_view after(std::string_view text, std::string_view marker) {
  std::size_t at = text.find(marker);
  return at == std::string_view::npos ? std::string_view() : text.substr(at + marker.size());
}

std::string_view before(std::string_view text, std::string_view marker) {
  std::size_t at = text.find(marker);
  return at == std::string_view::npos ? std::string_view() : text.substr(0, at);
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    names.push_back(sub->get_name());
  return names;
}

std::string command_list(const CLI::App& app) { return fmt::format("{}", fmt::join(command_names(app), ", ")); }

// The subcommand the error happened in (the last one parsed), or the app.
const CLI::App& context_of(const CLI::App& app) {
  const CLI::App* context = &app;
  for (std::vector<CLI::App*> parsed = app.get_subcommands(); !parsed.empty();
       parsed = parsed.back()->get_subcommands())
    context = parsed.back();
  return *context;
}

// The long option names of `app` closest to `typed` ("--formt" -> --format).
std::string closest_options(const CLI::App& app, std::string_view typed) {
  std::string wanted(typed.substr(0, typed.find('=')));
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& name : opt->get_lnames()) {
      std::string candidate = "--" + name;
      std::size_t distance = edit_distance(wanted, candidate);
      if (distance <= std::max<std::size_t>(2, wanted.size() / 3)) near.emplace_back(distance, candidate);
    }
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> names;
  for (const auto& [distance, name] : near)
    if (names.size() < 3) names.push_back(name);
  return fmt::format("{}", fmt::join(names, ", "));
}

// The type an option's value has, in the run's language ("FECHA").
std::string type_of(const CLI::App& app, std::string_view option_name) {
  const CLI::Option* opt = app.get_option_no_throw(std::string(option_name));
  std::string type = opt == nullptr ? std::string() : opt->get_type_name();
  if (type.empty()) type = "TEXT";
  return HelpFormatter(g_run_lang).type_label(type);
}

// ExtrasError: the first argument in command-line order that nothing took.
std::string first_extra(const CLI::App& app, int argc, const char* const* argv) {
  std::vector<std::string> extras = app.remaining(true);
  for (int i = 1; i < argc; ++i)
    if (std::find(extras.begin(), extras.end(), argv[i]) != extras.end()) return argv[i];
  return extras.empty() ? std::string() : extras.front();
}

bool is_option(std::string_view arg) { return arg.size() > 1 && arg[0] == '-'; }

std::string unknown_argument(const CLI::App& context, const std::string& extra) {
  const Lang lang = g_run_lang;
  if (!is_option(extra)) {
    if (context.get_parent() == nullptr) {
      const std::vector<std::string> near = closest_names(extra, command_names(context));
      if (!near.empty())
        return Problem("usage_unknown_command/suggest", {{"value", extra},
                                                         {"near", fmt::format("{}", fmt::join(near, ", "))},
                                                         {"names", command_list(context)}})
            .text(lang);
      return Problem("usage_unknown_command", {{"value", extra}, {"names", command_list(context)}}).text(lang);
    }
    return Problem("usage_unexpected_argument", {{"value", extra}}).text(lang);
  }
  std::string option = extra.substr(0, extra.find('='));
  std::string near = closest_options(context, option);
  if (near.empty()) return Problem("usage_unknown_option", {{"option", option}}).text(lang);
  return Problem("usage_unknown_option/suggest", {{"option", option}, {"names", near}}).text(lang);
}

// "--format: x not in {csv,jsonl}" (CLI::IsMember) or our validators' own
// message, already in the run's language.
std::string validation_message(std::string_view what) {
  std::string_view option = before(what, ": ");
  std::string_view detail = after(what, ": ");
  std::size_t not_in = detail.rfind(" not in {");
  if (not_in != std::string_view::npos && detail.back() == '}') {
    std::string_view choices = detail.substr(not_in + 9, detail.size() - not_in - 10);
    std::string names;
    for (char c : choices) names += c == ',' ? std::string(", ") : std::string(1, c);
    return fmt::format("{}: {}", option,
                       Problem("usage_bad_choice", {{"value", std::string(detail.substr(0, not_in))}, {"names", names}})
                           .text(g_run_lang));
  }
  return std::string(what);
}

std::string conversion_message(std::string_view what) {
  const Lang lang = g_run_lang;
  if (std::string_view value = before(after(what, "The value "), " is not an allowed value for "); !value.empty())
    return fmt::format("{}: {}", after(what, " is not an allowed value for "),
                       Problem("usage_bad_value", {{"value", std::string(value)}}).text(lang));
  if (std::string_view rest = after(what, "Could not convert: "); !rest.empty())
    return fmt::format("{}: {}", before(rest, " = "),
                       Problem("usage_bad_value", {{"value", std::string(after(rest, " = "))}}).text(lang));
  std::string_view option = before(what, ": ");
  if (option.empty()) return Problem("usage_invalid", {{"detail", std::string(what)}}).text(lang);
  return Problem("usage_flag_value", {{"option", std::string(option)}}).text(lang);
}

std::string argument_count_message(const CLI::App& context, std::string_view what) {
  const Lang lang = g_run_lang;
  if (std::string_view flag = before(what, " was given a disallowed flag override"); !flag.empty())
    return Problem("usage_flag_value", {{"option", std::string(flag)}}).text(lang);
  std::string_view option = before(what, ": ");
  if (option.empty()) option = before(after(what, " arguments to "), ", got");
  if (option.empty()) return Problem("usage_invalid", {{"detail", std::string(what)}}).text(lang);
  return Problem("usage_missing_value", {{"option", std::string(option)}, {"type", type_of(context, option)}})
      .text(lang);
}

// The error in the run's language (CLI11's English is only ever shown inside
// usage_invalid, for errors ftstatus's options cannot cause).
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& error, int argc, const char* const* argv) {
  const Lang lang = g_run_lang;
  const CLI::App& context = context_of(app);
  const std::string_view what = error.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr)
    return unknown_argument(context, first_extra(app, argc, argv));
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) return validation_message(what);
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) return conversion_message(what);
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) return argument_count_message(context, what);
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    if (what.rfind("A subcommand", 0) == 0) {
      std::vector<std::string> left = app.remaining(false);
      if (!left.empty()) return unknown_argument(app, first_extra(app, argc, argv));
      return Problem("usage_command_required", {{"names", command_list(app)}}).text(lang);
    }
    if (std::string_view option = before(what, " is required"); !option.empty())
      return Problem("usage_option_required", {{"option", std::string(option)}}).text(lang);
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr)
    return Problem("usage_option_requires", {{"option", std::string(before(what, " requires "))},
                                             {"other", std::string(after(what, " requires "))}})
        .text(lang);
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr)
    return Problem("usage_option_excludes", {{"option", std::string(before(what, " excludes "))},
                                             {"other", std::string(after(what, " excludes "))}})
        .text(lang);
  return Problem("usage_invalid", {{"detail", std::string(what)}}).text(lang);
}

}  // namespace

Lang lang_from_command_line(int argc, const char* const* argv) {
  std::optional<Lang> chosen;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    std::optional<Lang> lang;
    if (arg == "--lang" && i + 1 < argc)
      lang = parse_lang(argv[i + 1]);
    else if (arg.rfind("--lang=", 0) == 0)
      lang = parse_lang(arg.substr(7));
    if (lang) chosen = lang;
  }
  return chosen.value_or(lang_from_environment());
}

namespace {
ColorChoice g_run_color = ColorChoice::automatic;
}  // namespace

ColorChoice color_from_command_line(int argc, const char* const* argv) {
  ColorChoice chosen = ColorChoice::automatic;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    std::string_view value;
    if (arg == "--color" && i + 1 < argc)
      value = argv[i + 1];
    else if (arg.rfind("--color=", 0) == 0)
      value = arg.substr(8);
    if (value == "never") chosen = ColorChoice::never;
    if (value == "auto") chosen = ColorChoice::automatic;
    if (value == "always") chosen = ColorChoice::always;
  }
  return chosen;
}

void set_run_color(ColorChoice choice) { g_run_color = choice; }

Colours colours_for(int fd) {
  Colours colours;
  if (g_run_color != ColorChoice::automatic) {
    colours.on = g_run_color == ColorChoice::always;
    return colours;
  }
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org: set and not empty
  const char* term = std::getenv("TERM");
  colours.on = (no_color == nullptr || *no_color == '\0') && (term == nullptr || std::string_view(term) != "dumb") &&
               isatty(fd) == 1;
  return colours;
}

void set_run_lang(Lang lang) {
  g_run_lang = lang;
  // Only LC_MESSAGES: LC_NUMERIC or LC_CTYPE would change how numbers and bytes are read.
  if (lang == lang_from_environment()) {
    std::setlocale(LC_MESSAGES, "");
  } else if (lang == Lang::es) {
    for (const char* name : {"es_ES.UTF-8", "es_ES.utf8", "es_ES"})
      if (std::setlocale(LC_MESSAGES, name) != nullptr) break;
  }
}
Lang run_lang() { return g_run_lang; }

std::string help_text(std::string_view name) {
  return std::string(problem_info(fmt::format("help/{}", name)).message(g_run_lang));
}

CLI::Validator one_of(std::initializer_list<std::string_view> choices, bool ignore_case) {
  std::vector<std::string> values(choices.begin(), choices.end());
  std::string shown = fmt::format("{{{}}}", fmt::join(values, ","));
  auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return text;
  };
  return CLI::Validator(
      [values, ignore_case, lower](std::string& value) -> std::string {
        for (const std::string& choice : values) {
          if (value == choice || (ignore_case && lower(value) == lower(choice))) {
            value = choice;
            return {};
          }
        }
        return Problem("usage_bad_choice", {{"value", value}, {"names", fmt::format("{}", fmt::join(values, ", "))}})
            .text(g_run_lang);
      },
      shown);
}

std::string simd_name(SimdPath path) {
  switch (path) {
    case SimdPath::avx512:
      return "AVX-512";
    case SimdPath::avx2:
      return "AVX2";
    case SimdPath::scalar:
      break;
  }
  return "scalar code";
}

std::string version_text() {
  const std::string details = Problem("help/version_details", {{"commit", kBuildCommit},
                                                               {"date", kBuildDate},
                                                               {"compiler", kBuildCompiler},
                                                               {"simd", simd_name(simd_path())}})
                                  .text(g_run_lang);
  return fmt::format("ftstatus {}\n{}", kVersion, details);
}

void localize_app(CLI::App& app) {
  app.description(help_text("app"));
  app.formatter(std::make_shared<HelpFormatter>(g_run_lang));
  app.set_help_flag("-h,--help", help_text("help_flag"));
  // Made only when asked: it looks at the processor.
  app.set_version_flag("--version", std::function<std::string()>(version_text), help_text("version_flag"));
  app.footer(help_text("footer"));
}

CLI::App* add_command(CLI::App& app, std::string_view name) {
  CLI::App* sub = app.add_subcommand(std::string(name), help_text(fmt::format("command_{}", name)));
  sub->group(help_text("label_subcommands_group"));
  sub->footer(help_text(fmt::format("examples_{}", name)) + "\n\n" + help_text("footer"));
  return sub;
}

int report_parse_error(const CLI::App& app, const CLI::ParseError& error, int argc, const char* const* argv) {
  if (dynamic_cast<const CLI::Success*>(&error) != nullptr) return app.exit(error);  // --help, --version: stdout
  std::string command = "ftstatus";
  if (const CLI::App& context = context_of(app); &context != &app) command += " " + context.get_name();
  std::cerr << command << ": " << parse_error_message(app, error, argc, argv) << '\n'
            << Problem("help", {{"command", command}}).message(g_run_lang) << '\n';
  return 2;
}

}  // namespace ftstatus::cli
