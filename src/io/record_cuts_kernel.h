#pragma once
// The 64-byte block loop of find_last_record_end (io/record_cuts.h), shared
// by the per-ISA files (record_cuts_avx2.cpp, record_cuts_avx512.cpp), which
// are compiled with their ISA's flags and include this inside an anonymous
// namespace. So nothing here may be a function with external linkage, nor use
// one from a library header: a copy compiled for AVX-512 could then be the one
// the linker keeps for code that runs on any CPU. Hence the builtins only.
#include <cstddef>
#include <cstdint>

#include <immintrin.h>

namespace ftstatus::record_cuts_detail {

// What a scan of data[from, size) found. The driver (record_cuts.cpp) hands
// the record holding `invalid_quote` to the scalar path and resumes after it.
struct KernelRun {
  std::size_t end;            // the last record end found, or the `end` given when none
  std::size_t line_breaks;    // at `end`
  std::size_t invalid_quote;  // the first quote that quote parity would misread; size when none
};

// The interface of the per-ISA entry points (declared in record_cuts.cpp).
// `from` is a record start whose line count is `lines_at_from`; `end` and
// `line_breaks` are the last cut found before `from` (returned when there is
// none after it). `delimiter_mask` is all ones when `delimiter` is a field
// delimiter, 0 when the scanner gives its byte another meaning (quote, LF, CR, NUL).
using KernelFunction = KernelRun (*)(const char* data, std::size_t size, std::size_t from, std::size_t end,
                                     std::size_t line_breaks, char delimiter, std::uint64_t delimiter_mask,
                                     bool cr_only_file);

}  // namespace ftstatus::record_cuts_detail

// Everything below is for the per-ISA files only.
#ifdef FTSTATUS_RECORD_CUTS_KERNEL

namespace {

using ftstatus::record_cuts_detail::KernelRun;

// Bit i set when byte i of a 64-byte block is that byte.
struct BlockMasks {
  std::uint64_t quote;
  std::uint64_t line_feed;
  std::uint64_t carriage_return;
  std::uint64_t delimiter;
};

// Bit i = XOR of bits 0..i: inside quotes after byte i, if every quote
// toggled. A carry-less multiply by all ones computes it in one instruction.
inline std::uint64_t prefix_xor(std::uint64_t bits) {
  const __m128i product = _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(bits)), _mm_set1_epi8(-1), 0);
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(product));
}

// Classify(const char* block, char delimiter) -> BlockMasks, for 64 readable bytes.
//
// Why quote parity, checked, is exact: the scanner's states outside quotes
// (field start, unquoted text, just after a closing quote) are parity 0, inside
// quotes parity 1. Inside, every quote closes, as parity says. Outside, a quote
// opens at a field start or after a closing quote (a doubled quote) and is text
// in unquoted text, where parity would wrongly toggle. So while every quote that
// parity says opens follows a delimiter, an LF, a quote (parity 0 after it: a
// closing one), a CR in a CR-only file (outside quotes and not before an LF:
// a record end) or the start, parity and the scanner agree on every byte. The
// first quote that does not is reported; everything before it is exact.
template <class Classify>
inline KernelRun scan_blocks(Classify classify, const char* data, std::size_t size, std::size_t from, std::size_t end,
                             std::size_t line_breaks, char delimiter, std::uint64_t delimiter_mask, bool cr_only_file) {
  const std::uint64_t cr_breaks_mask = cr_only_file ? ~std::uint64_t(0) : 0;
  std::uint64_t inside = 0;           // all ones when the byte before the block is inside quotes
  std::uint64_t after_field_end = 1;  // bit 0: the block's first byte starts a field
  std::size_t lines = line_breaks;    // before the block
  // The last block with a record end in it, resolved to a position only at the end.
  std::uint64_t last_cuts = 0;
  std::uint64_t last_breaks = 0;
  std::size_t last_base = 0;
  std::size_t last_lines = 0;
  std::size_t invalid_quote = size;
  alignas(64) char tail[64];
  for (std::size_t base = from; base < size; base += 64) {
    const std::size_t left = size - base;
    const char* block = data + base;
    bool next_is_line_feed = false;  // the byte after the block, to tell a lone CR from CR LF
    if (left > 64) {
      next_is_line_feed = data[base + 64] == '\n';
    } else {
      // The last block: copied, so that no byte past data[size] is read; the
      // zeros after the data match nothing (a NUL delimiter has delimiter_mask 0).
      __builtin_memset(tail, 0, sizeof tail);
      __builtin_memcpy(tail, block, left);
      block = tail;
    }
    const BlockMasks masks = classify(block, delimiter);
    const std::uint64_t quotes = masks.quote;
    const std::uint64_t parity = prefix_xor(quotes) ^ inside;
    inside = static_cast<std::uint64_t>(static_cast<std::int64_t>(parity) >> 63);
    std::uint64_t lone_cr = masks.carriage_return & ~((masks.line_feed >> 1) | std::uint64_t(next_is_line_feed) << 63);
    if (left <= 64) lone_cr &= ~(std::uint64_t(1) << (left - 1));  // the last byte: what follows decides
    const std::uint64_t breaks = masks.line_feed | (lone_cr & cr_breaks_mask);
    std::uint64_t cuts = breaks & ~parity;
    const std::uint64_t field_ends =
        (masks.delimiter & delimiter_mask) | masks.line_feed | quotes | (masks.carriage_return & cr_breaks_mask);
    const std::uint64_t after_field_ends = field_ends << 1 | after_field_end;
    after_field_end = field_ends >> 63;
    const std::uint64_t misread = quotes & parity & ~after_field_ends;
    if (misread != 0) [[unlikely]] {
      const unsigned at = static_cast<unsigned>(__builtin_ctzll(misread));
      cuts &= (std::uint64_t(1) << at) - 1;
      invalid_quote = base + at;
    }
    // Selects, not a branch: about every other block of a typical file holds a record end.
    const bool has_cuts = cuts != 0;
    last_cuts = has_cuts ? cuts : last_cuts;
    last_breaks = has_cuts ? breaks : last_breaks;
    last_base = has_cuts ? base : last_base;
    last_lines = has_cuts ? lines : last_lines;
    if (misread != 0) break;
    lines += static_cast<std::size_t>(__builtin_popcountll(breaks));
  }
  if (last_cuts != 0) {
    const unsigned last = 63 - static_cast<unsigned>(__builtin_clzll(last_cuts));
    end = last_base + last + 1;
    line_breaks =
        last_lines + static_cast<std::size_t>(__builtin_popcountll(last_breaks & (~std::uint64_t(0) >> (63 - last))));
  }
  return {end, line_breaks, invalid_quote};
}

}  // namespace

#endif
