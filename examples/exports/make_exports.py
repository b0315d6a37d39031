#!/usr/bin/python3
"""Writes the example partner exports of this folder and their expected statuses.

Each row below is written once, with plain values (None is an empty cell), and
the status a person gives it by reading the rules of taxonomy/fasttrack.yaml
(the `expect` field, written by hand, never copied from ftstatus's output).
Each file then renders the rows the way its exporter writes them: its headers,
its words for booleans and enum values, its number grouping, its date order,
its encoding, delimiter and line ends. `check_expectation` re-derives each
status from the rules as a second reading, so a slip in a hand-written status
fails here, before the test.

Run from anywhere: /usr/bin/python3 examples/exports/make_exports.py
"""

import csv
import datetime
import io
import pathlib
import uuid

HERE = pathlib.Path(__file__).resolve().parent

COLUMNS = [
    "entitlement_id", "tenant_id", "customer", "workload", "added_on", "tenant_state", "has_exchange",
    "contact_attempts", "contact_channels", "customer_responded", "intent", "no_intent_reason", "blocker",
    "deployment", "migration", "active_users", "eligible_seats", "target_date", "l1", "l2", "note", "region",
]


def tenant(customer):
    """A stable tenant GUID per customer, as the portal shows it."""
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, customer.lower() + ".onmicrosoft.com"))


def d(text):
    return datetime.date.fromisoformat(text)


def row(expect, entitlement_id, customer, workload, added, **cells):
    values = dict.fromkeys(COLUMNS)
    values.update(entitlement_id=entitlement_id, tenant_id=tenant(customer), customer=customer,
                  workload=workload, added_on=d(added), tenant_state="active")
    for key, value in cells.items():
        if key not in values:
            raise KeyError(key)
        values[key] = d(value) if key == "target_date" and value else value
    values["expect"] = expect
    return values


BLOCKED_L2 = {
    "infrastructure": "customer_it_infrastructure_remediation",
    "it_change": "it_change_management_resourcing",
    "security": "security_privacy_non_product_feature",
    "adoption": "adoption_readiness",
    "product": "product_feature_capability",
    "reliability": "service_reliability",
    "app_compat": "app_compatibility",
    "partner": "partner_engagement",
    "billing": "billing_licensing_subscription",
}


def check_expectation(values):
    """The built-in rules, first match wins (taxonomy/fasttrack.yaml, `rules`)."""
    if values["tenant_state"] in ("duplicate", "invalid"):
        return "duplicate_invalid"
    if (values["workload"] or "").lower() == "outlook mobile" and values["has_exchange"] is False:
        return "duplicate_invalid"
    if values["blocker"] == "legal":
        return "blocked/legal_regulatory"
    if values["intent"] == "no":
        return {
            "competitor": "no_intent/using_competitive_solution",
            "on_premises": "no_intent/using_microsoft_on_premises_solution",
        }.get(values["no_intent_reason"], "no_intent/executive_sponsorship")
    if values["intent"] == "yes":
        if values["blocker"] in BLOCKED_L2:
            return "blocked/" + BLOCKED_L2[values["blocker"]]
        if values["deployment"] in (None, "not_started", "onboarding"):
            return "in_progress/technical_onboarding_deployment"
        if values["deployment"] == "enabled":
            if values["migration"] == "in_progress":
                return "in_progress/migration"
            return "in_progress/solution_or_user_adoption"
    if ((values["contact_attempts"] or 0) >= 3 and (values["contact_channels"] or 0) >= 2
            and values["customer_responded"] is not True):
        return "status_unknown/customer_unresponsive"
    return "status_unknown/new_subscription_or_workload"


# ------------------------------------------------------------------ the rows
ADOPTION = "in_progress/solution_or_user_adoption"
MIGRATION = "in_progress/migration"
ONBOARDING = "in_progress/technical_onboarding_deployment"
UNRESPONSIVE = "status_unknown/customer_unresponsive"
NEW = "status_unknown/new_subscription_or_workload"
DUPLICATE = "duplicate_invalid"

