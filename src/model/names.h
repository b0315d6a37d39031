#pragma once
// How user-typed status names are compared: "  L2 - Migración ", "migracion" and
// "MIGRATION" must all find the same status.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ftstatus {

// Lower-cases, folds accents (á -> a, ñ -> n), turns every run of
// punctuation, symbols, underscores and spaces into one space, trims, and
// drops a leading "L1 -", "L2 -" or "L3 -" level prefix.
std::string normalize_name(std::string_view name);

// normalize_name without dropping the level prefix (for CSV headers, where
// "L1 actual" and "L2 actual" are different columns).
std::string fold_name(std::string_view name);
// The same into `out` (cleared first), reusing its memory. ASCII input costs
// no allocation once `out` has grown and no Unicode table look-up.
void fold_name_into(std::string& out, std::string_view name);

// True when `text` equals `lower` (given in lower case) up to letter case in
// any script: "SÍ" and "Sí" equal "sí". Accents and punctuation still count.
bool equals_ignoring_case(std::string_view text, std::string_view lower);

// Levenshtein distance in bytes; used on normalized (ASCII-folded) names.
std::size_t edit_distance(std::string_view a, std::string_view b);

// For "did you mean": up to `most` of `candidates` nearest to `typed`,
// compared folded (fold_name: case, accents and punctuation aside), nearest
// first; only those within a few edits (at most a third of the name, at
// least 2), so a name that is nothing like any gets none.
std::vector<std::string> closest_names(std::string_view typed, const std::vector<std::string>& candidates,
                                       std::size_t most = 3);

}  // namespace ftstatus
