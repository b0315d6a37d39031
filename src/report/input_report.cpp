#include "report/input_report.h"

#include <algorithm>

#include <fmt/format.h>

namespace ftstatus {

namespace {

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf16le:
      return "UTF-16LE";
    case Encoding::utf16be:
      return "UTF-16BE";
    case Encoding::cp1252:
      return "Windows-1252";
    default:
      return "UTF-8";
  }
}

std::string delimiter_name(char delimiter) {
  if (delimiter == '\t') return "tab";
  return fmt::format("'{}'", delimiter);
}

std::string_view line_ending_name(LineEnding ending) {
  switch (ending) {
    case LineEnding::crlf:
      return "CRLF";
    case LineEnding::cr:
      return "CR";
    case LineEnding::lf:
      return "LF";
  }
  return "LF";
}

std::string_view order_name(DateFormat format) { return format == DateFormat::dmy ? "dmy" : "mdy"; }

// Width of a header in terminal columns, roughly: UTF-8 continuation bytes take none.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

void write_input_notes(std::ostream& out, const InputReport& report, const Schema& schema, Lang lang) {
  std::string allowed;
  for (const MissingColumn& m : report.columns.missing)
    if (m.allowed) allowed += (allowed.empty() ? "" : ", ") + schema.columns[static_cast<std::size_t>(m.column)].id;
  if (!allowed.empty())
    out << "ftstatus: " << Problem("columns_allowed_missing", {{"columns", allowed}}).text(lang) << '\n';
  if (report.cp1252_line > 0)
    out << "ftstatus: "
        << Problem("input_read_as_cp1252", {{"file", report.name}, {"line", std::to_string(report.cp1252_line)}})
               .text(lang)
        << '\n';
  for (const DateOrderChoice& choice : report.dates) {
    if (choice.reason == DateOrderChoice::Reason::values || choice.ambiguous == 0) continue;
    const std::string key =
        choice.reason == DateOrderChoice::Reason::headers ? "date_order_guessed" : "date_order_guessed/locale";
    out << "ftstatus: "
        << Problem(key, {{"column", schema.columns[static_cast<std::size_t>(choice.column)].id},
                         {"order", std::string(order_name(choice.format))},
                         {"other", std::string(order_name(choice.format == DateFormat::dmy ? DateFormat::mdy
                                                                                           : DateFormat::dmy))},
                         {"count", std::to_string(choice.ambiguous)},
                         {"example", choice.example}})
               .text(lang)
        << '\n';
  }
}

void write_column_report(std::ostream& out, const InputReport& report, const Schema& schema, Lang lang) {
  if (!report.sheet.empty())
    out << Problem("column_report_title/sheet", {{"file", report.name}, {"sheet", report.sheet}}).message(lang) << '\n';
  else
    out << Problem("column_report_title", {{"file", report.name},
                                           {"encoding", std::string(encoding_name(report.encoding))},
                                           {"delimiter", delimiter_name(report.delimiter)},
                                           {"line_ending", std::string(line_ending_name(report.line_ending))}})
               .message(lang)
        << '\n';
  std::size_t width = 0;
  for (const HeaderMatch& h : report.columns.headers) width = std::max(width, display_width(h.header));
  width = std::min<std::size_t>(width, 40);
  for (const HeaderMatch& h : report.columns.headers) {
    std::string how;
    std::string target;
    switch (h.kind) {
      case MatchKind::exact:
      case MatchKind::alias:
      case MatchKind::guessed:
        target = schema.columns[static_cast<std::size_t>(h.column)].id;
        how = Problem(fmt::format("column_report_{}", match_kind_name(h.kind))).message(lang);
        break;
      case MatchKind::mapped:
        target = schema.columns[static_cast<std::size_t>(h.column)].id;
        how = Problem("column_report_mapped", {{"origin", h.origin}}).message(lang);
        break;
      case MatchKind::unused:
        target = "-";
        how = Problem("column_report_unused").message(lang);
        break;
      case MatchKind::output:
        target = output_column_names()[static_cast<std::size_t>(h.output)];
        how = Problem("column_report_output").message(lang);
        break;
    }
    const std::size_t pad = width > display_width(h.header) ? width - display_width(h.header) : 0;
    out << fmt::format("  {:>3}  {}{}  -> {:<20} {}\n", h.field + 1, h.header, std::string(pad, ' '), target, how);
  }
  for (const MissingColumn& m : report.columns.missing) {
    const Column& column = schema.columns[static_cast<std::size_t>(m.column)];
    std::string names;
    for (const std::string& alias : column.aliases) names += (names.empty() ? "" : ", ") + alias;
    std::string candidates;
    for (std::size_t i = 0; i < m.candidates.size() && i < 3; ++i) {
      const std::string& c = m.candidates[i];
      candidates += fmt::format("{}\"{}\"", i > 0 ? ", " : "", c.size() > 60 ? c.substr(0, 57) + "..." : c);
    }
    std::string key = m.allowed ? "column_report_missing_allowed" : "column_report_missing";
    if (!m.allowed && column.required)
      key += "/required";
    else if (!m.allowed && !candidates.empty())
      key += "/candidates";
    out << "  " << Problem(key, {{"column", column.id}, {"names", names}, {"candidates", candidates}}).message(lang)
        << '\n';
  }
  for (const DateOrderChoice& choice : report.dates) {
    if (choice.day_first + choice.month_first + choice.ambiguous == 0) continue;  // ISO or empty: no order to choose
    out << "  "
        << Problem("column_report_dates", {{"column", schema.columns[static_cast<std::size_t>(choice.column)].id},
                                           {"order", std::string(order_name(choice.format))},
                                           {"day_first", std::to_string(choice.day_first)},
                                           {"month_first", std::to_string(choice.month_first)},
                                           {"ambiguous", std::to_string(choice.ambiguous)}})
               .message(lang)
        << '\n';
  }
}

}  // namespace ftstatus
