// The machinery of the field tables (records.hpp): one entry per stored field
// says its column, its SQL declaration, its plan-file key and how it is shown.
// Generic code (src/core/record_sql.hpp, plan_json.cpp, the glyph walk) loops
// over a table at compile time, so a field is declared once and every binding
// compiles down to the same calls as hand-written code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace wardscope::records {

enum Flag : unsigned {
    none = 0,
    display = 1u << 0,        // text shown in the UI: the glyph walk collects it
    required = 1u << 1,       // plan file: must be present (and not empty); always written
    null_when_empty = 1u << 2,  // "" is stored as SQL NULL
    json_null = 1u << 3,        // plan file: written as null when empty (else left out)
    nullable = 1u << 4,         // plan file: the key must be present, null when the source does not say
    json_checked = 1u << 5,     // plan file: read and checked by the record's parser; written from the table
    row_id = 1u << 6,           // INTEGER PRIMARY KEY: read, never inserted
    prose = 1u << 7,            // may hold tabs and line breaks (every other text is one line)
};

// The record of a table whose columns are all bound by the caller (the lists
// and links stored in tables of their own: a strategy's SWOT items …).
struct LinkRow {};

// Member pointers from the record to the value: one for a plain member, two
// for a member of a member (Indicator::baseline → IndicatorPoint::value).
template <auto... Path>
struct MemberPath {
    template <typename Record>
    static constexpr auto& get(Record& record) {  // const when the record is
        return (record .* ... .* Path);
    }
};

template <typename Record, typename Path>
struct Field {
    using record_type = Record;
    using value_type = std::remove_cvref_t<decltype(Path::get(std::declval<Record&>()))>;
    static constexpr bool has_member = true;
    const char* column;  // SQL column
    const char* sql;     // its declaration after the name, as in the CREATE TABLE
    const char* key;     // plan-file key; nullptr when the parser reads it (nested objects) or it is not in plan files
    unsigned flags = none;
    int since = 1;       // the schema version that added the column (ALTER TABLE … ADD COLUMN)

    template <typename R>
    static constexpr auto& get(R& record) { return Path::get(record); }
    constexpr bool is(Flag flag) const { return (flags & flag) != 0; }
    // A column added by a later schema version: databases of older versions
    // get it from the upgrade (ALTER TABLE … ADD COLUMN, so its declaration
    // needs a default when NOT NULL), new ones by the same step (schema_sql
    // creates the version-1 columns only), so both hold one schema text.
    constexpr Field added_in(int version) const {
        Field f = *this;
        f.since = version;
        return f;
    }
};

// A column the record does not hold (plan_id of a child row, ord, timestamps):
// the caller binds it on insert and reads it on select.
struct Column {
    static constexpr bool has_member = false;
    const char* column;
    const char* sql;
    unsigned flags = none;
    int since = 1;
    constexpr bool is(Flag flag) const { return (flags & flag) != 0; }
};

template <typename T>
struct class_of;
template <typename C, typename M>
struct class_of<M C::*> {
    using type = C;
};

// field<&Node::name>("name", "TEXT NOT NULL", "name", required | display)
template <auto First, auto... Rest>
constexpr auto field(const char* column, const char* sql, const char* key, unsigned flags = none) {
    using Record = typename class_of<decltype(First)>::type;
    return Field<Record, MemberPath<First, Rest...>>{column, sql, key, flags};
}

constexpr Column column(const char* name, const char* sql, unsigned flags = none) { return {name, sql, flags, 1}; }

// A table: its name, its fields and columns in CREATE order, and what follows
// the columns in the CREATE TABLE (keys, checks), then statements after it (indexes).
template <typename Record, typename... Entries>
struct Table {
    using record_type = Record;
    const char* name;
    std::tuple<Entries...> entries;
    const char* constraints = "";  // lines after the columns, e.g. "PRIMARY KEY (plan_id, id)"
    const char* after = "";        // statements after the CREATE TABLE, e.g. its indexes

    static constexpr std::size_t size = sizeof...(Entries);
    template <typename Fn>
    constexpr void for_each(Fn&& fn) const {
        std::apply([&](const auto&... entry) { (fn(entry), ...); }, entries);
    }
};

template <typename Record, typename... Entries>
constexpr Table<Record, Entries...> table(const char* name, std::tuple<Entries...> entries, const char* constraints = "",
                                          const char* after = "") {
    return {name, entries, constraints, after};
}

// Calls fn(text) for every display field of one record: text is the member
// itself (std::string&, const when the record is).
template <typename T, typename Record, typename Fn>
void for_each_display_member(const T& t, Record& record, Fn&& fn) {
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member) {
            using Value = typename std::remove_cvref_t<decltype(entry)>::value_type;
            if constexpr (std::is_same_v<Value, std::string>)
                if (entry.is(display)) fn(entry.get(record));
        }
    });
}

// Calls fn(std::string_view) for every display field of one record.
template <typename Record, typename... Entries, typename Fn>
void for_each_display_field(const Table<Record, Entries...>& t, const Record& record, Fn&& fn) {
    for_each_display_member(t, record, [&](const std::string& text) { fn(std::string_view(text)); });
}

// Calls fn(key) for the plan-file key of every field with `flag`.
template <typename T, typename Fn>
void for_each_key_with(const T& t, Flag flag, Fn&& fn) {
    t.for_each([&](const auto& entry) {
        if constexpr (std::remove_cvref_t<decltype(entry)>::has_member)
            if (entry.key && entry.is(flag)) fn(std::string_view(entry.key));
    });
}

}  // namespace wardscope::records
