#include "wardscope/store.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <functional>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <sqlite3.h>

#include "record_sql.hpp"
#include "schema.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/error.hpp"
#include "wardscope/file_names.hpp"
#include "wardscope/plan_json.hpp"

namespace wardscope {
namespace fs = std::filesystem;
using sql::Statement;

namespace {

std::uint32_t big_endian(const unsigned char* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    return v;
}

bool non_empty_file(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && fs::file_size(path, ec) > 0 && !ec;
}

fs::path with_suffix(const fs::path& path, const char* suffix) {
    fs::path out = path;
    out += suffix;
    return out;
}

// Looks at the file before SQLite does, so that an empty, foreign or cut-off
// file gets a precise message and is never initialised or written by accident.
void check_file_header(const fs::path& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error(path.string() + ": cannot read the file (" + ec.message() + ")");
    if (size == 0) throw Error(path.string() + ": the file is empty (0 bytes), not a wardscope database");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read the file (permission denied)");
    unsigned char header[100] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    const auto got = in.gcount();
    if (got < 16 || std::memcmp(header, "SQLite format 3\0", 16) != 0)
        throw Error(path.string() + ": not a SQLite database (the file does not start with the SQLite header)");
    if (got < 100) throw Error(path.string() + ": the file is truncated (" + std::to_string(size) + " bytes, shorter than a SQLite header)");
    // Bytes 18–19: 2 in WAL mode, which wardscope never sets; a -wal file beside
    // it would be replayed by any open, as a stale journal would.
    if (header[18] == 2 || header[19] == 2)
        throw Error(path.string() + ": the database is in WAL mode, which wardscope does not use; nothing was read or written. "
                                    "If it is yours, switch it back with: sqlite3 " + path.string() + " 'PRAGMA journal_mode=DELETE'");
    // A journal or WAL beside the file holds changes SQLite will replay or undo:
    // only then may the file legitimately differ from what its header says.
    if (non_empty_file(with_suffix(path, "-journal")) || non_empty_file(with_suffix(path, "-wal"))) return;
    const std::uint32_t raw_page_size = big_endian(header + 16, 2);
    const std::uint64_t page_size = raw_page_size == 1 ? 65536 : raw_page_size;
    if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
        throw Error(path.string() + ": the database file is damaged (invalid page size in its header)");
    // The header's page count is valid when its "version valid for" matches the change counter (sqlite.org/fileformat.html).
    const std::uint32_t pages = big_endian(header + 28, 4);
    const bool count_valid = pages != 0 && big_endian(header + 24, 4) == big_endian(header + 92, 4);
    if ((count_valid && size < page_size * pages) || size % page_size != 0)
        throw Error(path.string() + ": the database file is truncated (" + std::to_string(size) + " bytes" +
                    (count_valid ? ", its header says " + std::to_string(page_size * pages) : std::string()) +
                    "): restore it from a backup or create it again with `wardscope import`");
}

int read_user_version(sqlite3* db) {
    Statement st(db, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

std::int64_t read_application_id(sqlite3* db) {
    Statement st(db, "PRAGMA application_id");
    return st.step() ? st.integer(0) : 0;
}

// Rejects files that are SQLite but not ours, or from a newer wardscope.
// Returns the schema version found (0: an empty database).
int check_schema(sqlite3* db, const fs::path& path, bool allow_empty) {
    int version = 0;
    std::int64_t application = 0;
    bool empty = false;
    try {
        version = read_user_version(db);
        application = read_application_id(db);
        Statement probe(db, "SELECT count(*) FROM sqlite_master");
        probe.step();
        empty = probe.integer(0) == 0;
    } catch (const Error& e) {
        throw Error(path.string() + ": " + e.what());
    }
    if (application != 0 && application != application_id)
        throw Error(path.string() + ": a SQLite database of another program (application id " + std::to_string(application) +
                    "), not a wardscope database");
    if (version > schema_version)
        throw Error(path.string() + ": the database has schema version " + std::to_string(version) +
                    ", newer than this wardscope understands (" + std::to_string(schema_version) +
                    "): use a newer wardscope");
    if (version == 0) {
        if (!(empty && allow_empty))
            throw Error(path.string() + (empty ? ": the database is empty (no wardscope schema): create it with `wardscope import`"
                                               : ": a SQLite database, but not a wardscope database (no schema version)"));
    } else if (!sql::has_table(db, "plan")) {
        throw Error(path.string() + ": the wardscope schema is incomplete (table 'plan' is missing)");
    } else if (version >= 2 && application != application_id) {
        throw Error(path.string() + ": schema version " + std::to_string(version) +
                    " but no wardscope application id: not a wardscope database");
    }
    return version;
}

sqlite3* open_handle(const fs::path& path, sql::Access access) {
    // Before SQLite's first use: no global allocation statistics, which take a
    // process-wide mutex on every malloc and free (≈ 12 % of an import). We
    // never call sqlite3_memory_used(). It fails harmlessly when too late.
    static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)memstatus_off;
    return sql::open_connection(path, access);
}

// Closes the handle unless released (open() throws half-way).
struct HandleGuard {
    sqlite3* db;
    ~HandleGuard() { sqlite3_close(db); }
    sqlite3* release() { return std::exchange(db, nullptr); }
};

bool writable(const fs::path& path) { return can_write(path); }

fs::path folder_of(const fs::path& path) { return path.has_parent_path() ? path.parent_path() : fs::path("."); }

// The changes from each older schema version to the next (docs/schema.md).
struct Migration {
    int to_version;
    const char* sql;
    std::string (*make_sql)() = nullptr;  // a step built from the field tables (not yet released)
};
const Migration migrations[] = {
    // 2: the file says it is wardscope's (PRAGMA application_id), so other
    // programs' SQLite files are told apart from ours without guessing.
    {2, "PRAGMA application_id = 1465074512"},
    // 3: notes, votes and slides from workshops.
    {3, workshop_tables_v3_sql},
    // 4: the user's decisions on generation diffs (confirmed and broken
    // matches); plan format 2 — levels a plan declares, cross-listed nodes,
    // unknown names (node rebuilt: see migrate()); source documents, a plan's
    // authors, approvals and budget lines; every source that described a
    // municipality (its prefecture and reading are added columns).
    {4, nullptr, version_4_sql},
    {4, source_tables_v4_sql},
    {4, municipality_sources_v4_sql},
    // KPI revisions, qualitative results, targets per year (docs/kpi-status.md), evaluations.
    {4, kpi_tables_v4_sql},
    // 5: a user's groups of municipalities ("similar municipalities", issue #16).
    {5, municipality_groups_v5_sql},
    // 5: a plan's statements about itself (brand statement, focus-field qualifier …).
    {5, statement_tables_v5_sql},
    // Analysis items without a SWOT quadrant (swot_item rebuilt: run with foreign keys off).
    {5, swot_unmapped_v5_sql},
};
// Columns added to record tables need no entry here: their field tables say
// which version added them (records::Field::added_in).
// A version's step may have several parts (version 4: from several branches
// of one unreleased version); upgrade_step runs each version's in order.
static_assert(std::size(migrations) <= 3 * (schema_version - 1), "a few migrations per schema version after 1");

// ALTER TABLE … ADD COLUMN for the columns `version` added to record tables,
// unless the table has it already (a database made by a build of that version).
void add_columns(sqlite3* db, int version) {
    Statement exists(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    for (const records::AddedColumn& added : added_columns(version)) {
        exists.bind_all(added.table, added.column);
        const bool present = exists.step();
        exists.reset();
        // Names and declarations come from the field tables, never from data.
        if (!present)
            sql::exec(db, (std::string("ALTER TABLE ") + added.table + " ADD COLUMN " + added.column + " " + added.sql).c_str());
    }
}

// One schema version's step: its migration, then the record columns it added.
// Creating, upgrading and the reference of verify_schema_objects all take
// these steps, so a new file and an upgraded one hold the same schema text.
void upgrade_step(sqlite3* db, int version) {
    for (const Migration& m : migrations)
        if (m.to_version == version) sql::exec(db, m.make_sql ? m.make_sql().c_str() : m.sql);
    add_columns(db, version);
}

// A name beside the database that is not taken: wardscope.db.v1-backup, -2, -3 …
fs::path backup_path(const fs::path& path, int version) {
    const fs::path base = with_suffix(path, (".v" + std::to_string(version) + "-backup").c_str());
    fs::path candidate = base;
    std::error_code ec;
    for (int n = 2; fs::exists(candidate, ec) || fs::exists(with_suffix(candidate, "-journal"), ec); ++n)
        candidate = with_suffix(base, ("-" + std::to_string(n)).c_str());
    return candidate;
}

// A consistent copy of `db` (the online backup API) into a new file.
void write_backup(sqlite3* db, const fs::path& target) {
    sqlite3* copy = nullptr;
    int rc = sqlite3_open_v2(utf8_name(target).c_str(), &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, nullptr);
    HandleGuard guard{copy};
    if (rc == SQLITE_OK) {
        sqlite3_backup* backup = sqlite3_backup_init(copy, "main", db, "main");
        if (!backup) {
            rc = sqlite3_errcode(copy);
        } else {
            rc = sqlite3_backup_step(backup, -1);
            const int finish = sqlite3_backup_finish(backup);
            rc = rc == SQLITE_DONE ? finish : rc;
        }
    }
    if (rc != SQLITE_OK) {
        std::string message = sql::describe(copy, rc);
        sqlite3_close(guard.release());
        std::error_code ec;
        fs::remove(target, ec);
        throw Error("cannot write the backup " + target.string() + ": " + message);
    }
}

// Brings an older database to the current schema: a backup copy first, then
// every migration step in one transaction (all or nothing).
std::optional<Store::Upgrade> migrate(sqlite3* db, const fs::path& path) {
    // Versions 4 and 5 rebuild tables that others reference: foreign keys off
    // (only outside a transaction), checked before the commit instead.
    sql::exec(db, "PRAGMA foreign_keys = OFF");
    struct ForeignKeysOn {
        sqlite3* db;
        ~ForeignKeysOn() { sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr); }
    } foreign_keys_on{db};
    // A read transaction first: its shared lock keeps other writers from
    // committing, so the backup holds exactly what is migrated. (The backup API
    // cannot read through a connection that holds a write transaction.)
    sql::exec(db, "BEGIN");
    struct Rollback {
        sqlite3* db;
        bool done = false;
        ~Rollback() {
            if (!done) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    } rollback{db};
    const int from = read_user_version(db);
    if (from >= schema_version) return std::nullopt;  // another process migrated it meanwhile
    const fs::path backup = backup_path(path, from);
    write_backup(db, backup);
    try {
        for (int version = from + 1; version <= schema_version; ++version) upgrade_step(db, version);
        if (Statement broken(db, "PRAGMA foreign_key_check"); broken.step())
            throw Error("a foreign key of table " + std::string(broken.view(0)) + " is broken after the upgrade");
        sql::exec(db, ("PRAGMA user_version = " + std::to_string(schema_version)).c_str());
        sql::exec(db, "COMMIT");
        rollback.done = true;
        return Store::Upgrade{from, backup};
    } catch (const Error& e) {
        throw Error(path.string() + ": cannot upgrade the schema from version " + std::to_string(from) + " to " +
                    std::to_string(schema_version) + " (" + e.what() + "); the database is unchanged, a copy is in " +
                    backup.string());
    }
}

// A hot journal: an interrupted write that SQLite would roll back on the
// first read. A read-only connection reports it (SQLITE_READONLY_ROLLBACK)
// instead; wardscope never replays it unasked, for it may as well be a stale
// journal of another file that was copied over this one.
[[noreturn]] void refuse_hot_journal(const fs::path& path) {
    const fs::path journal = with_suffix(path, "-journal");
    throw Error(path.string() + ": an interrupted write left the journal " + journal.string() +
                " beside it; nothing was read or written. Run `wardscope recover --db " + path.string() +
                "`: it keeps a copy of both, rolls the interrupted write back only if that gives an intact "
                "database, and reports");
}

// The schema objects (tables, indexes, triggers, views) of a wardscope
// database of `version`, as SQLite records them: built in memory by the same
// statements that create and upgrade real files.
using SchemaObjects = std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>>;  // (type, name) → (table, sql)

SchemaObjects schema_objects(sqlite3* db) {
    SchemaObjects objects;
    Statement st(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema");
    while (st.step()) objects[{st.text(0), st.text(1)}] = {st.text(2), st.text(3)};
    return objects;
}

SchemaObjects expected_schema_objects(int version) {
    sqlite3* db = sql::open_connection(":memory:", sql::Access::create);
    HandleGuard guard{db};
    sql::exec(db, schema_sql().c_str());
    for (int v = 2; v <= version; ++v) upgrade_step(db, v);
    return schema_objects(db);
}

// A database file is untrusted input: a trigger or view planted in it would
// run inside wardscope's own transactions (issue #12: triggers that deleted
// every note on import). Every object must be one wardscope creates, with
// wardscope's exact definition, before anything is read or written.
void verify_schema_objects(sqlite3* db, const fs::path& path, int version) {
    const SchemaObjects expected = expected_schema_objects(version);
    const SchemaObjects found = schema_objects(db);
    auto refuse = [&](const std::string& what) {
        throw Error(path.string() + ": " + what + " (schema version " + std::to_string(version) +
                    "): this file was changed outside wardscope, and wardscope does not use it. "
                    "Nothing was read or written");
    };
    for (const auto& [key, object] : found) {
        const auto& [type, name] = key;
        const auto it = expected.find(key);
        if (it == expected.end())
            refuse("it holds " + std::string(type == "index" ? "an " : "a ") + type + " '" + name + "'" + (type == "table" ? "" : " on '" + object.first + "'") +
                   " that wardscope does not create");
        if (it->second != object) refuse("its " + type + " '" + name + "' differs from wardscope's definition");
    }
    for (const auto& [key, object] : expected)
        if (!found.count(key)) refuse("its " + key.first + " '" + key.second + "' is missing");
}

// The first read: the schema version, and a hot journal reported.
int check_schema_or_journal(sqlite3* db, const fs::path& path, bool allow_empty) {
    try {
        return check_schema(db, path, allow_empty);
    } catch (const Error&) {
        if (sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK) refuse_hot_journal(path);
        throw;
    }
}

}  // namespace

Store Store::open(const fs::path& path, OpenMode mode) {
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (exists && fs::is_directory(path)) throw Error(path.string() + ": is a directory, not a database file");
    if (!exists && mode != OpenMode::create)
        throw Error(path.string() + ": no such database (create one with `wardscope import --db " + path.string() + " FILE…`)");
    const fs::path folder = folder_of(path);
    const bool in_memory = path == ":memory:";
    if (!exists && !in_memory) {
        if (!fs::is_directory(folder)) throw Error(path.string() + ": the folder " + folder.string() + " does not exist");
        if (!writable(folder))
            throw Error(path.string() + ": the folder " + folder.string() + " is read-only: cannot create a database there");
    } else if (exists) {
        check_file_header(path);
        if (mode != OpenMode::read_only) {
            if (!writable(path))
                throw Error(path.string() + ": the database file is read-only (permissions): nothing was written; "
                                            "make it writable (chmod u+w) or work on a copy");
            if (!writable(folder))
                throw Error(path.string() + ": the folder " + folder.string() +
                            " is read-only: SQLite needs to write a journal file beside the database; nothing was written, "
                            "copy the database to a writable folder");
        }
    }

    int version = 0;
    HandleGuard guard{nullptr};
    if (exists && !in_memory) {
        // Looked at read-only first, whatever the mode: a hot journal is
        // reported, not rolled back, and the schema is checked before a
        // writer's connection exists.
        guard.db = open_handle(path, sql::Access::read_only);
        version = check_schema_or_journal(guard.db, path, mode == OpenMode::create);
        if (version != 0) verify_schema_objects(guard.db, path, version);
        if (mode != OpenMode::read_only) {
            sqlite3_close(guard.release());
            guard.db = open_handle(path, sql::Access::read_write);
            // Re-read under this connection: another process may have written meanwhile.
            version = check_schema(guard.db, path, mode == OpenMode::create);
            if (version != 0) verify_schema_objects(guard.db, path, version);
        }
    } else {
        guard.db = open_handle(path, mode == OpenMode::create ? sql::Access::create : sql::Access::read_write);
        version = check_schema(guard.db, path, mode == OpenMode::create);
    }
    sqlite3* db = guard.db;
    sql::exec(db, "PRAGMA foreign_keys = ON");
    if (version == 0) {
        try {
            // The same statements as an upgrade from version 1: one schema, checked by verify_schema_objects.
            sql::Transaction tx(db);
            sql::exec(db, schema_sql().c_str());
            for (int v = 2; v <= schema_version; ++v) upgrade_step(db, v);
            sql::exec(db, ("PRAGMA application_id = " + std::to_string(application_id)).c_str());
            sql::exec(db, ("PRAGMA user_version = " + std::to_string(schema_version)).c_str());
            tx.commit();
        } catch (const Error& e) {
            throw Error(path.string() + ": cannot create the schema: " + e.what());
        }
    }
    Store store(guard.release(), path);
    // Read-only opens of an older version read it as it is: every version
    // since 1 only added what the loader does without (no workshop tables
    // before 3: no notes or slides to show; no diff decisions before 4).
    if (version != 0 && version < schema_version && mode != OpenMode::read_only) store.upgrade_ = migrate(db, path);
    return store;
}

Store::Store(Store&& other) noexcept : db_(other.db_), path_(std::move(other.path_)), upgrade_(std::move(other.upgrade_)) {
    other.db_ = nullptr;
}
Store& Store::operator=(Store&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = other.db_;
        path_ = std::move(other.path_);
        upgrade_ = std::move(other.upgrade_);
        other.db_ = nullptr;
    }
    return *this;
}
Store::~Store() { sqlite3_close(db_); }

int Store::user_version() const { return read_user_version(db_); }

// ---------------------------------------------------------------------------
// Load

namespace {

struct PlanKey {
    std::map<std::string, std::size_t, std::less<>> index;
    Plan* find(Dataset& data, const std::string& id) {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &data.plans[it->second];
    }
};

// Rows come grouped by plan in storage order: remember the last plan looked up.
struct PlanCursor {
    PlanCursor(PlanKey& plans, Dataset& data) : plans(plans), data(data) {}
    PlanKey& plans;
    Dataset& data;
    std::string id;
    std::size_t index = 0;
    Plan* plan = nullptr;
    Plan* find(std::string_view plan_id) {
        if (plan_id != id || id.empty()) {
            id.assign(plan_id);
            const auto it = plans.index.find(plan_id);
            plan = it == plans.index.end() ? nullptr : &data.plans[it->second];
            index = plan ? it->second : 0;
        }
        return plan;
    }
};

// Puts items in `ords` order; equal ords keep their order.
template <typename T>
void sort_by_ord(std::vector<T>& items, const std::vector<std::int64_t>& ords) {
    if (std::is_sorted(ords.begin(), ords.end())) return;
    std::vector<std::size_t> order(items.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ords[a] < ords[b]; });
    std::vector<T> sorted;
    sorted.reserve(items.size());
    for (std::size_t k : order) sorted.push_back(std::move(items[k]));
    items = std::move(sorted);
}

// Finds the node of a tag or actor row by (plan id, node id). Rows come in
// node order, so the node of the previous row or one a little after it is
// checked first; a per-plan hash index is built only when that fails.
class NodeFinder {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    NodeFinder(Dataset& data, const PlanKey& plans) : data_(data), plans_(plans), first_(data.plans.size() + 1, 0) {
        for (std::size_t i = 0; i < data.plans.size(); ++i) first_[i + 1] = first_[i] + data.plans[i].nodes.size();
        nodes_.reserve(first_.back());
        for (Plan& p : data.plans)
            for (Node& n : p.nodes) nodes_.push_back(&n);
        index_.resize(data.plans.size());
    }
    const std::vector<Node*>& nodes() const { return nodes_; }
    std::size_t count() const { return nodes_.size(); }

    // The node's number, or npos.
    std::size_t find(std::string_view plan_id, std::string_view node_id) {
        if (plan_ == npos || plan_id != plan_id_) {
            plan_id_.assign(plan_id);
            const auto it = plans_.index.find(plan_id);
            plan_ = it == plans_.index.end() ? npos : it->second;
            last_ = npos;
            if (plan_ == npos) return npos;
        }
        const std::vector<Node>& nodes = data_.plans[plan_].nodes;
        // npos + 1 wraps to 0: the first node of the plan.
        for (std::size_t k = last_ == npos ? 0 : last_, tries = 0; k < nodes.size() && tries < 16; ++k, ++tries)
            if (nodes[k].id == node_id) return first_[plan_] + (last_ = k);
        auto& index = index_[plan_];
        if (index.empty())
            for (std::size_t k = 0; k < nodes.size(); ++k) index.emplace(nodes[k].id, k);
        const auto it = index.find(node_id);
        if (it == index.end()) return npos;
        last_ = it->second;
        return first_[plan_] + last_;
    }

private:
    Dataset& data_;
    const PlanKey& plans_;
    std::vector<std::size_t> first_;  // plan i's nodes are numbered first_[i] … first_[i + 1] - 1
    std::vector<Node*> nodes_;
    std::vector<std::unordered_map<std::string_view, std::size_t>> index_;  // keys view the nodes' own ids
    std::string plan_id_;
    std::size_t plan_ = npos;
    std::size_t last_ = npos;
};

// Tag or actor rows of (plan_id, node_id, ord, value…) collected, to be
// sorted into their nodes: only for rows stored out of order (read_node_rows).
template <typename T>
struct NodeRow {
    std::uint32_t plan;  // into NodeRows::plan_ids
    std::size_t node;    // numbered across plans (NodeFinder), set by attach_node_rows
    std::int64_t ord;
    std::string node_id;
    T value;
};
template <typename T>
struct NodeRows {
    std::vector<std::string> plan_ids;  // rows come grouped by plan: an id once per group
    std::vector<NodeRow<T>> rows;
};

// `make` reads the value from the row.
template <typename T, typename Make>
NodeRows<T> collect_node_rows(sqlite3* db, const std::string& sql, Make make) {
    NodeRows<T> out;
    Statement st(db, sql);
    while (st.step()) {
        const std::string_view plan_id = st.view(0);
        if (out.plan_ids.empty() || out.plan_ids.back() != plan_id) out.plan_ids.emplace_back(plan_id);
        out.rows.push_back({static_cast<std::uint32_t>(out.plan_ids.size() - 1), 0, st.integer(2), std::string(st.view(1)), make(st)});
    }
    return out;
}

// Into each node's list in `ord` order, ties in storage order. Rows are
// stored node by node in `ord` order (that is how import writes them), so the
// sort is only needed when `in_order` found otherwise (issue #5: load time).
template <typename T>
void attach_node_rows(NodeRows<T>& in, NodeFinder& finder, std::vector<T> Node::*member) {
    std::vector<std::int64_t> last_ord(finder.count(), INT64_MIN);
    bool in_order = true;
    std::size_t kept = 0;
    for (NodeRow<T>& row : in.rows) {
        row.node = finder.find(in.plan_ids[row.plan], row.node_id);
        if (row.node == NodeFinder::npos) continue;
        in_order = in_order && row.ord >= last_ord[row.node];
        last_ord[row.node] = row.ord;
        if (&in.rows[kept] != &row) in.rows[kept] = std::move(row);
        ++kept;
    }
    in.rows.resize(kept);
    if (!in_order)
        std::stable_sort(in.rows.begin(), in.rows.end(), [](const NodeRow<T>& a, const NodeRow<T>& b) {
            return a.node != b.node ? a.node < b.node : a.ord < b.ord;
        });
    for (NodeRow<T>& row : in.rows) (finder.nodes()[row.node]->*member).push_back(std::move(row.value));
}

// The rows that hang off plans but not off nodes, by plan id.
struct PlanParts {
    std::vector<SwotItem> swot;
    std::vector<TowsStrategy> tows;
    std::vector<Indicator> indicators;
    std::vector<std::string> rating_scale;
    std::vector<Evaluation> evaluations;
    std::vector<std::string> authors;  // schema version 4
    std::vector<Approval> approvals;
    std::vector<BudgetLine> budget;
    std::vector<PlanStatement> statements;  // schema version 5
};
using PartsByPlan = std::unordered_map<std::string, PlanParts>;

// The targets per year (schema 4) into their indicators, in year order.
void read_year_targets(sqlite3* db, PartsByPlan& parts) {
    Statement st(db, "SELECT plan_id, indicator_id, " + records::select_columns(records::indicator_target) +
                         " FROM indicator_target ORDER BY plan_id, indicator_id, fiscal_year");
    while (st.step()) {
        const auto p = parts.find(st.text(0));
        if (p == parts.end()) continue;
        const std::string indicator_id = st.text(1);
        for (Indicator& ind : p->second.indicators)
            if (ind.id == indicator_id) {
                records::read_fields(records::indicator_target, st, 2, ind.targets.emplace_back());
                break;
            }
    }
}

// A table of rows that belong to plans, read in storage order into each
// plan's list and put in `ord` order there: ORDER BY plan_id, ord walked the
// primary key's index with a row lookup each and sorted in a temp B-tree
// (issue #16). Equal ords keep their storage order.
template <typename T, typename Item>
void read_plan_rows(sqlite3* db, const T& table, int version, PartsByPlan& parts, std::vector<Item> PlanParts::*member) {
    std::unordered_map<PlanParts*, std::vector<std::int64_t>> ords;  // a map's elements stay where they are
    Statement st(db, "SELECT plan_id, ord, " + records::select_columns(table, "", version) + " FROM " + table.name);
    std::string plan_id;
    PlanParts* plan = nullptr;
    std::vector<std::int64_t>* plan_ords = nullptr;
    while (st.step()) {
        if (!plan || st.view(0) != plan_id) {  // rows come grouped by plan: looked up once per group
            plan_id.assign(st.view(0));
            plan = &parts[plan_id];
            plan_ords = &ords[plan];
        }
        records::read_fields(table, st, 2, (plan->*member).emplace_back(), version);
        plan_ords->push_back(st.integer(1));
    }
    for (auto& [in, in_ords] : ords) sort_by_ord(in->*member, in_ords);
}

PartsByPlan read_plan_parts(sqlite3* db) {
    PartsByPlan parts;
    const int version = read_user_version(db);  // an older one is read as it is (read-only)
    {
        read_plan_rows(db, records::swot_item, version, parts, &PlanParts::swot);
        read_plan_rows(db, records::tows_strategy, version, parts, &PlanParts::tows);
        auto find_tows = [&](const std::string& plan_id, const std::string& id) -> TowsStrategy* {
            const auto p = parts.find(plan_id);
            if (p == parts.end()) return nullptr;
            for (TowsStrategy& t : p->second.tows)
                if (t.id == id) return &t;
            return nullptr;
        };
        // plan_id, tows_id, swot_id / node_id, ord
        Statement links(db, "SELECT " + records::all_columns(records::tows_swot) + " FROM tows_swot ORDER BY plan_id, tows_id, ord");
        while (links.step())
            if (TowsStrategy* t = find_tows(links.text(0), links.text(1))) t->swot_ids.push_back(links.text(2));
        Statement nodes(db, "SELECT " + records::all_columns(records::tows_node) + " FROM tows_node ORDER BY plan_id, tows_id, ord");
        while (nodes.step())
            if (TowsStrategy* t = find_tows(nodes.text(0), nodes.text(1))) t->node_ids.push_back(nodes.text(2));
    }
    read_plan_rows(db, records::indicator, version, parts, &PlanParts::indicators);
    if (version >= 4) {  // targets per year, rating scales and evaluations: schema version 4
        read_year_targets(db, parts);
        Statement scale(db, "SELECT plan_id, rating FROM plan_rating ORDER BY plan_id, ord");
        while (scale.step()) parts[scale.text(0)].rating_scale.push_back(scale.text(1));
        Statement ev(db, "SELECT plan_id, " + records::select_columns(records::evaluation) +
                             " FROM evaluation ORDER BY plan_id, node_id, fiscal_year");
        while (ev.step()) records::read_fields(records::evaluation, ev, 1, parts[ev.text(0)].evaluations.emplace_back());
    }
    if (version >= 4) {  // authors, approvals and budgets: schema version 4
        Statement authors(db, "SELECT plan_id, text FROM plan_author ORDER BY plan_id, ord");
        while (authors.step()) parts[authors.text(0)].authors.push_back(authors.text(1));
        read_plan_rows(db, records::approval, version, parts, &PlanParts::approvals);
        read_plan_rows(db, records::budget_line, version, parts, &PlanParts::budget);
    }
    if (version >= 5) read_plan_rows(db, records::plan_statement, version, parts, &PlanParts::statements);  // statements: schema version 5
    // Grown by emplace_back, ten indicators of 600 bytes held six more in spare
    // capacity: 31 MB at national size.
    for (auto& [plan_id, plan_parts] : parts) {
        plan_parts.swot.shrink_to_fit();
        plan_parts.tows.shrink_to_fit();
        plan_parts.indicators.shrink_to_fit();
    }
    return parts;
}

// A node's tag or actor rows straight into its list, in `ord` order, ties in
// storage order. Rows are stored node by node in `ord` order (that is how
// import writes them); when a row is found out of order, the rows are read
// again, collected and sorted (attach_node_rows).
template <typename T, typename Make>
void read_node_rows(sqlite3* db, const std::string& sql, NodeFinder& finder, std::vector<T> Node::*member, Make make) {
    std::vector<std::int64_t> last_ord(finder.count(), INT64_MIN);
    bool in_order = true;
    {
        Statement st(db, sql);
        while (in_order && st.step()) {
            const std::size_t node = finder.find(st.view(0), st.view(1));
            if (node == NodeFinder::npos) continue;
            const std::int64_t ord = st.integer(2);
            in_order = ord >= last_ord[node];
            last_ord[node] = ord;
            if (in_order) (finder.nodes()[node]->*member).push_back(make(st));
        }
    }
    if (in_order) return;
    for (Node* n : finder.nodes()) (n->*member).clear();
    NodeRows<T> rows = collect_node_rows<T>(db, sql, make);
    attach_node_rows(rows, finder, member);
}

void read_tags_and_actors(sqlite3* db, NodeFinder& finder) {
    read_node_rows<ThemeTag>(db, "SELECT plan_id, node_id, ord, " + records::select_columns(records::node_theme) + " FROM node_theme",
                             finder, &Node::themes, [](const Statement& row) {
                                 ThemeTag tag;
                                 records::read_fields(records::node_theme, row, 3, tag);
                                 return tag;
                             });
    read_node_rows<std::string>(db, "SELECT plan_id, node_id, ord, actor_id FROM node_actor", finder, &Node::actors,
                                [](const Statement& row) { return std::string(row.view(3)); });
}

// `stop`: set by another thread when the rows are no longer wanted.
std::vector<Observation> read_observations(sqlite3* db, const std::atomic<bool>* stop = nullptr);

}  // namespace

// The plans' parts (SWOT, TOWS, indicators …), then the KPI history, read on
// a second, read-only connection while the caller's reads the plans, nodes,
// tags and actors: the two halves of a national-scale load take about as long
// (issue #16). The caller has read inside its open transaction, so it holds
// the file's shared lock and no write can commit until it ends: the second
// connection, which takes its own shared lock before that, sees the same
// data. It never waits: when a writer is about to commit (and blocks new
// readers) it gives up at once. What it could not read is nullopt, and the
// caller reads that itself, in its own snapshot (meeting the same error).
class BesideRead {
public:
    // `history`: the KPI history is read after the parts (else only the parts).
    BesideRead(std::string file, HistoryRead history)
        : worker_(std::async(std::launch::async, [this, file, history] { run(file, history); })) {}
    ~BesideRead() {
        stop_ = true;  // the KPI history was not asked for: no need to finish it
        worker_.wait();
    }
    BesideRead(const BesideRead&) = delete;
    BesideRead& operator=(const BesideRead&) = delete;

