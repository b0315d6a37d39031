#include "ftstatus/lang.h"

#include <cstdlib>

namespace ftstatus {

std::optional<Lang> parse_lang(std::string_view text) {
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  if (text.size() != 2) return std::nullopt;
  std::string code{lower(text[0]), lower(text[1])};
  if (code == "en") return Lang::en;
  if (code == "es") return Lang::es;
  return std::nullopt;
}

Lang lang_from_environment() {
  // POSIX's order for messages: LC_ALL, then LC_MESSAGES, then LANG (an empty one counts as unset).
  const char* value = std::getenv("LC_ALL");
  if (value == nullptr || *value == '\0') value = std::getenv("LC_MESSAGES");
  if (value == nullptr || *value == '\0') value = std::getenv("LANG");
  if (value == nullptr) return Lang::en;
  std::string_view locale(value);
  return locale.substr(0, 2) == "es" ? Lang::es : Lang::en;
}

}  // namespace ftstatus
