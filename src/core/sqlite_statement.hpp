// Thin RAII helpers over the SQLite C API, private to the core library.
// Every value goes through sqlite3_bind_*: no SQL is ever built from data.
#pragma once

#include <cstdint>
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

    std::string text(int column) const;
    // The column's text without a copy: valid until the next step or reset.
    std::string_view view(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;
    std::optional<int> optional_int(int column) const;
    std::optional<double> optional_real(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    sqlite3_destructor_type text_lifetime_;
};

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