    std::optional<PartsByPlan> parts() { return parts_read_.get(); }  // once
    std::optional<std::vector<Observation>> observations() { return observations_read_.get(); }  // once

private:
    void run(const std::string& file, HistoryRead history) {
        bool parts_set = false, observations_set = false;
        sqlite3* second = nullptr;
        try {
            if (!file.empty()) {  // an in-memory or temporary database: no second connection
                second = sql::open_connection(file, sql::Access::read_only);
                sqlite3_busy_timeout(second, 0);
                sql::exec(second, "BEGIN");
                std::optional<PartsByPlan> parts;
                try {
                    parts = read_plan_parts(second);
                } catch (const Error&) {
                }
                parts_set = true;
                parts_.set_value(std::move(parts));
                std::optional<std::vector<Observation>> observations;
                try {
                    if (history == HistoryRead::beside_plans) observations = read_observations(second, &stop_);
                } catch (const Error&) {
                }
                observations_set = true;
                observations_.set_value(std::move(observations));
            }
        } catch (...) {  // whatever was not read is read again by the caller
        }
        sqlite3_close(second);  // ends its read transaction too
        if (!parts_set) parts_.set_value(std::nullopt);
        if (!observations_set) observations_.set_value(std::nullopt);
    }

    std::promise<std::optional<PartsByPlan>> parts_;
    std::promise<std::optional<std::vector<Observation>>> observations_;
    std::future<std::optional<PartsByPlan>> parts_read_ = parts_.get_future();
    std::future<std::optional<std::vector<Observation>>> observations_read_ = observations_.get_future();
    std::atomic<bool> stop_{false};
    std::future<void> worker_;  // last: started once the rest exists
};

namespace {

// Plan format 2 (schema version 4): each plan's declared levels (replacing
// the format-1 defaults) and the further parents of cross-listed nodes.
void read_hierarchy_rows(sqlite3* db, PlanKey& plans, Dataset& data) {
    std::unordered_map<Plan*, std::vector<PlanLevel>> levels;
    Statement st(db, "SELECT plan_id, " + records::select_columns(records::plan_level) + " FROM plan_level ORDER BY plan_id, ord");
    while (st.step())
        if (Plan* p = plans.find(data, st.text(0))) records::read_fields(records::plan_level, st, 1, levels[p].emplace_back());
    for (auto& [plan, declared] : levels) plan->levels = std::move(declared);
    Statement also(db, "SELECT plan_id, node_id, parent_id FROM node_also_under ORDER BY plan_id, node_id, ord");
    Plan* plan = nullptr;
    std::unordered_map<std::string_view, Node*> by_id;
    while (also.step()) {
        Plan* p = plans.find(data, also.text(0));
        if (!p) continue;
        if (p != plan) {
            plan = p;
            by_id.clear();
            for (Node& n : p->nodes) by_id.emplace(n.id, &n);
        }
        if (auto it = by_id.find(also.view(1)); it != by_id.end()) it->second->also_under.push_back(also.text(2));
    }
}

void read_municipality_sources(sqlite3* db, Dataset& data) {
    if (!sql::has_table(db, "municipality_source")) return;  // a read-only open of a version 1–3 database
    std::map<std::string_view, Municipality*> by_id;
    for (Municipality& m : data.municipalities) by_id[m.id] = &m;
    Statement st(db, "SELECT municipality_id, source_file, source_section, source_url FROM municipality_source ORDER BY rowid");
    while (st.step())
        if (auto it = by_id.find(st.view(0)); it != by_id.end()) it->second->sources.push_back({st.text(1), st.text(2), st.text(3), ""});  // no page: a municipality is described by a whole document
}

// Everything but the observations; starts `beside`, which reads the plans'
// parts (and then the observations if `history` says so).
Dataset read_plans(sqlite3* db, std::unique_ptr<BesideRead>& beside, HistoryRead history) {
    Dataset data;
    const int version = read_user_version(db);  // an older one is read as it is (read-only)
    {
        // A read-only open of an older version reads the columns it has (no short headings before 4).
        Statement st(db, "SELECT " + records::select_columns(records::theme, "", version) + " FROM theme ORDER BY ord");
        while (st.step()) records::read_fields(records::theme, st, 0, data.taxonomy.themes.emplace_back(), version);
        Statement kw(db, "SELECT " + records::all_columns(records::theme_keyword) + " FROM theme_keyword ORDER BY theme_id, ord");
        while (kw.step())  // theme_id, ord, keyword
            for (Theme& t : data.taxonomy.themes)
                if (t.id == kw.view(0)) t.keywords.push_back(kw.text(2));
        Statement actors(db, "SELECT " + records::select_columns(records::actor) + " FROM actor ORDER BY ord");
        while (actors.step()) records::read_fields(records::actor, actors, 0, data.taxonomy.actors.emplace_back());
        if (version >= 4) {  // source documents: schema version 4
            Statement documents(db, "SELECT " + records::select_columns(records::source_document) +
                                        " FROM source_document ORDER BY ord");
            while (documents.step())
                records::read_fields(records::source_document, documents, 0, data.taxonomy.documents.emplace_back());
        }
    }
    // This connection now holds its read lock (see BesideRead): SWOT, TOWS,
    // the indicators and then the KPI history are read beside the plans and
    // nodes, on another core (issues #5, #16).
    const char* file = sqlite3_db_filename(db, "main");  // read here: the connection is this thread's
    beside = std::make_unique<BesideRead>(std::string(file ? file : ""), history);
    {
        Statement st(db, "SELECT " + records::select_columns(records::municipality, "", version) +
                             " FROM municipality ORDER BY code IS NULL, code, id");
        while (st.step()) records::read_fields(records::municipality, st, 0, data.municipalities.emplace_back(), version);
        read_municipality_sources(db, data);
    }
    PlanKey plans;
    {
        if (Statement count(db, "SELECT count(*) FROM plan"); count.step())
            data.plans.reserve(static_cast<std::size_t>(count.integer(0)));
        Statement st(db, "SELECT " + records::select_columns(records::plan, "p.", version) +
                             " FROM plan p JOIN municipality m ON m.id = p.municipality_id "
                             "ORDER BY m.code IS NULL, m.code, m.id, p.start_fy IS NULL, p.start_fy, p.id");
        while (st.step()) {
            Plan p;
            records::read_fields(records::plan, st, 0, p, version);
            if (version < 4) p.measure_level = "measure";  // before plan format 2: the format-1 levels
            plans.index[p.id] = data.plans.size();
            data.plans.push_back(std::move(p));
        }
    }
    {
        // plan_id, ord, text
        Statement st(db, "SELECT " + records::all_columns(records::plan_viewpoint) + " FROM plan_viewpoint ORDER BY plan_id, ord");
        while (st.step())
            if (Plan* p = plans.find(data, st.text(0))) p->viewpoints.push_back(st.text(2));
        Statement ff(db, "SELECT " + records::all_columns(records::plan_focus_field) + " FROM plan_focus_field ORDER BY plan_id, ord");
        while (ff.step())
            if (Plan* p = plans.find(data, ff.text(0))) p->focus_fields.push_back(ff.text(2));
    }
    {
        // Full scans in storage order, put in order here: ORDER BY on these big
        // tables cost an index walk, a row lookup per row and a temp B-tree (issue #5).
        std::vector<std::vector<std::int64_t>> node_ords(data.plans.size());
        {
            Statement st(db, "SELECT plan_id, ord, " + records::select_columns(records::node, "", version) + " FROM node");
            PlanCursor cursor{plans, data};
            // A plan's rows are read into `batch` and moved into its nodes at
            // the next plan's first row, reserved to the size: grown by
            // push_back, 618,055 nodes held ≈ 200 MB of spare capacity.
            std::vector<Node> batch;
            Plan* batch_plan = nullptr;
            auto flush = [&] {
                if (!batch_plan) return;
                std::vector<Node>& nodes = batch_plan->nodes;
                nodes.reserve(nodes.size() + batch.size());
                std::move(batch.begin(), batch.end(), std::back_inserter(nodes));
                batch.clear();
            };
            while (st.step()) {
                Plan* p = cursor.find(st.view(0));
                if (!p) continue;
                if (p != batch_plan) {
                    flush();
                    batch_plan = p;
                }
                records::read_fields(records::node, st, 2, batch.emplace_back(), version);
                node_ords[cursor.index].push_back(st.integer(1));
            }
            flush();
        }
        for (std::size_t i = 0; i < data.plans.size(); ++i) sort_by_ord(data.plans[i].nodes, node_ords[i]);
    }
    if (version >= 4) read_hierarchy_rows(db, plans, data);
    {
        NodeFinder finder(data, plans);
        read_tags_and_actors(db, finder);
    }
    std::optional<PartsByPlan> parts_by_plan = beside->parts();
    if (!parts_by_plan) parts_by_plan = read_plan_parts(db);
    for (auto& [plan_id, parts] : *parts_by_plan)
        if (Plan* p = plans.find(data, plan_id)) {
            p->swot = std::move(parts.swot);
            p->tows = std::move(parts.tows);
            p->indicators = std::move(parts.indicators);
            p->rating_scale = std::move(parts.rating_scale);
            p->evaluations = std::move(parts.evaluations);
            p->authors = std::move(parts.authors);
            p->approvals = std::move(parts.approvals);
            p->budget = std::move(parts.budget);
            p->statements = std::move(parts.statements);
        }
    return data;
}

// The order the KPI history expects (kpi_history.hpp): by plan, indicator,
// year, then as_of, origin (by its stored name, as SQL would) and row id.
bool observation_order(const Observation& a, const Observation& b) {
    if (int c = a.plan_id.compare(b.plan_id)) return c < 0;
    if (int c = a.indicator_id.compare(b.indicator_id)) return c < 0;
    if (a.fiscal_year != b.fiscal_year) return a.fiscal_year < b.fiscal_year;
    if (int c = a.as_of.compare(b.as_of)) return c < 0;
    if (int c = to_string(a.origin).compare(to_string(b.origin))) return c < 0;
    return a.id < b.id;
}

// Moves items[order[k]] to position k, in place: each item moved once along
// its permutation cycle (no second copy of the rows).
template <typename T>
void apply_order(std::vector<T>& items, std::vector<std::uint32_t>& order) {
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) continue;
        T held = std::move(items[start]);
        std::size_t k = start;
        while (order[k] != start) {
            const std::size_t from = order[k];
            items[k] = std::move(items[from]);
            order[k] = static_cast<std::uint32_t>(k);
            k = from;
        }
        items[k] = std::move(held);
        order[k] = static_cast<std::uint32_t>(k);
    }
}

// Puts the KPI history in observation_order. Rows come in storage order:
// runs already in order (an indicator's years, as import writes them) that
// are out of order only among each other (kpi10 stored before kpi2). The runs
// are sorted by their first row; when they do not overlap, putting them one
// after another is the sort, at one comparison per row. Rows added later
// (a CSV, typed results) make runs overlap: then every row is sorted.
void put_in_observation_order(std::vector<Observation>& rows) {
    if (rows.size() > UINT32_MAX) throw Error("the KPI history has more rows than wardscope can hold");
    std::vector<std::uint32_t> run_starts;
    for (std::size_t k = 0; k < rows.size(); ++k)
        if (k == 0 || observation_order(rows[k], rows[k - 1])) run_starts.push_back(static_cast<std::uint32_t>(k));
    if (run_starts.size() <= 1) return;
    const auto run_end = [&](std::size_t run) { return run + 1 < run_starts.size() ? run_starts[run + 1] : rows.size(); };
    std::vector<std::uint32_t> runs(run_starts.size());
    for (std::size_t r = 0; r < runs.size(); ++r) runs[r] = static_cast<std::uint32_t>(r);
    std::stable_sort(runs.begin(), runs.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return observation_order(rows[run_starts[a]], rows[run_starts[b]]); });
    bool overlap = false;
    for (std::size_t r = 1; r < runs.size() && !overlap; ++r)
        overlap = observation_order(rows[run_starts[runs[r]]], rows[run_end(runs[r - 1]) - 1]);
    std::vector<std::uint32_t> order;
    order.reserve(rows.size());
    if (!overlap) {
        for (std::uint32_t run : runs)
            for (std::size_t k = run_starts[run]; k < run_end(run); ++k) order.push_back(static_cast<std::uint32_t>(k));
    } else {
        for (std::size_t k = 0; k < rows.size(); ++k) order.push_back(static_cast<std::uint32_t>(k));
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return observation_order(rows[a], rows[b]); });
    }
    apply_order(rows, order);
}