ES_ROWS = [
    row(MIGRATION, "ES-3001", "Construcciones Peñalara, S.A.", "Exchange Online", "2026-02-16", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=1200, eligible_seats=1500, target_date="2027-02-26",
        l1="En progreso", l2="Migración", note="Buzones compartidos pendientes"),
    row(ADOPTION, "ES-3002", "Construcciones Peñalara, S.A.", "Microsoft Teams", "2026-02-16", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="done", active_users=1380, eligible_seats=1500, target_date="2027-05-14",
        l1="En progreso", l2="Solución o adopción del usuario"),
    row(ADOPTION, "ES-3003", "Construcciones Peñalara, S.A.", "Outlook Mobile", "2026-03-02", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="none", active_users=950, eligible_seats=1500, target_date="2027-06-30"),
    row(DUPLICATE, "ES-3004", "Hoteles Mediterráneo, S.L.", "Outlook Mobile", "2026-06-15", has_exchange=False,
        contact_attempts=0, contact_channels=0, eligible_seats=420, l1="Duplicado/no válido",
        note="Office Plus sin Exchange"),
    row(ONBOARDING, "ES-3005", "Hoteles Mediterráneo, S.L.", "SharePoint Online", "2026-06-15", has_exchange=False,
        contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes", deployment="onboarding",
        active_users=0, eligible_seats=420, target_date="2027-01-15", l1="En progreso"),
    row("blocked/it_change_management_resourcing", "ES-3006", "Hoteles Mediterráneo, S.L.", "Intune", "2026-06-15",
        has_exchange=False, contact_attempts=2, contact_channels=1, customer_responded=True, intent="yes",
        blocker="it_change", deployment="not_started", eligible_seats=420,
        note="El equipo de TI no tiene personal hasta enero"),
    row(UNRESPONSIVE, "ES-3007", "Clínica Dental Sonrisa Álvarez", "Exchange Online", "2026-04-20",
        has_exchange=True, contact_attempts=3, contact_channels=2, customer_responded=False, eligible_seats=35,
        note="Correo, teléfono y LinkedIn sin respuesta"),
    row(UNRESPONSIVE, "ES-3008", "Clínica Dental Sonrisa Álvarez", "Microsoft Teams", "2026-04-20",
        has_exchange=True, contact_attempts=4, contact_channels=3, intent="unknown", eligible_seats=35),
    row("no_intent/using_competitive_solution", "ES-3009", "Logística Ibérica del Norte, S.A.", "Exchange Online",
        "2026-01-13", has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True,
        intent="no", no_intent_reason="competitor", eligible_seats=2300, l1="Sin intención",
        note="Usan Google Workspace"),
    row("no_intent/using_microsoft_on_premises_solution", "ES-3010", "Logística Ibérica del Norte, S.A.",
        "SharePoint Online", "2026-01-13", has_exchange=True, contact_attempts=1, contact_channels=1,
        customer_responded=True, intent="no", no_intent_reason="on_premises", eligible_seats=2300),
    row("no_intent/executive_sponsorship", "ES-3011", "Bodegas Añares, S.L.", "Microsoft Teams", "2026-05-28",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="no",
        eligible_seats=140, note="Sin patrocinador en dirección"),
    row("blocked/legal_regulatory", "ES-3012", "Ayuntamiento de Móstoles", "Exchange Online", "2026-03-17",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="legal", eligible_seats=3100, note="Informe jurídico sobre la ubicación de los datos"),
    row("blocked/legal_regulatory", "ES-3013", "Ayuntamiento de Móstoles", "OneDrive", "2026-03-17",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="no",
        no_intent_reason="competitor", blocker="legal", eligible_seats=3100),
    row("blocked/customer_it_infrastructure_remediation", "ES-3014", "Fundación Educación y Futuro", "Intune",
        "2026-07-21", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="infrastructure", deployment="onboarding", eligible_seats=860,
        note="Renovar la red de las aulas"),
    row("blocked/adoption_readiness", "ES-3015", "Fundación Educación y Futuro", "Microsoft Teams", "2026-07-21",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="adoption", deployment="enabled", active_users=120, eligible_seats=860),
    row("blocked/security_privacy_non_product_feature", "ES-3016", "Seguros La Coruña, S.A.", "Exchange Online",
        "2026-09-14", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="security", eligible_seats=5400, note="Revisión RGPD del DPO"),
    row("blocked/billing_licensing_subscription", "ES-3017", "Seguros La Coruña, S.A.", "Azure", "2026-09-14",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="billing", eligible_seats=5400, note="Presupuesto de 12.000 € sin aprobar"),
    row(DUPLICATE, "ES-3018", "Ingeniería Gómez & Asociados", "SharePoint Online", "2026-08-31",
        tenant_state="duplicate", has_exchange=True, intent="yes", deployment="enabled", eligible_seats=75,
        note="Inquilino de pruebas"),
    row(DUPLICATE, "ES-3019", "Ingeniería Gómez & Asociados", "Exchange Online", "2026-08-31",
        tenant_state="invalid", has_exchange=True, eligible_seats=75),
    row(NEW, "ES-3020", "Distribuciones Núñez e Hijos", "OneDrive", "2026-10-05", has_exchange=True,
        contact_attempts=3, contact_channels=1, customer_responded=False, eligible_seats=1050,
        note="Solo por correo"),
    row(NEW, "ES-3021", "Distribuciones Núñez e Hijos", "Azure", "2026-10-19", has_exchange=True,
        contact_attempts=0, contact_channels=0, eligible_seats=1050),
    row("blocked/app_compatibility", "ES-3022", "Óptica Visión Clara, S.L.", "Exchange Online", "2026-05-13",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="app_compat", eligible_seats=260, note="ERP antiguo con MAPI"),
    row("blocked/partner_engagement", "ES-3023", "Muñoz; Ruiz y Asociados", "Microsoft Teams", "2026-11-02",
        has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes",
        blocker="partner", eligible_seats=48, note="Buscando socio en Sevilla"),
    row(NEW, "ES-3024", 'Cafés "El Molino", S.L.', "Intune", "2026-08-24", has_exchange=True,
        contact_attempts=1, contact_channels=1, intent="unknown", blocker="it_change", eligible_seats=90),
    row(MIGRATION, "ES-3025", 'Cafés "El Molino", S.L.', "Exchange Online", "2026-08-24", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=60, eligible_seats=90, l1="En progreso",
        note="Falta la fecha objetivo"),
    row(ONBOARDING, "ES-3026", "Óptica Visión Clara, S.L.", "SharePoint Online", "2026-05-13", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="not_started",
        eligible_seats=260, target_date="2027-03-19"),
]

