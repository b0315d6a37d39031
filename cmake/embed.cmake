# Writes INPUT as a byte array into the C++ source OUTPUT (run with cmake -P).
# A byte array, not a raw string literal, so no delimiter in the YAML can break it.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${name} by cmake/embed.cmake; do not edit.
#include \"load/builtin.h\"

namespace {
const unsigned char kBytes[] = {
${bytes}0};
}  // namespace

namespace ftstatus {
std::string_view builtin_taxonomy_text() { return {reinterpret_cast<const char*>(kBytes), ${size}}; }
std::string_view builtin_taxonomy_name() { return \"${name} (built in)\"; }
}  // namespace ftstatus
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
