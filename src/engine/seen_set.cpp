#include "engine/seen_set.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

#include "io/temporary_files.h"

namespace ftstatus {

namespace {

constexpr std::size_t kBloomBitsPerHash = 16;
constexpr int kBloomProbes = 6;
constexpr std::size_t kMaxRuns = 4;
constexpr std::size_t kMergeBuffer = 8192;  // hashes read at a time from each run
constexpr std::size_t kHugePage = std::size_t{2} << 20;

// A run's Bloom filter: whole 512-bit blocks, kBloomBitsPerHash a hash.
std::size_t bloom_words(std::size_t hashes) {
  return std::max<std::size_t>(1, hashes * kBloomBitsPerHash / 512) * SeenSet::kBlockWords;
}

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

void read_at(std::FILE* file, std::uint64_t* out, std::size_t count, std::int64_t offset) {
  std::size_t bytes = count * sizeof(std::uint64_t);
  auto* p = reinterpret_cast<char*>(out);
  while (bytes > 0) {
    ssize_t got = pread(fileno(file), p, bytes, offset);
    if (got <= 0) throw std::runtime_error("cannot read back the temporary file of seen ids");
    p += got;
    bytes -= static_cast<std::size_t>(got);
    offset += got;
  }
}

}  // namespace

std::uint64_t hash64(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  h = mix(h);
  return h == 0 ? 1 : h;
}

bool SeenSet::Run::maybe_contains(std::uint64_t hash) const {
  const std::size_t block = block_of(hash);
  std::uint64_t bits = mix(hash);
  for (int i = 0; i < kBloomProbes; ++i, bits >>= 9)
    if ((bloom[block + ((bits >> 6) & 7)] & (1ull << (bits & 63))) == 0) return false;
  return true;
}

void SeenSet::Run::add(std::uint64_t hash) {
  const std::size_t block = block_of(hash);
  std::uint64_t bits = mix(hash);
  for (int i = 0; i < kBloomProbes; ++i, bits >>= 9) bloom[block + ((bits >> 6) & 7)] |= 1ull << (bits & 63);
}

SeenSet::SeenSet(std::size_t max_table_slots)
    : max_table_slots_(std::bit_ceil(std::max<std::size_t>(max_table_slots, 8))) {  // the home is whole top bits
  map_table(std::min<std::size_t>(max_table_slots_, 1024));
}

SeenSet::~SeenSet() {
  unmap_table();
  if (file_ != nullptr) std::fclose(file_);
}

SeenSet::SeenSet(SeenSet&& other) noexcept
    : max_table_slots_(other.max_table_slots_),
      table_(other.table_),
      slots_(other.slots_),
      end_(other.end_),
      shift_(other.shift_),
      table_count_(other.table_count_),
      size_(other.size_),
      runs_(std::move(other.runs_)),
      file_(other.file_),
      spill_failed_(other.spill_failed_),
      failure_(std::move(other.failure_)) {
  other.table_ = nullptr;
  other.file_ = nullptr;
}

void SeenSet::map_table(std::size_t slots) {
  // The overflow tail: a whole number of pages once the table is large.
  const std::size_t end = slots + std::max<std::size_t>(8, slots / 64);
  const std::size_t bytes = end * sizeof(std::uint64_t);
  // A large table is mapped on a 2 MiB boundary, so that expect_many() can make all of it huge pages.
  const std::size_t slack = bytes >= kHugePage ? kHugePage : 0;
  void* memory = mmap(nullptr, bytes + slack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) throw std::bad_alloc();
  auto* first = static_cast<char*>(memory);
  char* aligned = first;
  if (slack != 0) {
    aligned = reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(first) + kHugePage - 1) & ~(kHugePage - 1));
    if (aligned > first) munmap(first, static_cast<std::size_t>(aligned - first));
    if (first + slack > aligned) munmap(aligned + bytes, static_cast<std::size_t>(first + slack - aligned));
  }
  table_ = reinterpret_cast<std::uint64_t*>(aligned);
  slots_ = slots;
  end_ = end;
  shift_ = 64 - std::countr_zero(slots);
}

