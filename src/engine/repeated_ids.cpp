#include "engine/repeated_ids.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <queue>

#include "io/temporary_files.h"

namespace ftstatus {

namespace {

bool key_less(std::uint64_t hash_a, std::uint32_t check_a, std::uint64_t hash_b, std::uint32_t check_b) {
  return hash_a != hash_b ? hash_a < hash_b : check_a < check_b;
}

}  // namespace

RepeatedIds::RepeatedIds(std::size_t memory_bytes)
    : capacity_(std::max<std::size_t>(memory_bytes / sizeof(Entry), 1024)) {}

RepeatedIds::~RepeatedIds() {
  if (file_ != nullptr) std::fclose(file_);
}

std::uint32_t RepeatedIds::check_hash(std::string_view text) {
  // A multiply-add over the bytes, unrelated to hash64's FNV-1a, then a finalizer.
  std::uint64_t h = 0x243f6a8885a308d3ull;
  for (char c : text) h = (h + static_cast<unsigned char>(c) + 1) * 0x2127599bf4325c37ull;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return static_cast<std::uint32_t>(h);
}

void RepeatedIds::add(std::uint32_t row, unsigned column, std::uint64_t hash, std::uint32_t check) {
  if (buffer_.capacity() == 0) buffer_.reserve(capacity_);
  buffer_.push_back({hash, (check << 6) | (column & 63u), row});
  if (buffer_.size() == capacity_ && failure_.ok()) failure_ = spill();
}

Result RepeatedIds::failed(int error) {
  return Error{Problem("temporary_file_unavailable/duplicate_ids",
                       {{"folders", "TMPDIR"}, {"reason", system_error_field(error != 0 ? error : EIO)}}),
               "", 0, 0};
}

Result RepeatedIds::spill() {
  if (file_ == nullptr)
    if (Result opened = open_spill_file("duplicate_ids", file_); !opened.ok()) return opened;
  std::sort(buffer_.begin(), buffer_.end(), [](const Entry& a, const Entry& b) {
    if (a.hash != b.hash || a.check_and_column != b.check_and_column)
      return key_less(a.hash, a.check_and_column, b.hash, b.check_and_column);
    return a.row < b.row;
  });
  // One run, written in as few calls as the system allows: sequential, never a write per id.
  const auto* bytes = reinterpret_cast<const char*>(buffer_.data());
  std::size_t left = buffer_.size() * sizeof(Entry);
  std::int64_t at = file_size_;
  while (left > 0) {
    ++io_calls_;
    const ssize_t wrote = pwrite(fileno(file_), bytes, left, at);
    if (wrote <= 0) return failed(errno);
    bytes += wrote;
    left -= static_cast<std::size_t>(wrote);
    at += wrote;
  }
  runs_.push_back({file_size_, buffer_.size()});
  file_size_ = at;
  buffer_.clear();
  return {};
}

void RepeatedIds::collect_one(const Entry& entry) {
  // Sorted by id, then row: the first row of an id is its first appearance, every later one repeats it.
  if (have_last_ && entry.hash == last_hash_ && entry.check_and_column == last_check_) {
    repeats_.push_back(std::uint64_t{entry.row} << 6 | (entry.check_and_column & 63u));
    return;
  }
  have_last_ = true;
  last_hash_ = entry.hash;
  last_check_ = entry.check_and_column;
}

void RepeatedIds::collect(std::vector<Entry>::const_iterator begin, std::vector<Entry>::const_iterator end) {
  for (auto it = begin; it != end; ++it) collect_one(*it);
}

Result RepeatedIds::merge() {
  // The sort buffer's memory, shared out as one read buffer per run.
  const std::size_t runs = runs_.size();
  const std::size_t slice = std::max<std::size_t>(capacity_ / runs, 64);
  buffer_.resize(slice * runs);
  struct Cursor {
    std::size_t next = 0;  // entries of the run read so far
    std::size_t at = 0;    // in the slice
    std::size_t size = 0;  // entries in the slice
  };
  std::vector<Cursor> cursors(runs);
  auto refill = [&](std::size_t r) -> bool {
    Cursor& c = cursors[r];
    const std::size_t count = std::min(slice, runs_[r].count - c.next);
    auto* bytes = reinterpret_cast<char*>(buffer_.data() + r * slice);
    std::size_t left = count * sizeof(Entry);
    std::int64_t at = runs_[r].offset + static_cast<std::int64_t>(c.next * sizeof(Entry));
    while (left > 0) {
      ++io_calls_;
      const ssize_t got = pread(fileno(file_), bytes, left, at);
      if (got <= 0) return false;
      bytes += got;
      left -= static_cast<std::size_t>(got);
      at += got;
    }
    c.next += count;
    c.at = 0;
    c.size = count;
    return true;
  };
  auto entry = [&](std::size_t r) -> const Entry& { return buffer_[r * slice + cursors[r].at]; };
  auto later = [&](std::size_t a, std::size_t b) {
    const Entry& x = entry(a);
    const Entry& y = entry(b);
    if (x.hash != y.hash || x.check_and_column != y.check_and_column)
      return key_less(y.hash, y.check_and_column, x.hash, x.check_and_column);
    return x.row > y.row;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heap(later);
  for (std::size_t r = 0; r < runs; ++r) {
    if (!refill(r)) return failed(errno);
    if (cursors[r].size > 0) heap.push(r);
  }
  while (!heap.empty()) {
    const std::size_t r = heap.top();
    heap.pop();
    collect_one(entry(r));
    if (++cursors[r].at == cursors[r].size) {
      if (cursors[r].next == runs_[r].count) continue;
      if (!refill(r)) return failed(errno);
    }
    heap.push(r);
  }
  return {};
}

Result RepeatedIds::finish() {
  if (!failure_.ok()) return failure_;
  if (runs_.empty()) {
    std::sort(buffer_.begin(), buffer_.end(), [](const Entry& a, const Entry& b) {
      if (a.hash != b.hash || a.check_and_column != b.check_and_column)
        return key_less(a.hash, a.check_and_column, b.hash, b.check_and_column);
      return a.row < b.row;
    });
    collect(buffer_.begin(), buffer_.end());
  } else {
    if (!buffer_.empty())
      if (Result s = spill(); !s.ok()) return s;
    if (Result s = merge(); !s.ok()) return s;
  }
  std::vector<Entry>().swap(buffer_);
  std::sort(repeats_.begin(), repeats_.end());
  next_ = 0;
  return {};
}

std::uint64_t RepeatedIds::repeats_of(std::uint32_t row) {
  std::uint64_t columns = 0;
  while (next_ < repeats_.size() && (repeats_[next_] >> 6) < row) ++next_;
  while (next_ < repeats_.size() && (repeats_[next_] >> 6) == row)
    columns |= std::uint64_t{1} << (repeats_[next_++] & 63u);
  return columns;
}

}  // namespace ftstatus