EN_ROWS = [
    row(MIGRATION, "FT-200101", "Contoso Ltd", "Exchange Online", "2026-03-02", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=1250, eligible_seats=4800, target_date="2027-03-31",
        l1="In Progress", l2="Migration"),
    row(ADOPTION, "FT-200102", "Contoso Ltd", "Microsoft Teams", "2026-03-02", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="done", active_users=3900, eligible_seats=4800, target_date="2027-06-30",
        l1="In Progress", l2="Solution or User Adoption"),
    row(ONBOARDING, "FT-200103", "Contoso Ltd", "SharePoint Online", "2026-03-02", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="onboarding",
        active_users=0, eligible_seats=4800, target_date="2027-01-15", l1="In Progress", l2="Onboarding"),
    row(NEW, "FT-200104", "Contoso Ltd", "Outlook Mobile", "2026-10-19", has_exchange=True, contact_attempts=0,
        contact_channels=0, eligible_seats=4800),
    row(DUPLICATE, "FT-200105", "Northwind Traders", "Outlook Mobile", "2026-09-21", has_exchange=False,
        contact_attempts=1, contact_channels=1, eligible_seats=310),
    row("blocked/it_change_management_resourcing", "FT-200106", "Northwind Traders", "Exchange Online",
        "2026-09-21", has_exchange=False, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="it_change", deployment="not_started", eligible_seats=310, l1="Blocked"),
    row("blocked/app_compatibility", "FT-200107", "Fabrikam, Inc.", "Intune", "2026-04-14", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", blocker="app_compat",
        deployment="onboarding", eligible_seats=2750),
    row("blocked/product_feature_capability", "FT-200108", "Fabrikam, Inc.", "Azure", "2026-04-14",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="product", eligible_seats=2750),
    row("blocked/service_reliability", "FT-200109", "Tailspin Toys", "Microsoft Teams", "2026-06-23",
        has_exchange=True, contact_attempts=3, contact_channels=2, customer_responded=True, intent="yes",
        blocker="reliability", deployment="enabled", active_users=640, eligible_seats=1100),
    row("no_intent/using_microsoft_on_premises_solution", "FT-200110", "Tailspin Toys", "Exchange Online",
        "2026-06-23", has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True,
        intent="no", no_intent_reason="on_premises", eligible_seats=1100, l1="No Intent"),
    row("no_intent/using_competitive_solution", "FT-200111", "Banco Andino de Crédito", "SharePoint Online",
        "2026-01-29", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="no", no_intent_reason="competitor", eligible_seats=8900),
    row("blocked/legal_regulatory", "FT-200112", "Banco Andino de Crédito", "OneDrive", "2026-01-29",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="legal", eligible_seats=8900),
    row("blocked/security_privacy_non_product_feature", "FT-200113", "Banco Andino de Crédito", "Exchange Online",
        "2026-01-29", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="security", deployment="onboarding", eligible_seats=8900),
    row(UNRESPONSIVE, "FT-200114", "Wide World Importers", "Microsoft Teams", "2026-05-18", has_exchange=True,
        contact_attempts=5, contact_channels=3, customer_responded=False, intent="unknown", eligible_seats=620),
    row(NEW, "FT-200115", "Wide World Importers", "Intune", "2026-05-18", has_exchange=True, contact_attempts=3,
        contact_channels=2, customer_responded=True, intent="unknown", eligible_seats=620),
    row(DUPLICATE, "FT-200116", "Adatum Corporation", "Azure", "2026-07-30", tenant_state="duplicate",
        has_exchange=True, intent="yes", deployment="enabled", eligible_seats=15),
    row(DUPLICATE, "FT-200117", "Adatum Corporation", "Exchange Online", "2026-07-30", tenant_state="invalid",
        has_exchange=True, eligible_seats=15),
    row("no_intent/executive_sponsorship", "FT-200118", "Café Orgánico Chiapas", "Exchange Online", "2026-02-17",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="no",
        no_intent_reason="executive", eligible_seats=180),
    row(ADOPTION, "FT-200119", "Café Orgánico Chiapas", "Microsoft Teams", "2026-02-17", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="none", active_users=1020, eligible_seats=1100, target_date="2027-08-13"),
    row("blocked/partner_engagement", "FT-200120", "Litware Inc.", "SharePoint Online", "2026-08-25",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="partner", eligible_seats=450),
    row("blocked/billing_licensing_subscription", "FT-200121", "Woodgrove Bank", "Exchange Online", "2026-03-16",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="billing", eligible_seats=12400),
    row("blocked/customer_it_infrastructure_remediation", "FT-200122", "Alpine Ski House", "Intune", "2026-11-13",
        has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes",
        blocker="infrastructure", eligible_seats=95),
    row("blocked/adoption_readiness", "FT-200123", "Proseware, Inc.", "Microsoft Teams", "2026-10-26",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="adoption", deployment="enabled", active_users=35, eligible_seats=700),
    row(ONBOARDING, "FT-200124", "Coho Winery", "OneDrive", "2026-09-28", has_exchange=True, contact_attempts=2,
        contact_channels=1, customer_responded=True, intent="yes", eligible_seats=60, target_date="2026-12-18"),
    row(NEW, "FT-200125", "Margie's Travel", "Exchange Online", "2026-10-13", has_exchange=True,
        contact_attempts=3, contact_channels=1, customer_responded=False, eligible_seats=240),
    row(MIGRATION, "FT-200126", "Lucerne Publishing", "Exchange Online", "2026-04-27", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=410, eligible_seats=530, l1="In Progress", l2="Migration"),
]

