#include "engine/id_table.h"

#include <stdexcept>

#include "engine/seen_set.h"

namespace ftstatus {

std::size_t IdTable::slot_of(std::uint64_t hash, std::string_view id) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
    const std::uint32_t taken = slots_[slot];
    if (taken == 0) return slot;
    const Entry& entry = entries_[taken - 1];
    if (entry.hash == hash && this->id(taken - 1) == id) return slot;
  }
}

std::size_t IdTable::find(std::string_view id) const {
  if (slots_.empty()) return npos;
  const std::uint32_t taken = slots_[slot_of(hash64(id), id)];
  return taken == 0 ? npos : taken - 1;
}

std::pair<std::size_t, bool> IdTable::insert(std::string_view id) {
  // At most half full, so a probe ends soon.
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();
  const std::uint64_t hash = hash64(id);
  const std::size_t slot = slot_of(hash, id);
  if (slots_[slot] != 0) return {slots_[slot] - 1, false};
  if (entries_.size() >= UINT32_MAX - 1) throw std::length_error("IdTable: more than 4 billion ids");
  entries_.push_back({hash, text_.size(), id.size()});
  text_.append(id);
  slots_[slot] = static_cast<std::uint32_t>(entries_.size());
  return {entries_.size() - 1, true};
}

std::string_view IdTable::id(std::size_t number) const {
  const Entry& entry = entries_[number];
  return std::string_view(text_).substr(entry.offset, entry.length);
}

void IdTable::grow() {
  slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t n = 0; n < entries_.size(); ++n) {
    std::size_t slot = static_cast<std::size_t>(entries_[n].hash) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = static_cast<std::uint32_t>(n + 1);
  }
}

}  // namespace ftstatus
