#pragma once
// A small streaming JSON writer: output is valid JSON with stable key order.
#include <ostream>
#include <string_view>
#include <vector>

namespace ftstatus {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, bool pretty = true) : out_(out), pretty_(pretty) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(long number);
  void value(int number) { value(static_cast<long>(number)); }
  void value(bool flag);
  void null();

 private:
  void before_value();
  void newline();
  std::ostream& out_;
  bool pretty_;
  struct Level {
    bool is_object;
    bool empty;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

// Writes `text` as a quoted JSON string.
void write_json_string(std::ostream& out, std::string_view text);
// Appends `text` as a quoted JSON string (for hot loops writing to a buffer).
void append_json_string(std::string& out, std::string_view text);

}  // namespace ftstatus
