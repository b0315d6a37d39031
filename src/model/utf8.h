#pragma once
// UTF-8 decoding, validation and encoding: the one place that knows the byte
// format (utf8proc does the work). Name folding, CSV decoding and the JSON
// writer all go through here.
#include <cstddef>
#include <string>
#include <string_view>

namespace ftstatus {

// One code point read from UTF-8 text.
struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed: 1 to 4
  bool valid = true;
};

// Decodes the code point that starts at text[offset] (offset < text.size()).
// An ill-formed sequence (stray or truncated bytes, overlongs, surrogates,
// above U+10FFFF) gives valid == false, length 1 and the byte itself as
// code_point, so callers can keep or replace that one byte and go on.
Utf8Char decode_utf8(std::string_view text, std::size_t offset);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or truncation).
bool is_valid_utf8(std::string_view text);

// Appends `text` with each byte that is not valid UTF-8 replaced by U+FFFD
// (JSON and workbooks must be UTF-8; the raw input keeps the original).
void append_repaired_utf8(std::string& out, std::string_view text);

// Appends the UTF-8 encoding of `cp` (a code point up to U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

}  // namespace ftstatus
