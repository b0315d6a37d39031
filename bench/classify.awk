# The decision table of taxonomy/fasttrack.yaml in awk, for bench/run: a floor, not a peer. It splits every line
# at every comma (so a quoted field with a comma shifts the fields after it), compares cells exactly as written
# (no trimming, case or accent folding, value aliases or Excel booleans) and checks nothing (field counts,
# duplicate ids, target dates). It shows how fast the bare decision table can go on this machine.
#   mawk -f bench/classify.awk export.csv > out.csv
BEGIN { FS = ","; OFS = "," }
NR == 1 {
  for (f = 1; f <= NF; f++) column[$f] = f
  state = column["tenant_state"]; workload = column["workload"]; exchange = column["has_exchange"]
  attempts = column["contact_attempts"]; channels = column["contact_channels"]
  responded = column["customer_responded"]; intent = column["intent"]; reason = column["no_intent_reason"]
  blocker = column["blocker"]; deployment = column["deployment"]; migration = column["migration"]
  blocked["infrastructure"] = "customer_it_infrastructure_remediation"
  blocked["it_change"] = "it_change_management_resourcing"
  blocked["security"] = "security_privacy_non_product_feature"
  blocked["adoption"] = "adoption_readiness"
  blocked["product"] = "product_feature_capability"
  blocked["reliability"] = "service_reliability"
  blocked["app_compat"] = "app_compatibility"
  blocked["partner"] = "partner_engagement"
  blocked["billing"] = "billing_licensing_subscription"
  print $0, "suggested_l1", "suggested_l2"
  next
}
{
  if ($state == "duplicate" || $state == "invalid") { l1 = "duplicate_invalid"; l2 = "" }
  else if ($workload == "Outlook Mobile" && ($exchange == "no" || $exchange == "false")) { l1 = "duplicate_invalid"; l2 = "" }
  else if ($blocker == "legal") { l1 = "blocked"; l2 = "legal_regulatory" }
  else if ($intent == "no") {
    l1 = "no_intent"
    if ($reason == "competitor") l2 = "using_competitive_solution"
    else if ($reason == "on_premises") l2 = "using_microsoft_on_premises_solution"
    else l2 = "executive_sponsorship"
  }
  else if ($intent == "yes" && $blocker in blocked) { l1 = "blocked"; l2 = blocked[$blocker] }
  else if ($intent == "yes" && ($deployment == "" || $deployment == "not_started" || $deployment == "onboarding")) {
    l1 = "in_progress"; l2 = "technical_onboarding_deployment"
  }
  else if ($intent == "yes" && $deployment == "enabled") {
    l1 = "in_progress"; l2 = $migration == "in_progress" ? "migration" : "solution_or_user_adoption"
  }
  else if ($attempts != "" && $attempts + 0 >= 3 && $channels != "" && $channels + 0 >= 2 \
           && $responded != "yes" && $responded != "true") { l1 = "status_unknown"; l2 = "customer_unresponsive" }
  else { l1 = "status_unknown"; l2 = "new_subscription_or_workload" }
  print $0, l1, l2
}
