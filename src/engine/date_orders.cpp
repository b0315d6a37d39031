#include "engine/date_orders.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "model/names.h"

namespace ftstatus {

DateOrderSampler::DateOrderSampler(const Classifier& classifier, DateFormat requested) {
  if (requested != DateFormat::automatic) return;
  const Schema& schema = classifier.rules().schema;
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    const int field = classifier.field_of(static_cast<int>(c));
    if (schema.columns[c].type == ColumnType::date && field >= 0)
      tallies_.push_back({static_cast<int>(c), field, 0, 0, 0, {}});
  }
}

bool DateOrderSampler::add(const Record& record) {
  bool tells = false;
  for (Tally& t : tallies_) {
    if (static_cast<std::size_t>(t.field) >= record.fields.size()) continue;
    const std::string_view text = trim(record.fields[static_cast<std::size_t>(t.field)]);
    switch (date_order_of(text)) {
      case DateOrder::day_first:
        ++t.day_first;
        tells = true;
        break;
      case DateOrder::month_first:
        ++t.month_first;
        tells = true;
        break;
      case DateOrder::ambiguous:
        if (t.ambiguous++ == 0) t.example = text;
        tells = true;
        break;
      case DateOrder::none:
        break;
    }
  }
  return tells;
}

std::vector<DateOrderChoice> DateOrderSampler::decide(Classifier& classifier,
                                                      const std::vector<std::string>& header) const {
  std::vector<DateOrderChoice> choices;
  for (const Tally& t : tallies_) {
    DateOrderChoice choice;
    choice.column = t.column;
    choice.day_first = t.day_first;
    choice.month_first = t.month_first;
    choice.ambiguous = t.ambiguous;
    choice.example = t.example;
    bool proven = true;
    if (t.day_first != t.month_first) {
      // Mixed columns follow their majority; the others become invalid_value.
      choice.format = t.day_first > t.month_first ? DateFormat::dmy : DateFormat::mdy;
      choice.reason = DateOrderChoice::Reason::values;
    } else {
      // No value tells (or as many say one order as the other): the file's
      // language, then the locale. Proven only when the values already
      // disagree with each other, so a later one cannot reveal anything new.
      const bool spanish = header_looks_spanish(header);
      choice.format = spanish ? DateFormat::dmy : locale_date_order();
      choice.reason = spanish ? DateOrderChoice::Reason::headers : DateOrderChoice::Reason::locale;
      proven = t.day_first > 0;
    }
    classifier.set_date_format(t.column, choice.format, proven);
    // A column of ISO dates keeps ISO when ftstatus writes into it, whatever order was chosen.
    classifier.set_written_date_format(t.column,
                                       t.day_first + t.month_first + t.ambiguous > 0 ? choice.format : DateFormat::iso);
    choices.push_back(choice);
  }
  return choices;
}

bool header_looks_spanish(const std::vector<std::string>& header) {
  static constexpr std::array kSpanishWords = {
      "de",       "del",     "la",        "el",        "los",     "las",      "fecha",   "estado",         "motivo",
      "cliente",  "nombre",  "intencion", "inquilino", "derecho", "carga",    "bloqueo", "implementacion", "migracion",
      "usuarios", "puestos", "objetivo",  "alta",      "tiene",   "intentos", "canales", "respondio",      "actual"};
  for (const std::string& h : header) {
    const std::string folded = fold_name(h);
    std::size_t start = 0;
    while (start < folded.size()) {
      std::size_t end = folded.find(' ', start);
      if (end == std::string::npos) end = folded.size();
      const std::string_view word(folded.data() + start, end - start);
      if (std::find(kSpanishWords.begin(), kSpanishWords.end(), word) != kSpanishWords.end()) return true;
      start = end + 1;
    }
  }
  return false;
}

DateFormat locale_date_order() {
  std::string_view locale;
  for (const char* name : {"LC_ALL", "LC_TIME", "LANG"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') {
      locale = value;
      break;
    }
  }
  if (locale.empty() || locale == "C" || locale == "POSIX" || locale.starts_with("C.") || locale.starts_with("en_US"))
    return DateFormat::mdy;
  return DateFormat::dmy;
}

}  // namespace ftstatus
