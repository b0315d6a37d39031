#pragma once
// ftstatus public API, layer: model.
// Output languages and the bilingual text every status carries.
#include <optional>
#include <string>
#include <string_view>

namespace ftstatus {

enum class Lang { en, es };

// "en" or "es" (case-insensitive); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view text);

// The default when --lang is not given: Spanish when the first of LC_ALL,
// LC_MESSAGES and LANG that is set and not empty starts with "es", otherwise
// English.
Lang lang_from_environment();

struct LocalizedText {
  std::string en;
  std::string es;

  bool empty() const { return en.empty() && es.empty(); }
  // Falls back to the other language so a custom taxonomy may give only one.
  const std::string& get(Lang lang) const {
    if (lang == Lang::es) return es.empty() ? en : es;
    return en.empty() ? es : en;
  }
};

}  // namespace ftstatus
