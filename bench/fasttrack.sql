-- The decision table of taxonomy/fasttrack.yaml written for DuckDB, for bench/run: the same rules in the same
-- order (first match wins), reading cells the way ftstatus does (README "Cell values"), so that the two can be
-- compared row by row. bench/duckdb.mjs replaces :input and :output with quoted file names.
-- If the YAML's rules or columns change, change this file too: bench/run's agreement check will say so.
SET threads = 2;

-- A cell as the rules read it: trimmed of spaces, tabs, CR and LF, and without the apostrophe a
-- spreadsheet-bound output puts before a formula-like cell ('=x reads as =x).
CREATE MACRO ft_trim(s) AS trim(s, ' ' || chr(9) || chr(13) || chr(10));
CREATE MACRO ft_cell(s) AS
  CASE
    WHEN starts_with(ft_trim(s), '''') AND regexp_matches(ft_trim(s), '^''[=+\-@\t\r]')
      THEN ft_trim(substr(ft_trim(s), 2))
    ELSE ft_trim(s)
  END;

-- An enum cell's comparison key: case, accents, spaces and punctuation ignored ("On-Premises" is onpremises).
CREATE MACRO ft_key(s) AS regexp_replace(lower(strip_accents(ft_cell(s))), '[^\pL\pN]+', '', 'g');

-- Every conversion below first tries the cell as written (the common case: one compare, no trimming or folding,
-- the same fast path ftstatus takes) and only then reads it the slow way, with one look-up in a map: a chain of
-- `WHEN key = ...` would compute the key once per branch.

-- Booleans: Excel's and people's words, ASCII case ignored; "sí" and "não" in any case. Anything else is empty.
CREATE MACRO ft_bool(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s = 'yes' THEN true
    WHEN s = 'no' THEN false
    ELSE map_extract_value(MAP {
      'true': true, 'yes': true, 'y': true, '1': true, 'x': true, 'si': true, 'sí': true, 'verdadero': true,
      'verdadeiro': true, 'vrai': true, 'wahr': true, 'vero': true, 'oui': true, 'ja': true, 'sim': true,
      'false': false, 'no': false, 'n': false, '0': false, 'falso': false, 'faux': false, 'falsch': false,
      'non': false, 'nein': false, 'nao': false, 'não': false}, lower(ft_cell(s)))
  END;

-- Integers: a sign, plain digits or thousands groups with one kind of separator ('.', ',', space, no-break
-- space, narrow no-break space), the first group 1 to 3 digits and every later one 3; within 64 bits.
CREATE MACRO ft_int(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN regexp_full_match(s, '[0-9]{1,18}') THEN CAST(s AS BIGINT)
    WHEN regexp_full_match(ft_cell(s), '[+-]?([0-9]+|[0-9]{1,3}(\.[0-9]{3})+|[0-9]{1,3}(,[0-9]{3})+|'
                                       || '[0-9]{1,3}( [0-9]{3})+|[0-9]{1,3}(\x{A0}[0-9]{3})+|[0-9]{1,3}(\x{202F}[0-9]{3})+)')
      THEN TRY_CAST(regexp_replace(ft_cell(s), '[^0-9+-]', '', 'g') AS BIGINT)
  END;

-- Enums: the value as written, else the cell's key looked up among the values' keys and the taxonomy's
-- value_aliases (folded the same way). Anything else is empty for the rules.
CREATE MACRO ft_tenant_state(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s IN ('active', 'duplicate', 'invalid') THEN s
    ELSE map_extract_value(MAP {
      'active': 'active', 'activo': 'active', 'activa': 'active',
      'duplicate': 'duplicate', 'duplicado': 'duplicate',
      'invalid': 'invalid', 'novalido': 'invalid', 'invalido': 'invalid'}, ft_key(s))
  END;

CREATE MACRO ft_intent(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s IN ('yes', 'no', 'unknown') THEN s
    ELSE map_extract_value(MAP {
      'yes': 'yes', 'si': 'yes',
      'no': 'no',
      'unknown': 'unknown', 'desconocido': 'unknown', 'desconocida': 'unknown'}, ft_key(s))
  END;

CREATE MACRO ft_no_intent_reason(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s IN ('competitor', 'on_premises', 'executive') THEN s
    ELSE map_extract_value(MAP {
      'competitor': 'competitor', 'competencia': 'competitor', 'competidor': 'competitor',
      'onpremises': 'on_premises', 'local': 'on_premises',
      'executive': 'executive', 'ejecutivo': 'executive', 'patrocinioejecutivo': 'executive'}, ft_key(s))
  END;

CREATE MACRO ft_blocker(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s IN ('infrastructure', 'it_change', 'legal', 'security', 'adoption', 'product', 'reliability', 'app_compat',
               'partner', 'billing') THEN s
    ELSE map_extract_value(MAP {
      'infrastructure': 'infrastructure', 'infraestructura': 'infrastructure',
      'itchange': 'it_change', 'cambiodeti': 'it_change', 'cambiosdeti': 'it_change',
      'legal': 'legal',
      'security': 'security', 'seguridad': 'security', 'privacidad': 'security',
      'adoption': 'adoption', 'adopcion': 'adoption',
      'product': 'product', 'producto': 'product',
      'reliability': 'reliability', 'confiabilidad': 'reliability',
      'appcompat': 'app_compat', 'compatibilidad': 'app_compat', 'compatibilidaddeaplicaciones': 'app_compat',
      'partner': 'partner', 'socio': 'partner',
      'billing': 'billing', 'facturacion': 'billing', 'licencias': 'billing'}, ft_key(s))
  END;

CREATE MACRO ft_deployment(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s IN ('not_started', 'onboarding', 'enabled') THEN s
    ELSE map_extract_value(MAP {
      'notstarted': 'not_started', 'noiniciada': 'not_started', 'sininiciar': 'not_started',
      'onboarding': 'onboarding', 'incorporacion': 'onboarding', 'enincorporacion': 'onboarding',
      'enabled': 'enabled', 'habilitada': 'enabled', 'habilitado': 'enabled'}, ft_key(s))
  END;

CREATE MACRO ft_migration(s) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN s IN ('none', 'in_progress', 'done') THEN s
    ELSE map_extract_value(MAP {
      'none': 'none', 'ninguna': 'none', 'sinmigracion': 'none',
      'inprogress': 'in_progress', 'encurso': 'in_progress', 'enprogreso': 'in_progress',
      'done': 'done', 'completada': 'done', 'terminada': 'done'}, ft_key(s))
  END;

COPY (
  WITH typed AS NOT MATERIALIZED (
    SELECT *,
           ft_tenant_state(tenant_state) AS ft__tenant_state,
           ft_bool(has_exchange) AS ft__has_exchange,
           ft_int(contact_attempts) AS ft__contact_attempts,
           ft_int(contact_channels) AS ft__contact_channels,
           ft_bool(customer_responded) AS ft__customer_responded,
           ft_intent(intent) AS ft__intent,
           ft_no_intent_reason(no_intent_reason) AS ft__no_intent_reason,
           ft_blocker(blocker) AS ft__blocker,
           ft_deployment(deployment) AS ft__deployment,
           ft_migration(migration) AS ft__migration
    FROM read_csv(:input, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)
  ),
  ruled AS NOT MATERIALIZED (
    SELECT *,
           CASE
             WHEN ft__tenant_state IN ('duplicate', 'invalid') THEN 'duplicate_or_invalid_tenant'
             -- A string condition ignores ASCII case only.
             WHEN ft__has_exchange = false AND (workload = 'Outlook Mobile' OR ft_cell(workload) ILIKE 'Outlook Mobile')
               THEN 'outlook_mobile_without_exchange'
             WHEN ft__blocker = 'legal' THEN 'legal_block'
             WHEN ft__intent = 'no' AND ft__no_intent_reason = 'competitor' THEN 'no_intent_competitor'
             WHEN ft__intent = 'no' AND ft__no_intent_reason = 'on_premises' THEN 'no_intent_on_premises'
             WHEN ft__intent = 'no' THEN 'no_intent_other'
             WHEN ft__intent = 'yes' AND ft__blocker = 'infrastructure' THEN 'blocked_infrastructure'
             WHEN ft__intent = 'yes' AND ft__blocker = 'it_change' THEN 'blocked_it_change'
             WHEN ft__intent = 'yes' AND ft__blocker = 'security' THEN 'blocked_security'
             WHEN ft__intent = 'yes' AND ft__blocker = 'adoption' THEN 'blocked_adoption'
             WHEN ft__intent = 'yes' AND ft__blocker = 'product' THEN 'blocked_product'
             WHEN ft__intent = 'yes' AND ft__blocker = 'reliability' THEN 'blocked_reliability'
             WHEN ft__intent = 'yes' AND ft__blocker = 'app_compat' THEN 'blocked_app_compat'
             WHEN ft__intent = 'yes' AND ft__blocker = 'partner' THEN 'blocked_partner'
             WHEN ft__intent = 'yes' AND ft__blocker = 'billing' THEN 'blocked_billing'
             -- `deployment: [empty, not_started, onboarding]`: an empty or unreadable cell is NULL.
             WHEN ft__intent = 'yes' AND (ft__deployment IS NULL OR ft__deployment IN ('not_started', 'onboarding'))
               THEN 'onboarding'
             WHEN ft__intent = 'yes' AND ft__deployment = 'enabled' AND ft__migration = 'in_progress' THEN 'migrating'
             WHEN ft__intent = 'yes' AND ft__deployment = 'enabled' THEN 'adopting'
             -- `customer_responded: {not: true}` holds for false and for an empty cell.
             WHEN ft__contact_attempts >= 3 AND ft__contact_channels >= 2 AND ft__customer_responded IS DISTINCT FROM true
               THEN 'unresponsive'
             ELSE 'new_entitlement'
           END AS ft__rule
    FROM typed
  )
  SELECT * EXCLUDE (ft__tenant_state, ft__has_exchange, ft__contact_attempts, ft__contact_channels,
                    ft__customer_responded, ft__intent, ft__no_intent_reason, ft__blocker, ft__deployment,
                    ft__migration, ft__rule),
         CASE
           WHEN ft__rule IN ('duplicate_or_invalid_tenant', 'outlook_mobile_without_exchange') THEN 'duplicate_invalid'
           WHEN ft__rule LIKE 'blocked\_%' ESCAPE '\' OR ft__rule = 'legal_block' THEN 'blocked'
           WHEN ft__rule LIKE 'no\_intent\_%' ESCAPE '\' THEN 'no_intent'
           WHEN ft__rule IN ('onboarding', 'migrating', 'adopting') THEN 'in_progress'
           ELSE 'status_unknown'
         END AS suggested_l1,
         CASE ft__rule
           WHEN 'legal_block' THEN 'legal_regulatory'
           WHEN 'no_intent_competitor' THEN 'using_competitive_solution'
           WHEN 'no_intent_on_premises' THEN 'using_microsoft_on_premises_solution'
           WHEN 'no_intent_other' THEN 'executive_sponsorship'
           WHEN 'blocked_infrastructure' THEN 'customer_it_infrastructure_remediation'
           WHEN 'blocked_it_change' THEN 'it_change_management_resourcing'
           WHEN 'blocked_security' THEN 'security_privacy_non_product_feature'
           WHEN 'blocked_adoption' THEN 'adoption_readiness'
           WHEN 'blocked_product' THEN 'product_feature_capability'
           WHEN 'blocked_reliability' THEN 'service_reliability'
           WHEN 'blocked_app_compat' THEN 'app_compatibility'
           WHEN 'blocked_partner' THEN 'partner_engagement'
           WHEN 'blocked_billing' THEN 'billing_licensing_subscription'
           WHEN 'onboarding' THEN 'technical_onboarding_deployment'
           WHEN 'migrating' THEN 'migration'
           WHEN 'adopting' THEN 'solution_or_user_adoption'
           WHEN 'unresponsive' THEN 'customer_unresponsive'
           WHEN 'new_entitlement' THEN 'new_subscription_or_workload'
         END AS suggested_l2,
         ft__rule AS rule
  FROM ruled
) TO :output (HEADER, DELIMITER ',');