void SeenSet::expect_many() {
  expect_many_ = true;
  if (slots_ < max_table_slots_) grow_table(max_table_slots_);
  // Only whole aligned 2 MiB pages can be huge ones.
  const auto begin = (reinterpret_cast<std::uintptr_t>(table_) + kHugePage - 1) & ~(kHugePage - 1);
  const auto end = reinterpret_cast<std::uintptr_t>(table_ + end_) & ~(kHugePage - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint: failure is harmless
}

void SeenSet::prepare() {
  if (!expect_many_ || size_ != 0) return;
  for (std::size_t i = 0; i < end_; i += 512) table_[i] = 0;  // one write a 4 KiB page: the table is empty
  spare_bloom_.assign(bloom_words(max_table_slots_ * 3 / 4 + 1), 0);
}

void SeenSet::unmap_table() {
  if (table_ != nullptr) munmap(table_, end_ * sizeof(std::uint64_t));
  table_ = nullptr;
}

std::size_t SeenSet::probe(std::uint64_t hash) const {
  std::size_t i = home(hash);
  while (i < end_ && table_[i] != hash && table_[i] != 0) ++i;
  return i;
}

bool SeenSet::table_contains(std::uint64_t hash) const {
  const std::size_t i = probe(hash);
  return i < end_ && table_[i] == hash;
}

void SeenSet::place(std::uint64_t hash) {
  std::size_t i;
  while ((i = probe(hash)) == end_) {
    // A cluster ran into the table's end.
    make_room();
  }
  table_[i] = hash;
  ++table_count_;
}

bool SeenSet::run_contains(const Run& run, std::uint64_t hash) const {
  std::size_t low = 0;
  std::size_t high = run.count;
  while (low < high) {
    std::size_t mid = low + (high - low) / 2;
    std::uint64_t value = 0;
    read_at(file_, &value, 1, run.offset + static_cast<std::int64_t>(mid * sizeof value));
    if (value == hash) return true;
    if (value < hash)
      low = mid + 1;
    else
      high = mid;
  }
  return false;
}

bool SeenSet::insert(std::uint64_t hash) {
  if (hash == 0) hash = 1;
  if (table_contains(hash)) return false;
  for (const Run& run : runs_)
    if (run.maybe_contains(hash) && run_contains(run, hash)) return false;
  place(hash);
  ++size_;
  if (table_count_ * 4 >= slots_ * 3) make_room();
  return true;
}

std::size_t SeenSet::sort_to_front() {
  std::size_t count = 0;
  for (std::size_t i = 0; i < end_; ++i)
    if (table_[i] != 0) table_[count++] = table_[i];
  // Each hash sits at or a little after its home, its top bits, so only
  // hashes within one cluster are out of order: an insertion sort is nearly
  // linear. Ids made to collide could make long clusters, hence the budget.
  std::size_t moves = 0;
  for (std::size_t i = 1; i < count; ++i) {
    const std::uint64_t value = table_[i];
    std::size_t j = i;
    for (; j > 0 && table_[j - 1] > value; --j) table_[j] = table_[j - 1];
    table_[j] = value;
    moves += i - j;
    if (moves > 16 * count) {
      std::sort(table_, table_ + count);
      break;
    }
  }
  return count;
}

void SeenSet::spill() {
  if (file_ == nullptr) {
    if (Result opened = open_spill_file("duplicate_ids", file_); !opened.ok()) {
      failure_ = opened;
      spill_failed_ = true;
      return;
    }
  }
  const std::size_t count = sort_to_front();
  Run run;
  if (std::fseek(file_, 0, SEEK_END) != 0) {
    spill_failed_ = true;
  } else {
    run.offset = std::ftell(file_);
    run.count = count;
    spill_failed_ = std::fwrite(table_, sizeof(std::uint64_t), count, file_) != count || std::fflush(file_) != 0;
  }
  if (spill_failed_) {
    // The run stops (failure()); until the caller sees it, the table keeps what it had.
    failure_ = Error{Problem("temporary_file_unavailable/duplicate_ids",
                             {{"folders", "TMPDIR"}, {"reason", system_error_field(errno != 0 ? errno : EIO)}}),
                     "", 0, 0};
    std::vector<std::uint64_t> kept(table_, table_ + count);
    std::fill(table_, table_ + end_, 0);
    table_count_ = 0;
    for (std::uint64_t h : kept) place(h);  // linear probing fills the same slots whatever the order: all fit
    return;
  }
  run.bloom = std::move(spare_bloom_);  // prepared, or empty
  run.bloom.assign(bloom_words(count), 0);
  for (std::size_t k = 0; k < count; ++k) run.add(table_[k]);
  std::fill(table_, table_ + end_, 0);
  table_count_ = 0;
  runs_.push_back(std::move(run));
  if (runs_.size() >= kMaxRuns) merge_runs();
}

void SeenSet::merge_runs() {
  std::FILE* merged_file = nullptr;
  if (!open_spill_file("duplicate_ids", merged_file).ok()) return;  // keep the runs as they are: still correct
  std::size_t total = 0;
  for (const Run& run : runs_) total += run.count;
  Run merged;
  merged.count = total;
  merged.bloom.assign(bloom_words(total), 0);

  struct Cursor {
    const Run* run;
    std::size_t next = 0;  // next index in the run to read into buffer
    std::vector<std::uint64_t> buffer;
    std::size_t at = 0;
  };
  std::vector<Cursor> cursors;
  for (const Run& run : runs_) cursors.push_back({&run, 0, {}, 0});
  auto refill = [&](Cursor& c) {
    std::size_t n = std::min(kMergeBuffer, c.run->count - c.next);
    c.buffer.resize(n);
    if (n > 0)
      read_at(file_, c.buffer.data(), n, c.run->offset + static_cast<std::int64_t>(c.next * sizeof(std::uint64_t)));
    c.next += n;
    c.at = 0;
  };
  for (Cursor& c : cursors) refill(c);
  std::vector<std::uint64_t> out;
  out.reserve(kMergeBuffer);
  bool ok = true;
  for (;;) {
    Cursor* best = nullptr;
    for (Cursor& c : cursors)
      if (c.at < c.buffer.size() && (best == nullptr || c.buffer[c.at] < best->buffer[best->at])) best = &c;
    if (best == nullptr) break;
    std::uint64_t h = best->buffer[best->at++];
    merged.add(h);
    out.push_back(h);
    if (out.size() == kMergeBuffer) {
      ok = ok && std::fwrite(out.data(), sizeof(std::uint64_t), out.size(), merged_file) == out.size();
      out.clear();
    }
    if (best->at == best->buffer.size()) refill(*best);
  }
  ok = ok && std::fwrite(out.data(), sizeof(std::uint64_t), out.size(), merged_file) == out.size() &&
       std::fflush(merged_file) == 0;
  if (!ok) {
    std::fclose(merged_file);  // disk full: the unmerged runs are still correct
    return;
  }
  std::fclose(file_);
  file_ = merged_file;
  runs_.clear();
  runs_.push_back(std::move(merged));
}

void SeenSet::make_room() {
  if (slots_ < max_table_slots_) {
    grow_table(slots_ * 2);
  } else {
    if (!spill_failed_) spill();
    if (spill_failed_) grow_table(slots_ * 2);  // memory is then unbounded, but the run stops (failure())
  }
}

void SeenSet::grow_table(std::size_t slots) {
  std::uint64_t* old = table_;
  const std::size_t old_end = end_;
  table_ = nullptr;
  try {
    map_table(slots);
  } catch (...) {
    table_ = old;
    end_ = old_end;
    throw;
  }
  table_count_ = 0;
  for (std::size_t i = 0; i < old_end; ++i)
    if (old[i] != 0) place(old[i]);
  munmap(old, old_end * sizeof(std::uint64_t));
}

}  // namespace ftstatus
