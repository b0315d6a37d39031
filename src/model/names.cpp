#include "model/names.h"

#include "model/utf8.h"

#include <algorithm>
#include <array>
#include <vector>

#include <utf8proc.h>

namespace ftstatus {

namespace {

// Unicode case folding plus canonical decomposition with the combining marks
// dropped: "É" -> "é" -> "e" + U+0301 -> "e"; "ß" -> "ss".
constexpr auto kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);

// Punctuation, symbols, spaces and control or format characters separate
// words. Everything else is part of one: letters, digits, and code points
// Unicode leaves private or unassigned (we cannot tell, so they stay).
bool is_separator(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return true;
    default:
      return false;
  }
}

bool is_ascii_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Builds a folded name: word characters are appended as they come, and a run
// of separators becomes one space, written only once another word follows.
class FoldedNameBuilder {
 public:
  explicit FoldedNameBuilder(std::string& out) : out_(out) { out_.clear(); }

  void separator() { pending_space_ = !out_.empty(); }

  void byte(char c) {
    start_word_char();
    out_ += c;
  }

  void code_point(utf8proc_int32_t cp) {
    start_word_char();
    append_utf8(out_, static_cast<char32_t>(cp));
  }

  void bytes(std::string_view text) {
    start_word_char();
    out_ += text;
  }

 private:
  void start_word_char() {
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
  }

  std::string& out_;
  bool pending_space_ = false;
};

}  // namespace

std::string fold_name(std::string_view name) {
  std::string out;
  fold_name_into(out, name);
  return out;
}

void fold_name_into(std::string& out, std::string_view name) {
  FoldedNameBuilder folded(out);
  for (std::size_t i = 0; i < name.size();) {
    char c = name[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      // Nearly every header and enum value is ASCII: fold it here without utf8proc.
      ++i;
      if (!is_ascii_word_char(c))
        folded.separator();
      else
        folded.byte(c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c);
      continue;
    }
    Utf8Char decoded = decode_utf8(name, i);
    std::string_view as_written = name.substr(i, decoded.length);
    i += decoded.length;
    // An invalid byte is read as the Latin-1 character it would be, so a
    // cp1252 export read as UTF-8 still matches ("s\xED" is "si"). Bytes
    // 0x80-0x9F are no Latin-1 letter: keep them so distinct inputs stay distinct.
    if (!decoded.valid && decoded.code_point < 0xA0) {
      folded.bytes(as_written);
      continue;
    }
    std::array<utf8proc_int32_t, 32> parts;  // a fold is at most a few code points
    int boundclass = 0;                      // only used for grapheme breaks, which kFoldOptions does not ask for
    utf8proc_ssize_t count =
        utf8proc_decompose_char(static_cast<utf8proc_int32_t>(decoded.code_point), parts.data(),
                                static_cast<utf8proc_ssize_t>(parts.size()), kFoldOptions, &boundclass);
    if (count < 0 || static_cast<std::size_t>(count) > parts.size()) {
      folded.bytes(as_written);  // no fold known (cannot happen for valid code points): keep it as written
      continue;
    }
    for (std::size_t k = 0; k < static_cast<std::size_t>(count); ++k) {
      if (is_separator(parts[k]))
        folded.separator();
      else
        folded.code_point(parts[k]);
    }
  }
}

std::string normalize_name(std::string_view name) {
  std::string out = fold_name(name);
  // Exports and the playbook write "L2 - Migración"; the level is not part of the name. Every
  // leading prefix goes ("L1 - L2 - x"), so that normalizing a normalized name changes nothing.
  std::size_t start = 0;
  while (out.size() - start > 3 && out[start] == 'l' && out[start + 1] >= '1' && out[start + 1] <= '3' &&
         out[start + 2] == ' ')
    start += 3;
  out.erase(0, start);
  return out;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < text.size() && j < lower.size()) {
    char ascii = text[i];
    if (static_cast<unsigned char>(ascii) < 0x80) {  // ASCII: no table look-up
      if ((ascii >= 'A' && ascii <= 'Z' ? static_cast<char>(ascii + ('a' - 'A')) : ascii) != lower[j]) return false;
      ++i;
      ++j;
      continue;
    }
    Utf8Char a = decode_utf8(text, i);
    Utf8Char b = decode_utf8(lower, j);
    if (a.valid != b.valid) return false;
    char32_t a_lower =
        a.valid ? static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(a.code_point))) : a.code_point;
    if (a_lower != b.code_point) return false;
    i += a.length;
    j += b.length;
  }
  return i == text.size() && j == lower.size();
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

std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& candidates,
                                       std::size_t most) {
  const std::string wanted = fold_name(typed);
  const std::size_t within = std::max<std::size_t>(2, wanted.size() / 3);
  std::vector<std::pair<std::size_t, std::size_t>> near;  // distance, index in candidates
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (const std::size_t distance = edit_distance(wanted, fold_name(candidates[k])); distance <= within)
      near.emplace_back(distance, k);
  std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> names;
  for (const auto& [distance, k] : near)
    if (names.size() < most && std::find(names.begin(), names.end(), candidates[k]) == names.end())
      names.push_back(candidates[k]);
  return names;
}

}  // namespace ftstatus
