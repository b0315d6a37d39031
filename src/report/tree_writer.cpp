#include "report/tree_writer.h"

#include <fmt/format.h>

#include "ftstatus/problems.h"
#include "io/json_writer.h"

namespace ftstatus {

namespace {

std::string level_prefix(const Status& s) { return fmt::format("L{} - ", s.level); }

std::string_view lang_code(Lang lang) {
  switch (lang) {
    case Lang::en:
      return "en";
    case Lang::es:
      return "es";
  }
  return "en";
}

// "Target date: required, at most 365 days after the as-of date; the day ..."
// in the chosen language (the catalogue's tree_target_date_* notes).
std::string date_rule(const TargetDatePolicy& p, Lang lang) {
  std::string meaning = p.meaning.get(lang);
  std::string key = p.required ? "tree_target_date_required" : "tree_target_date_optional";
  if (!meaning.empty()) key += "/meaning";
  return Problem(key, {{"days", std::to_string(p.max_days_ahead)},
                       {"propose", std::to_string(p.proposed_days())},
                       {"meaning", std::move(meaning)}})
      .message(lang);
}

class TextTree {
 public:
  TextTree(std::ostream& out, const Taxonomy& t, const TreeOptions& o) : out_(out), t_(t), o_(o) {
    branch_ = o.ascii ? "|-- " : "├── ";
    last_ = o.ascii ? "`-- " : "└── ";
    pipe_ = o.ascii ? "|   " : "│   ";
  }

  void write() {
    out_ << fmt::format("{} [{}]\n", t_.name.get(o_.lang), t_.id);
    write_children(t_.roots(), "");
  }

 private:
  void write_children(const std::vector<StatusIndex>& children, const std::string& prefix) {
    for (std::size_t k = 0; k < children.size(); ++k) {
      bool is_last = k + 1 == children.size();
      const Status& s = t_.at(children[k]);
      out_ << fmt::format("{}{}{} [{}]\n", prefix, is_last ? last_ : branch_,
                          o_.colours.paint(s.name.get(o_.lang), Colours::of_status(t_, children[k])), s.id);
      std::string child_prefix = prefix + (is_last ? "    " : pipe_);
      if (o_.descriptions) {
        std::string detail_prefix =
            child_prefix + (s.children.empty() ? "  " : std::string(pipe_).substr(0, pipe_.size() - 2));
        for (const LocalizedText* text : {&s.description, &s.notes})
          if (!text->empty()) out_ << fmt::format("{}{}\n", detail_prefix, text->get(o_.lang));
        if (s.target_date.required || !s.target_date.meaning.empty() || s.level == 1)
          out_ << fmt::format("{}{}\n", detail_prefix, date_rule(s.target_date, o_.lang));
      }
      write_children(s.children, child_prefix);
    }
  }

