#!/usr/bin/env python3
# Usage: /usr/bin/python3 bench/make_edge_csv.py > edge.csv
# 20,000 rows that draw every rule-read cell at random from spellings that are hard to read right: Spanish value
# aliases, accents and case, Excel's booleans, thousands separators, formula guards ('-3), padding, overflow and
# near misses. bench/run checks that DuckDB's SQL (bench/fasttrack.sql) and ftstatus agree on every row, so the
# SQL is a faithful copy of the taxonomy's rules, not just of the benchmark's tidy rows. Seeded: the same file
# every time.
import csv
import random
import sys

HEADER = ("entitlement_id,tenant_id,customer,workload,added_on,tenant_state,has_exchange,contact_attempts,"
          "contact_channels,customer_responded,intent,no_intent_reason,blocker,deployment,migration,active_users,"
          "eligible_seats,target_date,l1,l2").split(",")
SPELLINGS = {
    "customer": ["Acme", 'Acme, "Inc"', "Peña"],
    "workload": ["Outlook Mobile", " outlook mobile ", "OUTLOOK MOBILE", "Outlook  Mobile", "Outlook-Mobile",
                 "Exchange Online", "", "'=Outlook Mobile"],
    "tenant_state": ["active", "duplicate", "invalid", "No Válido", "INVÁLIDO", "Duplicado", " activa ", "ACTIVE",
                     "dup", "", "in-valid", "\tinvalid"],
    "has_exchange": ["yes", "no", "NO", "Sí", "SÍ", "não", "NÃO", "x", "X", "TRUE", "verdadero", "FALSO", "n", "0",
                     "1", "maybe", "", "nao", "Si", "oui", "NON", "faux", "no "],
    "contact_attempts": ["3", "2", "1.200", "1,5", "3 000", "3\u00a0000", "3\u202f000", "+3", "-3", "03",
                         "99999999999999999999", "1.2000", "1.200,50", "", "'-3", "'+3", " 4 ", "0003", "1,000",
                         "1,00,000", "x"],
    "contact_channels": ["2", "1", "+2", "'+2", "2.000", "", "two", "1 000"],
    "customer_responded": ["yes", "no", "", "TRUE", "false", "sí", "perhaps", "Y", "n"],
    "intent": ["yes", "no", "unknown", "Sí", "SI", "si", "NO", "No", "desconocida", "Desconocido", "YES", " yes ",
               "maybe", "", "y", "n/a"],
    "no_intent_reason": ["competitor", "on_premises", "On-Premises", "on premises", "ON_PREMISES", "local",
                         "Competencia", "competidor", "executive", "Patrocinio Ejecutivo", "ejecutivo", "", "other"],
    "blocker": ["legal", "LEGAL", "infrastructure", "Infraestructura", "it_change", "IT Change", "Cambio de TI",
                "cambios de ti", "security", "Seguridad", "privacidad", "adoption", "Adopción", "product",
                "Producto", "reliability", "confiabilidad", "app_compat", "App Compat",
                "compatibilidad de aplicaciones", "Compatibilidad", "partner", "Socio", "billing", "Facturación",
                "licencias", "", "none", "legal!", "--legal--"],
    "deployment": ["not_started", "onboarding", "enabled", "No iniciada", "sin iniciar", "Incorporación",
                   "en incorporación", "Habilitada", "habilitado", "", "Enabled ", "started"],
    "migration": ["none", "in_progress", "done", "En Progreso", "en curso", "Ninguna", "sin migración", "Completada",
                  "terminada", "", "In Progress", "in progress!"],
}

random.seed(7)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(HEADER)
for i in range(1, 20001):
    out.writerow([f"E{i}" if column == "entitlement_id" else random.choice(SPELLINGS.get(column, [""]))
                  for column in HEADER])
