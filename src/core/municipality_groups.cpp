// A user's groups of municipalities and "similar municipalities" (include/wardscope/municipality_groups.hpp).
#include "wardscope/municipality_groups.hpp"

#include <algorithm>
#include <map>

#include <sqlite3.h>

#include "record_sql.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/error.hpp"
#include "wardscope/records.hpp"
#include "wardscope/store.hpp"
#include "wardscope/utf8.hpp"

namespace wardscope {

namespace {

std::string member_select() {
    return "SELECT " + records::select_columns(records::municipality_group) + " FROM municipality_group";
}

std::optional<GroupMember> find_member(sqlite3* db, const std::string& name, const std::string& municipality_id) {
    sql::Statement st(db, member_select() + " WHERE group_name = ? AND municipality_id = ?");
    st.bind_all(name, municipality_id);
    if (!st.step()) return std::nullopt;
    GroupMember m;
    records::read_fields(records::municipality_group, st, 0, m);
    return m;
}

void require_version_5(sqlite3* db) {
    if (!sql::has_table(db, "municipality_group"))
        throw Error("this database has no municipality groups (schema version before 5): open it for writing to upgrade it");
}

}  // namespace

std::string group_name_of(std::string_view typed) {
    const std::string_view ideographic_space = "\u3000";
    for (bool trimmed = true; trimmed && !typed.empty();) {
        trimmed = false;
        if (typed.front() == ' ') typed.remove_prefix(1), trimmed = true;
        else if (typed.starts_with(ideographic_space)) typed.remove_prefix(ideographic_space.size()), trimmed = true;
        if (typed.empty()) break;
        if (typed.back() == ' ') typed.remove_suffix(1), trimmed = true;
        else if (typed.ends_with(ideographic_space)) typed.remove_suffix(ideographic_space.size()), trimmed = true;
    }
    return std::string(typed);
}

std::vector<MunicipalityGroup> read_municipality_groups(const Store& store, std::vector<std::string>* skipped) {
    std::vector<MunicipalityGroup> out;
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "municipality_group")) return out;  // a read-only open of a version 1–4 database
    sql::Statement st(db, member_select() + " ORDER BY group_name, id");
    while (st.step()) {
        GroupMember m;
        try {
            records::read_fields(records::municipality_group, st, 0, m);
        } catch (const Error& e) {
            if (!skipped) throw;
            skipped->push_back(std::string("a damaged group member was skipped: ") + e.what());
            continue;
        }
        if (out.empty() || out.back().name != m.group_name) out.push_back({m.group_name, {}});
        out.back().municipality_ids.push_back(m.municipality_id);
    }
    return out;
}

std::vector<GroupMember> add_group_members(Store& store, std::string_view group_name, const std::vector<std::string>& municipality_ids) {
    sqlite3* db = store.handle();
    require_version_5(db);
    const std::string name = group_name_of(group_name);
    std::vector<std::string> problems;
    if (name.empty()) problems.push_back("the group needs a name");
    else if (find_invalid_utf8(name) != std::string_view::npos) problems.push_back("the group name is not valid UTF-8");
    else if (auto control = control_character_problem(name, TextKind::one_line)) problems.push_back("the group name " + *control);
    if (name.size() > max_group_name_bytes)
        problems.push_back("the group name is too long (" + std::to_string(name.size()) + " bytes, at most " +
                           std::to_string(max_group_name_bytes) + ")");
    if (municipality_ids.empty()) problems.push_back("no municipality to add");
    sql::Statement exists(db, "SELECT 1 FROM municipality WHERE id = ?");
    for (const std::string& id : municipality_ids) {
        exists.bind_all(id);
        if (!exists.step()) problems.push_back("there is no municipality '" + id + "'");
        exists.reset();
    }
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
        throw Error(message);
    }
    std::vector<GroupMember> added;
    sql::Transaction tx(db);
    sql::Statement insert(db, "INSERT INTO municipality_group (group_name, municipality_id) VALUES (?, ?)");
    for (const std::string& id : municipality_ids) {
        if (find_member(db, name, id)) continue;  // a member already (or named twice)
        insert.bind_all(name, id).run();
        insert.reset();
        added.push_back(*find_member(db, name, id));
    }
    tx.commit();
    return added;
}

