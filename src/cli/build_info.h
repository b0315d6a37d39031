#pragma once
// What `ftstatus --version` says about the build, beside the version:
// written at every build by cmake/build_info.cmake.

namespace ftstatus::cli {

extern const char* const kBuildCommit;    // 12 hex digits, "-dirty" with changed files, or "unknown"
extern const char* const kBuildDate;      // YYYY-MM-DD, UTC
extern const char* const kBuildCompiler;  // "GNU 12.2.0"

}  // namespace ftstatus::cli
