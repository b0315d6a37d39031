// The problem catalogue: every problem, error and note ftstatus prints, with
// its code, severity, English and Spanish message and fix. Texts are fmt
// patterns with named {fields}; the code that reports a problem gives the
// field values and never words of its own.
//
// To add a problem: add a row here (its code is stable once released: scripts
// match it), give both languages the same {fields}, and report it with
// Problem("code", {{"field", value}}). A code worded differently in another
// place gets a variant row (same code, a variant name, key "code/variant").
// tests/model/problems_test.cpp checks the table; `ftstatus codes` lists it.
#include "ftstatus/problems.h"

#include <stdexcept>
#include <string>
#include <unordered_map>

#include <fmt/args.h>
#include <fmt/format.h>

namespace ftstatus {

namespace {

using enum Severity;

// clang-format off
constexpr ProblemInfo kCatalogue[] = {
    // ---- validate: one assignment (l1, l2, l3, target date) ---------------
    {"l1_missing", error,
     "no L1 status was given",
     "no se indicó un estado L1",
     "give one of: {names}",
     "indique uno de: {names}"},
    {"unknown_l1", error,
     "unknown L1 status \"{value}\"",
     "estado L1 desconocido \"{value}\"",
     "did you mean {names}?",
     "¿quiso decir {names}?"},
    {"unknown_l2", error,
     "unknown L2 status \"{value}\" under \"{status}\"",
     "estado L2 desconocido \"{value}\" bajo \"{status}\"",
     "did you mean {names}?",
     "¿quiso decir {names}?"},
    {"unknown_l3", error,
     "unknown L3 status \"{value}\" under \"{status}\"",
     "estado L3 desconocido \"{value}\" bajo \"{status}\"",
     "did you mean {names}?",
     "¿quiso decir {names}?"},
    {"l2_missing", error,
     "\"{status}\" needs an L2 status",
     "\"{status}\" requiere un estado L2",
     "give one of: {names}",
     "indique uno de: {names}"},
    {"l2_not_allowed", error,
     "\"{status}\" takes no L2 status, but \"{value}\" was given",
     "\"{status}\" no admite un estado L2, pero se indicó \"{value}\"",
     "remove the L2",
     "quite el L2"},
    {"l3_not_allowed", error,
     "\"{status}\" takes no L3 status, but \"{value}\" was given",
     "\"{status}\" no admite un estado L3, pero se indicó \"{value}\"",
     "remove the L3",
     "quite el L3"},
    {"l2_not_under_l1", error,
     "\"{value}\" is an L2 of \"{actual}\", not of \"{status}\"",
     "\"{value}\" es un L2 de \"{actual}\", no de \"{status}\"",
     "choose one of {names} or change the L1 to \"{actual}\"",
     "elija uno de {names} o cambie el L1 a \"{actual}\""},
    {"l3_not_under_l2", error,
     "\"{value}\" is an L3 of \"{actual}\", not of \"{status}\"",
     "\"{value}\" es un L3 de \"{actual}\", no de \"{status}\"",
     "choose one of {names} or change the L2 to \"{actual}\"",
     "elija uno de {names} o cambie el L2 a \"{actual}\""},
    {"target_date_missing", error,
     "\"{status}\" requires a target date",
     "\"{status}\" requiere una fecha objetivo",
     "set a target date from {as_of} to {latest} (YYYY-MM-DD)",
     "indique una fecha objetivo entre {as_of} y {latest} (AAAA-MM-DD)"},
    {"target_date_missing", error,  // the status's target date has a meaning to show
     "\"{status}\" requires a target date ({meaning})",
     "\"{status}\" requiere una fecha objetivo ({meaning})",
     "set a target date from {as_of} to {latest} (YYYY-MM-DD)",
     "indique una fecha objetivo entre {as_of} y {latest} (AAAA-MM-DD)",
     "meaning"},
    {"target_date_invalid", error,
     "target date \"{value}\" is not a real calendar day in YYYY-MM-DD form",
     "la fecha objetivo \"{value}\" no es un día real con formato AAAA-MM-DD",
     "write the date as YYYY-MM-DD, for example 2026-12-31",
     "escriba la fecha como AAAA-MM-DD, por ejemplo 2026-12-31"},
    {"target_date_past", error,
     "target date {value} is before the as-of date {as_of}",
     "la fecha objetivo {value} es anterior a la fecha de referencia {as_of}",
     "set a target date from {as_of} to {latest} (YYYY-MM-DD)",
     "indique una fecha objetivo entre {as_of} y {latest} (AAAA-MM-DD)"},
    {"target_date_beyond_horizon", error,
     "target date {value} is more than {days} days after {as_of} (the latest allowed is {latest})",
     "la fecha objetivo {value} está a más de {days} días de {as_of} (la última permitida es {latest})",
     "set a target date from {as_of} to {latest} (YYYY-MM-DD)",
     "indique una fecha objetivo entre {as_of} y {latest} (AAAA-MM-DD)"},

    // ---- classify: problems of one row (the problems column, --errors) ----
    {"field_count", error,
     "the row has {fields} fields but the header has {header_fields}",
     "la fila tiene {fields} campos y el encabezado {header_fields}",
     "look for a missing or extra delimiter, or a cell holding the delimiter without quotes",
     "busque un delimitador que falte o sobre, o una celda que contenga el delimitador sin comillas"},
    {"invalid_value", error,
     "the value of '{column}' is not valid; expected {type}",
     "el valor de '{column}' no es válido; se espera {type}",
     "write a {type} value (dates in the --date-format form) or leave the cell empty",
     "escriba un valor de tipo {type} (las fechas en el formato de --date-format) o deje la celda vacía"},
    {"invalid_value", error,  // an enum column: the values it takes
     "the value of '{column}' is not valid; expected one of {values}",
     "el valor de '{column}' no es válido; se espera uno de {values}",
     "write one of {values} (or an alias the taxonomy gives for one) or leave the cell empty",
     "escriba uno de {values} (o un alias que la taxonomía defina para uno de ellos) o deje la celda vacía",
     "enum"},
    {"invalid_utf8", error,
     "field {field} is not valid UTF-8 (try --encoding cp1252)",
     "el campo {field} no es UTF-8 válido (¿use --encoding cp1252?)",
     "read a file saved by Excel on Windows with --encoding cp1252, or save it as CSV UTF-8",
     "lea con --encoding cp1252 un archivo guardado por Excel en Windows, o guárdelo como CSV UTF-8"},
    {"missing_id", error,
     "the required column '{column}' is empty",
     "falta el valor obligatorio de '{column}'",
     "fill in '{column}' on this row",
     "complete '{column}' en esta fila"},
    {"duplicate_id", error,
     "the value of '{column}' already appeared on an earlier row",
     "el valor de '{column}' ya apareció en una fila anterior",
     "give each row its own '{column}', or remove the repeated row",
     "dé a cada fila su propio valor de '{column}' o quite la fila repetida"},
    {"no_rule", error,
     "no rule matches this row",
     "ninguna regla se aplica a esta fila",
     "add a last rule without 'when' as a catch-all",
     "añada al final una regla sin 'when' que recoja todas las filas"},
    // A classified row's target date: shorter than validate's wording, since
    // the row shows the date and the as-of date is the run's.
    {"target_date_missing", error,
     "\"{status}\" requires a target date",
     "\"{status}\" requiere una fecha objetivo",
     "set a target date at most {days} days after the as-of date",
     "indique una fecha objetivo como máximo {days} días después de la fecha de referencia",
     "row"},
    {"target_date_invalid", error,
     "the target date is not a real day in the --date-format format",
     "la fecha objetivo no es un día real en el formato de --date-format",
     "write a real calendar day in the --date-format form (YYYY-MM-DD unless given)",
     "escriba un día real en el formato de --date-format (AAAA-MM-DD si no se indica)",
     "row"},
    {"target_date_past", error,
     "the target date is before the as-of date",
     "la fecha objetivo es anterior a la fecha de referencia",
     "set a target date on or after the as-of date (--as-of, default today)",
     "indique una fecha objetivo igual o posterior a la fecha de referencia (--as-of, por defecto hoy)",
     "row"},
    {"target_date_beyond_horizon", error,
     "the target date is more than {days} days after the as-of date",
     "la fecha objetivo está a más de {days} días de la fecha de referencia",
     "set a target date at most {days} days after the as-of date",
     "indique una fecha objetivo como máximo {days} días después de la fecha de referencia",
     "row"},

    // ---- input: a file that cannot be read at all (exit 2) ----------------
    {"input_cannot_open", error,
     "cannot open: {reason}",
     "no se puede abrir: {reason}",
     "", ""},
    {"input_is_folder", error,
     "is a folder",
     "es una carpeta",
     "give a CSV file",
     "indique un archivo CSV"},
    {"input_read_error", error,
     "read error",
     "error de lectura",
     "", ""},
    {"input_empty", error,
     "the file is empty",
     "el archivo está vacío",
     "it needs a header row naming the columns",
     "necesita una fila de encabezado con los nombres de las columnas"},
    {"input_utf16", error,
     "the file is UTF-16",
     "el archivo está en UTF-16",
     "save it as UTF-8 (or CSV UTF-8 in Excel) and run again",
     "guárdelo como UTF-8 (o CSV UTF-8 en Excel) y vuelva a ejecutar"},
    {"input_not_text", error,
     "the file is not text (it holds a NUL byte)",
     "el archivo no es de texto (contiene un byte NUL)",
     "give a CSV file",
     "indique un archivo CSV"},
    {"input_lone_cr", error,
     "lines end with a lone CR (old Mac format)",
     "las líneas terminan con un CR solo (formato antiguo de Mac)",
     "save the file as CSV UTF-8 or convert line ends to LF or CRLF",
     "guarde el archivo como CSV UTF-8 o convierta los finales de línea a LF o CRLF"},
    {"input_unclosed_quote", error,
     "a quote opened here is still open at the end of the file",
     "unas comillas abiertas aquí siguen abiertas al final del archivo",
     "close the quoted field",
     "cierre el campo entre comillas"},
    {"input_quote_too_long", error,
     "a quote opened here is not closed within 16 MiB",
     "unas comillas abiertas aquí no se cierran en 16 MiB",
     "close the quoted field",
     "cierre el campo entre comillas"},
    {"input_record_too_long", error,
     "a record longer than 16 MiB starts here",
     "aquí empieza un registro de más de 16 MiB",
     "is this a CSV file?",
     "¿es un archivo CSV?"},
    {"required_column_missing", error,
     "required column '{column}' is missing from the header",
     "falta en el encabezado la columna obligatoria '{column}'",
     "add a column named one of: {names}",
     "añada una columna con uno de estos nombres: {names}"},
    {"header_duplicate_column", error,
     "header fields {first} (\"{first_name}\") and {second} (\"{second_name}\") both name column '{column}'",
     "los campos {first} (\"{first_name}\") y {second} (\"{second_name}\") del encabezado nombran la columna '{column}'",
     "rename or remove one",
     "cambie el nombre de uno o quítelo"},
    {"no_l1_column", error,
     "the header has no l1 column, so there is no assignment to check",
     "el encabezado no tiene columna l1, así que no hay asignación que comprobar",
     "name a column l1 (and l2, target_date)",
     "llame l1 a una columna (y l2, target_date)"},

    // ---- output ------------------------------------------------------------
    {"output_cannot_open", error,
     "cannot open for writing: {reason}",
     "no se puede abrir para escribir: {reason}",
     "", ""},
    {"output_cannot_create_temporary", error,
     "cannot create a temporary file beside it: {reason}",
     "no se puede crear un archivo temporal a su lado: {reason}",
     "", ""},
    {"output_write_failed", error,
     "cannot write the output: {reason}",
     "no se puede escribir la salida: {reason}",
     "", ""},
    {"output_write_error", error,
     "cannot write the output (disk full?)",
     "no se puede escribir la salida (¿disco lleno?)",
     "", ""},

    // ---- the taxonomy file and its rules ----------------------------------
    {"load_error", error,
     "the taxonomy file does not load: {reason}",
     "el archivo de taxonomía no se carga: {reason}",
     "correct the file at the line and column given",
     "corrija el archivo en la línea y la columna indicadas"},
    {"taxonomy_errors", error,
     "the taxonomy file has {count} error(s)",
     "el archivo de taxonomía tiene {count} error(es)",
     "fix them and run again",
     "corríjalos y vuelva a ejecutar"},
    {"taxonomy_has_no_rules", error,
     "the taxonomy has no 'columns' and 'rules' sections, so there is nothing to classify with",
     "la taxonomía no tiene secciones 'columns' y 'rules', así que no hay con qué clasificar",
     "", ""},

    // ---- lint: the rules ---------------------------------------------------
    {"rule_unreachable", error,
     "rule '{rule}' can never fire: the earlier rules {rules} match every record it matches",
     "la regla '{rule}' nunca se aplica: las reglas anteriores {rules} cubren todos los registros que cubre",
     "move it up or narrow them",
     "súbala o restrinja esas reglas"},
    {"rule_unreachable", error,
     "rule '{rule}' can never fire: the earlier rule {rules} matches every record it matches",
     "la regla '{rule}' nunca se aplica: la regla anterior {rules} cubre todos los registros que cubre",
     "move it up or narrow that rule",
     "súbala o restrinja esa regla",
     "one_rule"},
    {"rule_unreachable", error,
     "rule '{rule}' can never fire: its conditions contradict each other",
     "la regla '{rule}' nunca se aplica: sus condiciones se contradicen",
     "", "",
     "contradiction"},
    {"rule_duplicate", error,
     "rule '{rule}' matches exactly the records rule '{other}' (line {other_line}) matches",
     "la regla '{rule}' cubre exactamente los registros que cubre la regla '{other}' (línea {other_line})",
     "remove one",
     "quite una de las dos"},
    {"rule_duplicate", error,
     "rule '{rule}' matches exactly the records rule '{other}' (line {other_line}) matches and gives the same status",
     "la regla '{rule}' cubre exactamente los registros que cubre la regla '{other}' (línea {other_line}) y da el mismo estado",
     "remove one",
     "quite una de las dos",
     "same_status"},
    {"rule_gap", error,
     "some records match no rule, for example {example}",
     "algunos registros no cumplen ninguna regla, por ejemplo {example}",
     "add a last rule without 'when' as a catch-all",
     "añada al final una regla sin 'when' que recoja todos los registros"},
    {"rule_gap", error,
     "some records match no rule, for example any record",
     "algunos registros no cumplen ninguna regla, por ejemplo cualquier registro",
     "add a last rule without 'when' as a catch-all",
     "añada al final una regla sin 'when' que recoja todos los registros",
     "any_record"},
    {"status_not_produced", warning,
     "no rule produces status '{status}'",
     "ninguna regla da el estado '{status}'",
     "", ""},
    {"too_complex", warning,
     "column '{column}' has more than {limit} distinct thresholds or values in rules; the rules were not analysed",
     "la columna '{column}' tiene más de {limit} umbrales o valores distintos en las reglas; las reglas no se analizaron",
     "", ""},
    {"lint_no_rules", note,
     "the file has no rules; only the taxonomy was checked",
     "el archivo no tiene reglas; solo se comprobó la taxonomía",
     "", ""},

    // ---- what the commands print around the problems ----------------------
    {"fix_hint", note,  // the line under a validate finding, and in `codes`
     "fix: {fix}",
     "solución: {fix}",
     "", ""},
    {"tree_target_date_optional", note,
     "Target date: optional",
     "Fecha objetivo: opcional",
     "", ""},
    {"tree_target_date_optional", note,
     "Target date: optional; {meaning}",
     "Fecha objetivo: opcional; {meaning}",
     "", "",
     "meaning"},
    {"tree_target_date_required", note,
     "Target date: required, at most {days} days after the as-of date",
     "Fecha objetivo: obligatoria, como máximo {days} días después de la fecha de referencia",
     "", ""},
    {"tree_target_date_required", note,
     "Target date: required, at most {days} days after the as-of date; {meaning}",
     "Fecha objetivo: obligatoria, como máximo {days} días después de la fecha de referencia; {meaning}",
     "", "",
     "meaning"},
};
// clang-format on

std::string key_of(const ProblemInfo& info) {
  std::string key(info.code);
  if (!info.variant.empty()) key.append("/").append(info.variant);
  return key;
}

const std::unordered_map<std::string, const ProblemInfo*>& index() {
  static const std::unordered_map<std::string, const ProblemInfo*> by_key = [] {
    std::unordered_map<std::string, const ProblemInfo*> out;
    for (const ProblemInfo& info : kCatalogue) out.emplace(key_of(info), &info);
    return out;
  }();
  return by_key;
}

}  // namespace

std::string_view ProblemInfo::message(Lang lang) const { return lang == Lang::es ? message_es : message_en; }
std::string_view ProblemInfo::fix(Lang lang) const { return lang == Lang::es ? fix_es : fix_en; }

std::span<const ProblemInfo> problem_catalogue() { return kCatalogue; }

const ProblemInfo& problem_info(std::string_view key) {
  const auto& by_key = index();
  auto found = by_key.find(std::string(key));
  if (found == by_key.end()) throw std::out_of_range(fmt::format("no problem '{}' in the catalogue", key));
  return *found->second;
}

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case error: return "error";
    case warning: return "warning";
    case note: return "note";
  }
  return "error";
}

