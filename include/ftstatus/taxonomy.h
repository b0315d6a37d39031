#pragma once
// ftstatus public API, layer: model.
// The status taxonomy: L1 statuses, the L2s under them and optional L3s.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ftstatus/lang.h"

namespace ftstatus {

using StatusIndex = int;
inline constexpr StatusIndex kNoStatus = -1;

// Whether a status needs a target date and how far ahead it may be. Values a
// status does not set are inherited from its parent when the file is loaded,
// so every Status holds its effective policy.
struct TargetDatePolicy {
  bool required = false;
  LocalizedText meaning;
  int max_days_ahead = 365;
  // How many days after the as-of date ftstatus proposes as the target date
  // of a row that needs one and has none (or a past one); 0 when the file
  // gives none: see proposed_days().
  int propose_days = 0;
  static constexpr int kDefaultProposeDays = 90;
  int proposed_days() const { return propose_days > 0 ? propose_days : std::min(kDefaultProposeDays, max_days_ahead); }
};

struct Status {
  std::string id;
  int level = 1;  // 1, 2 or 3
  LocalizedText name;
  LocalizedText description;
  LocalizedText notes;  // the playbook's guidance, e.g. "technology, not people"
  std::vector<std::string> aliases;
  TargetDatePolicy target_date;
  bool leaf = false;  // may not have children (duplicate_invalid takes no L2)
  StatusIndex parent = kNoStatus;
  std::vector<StatusIndex> children;
  int line = 0;  // where it is defined in the taxonomy file
};

class Taxonomy {
 public:
  std::string id;
  LocalizedText name;
  std::string source;
  int max_days_ahead = 365;

  const std::vector<Status>& statuses() const { return statuses_; }
  const Status& at(StatusIndex i) const { return statuses_[static_cast<std::size_t>(i)]; }
  const std::vector<StatusIndex>& roots() const { return roots_; }

  // Adds a status under `parent` (kNoStatus for an L1) and returns its index.
  StatusIndex add(Status status, StatusIndex parent);

  // Finds a status by id, English or Spanish name or alias, compared with
  // normalize_name(). Searches the children of `parent` (the L1s when parent
  // is kNoStatus).
  StatusIndex find_child(StatusIndex parent, std::string_view text) const;
  // Finds a status of `level` anywhere in the tree (first in file order).
  StatusIndex find_at_level(int level, std::string_view text) const;
  // The statuses among `candidates` whose names are closest to `name`, best first.
  std::vector<StatusIndex> closest(const std::vector<StatusIndex>& candidates, std::string_view text,
                                   std::size_t max_count = 3) const;
  // All statuses of one level, in file order.
  std::vector<StatusIndex> at_level(int level) const;
  // "in_progress/migration".
  std::string path(StatusIndex i) const;
  // Number of levels the taxonomy uses (2 for FastTrack, 3 with L3s).
  int depth() const;

  // Every normalized key (id, names, aliases) that finds status i.
  std::vector<std::string> keys(StatusIndex i) const;

 private:
  std::vector<Status> statuses_;
  std::vector<StatusIndex> roots_;
  // normalized key -> statuses it names, so a lookup is one hash probe.
  std::unordered_map<std::string, std::vector<StatusIndex>> by_key_;
};

}  // namespace ftstatus
