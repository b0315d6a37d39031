#include <catch2/catch.hpp>

#include "model/names.h"

using ftstatus::edit_distance;
using ftstatus::normalize_name;

TEST_CASE("name matching ignores case, accents, spaces, punctuation and level prefixes", "[names]") {
  CHECK(normalize_name("en progreso") == "en progreso");
  CHECK(normalize_name("  En Progreso  ") == "en progreso");
  CHECK(normalize_name("L2 - Migración") == "migracion");
  CHECK(normalize_name("MIGRATION") == "migration");
  CHECK(normalize_name("L1 - Duplicado/no válido") == "duplicado no valido");
  CHECK(normalize_name("L2- Administración de cambios TI y recursos") ==
        "administracion de cambios ti y recursos");
  CHECK(normalize_name("technical_onboarding_deployment") == normalize_name("Technical Onboarding/Deployment"));
  CHECK(normalize_name("Customer IT Infrastructure & Remediation") == "customer it infrastructure remediation");
  CHECK(normalize_name("ÑANDÚ çé") == "nandu ce");
  CHECK(normalize_name("¿Bloqueo?") == "bloqueo");
}

TEST_CASE("a level prefix is only dropped when a name follows it", "[names]") {
  CHECK(normalize_name("L2") == "l2");
  CHECK(normalize_name("L4 - x") == "l4 x");
}

TEST_CASE("invalid UTF-8 is kept, not dropped, so different inputs stay different", "[names]") {
  CHECK(normalize_name("a\xff" "b") != normalize_name("ab"));
}

TEST_CASE("edit distance counts single-character edits", "[names]") {
  CHECK(edit_distance("migration", "migration") == 0);
  CHECK(edit_distance("migraton", "migration") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}
