#pragma once
// A set of 64-bit hashes in one flat array (open addressing, linear probing):
// no allocation per insert, 8 bytes a slot, so remembering every entitlement
// id of a large file stays cheap.
#include <cstdint>
#include <string_view>
#include <vector>

namespace ftstatus {

// FNV-1a followed by a 64-bit finalizer; 0 is reserved for empty slots.
std::uint64_t hash64(std::string_view text);

class FlatHashSet64 {
 public:
  // Inserts `hash`; false when it was already there.
  bool insert(std::uint64_t hash);
  std::size_t size() const { return size_; }

 private:
  void grow();
  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

}  // namespace ftstatus
