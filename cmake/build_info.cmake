# Run at every build (cmake -P, from the ftstatus_build_info target): writes
# OUTPUT, the source of `ftstatus --version`'s commit, build date and
# compiler, and leaves it untouched when nothing changed (no relink).
#   -DSOURCE_DIR=... -DOUTPUT=... -DGIT=... -DCOMPILER=...
set(commit "unknown")
if(GIT)
  execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} rev-parse --short=12 HEAD
                  OUTPUT_VARIABLE head OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed AND head)
    set(commit ${head})
    # Changed tracked files: the binary is not that commit's.
    execute_process(COMMAND ${GIT} -C ${SOURCE_DIR} status --porcelain --untracked-files=no
                    OUTPUT_VARIABLE changes RESULT_VARIABLE failed ERROR_QUIET)
    if(NOT failed AND changes)
      string(APPEND commit "-dirty")
    endif()
  endif()
endif()
# The day, UTC; SOURCE_DATE_EPOCH, when set, gives it (reproducible builds).
string(TIMESTAMP date "%Y-%m-%d" UTC)
file(CONFIGURE OUTPUT ${OUTPUT} CONTENT [[
// Generated at build time by cmake/build_info.cmake: do not edit.
#include "cli/build_info.h"

namespace ftstatus::cli {

const char* const kBuildCommit = "@commit@";
const char* const kBuildDate = "@date@";
const char* const kBuildCompiler = "@COMPILER@";

}  // namespace ftstatus::cli
]] @ONLY)
