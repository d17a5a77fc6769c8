// SQL from the field tables (include/wardscope/records.hpp): the CREATE TABLE,
// the column lists of SELECT and INSERT, and the binds and row reads through
// the fields' member pointers. Private to the core library.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "sqlite_statement.hpp"
#include "wardscope/records.hpp"

namespace wardscope::records {

// CREATE TABLE name (\n  column declaration,\n  …\n  constraints\n);\n then `after`.
// The table as first created: the columns later versions added
// (Field::added_in) come from their upgrade step's ALTER TABLE, in new
// databases too, so a new file and an upgraded one hold the same schema text.
template <typename T>
std::string create_table_sql(const T& t) {
    std::string out = std::string("CREATE TABLE ") + t.name + " (\n";
    bool first = true;
    auto line = [&](std::string_view text) {
        out += first ? "  " : ",\n  ";
        out += text;
        first = false;
    };
    t.for_each([&](const auto& entry) {
        if (entry.since == 1) line(std::string(entry.column) + " " + entry.sql);
    });
    if (*t.constraints) line(t.constraints);
    out += "\n);\n";
    if (*t.after) out += std::string(t.after) + "\n";
    return out;
}

struct AddedColumn {
    const char* table;
    const char* column;
    const char* sql;  // its declaration
};

// The columns schema version `version` added to the table.
template <typename T>
void added_columns(const T& t, int version, std::vector<AddedColumn>& out) {
    t.for_each([&](const auto& entry) {
        if (entry.since == version && version > 1) out.push_back({t.name, entry.column, entry.sql});
    });
}

// The schema version every column has (reads of the current schema).
inline constexpr int current_columns = 1 << 20;

// The record's stored members, in table order: "id, name, …" (each after
// `prefix`, e.g. "p."); of a database of schema `version`, those it has.
template <typename T>
std::string select_columns(const T& t, std::string_view prefix = "", int version = current_columns) {
    std::string out;
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
            if (entry.since > version) return;
            if (!out.empty()) out += ", ";
            out += prefix;
            out += entry.column;
        }
    });
    return out;
}

// Every column, held by the record or not, in table order: "plan_id, tows_id, swot_id, ord".
template <typename T>
std::string all_columns(const T& t) {
    std::string out;
    t.for_each([&](const auto& entry) {
        if (!out.empty()) out += ", ";
        out += entry.column;
    });
    return out;
}

inline void assign(std::string& out, std::string_view text) { out.assign(text.data(), text.size()); }

template <typename Value>
void read_value(const sql::Statement& st, int column, Value& out) {
    if constexpr (std::is_same_v<Value, std::string>) assign(out, st.view(column));
    else if constexpr (std::is_same_v<Value, bool>) out = st.integer(column) != 0;
    else if constexpr (std::is_same_v<Value, int>) out = static_cast<int>(st.integer(column));
    else if constexpr (std::is_same_v<Value, std::int64_t>) out = st.integer(column);
    else if constexpr (std::is_same_v<Value, double>)  // NULL: a qualitative result's missing number
        out = st.is_null(column) ? std::numeric_limits<double>::quiet_NaN() : st.real(column);
    else if constexpr (std::is_same_v<Value, std::optional<int>>) out = st.optional_int(column);
    else if constexpr (std::is_same_v<Value, std::optional<double>>) out = st.optional_real(column);
    else if constexpr (std::is_enum_v<Value>) {
        if (auto parsed = enum_from(st.view(column), static_cast<Value*>(nullptr))) out = *parsed;
        else st.wrong_type(column, "one of the values wardscope writes");  // never a silent default
    } else static_assert(sizeof(Value) == 0, "no column reader for this field type");
}

// Reads the record's stored members from columns first, first + 1, … (as
// select_columns lists them for `version`); returns the column after the last.
template <typename T, typename Record>
int read_fields(const T& t, const sql::Statement& st, int first, Record& record, int version = current_columns) {
    int column = first;
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member)
            if (entry.since <= version) read_value(st, column++, entry.get(record));
    });
    return column;
}

