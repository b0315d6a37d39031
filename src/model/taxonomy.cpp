#include "ftstatus/taxonomy.h"

#include <algorithm>

#include "model/names.h"

namespace ftstatus {

StatusIndex Taxonomy::add(Status status, StatusIndex parent) {
  auto index = static_cast<StatusIndex>(statuses_.size());
  status.parent = parent;
  status.level = parent == kNoStatus ? 1 : at(parent).level + 1;
  statuses_.push_back(std::move(status));
  if (parent == kNoStatus)
    roots_.push_back(index);
  else
    statuses_[static_cast<std::size_t>(parent)].children.push_back(index);
  for (const std::string& key : keys(index)) {
    auto& list = by_key_[key];
    if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
  }
  return index;
}

std::vector<std::string> Taxonomy::keys(StatusIndex i) const {
  const Status& s = at(i);
  std::vector<std::string> out;
  auto add_key = [&](const std::string& text) {
    if (text.empty()) return;
    std::string key = normalize_name(text);
    if (!key.empty() && std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  };
  add_key(s.id);
  add_key(s.name.en);
  add_key(s.name.es);
  for (const auto& alias : s.aliases) add_key(alias);
  return out;
}

StatusIndex Taxonomy::find_child(StatusIndex parent, std::string_view text) const {
  auto it = by_key_.find(normalize_name(text));
  if (it == by_key_.end()) return kNoStatus;
  for (StatusIndex i : it->second)
    if (at(i).parent == parent) return i;
  return kNoStatus;
}

StatusIndex Taxonomy::find_at_level(int level, std::string_view text) const {
  auto it = by_key_.find(normalize_name(text));
  if (it == by_key_.end()) return kNoStatus;
  for (StatusIndex i : it->second)
    if (at(i).level == level) return i;
  return kNoStatus;
}

std::vector<StatusIndex> Taxonomy::closest(const std::vector<StatusIndex>& candidates, std::string_view text,
                                           std::size_t max_count) const {
  std::string wanted = normalize_name(text);
  std::vector<std::pair<std::size_t, StatusIndex>> scored;
  for (StatusIndex i : candidates) {
    std::size_t best = std::string::npos;
    for (const std::string& key : keys(i)) {
      std::size_t d = edit_distance(wanted, key);
      // A typed fragment of a long name ("onboarding") is a strong hint.
      if (!wanted.empty() && key.find(wanted) != std::string::npos) d = std::min<std::size_t>(d, 1);
      best = std::min(best, d);
    }
    scored.emplace_back(best, i);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<StatusIndex> out;
  for (const auto& [distance, i] : scored) {
    if (out.size() == max_count) break;
    out.push_back(i);
  }
  return out;
}

std::vector<StatusIndex> Taxonomy::at_level(int level) const {
  std::vector<StatusIndex> out;
  for (std::size_t i = 0; i < statuses_.size(); ++i)
    if (statuses_[i].level == level) out.push_back(static_cast<StatusIndex>(i));
  return out;
}

std::string Taxonomy::path(StatusIndex i) const {
  std::string out = at(i).id;
  for (StatusIndex p = at(i).parent; p != kNoStatus; p = at(p).parent) out.insert(0, at(p).id + '/');
  return out;
}

int Taxonomy::depth() const {
  int depth = 0;
  for (const Status& s : statuses_) depth = std::max(depth, s.level);
  return depth;
}

}  // namespace ftstatus