UNICODE_ROWS = [
    row(MIGRATION, "LA-4001", "Constructora Andina S.A.C.", "Exchange Online", "2026-02-23", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=1200, eligible_seats=2000, target_date="2027-03-17",
        l1="En progreso", l2="Migración"),
    row(ADOPTION, "LA-4002", "Constructora Andina S.A.C.", "Microsoft Teams", "2026-02-23", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="done", active_users=1860, eligible_seats=2000, target_date="2027-04-30"),
    row(ONBOARDING, "LA-4003", "Grupo Industrial Monterrey, S.A. de C.V.", "Intune", "2026-08-18",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        deployment="onboarding", eligible_seats=15300, target_date="2027-02-28"),
    row("blocked/product_feature_capability", "LA-4004", "Grupo Industrial Monterrey, S.A. de C.V.", "Azure",
        "2026-08-18", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="product", eligible_seats=15300),
    row(DUPLICATE, "LA-4005", "Grupo Industrial Monterrey, S.A. de C.V.", "Outlook Mobile", "2026-08-18",
        has_exchange=False, eligible_seats=15300),
    row("no_intent/using_competitive_solution", "LA-4006", "Cooperativa Agrícola del Valle", "Exchange Online",
        "2026-05-25", has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True,
        intent="no", no_intent_reason="competitor", eligible_seats=85),
    row("no_intent/executive_sponsorship", "LA-4007", "Cooperativa Agrícola del Valle", "SharePoint Online",
        "2026-05-25", has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True,
        intent="no", no_intent_reason="executive", eligible_seats=85),
    row("blocked/security_privacy_non_product_feature", "LA-4008", "Universidad Nacional de Asunción",
        "Microsoft Teams", "2026-03-30", has_exchange=True, contact_attempts=2, contact_channels=2,
        customer_responded=True, intent="yes", blocker="security", eligible_seats=27000),
    row("blocked/billing_licensing_subscription", "LA-4009", "Universidad Nacional de Asunción",
        "Exchange Online", "2026-03-30", has_exchange=True, contact_attempts=2, contact_channels=2,
        customer_responded=True, intent="yes", blocker="billing", eligible_seats=27000),
    row("blocked/service_reliability", "LA-4010", "Farmacias Económicas Bogotá", "Exchange Online", "2026-07-14",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="reliability", deployment="enabled", active_users=730, eligible_seats=900),
    row(UNRESPONSIVE, "LA-4011", "Farmacias Económicas Bogotá", "OneDrive", "2026-07-14", has_exchange=True,
        contact_attempts=3, contact_channels=3, customer_responded=False, intent="unknown", eligible_seats=900),
    row("blocked/app_compatibility", "LA-4012", "Transportes Patagónicos S.R.L.", "Intune", "2026-06-08",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="app_compat", eligible_seats=340),
    row("no_intent/using_microsoft_on_premises_solution", "LA-4013", "Transportes Patagónicos S.R.L.",
        "Exchange Online", "2026-06-08", has_exchange=True, contact_attempts=1, contact_channels=1,
        customer_responded=True, intent="no", no_intent_reason="on_premises", eligible_seats=340),
    row("blocked/legal_regulatory", "LA-4014", "Municipalidad de Valparaíso", "SharePoint Online", "2026-01-19",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="legal", eligible_seats=4100),
    row(DUPLICATE, "LA-4015", "Municipalidad de Valparaíso", "Microsoft Teams", "2026-01-19",
        tenant_state="duplicate", has_exchange=True, eligible_seats=4100),
    row(ONBOARDING, "LA-4016", "Lácteos San Martín", "Exchange Online", "2026-10-27", has_exchange=True,
        contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes", deployment="not_started",
        eligible_seats=210, target_date="2027-01-29"),
    row(NEW, "LA-4017", "Lácteos San Martín", "Azure", "2026-11-16", has_exchange=True, eligible_seats=210),
    row(ADOPTION, "LA-4018", "Aseguradora Guaraní", "Microsoft Teams", "2026-04-13", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="none", active_users=505, eligible_seats=1000, target_date="2027-09-15"),
    row("blocked/partner_engagement", "LA-4019", "Aseguradora Guaraní", "Exchange Online", "2026-04-13",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="partner", eligible_seats=1000),
]

