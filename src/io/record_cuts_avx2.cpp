// find_last_record_end's block loop with AVX2: two 32-byte compares a byte
// kind, joined into 64-bit masks. Compiled with -mavx2 -mpclmul -mpopcnt
// (src/CMakeLists.txt); record_cuts.cpp calls it only when the CPU has those.
#define FTSTATUS_RECORD_CUTS_KERNEL
#include "io/record_cuts_kernel.h"

namespace {

struct Avx2Classify {
  BlockMasks operator()(const char* block, char delimiter) const {
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32));
    auto mask_of = [&](char byte) {
      const __m256i wanted = _mm256_set1_epi8(byte);
      const auto low_bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(low, wanted)));
      const auto high_bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(high, wanted)));
      return std::uint64_t(high_bits) << 32 | low_bits;
    };
    return {mask_of('"'), mask_of('\n'), mask_of('\r'), mask_of(delimiter)};
  }
};

}  // namespace

namespace ftstatus::record_cuts_detail {

KernelRun scan_avx2(const char* data, std::size_t size, std::size_t from, std::size_t end, std::size_t line_breaks,
                    char delimiter, std::uint64_t delimiter_mask, bool cr_only_file) {
  return scan_blocks(Avx2Classify{}, data, size, from, end, line_breaks, delimiter, delimiter_mask, cr_only_file);
}

}  // namespace ftstatus::record_cuts_detail
