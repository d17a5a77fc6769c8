// Thin RAII helpers over the SQLite C API, private to the core library.
// Every value goes through sqlite3_bind_*: no SQL is ever built from data.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "wardscope/error.hpp"

namespace wardscope::sql {

// How bound text reaches SQLite: copied (the default), or borrowed when the
// caller keeps every bound string alive until the statement has run: saves a
// copy per value where hundreds of thousands of rows are written (import).
enum class BoundText { copied, borrowed };

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql, BoundText bound_text = BoundText::copied);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::optional<int> value);
    Statement& bind(int index, std::optional<double> value);
    Statement& bind_null(int index);

    // Binds all arguments from index 1 on.
    template <typename... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    bool step();      // true while a row is available
    void run();       // step to completion, then reset for reuse
    void reset();

    // Column readers. A database file is untrusted input: a value of another
    // type than the reader's (text in an INTEGER column, a number in a TEXT
    // one …) throws Error naming the table, column and row, never reads as 0.
    std::string text(int column) const;  // TEXT or NULL ("")
    // The column's text without a copy: valid until the next step or reset.
    std::string_view view(int column) const;
    std::int64_t integer(int column) const;  // INTEGER
    double real(int column) const;           // REAL or INTEGER
    bool is_null(int column) const;
    std::optional<int> optional_int(int column) const;      // INTEGER in int range, or NULL
    std::optional<double> optional_real(int column) const;  // REAL, INTEGER or NULL

    sqlite3* db() const { return db_; }

    // Throws Error naming the table, column and row: the value is not one of `expected`.
    [[noreturn]] void wrong_type(int column, const char* expected) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3_destructor_type text_lifetime_;
    std::int64_t rows_ = 0;  // rows stepped since the last reset: names a bad row
};

// Opens a database file as wardscope always does: one thread at a time, a
// busy timeout, and SQLite's defensive settings for untrusted files (no
// writable schema, no functions or virtual tables run from the schema, no
// triggers or views). `read_only` opens it with the URI mode=ro: it is never
// written, and a hot journal beside it is reported, never rolled back.
// Throws Error naming the file.
enum class Access { read_only, read_write, create };
sqlite3* open_connection(const std::filesystem::path& path, Access access);
void make_defensive(sqlite3* db);

// Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT).
void exec(sqlite3* db, const char* sql);

// Whether the database has a table of that name (older schema versions lack some).
bool has_table(sqlite3* db, const char* name);

// BEGIN IMMEDIATE … COMMIT, rolled back when destroyed without commit().
class Transaction {
public:
    explicit Transaction(sqlite3* db);
    ~Transaction();
    void commit();

private:
    sqlite3* db_;
    bool done_ = false;
};

// A message for a failed SQLite call that says what it means for the user.
std::string describe(sqlite3* db, int code);

}  // namespace wardscope::sql