MAC_ROWS = [
    row(MIGRATION, "MAC-0101", "Blue Yonder Airlines", "Exchange Online", "2026-01-20", has_exchange=True,
        contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=800, eligible_seats=2600, target_date="2027-04-30"),
    row(ONBOARDING, "MAC-0102", "Blue Yonder Airlines", "Microsoft Teams", "2026-01-20", has_exchange=True,
        contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes", deployment="onboarding",
        eligible_seats=2600, target_date="2027-01-29"),
    row(DUPLICATE, "MAC-0103", "Fourth Coffee", "Outlook Mobile", "2026-05-19", has_exchange=False,
        eligible_seats=55),
    row("no_intent/using_competitive_solution", "MAC-0104", "Fourth Coffee", "Exchange Online", "2026-05-19",
        has_exchange=False, contact_attempts=2, contact_channels=2, customer_responded=True, intent="no",
        no_intent_reason="competitor", eligible_seats=55),
    row("blocked/customer_it_infrastructure_remediation", "MAC-0105", "Graphic Design Institute",
        "SharePoint Online", "2026-08-17", has_exchange=True, contact_attempts=2, contact_channels=2,
        customer_responded=True, intent="yes", blocker="infrastructure", eligible_seats=330),
    row("blocked/it_change_management_resourcing", "MAC-0106", "Graphic Design Institute", "Intune",
        "2026-08-17", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="it_change", eligible_seats=330),
    row("blocked/security_privacy_non_product_feature", "MAC-0107", "Humongous Insurance", "Exchange Online",
        "2026-02-24", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="security", eligible_seats=6100),
    row(ADOPTION, "MAC-0108", "Humongous Insurance", "Azure", "2026-02-24", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="done", active_users=400, eligible_seats=6100, target_date="2027-10-15"),
    row(UNRESPONSIVE, "MAC-0109", "School of Fine Art", "Microsoft Teams", "2026-06-29", has_exchange=True,
        contact_attempts=3, contact_channels=2, customer_responded=False, eligible_seats=720),
    row(NEW, "MAC-0110", "School of Fine Art", "OneDrive", "2026-06-29", has_exchange=True, contact_attempts=6,
        contact_channels=1, customer_responded=False, eligible_seats=720),
    row(DUPLICATE, "MAC-0111", "Trey Research", "Exchange Online", "2026-09-14", tenant_state="invalid",
        has_exchange=True, eligible_seats=12),
    row("no_intent/using_microsoft_on_premises_solution", "MAC-0112", "VanArsdel Ltd", "SharePoint Online",
        "2026-03-23", has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True,
        intent="no", no_intent_reason="on_premises", eligible_seats=1900),
    row("no_intent/executive_sponsorship", "MAC-0113", "Relecloud", "Azure", "2026-07-13", has_exchange=True,
        contact_attempts=2, contact_channels=1, customer_responded=True, intent="no", eligible_seats=260),
    row("blocked/service_reliability", "MAC-0114", "Southridge Video", "Microsoft Teams", "2026-04-21",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="reliability", eligible_seats=880),
    row("blocked/legal_regulatory", "MAC-0115", "Southridge Video", "Exchange Online", "2026-04-21",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="legal", eligible_seats=880),
    row(NEW, "MAC-0116", "Relecloud", "Intune", "2026-11-16", has_exchange=True, eligible_seats=260),
]

STRAY_CR_ROWS = [
    row("blocked/it_change_management_resourcing", "SC-501", "Tailwind Traders", "Exchange Online", "2026-03-09",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="it_change", deployment="not_started", eligible_seats=1400, note="Call back\rafter holidays"),
    row("blocked/app_compatibility", "SC-502", "Tailwind Traders", "Microsoft Teams", "2026-03-09",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="app_compat", eligible_seats=1400, note="Contact center plug-in"),
    row("no_intent/using_microsoft_on_premises_solution", "SC-503", "Contoso México", "SharePoint Online",
        "2026-05-11", has_exchange=True, contact_attempts=1, contact_channels=1, customer_responded=True,
        intent="no", no_intent_reason="on_premises", eligible_seats=950,
        note="Cliente usa SharePoint 2016\ren su CPD"),
    row(MIGRATION, "SC-504", "Contoso México", "Exchange Online", "2026-05-11", has_exchange=True,
        contact_attempts=1, contact_channels=1, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=300, eligible_seats=950, target_date="2027-02-15"),
    row(DUPLICATE, "SC-505", "Nod Publishers", "Outlook Mobile", "2026-07-06", has_exchange=False,
        eligible_seats=40),
    row(ONBOARDING, "SC-506", "Nod Publishers", "Exchange Online", "2026-07-06", has_exchange=False,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="onboarding",
        eligible_seats=40, target_date="2026-12-31"),
    row(ADOPTION, "SC-507", "Bellows College", "Microsoft Teams", "2026-02-02", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="done", active_users=5200, eligible_seats=8000, target_date="2027-06-01"),
    row(UNRESPONSIVE, "SC-508", "Bellows College", "Intune", "2026-02-02", has_exchange=True,
        contact_attempts=3, contact_channels=2, customer_responded=False, intent="unknown", eligible_seats=8000),
    row("blocked/billing_licensing_subscription", "SC-509", "A. Datum Corporation", "Azure", "2026-09-07",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="billing", eligible_seats=120),
    row(DUPLICATE, "SC-510", "A. Datum Corporation", "Exchange Online", "2026-09-07", tenant_state="duplicate",
        has_exchange=True, eligible_seats=120),
    row("no_intent/using_competitive_solution", "SC-511", "First Up Consultants", "SharePoint Online",
        "2026-04-15", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="no", no_intent_reason="competitor", eligible_seats=65),
    row(NEW, "SC-512", "First Up Consultants", "OneDrive", "2026-10-26", has_exchange=True, eligible_seats=65),
    row("blocked/partner_engagement", "SC-513", "Liberty's Delightful Sinful Bakery & Cafe", "Microsoft Teams",
        "2026-08-03", has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True,
        intent="yes", blocker="partner", eligible_seats=25),
    row("no_intent/executive_sponsorship", "SC-514", "Liberty's Delightful Sinful Bakery & Cafe",
        "Exchange Online", "2026-08-03", has_exchange=True, contact_attempts=2, contact_channels=2,
        customer_responded=True, intent="no", no_intent_reason="executive", eligible_seats=25),
    row("blocked/legal_regulatory", "SC-515", "Woodgrove Bank", "SharePoint Online", "2026-03-16",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="legal", eligible_seats=12400),
]

