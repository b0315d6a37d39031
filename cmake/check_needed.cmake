# Fails when the ftstatus binary needs a shared library that ALLOWED (a
# regular expression) does not match, e.g. because a new libzip or libxlsxwriter
# function is not forwarded by src/cli/workbook_libraries.cpp, or a new
# dependency is linked without thought for start-up time.
#   cmake -DOBJDUMP=<objdump> -DBINARY=<ftstatus> -DALLOWED=<regex> -P check_needed.cmake
execute_process(COMMAND ${OBJDUMP} -p ${BINARY} OUTPUT_VARIABLE headers RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "startup_libraries: cannot read ${BINARY}")
endif()
string(REGEX MATCHALL "NEEDED +[^ \n]+" needed "${headers}")
set(unexpected "")
set(all "")
foreach(entry IN LISTS needed)
  string(REGEX REPLACE "NEEDED +" "" library "${entry}")
  list(APPEND all ${library})
  if(NOT library MATCHES "${ALLOWED}")
    list(APPEND unexpected ${library})
  endif()
endforeach()
if(unexpected)
  message(FATAL_ERROR "startup_libraries: ${BINARY} needs ${unexpected} at start-up (only ${ALLOWED} allowed). "
                      "A libzip/libxlsxwriter function missing from src/cli/workbook_libraries.cpp pulls its "
                      "library back in; see src/CMakeLists.txt.")
endif()
message(STATUS "startup_libraries: ${BINARY} needs only ${all}")
