#pragma once
// Remembers the 64-bit hashes of every id seen so far, to report repeats,
// in bounded memory however many ids there are.
//
// Recent hashes live in a fixed open-addressing table whose home slot is the
// hash's top bits, so the table is already nearly in order: when it fills,
// its hashes are sorted cheaply and written to a temporary file as a run, with a small
// Bloom filter (2 bytes a hash) kept in memory; a lookup reads a run from disk
// only when that run's filter says "maybe". Runs are merged when there are
// many. Memory is the table (at most 8 MiB) plus the filters: 2 bytes an id.
// Large files skip it: engine/repeated_ids.h finds their repeats first.
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "ftstatus/problems.h"

namespace ftstatus {

// FNV-1a followed by a 64-bit finalizer; never 0.
std::uint64_t hash64(std::string_view text);

class SeenSet {
 public:
  static constexpr std::size_t kBlockWords = 8;  // Bloom filter blocks of 512 bits: one cache line a lookup

  // The in-memory table starts small and doubles up to `max_table_slots`
  // (rounded up to a power of two; tests use small ones to exercise the
  // runs), then spills.
  explicit SeenSet(std::size_t max_table_slots = std::size_t{1} << 20);
  ~SeenSet();
  SeenSet(const SeenSet&) = delete;
  SeenSet& operator=(const SeenSet&) = delete;
  SeenSet(SeenSet&& other) noexcept;
  SeenSet& operator=(SeenSet&&) = delete;

  // Adds `hash`; false when it was already there.
  bool insert(std::uint64_t hash);
  // A hint that insert(hash) comes soon: its slot and its block of each
  // run's Bloom filter are fetched into the cache meanwhile (a table of
  // millions of ids misses the cache on every lookup).
  void prefetch(std::uint64_t hash) const {
    __builtin_prefetch(table_ + home(hash));
    for (const Run& run : runs_) __builtin_prefetch(run.bloom.data() + run.block_of(hash));
  }
  // A hint that about a million ids or more are coming: the table takes
  // huge pages, so filling it costs a few page faults rather than thousands
  // (each a few microseconds, on the thread that checks ids in order).
  void expect_many();
  // After expect_many(), before the first insert: touches the table and the
  // first spill's Bloom filter now (a thread waiting for its first rows has
  // time), rather than page by page mid-run while other threads wait on it.
  void prepare();
  std::size_t size() const { return size_; }
  // Why the set cannot go on in bounded memory (no temporary file could be
  // made or written): the run must stop.
  const Result& failure() const { return failure_; }
  std::size_t runs() const { return runs_.size(); }

 private:
  struct Run {
    std::int64_t offset = 0;  // in file_, in bytes
    std::size_t count = 0;
    std::vector<std::uint64_t> bloom;  // blocks of 512 bits
    bool maybe_contains(std::uint64_t hash) const;
    // The first word of the 512-bit block of `bloom` that holds hash's bits.
    std::size_t block_of(std::uint64_t hash) const {
      const std::size_t blocks = bloom.size() / kBlockWords;
      return static_cast<std::size_t>(((hash >> 32) * blocks) >> 32) * kBlockWords;
    }
    void add(std::uint64_t hash);
  };

  std::size_t home(std::uint64_t hash) const { return static_cast<std::size_t>(hash >> shift_); }
  // Where `hash` is or would go; `end` when the probe runs off the table's end (it does not wrap, to keep the order).
  std::size_t probe(std::uint64_t hash) const;
  bool table_contains(std::uint64_t hash) const;
  void place(std::uint64_t hash);
  // Moves the table's hashes to its front in ascending order; their count.
  std::size_t sort_to_front();
  bool run_contains(const Run& run, std::uint64_t hash) const;
  // Grows the table, or spills it (which empties it).
  void make_room();
  void spill();
  void merge_runs();
  // Up to max_table_slots_; beyond it only without a temporary file (none could be made).
  void grow_table(std::size_t slots);
  void map_table(std::size_t slots);
  void unmap_table();

  std::size_t max_table_slots_;
  std::uint64_t* table_ = nullptr;  // slots_ home slots and an overflow tail after them
  std::size_t slots_ = 0;
  std::size_t end_ = 0;  // slots_ plus the tail
  int shift_ = 64;
  std::size_t table_count_ = 0;
  std::size_t size_ = 0;
  std::vector<Run> runs_;
  bool expect_many_ = false;
  std::vector<std::uint64_t> spare_bloom_;  // prepare()'s filter, taken by the first spill
  std::FILE* file_ = nullptr;
  bool spill_failed_ = false;
  Result failure_;
};

}  // namespace ftstatus