std::vector<GroupMember> remove_group_members(Store& store, std::string_view group_name, const std::vector<std::string>& municipality_ids) {
    sqlite3* db = store.handle();
    const std::string name = group_name_of(group_name);
    std::vector<GroupMember> removed;
    if (!sql::has_table(db, "municipality_group")) throw Error("there is no group '" + name + "' (no groups in this database)");
    std::vector<std::string> problems;
    sql::Transaction tx(db);
    sql::Statement remove(db, "DELETE FROM municipality_group WHERE id = ?");
    for (const std::string& id : municipality_ids) {
        std::optional<GroupMember> m = find_member(db, name, id);
        if (!m) {
            if (std::none_of(removed.begin(), removed.end(), [&](const GroupMember& r) { return r.municipality_id == id; }))
                problems.push_back("'" + id + "' is not in the group '" + name + "'");
            continue;
        }
        remove.bind_all(m->id).run();
        remove.reset();
        removed.push_back(std::move(*m));
    }
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
        throw Error(message);  // rolled back: nothing removed
    }
    tx.commit();
    return removed;
}

void restore_group_members(Store& store, const std::vector<GroupMember>& members) {
    sqlite3* db = store.handle();
    require_version_5(db);
    sql::Transaction tx(db);
    sql::Statement taken(db, "SELECT 1 FROM municipality_group WHERE id = ?");
    for (const GroupMember& member : members) {
        if (find_member(db, member.group_name, member.municipality_id)) continue;  // a member again meanwhile
        // Its own id when free (a group's order is by id), else a new one at the end.
        taken.bind_all(member.id);
        const bool id_taken = taken.step();
        taken.reset();
        if (id_taken) records::RowInsert(db, records::municipality_group, {}).run(member);
        else records::RowInsert(db, records::municipality_group, {"id"}).run(member, member.id);
    }
    tx.commit();
}

std::string_view to_string(SimilarBy by) {
    switch (by) {
        case SimilarBy::prefecture: return "prefecture";
        case SimilarBy::kind: return "kind";
        case SimilarBy::group: return "group";
    }
    return "prefecture";
}

std::optional<SimilarBy> similar_by_from(std::string_view text) {
    for (SimilarBy by : {SimilarBy::prefecture, SimilarBy::kind, SimilarBy::group})
        if (text == to_string(by)) return by;
    return std::nullopt;
}

std::vector<std::string> similar_municipalities(const Dataset& data, const std::vector<MunicipalityGroup>& groups,
                                                const std::string& municipality_id, SimilarBy by, std::string_view group_name) {
    std::vector<std::string> out;
    const Municipality* self = data.find_municipality(municipality_id);
    if (by == SimilarBy::group) {
        const auto g = std::find_if(groups.begin(), groups.end(), [&](const MunicipalityGroup& x) { return x.name == group_name; });
        if (g == groups.end()) return out;
        for (const Municipality& m : data.municipalities)
            if (m.id != municipality_id &&
                std::find(g->municipality_ids.begin(), g->municipality_ids.end(), m.id) != g->municipality_ids.end())
                out.push_back(m.id);
        return out;
    }
    if (!self) return out;
    const std::string& key = by == SimilarBy::prefecture ? self->prefecture : self->kind;
    if (key.empty()) return out;  // unknown is like nothing
    for (const Municipality& m : data.municipalities)
        if (m.id != municipality_id && (by == SimilarBy::prefecture ? m.prefecture : m.kind) == key) out.push_back(m.id);
    return out;
}

std::vector<std::string> similar_current_plans(const Dataset& data, const std::vector<std::string>& municipality_ids,
                                               int fiscal_year, std::size_t most) {
    // Per municipality: the plan whose period holds the year, else its latest by start year.
    std::map<std::string, const Plan*> current;
    const auto holds = [&](const Plan& p) {
        return p.start_fy && *p.start_fy <= fiscal_year && (!p.end_fy || fiscal_year <= *p.end_fy);
    };
    for (const Plan& p : data.plans) {
        const Plan*& best = current[p.municipality_id];
        if (!best) {
            best = &p;
            continue;
        }
        const bool p_holds = holds(p), best_holds = holds(*best);
        if (p_holds != best_holds) {
            if (p_holds) best = &p;
        } else if (p.start_fy.value_or(INT32_MIN) > best->start_fy.value_or(INT32_MIN)) {
            best = &p;
        }
    }
    std::vector<std::string> out;
    for (const std::string& id : municipality_ids) {
        if (out.size() >= most) break;
        if (const auto it = current.find(id); it != current.end()) out.push_back(it->second->id);
    }
    return out;
}

}  // namespace wardscope