template <typename Entry, typename Value>
void bind_value(sql::Statement& st, int index, const Entry& entry, const Value& value) {
    if constexpr (std::is_same_v<Value, std::string>) {
        if (entry.is(null_when_empty) && value.empty()) st.bind_null(index);
        else st.bind(index, std::string_view(value));
    } else if constexpr (std::is_enum_v<Value>) {
        if (entry.is(null_when_empty) && to_string(value).empty()) st.bind_null(index);  // Quadrant::none
        else st.bind(index, to_string(value));  // a name with static storage
    } else if constexpr (std::is_same_v<Value, double>) {
        if (std::isnan(value)) st.bind_null(index);
        else st.bind(index, value);
    } else {
        st.bind(index, value);
    }
}

// An INSERT of one table's rows, prepared once and run per record. The
// columns in `given` are bound by the caller, in that order, before the
// record's fields (a row's plan_id and ord, or a value that overrides the
// record's); the row id and the columns neither given nor held by the record
// take their defaults. `tail` follows the VALUES (e.g. an ON CONFLICT clause).
template <typename T>
class RowInsert {
public:
    using Record = typename T::record_type;

    // `rows` > 1: one statement inserts that many rows (VALUES (…), (…), …);
    // bind_row() each of them, then run_rows().
    RowInsert(sqlite3* db, const T& t, std::initializer_list<std::string_view> given, std::string_view tail = "",
              sql::BoundText bound_text = sql::BoundText::copied, int rows = 1)
        : table_(t), given_count_(static_cast<int>(given.size())), statement_(db, make_sql(t, given, tail, rows), bound_text) {}

    // Binds the given values (1 … n) and the record's fields, and runs the statement.
    template <typename... Given>
    void run(const Record& record, const Given&... given) {
        bind_row(0, record, given...);
        statement_.run();
    }

    // Binds the given values and the record's fields as row `row` (from 0) of the statement.
    template <typename... Given>
    void bind_row(int row, const Record& record, const Given&... given) {
        int index = row * row_parameters_;
        (statement_.bind(++index, given), ...);
        std::size_t i = 0;
        table_.for_each([&](const auto& entry) {
            if constexpr (std::remove_cvref_t<decltype(entry)>::has_member)
                if (const int at = bind_index_[i]) bind_value(statement_, row * row_parameters_ + at, entry, entry.get(record));
            ++i;
        });
    }
    void run_rows() { statement_.run(); }

    int given_count() const { return given_count_; }

private:
    std::string make_sql(const T& t, std::initializer_list<std::string_view> given, std::string_view tail, int rows) {
        std::string columns, values;
        auto add = [&](std::string_view column) {
            columns += columns.empty() ? "" : ", ";
            columns += column;
            values += values.empty() ? "?" : ", ?";
        };
        for (std::string_view column : given) add(column);
        int index = static_cast<int>(given.size());
        std::size_t i = 0;
        t.for_each([&](const auto& entry) {
            const bool bound = std::remove_cvref_t<decltype(entry)>::has_member && !entry.is(row_id) &&
                               std::find(given.begin(), given.end(), std::string_view(entry.column)) == given.end();
            bind_index_[i++] = bound ? ++index : 0;
            if (bound) add(entry.column);
        });
        row_parameters_ = index;
        std::string sql = std::string("INSERT INTO ") + t.name + " (" + columns + ") VALUES (" + values + ")";
        for (int r = 1; r < rows; ++r) sql += ", (" + values + ")";
        if (!tail.empty()) sql += " " + std::string(tail);
        return sql;
    }

    const T& table_;
    int given_count_;
    int row_parameters_ = 0;  // parameters per row: the given columns and the record's bound fields
    std::array<int, T::size> bind_index_{};  // per entry: its parameter, 0 when not bound from the record
    sql::Statement statement_;
};

// Many rows of one table, inserted `batch` at a time by one multi-row INSERT:
// a statement run costs about as much as the row it inserts (the program
// started, its cursors opened and closed), so the import's large tables
// (observations, nodes, tags, actors) run it once per batch. add() keeps the
// row (the record by address, the given values as they are: borrowed, like
// the text); flush() writes what is pending, the rest of a batch one row at
// a time. Rows are inserted in the order added, as single inserts would be.
template <typename T, typename... Given>
class RowBatchInsert {
public:
    using Record = typename T::record_type;

