#include "model/names.h"

#include "model/utf8.h"

#include <algorithm>
#include <vector>

namespace ftstatus {

namespace {

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i.
// An invalid byte is returned as itself (>= 0x80) so nothing is lost.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  int length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (length <= 1 || i + static_cast<std::size_t>(length) > text.size()) {
    ++i;
    return b0;
  }
  char32_t cp = b0 & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return b0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(length);
  return cp;
}

// The ASCII letter a Latin-1 accented letter folds to, or 0.
char fold_latin1(char32_t cp) {
  // Index 0 is U+00C0; both cases share a row.
  static constexpr const char* kUpper = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTs";
  if (cp >= 0xC0 && cp <= 0xDF) {
    char c = kUpper[cp - 0xC0];
    return c == '*' ? 0 : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  if (cp >= 0xE0 && cp <= 0xFF) {
    char c = kUpper[cp - 0xE0];
    if (cp == 0xF7) return 0;  // division sign
    if (cp == 0xFF) return 'y';
    return c == '*' ? 0 : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return 0;
}

bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         cp == 0x3000;
}

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out;
  fold_name_into(out, name);
  return out;
}

void fold_name_into(std::string& out, std::string_view name) {
  out.clear();
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t start = i;
    char32_t cp = next_code_point(name, i);
    if (is_separator(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (char folded = fold_latin1(cp)) {
      out += folded;
    } else if (i - start == 1) {
      out += name[start];  // an invalid byte: keep it so distinct inputs stay distinct
    } else {
      append_utf8(out, cp);
    }
  }
}

std::string normalize_name(std::string_view name) {
  std::string out = fold_name(name);
  // Exports and the playbook write "L2 - Migración"; the level is not part of the name.
  if (out.size() > 3 && out[0] == 'l' && out[1] >= '1' && out[1] <= '3' && out[2] == ' ')
    out.erase(0, 3);
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace ftstatus
