#pragma once
// UTF-8 helpers shared by name matching, CSV decoding and tests.
#include <string>
#include <string_view>

namespace ftstatus {

// Appends the UTF-8 encoding of `cp` (a code point up to U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or truncation).
bool is_valid_utf8(std::string_view text);

}  // namespace ftstatus
