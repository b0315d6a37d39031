// Cell values as spreadsheets write them: booleans in Excel's languages,
// integers with thousands separators, enum values spelled like headers.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "ftstatus/schema.h"
#include "model/names.h"

using ftstatus::Column;
using ftstatus::ColumnType;

namespace {

std::string upper_ascii(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  return text;
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - ('a' - 'A'));
  return text;
}

Column blocker_column() {
  Column column;
  column.id = "blocker";
  column.type = ColumnType::enumeration;
  column.values = {"infrastructure", "it_change", "legal", "app_compat", "on_premises"};
  for (const char* alias : {"cambio de TI", "on-premises", "compatibilidad de aplicaciones"})
    column.value_aliases.emplace_back(ftstatus::fold_name(alias), 0);
  column.value_aliases[0].second = 1;
  column.value_aliases[1].second = 4;
  column.value_aliases[2].second = 3;
  return column;
}

}  // namespace

TEST_CASE("parse_bool reads every yes and no word in any case", "[values]") {
  const char* yes_words[] = {"true",       "yes",  "y",    "1",    "x",   "si", "verdadero",
                             "verdadeiro", "vrai", "wahr", "vero", "oui", "ja", "sim"};
  const char* no_words[] = {"false", "no", "n", "0", "falso", "faux", "falsch", "non", "nein", "nao"};
  for (const char* word : yes_words) {
    for (const std::string& spelling :
         {std::string(word), upper_ascii(word), capitalized(word), " " + std::string(word) + "\t"}) {
      INFO(spelling);
      bool value = false;
      CHECK(ftstatus::parse_bool(spelling, value));
      CHECK(value);
    }
  }
  for (const char* word : no_words) {
    for (const std::string& spelling :
         {std::string(word), upper_ascii(word), capitalized(word), " " + std::string(word) + "\t"}) {
      INFO(spelling);
      bool value = true;
      CHECK(ftstatus::parse_bool(spelling, value));
      CHECK_FALSE(value);
    }
  }
  // Accented words need Unicode case mapping: sí, SÍ, Sí; não, NÃO, Não.
  for (const char* yes : {"s\xC3\xAD", "S\xC3\x8D", "S\xC3\xAD"}) {
    INFO(yes);
    bool value = false;
    CHECK(ftstatus::parse_bool(yes, value));
    CHECK(value);
  }
  for (const char* no : {"n\xC3\xA3o", "N\xC3\x83O", "N\xC3\xA3o"}) {
    INFO(no);
    bool value = true;
    CHECK(ftstatus::parse_bool(no, value));
    CHECK_FALSE(value);
  }
  for (const char* bad : {"", "  ", "maybe", "2", "yess", "t", "f", "s", "on", "off", "xx", "verdader", "verdaderos",
                          "verdadeiroo", "-1", "s\xC3\xADs", "n\xC3\xA1o", "\xC3\xAD"}) {
    INFO(bad);
    bool value = false;
    CHECK_FALSE(ftstatus::parse_bool(bad, value));
  }
}

TEST_CASE("parse_integer reads plain and thousands-grouped numbers", "[values]") {
  struct Case {
    const char* text;
    std::int64_t value;
  };
  const Case cases[] = {
      {"0", 0},
      {"42", 42},
      {" 42 ", 42},
      {"-7", -7},
      {"+5", 5},
      {"007", 7},
      {"1.200", 1200},
      {"1,250", 1250},
      {"2 000", 2000},
      {"2\xC2\xA0"
       "000",
       2000},  // no-break space
      {"2\xE2\x80\xAF"
       "000",
       2000},  // narrow no-break space
      {"12.345.678", 12345678},
      {"123,456,789", 123456789},
      {"-1.200", -1200},
      {"+1 000 000", 1000000},
      {"9223372036854775807", INT64_MAX},
      {"-9223372036854775808", INT64_MIN},
      {"9.223.372.036.854.775.807", INT64_MAX},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::int64_t value = 99;
    CHECK(ftstatus::parse_integer(c.text, value));
    CHECK(value == c.value);
  }
  for (const char* bad : {"",
                          " ",
                          "-",
                          "+",
                          "12a",
                          "a12",
                          "3e2",
                          "1.5",
                          "1,25",
                          "1.2345",
                          "1.200,50",
                          "1,200.5",
                          ",200",
                          "1.200.",
                          "1..200",
                          "1 2",
                          "1234.567",
                          "1.200 000",
                          "1.20",
                          "--1",
                          "+-1",
                          "9223372036854775808",
                          "-9223372036854775809",
                          "99999999999999999999",
                          "1\xC2\xA0",
                          "1\xC2"
                          "200",
                          "\xC2\xA0"
                          "200"}) {
    INFO(bad);
    std::int64_t value = 99;
    CHECK_FALSE(ftstatus::parse_integer(bad, value));
  }
}

TEST_CASE("parse_enum folds values like headers", "[values]") {
  const Column column = blocker_column();
  struct Case {
    const char* text;
    int index;
  };
  const Case cases[] = {
      {"it_change", 1},
      {"IT_CHANGE", 1},
      {"IT Change", 1},
      {"it-change", 1},
      {" It  Change ", 1},
      {"ITCHANGE", 1},
      {"App Compat", 3},
      {"app-compat", 3},
      {"On Premises", 4},
      {"ON_PREMISES", 4},
      {"on-premises", 4},
      {"Infraestructure", -1},
      {"Legal", 2},
      {"L\xC3\xA9gal", 2},  // accents ignored
      {"cambio de TI", 1},
      {"Cambio-de-TI", 1},
      {"CAMBIO_DE_TI", 1},
      {"cambiodeti", 1},
      {"Compatibilidad de aplicaciones", 3},
      // Near misses that must not match.
      {"IT", -1},
      {"Change", -1},
      {"it changes", -1},
      {"app", -1},
      {"premises", -1},
      {"cambio", -1},
      {"", -1},
      {" - ", -1},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(ftstatus::parse_enum(column, c.text) == c.index);
  }
}

TEST_CASE("parse_enum folds non-ASCII values too", "[values]") {
  Column column;
  column.id = "answer";
  column.type = ColumnType::enumeration;
  column.values = {"s\xC3\xAD", "no_s\xC3\xA9"};
  CHECK(ftstatus::parse_enum(column, "S\xC3\x8D") == 0);
  CHECK(ftstatus::parse_enum(column, "si") == 0);
  CHECK(ftstatus::parse_enum(column, "No Se") == 1);
  CHECK(ftstatus::parse_enum(column, "no") == -1);
}
