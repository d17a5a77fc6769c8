#include "sqlite_statement.hpp"

#include "wardscope/file_names.hpp"

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
    if (rc == SQLITE_ROW) return ++rows_, true;
    if (rc == SQLITE_DONE) return false;
    throw Error(describe(db_, rc));
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    rows_ = 0;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

namespace {

const char* type_name(int type) {
    switch (type) {
        case SQLITE_INTEGER: return "an integer";
        case SQLITE_FLOAT: return "a real number";
        case SQLITE_TEXT: return "text";
        case SQLITE_BLOB: return "a blob";
        default: return "NULL";
    }
}

// At most 40 bytes of a value, for a message.
std::string excerpt(sqlite3_stmt* stmt, int column) {
    if (sqlite3_column_type(stmt, column) == SQLITE_BLOB) return std::to_string(sqlite3_column_bytes(stmt, column)) + " bytes";
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    std::string text = p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, column))) : "NULL";
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    for (char& c : text)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return "'" + text + "'";
}

}  // namespace

void Statement::wrong_type(int column, const char* expected) const {
    const char* table = sqlite3_column_table_name(stmt_, column);
    const char* name = sqlite3_column_origin_name(stmt_, column);
    std::string where = std::string(table ? table : "?") + "." + (name ? name : sqlite3_column_name(stmt_, column));
    // The row: by the query's first column (the key: id or plan_id) when that is another one.
    std::string row = "row " + std::to_string(rows_) + " read";
    if (column != 0 && sqlite3_column_type(stmt_, 0) != SQLITE_BLOB) {
        const char* key = sqlite3_column_origin_name(stmt_, 0);
        row = "the row where " + std::string(key ? key : sqlite3_column_name(stmt_, 0)) + " = " + excerpt(stmt_, 0);
    }
    throw Error("the database holds a value of the wrong type: " + where + " in " + row + " is " +
                type_name(sqlite3_column_type(stmt_, column)) + " (" + excerpt(stmt_, column) + "), " + expected +
                " belongs there");
}

// Each reader looks the column's value up once (sqlite3_column_value) and
// asks it its type, text and length: every sqlite3_column_* call looks it up
// again and checks for errors, which was a third of reading a row (issue #16).
// The value is SQLite's "unprotected" kind, safe here since a connection is
// used by one thread at a time (open_connection: NOMUTEX).
std::string Statement::text(int column) const { return std::string(view(column)); }
std::string_view Statement::view(int column) const {
    sqlite3_value* value = sqlite3_column_value(stmt_, column);
    const int type = sqlite3_value_type(value);
    if (type == SQLITE_NULL) return {};
    if (type != SQLITE_TEXT) wrong_type(column, "text");
    const auto* p = sqlite3_value_text(value);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(value)))
             : std::string_view();
}
std::int64_t Statement::integer(int column) const {
    sqlite3_value* value = sqlite3_column_value(stmt_, column);
    if (sqlite3_value_type(value) != SQLITE_INTEGER) wrong_type(column, "an integer");
    return sqlite3_value_int64(value);
}
double Statement::real(int column) const {
    sqlite3_value* value = sqlite3_column_value(stmt_, column);
    const int type = sqlite3_value_type(value);
    if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) wrong_type(column, "a number");
    return sqlite3_value_double(value);
}
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::optional<int> Statement::optional_int(int column) const {
    if (is_null(column)) return std::nullopt;
    const std::int64_t value = integer(column);
    if (value < INT32_MIN || value > INT32_MAX) wrong_type(column, "an integer of at most 9 digits");
    return static_cast<int>(value);
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

namespace {

// file:PATH?mode=ro, with the characters URIs give a meaning escaped.
std::string read_only_uri(const std::filesystem::path& path) {
#ifdef _WIN32
    std::string uri = "file:///";  // SQLite drops the '/' before "C:"
#else
    std::string uri = "file:";
#endif
    for (char c : utf8_name(std::filesystem::absolute(path))) {
#ifdef _WIN32
        if (c == '\\') c = '/';
#endif
        if (c == '%' || c == '?' || c == '#') {
            const char* hex = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(c);
            uri += '%';
            uri += hex[byte >> 4];
            uri += hex[byte & 15];
        } else {
            uri += c;
        }
    }
    return uri + "?mode=ro";
}

}  // namespace

void make_defensive(sqlite3* db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // wardscope creates neither: should one get past the schema check, it still never runs.
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
}

sqlite3* open_connection(const std::filesystem::path& path, Access access) {
    sqlite3* db = nullptr;
    // NOMUTEX: a connection is used by one thread at a time, so SQLite's
    // per-call mutex (taken on every sqlite3_column_* call) is pure overhead:
    // ≈ 10 % of loading the national-scale database (issue #5).
    int rc = SQLITE_OK;
    if (access == Access::read_only && path != ":memory:") {
        rc = sqlite3_open_v2(read_only_uri(path).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    } else {
        const int flags = access == Access::create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
        rc = sqlite3_open_v2(utf8_name(path).c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    }
    if (rc != SQLITE_OK) {
        std::string message = describe(db, rc);
        sqlite3_close(db);
        throw Error(path.string() + ": " + message);
    }
    make_defensive(db);
    sqlite3_extended_result_codes(db, 0);
    sqlite3_busy_timeout(db, 2000);
    return db;
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