NEEDS_MAP_ROWS = [
    row(MIGRATION, "NM-701", "Contoso Pharmaceuticals", "Exchange Online", "2026-02-09", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="in_progress", active_users=2100, eligible_seats=3500, target_date="2027-01-22", region="EMEA"),
    row(ADOPTION, "NM-702", "Contoso Pharmaceuticals", "Microsoft Teams", "2026-02-09", has_exchange=True,
        contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes", deployment="enabled",
        migration="done", active_users=3300, eligible_seats=3500, target_date="2027-07-30", region="EMEA"),
    row("blocked/legal_regulatory", "NM-703", "Fabrikam Fiber", "SharePoint Online", "2026-06-01",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="legal", eligible_seats=700, region="APAC"),
    row("blocked/security_privacy_non_product_feature", "NM-704", "Fabrikam Fiber", "Intune", "2026-06-01",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="security", deployment="onboarding", eligible_seats=700, region="APAC"),
    row(DUPLICATE, "NM-705", "Northwind Health", "Outlook Mobile", "2026-10-12", has_exchange=False,
        eligible_seats=150, region="NA"),
    row("no_intent/using_competitive_solution", "NM-706", "Northwind Health", "Exchange Online", "2026-10-12",
        has_exchange=False, contact_attempts=1, contact_channels=1, customer_responded=True, intent="no",
        no_intent_reason="competitor", eligible_seats=150, region="NA"),
    row(ONBOARDING, "NM-707", "Wingtip Toys", "Azure", "2026-07-27", has_exchange=True, contact_attempts=2,
        contact_channels=2, customer_responded=True, intent="yes", deployment="not_started", eligible_seats=310,
        target_date="2027-03-01", region="LATAM"),
    row(UNRESPONSIVE, "NM-708", "Wingtip Toys", "Microsoft Teams", "2026-07-27", has_exchange=True,
        contact_attempts=4, contact_channels=2, customer_responded=False, intent="unknown", eligible_seats=310,
        region="LATAM"),
    row("blocked/adoption_readiness", "NM-709", "Munson's Pickles and Preserves Farm", "OneDrive", "2026-05-04",
        has_exchange=True, contact_attempts=2, contact_channels=2, customer_responded=True, intent="yes",
        blocker="adoption", deployment="enabled", eligible_seats=45, region="NA"),
    row(NEW, "NM-710", "Munson's Pickles and Preserves Farm", "Exchange Online", "2026-11-09", has_exchange=True,
        eligible_seats=45, region="NA"),
    row("blocked/customer_it_infrastructure_remediation", "NM-711", "Best For You Organics Company",
        "SharePoint Online", "2026-04-20", has_exchange=True, contact_attempts=2, contact_channels=2,
        customer_responded=True, intent="yes", blocker="infrastructure", eligible_seats=230, region="EMEA"),
    row(DUPLICATE, "NM-712", "Best For You Organics Company", "Microsoft Teams", "2026-04-20",
        tenant_state="invalid", has_exchange=True, eligible_seats=230, region="EMEA"),
]


# ----------------------------------------------------------- how files write them
def grouped(separator):
    def render(number):
        text = str(number)
        if number < 1000:
            return text
        return f"{number:,}".replace(",", separator)
    return render


def dmy(date):
    return f"{date.day:02d}/{date.month:02d}/{date.year}"


def mdy(date):
    return f"{date.month}/{date.day}/{date.year}"


def mdyy(date):
    return f"{date.month}/{date.day}/{date.year % 100:02d}"


def iso(date):
    return date.isoformat()


def iso_timestamp(date):
    return f"{date.isoformat()}T09:30:00Z"


def words(**mapping):
    return mapping