    RowBatchInsert(sqlite3* db, const T& t, std::initializer_list<std::string_view> given, int batch,
                   sql::BoundText bound_text = sql::BoundText::copied)
        : batch_(static_cast<std::size_t>(batch)), single_(db, t, given, "", bound_text), full_(db, t, given, "", bound_text, batch) {
        pending_.reserve(batch_);
    }

    // Every record and text added must live until the next flush().
    void add(const Record& record, const Given&... given) {
        pending_.emplace_back(&record, given...);
        if (pending_.size() == batch_) {
            for (std::size_t r = 0; r < batch_; ++r)
                std::apply([&](const Record* rec, const auto&... g) { full_.bind_row(static_cast<int>(r), *rec, g...); },
                           pending_[r]);
            pending_.clear();
            full_.run_rows();
        }
    }

    void flush() {
        for (const auto& row : pending_)
            std::apply([&](const Record* rec, const auto&... g) { single_.run(*rec, g...); }, row);
        pending_.clear();
    }

private:
    std::size_t batch_;
    RowInsert<T> single_, full_;
    std::vector<std::tuple<const Record*, Given...>> pending_;
};

inline bool listed(std::initializer_list<std::string_view> names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// "ON CONFLICT (k1, k2) DO UPDATE SET a = excluded.a, …" over the record's
// other stored members and the `given` columns the insert binds (e.g. ord).
template <typename T>
std::string upsert_clause(const T& t, std::initializer_list<std::string_view> key,
                          std::initializer_list<std::string_view> given = {}) {
    std::string keys, out;
    for (std::string_view k : key) keys += (keys.empty() ? "" : ", ") + std::string(k);
    t.for_each([&](const auto& entry) {
        const bool member = std::remove_cvref_t<decltype(entry)>::has_member;
        if (listed(key, entry.column) || entry.is(row_id) || (!member && !listed(given, entry.column))) return;
        out += out.empty() ? "" : ", ";
        out += std::string(entry.column) + " = excluded." + entry.column;
    });
    return "ON CONFLICT (" + keys + ") DO UPDATE SET " + out;
}

// "UPDATE table SET a = ?, b = ? WHERE k = ? AND …" of the record's members
// named in `set` and `where`, bound from the record: one statement, prepared once.
template <typename T>
class RowUpdate {
public:
    using Record = typename T::record_type;

    RowUpdate(sqlite3* db, const T& t, std::initializer_list<std::string_view> set,
              std::initializer_list<std::string_view> where)
        : table_(t), statement_(db, make_sql(t, set, where)) {}

    // Binds the record's named members and runs the statement; returns the rows changed.
    int run(const Record& record) {
        std::size_t i = 0;
        table_.for_each([&](const auto& entry) {
            if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
                if (const int at = set_index_[i]) bind_value(statement_, at, entry, entry.get(record));
                if (const int at = where_index_[i]) bind_value(statement_, at, entry, entry.get(record));
            }
            ++i;
        });
        statement_.run();
        return sqlite3_changes(statement_.db());
    }

private:
    std::string make_sql(const T& t, std::initializer_list<std::string_view> set, std::initializer_list<std::string_view> where) {
        std::string assignments, conditions;
        int index = 0;
        std::size_t i = 0;
        t.for_each([&](const auto& entry) {  // SET first, then WHERE: parameters in that order
            if (std::remove_cvref_t<decltype(entry)>::has_member && listed(set, entry.column)) {
                assignments += (assignments.empty() ? "" : ", ") + std::string(entry.column) + " = ?";
                set_index_[i] = ++index;
            }
            ++i;
        });
        i = 0;
        t.for_each([&](const auto& entry) {
            if (std::remove_cvref_t<decltype(entry)>::has_member && listed(where, entry.column)) {
                conditions += (conditions.empty() ? "" : " AND ") + std::string(entry.column) + " = ?";
                where_index_[i] = ++index;
            }
            ++i;
        });
        return std::string("UPDATE ") + t.name + " SET " + assignments + " WHERE " + conditions;
    }

    const T& table_;
    std::array<int, T::size> set_index_{}, where_index_{};
    sql::Statement statement_;
};

}  // namespace wardscope::records
