#include "model/utf8.h"

#include <cstdint>
#include <cstring>

#include <utf8proc.h>

namespace ftstatus {

Utf8Char decode_utf8(std::string_view text, std::size_t offset) {
  auto first = static_cast<unsigned char>(text[offset]);
  if (first < 0x80) return {first, 1, true};
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + offset),
                                             static_cast<utf8proc_ssize_t>(text.size() - offset), &cp);
  if (length <= 0 || cp < 0) return {first, 1, false};
  return {static_cast<char32_t>(cp), static_cast<std::size_t>(length), true};
}

bool is_valid_utf8(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (;;) {
    // Most exports are ASCII: skip 32, then 8 bytes at a time while no high bit is set.
    for (std::uint64_t words[4]; n - i >= 32; i += 32) {
      std::memcpy(words, text.data() + i, 32);
      if ((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ull) break;
    }
    for (std::uint64_t word; n - i >= 8; i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
    }
    while (i < n && static_cast<unsigned char>(text[i]) < 0x80) ++i;
    if (i == n) return true;
    Utf8Char c = decode_utf8(text, i);
    if (!c.valid) return false;
    i += c.length;
  }
}

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t bytes[4];
  utf8proc_ssize_t length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes);
  out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
}

void append_repaired_utf8(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (c.valid)
      out.append(text.substr(i, c.length));
    else
      append_utf8(out, U'\uFFFD');
    i += c.length;
  }
}

}  // namespace ftstatus
