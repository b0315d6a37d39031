#include "fuzz_support.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace fuzz {

namespace {

struct ChunkedBytes {
  std::string_view bytes;
  std::size_t chunk;
};

ssize_t read_chunk(void* cookie, char* buffer, std::size_t size) {
  auto* source = static_cast<ChunkedBytes*>(cookie);
  const std::size_t n = std::min({size, source->chunk, source->bytes.size()});
  std::memcpy(buffer, source->bytes.data(), n);
  source->bytes.remove_prefix(n);
  return static_cast<ssize_t>(n);
}

int close_chunked(void* cookie) {
  delete static_cast<ChunkedBytes*>(cookie);
  return 0;
}

}  // namespace

std::FILE* open_chunked(std::string_view bytes, std::size_t chunk) {
  auto* source = new ChunkedBytes{bytes, std::max<std::size_t>(chunk, 1)};
  cookie_io_functions_t functions{};
  functions.read = read_chunk;
  functions.close = close_chunked;
  std::FILE* file = fopencookie(source, "r", functions);
  if (file == nullptr) delete source;
  return file;
}

}  // namespace fuzz
