# `cpack -G DEB` in the build folder: ftstatus_VERSION_ARCH.deb with the
# program, its man page, completions, README and example taxonomy (component
# "runtime"; not the library). Depends: what dpkg-shlibdeps finds the binary
# linked against (with the default static link, the C library), plus the two
# libraries the binary opens itself the first time it meets a workbook,
# which dpkg-shlibdeps cannot see (src/cli/workbook_libraries.cpp).
set(CPACK_PACKAGE_NAME ftstatus)
set(CPACK_PACKAGE_VENDOR "ftstatus")
set(CPACK_PACKAGE_CONTACT "ftstatus maintainers <ftstatus@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "classify FastTrack entitlement statuses from the playbook's taxonomy")
set(CPACK_PACKAGE_DESCRIPTION
    "ftstatus reads entitlement exports (CSV in UTF-8, UTF-16 or Windows-1252, or Excel workbooks), suggests the FastTrack status of every entitlement from the playbook's L1/L2/L3 taxonomy, checks status assignments and target dates, and prints the taxonomy, in English or Spanish.")
set(CPACK_GENERATOR DEB)
# One package, of the runtime component only (build folder; project name; component; where to install from).
set(CPACK_INSTALL_CMAKE_PROJECTS "${PROJECT_BINARY_DIR};ftstatus;runtime;/")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(FTSTATUS_WORKBOOK_LIBS_LAZY)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libzip4, libxlsxwriter4")
endif()
set(CPACK_STRIP_FILES TRUE)
include(CPack)
