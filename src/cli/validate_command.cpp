// ftstatus validate --l1 NAME [--l2 NAME] [--l3 NAME] [--target-date DATE]
//                   [--as-of DATE] [--lang en|es] [--format text|json] [--taxonomy FILE]
//
// Checks one status assignment: each name may be an id, an English or Spanish
// name or an alias. Exit 0 valid, 1 invalid, 2 bad usage or broken taxonomy.
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "command.h"
#include "ftstatus/json_writer.h"
#include "ftstatus/validator.h"

namespace ftstatus::cli {

namespace {

std::string resolved_label(const Taxonomy& t, const Validation& v, Lang lang) {
  std::string out;
  for (StatusIndex i : {v.l1, v.l2, v.l3}) {
    if (i == kNoStatus) continue;
    out += (out.empty() ? "" : " / ") + t.at(i).name.get(lang);
  }
  return out;
}

void write_text(const Taxonomy& t, const Assignment& a, const Validation& v, Lang lang) {
  const bool es = lang == Lang::es;
  if (v.valid()) {
    std::string date = a.target_date.empty() ? "" : fmt::format(fmt::runtime(es ? ", fecha objetivo {}" : ", target date {}"), a.target_date);
    std::cout << fmt::format("{}: {} ({}){}\n", es ? "válido" : "valid", resolved_label(t, v, lang),
                             t.path(v.deepest()), date);
    return;
  }
  std::cout << (es ? "no válido" : "invalid");
  if (v.deepest() != kNoStatus) std::cout << fmt::format(": {} ({})", resolved_label(t, v, lang), t.path(v.deepest()));
  std::cout << '\n';
  for (const Finding& f : v.findings) {
    std::cout << fmt::format("error {}: {}\n", code_name(f.code), finding_message(t, f, lang));
    std::cout << fmt::format("  {}: {}\n", es ? "solución" : "fix", finding_fix(t, f, lang));
  }
}

void write_json(const Taxonomy& t, const Assignment& a, const Validation& v, Lang lang, Date as_of) {
  JsonWriter w(std::cout);
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

}  // namespace

std::function<int()> setup_validate(CLI::App& app) {
  struct Options {
    TaxonomyOption taxonomy;
    LangOption lang;
    AsOfOption as_of;
    Assignment assignment;
    std::string format = "text";
  };
  auto o = std::make_shared<Options>();
  app.add_option("--l1", o->assignment.l1, "L1 status: id, English or Spanish name, or alias")->required();
  app.add_option("--l2", o->assignment.l2, "L2 status under the L1");
  app.add_option("--l3", o->assignment.l3, "L3 status under the L2 (custom taxonomies)");
  app.add_option("--target-date", o->assignment.target_date, "Target date, YYYY-MM-DD")->type_name("DATE");
  o->as_of.add_to(app);
  o->lang.add_to(app);
  app.add_option("--format", o->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  o->taxonomy.add_to(app);

  return [o] {
    std::optional<Taxonomy> taxonomy = o->taxonomy.load();
    if (!taxonomy) return static_cast<int>(kExitUsage);
    Date as_of = o->as_of.get();
    Lang lang = o->lang.get();
    Validation v = validate(*taxonomy, o->assignment, as_of);
    if (o->format == "json")
      write_json(*taxonomy, o->assignment, v, lang, as_of);
    else
      write_text(*taxonomy, o->assignment, v, lang);
    return static_cast<int>(v.valid() ? kExitOk : kExitProblems);
  };
}

}  // namespace ftstatus::cli
