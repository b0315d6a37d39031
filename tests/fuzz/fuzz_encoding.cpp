// libFuzzer target for encoding detection and decoding: the CSV reader's
// UTF-8 / BOM / UTF-16 LE and BE / Windows-1252 handling (src/io/csv.cpp) and
// the UTF-8 helpers (src/model/utf8.h). The first byte chooses the encoding
// (or detection) and the chunk size; the rest is the file.
// Properties:
// - text decoded from UTF-16 or Windows-1252 is valid UTF-8 (UTF-8 input
//   keeps its stray bytes on purpose: they are flagged per cell later);
// - decoding is deterministic: the same bytes read through a small buffer
//   (refilled many times) give the same records, cells and BOM flag as read
//   whole (with detection: when both chose the same encoding);
// - append_repaired_utf8 makes valid UTF-8 and leaves valid UTF-8 as it was;
//   decode_utf8 and is_valid_utf8 agree.
#include <cstdio>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "io/csv.h"
#include "model/utf8.h"

namespace {

struct Decoded {
  bool ok = true;
  bool too_long = false;  // a record passed the limit (the small buffer's, or the whole's after decoding)
  ftstatus::Encoding encoding = ftstatus::Encoding::automatic;
  bool bom = false;
  std::vector<std::string> text;  // each record's raw text, then its cells
};

// `buffer`: where the reader's buffer starts (it starts as small as the record limit).
Decoded decode(std::string_view bytes, ftstatus::Encoding encoding, std::size_t buffer) {
  Decoded out;
  std::FILE* in = fuzz::open_chunked(bytes, buffer);
  FUZZ_CHECK(in != nullptr);
  try {
    ftstatus::CsvLimits limits;
    limits.max_record_bytes = buffer;
    ftstatus::CsvReader reader(in, ',', encoding, limits);
    ftstatus::Record record;
    while (reader.next(record)) {
      out.text.emplace_back(record.raw);
      for (std::string_view cell : record.fields) out.text.emplace_back(cell);
    }
    out.encoding = reader.encoding();
    out.bom = reader.had_bom();
  } catch (const ftstatus::CsvError& error) {
    out.ok = false;
    out.too_long = error.problem.code() == "input_record_too_long" || error.problem.code() == "input_quote_too_long";
  }
  std::fclose(in);
  return out;
}

void check_utf8_helpers(std::string_view text) {
  std::string repaired;
  ftstatus::append_repaired_utf8(repaired, text);
  FUZZ_CHECK(ftstatus::is_valid_utf8(repaired));
  const bool valid = ftstatus::is_valid_utf8(text);
  if (valid) FUZZ_CHECK(repaired == text);
  bool every_char_valid = true;
  std::string reencoded;
  for (std::size_t i = 0; i < text.size();) {
    const ftstatus::Utf8Char c = ftstatus::decode_utf8(text, i);
    FUZZ_CHECK(c.length >= 1 && c.length <= 4 && i + c.length <= text.size());
    if (c.valid) {
      ftstatus::append_utf8(reencoded, c.code_point);
      FUZZ_CHECK(std::string_view(reencoded).substr(reencoded.size() - c.length) == text.substr(i, c.length));
    } else {
      FUZZ_CHECK(c.length == 1);
    }
    every_char_valid &= c.valid;
    i += c.length;
  }
  FUZZ_CHECK(every_char_valid == valid);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(data, size);
  constexpr ftstatus::Encoding kEncodings[] = {ftstatus::Encoding::automatic, ftstatus::Encoding::utf8,
                                               ftstatus::Encoding::cp1252, ftstatus::Encoding::utf16le,
                                               ftstatus::Encoding::utf16be};
  const unsigned choice = input.byte();
  const ftstatus::Encoding encoding = kEncodings[choice % std::size(kEncodings)];
  const std::size_t chunk = 4 * (1 + choice / std::size(kEncodings));  // 4 to 208 bytes
  const std::string_view bytes = input.rest();

  check_utf8_helpers(bytes);

  // Read whole (one buffer that holds the input) and through a small buffer refilled many times.
  const Decoded whole = decode(bytes, encoding, bytes.size() * 3 + 16);  // a byte decodes to at most 3
  const Decoded chunked = decode(bytes, encoding, chunk);
  if (chunked.too_long) return 0;  // a record longer than the small buffer's limit
  FUZZ_CHECK(!whole.too_long);
  if (whole.ok != chunked.ok && encoding == ftstatus::Encoding::automatic) return 0;  // detected differently
  FUZZ_CHECK(whole.ok == chunked.ok);
  if (!whole.ok) return 0;
  // Detection looks at the first buffer only, so a smaller one may see only ASCII and choose UTF-8.
  if (encoding == ftstatus::Encoding::automatic && whole.encoding != chunked.encoding) return 0;
  FUZZ_CHECK(whole.encoding == chunked.encoding && whole.bom == chunked.bom);
  FUZZ_CHECK(whole.text == chunked.text);
  FUZZ_CHECK(whole.encoding != ftstatus::Encoding::automatic);
  if (whole.encoding != ftstatus::Encoding::utf8)
    for (const std::string& text : whole.text) FUZZ_CHECK(ftstatus::is_valid_utf8(text));
  return 0;
}
