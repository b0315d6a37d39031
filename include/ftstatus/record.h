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
  std::string_view raw;   // the record as it stood in the input, without its line break
  long line = 0;          // 1-based line where the record starts
  bool stray_cr = false;  // a lone CR outside quotes was kept inside a cell
  // A workbook's error cells (#N/A, #VALUE!...), by field: non-zero where the
  // cell was an error value, not text. Empty when there is none (and for CSV).
  std::vector<char> error_cells;
};

// Text encodings an input may come in; output is always UTF-8. `automatic`:
// a BOM decides (UTF-8, UTF-16 LE/BE), else UTF-8 when the start of the input
// is valid UTF-8, else Windows-1252.
enum class Encoding { automatic, utf8, utf16le, utf16be, cp1252 };

// How records end in the input (and so in the output).
enum class LineEnding { lf, crlf, cr };

// "auto", "utf-8", "utf8", "utf-16" (LE unless a BOM says BE), "utf-16le",
// "utf-16be", "cp1252", "windows-1252", "latin1" (any case); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view text);

}  // namespace ftstatus
