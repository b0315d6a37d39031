#include "report/codes_writer.h"

#include <sstream>
#include <string>

#include <fmt/format.h>

#include "ftstatus/problems.h"
#include "io/csv.h"
#include "io/json_writer.h"

namespace ftstatus {

namespace {

// A text with line breaks keeps the block's indent on every line.
std::string indented(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

// Calls visit(info) for each code's main entry, in catalogue order.
template <typename Visit>
void for_each_code(Visit visit) {
  for (const ProblemInfo& info : problem_catalogue())
    if (info.variant.empty()) visit(info);
}

}  // namespace

std::string_view severity_word(Severity severity, Lang lang) {
  switch (severity) {
    case Severity::error:
      return severity_name(severity);  // the same word in English and Spanish
    case Severity::warning:
      return problem_info("severity_warning").message(lang);
    case Severity::note:
      return problem_info("severity_note").message(lang);
  }
  return severity_name(severity);
}

std::optional<CodesFormat> parse_codes_format(std::string_view text) {
  if (text == "text") return CodesFormat::text;
  if (text == "csv") return CodesFormat::csv;
  if (text == "json") return CodesFormat::json;
  return std::nullopt;
}

void write_codes(std::FILE* out, CodesFormat format, Lang lang) {
  switch (format) {
    case CodesFormat::text: {
      bool first = true;
      for_each_code([&](const ProblemInfo& info) {
        fmt::print(out, "{}{} ({})\n  {}\n", first ? "" : "\n", info.code, severity_word(info.severity, lang),
                   indented(info.message(lang)));
        first = false;
        if (!info.fix(lang).empty())
          fmt::print(out, "  {}\n",
                     indented(Problem("fix_hint", {{"fix", std::string(info.fix(lang))}}).message(lang)));
      });
      break;
    }
    case CodesFormat::csv: {
      CsvWriter csv(out, ',');
      for (std::string_view name : {"code", "severity", "message", "fix"}) csv.field(name);
      csv.end_record();
      for_each_code([&](const ProblemInfo& info) {
        for (std::string_view field : {info.code, severity_name(info.severity), info.message(lang), info.fix(lang)})
          csv.field(field);
        csv.end_record();
      });
      csv.flush();
      break;
    }
    case CodesFormat::json: {
      std::ostringstream text;
      JsonWriter w(text);
      w.begin_array();
      for_each_code([&](const ProblemInfo& info) {
        w.begin_object();
        w.key("code");
        w.value(info.code);
        w.key("severity");
        w.value(severity_name(info.severity));
        w.key("message");
        w.value(info.message(lang));
        w.key("fix");
        w.value(info.fix(lang));
        w.end_object();
      });
      w.end_array();
      std::fputs(text.str().c_str(), out);
      break;
    }
  }
}

}  // namespace ftstatus
