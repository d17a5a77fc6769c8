// `wardscope recover` (include/wardscope/recover.hpp).
#include "wardscope/recover.hpp"

#include <utility>

#include <sqlite3.h>

#include "sqlite_statement.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"

namespace wardscope {

namespace fs = std::filesystem;

namespace {

fs::path with_suffix(const fs::path& path, const std::string& suffix) {
    fs::path out = path;
    out += suffix;
    return out;
}

struct Connection {
    sqlite3* db;
    ~Connection() { sqlite3_close(db); }
};

// The first rows of PRAGMA integrity_check on a read-write connection: the
// first read rolls back a hot journal.
std::string integrity_of(const fs::path& path) {
    Connection c{sql::open_connection(path, sql::Access::read_write)};
    sql::Statement st(c.db, "PRAGMA integrity_check(20)");
    std::string out;
    while (st.step()) out += (out.empty() ? "" : "; ") + st.text(0);
    return out;
}

// Whether a read-only open finds a hot journal (not one a running writer holds).
bool has_hot_journal(const fs::path& path) {
    Connection c{sql::open_connection(path, sql::Access::read_only)};
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(c.db, "SELECT count(*) FROM sqlite_schema", -1, &st, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return sqlite3_extended_errcode(c.db) == SQLITE_READONLY_ROLLBACK;
}

// DB.before-recover, or -2, -3 … when taken (with its journal's name).
fs::path free_name(const fs::path& db, const char* what) {
    fs::path candidate = with_suffix(db, what);
    for (int n = 2; fs::exists(candidate) || fs::exists(with_suffix(candidate, "-journal")); ++n)
        candidate = with_suffix(db, what + ("-" + std::to_string(n)));
    return candidate;
}

void copy_pair(const fs::path& db, const fs::path& to) {
    std::error_code ec;
    fs::copy_file(db, to, fs::copy_options::none, ec);
    if (!ec) fs::copy_file(with_suffix(db, "-journal"), with_suffix(to, "-journal"), fs::copy_options::none, ec);
    if (ec) {
        std::error_code ignore;
        fs::remove(to, ignore);
        fs::remove(with_suffix(to, "-journal"), ignore);
        throw Error("cannot copy " + db.string() + " and its journal to " + to.string() + " (" + ec.message() +
                    "): nothing was changed");
    }
}

// Rolls the journal back on a copy: throws Error when the result is not an
// intact wardscope database. The copy is removed either way.
void try_on_copy(const fs::path& db) {
    const fs::path trial = free_name(db, ".recover-trial");
    copy_pair(db, trial);
    struct Remove {
        fs::path trial;
        ~Remove() {
            std::error_code ec;
            fs::remove(trial, ec);
            fs::remove(with_suffix(trial, "-journal"), ec);
        }
    } remove{trial};
    std::string problem;
    try {
        const std::string integrity = integrity_of(trial);
        if (integrity != "ok") problem = "integrity_check after the rollback: " + integrity;
        else Store::open(trial, OpenMode::read_only);  // the schema wardscope made, nothing planted
    } catch (const Error& e) {
        problem = e.what();
    }
    if (!problem.empty())
        throw Error(db.string() + ": rolling its journal back on a copy does not give an intact wardscope database (" +
                    problem + "). The journal is probably not this database's (left behind when another file was copied "
                    "over it). Nothing was changed. If " + db.string() + " is as it should be, move the journal away: mv " +
                    with_suffix(db, "-journal").string() + " " + with_suffix(db, ".stale-journal").string());
}

}  // namespace

RecoveryReport recover_database(const fs::path& db) {
    std::error_code ec;
    if (!fs::is_regular_file(db, ec)) throw Error(db.string() + ": no such database file");
    RecoveryReport report;
    if (!has_hot_journal(db)) {
        Store store = Store::open(db, OpenMode::read_only);  // every check a display makes
        sql::Statement st(store.handle(), "PRAGMA integrity_check(20)");
        while (st.step()) report.integrity += (report.integrity.empty() ? "" : "; ") + st.text(0);
        return report;
    }
    try_on_copy(db);
    report.backup = free_name(db, ".before-recover");
    report.backup_journal = with_suffix(report.backup, "-journal");
    copy_pair(db, report.backup);
    report.integrity = integrity_of(db);
    report.rolled_back = !has_hot_journal(db);
    if (report.ok()) Store::open(db, OpenMode::read_only);
    return report;
}

}  // namespace wardscope
