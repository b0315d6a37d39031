#pragma once
// Which rows repeat an earlier row's id, found in a pass before classifying,
// for inputs too large for the in-memory seen set (engine/seen_set.h): each
// row's id hashes are sorted in runs of bounded size, spilled as sequential
// writes and merged with large sequential reads, so 10 million ids cost a few
// hundred I/O calls and a fixed amount of memory, never a read per row.
//
// An id is its 64-bit hash64 plus a 26-bit check hash of the same text:
// two different ids are taken for one only if 90 bits agree.
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "ftstatus/problems.h"

namespace ftstatus {

class RepeatedIds {
 public:
  // `memory_bytes`: the sort buffer; the merge's read buffers take about as much.
  explicit RepeatedIds(std::size_t memory_bytes = std::size_t(12) << 20);
  ~RepeatedIds();
  RepeatedIds(const RepeatedIds&) = delete;
  RepeatedIds& operator=(const RepeatedIds&) = delete;

  // The second hash of an id's text (26 bits used).
  static std::uint32_t check_hash(std::string_view text);
  // Row `row` (0-based, in input order) has the id with hash64 `hash` and
  // check_hash `check` in unique column `column` (< 64).
  void add(std::uint32_t row, unsigned column, std::uint64_t hash, std::uint32_t check);
  // After the last add(): finds the repeats. An Error when no temporary file
  // could be written (the run must stop rather than miss repeats).
  Result finish();
  // Rows must be asked in increasing order: the unique columns (bit k for
  // column k) in which `row` repeats an earlier row's value.
  std::uint64_t repeats_of(std::uint32_t row);
  // I/O calls made on the temporary file (for the benchmark notes and tests).
  std::size_t io_calls() const { return io_calls_; }
  std::size_t runs() const { return runs_.size(); }

 private:
  struct Entry {
    std::uint64_t hash;
    std::uint32_t check_and_column;  // check hash << 6 | column
    std::uint32_t row;
  };
  struct Run {
    std::int64_t offset;
    std::size_t count;
  };
  Result failure_;
  Result spill();
  void collect(std::vector<Entry>::const_iterator begin, std::vector<Entry>::const_iterator end);
  void collect_one(const Entry& entry);
  Result merge();
  Result failed(int error);

  std::size_t capacity_;
  std::vector<Entry> buffer_;
  std::vector<Run> runs_;
  std::FILE* file_ = nullptr;
  std::int64_t file_size_ = 0;
  std::size_t io_calls_ = 0;
  // The merge's state: the last id seen, to tell a repeat.
  bool have_last_ = false;
  std::uint64_t last_hash_ = 0;
  std::uint32_t last_check_ = 0;
  // Repeated rows (row << 6 | column), sorted once found; next_ walks them.
  std::vector<std::uint64_t> repeats_;
  std::size_t next_ = 0;
};

}  // namespace ftstatus