// `stop`: set by another thread when the rows are no longer wanted.
std::vector<Observation> read_observations(sqlite3* db, const std::atomic<bool>* stop) {
    std::vector<Observation> observations;
    {
        Statement count(db, "SELECT count(*) FROM observation");
        if (count.step()) observations.reserve(static_cast<std::size_t>(count.integer(0)));
        const int version = read_user_version(db);  // an older one is read as it is (read-only)
        // A full scan in storage order, put in order here: no index covers this
        // order since as_of came (schema 4), and SQLite's ORDER BY walked the
        // unique index with a row lookup and a temp B-tree: ten times slower.
        Statement st(db, "SELECT " + records::select_columns(records::observation, "", version) + " FROM observation");
        while (st.step()) {
            if (stop && stop->load(std::memory_order_relaxed)) throw Error("the KPI history's read was stopped");
            records::read_fields(records::observation, st, 0, observations.emplace_back(), version);
        }
    }
    put_in_observation_order(observations);
    return observations;
}

}  // namespace

namespace {

// The KPI history: as the second connection read it, else read on this one.
std::vector<Observation> observations_read(sqlite3* db, std::unique_ptr<BesideRead>& beside) {
    std::optional<std::vector<Observation>> observations;
    if (beside) observations = beside->observations();
    beside.reset();
    return observations ? std::move(*observations) : read_observations(db);
}

}  // namespace

