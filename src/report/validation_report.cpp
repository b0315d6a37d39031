#include "report/validation_report.h"

#include <fmt/format.h>

#include "engine/classified_writer.h"

namespace ftstatus {

namespace {

std::string resolved_label(const Taxonomy& t, const Validation& v, Lang lang, const Colours& colours) {
  std::string out;
  for (StatusIndex i : {v.l1, v.l2, v.l3}) {
    if (i == kNoStatus) continue;
    out += (out.empty() ? "" : " / ") + colours.paint(t.at(i).name.get(lang), Colours::of_status(t, i));
  }
  return out;
}

}  // namespace

void write_validation_text(std::ostream& out, const Taxonomy& t, const Assignment& a, const Validation& v, Lang lang,
                           const Colours& colours) {
  if (v.valid()) {
    std::string date =
        a.target_date.empty() ? "" : Problem("report_with_target_date", {{"date", a.target_date}}).message(lang);
    out << fmt::format("{}: {} ({}){}\n", colours.paint(Problem("report_valid").message(lang), Colour::green),
                       resolved_label(t, v, lang, colours), t.path(v.deepest()), date);
    return;
  }
  out << colours.paint(Problem("report_invalid").message(lang), Colour::red);
  if (v.deepest() != kNoStatus)
    out << fmt::format(": {} ({})", resolved_label(t, v, lang, colours), t.path(v.deepest()));
  out << '\n';
  for (const Finding& f : v.findings) {
    out << fmt::format("{}: {}\n", colours.paint(fmt::format("error {}", code_name(f.code)), Colour::red),
                       finding_message(t, f, lang));
    out << "  " << colours.paint(Problem("fix_hint", {{"fix", finding_fix(t, f, lang)}}).message(lang), Colour::dim)
        << '\n';
  }
}

void write_validation_json(std::ostream& out, const Taxonomy& t, const Assignment& a, const Validation& v, Lang lang,
                           Date as_of) {
  JsonWriter w(out);
  auto id_or_null = [&](StatusIndex i) {
    if (i == kNoStatus)
      w.null();
    else
      w.value(t.at(i).id);
  };
  w.begin_object();
  w.key("valid");
  w.value(v.valid());
  w.key("as_of");
  w.value(as_of.to_iso());
  w.key("given");
  w.begin_object();
  for (auto [key, value] : {std::pair{"l1", &a.l1}, {"l2", &a.l2}, {"l3", &a.l3}, {"target_date", &a.target_date}}) {
    w.key(key);
    w.value(*value);
  }
  w.end_object();
  w.key("l1");
  id_or_null(v.l1);
  w.key("l2");
  id_or_null(v.l2);
  w.key("l3");
  id_or_null(v.l3);
  w.key("path");
  if (v.deepest() == kNoStatus)
    w.null();
  else
    w.value(t.path(v.deepest()));
  w.key("findings");
  w.begin_array();
  for (const Finding& f : v.findings) {
    w.begin_object();
    w.key("code");
    w.value(code_name(f.code));
    w.key("field");
    w.value(f.field);
    w.key("value");
    w.value(f.value);
    w.key("message");
    w.value(finding_message(t, f, lang));
    w.key("fix");
    w.value(finding_fix(t, f, lang));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

FindingReport::FindingReport(std::ostream& out, ReportFormat format, Lang lang)
    : out_(out), format_(format), lang_(lang), json_(out) {}

void FindingReport::input_known(const InputReport& input) {
  delimiter_ = input.delimiter;
  line_ending_ = input.line_ending;
  bom_ = wants_bom(input);
  neutralize_ = formulas_.value_or(excel_dialect(bom_, delimiter_, line_ending_, !input.sheet.empty()));
}

// The CSV header or the JSON opening, written with the first finding or at
// the end, so an input that cannot be read prints no half report.
void FindingReport::start() {
  if (started_) return;
  started_ = true;
  if (format_ == ReportFormat::csv) {
    csv_.emplace(stdout, delimiter_, line_ending_);
    if (bom_) csv_->raw("\xEF\xBB\xBF");
    for (const char* h : {"line", "entitlement_id", "code", "message", "fix"}) csv_->field(h);
    csv_->end_record();
  } else if (format_ == ReportFormat::json) {
    json_.begin_object();
    json_.key("findings");
    json_.begin_array();
  }
}

void FindingReport::add(const RowFinding& f) {
  start();
  if (format_ == ReportFormat::csv) {
    csv_->field(std::to_string(f.line));
    write_cell(*csv_, f.id, neutralize_, guarded_);  // from the input
    csv_->field(f.code);
    write_cell(*csv_, f.message, neutralize_, guarded_);  // may quote a cell
    write_cell(*csv_, f.fix, neutralize_, guarded_);
    csv_->end_record();
  } else if (format_ == ReportFormat::json) {
    json_.begin_object();
    json_.key("line");
    json_.value(f.line);
    json_.key("entitlement_id");
    json_.value(f.id);
    json_.key("code");
    json_.value(f.code);
    json_.key("message");
    json_.value(f.message);
    json_.key("fix");
    json_.value(f.fix);
    json_.end_object();
  } else {
    out_ << Problem("report_line", {{"line", std::to_string(f.line)},
                                    {"id", f.id.empty() ? std::string("-") : std::string(f.id)},
                                    {"code", std::string(f.code)},
                                    {"message", f.message}})
                .message(lang_);
    if (!f.fix.empty()) out_ << " (" << Problem("fix_hint", {{"fix", f.fix}}).message(lang_) << ')';
    out_ << '\n';
  }
}

void FindingReport::finish(const ValidateSummary& summary) {
  start();
  if (format_ == ReportFormat::csv) {
    csv_->flush();
  } else if (format_ == ReportFormat::json) {
    json_.end_array();
    json_.key("rows");
    json_.value(summary.rows);
    json_.key("invalid_rows");
    json_.value(summary.invalid_rows);
    json_.end_object();
  } else {
    out_ << Problem("report_rows_invalid",
                    {{"rows", std::to_string(summary.rows)}, {"invalid", std::to_string(summary.invalid_rows)}})
                .message(lang_)
         << '\n';
  }
  out_.flush();
}

}  // namespace ftstatus