SPANISH_ENUMS = words(
    active="activo", duplicate="duplicado", invalid="no válido",
    yes="sí", no="no", unknown="desconocido",
    competitor="competencia", on_premises="local", executive="patrocinio ejecutivo",
    infrastructure="Infraestructura", it_change="Cambio de TI", legal="Legal", security="Seguridad",
    adoption="Adopción", product="Producto", reliability="Confiabilidad", app_compat="Compatibilidad",
    partner="Socio", billing="Facturación",
    not_started="no iniciada", onboarding="en incorporación", enabled="habilitada",
    none="ninguna", in_progress="en curso", done="completada",
)
LATAM_ENUMS = dict(SPANISH_ENUMS, active="activa", unknown="desconocida", competitor="competidor",
                   on_premises="on-premises", executive="ejecutivo", security="privacidad", product="producto",
                   reliability="confiabilidad", app_compat="compatibilidad de aplicaciones", partner="socio",
                   billing="licencias", legal="legal", not_started="sin iniciar", onboarding="incorporación",
                   enabled="habilitado", none="sin migración", in_progress="en progreso", done="terminada")
PORTAL_ENUMS = words(
    active="Active", duplicate="Duplicate", invalid="Invalid", yes="Yes", no="No", unknown="Unknown",
    competitor="Competitor", on_premises="On Premises", executive="Executive",
    infrastructure="Infrastructure", it_change="IT Change", legal="Legal", security="Security",
    adoption="Adoption", product="Product", reliability="Reliability", app_compat="App Compat",
    partner="Partner", billing="Billing",
    not_started="Not Started", onboarding="Onboarding", enabled="Enabled",
    none="None", in_progress="In Progress", done="Done",
)
PLAIN_ENUMS = {key: key for key in PORTAL_ENUMS}
MAC_ENUMS = dict(PORTAL_ENUMS, on_premises="On-Premises", it_change="it_change", not_started="Not started",
                 in_progress="In progress")
STRAY_CR_ENUMS = dict(PORTAL_ENUMS, active="active", it_change="it-change", app_compat="App Compat",
                      on_premises="On Premises", not_started="not started", onboarding="onboarding",
                      enabled="enabled", in_progress="in progress", done="done", yes="yes", no="no",
                      unknown="unknown")


