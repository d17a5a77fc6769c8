// "Similar municipalities" (issue #16): those of the same prefecture, of the
// same kind (区/市/町/村), or of a group a user made. A user's groups are user
// data (schema version 5, table municipality_group): one row per member, keyed
// by municipality id with no foreign key, so re-importing plans never touches
// them; every edit is one transaction and can be undone (the app's Ctrl+Z, or
// the inverse `wardscope groups` command).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

class Store;

// One member of a user's group, as stored.
struct GroupMember {
    std::int64_t id = 0;
    std::string group_name;       // as the user typed it (trimmed); never empty
    std::string municipality_id;  // need not be in the database (kept when a re-import drops it)
    std::string added_at;         // UTC, ISO 8601
};

// A group with its members in the order they were added.
struct MunicipalityGroup {
    std::string name;
    std::vector<std::string> municipality_ids;
};

inline constexpr std::size_t max_group_name_bytes = 200;

// Every group, by name (byte order); empty for a database before version 5
// (read-only). A row that cannot be read is skipped with a message in
// `skipped` when given, else throws Error.
std::vector<MunicipalityGroup> read_municipality_groups(const Store& store, std::vector<std::string>* skipped = nullptr);
// Adds the municipalities to the group (made when new), in one transaction:
// all or nothing. Each municipality must be in the database; the name valid
// UTF-8 without control characters, at most max_group_name_bytes once
// trimmed. Returns the rows stored (members already are skipped: nothing
// written for them). Throws Error naming every problem; nothing is written then.
std::vector<GroupMember> add_group_members(Store& store, std::string_view group_name, const std::vector<std::string>& municipality_ids);
// Removes the municipalities from the group (an empty group is gone), in one
// transaction. Returns the rows removed (for undo); a municipality that was
// not a member is an Error naming it, and nothing is removed then.
std::vector<GroupMember> remove_group_members(Store& store, std::string_view group_name, const std::vector<std::string>& municipality_ids);
// Undo of a removal: the rows put back as they were (their ids and times; the
// municipalities need not be in the database any more), in one transaction.
void restore_group_members(Store& store, const std::vector<GroupMember>& members);
// The name as stored: trimmed of spaces (ASCII and ideographic).
std::string group_name_of(std::string_view typed);

// How municipalities are similar.
enum class SimilarBy { prefecture, kind, group };
std::string_view to_string(SimilarBy);
std::optional<SimilarBy> similar_by_from(std::string_view);

// The municipalities similar to `municipality_id` by `by` (for `group`: the
// members of the group `group_name`, which need not include it), itself left
// out, in the dataset's order (members not in the dataset are left out).
// Empty when the municipality is unknown, or its prefecture / kind is.
std::vector<std::string> similar_municipalities(const Dataset& data, const std::vector<MunicipalityGroup>& groups,
                                                const std::string& municipality_id, SimilarBy by,
                                                std::string_view group_name = {});

// The compare preset: the current plans (Dataset::plans order; a plan is
// current when its period holds `fiscal_year`, else the municipality's latest
// by start year) of up to `most` of the similar municipalities, in their order.
std::vector<std::string> similar_current_plans(const Dataset& data, const std::vector<std::string>& municipality_ids,
                                               int fiscal_year, std::size_t most = 4);

}  // namespace wardscope
