#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftstatus/loader.h"

using ftstatus::kNoStatus;
using ftstatus::StatusIndex;
using ftstatus::Taxonomy;

#include "fasttrack_fixture.h"

using fasttrack_fixture::builtin;

namespace {

StatusIndex by_id(const Taxonomy& t, std::string_view id) {
  for (std::size_t i = 0; i < t.statuses().size(); ++i)
    if (t.statuses()[i].id == id) return static_cast<StatusIndex>(i);
  return kNoStatus;
}

std::vector<std::string> ids(const Taxonomy& t, const std::vector<StatusIndex>& list) {
  std::vector<std::string> out;
  for (StatusIndex i : list) out.push_back(t.at(i).id);
  return out;
}

using Tree = std::vector<std::pair<std::string, std::vector<std::string>>>;

const Tree& expected_tree() {
  static const Tree tree = {
      {"status_unknown", {"customer_unresponsive", "new_subscription_or_workload"}},
      {"in_progress", {"technical_onboarding_deployment", "migration", "solution_or_user_adoption"}},
      {"no_intent", {"using_competitive_solution", "using_microsoft_on_premises_solution", "executive_sponsorship"}},
      {"blocked",
       {"customer_it_infrastructure_remediation", "it_change_management_resourcing", "legal_regulatory",
        "security_privacy_non_product_feature", "adoption_readiness", "product_feature_capability",
        "service_reliability", "app_compatibility", "partner_engagement", "billing_licensing_subscription"}},
      {"duplicate_invalid", {}},
  };
  return tree;
}

}  // namespace

TEST_CASE("the built-in taxonomy loads without errors", "[builtin]") {
  auto r = ftstatus::load_builtin_taxonomy();
  for (const auto& e : r.errors) UNSCOPED_INFO(e.to_string());
  REQUIRE(r.ok());
  CHECK(r.errors.empty());
  CHECK(r.taxonomy->id == "fasttrack");
  CHECK(r.taxonomy->depth() == 2);
  CHECK(r.taxonomy->statuses().size() == 23);
}

TEST_CASE("the built-in taxonomy has the playbook's L1s and L2s in order", "[builtin]") {
  const Taxonomy& t = builtin();
  std::vector<std::string> l1_ids;
  for (const auto& [l1, l2s] : expected_tree()) l1_ids.push_back(l1);
  CHECK(ids(t, t.roots()) == l1_ids);
  CHECK(ids(t, t.at_level(1)) == l1_ids);

  std::size_t l2_count = 0;
  for (const auto& [l1, l2s] : expected_tree()) {
    INFO("L1 " << l1);
    StatusIndex parent = by_id(t, l1);
    REQUIRE(parent != kNoStatus);
    CHECK(t.at(parent).level == 1);
    CHECK(t.at(parent).parent == kNoStatus);
    CHECK(ids(t, t.at(parent).children) == l2s);
    for (StatusIndex child : t.at(parent).children) {
      CHECK(t.at(child).parent == parent);
      CHECK(t.at(child).level == 2);
      CHECK(t.at(child).children.empty());
    }
    l2_count += l2s.size();
  }
  CHECK(t.at_level(2).size() == l2_count);
  CHECK(t.at(by_id(t, "duplicate_invalid")).leaf);
  CHECK_FALSE(t.at(by_id(t, "blocked")).leaf);
}

TEST_CASE("every built-in status has English and Spanish names and descriptions", "[builtin]") {
  const Taxonomy& t = builtin();
  for (const auto& s : t.statuses()) {
    INFO("status " << s.id);
    CHECK_FALSE(s.name.en.empty());
    CHECK_FALSE(s.name.es.empty());
    CHECK_FALSE(s.description.en.empty());
    CHECK_FALSE(s.description.es.empty());
    // Two distinct translations, not one text copied into both.
    CHECK(s.description.en != s.description.es);
  }
  CHECK_FALSE(t.name.en.empty());
  CHECK_FALSE(t.name.es.empty());
}

TEST_CASE("the built-in names are the playbook's", "[builtin]") {
  const Taxonomy& t = builtin();
  const std::vector<std::pair<std::string, std::string>> spanish = {
      {"status_unknown", "Estado desconocido"},
      {"in_progress", "En progreso"},
      {"no_intent", "No intención"},
      {"blocked", "Bloqueo"},
      {"duplicate_invalid", "Duplicado/no válido"},
      {"customer_unresponsive", "El cliente no responde"},
      {"migration", "Migración"},
      {"service_reliability", "Confiabilidad del servicio"},
      {"it_change_management_resourcing", "Administración de cambios TI y recursos"},
      {"security_privacy_non_product_feature", "Seguridad/Privacidad (Característica/no del producto)"},
  };
  for (const auto& [id, name] : spanish) {
    INFO("status " << id);
    REQUIRE(by_id(t, id) != kNoStatus);
    CHECK(t.at(by_id(t, id)).name.es == name);
  }
  const std::vector<std::pair<std::string, std::string>> english = {
      {"status_unknown", "Status Unknown"},
      {"in_progress", "In Progress"},
      {"no_intent", "No Intent"},
      {"blocked", "Blocked"},
      {"duplicate_invalid", "Duplicate/Invalid"},
      {"migration", "Migration"},
  };
  for (const auto& [id, name] : english) {
    INFO("status " << id);
    CHECK(t.at(by_id(t, id)).name.en == name);
  }
}

