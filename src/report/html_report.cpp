#include "report/html_report.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "ftstatus/problems.h"
#include "model/utf8.h"
#include "report/codes_writer.h"
#include "report/colours.h"
#include "report/diff_writer.h"

namespace ftstatus {

namespace {

// The page's look: system fonts, one accent colour, each L1 its colour
// (report/colours.h's choice as CSS), a dark scheme, and a printed form
// where every section starts a page and nothing is folded away.
constexpr std::string_view kStyle = R"css(
:root{color-scheme:light dark;--bg:#f6f7f9;--panel:#fff;--text:#1b1f24;--muted:#5b6470;--line:#d9dde3;
--accent:#1f5fbf;--head:#eef1f5;--heat:31 95 191;--cyan:#0e7490;--green:#15803d;--magenta:#a21caf;--red:#c0262d;
--blue:#1d4ed8;--yellow:#a16207;--dim:#6b7280}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--panel:#1a1f26;--text:#e6e9ee;--muted:#9aa4b1;
--line:#2e3641;--accent:#7fb0ff;--head:#222a33;--heat:96 150 255;--cyan:#22b8cf;--green:#40c463;--magenta:#d66ee8;
--red:#f2686e;--blue:#6b9bff;--yellow:#e0b43c;--dim:#8b95a3}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
.page{max-width:1160px;margin:0 auto;padding:24px 28px 40px}
header.top{border-bottom:3px solid var(--accent);padding-bottom:10px;margin-bottom:18px}
h1{font-size:26px;margin:0 0 2px;letter-spacing:-.01em}
.sub{color:var(--muted);margin:0;overflow-wrap:anywhere}
nav ol{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:0 0 18px}
nav a{color:var(--accent);text-decoration:none}nav a:hover{text-decoration:underline}
section{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:18px 22px;margin:0 0 18px}
h2{font-size:20px;margin:0 0 12px}h3{font-size:16px;margin:18px 0 8px}
p{margin:6px 0}.muted{color:var(--muted)}.more{color:var(--muted);font-style:italic}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;margin:0 0 16px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 14px;background:var(--head)}
.card .n{display:block;font-size:26px;font-weight:650;font-variant-numeric:tabular-nums}
.card .l{color:var(--muted);font-size:13px}
.scroll{overflow-x:auto;max-width:100%;margin:6px 0 10px}
table{border-collapse:collapse;font-size:14px;min-width:40%}
caption{text-align:left;font-weight:600;padding:4px 0 6px;color:var(--muted);overflow-wrap:anywhere}
th,td{border:1px solid var(--line);padding:5px 9px;text-align:left;vertical-align:top;overflow-wrap:break-word}
caption.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
td code,td.nw{white-space:nowrap}
.pair{display:grid;grid-template-columns:minmax(0,1fr);gap:4px 28px;align-items:start}
@media (min-width:1000px){.pair{grid-template-columns:minmax(0,560px) minmax(0,1fr)}}
td.s{white-space:nowrap}
thead th,th[scope=row]{background:var(--head)}th[scope=row]{font-weight:600}
th[scope=rowgroup]{background:var(--head);font-weight:600;font-size:13px;color:var(--muted)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code{font:13px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:6px;background:var(--k);vertical-align:-1px}
.k-cyan{--k:var(--cyan)}.k-green{--k:var(--green)}.k-magenta{--k:var(--magenta)}.k-red{--k:var(--red)}
.k-blue{--k:var(--blue)}.k-yellow{--k:var(--yellow)}.k-dim{--k:var(--dim)}
svg.chart{display:block;width:100%;max-width:560px;height:auto;margin:4px 0 8px}
svg.chart text{fill:var(--text);font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg.chart .v{fill:var(--muted)}svg.chart rect{fill:var(--k,var(--accent))}svg.chart line{stroke:var(--line)}
.heat td.n{background:rgb(var(--heat) / var(--h,0))}.heat td.hot{color:#fff;font-weight:600}
.heat td.same{outline:2px solid var(--text);outline-offset:-2px}
.err{color:var(--red);font-weight:600}.warn{color:var(--yellow);font-weight:600}
details{border-top:1px solid var(--line);padding:6px 0 6px 11px;border-left:3px solid transparent}
details.bad{border-left-color:var(--red)}
summary{cursor:pointer;overflow-wrap:break-word}summary .c{font-weight:600}
footer section{background:none}
@media print{body{background:#fff;color:#000;font-size:12px}.page{max-width:none;padding:0}.pair{display:block}
nav{display:none}section{border:none;padding:0;margin:0 0 12px}main>section+section,footer{break-before:page}
.card,thead th,th[scope=row]{background:none}.scroll{overflow:visible}
details::details-content{content-visibility:visible;display:block}
.heat td.n,svg.chart rect,.sw{print-color-adjust:exact;-webkit-print-color-adjust:exact}
tr{break-inside:avoid}h2,h3{break-after:avoid}}
)css";

std::string text(std::string_view key, Lang lang) { return std::string(problem_info(key).message(lang)); }

std::string text(std::string_view key, Lang lang,
                 std::initializer_list<std::pair<std::string_view, std::string>> fields) {
  return Problem(key, fields).message(lang);
}

std::string percent(long part, long whole, Lang lang) {
  if (whole <= 0) return {};
  std::string number = fmt::format("{:.1f}", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  if (lang == Lang::es) {
    std::replace(number.begin(), number.end(), '.', ',');
    return number + "\u00a0%";
  }
  return number + "%";
}

StatusIndex ancestor_at(const Taxonomy& t, StatusIndex status, int level) {
  while (status != kNoStatus && t.at(status).level > level) status = t.at(status).parent;
  return status;
}

// "In Progress › Migration": the status with the levels above it.
std::string status_path(const Taxonomy& t, StatusIndex status, Lang lang) {
  std::string out = t.at(status).name.get(lang);
  for (StatusIndex up = t.at(status).parent; up != kNoStatus; up = t.at(up).parent)
    out = t.at(up).name.get(lang) + " \u203a " + out;
  return out;
}

void append_status(std::string& out, const Taxonomy& t, StatusIndex status, Lang lang) {
  fmt::format_to(std::back_inserter(out), "<span class=\"sw {}\"></span>", status_colour_class(t, status));
  append_escaped(out, status_path(t, status, lang));
}

void append_current(std::string& out, const Taxonomy& t, const ReportData& data, bool given, StatusIndex current,
                    Lang lang) {
  if (!data.has_current)
    out += "\u2014";
  else if (current != kNoStatus)
    append_status(out, t, current, lang);
  else
    append_escaped(out, text(given ? "html_current_unknown" : "html_current_empty", lang));
}

void append_suggested(std::string& out, const Taxonomy& t, StatusIndex status, Lang lang) {
  if (status == kNoStatus)
    append_escaped(out, text("html_no_suggestion", lang));
  else
    append_status(out, t, status, lang);
}

// A caption that repeats the heading just above is there for screen readers only.
enum class CaptionShown { yes, no };

void open_table(std::string& out, std::string_view caption, std::initializer_list<std::pair<std::string, bool>> heads,
                CaptionShown shown = CaptionShown::yes) {
  out += shown == CaptionShown::yes ? "<div class=\"scroll\"><table><caption>"
                                    : "<div class=\"scroll\"><table><caption class=\"sr\">";
  append_escaped(out, caption);
  out += "</caption><thead><tr>";
  for (const auto& [head, numeric] : heads) {
    out += numeric ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">";
    append_escaped(out, head);
    out += "</th>";
  }
  out += "</tr></thead><tbody>";
}

void close_table(std::string& out) { out += "</tbody></table></div>"; }

void append_more(std::string& out, std::string_view line) {
  out += "<p class=\"more\">";
  append_escaped(out, line);
  out += "</p>";
}

std::string month_name(Date as_of, int offset, Lang lang) {
  const std::string names = text("html_months", lang);
  const Date start = month_start(as_of, offset);
  const std::string iso = start.to_iso();
  const int month = std::stoi(iso.substr(5, 2));
  // The catalogue's twelve names, separated by spaces.
  std::size_t from = 0;
  for (int m = 1; m < month; ++m) from = names.find(' ', from) + 1;
  const std::size_t to = names.find(' ', from);
  return names.substr(from, to == std::string::npos ? std::string::npos : to - from) + " " + iso.substr(0, 4);
}

// ---- the sections ----------------------------------------------------------

void summary_body(std::string& out, const Taxonomy& t, const ReportData& d, const HtmlReportInfo& info) {
  const Lang lang = info.lang;
  out += "<div class=\"cards\">";
  auto card = [&](const std::string& number, std::string_view label, const std::string& note) {
    out += "<div class=\"card\"><span class=\"n\">";
    append_escaped(out, number);
    out += "</span><span class=\"l\">";
    append_escaped(out, label);
    if (!note.empty()) {
      out += " \u00b7 ";
      append_escaped(out, note);
    }
    out += "</span></div>";
  };
  card(format_count(d.rows, lang), text("html_rows", lang), "");
  card(format_count(d.rows_with_problems, lang), text("html_rows_with_problems", lang),
       percent(d.rows_with_problems, d.rows, lang));
  card(d.has_current ? format_count(d.rows_changed, lang) : "\u2014", text("html_rows_changed", lang),
       d.has_current ? percent(d.rows_changed, d.rows, lang) : "");
  const long customers = static_cast<long>(d.customers.size());
  card(d.customers_capped ? text("html_customers_capped", lang, {{"count", format_count(customers, lang)}})
                          : format_count(customers, lang),
       text("html_customers_count", lang), "");
  out += "</div>";
  // A table of rows, each with its own header cell.
  out += "<div class=\"scroll\"><table><caption>";
  append_escaped(out, text("html_run", lang));
  out += "</caption><tbody>";
  auto row = [&](std::string_view head, const std::string& value) {
    out += "<tr><th scope=\"row\">";
    append_escaped(out, head);
    out += "</th><td>";
    append_escaped(out, value);
    out += "</td></tr>";
  };
  row(text("html_as_of", lang), d.as_of.to_iso());
  row(text("html_input", lang), info.input_name);
  row(text("html_taxonomy", lang), t.id + " \u2014 " + t.name.get(lang));
  row(text("html_taxonomy_source", lang),
      (info.taxonomy_path.empty() ? text("html_builtin_taxonomy", lang) : info.taxonomy_path) +
          (t.source.empty() ? std::string() : " \u2014 " + t.source));
  row(text("html_version", lang), info.version);
  close_table(out);
}

void status_table(std::string& out, const Taxonomy& t, const ReportData& d, Lang lang, std::string_view caption,
                  const std::vector<std::pair<StatusIndex, long>>& counts, long no_suggestion) {
  open_table(out, caption,
             {{text("html_status", lang), false}, {text("html_rows", lang), true}, {text("html_share", lang), true}},
             CaptionShown::no);
  // Statuses below L1 come in one row group per L1, headed by its name, each row naming its own level only.
  StatusIndex group = kNoStatus;
  for (const auto& [status, count] : counts) {
    if (const StatusIndex parent = t.at(status).parent; parent != kNoStatus && parent != group) {
      if (group != kNoStatus) out += "</tbody><tbody>";
      group = parent;
      out += "<tr><th scope=\"rowgroup\" colspan=\"3\">";
      append_status(out, t, parent, lang);
      out += "</th></tr>";
    }
    out += "<tr><td class=\"s\">";
    if (group != kNoStatus) {
      fmt::format_to(std::back_inserter(out), "<span class=\"sw {}\"></span>", status_colour_class(t, status));
      append_escaped(out, t.at(status).name.get(lang));
    } else {
      append_status(out, t, status, lang);
    }
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                   format_count(count, lang), percent(count, d.rows, lang));
  }
  if (no_suggestion > 0) {
    out += "<tr><td>";
    append_escaped(out, text("html_no_suggestion", lang));
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                   format_count(no_suggestion, lang), percent(no_suggestion, d.rows, lang));
  }
  close_table(out);
}

void statuses_body(std::string& out, const Taxonomy& t, const ReportData& d, Lang lang) {
  std::vector<long> at(t.statuses().size(), 0);  // rows at or below each status
  for (std::size_t s = 0; s < d.per_status.size(); ++s)
    for (StatusIndex up = static_cast<StatusIndex>(s); up != kNoStatus; up = t.at(up).parent)
      at[static_cast<std::size_t>(up)] += d.per_status[s];
  // A big custom taxonomy's chart shows the statuses with the most rows.
  constexpr std::size_t kChartStatuses = 40;
  for (int level : {1, 2}) {
    std::vector<StatusIndex> shown = t.at_level(level);
    long hidden_rows = 0;
    const std::size_t hidden = shown.size() > kChartStatuses ? shown.size() - kChartStatuses : 0;
    if (hidden > 0) {
      std::stable_sort(shown.begin(), shown.end(), [&](StatusIndex a, StatusIndex b) {
        return at[static_cast<std::size_t>(a)] > at[static_cast<std::size_t>(b)];
      });
      for (std::size_t i = kChartStatuses; i < shown.size(); ++i) hidden_rows += at[static_cast<std::size_t>(shown[i])];
      shown.resize(kChartStatuses);
      std::sort(shown.begin(), shown.end());  // back in the taxonomy's order
    }
    std::vector<std::pair<StatusIndex, long>> counts;
    std::vector<HtmlBar> bars;
    for (StatusIndex s : shown) {
      counts.emplace_back(s, at[static_cast<std::size_t>(s)]);
      bars.push_back({t.at(s).name.get(lang), at[static_cast<std::size_t>(s)], status_colour_class(t, s)});
    }
    if (counts.empty()) continue;
    const std::string title = text(level == 1 ? "html_per_l1" : "html_per_l2", lang);
    out += "<h3>";
    append_escaped(out, title);
    out += "</h3>";
    out += "<div class=\"pair\">";
    append_bar_chart(out, bars, title + ". " + text("html_chart_note", lang));
    status_table(out, t, d, lang, title, counts, level == 1 ? d.no_suggestion : 0);
    out += "</div>";
    if (hidden > 0)
      append_more(out, text("html_more_statuses", lang,
                            {{"count", format_count(static_cast<long>(hidden), lang)},
                             {"rows", format_count(hidden_rows, lang)}}));
  }
}

void transitions_body(std::string& out, const Taxonomy& t, const ReportData& d, Lang lang) {
  if (!d.has_current) {
    out += "<p>";
    append_escaped(out, text("html_no_current_columns", lang));
    out += "</p>";
    return;
  }
  const std::vector<StatusIndex> l1s = t.roots();
  // At L1: current rows (each L1, then empty and unknown when any), suggested columns.
  std::map<std::pair<StatusIndex, StatusIndex>, long> l1;
  std::map<std::pair<StatusIndex, StatusIndex>, long> l2;
  const auto specials = {kCurrentEmpty, kCurrentUnknown};
  auto up_to = [&](StatusIndex s, int level) { return s >= 0 ? ancestor_at(t, s, level) : s; };
  d.for_each_transition([&](StatusIndex cur, StatusIndex sug, long n) {
    l1[{up_to(cur, 1), up_to(sug, 1)}] += n;
    const StatusIndex from = up_to(cur, 2);
    const StatusIndex to = up_to(sug, 2);
    if (from != to) l2[{from, to}] += n;
  });
  std::vector<StatusIndex> rows = l1s;
  for (StatusIndex special : specials) {
    bool any = false;
    for (const auto& [key, n] : l1) any = any || key.first == special;
    if (any) rows.push_back(special);
  }
  std::vector<StatusIndex> columns = l1s;
  bool unmatched = false;
  for (const auto& [key, n] : l1) unmatched = unmatched || key.second == kNoStatus;
  if (unmatched) columns.push_back(kNoStatus);
  long most = 1;
  for (const auto& [key, n] : l1) most = std::max(most, n);

  out += "<p class=\"muted\">";
  append_escaped(out, text("html_transitions_intro", lang));
  out += "</p><div class=\"scroll\"><table class=\"heat\"><caption>";
  append_escaped(out, text("html_transitions_caption", lang));
  out += "</caption><thead><tr><th scope=\"col\">";
  append_escaped(out, text("html_current", lang) + " \u2193 / " + text("html_suggested", lang) + " \u2192");
  out += "</th>";
  for (StatusIndex c : columns) {
    out += "<th scope=\"col\">";
    append_suggested(out, t, c, lang);
    out += "</th>";
  }
  out += "</tr></thead><tbody>";
  for (StatusIndex r : rows) {
    out += "<tr><th scope=\"row\">";
    append_current(out, t, d, r == kCurrentUnknown, r >= 0 ? r : kNoStatus, lang);
    out += "</th>";
    for (StatusIndex c : columns) {
      const auto found = l1.find({r, c});
      const long n = found == l1.end() ? 0 : found->second;
      const double share = n == 0 ? 0.0 : 0.08 + 0.82 * static_cast<double>(n) / static_cast<double>(most);
      std::string classes = "n";
      if (r == c) classes += " same";
      if (share > 0.55) classes += " hot";
      fmt::format_to(std::back_inserter(out), "<td class=\"{}\" style=\"--h:{:.2f}\">{}</td>", classes, share,
                     n == 0 ? std::string("\u00b7") : format_count(n, lang));
    }
    out += "</tr>";
  }
  out += "</tbody></table></div>";

  // At L2: the changes, most rows first.
  std::vector<std::pair<std::pair<StatusIndex, StatusIndex>, long>> changes(l2.begin(), l2.end());
  std::stable_sort(changes.begin(), changes.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::string title = text("html_transitions_l2", lang);
  out += "<h3>";
  append_escaped(out, title);
  out += "</h3>";
  if (changes.empty()) {
    out += "<p>";
    append_escaped(out, text("html_no_changes", lang));
    out += "</p>";
    return;
  }
  constexpr std::size_t kShown = 15;
  open_table(
      out, title,
      {{text("html_current", lang), false}, {text("html_suggested", lang), false}, {text("html_rows", lang), true}},
      CaptionShown::no);
  for (std::size_t i = 0; i < std::min(kShown, changes.size()); ++i) {
    const auto& [key, n] = changes[i];
    out += "<tr><td>";
    append_current(out, t, d, key.first == kCurrentUnknown, key.first >= 0 ? key.first : kNoStatus, lang);
    out += "</td><td>";
    append_suggested(out, t, key.second, lang);
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td></tr>", format_count(n, lang));
  }
  close_table(out);
  if (changes.size() > kShown) {
    long rest = 0;
    for (std::size_t i = kShown; i < changes.size(); ++i) rest += changes[i].second;
    append_more(out, text("html_more_rows", lang, {{"count", format_count(rest, lang)}}));
  }
}

std::string severity_class(Severity severity) { return severity == Severity::error ? "err" : "warn"; }

void problems_body(std::string& out, const ReportData& d, Lang lang) {
  if (d.problems.empty()) {
    out += "<p>";
    append_escaped(out, text("html_no_problems", lang));
    out += "</p>";
    return;
  }
  open_table(out, text("html_problems_caption", lang),
             {{text("html_code", lang), false},
              {text("html_column", lang), false},
              {text("html_rows", lang), true},
              {text("html_message", lang), false},
              {text("html_fix", lang), false}});
  for (std::size_t g = 0; g < d.problems.size(); ++g) {
    const ReportProblemGroup& group = d.problems[g];
    fmt::format_to(std::back_inserter(out), "<tr><td><a href=\"#problem-{}\"><code class=\"{}\">{}</code></a> ", g,
                   severity_class(group.severity), group.code_name);
    append_escaped(out, severity_word(group.severity, lang));
    out += "</td><td>";
    append_escaped(out, group.column);
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td><td>", format_count(group.rows, lang));
    append_escaped(out, group.message);
    out += "</td><td>";
    append_escaped(out, group.fix);
    out += "</td></tr>";
  }
  close_table(out);
  for (std::size_t g = 0; g < d.problems.size(); ++g) {
    const ReportProblemGroup& group = d.problems[g];
    const std::string code = std::string(group.code_name) + (group.column.empty() ? "" : " (" + group.column + ")");
    fmt::format_to(std::back_inserter(out), "<h3 id=\"problem-{}\">", g);
    append_escaped(out, text("html_first_rows", lang, {{"code", code}}));
    out += "</h3>";
    open_table(out, text("html_first_rows", lang, {{"code", code}}),
               {{text("html_line", lang), true},
                {text("html_entitlement", lang), false},
                {text("html_column", lang), false},
                {text("html_message", lang), false}},
               CaptionShown::no);
    for (const ReportProblemRow& r : group.first) {
      fmt::format_to(std::back_inserter(out), "<tr><td class=\"n\">{}</td><td>", r.line);
      append_escaped(out, r.entitlement_id);
      out += "</td><td>";
      append_escaped(out, r.column);
      out += "</td><td>";
      append_escaped(out, r.message);
      out += "</td></tr>";
    }
    close_table(out);
    const long rest = group.rows - static_cast<long>(group.first.size());
    if (rest > 0) append_more(out, text("html_more_rows", lang, {{"count", format_count(rest, lang)}}));
  }
}

void month_chart(std::string& out, const ReportData& d, Lang lang, std::string_view description) {
  const int months = static_cast<int>(d.per_month.size());
  constexpr int kWidth = 560, kHeight = 230, kTop = 22, kBottom = 40, kLeft = 8;
  const int slot = (kWidth - 2 * kLeft) / std::max(months, 1);
  const long most = std::max(1L, *std::max_element(d.per_month.begin(), d.per_month.end()));
  fmt::format_to(std::back_inserter(out), "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"",
                 kWidth, kHeight);
  append_escaped(out, description);
  fmt::format_to(std::back_inserter(out), "\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", kLeft,
                 kHeight - kBottom, kWidth - kLeft, kHeight - kBottom);
  const int plot = kHeight - kTop - kBottom;
  for (int m = 0; m < months; ++m) {
    const long n = d.per_month[static_cast<std::size_t>(m)];
    const int h = n == 0 ? 0
                         : std::max(2, static_cast<int>(static_cast<double>(plot) * static_cast<double>(n) /
                                                        static_cast<double>(most)));
    const int x = kLeft + m * slot;
    const std::string name = month_name(d.as_of, m, lang);
    fmt::format_to(std::back_inserter(out), "<g><title>{}: {}</title>", html_escaped(name), format_count(n, lang));
    fmt::format_to(std::back_inserter(out), "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\"/>",
                   x + slot / 6, kHeight - kBottom - h, slot - slot / 3, h);
    fmt::format_to(std::back_inserter(out), "<text class=\"v\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                   x + slot / 2, kHeight - kBottom - h - 6, format_count(n, lang));
    const std::size_t space = name.find(' ');
    fmt::format_to(std::back_inserter(out),
                   "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}</text><text class=\"v\" x=\"{0}\" "
                   "y=\"{3}\" text-anchor=\"middle\">{4}</text></g>",
                   x + slot / 2, kHeight - kBottom + 17, html_escaped(name.substr(0, space)), kHeight - kBottom + 33,
                   html_escaped(name.substr(space + 1)));
  }
  out += "</svg>";
}

void target_dates_body(std::string& out, const ReportData& d, Lang lang) {
  const int months = static_cast<int>(d.per_month.size());
  const std::string last = month_name(d.as_of, months - 1, lang);
  out += "<p class=\"muted\">";
  append_escaped(out, text("html_target_dates_intro", lang, {{"as_of", d.as_of.to_iso()}, {"last", last}}));
  out += "</p>";
  const std::string caption = text("html_target_dates_caption", lang);
  out += "<div class=\"pair\"><div>";
  month_chart(out, d, lang, caption + ". " + text("html_chart_note", lang));
  out += "</div><div>";
  open_table(out, caption, {{text("html_month", lang), false}, {text("html_rows", lang), true}});
  for (int m = 0; m < months; ++m) {
    out += "<tr><td>";
    append_escaped(out, month_name(d.as_of, m, lang));
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td></tr>",
                   format_count(d.per_month[static_cast<std::size_t>(m)], lang));
  }
  close_table(out);
  const std::string other = text("html_target_dates_other", lang);
  open_table(out, other, {{text("html_target_date", lang), false}, {text("html_rows", lang), true}});
  auto row = [&](const std::string& label, long n) {
    out += "<tr><td>";
    append_escaped(out, label);
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td></tr>", format_count(n, lang));
  };
  row(text("html_dates_before", lang), d.dates_before_as_of);
  row(text("html_dates_after", lang, {{"month", last}}), d.dates_after_months);
  row(text("html_dates_beyond", lang), d.target_beyond_horizon);
  row(text("html_dates_missing", lang), d.target_missing);
  row(text("html_dates_invalid", lang), d.target_invalid);
  close_table(out);
  out += "</div></div>";
}

void customers_body(HtmlOutput& page, const Taxonomy& t, const ReportData& d, Lang lang) {
  std::string& out = page.html;
  out += "<p class=\"muted\">";
  if (d.customer_column.empty())
    append_escaped(out, text("html_customers_none", lang));
  else
    append_escaped(out, text("html_customers_by", lang, {{"column", d.customer_column}}));
  out += "</p>";
  long hidden = 0;
  long hidden_rows = 0;
  for (const ReportCustomer& c : d.customers) {
    if (!c.detailed) {
      ++hidden;
      hidden_rows += c.rows;
      continue;
    }
    const std::string name = c.name.empty() ? text("html_no_customer", lang) : c.name;
    out += c.rows_with_problems > 0 ? "<details class=\"bad\"><summary><span class=\"c\">"
                                    : "<details><summary><span class=\"c\">";
    append_escaped(out, name);
    out += "</span> <span class=\"muted\">\u00b7 ";
    append_escaped(out, text(c.rows == 1 ? "html_customer_counts/one" : "html_customer_counts", lang,
                             {{"rows", format_count(c.rows, lang)},
                              {"problems", format_count(c.rows_with_problems, lang)},
                              {"changed", format_count(c.rows_changed, lang)}}));
    out += "</span></summary>";
    open_table(out, text("html_customer_caption", lang, {{"customer", name}}),
               {{text("html_line", lang), true},
                {text("html_entitlement", lang), false},
                {text("html_workload", lang), false},
                {text("html_current_status", lang), false},
                {text("html_suggested_status", lang), false},
                {text("html_target_date", lang), false},
                {text("html_problems", lang), false}},
               CaptionShown::no);
    ;
    for (const ReportEntitlement& e : c.entitlements) {
      fmt::format_to(std::back_inserter(out), "<tr><td class=\"n\">{}</td><td>", e.line);
      append_escaped(out, e.entitlement_id);
      out += "</td><td>";
      append_escaped(out, e.workload);
      out += "</td><td>";
      append_current(out, t, d, e.current_given, e.current, lang);
      out += "</td><td>";
      append_suggested(out, t, e.suggested, lang);
      out += "</td><td class=\"nw\">";
      append_escaped(out, e.target_date);
      out += "</td><td>";
      bool first = true;
      for (unsigned code = 0; code < 32; ++code) {
        if ((e.problem_codes >> code & 1u) == 0) continue;
        out += first ? "<code>" : ", <code>";
        out += row_code_name(static_cast<RowCode>(code));
        out += "</code>";
        first = false;
      }
      out += "</td></tr>";
    }
    close_table(out);
    const long rest = c.rows - static_cast<long>(c.entitlements.size());
    if (rest > 0) append_more(out, text("html_more_entitlements", lang, {{"count", format_count(rest, lang)}}));
    out += "</details>";
    page.flush();  // a customer at a time: 200 of them are most of a big page
  }
  if (hidden > 0)
    append_more(out, text("html_more_customers", lang,
                          {{"count", format_count(hidden, lang)}, {"rows", format_count(hidden_rows, lang)}}));
  if (d.customers_capped)
    append_more(out, text("html_other_customers", lang,
                          {{"max", format_count(static_cast<long>(d.limits.customers_counted), lang)},
                           {"rows", format_count(d.other_customer_rows, lang)}}));
}

void about_body(std::string& out, const Taxonomy& t, const ReportData& d, const HtmlReportInfo& info) {
  out += "<p class=\"muted\">";
  append_escaped(
      out,
      text("html_made_by", info.lang,
           {{"version", info.version}, {"file", info.input_name}, {"as_of", d.as_of.to_iso()}, {"taxonomy", t.id}}));
  out += "</p>";
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const Utf8Char ch = decode_utf8(text, i);
      if (ch.valid)
        out.append(text.substr(i, ch.length));
      else
        out += "\ufffd";
      i += ch.length;
      continue;
    }
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
    }
    ++i;
  }
}

std::string html_escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

std::string format_count(long count, Lang lang) {
  const std::string digits = std::to_string(count < 0 ? -count : count);
  std::string out = count < 0 ? "-" : "";
  const char separator = lang == Lang::es ? '.' : ',';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string_view status_colour_class(const Taxonomy& taxonomy, StatusIndex status) {
  switch (Colours::of_status(taxonomy, status)) {
    case Colour::red:
      return "k-red";
    case Colour::yellow:
      return "k-yellow";
    case Colour::green:
      return "k-green";
    case Colour::blue:
      return "k-blue";
    case Colour::magenta:
      return "k-magenta";
    case Colour::cyan:
      return "k-cyan";
    case Colour::dim:
      return "k-dim";
  }
  return "k-dim";
}

void append_bar_chart(std::string& out, const std::vector<HtmlBar>& bars, std::string_view description) {
  constexpr int kWidth = 560, kRow = 26, kLabel = 280, kBar = 236;
  constexpr std::size_t kLabelChars = 36;
  long most = 1;
  for (const HtmlBar& bar : bars) most = std::max(most, bar.value);
  const int height = static_cast<int>(bars.size()) * kRow + 6;
  fmt::format_to(std::back_inserter(out), "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"",
                 kWidth, height);
  append_escaped(out, description);
  out += "\">";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const HtmlBar& bar = bars[i];
    const int y = static_cast<int>(i) * kRow + 4;
    const int w =
        bar.value == 0
            ? 0
            : std::max(2, static_cast<int>(kBar * static_cast<double>(bar.value) / static_cast<double>(most)));
    // A long name is cut in the chart; the table after it has it whole.
    std::string label;
    std::size_t chars = 0;
    for (std::size_t at = 0; at < bar.label.size() && chars < kLabelChars; ++chars)
      at += decode_utf8(bar.label, at).length, label.assign(bar.label, 0, at);
    if (label.size() < bar.label.size()) label += "\u2026";
    out += "<g><title>";
    append_escaped(out, bar.label);
    fmt::format_to(std::back_inserter(out), ": {}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\">", bar.value,
                   kLabel - 10, y + 17);
    append_escaped(out, label);
    fmt::format_to(std::back_inserter(out),
                   "</text><rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\"/><text class=\"v\" "
                   "x=\"{}\" y=\"{}\">{}</text></g>",
                   bar.colour_class, kLabel, y + 3, w, kRow - 8, kLabel + w + 8, y + 17, bar.value);
  }
  out += "</svg>";
}

namespace {

constexpr std::size_t kMaxRegressionRows = 100;
constexpr std::size_t kMaxTransitionRows = 15;

void previous_body(std::string& out, const Taxonomy& t, const DiffResult& diff, Lang lang) {
  out += "<p>";
  append_escaped(out, text("html_previous_intro", lang,
                           {{"file", diff.old_file.input.name},
                            {"rows", format_count(diff.old_file.rows, lang)},
                            {"as_of", diff.as_of.to_iso()}}));
  out += "</p>";
  open_table(out, text("html_previous_caption", lang),
             {{text("html_change", lang), false}, {text("html_rows", lang), true}});
  const long regressions = diff.regressions();
  const std::pair<const char*, long> counts[] = {
      {"html_previous_regressions", regressions},
      {"html_previous_added", diff.count(kAdded)},
      {"html_previous_removed", diff.count(kRemoved)},
      {"html_previous_status", diff.count(kStatusChanged)},
      {"html_previous_earlier", diff.count(kDateEarlier)},
      {"html_previous_later", diff.count(kDateLater)},
      {"html_previous_missed", diff.count(kMissed)},
      {"html_previous_unread", static_cast<long>(diff.unread.size())},
      {"html_previous_unchanged", diff.unchanged},
  };
  for (const auto& [key, n] : counts) {
    out += std::string_view(key) == "html_previous_regressions" && n > 0 ? "<tr class=\"k-red\"><td>" : "<tr><td>";
    append_escaped(out, text(key, lang));
    fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td></tr>", format_count(n, lang));
  }
  close_table(out);

  if (regressions > 0) {
    out += "<h3>";
    append_escaped(out, text("html_previous_regressions", lang));
    out += "</h3>";
    open_table(out, text("html_previous_regressions_caption", lang),
               {{text("html_entitlement", lang), false},
                {text("html_previous_before", lang), false},
                {text("html_previous_now", lang), false},
                {text("html_previous_why", lang), false}},
               CaptionShown::no);
    std::size_t shown = 0;
    for (const DiffChange& change : diff.changes) {
      if (change.regression == Regression::none || shown++ == kMaxRegressionRows) continue;
      out += "<tr><td>";
      append_escaped(out, change.id);
      out += "</td><td>";
      append_status(out, t, change.old_row.status, lang);
      out += "</td><td>";
      append_status(out, t, change.new_row.status, lang);
      out += "</td><td>";
      append_escaped(out, regression_reason(t, change, lang));
      out += "</td></tr>";
    }
    close_table(out);
    if (regressions > static_cast<long>(kMaxRegressionRows))
      append_more(out, text("html_more_rows", lang,
                            {{"count", format_count(regressions - static_cast<long>(kMaxRegressionRows), lang)}}));
  }

  if (!diff.transitions.empty()) {
    out += "<h3>";
    append_escaped(out, text("html_previous_transitions", lang));
    out += "</h3>";
    open_table(out, text("html_previous_transitions", lang),
               {{text("html_previous_before", lang), false},
                {text("html_previous_now", lang), false},
                {text("html_rows", lang), true}},
               CaptionShown::no);
    for (std::size_t i = 0; i < diff.transitions.size() && i < kMaxTransitionRows; ++i) {
      const DiffTransition& move = diff.transitions[i];
      out += "<tr><td>";
      append_status(out, t, move.from, lang);
      out += "</td><td>";
      append_status(out, t, move.to, lang);
      fmt::format_to(std::back_inserter(out), "</td><td class=\"n\">{}</td></tr>",
                     format_count(static_cast<long>(move.changes.size()), lang));
    }
    close_table(out);
    if (diff.transitions.size() > kMaxTransitionRows)
      append_more(
          out, text("html_previous_more_transitions", lang,
                    {{"count", format_count(static_cast<long>(diff.transitions.size() - kMaxTransitionRows), lang)}}));
  }
}

}  // namespace

HtmlSection previous_section(const Taxonomy& taxonomy, const DiffResult& diff, Lang lang) {
  return {"previous", text("html_previous", lang),
          [&taxonomy, &diff, lang](HtmlOutput& out) { previous_body(out.html, taxonomy, diff, lang); }};
}

std::vector<HtmlSection> standard_sections(const Taxonomy& taxonomy, const ReportData& data,
                                           const HtmlReportInfo& info) {
  const Taxonomy& t = taxonomy;
  const ReportData& d = data;
  const Lang lang = info.lang;
  std::vector<HtmlSection> sections;
  sections.push_back(
      {"summary", text("html_summary", lang), [&t, &d, info](HtmlOutput& out) { summary_body(out.html, t, d, info); }});
  sections.push_back({"statuses", text("html_statuses", lang),
                      [&t, &d, lang](HtmlOutput& out) { statuses_body(out.html, t, d, lang); }});
  sections.push_back({"transitions", text("html_transitions", lang),
                      [&t, &d, lang](HtmlOutput& out) { transitions_body(out.html, t, d, lang); }});
  sections.push_back(
      {"problems", text("html_problems", lang), [&d, lang](HtmlOutput& out) { problems_body(out.html, d, lang); }});
  sections.push_back({"target-dates", text("html_target_dates", lang),
                      [&d, lang](HtmlOutput& out) { target_dates_body(out.html, d, lang); }});
  sections.push_back({"customers", text("html_customers", lang),
                      [&t, &d, lang](HtmlOutput& out) { customers_body(out, t, d, lang); }});
  sections.push_back(
      {"about", text("html_about", lang), [&t, &d, info](HtmlOutput& out) { about_body(out.html, t, d, info); }});
  return sections;
}

void HtmlOutput::flush() {
  if (file == nullptr) return;
  // A write error stays on the stream for its owner to report (OutputFile::finish).
  (void)std::fwrite(html.data(), 1, html.size(), file);
  html.clear();
}

void write_html_page(HtmlOutput& page, const std::vector<HtmlSection>& sections, const HtmlReportInfo& info) {
  std::string& out = page.html;
  const Lang lang = info.lang;
  const std::string title = text("html_title", lang);
  fmt::format_to(std::back_inserter(out),
                 "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"ftstatus {}\">\n<title>",
                 lang == Lang::es ? "es" : "en", html_escaped(info.version));
  append_escaped(out, title + " \u2014 " + info.input_name);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<div class=\"page\">\n<header class=\"top\"><h1>";
  append_escaped(out, title);
  out += "</h1><p class=\"sub\">";
  append_escaped(out, text("html_subtitle", lang, {{"file", info.input_name}, {"as_of", info.as_of}}));
  out += "</p></header>\n<nav aria-label=\"";
  append_escaped(out, text("html_contents", lang));
  out += "\"><ol>";
  for (const HtmlSection& s : sections) {
    fmt::format_to(std::back_inserter(out), "<li><a href=\"#{}\">", html_escaped(s.id));
    append_escaped(out, s.title);
    out += "</a></li>";
  }
  out += "</ol></nav>\n<main>\n";
  // The last section (about this report) goes in the footer.
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const HtmlSection& s = sections[i];
    if (i + 1 == sections.size()) out += "</main>\n<footer>\n";
    fmt::format_to(std::back_inserter(out), "<section id=\"{}\" aria-labelledby=\"{}-title\"><h2 id=\"{}-title\">",
                   html_escaped(s.id), html_escaped(s.id), html_escaped(s.id));
    append_escaped(out, s.title);
    out += "</h2>\n";
    s.body(page);
    out += "\n</section>\n";
    page.flush();
  }
  if (sections.empty()) out += "</main>\n<footer>\n";
  out += "</footer>\n</div>\n</body>\n</html>\n";
  page.flush();
}

std::string html_report(const Taxonomy& taxonomy, const ReportData& data, const HtmlReportInfo& info) {
  HtmlReportInfo page = info;
  if (page.as_of.empty()) page.as_of = data.as_of.to_iso();
  HtmlOutput out;
  out.html.reserve(1 << 16);
  write_html_page(out, standard_sections(taxonomy, data, page), page);
  return std::move(out.html);
}

void write_html_report(std::FILE* file, const Taxonomy& taxonomy, const ReportData& data, const HtmlReportInfo& info) {
  HtmlReportInfo page = info;
  if (page.as_of.empty()) page.as_of = data.as_of.to_iso();
  HtmlOutput out;
  out.file = file;
  out.html.reserve(1 << 16);
  write_html_page(out, standard_sections(taxonomy, data, page), page);
}

}  // namespace ftstatus
