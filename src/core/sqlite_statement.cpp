#include "sqlite_statement.hpp"

namespace wardscope::sql {

std::string describe(sqlite3* db, int code) {
    switch (code & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return "the database is locked by another program (close it and try again)";
        case SQLITE_READONLY: return "the database is read-only (check the file and folder permissions)";
        case SQLITE_NOTADB: return "the file is not a SQLite database";
        case SQLITE_CORRUPT: return "the database file is damaged (corrupt)";
        case SQLITE_FULL: return "the disk is full";
        case SQLITE_CANTOPEN: return "the file cannot be opened";
        case SQLITE_IOERR: return "an I/O error occurred while reading or writing the database";
        default: return db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql, BoundText bound_text)
    : db_(db), text_lifetime_(bound_text == BoundText::borrowed ? SQLITE_STATIC : SQLITE_TRANSIENT) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throw Error(describe(db, rc));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), text_lifetime_);
    return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, std::optional<int> value) {
    return value ? bind(index, static_cast<std::int64_t>(*value)) : bind_null(index);
}
Statement& Statement::bind(int index, std::optional<double> value) { return value ? bind(index, *value) : bind_null(index); }
Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(describe(db_, rc));
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string();
}
std::string_view Statement::view(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
             : std::string_view();
}
std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::optional<int> Statement::optional_int(int column) const {
    return is_null(column) ? std::nullopt : std::optional<int>(static_cast<int>(integer(column)));
}
std::optional<double> Statement::optional_real(int column) const {
    return is_null(column) ? std::nullopt : std::optional<double>(real(column));
}

void exec(sqlite3* db, const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = describe(db, rc);
        sqlite3_free(message);
        throw Error(text);
    }
}

bool has_table(sqlite3* db, const char* name) {
    Statement st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

Transaction::Transaction(sqlite3* db) : db_(db) { exec(db, "BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}
void Transaction::commit() {
    exec(db_, "COMMIT");
    done_ = true;
}

}  // namespace wardscope::sql
