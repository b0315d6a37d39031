#pragma once
// `ftstatus codes`: the problem catalogue as people and scripts read it.
#include <cstdio>
#include <optional>
#include <string_view>

#include "ftstatus/lang.h"
#include "ftstatus/problems.h"

namespace ftstatus {

enum class CodesFormat { text, csv, json };

std::optional<CodesFormat> parse_codes_format(std::string_view text);

// "error", "warning" or "note" as a reader of `lang` says it (lint's lines,
// `codes`' text); scripts' formats keep severity_name.
std::string_view severity_word(Severity severity, Lang lang);

// Every code once (its main wording; variants are other wordings of the same
// code), in catalogue order: code, severity, message, fix. The {fields} are
// shown as they are, as placeholders.
void write_codes(std::FILE* out, CodesFormat format, Lang lang);

}  // namespace ftstatus
