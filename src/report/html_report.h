#pragma once
// `ftstatus report`'s page: one self-contained HTML5 file (inline CSS and
// SVG, no script, no request to the network) laid out from a ReportData,
// every word from the catalogue and every input cell escaped.
//
// The page is a list of sections; standard_sections() gives the usual ones
// and a caller may insert its own (another section reuses the helpers below)
// before write_html_page() lays them out with the contents list.
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ftstatus/diff.h"
#include "ftstatus/lang.h"
#include "ftstatus/report.h"
#include "ftstatus/taxonomy.h"

namespace ftstatus {

struct HtmlReportInfo {
  Lang lang = Lang::en;
  std::string input_name;     // as the user named the input
  std::string taxonomy_path;  // empty: the built-in taxonomy
  std::string version;
  std::string as_of;  // YYYY-MM-DD, for the title; html_report() takes the data's
};

// Where the page goes: appended to `html`; with a `file`, flush() writes
// out what is there and empties it, so that a big page is never held whole
// (the page writer flushes after each section; a long section may flush too).
struct HtmlOutput {
  std::string html;
  std::FILE* file = nullptr;
  void flush();
};

// One <section>: its id (the anchor the contents list links to), its <h2>
// text, and what follows the heading, appended as HTML.
struct HtmlSection {
  std::string id;
  std::string title;
  std::function<void(HtmlOutput& out)> body;
};

// Summary, statuses, transitions, problems, target dates, customers, about.
std::vector<HtmlSection> standard_sections(const Taxonomy& taxonomy, const ReportData& data,
                                           const HtmlReportInfo& info);
// `report --previous OLD`: what changed since the previous export, from the
// diff of OLD and this one: the counts, every regression (the first 100) and
// the most frequent status changes.
HtmlSection previous_section(const Taxonomy& taxonomy, const DiffResult& diff, Lang lang);
// The whole page: head and style, title, contents, each section in order.
void write_html_page(HtmlOutput& out, const std::vector<HtmlSection>& sections, const HtmlReportInfo& info);
// The usual page, as a string or written to `file` (a write error is left on the stream).
std::string html_report(const Taxonomy& taxonomy, const ReportData& data, const HtmlReportInfo& info);
void write_html_report(std::FILE* file, const Taxonomy& taxonomy, const ReportData& data, const HtmlReportInfo& info);

// Helpers for a section's body.
// `text` with & < > " ' as entities, bytes that are not UTF-8 as U+FFFD and
// control characters as spaces: any cell may be shown.
void append_escaped(std::string& out, std::string_view text);
std::string html_escaped(std::string_view text);
// 1,234,567 in English, 1.234.567 in Spanish.
std::string format_count(long count, Lang lang);
// The CSS class that colours `status` by its L1 (k-green...), or k-dim.
std::string_view status_colour_class(const Taxonomy& taxonomy, StatusIndex status);

// A horizontal bar chart (inline SVG) of labelled counts; the caller follows
// it with a table of the same numbers.
struct HtmlBar {
  std::string label;
  long value = 0;
  std::string_view colour_class;  // status_colour_class()
};
void append_bar_chart(std::string& out, const std::vector<HtmlBar>& bars, std::string_view description);

}  // namespace ftstatus
