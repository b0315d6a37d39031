#pragma once
// ftstatus public API, layer: model.
// One input record as a record source hands it to the pipeline: its fields,
// its raw text and where it starts. Views stay valid until the source's next read.
#include <optional>
#include <string_view>
#include <vector>

namespace ftstatus {

struct Record {
  std::vector<std::string_view> fields;
  std::string_view raw;  // the record as it stood in the input, without its line break
  long line = 0;         // 1-based line where the record starts
};

// Text encodings an input may come in; output is always UTF-8.
enum class Encoding { utf8, cp1252 };

// "utf-8", "utf8", "cp1252", "windows-1252", "latin1" (any case); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view text);

}  // namespace ftstatus
