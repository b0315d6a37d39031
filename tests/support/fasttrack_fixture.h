#pragma once
// What several tests check against: the built-in taxonomy, loaded once, and
// the 23 status ids issue 2 fixes (5 L1s, each followed by its L2s).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "ftstatus/loader.h"

namespace fasttrack_fixture {

// The built-in taxonomy with its columns and rules, loaded once.
inline const ftstatus::LoadResult& builtin_loaded() {
  static const ftstatus::LoadResult result = ftstatus::load_builtin_taxonomy();
  if (!result.ok()) {
    for (const auto& e : result.errors) UNSCOPED_INFO(e.to_string());
    FAIL("the built-in taxonomy does not load");
  }
  return result;
}

inline const ftstatus::Taxonomy& builtin() { return *builtin_loaded().taxonomy; }

inline const std::vector<std::string> kAllIds = {
    // Status Unknown
    "status_unknown", "customer_unresponsive", "new_subscription_or_workload",
    // In Progress
    "in_progress", "technical_onboarding_deployment", "migration", "solution_or_user_adoption",
    // No Intent
    "no_intent", "using_competitive_solution", "using_microsoft_on_premises_solution", "executive_sponsorship",
    // Blocked
    "blocked", "customer_it_infrastructure_remediation", "it_change_management_resourcing", "legal_regulatory",
    "security_privacy_non_product_feature", "adoption_readiness", "product_feature_capability", "service_reliability",
    "app_compatibility", "partner_engagement", "billing_licensing_subscription",
    // Duplicate/Invalid
    "duplicate_invalid"};

}  // namespace fasttrack_fixture