class Export:
    def __init__(self, name, rows, headers, enums, booleans, number, date, encoding="utf-8", delimiter=",",
                 line_end="\n", bom=False):
        self.name, self.rows, self.headers, self.enums = name, rows, headers, enums
        self.booleans, self.number, self.date = booleans, number, date
        self.encoding, self.delimiter, self.line_end, self.bom = encoding, delimiter, line_end, bom

    def cell(self, column, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return self.booleans[column][0 if value else 1]
        if isinstance(value, int):
            return self.number(value)
        if isinstance(value, datetime.date):
            return self.date(value)
        if column in ("tenant_state", "intent", "no_intent_reason", "blocker", "deployment", "migration"):
            return self.enums[value]
        return value

    def write(self):
        text = io.StringIO()
        # Excel's own quoting: only cells holding the delimiter, a quote or a line break are quoted. A
        # stray CR is the broken exporter's doing: it is written raw, unquoted, inside its cell.
        writer = csv.writer(text, delimiter=self.delimiter, lineterminator=self.line_end,
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow([header for _, header in self.headers])
        for values in self.rows:
            writer.writerow([self.cell(column, values[column]).replace("\r", "\ue000")
                             for column, _ in self.headers])
        data = text.getvalue().replace("\ue000", "\r")
        raw = data.encode(self.encoding)
        if self.bom:
            raw = "\ufeff".encode(self.encoding) + raw
        (HERE / self.name).write_bytes(raw)
        statuses = [values["expect"] for values in self.rows]
        for values in self.rows:
            derived = check_expectation(values)
            if derived != values["expect"]:
                raise SystemExit(f"{self.name}: {values['entitlement_id']}: expected {values['expect']}, "
                                 f"the rules give {derived}")
        (HERE / "expected").mkdir(exist_ok=True)
        (HERE / "expected" / (self.name + ".statuses")).write_text("\n".join(statuses) + "\n", encoding="utf-8")


def headers(*pairs):
    return list(pairs)


EXPORTS = [
    # Spanish Excel on Windows, "CSV (delimitado por comas)": cp1252, ';', CRLF, no BOM.
    Export("es-excel-windows.csv", ES_ROWS, headers(
        ("entitlement_id", "ID de derecho"), ("tenant_id", "ID de inquilino"), ("customer", "Cliente"),
        ("workload", "Carga de trabajo"), ("added_on", "Fecha de alta"), ("tenant_state", "Estado del inquilino"),
        ("has_exchange", "Tiene Exchange"), ("contact_attempts", "Intentos de contacto"),
        ("contact_channels", "Canales de contacto"), ("customer_responded", "Respondió"),
        ("intent", "Intención del cliente"), ("no_intent_reason", "Motivo sin intención"),
        ("blocker", "Motivo de bloqueo"), ("deployment", "Estado de implementación"),
        ("migration", "Estado de migración"), ("active_users", "Usuarios activos"),
        ("eligible_seats", "Puestos elegibles"), ("target_date", "Fecha objetivo"), ("l1", "Estado L1"),
        ("l2", "Estado L2"), ("note", "Notas")),
        SPANISH_ENUMS, {"has_exchange": ("VERDADERO", "FALSO"), "customer_responded": ("sí", "no")},
        grouped("."), dmy, encoding="cp1252", delimiter=";", line_end="\r\n"),
    # The partner portal's English export: UTF-8, ',', LF, Title Case headers with extra words.
    Export("en-portal-export.csv", EN_ROWS, headers(
        ("entitlement_id", "Entitlement ID"), ("tenant_id", "Tenant ID"), ("customer", "Customer Name"),
        ("workload", "Workload"), ("added_on", "Date Added"), ("tenant_state", "Tenant Status"),
        ("has_exchange", "Has Exchange"), ("contact_attempts", "Contact Attempts"),
        ("contact_channels", "Contact Channels"), ("customer_responded", "Customer Responded"),
        ("intent", "Customer Intent"), ("no_intent_reason", "No Intent Reason"), ("blocker", "Blocker Reason"),
        ("deployment", "Deployment Status"), ("migration", "Migration Status"),
        ("active_users", "Active Users (30d)"), ("eligible_seats", "Eligible Seats"),
        ("target_date", "Target Date"), ("l1", "Current L1"), ("l2", "Current L2")),
        PORTAL_ENUMS, {"has_exchange": ("TRUE", "FALSE"), "customer_responded": ("TRUE", "FALSE")},
        grouped(","), mdy),
    # Excel (Latin American Spanish) "Texto Unicode": UTF-16 LE with BOM, TAB, CRLF.
    Export("unicode-text.txt", UNICODE_ROWS, headers(
        ("entitlement_id", "ID del derecho"), ("tenant_id", "ID del inquilino"),
        ("customer", "Nombre del cliente"), ("workload", "Servicio"), ("added_on", "Agregado el"),
        ("tenant_state", "Estado del inquilino"), ("has_exchange", "Exchange"),
        ("contact_attempts", "Intentos de contacto"), ("contact_channels", "Canales de contacto"),
        ("customer_responded", "El cliente respondió"), ("intent", "Intención"),
        ("no_intent_reason", "Motivo de no intención"), ("blocker", "Bloqueador"), ("deployment", "Despliegue"),
        ("migration", "Migración"), ("active_users", "Usuarios activos"),
        ("eligible_seats", "Licencias elegibles"), ("target_date", "Fecha prevista"), ("l1", "L1 actual"),
        ("l2", "L2 actual")),
        LATAM_ENUMS, {"has_exchange": ("VERDADERO", "FALSO"), "customer_responded": ("VERDADERO", "FALSO")},
        grouped(","), dmy, encoding="utf-16-le", delimiter="\t", line_end="\r\n", bom=True),
    # An old Mac export: CR line ends, ',', plain ASCII, m/d/yy dates.
    Export("mac-classic.csv", MAC_ROWS, headers(
        ("entitlement_id", "Entitlement"), ("tenant_id", "Tenant"), ("customer", "Account Name"),
        ("workload", "Service"), ("added_on", "Added"), ("tenant_state", "Tenant Status"),
        ("has_exchange", "Exchange"), ("contact_attempts", "Contact Attempts"),
        ("contact_channels", "Contact Channels"), ("customer_responded", "Responded"), ("intent", "Intent"),
        ("no_intent_reason", "No Intent Reason"), ("blocker", "Blocker"), ("deployment", "Deployment"),
        ("migration", "Migration"), ("active_users", "Active Users"), ("eligible_seats", "Eligible Seats"),
        ("target_date", "Target")),
        MAC_ENUMS, {"has_exchange": ("yes", "no"), "customer_responded": ("Y", "N")}, str, mdyy,
        encoding="ascii", line_end="\r"),
    # A CRM export whose notes were pasted with a bare CR: LF file, ',', snake_case headers.
    Export("stray-cr.csv", STRAY_CR_ROWS, headers(
        *[(column, column) for column in COLUMNS[:18]], ("note", "notes")),
        STRAY_CR_ENUMS, {"has_exchange": ("true", "false"), "customer_responded": ("true", "false")}, str,
        iso),
    # Headers nobody could guess safely: intent, blocker and deployment need --map.
    Export("needs-map.csv", NEEDS_MAP_ROWS, headers(
        ("entitlement_id", "Entitlement ID"), ("tenant_id", "Tenant ID"), ("customer", "Account Name"),
        ("workload", "Workload"), ("added_on", "Date Added"), ("tenant_state", "Tenant Status"),
        ("has_exchange", "Has Exchange"), ("contact_attempts", "Contact Attempts"),
        ("contact_channels", "Contact Channels"), ("customer_responded", "Customer Responded"),
        ("intent", "Cust. Plans"), ("no_intent_reason", "No Intent Reason"), ("blocker", "Impediment"),
        ("deployment", "Rollout"), ("migration", "Migration"), ("active_users", "Active Users"),
        ("eligible_seats", "Eligible Seats"), ("target_date", "Target Date"), ("region", "Region")),
        PORTAL_ENUMS, {"has_exchange": ("TRUE", "FALSE"), "customer_responded": ("TRUE", "FALSE")},
        grouped(","), iso, line_end="\r\n", bom=True),
]

if __name__ == "__main__":
    for export in EXPORTS:
        export.write()
        print(f"{export.name}: {len(export.rows)} rows")
