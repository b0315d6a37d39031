#pragma once
// A set of id strings numbered in the order they came, for holding one export
// while another is compared against it: the ids' text in one buffer and an
// open-addressing table of their numbers, so an id costs its bytes and a few
// words, with no allocation of its own.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ftstatus {

class IdTable {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // The id's number, or npos.
  std::size_t find(std::string_view id) const;
  // The id's number and whether it is new.
  std::pair<std::size_t, bool> insert(std::string_view id);
  std::string_view id(std::size_t number) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t hash;
    std::size_t offset;
    std::size_t length;
  };
  std::size_t slot_of(std::uint64_t hash, std::string_view id) const;
  void grow();
  std::string text_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // an entry's number + 1; 0 is empty
};

}  // namespace ftstatus
