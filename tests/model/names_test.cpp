#include <catch2/catch.hpp>

#include "model/names.h"

using ftstatus::edit_distance;
using ftstatus::equals_ignoring_case;
using ftstatus::fold_name;
using ftstatus::normalize_name;

TEST_CASE("name matching ignores case, accents, spaces, punctuation and level prefixes", "[names]") {
  CHECK(normalize_name("en progreso") == "en progreso");
  CHECK(normalize_name("  En Progreso  ") == "en progreso");
  CHECK(normalize_name("L2 - Migración") == "migracion");
  CHECK(normalize_name("MIGRATION") == "migration");
  CHECK(normalize_name("L1 - Duplicado/no válido") == "duplicado no valido");
  CHECK(normalize_name("L2- Administración de cambios TI y recursos") == "administracion de cambios ti y recursos");
  CHECK(normalize_name("technical_onboarding_deployment") == normalize_name("Technical Onboarding/Deployment"));
  CHECK(normalize_name("Customer IT Infrastructure & Remediation") == "customer it infrastructure remediation");
  CHECK(normalize_name("ÑANDÚ çé") == "nandu ce");
  CHECK(normalize_name("¿Bloqueo?") == "bloqueo");
}

TEST_CASE("a level prefix is only dropped when a name follows it", "[names]") {
  CHECK(normalize_name("L2") == "l2");
  CHECK(normalize_name("L4 - x") == "l4 x");
}

TEST_CASE("accents fold in any script and in decomposed form", "[names]") {
  CHECK(fold_name("Ärger ÖL Œuvre") == "arger ol œuvre");
  CHECK(fold_name("Straße") == "strasse");                 // Unicode case folding
  CHECK(fold_name("Migrac\u0327a\u0303o") == "migracao");  // c + cedilla, a + tilde as marks
  CHECK(fold_name("ΣΊΣΥΦΟΣ") == "σισυφοσ");
  CHECK(fold_name("İstanbul") == "istanbul");
}

TEST_CASE("punctuation, symbols, spaces and controls separate words; other characters are kept", "[names]") {
  CHECK(fold_name("\u00A0Migración\u2014en\u2003curso\u3000") == "migracion en curso");  // nbsp, em dash, em space
  CHECK(fold_name("«bloqueo» “legal”") == "bloqueo legal");
  CHECK(fold_name("a·b×c÷d") == "a b c d");
  CHECK(fold_name("€ 100 ™") == "100");
  CHECK(fold_name("東京 2026") == "東京 2026");
  CHECK(fold_name("¡¿…!?") == "");
  CHECK(fold_name("ok😀done") == "ok done");  // an emoji is a symbol
  CHECK(fold_name("x­y​z") == "x y z");   // soft hyphen, zero-width space
  CHECK(fold_name("ab") == "ab");          // private use: kept, we cannot tell
}

TEST_CASE("ASCII folds byte by byte, with every non-alphanumeric byte a separator", "[names]") {
  CHECK(fold_name("  Target_Date (UTC)\t") == "target date utc");
  CHECK(fold_name("A1-b2") == "a1 b2");
  std::string out = "left over";
  ftstatus::fold_name_into(out, "New Value");
  CHECK(out == "new value");
}

TEST_CASE("invalid UTF-8 is kept, not dropped, so different inputs stay different", "[names]") {
  CHECK(normalize_name("a\xff"
                       "b") != normalize_name("ab"));
  CHECK(fold_name("A\x81"
                  "B") ==
        "a\x81"
        "b");                               // 0x80-0x9F: kept as the byte itself
  CHECK(fold_name("\xE2\x82") == "a\x82");  // a truncated sequence: each byte on its own
}

TEST_CASE("an invalid byte from 0xA0 up folds as its Latin-1 character (cp1252 read as UTF-8)", "[names]") {
  CHECK(fold_name("s\xED") == "si");
  CHECK(fold_name("Migraci\xF3n") == "migracion");
  CHECK(fold_name("A\xFF"
                  "B") == "ayb");
  CHECK(fold_name("\xBF"
                  "Bloqueo?") == "bloqueo");  // inverted question mark: a separator
  CHECK(fold_name("x\xC0\xAFy") == "xa y");   // an overlong '/' is two bytes, not a separator
}

TEST_CASE("equals_ignoring_case maps letter case in any script, nothing else", "[names]") {
  CHECK(equals_ignoring_case("SÍ", "sí"));
  CHECK(equals_ignoring_case("Sí", "sí"));
  CHECK(equals_ignoring_case("sí", "sí"));
  CHECK(equals_ignoring_case("", ""));
  CHECK_FALSE(equals_ignoring_case("si", "sí"));  // accents still count
  CHECK_FALSE(equals_ignoring_case("sí!", "sí"));
  CHECK_FALSE(equals_ignoring_case("s", "sí"));
  CHECK_FALSE(equals_ignoring_case("S\xC3", "sí"));  // truncated
  CHECK(equals_ignoring_case("A\xFF", "a\xFF"));     // an invalid byte equals itself
}

TEST_CASE("edit distance counts single-character edits", "[names]") {
  CHECK(edit_distance("migration", "migration") == 0);
  CHECK(edit_distance("migraton", "migration") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}
