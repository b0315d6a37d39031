# Writes a generated FastTrack entitlement export of n rows (mawk or gawk):
#   awk -v n=1000000 -f bench/make_csv.awk > export.csv
# The rows cycle through 28 patterns that make every rule of
# taxonomy/fasttrack.yaml fire (some rules in more than one way), with distinct
# entitlement ids. So that the benchmark measures a reader that is right, not
# one that is merely fast, some rows are written the way real exports are:
# - 1 row in 20 has a quoted customer with a comma and doubled quotes (a naive
#   comma split shifts every later field of that row);
# - 1 row in 16 spells its enum, bool and int cells as people and Excel do
#   ("Sí", " Activo ", "Cambio de TI", "On Premises", "+3"), which the
#   taxonomy's folding and value aliases must read;
# - 1 row in 97 has values that do not parse ("maybe", "3.5"), which count as
#   empty for the rules.
BEGIN {
  OFS = ","
  print "entitlement_id,tenant_id,customer,workload,added_on,tenant_state,has_exchange,contact_attempts,contact_channels,customer_responded,intent,no_intent_reason,blocker,deployment,migration,active_users,eligible_seats,target_date,l1,l2"
  # workload|tenant_state|has_exchange|intent|no_intent_reason|blocker|deployment|migration   (the rule it fires)
  pattern[1] = "Exchange Online|duplicate|yes|yes|||enabled|"              # duplicate_or_invalid_tenant
  pattern[2] = "Microsoft Teams|invalid|yes|no|competitor|||"              # duplicate_or_invalid_tenant
  pattern[3] = "Outlook Mobile|active|no|yes|||enabled|"                   # outlook_mobile_without_exchange
  pattern[4] = "Exchange Online|active|yes|yes||legal||"                   # legal_block
  pattern[5] = "SharePoint Online|active|yes|no||legal||"                  # legal_block (whatever the intent)
  pattern[6] = "Microsoft Teams|active|yes|no|competitor|||"               # no_intent_competitor
  pattern[7] = "Exchange Online|active|yes|no|on_premises|||"              # no_intent_on_premises
  pattern[8] = "Microsoft Teams|active|yes|no||||"                         # no_intent_other
  pattern[9] = "SharePoint Online|active|yes|no|executive|||"              # no_intent_other
  pattern[10] = "Exchange Online|active|yes|yes||infrastructure|onboarding|" # blocked_infrastructure
  pattern[11] = "Exchange Online|active|yes|yes||it_change|enabled|"       # blocked_it_change
  pattern[12] = "Microsoft Teams|active|yes|yes||security||"               # blocked_security
  pattern[13] = "Microsoft Teams|active|yes|yes||adoption|enabled|done"    # blocked_adoption
  pattern[14] = "SharePoint Online|active|yes|yes||product||"              # blocked_product
  pattern[15] = "Exchange Online|active|yes|yes||reliability||"            # blocked_reliability
  pattern[16] = "SharePoint Online|active|yes|yes||app_compat||"           # blocked_app_compat
  pattern[17] = "Microsoft Teams|active|yes|yes||partner|not_started|"     # blocked_partner
  pattern[18] = "Exchange Online|active|yes|yes||billing||"                # blocked_billing
  pattern[19] = "Microsoft Teams|active|yes|yes||||"                       # onboarding (deployment empty)
  pattern[20] = "Exchange Online|active|yes|yes|||not_started|"            # onboarding
  pattern[21] = "SharePoint Online|active|yes|yes|||onboarding|"           # onboarding
  pattern[22] = "Exchange Online|active|yes|yes|||enabled|in_progress"     # migrating
  pattern[23] = "Microsoft Teams|active|yes|yes|||enabled|done"            # adopting
  pattern[24] = "SharePoint Online|active|yes|yes|||enabled|none"          # adopting
  pattern[25] = "Exchange Online|active|yes|||||"                          # unresponsive or new_entitlement
  pattern[26] = "Microsoft Teams|active|yes|unknown||infrastructure||"     # unresponsive or new_entitlement
  pattern[27] = "Outlook Mobile|active|yes|yes|||enabled|in_progress"      # migrating (has Exchange)
  pattern[28] = "Outlook Mobile|active||||||"                              # unresponsive or new_entitlement
  patterns = 28
  # How a person or a Spanish Excel writes the same values.
  split("yes,no,unknown,active,duplicate,invalid,competitor,on_premises,executive,infrastructure,it_change,security,adoption,product,reliability,app_compat,partner,billing,legal,not_started,onboarding,enabled,in_progress,done,none,Outlook Mobile", plain, ",")
  split("Sí,NO,Desconocido, Activo ,Duplicado,no válido,Competencia,On Premises,patrocinio ejecutivo,Infraestructura,Cambio de TI,Seguridad,adopción,PRODUCT,Confiabilidad,App-Compat,socio,Licencias,LEGAL,No iniciada,En incorporación,Habilitada,en curso,Terminada,ninguna,outlook mobile", spoken, ",")
  for (v = 1; v in plain; v++) variant[plain[v]] = spoken[v]
  split(",no,yes", responded, ",")
  for (i = 1; i <= n; i++) {
    k = i % patterns + 1
    split(pattern[k], p, "|")
    attempts = i % 5
    channels = i % 3
    answer = responded[int(i / patterns) % 3 + 1]
    if (i % 16 == 5) {
      for (f = 1; f <= 8; f++)
        if (p[f] in variant) p[f] = variant[p[f]]
      attempts = "+" attempts
      channels = " " channels " "
      if (answer == "no") answer = "FALSO"
    }
    if (i % 97 == 11) {
      if (p[4] != "") p[4] = "maybe"
      attempts = attempts ".5"
      p[3] = "perhaps"
    }
    customer = i % 20 == 1 ? "\"Customer " (i % 5000) ", S.A. \"\"Norte\"\"\"" : "Customer " (i % 5000)
    print "E" i, "T" int(i / 7), customer, p[1], "2026-01-15", p[2], p[3], attempts, channels, answer, p[4], p[5], p[6], \
          p[7], p[8], i % 900, 1000, (i % 4 ? "2027-03-31" : ""), "In Progress", "Migration"
  }
}
