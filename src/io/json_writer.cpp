#include "io/json_writer.h"

#include <fmt/format.h>

#include "model/utf8.h"

namespace ftstatus {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::string repaired;
  if (!is_valid_utf8(text)) {
    // JSON must be UTF-8: each invalid byte becomes U+FFFD (the row's
    // invalid_utf8 problem, and --errors' raw line, keep the original).
    append_repaired_utf8(repaired, text);
    text = repaired;
  }
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        else
          out += c;
    }
  }
  out += '"';
}

void write_json_string(std::ostream& out, std::string_view text) {
  std::string buffer;
  append_json_string(buffer, text);
  out << buffer;
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_ << '\n';
  for (std::size_t i = 0; i < stack_.size(); ++i) out_ << "  ";
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (!stack_.back().empty) out_ << ',';
  stack_.back().empty = false;
  newline();
}

void JsonWriter::begin_object() {
  before_value();
  out_ << '{';
  stack_.push_back({true, true});
}

void JsonWriter::begin_array() {
  before_value();
  out_ << '[';
  stack_.push_back({false, true});
}

void JsonWriter::end_object() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  out_ << '}';
  if (stack_.empty() && pretty_) out_ << '\n';
}

void JsonWriter::end_array() {
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  out_ << ']';
  if (stack_.empty() && pretty_) out_ << '\n';
}

void JsonWriter::key(std::string_view name) {
  before_value();
  write_json_string(out_, name);
  out_ << (pretty_ ? ": " : ":");
  after_key_ = true;
}

void JsonWriter::value(std::string_view text) {
  before_value();
  write_json_string(out_, text);
}

void JsonWriter::value(long number) {
  before_value();
  out_ << number;
}

void JsonWriter::value(bool flag) {
  before_value();
  out_ << (flag ? "true" : "false");
}

void JsonWriter::null() {
  before_value();
  out_ << "null";
}

}  // namespace ftstatus
