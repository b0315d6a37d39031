#pragma once
// Shared by the fuzz targets: taking parameters from the front of the input,
// reading the rest as a FILE*, and a property check that stops the run (an
// abort, which libFuzzer reports as a crash with the input that broke it).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

// The input as a parameter source: bytes from the front decide the options,
// what is left is the data.
class Input {
 public:
  Input(const std::uint8_t* data, std::size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}
  // One byte (0 once the input ran out).
  unsigned byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<unsigned char>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// A property that does not hold: print what and where, and abort.
[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
  std::abort();
}

// `bytes` as a read-only FILE*, handing out at most `chunk` bytes a read (so
// the reader's buffer refills at every size). The bytes must outlive the FILE.
std::FILE* open_chunked(std::string_view bytes, std::size_t chunk);

}  // namespace fuzz

#define FUZZ_CHECK(condition)                                       \
  do {                                                              \
    if (!(condition)) ::fuzz::fail(#condition, __FILE__, __LINE__); \
  } while (false)