TEST_CASE("the playbook's typos are fixed in the built-in texts", "[builtin]") {
  // Aliases keep the misspellings on purpose (so old exports still match);
  // names, descriptions, notes and date meanings must not.
  const Taxonomy& t = builtin();
  for (const auto& s : t.statuses()) {
    for (const ftstatus::LocalizedText* text : {&s.name, &s.description, &s.notes, &s.target_date.meaning}) {
      for (const std::string* lang : {&text->en, &text->es}) {
        INFO("status " << s.id << ": " << *lang);
        CHECK(lang->find("nececesaria") == std::string::npos);
        CHECK(lang->find("Securidad") == std::string::npos);
        CHECK(lang->find("Caracteristica ") == std::string::npos);
        CHECK(lang->find("Caracteristica/") == std::string::npos);
      }
    }
  }
}

TEST_CASE("only In Progress statuses need a target date", "[builtin]") {
  const Taxonomy& t = builtin();
  StatusIndex in_progress = by_id(t, "in_progress");
  REQUIRE(in_progress != kNoStatus);
  CHECK(t.at(in_progress).target_date.required);
  CHECK(t.at(in_progress).target_date.max_days_ahead == 365);
  for (StatusIndex i : t.at(in_progress).children) {
    const auto& s = t.at(i);
    INFO("status " << s.id);
    CHECK(s.target_date.required);
    CHECK(s.target_date.max_days_ahead == 365);
    CHECK_FALSE(s.target_date.meaning.en.empty());
    CHECK_FALSE(s.target_date.meaning.es.empty());
    // Each L2 says what its own date means rather than repeating the L1's.
    CHECK(s.target_date.meaning.en != t.at(in_progress).target_date.meaning.en);
  }
  const auto& migration = t.at(by_id(t, "migration")).target_date.meaning;
  CHECK(migration.en.find("migration") != std::string::npos);
  CHECK(migration.es.find("migración") != std::string::npos);

  for (const auto& s : t.statuses()) {
    if (s.id == "in_progress" || s.parent == in_progress) continue;
    INFO("status " << s.id);
    CHECK_FALSE(s.target_date.required);
  }
}

TEST_CASE("built-in statuses are found by the names people type", "[builtin]") {
  const Taxonomy& t = builtin();
  const StatusIndex in_progress = by_id(t, "in_progress");
  const StatusIndex blocked = by_id(t, "blocked");
  const StatusIndex migration = by_id(t, "migration");
  const StatusIndex security = by_id(t, "security_privacy_non_product_feature");
  const StatusIndex it_change = by_id(t, "it_change_management_resourcing");

  CHECK(t.find_child(kNoStatus, "en progreso") == in_progress);
  CHECK(t.find_child(kNoStatus, "In Progress") == in_progress);
  CHECK(t.find_child(kNoStatus, "L1 - En progreso") == in_progress);
  CHECK(t.find_child(kNoStatus, "  Bloqueo ") == blocked);
  CHECK(t.find_at_level(1, "  Bloqueo ") == blocked);

  CHECK(t.find_child(in_progress, "L2 - Migración") == migration);
  CHECK(t.find_at_level(2, "L2 - Migración") == migration);
  CHECK(t.find_at_level(2, "MIGRATION") == migration);
  CHECK(t.find_at_level(2, "migracion") == migration);

  CHECK(t.find_child(blocked, "Securidad/Privacidad (Caracteristica/no del producto)") == security);
  CHECK(t.find_at_level(2, "Seguridad/Privacidad (Característica/no del producto)") == security);
  CHECK(t.find_at_level(2, "L2- Administración de cambios TI y recursos") == it_change);
  CHECK(t.find_child(blocked, "L2- Administración de cambios TI y recursos") == it_change);

  // A name is looked up only where it belongs.
  CHECK(t.find_child(kNoStatus, "Migración") == kNoStatus);
  CHECK(t.find_child(blocked, "Migración") == kNoStatus);
  CHECK(t.find_child(in_progress, "Bloqueo") == kNoStatus);
  CHECK(t.find_at_level(2, "Bloqueo") == kNoStatus);
  CHECK(t.find_child(kNoStatus, "nonsense status") == kNoStatus);
}