Problem::Problem(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> fields)
    : info_(&problem_info(key)), fields_(fields) {}

Problem& Problem::with(std::string_view name, std::string value) {
  for (auto& [field_name, field_value] : fields_) {
    if (field_name == name) {
      field_value = std::move(value);
      return *this;
    }
  }
  fields_.emplace_back(name, std::move(value));
  return *this;
}

const ProblemInfo& Problem::info() const {
  if (info_ == nullptr) throw std::logic_error("an empty Problem has no catalogue entry");
  return *info_;
}

std::string_view Problem::field(std::string_view name) const {
  for (const auto& [field_name, value] : fields_)
    if (field_name == name) return value;
  return {};
}

std::string Problem::message(Lang lang) const { return fill_fields(info().message(lang), fields_); }

std::string Problem::fix(Lang lang) const { return fill_fields(info().fix(lang), fields_); }

std::string Problem::text(Lang lang) const {
  std::string out = message(lang);
  if (std::string hint = fix(lang); !hint.empty()) out.append("; ").append(hint);
  return out;
}

std::vector<std::string_view> pattern_fields(std::string_view pattern) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') continue;
    if (i + 1 < pattern.size() && pattern[i + 1] == '{') {  // "{{" is a literal brace
      ++i;
      continue;
    }
    std::size_t close = pattern.find('}', i + 1);
    if (close == std::string_view::npos) break;  // fmt reports the broken pattern
    std::string_view name = pattern.substr(i + 1, close - i - 1);
    name = name.substr(0, name.find(':'));  // a format spec is not part of the name
    bool seen = false;
    for (std::string_view earlier : names) seen = seen || earlier == name;
    if (!seen) names.push_back(name);
    i = close;
  }
  return names;
}

std::string fill_fields(std::string_view pattern,
                        const std::vector<std::pair<std::string_view, std::string>>& fields) {
  if (pattern.find_first_of("{}") == std::string_view::npos) return std::string(pattern);
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (std::string_view name : pattern_fields(pattern)) {
    std::string_view value;
    for (const auto& [field_name, field_value] : fields)
      if (field_name == name) value = field_value;
    // The store copies the name; the value is a view of `fields`, which
    // outlives the call. Values are arguments, never part of the pattern,
    // so braces in them are printed as they are.
    args.push_back(fmt::arg(std::string(name).c_str(), value));
  }
  return fmt::vformat(fmt::string_view(pattern.data(), pattern.size()), args);
}

std::string Error::to_string(Lang lang) const {
  std::string text = problem.text(lang);
  if (file.empty()) return text;
  if (line <= 0) return fmt::format("{}: {}", file, text);
  if (column <= 0) return fmt::format("{}:{}: {}", file, line, text);
  return fmt::format("{}:{}:{}: {}", file, line, column, text);
}

}  // namespace ftstatus
