// The built-in taxonomy, from the tables the build generated (src/load/builtin_generator.cpp): no YAML is parsed.
#include "load/builtin.h"

#include "ftstatus/loader.h"

namespace ftstatus {

LoadResult load_builtin_taxonomy(Lang lang) {
  // The language only words load errors, and the built-in file has none (the build checked it).
  (void)lang;
  LoadResult result;
  result.taxonomy.emplace();
  detail::build_builtin_taxonomy(*result.taxonomy, result.rules);
  return result;
}

}  // namespace ftstatus
