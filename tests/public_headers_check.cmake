# Checks every public header, include/ftstatus/*.h, on its own:
#  - it exposes no yaml-cpp or CLI11 (neither their headers nor YAML:: / CLI:: names),
#    since a program using the library must not need them;
#  - it compiles alone, included twice, with only include/ and fmt on the include
#    path (src/ is not there, as it is not for an installed library), under our
#    warning flags with -Werror.
#   cmake -DSOURCE_DIR=<project root> -DCXX=<compiler> -DWORK_DIR=<scratch folder>
#         [-DEXTRA_INCLUDES=<dir;dir>] -P public_headers_check.cmake
cmake_minimum_required(VERSION 3.25)

foreach(required SOURCE_DIR CXX WORK_DIR)
  if(NOT ${required})
    message(FATAL_ERROR
            "usage: cmake -DSOURCE_DIR=<root> -DCXX=<compiler> -DWORK_DIR=<dir> -P public_headers_check.cmake")
  endif()
endforeach()

file(GLOB headers LIST_DIRECTORIES false "${SOURCE_DIR}/include/ftstatus/*.h")
if(NOT headers)
  message(FATAL_ERROR "public_headers_check: no headers in ${SOURCE_DIR}/include/ftstatus/")
endif()

set(include_flags "-I${SOURCE_DIR}/include")
foreach(dir IN LISTS EXTRA_INCLUDES)
  if(NOT dir STREQUAL "")
    list(APPEND include_flags "-isystem" "${dir}")
  endif()
endforeach()

file(MAKE_DIRECTORY "${WORK_DIR}")
set(problems "")
foreach(header IN LISTS headers)
  get_filename_component(name "${header}" NAME)
  file(READ "${header}" text)
  # A line comment may mention these names; code may not.
  string(REGEX REPLACE "//[^\n]*" "" code "${text}")
  if(code MATCHES "#[ \t]*include[ \t]*[<\"](yaml-cpp/|CLI/)")
    string(APPEND problems "  include/ftstatus/${name}: includes a yaml-cpp or CLI11 header\n")
  endif()
  if(code MATCHES "(YAML|CLI)::")
    string(APPEND problems "  include/ftstatus/${name}: names a yaml-cpp or CLI11 type (${CMAKE_MATCH_1}::)\n")
  endif()

  set(unit "${WORK_DIR}/${name}.cpp")
  file(WRITE "${unit}" "#include \"ftstatus/${name}\"\n#include \"ftstatus/${name}\"\n")
  execute_process(
    COMMAND "${CXX}" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Werror
            ${include_flags} "${unit}"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(NOT status EQUAL 0)
    string(APPEND problems "  include/ftstatus/${name}: does not compile on its own:\n${output}\n")
  endif()
endforeach()

list(LENGTH headers count)
if(NOT problems STREQUAL "")
  message(FATAL_ERROR "public_headers_check:\n${problems}")
endif()
message(STATUS "public_headers_check: ${count} public headers compile alone and expose no yaml-cpp or CLI11")