  std::ostream& out_;
  const Taxonomy& t_;
  const TreeOptions& o_;
  std::string branch_, last_, pipe_;
};

void write_json_status(JsonWriter& w, const Taxonomy& t, StatusIndex i, const TreeOptions& o) {
  const Status& s = t.at(i);
  w.begin_object();
  w.key("id");
  w.value(s.id);
  w.key("path");
  w.value(t.path(i));
  w.key("level");
  w.value(s.level);
  w.key("name");
  w.value(s.name.get(o.lang));
  w.key("aliases");
  w.begin_array();
  for (const auto& alias : s.aliases) w.value(alias);
  w.end_array();
  if (o.descriptions) {
    w.key("description");
    w.value(s.description.get(o.lang));
    w.key("notes");
    w.value(s.notes.get(o.lang));
  }
  w.key("target_date");
  w.begin_object();
  w.key("required");
  w.value(s.target_date.required);
  w.key("max_days_ahead");
  w.value(s.target_date.max_days_ahead);
  if (s.target_date.required) {
    w.key("propose_days");
    w.value(s.target_date.proposed_days());
  }
  if (o.descriptions) {
    w.key("meaning");
    w.value(s.target_date.meaning.get(o.lang));
  }
  w.end_object();
  w.key("children");
  w.begin_array();
  for (StatusIndex c : s.children) write_json_status(w, t, c, o);
  w.end_array();
  w.end_object();
}

void write_json(std::ostream& out, const Taxonomy& t, const TreeOptions& o) {
  JsonWriter w(out);
  w.begin_object();
  w.key("taxonomy");
  w.value(t.id);
  w.key("name");
  w.value(t.name.get(o.lang));
  w.key("lang");
  w.value(lang_code(o.lang));
  w.key("statuses");
  w.begin_array();
  for (StatusIndex i : t.roots()) write_json_status(w, t, i, o);
  w.end_array();
  w.end_object();
}

// Reproduces the playbook page: an "# L1 - name" heading and description per
// L1, then its L2s as list items with the description indented beneath.
void write_markdown_item(std::ostream& out, const Taxonomy& t, StatusIndex i, const TreeOptions& o,
                         const std::string& indent) {
  const Status& s = t.at(i);
  out << fmt::format("{}- {}{}\n", indent, level_prefix(s), s.name.get(o.lang));
  std::string body = indent + "    ";
  for (const LocalizedText* text : {&s.description, &s.notes})
    if (!text->empty()) out << fmt::format("{}{}\n", body, text->get(o.lang));
  if (s.target_date.required) out << fmt::format("{}{}\n", body, date_rule(s.target_date, o.lang));
  out << '\n';
  for (StatusIndex c : s.children) write_markdown_item(out, t, c, o, body);
}

void write_markdown(std::ostream& out, const Taxonomy& t, const TreeOptions& o) {
  bool first = true;
  for (StatusIndex i : t.roots()) {
    const Status& s = t.at(i);
    if (!first) out << '\n';
    first = false;
    out << fmt::format("# {}{}\n\n", level_prefix(s), s.name.get(o.lang));
    if (!s.description.empty()) out << s.description.get(o.lang) << "\n\n";
    if (!s.notes.empty()) out << s.notes.get(o.lang) << "\n\n";
    if (s.target_date.required) out << date_rule(s.target_date, o.lang) << "\n\n";
    for (StatusIndex c : s.children) write_markdown_item(out, t, c, o, "");
  }
}

std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

void write_dot(std::ostream& out, const Taxonomy& t, const TreeOptions& o) {
  out << fmt::format("digraph {} {{\n", dot_string(t.id));
  out << "  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n";
  out << fmt::format("  {} [label={}, shape=plaintext];\n", dot_string(t.id), dot_string(t.name.get(o.lang)));
  for (std::size_t k = 0; k < t.statuses().size(); ++k) {
    auto i = static_cast<StatusIndex>(k);
    const Status& s = t.at(i);
    std::string id = t.path(i);
    std::string style = s.level == 1 ? ", style=\"rounded,filled\", fillcolor=\"#dde7f3\"" : "";
    out << fmt::format("  {} [label={}{}];\n", dot_string(id), dot_string(s.name.get(o.lang)), style);
    std::string parent = s.parent == kNoStatus ? t.id : t.path(s.parent);
    out << fmt::format("  {} -> {};\n", dot_string(parent), dot_string(id));
  }
  out << "}\n";
}

}  // namespace

std::optional<TreeFormat> parse_tree_format(std::string_view text) {
  if (text == "text") return TreeFormat::text;
  if (text == "json") return TreeFormat::json;
  if (text == "markdown" || text == "md") return TreeFormat::markdown;
  if (text == "dot") return TreeFormat::dot;
  return std::nullopt;
}

void write_tree(std::ostream& out, const Taxonomy& t, const TreeOptions& o) {
  switch (o.format) {
    case TreeFormat::text:
      TextTree(out, t, o).write();
      break;
    case TreeFormat::json:
      write_json(out, t, o);
      break;
    case TreeFormat::markdown:
      write_markdown(out, t, o);
      break;
    case TreeFormat::dot:
      write_dot(out, t, o);
      break;
  }
}

}  // namespace ftstatus
