# Proves that layers_check.cmake and public_headers_check.cmake catch what they
# are for: each runs on small made-up trees, a clean one that must pass and
# broken ones that must fail with a message naming the problem. Without this,
# a checker that silently checks nothing would pass forever.
#   cmake -DCHECKS_DIR=<tests folder> -DWORK_DIR=<scratch folder> -DCXX=<compiler> -P checks_selftest.cmake
cmake_minimum_required(VERSION 3.25)

foreach(required CHECKS_DIR WORK_DIR CXX)
  if(NOT ${required})
    message(FATAL_ERROR "usage: cmake -DCHECKS_DIR=<dir> -DWORK_DIR=<dir> -DCXX=<compiler> -P checks_selftest.cmake")
  endif()
endforeach()

set(failures "")

# A tree with one file per layer, each including the layer below it, and two
# public headers; `files` is a list of relative-path=content overrides.
function(make_tree root)
  file(REMOVE_RECURSE "${root}")
  file(WRITE "${root}/include/ftstatus/date.h"
       "#pragma once\n// ftstatus public API, layer: model.\n// A date.\nstruct Date {};\n")
  file(WRITE "${root}/include/ftstatus/loader.h"
       "#pragma once\n// ftstatus public API, layer: load.\n#include <string>\n"
       "#include \"ftstatus/date.h\"\nstruct Loader { Date d; };\n")
  file(WRITE "${root}/src/model/names.h" "#pragma once\n#include \"ftstatus/date.h\"\n")
  file(WRITE "${root}/src/io/csv.h" "#pragma once\n#include <vector>\n#include \"model/names.h\"\n")
  file(WRITE "${root}/src/io/csv.cpp" "#include \"csv.h\"\n#include \"io/csv.h\"\n")
  file(WRITE "${root}/src/load/loader.cpp" "#include \"ftstatus/loader.h\"\n#include \"io/csv.h\"\n")
  file(WRITE "${root}/src/engine/seen_set.h" "#pragma once\n#include \"ftstatus/loader.h\"\n")
  file(WRITE "${root}/src/report/tree.h" "#pragma once\n#include \"engine/seen_set.h\"\n")
  file(WRITE "${root}/src/cli/main.cpp" "#include \"report/tree.h\"\n#include \"model/names.h\"\nint main() {}\n")
  foreach(override IN LISTS ARGN)
    string(FIND "${override}" "=" at)
    string(SUBSTRING "${override}" 0 ${at} path)
    math(EXPR after "${at} + 1")
    string(SUBSTRING "${override}" ${after} -1 content)
    file(WRITE "${root}/${path}" "${content}")
  endforeach()
endfunction()

# Runs a checker script on `root`; expects success, or failure whose message
# contains every one of `expected` (a list).
function(expect what script root should_pass expected)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -DSOURCE_DIR=${root} -DCXX=${CXX} -DWORK_DIR=${root}/scratch -P "${CHECKS_DIR}/${script}"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
  if(should_pass AND NOT status EQUAL 0)
    set(failures "${failures}  ${what}: expected ${script} to pass, it failed:\n${output}\n" PARENT_SCOPE)
    return()
  endif()
  if(NOT should_pass)
    if(status EQUAL 0)
      set(failures "${failures}  ${what}: expected ${script} to fail, it passed:\n${output}\n" PARENT_SCOPE)
      return()
    endif()
    # CMake wraps long FATAL_ERROR lines; compare with the white space joined up.
    string(REGEX REPLACE "[ \t\r\n]+" " " flat "${output}")
    foreach(part IN LISTS expected)
      string(FIND "${flat}" "${part}" found)
      if(found EQUAL -1)
        set(failures "${failures}  ${what}: the failure does not mention '${part}':\n${output}\n" PARENT_SCOPE)
        return()
      endif()
    endforeach()
  endif()
endfunction()

set(root "${WORK_DIR}/tree")

make_tree("${root}")
expect("a clean tree" layers_check.cmake "${root}" TRUE "")

make_tree("${root}" "src/model/names.h=#pragma once\n// why not\n#include \"engine/seen_set.h\"\n")
expect("model including engine" layers_check.cmake "${root}" FALSE
       "src/model/names.h:3;\"engine/seen_set.h\";layer engine;from layer model")

make_tree("${root}" "src/io/csv.cpp=#include \"csv.h\"\n#include <ftstatus/loader.h>\n")
expect("io including a public load header" layers_check.cmake "${root}" FALSE
       "src/io/csv.cpp:2;\"ftstatus/loader.h\";layer load;from layer io")

make_tree("${root}" "src/report/tree.h=#pragma once\n#include \"../cli/main.cpp\"\n")
expect("report including cli by a relative path" layers_check.cmake "${root}" FALSE
       "src/report/tree.h:2;layer cli;from layer report")

set(model_header_including_load "#pragma once\n// ftstatus public API, layer: model.\n#include \"ftstatus/loader.h\"\n")
make_tree("${root}" "include/ftstatus/date.h=${model_header_including_load}")
expect("a public model header including a public load header" layers_check.cmake "${root}" FALSE
       "include/ftstatus/date.h:3;layer load;from layer model")

make_tree("${root}" "include/ftstatus/date.h=#pragma once\n// A date, no layer named.\nstruct Date {};\n")
expect("a public header without a layer line" layers_check.cmake "${root}" FALSE
       "include/ftstatus/date.h;must name its layer")

make_tree("${root}"
          "include/ftstatus/loader.h=#pragma once\n// ftstatus public API, layer: load.\n#include \"io/csv.h\"\n")
expect("a public header including an internal one" layers_check.cmake "${root}" FALSE
       "include/ftstatus/loader.h:3;internal header \"io/csv.h\"")

make_tree("${root}")
expect("clean public headers" public_headers_check.cmake "${root}" TRUE "")

make_tree("${root}"
          "include/ftstatus/loader.h=#pragma once\n// ftstatus public API, layer: load.\n#include <yaml-cpp/yaml.h>\n")
expect("a public header including yaml-cpp" public_headers_check.cmake "${root}" FALSE
       "include/ftstatus/loader.h;yaml-cpp or CLI11 header")

make_tree("${root}" "include/ftstatus/loader.h=#pragma once\n// ftstatus public API, layer: load.\nCLI::App* app();\n")
expect("a public header naming a CLI11 type" public_headers_check.cmake "${root}" FALSE
       "include/ftstatus/loader.h;CLI11 type")

make_tree("${root}"
          "include/ftstatus/loader.h=#pragma once\n// ftstatus public API, layer: load.\nstd::vector<int> list();\n")
expect("a public header that misses an include" public_headers_check.cmake "${root}" FALSE
       "include/ftstatus/loader.h;does not compile on its own")

file(REMOVE_RECURSE "${root}")
if(NOT failures STREQUAL "")
  message(FATAL_ERROR "checks_selftest:\n${failures}")
endif()
message(STATUS "checks_selftest: the layer and public header checks catch every broken tree")