// One read transaction: a consistent snapshot even while another process
// imports. BEGIN takes no lock; the first SELECT does, and COMMIT ends it.
DatasetReader::DatasetReader(Store store, HistoryRead history) : store_(std::move(store)), history_(history) {}

DatasetReader::~DatasetReader() {
    beside_.reset();  // stops and joins its thread
    end_read();
}

void DatasetReader::end_read() {
    if (reading_) sqlite3_exec(store_.handle(), "COMMIT", nullptr, nullptr, nullptr);
    reading_ = false;
}

void DatasetReader::begin() {
    if (!reading_) sql::exec(store_.handle(), "BEGIN");
    reading_ = true;
}

Dataset DatasetReader::plans() {
    begin();
    beside_.reset();
    return read_plans(store_.handle(), beside_, history_);
}

bool DatasetReader::any_sample_observations() {
    Statement st(store_.handle(), "SELECT EXISTS (SELECT 1 FROM observation WHERE is_sample)");
    return st.step() && st.integer(0) != 0;
}

std::vector<Observation> DatasetReader::observations() {
    std::vector<Observation> observations = observations_read(store_.handle(), beside_);
    end_read();
    return observations;
}

Dataset load_dataset(const Store& store) {
    sqlite3* db = store.handle();
    sql::exec(db, "BEGIN");
    struct EndRead {
        sqlite3* db;
        ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
    } end_read{db};
    std::unique_ptr<BesideRead> beside;  // destroyed (its thread joined) before the read ends
    Dataset data = read_plans(db, beside, HistoryRead::beside_plans);
    data.observations = observations_read(db, beside);
    return data;
}

// ---------------------------------------------------------------------------
// Export

std::vector<PlanFile> export_plan_files(const Dataset& data) {
    std::vector<PlanFile> out;
    for (const Plan& plan : data.plans) {
        PlanFile pf;
        if (const Municipality* m = data.find_municipality(plan.municipality_id)) pf.municipality = *m;
        pf.plan = plan;
        for (const Observation& o : data.observations)
            if (o.plan_id == plan.id && o.origin == ObservationOrigin::plan_file) pf.observations.push_back(o);
        out.push_back(std::move(pf));
    }
    return out;
}

}  // namespace wardscope
