// find_last_record_end's block loop with AVX-512 (BW): one 64-byte compare a
// byte kind. Compiled with -mavx512bw -mpclmul -mpopcnt (src/CMakeLists.txt);
// record_cuts.cpp calls it only when the CPU has those.
#define FTSTATUS_RECORD_CUTS_KERNEL
#include "io/record_cuts_kernel.h"

namespace {

struct Avx512Classify {
  BlockMasks operator()(const char* block, char delimiter) const {
    const __m512i bytes = _mm512_loadu_si512(block);
    return {_mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8('"')), _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8('\n')),
            _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8('\r')),
            _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8(delimiter))};
  }
};

}  // namespace

namespace ftstatus::record_cuts_detail {

KernelRun scan_avx512(const char* data, std::size_t size, std::size_t from, std::size_t end, std::size_t line_breaks,
                      char delimiter, std::uint64_t delimiter_mask, bool cr_only_file) {
  return scan_blocks(Avx512Classify{}, data, size, from, end, line_breaks, delimiter, delimiter_mask, cr_only_file);
}

}  // namespace ftstatus::record_cuts_detail
