// Slides: saved views for a workshop, in order (include/wardscope/workshop.hpp).
#include <algorithm>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "record_sql.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/error.hpp"
#include "wardscope/json_text.hpp"
#include "wardscope/store.hpp"
#include "wardscope/utf8.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope {

using nlohmann::json;

std::string slide_state_to_json(const SlideState& s) {
    json j = {
        {"view", s.view},
        {"plans", s.plan_ids},
        {"municipality", s.municipality_id},
        {"node", s.node_id},
        {"filter",
         {{"municipalities", s.filter_municipality_ids},
          {"plan_kinds", s.filter_plan_kinds},
          {"municipality_kind", s.filter_municipality_kind},
          {"fiscal_year_from", s.filter_fiscal_year_from},
          {"fiscal_year_to", s.filter_fiscal_year_to},
          {"theme", s.filter_theme_id}}},
        {"options", s.view_options},
        {"lang", s.lang},
        {"font_preset", s.font_preset},
        {"presenting", s.presenting},
    };
    return j.dump();
}

namespace {

// Reads an optional member, naming it when it has the wrong type.
template <typename T>
void read(const json& object, const char* key, T& out, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return;
    try {
        out = it->get<T>();
    } catch (const json::exception&) {
        throw Error("slide state: '" + where + key + "' has the wrong type (" + it->type_name() + ")");
    }
}

}  // namespace

SlideState slide_state_from_json(std::string_view text) {
    if (find_invalid_utf8(text) != std::string_view::npos) throw Error("slide state: not valid UTF-8");
    json j;
    try {
        j = parse_json_strict(text);
    } catch (const DuplicateKeyError& e) {
        throw Error(std::string("slide state: ") + e.what());
    } catch (const json::exception&) {
        throw Error("slide state: not valid JSON");
    }
    if (!j.is_object()) throw Error("slide state: a JSON object was expected");
    SlideState s;
    read(j, "view", s.view, "");
    read(j, "plans", s.plan_ids, "");
    read(j, "municipality", s.municipality_id, "");
    read(j, "node", s.node_id, "");
    if (const auto f = j.find("filter"); f != j.end() && f->is_object()) {
        read(*f, "municipalities", s.filter_municipality_ids, "filter.");
        read(*f, "plan_kinds", s.filter_plan_kinds, "filter.");
        read(*f, "municipality_kind", s.filter_municipality_kind, "filter.");
        read(*f, "fiscal_year_from", s.filter_fiscal_year_from, "filter.");
        read(*f, "fiscal_year_to", s.filter_fiscal_year_to, "filter.");
        read(*f, "theme", s.filter_theme_id, "filter.");
    }
    read(j, "options", s.view_options, "");
    read(j, "lang", s.lang, "");
    read(j, "font_preset", s.font_preset, "");
    read(j, "presenting", s.presenting, "");
    return s;
}

namespace {

void check_name(std::string_view name) {
    if (name.empty()) throw Error("a slide needs a name");
    if (find_invalid_utf8(name) != std::string_view::npos) throw Error("the slide name is not valid UTF-8");
    if (auto control = control_character_problem(name, TextKind::one_line)) throw Error("the slide name " + *control);
    if (name.size() > 500) throw Error("the slide name is too long (at most 500 bytes)");
}

int slide_count(sqlite3* db) {
    sql::Statement st(db, "SELECT count(*) FROM slide");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

std::vector<std::int64_t> ids_in_order(sqlite3* db) {
    std::vector<std::int64_t> ids;
    sql::Statement st(db, "SELECT id FROM slide ORDER BY position, id");
    while (st.step()) ids.push_back(st.integer(0));
    return ids;
}

// Positions 0…n-1 in the order given.
void write_positions(sqlite3* db, const std::vector<std::int64_t>& ids) {
    records::RowUpdate set(db, records::slide, {"position"}, {"id"});
    Slide slide;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        slide.id = ids[k];
        slide.position = static_cast<int>(k);
        set.run(slide);
    }
}

void require_slide(sqlite3* db, std::int64_t id) {
    sql::Statement st(db, "SELECT 1 FROM slide WHERE id = ?");
    st.bind_all(id);
    if (!st.step()) throw Error("no slide with id " + std::to_string(id));
}

}  // namespace

namespace {

Slide slide_at(const sql::Statement& st) {
    Slide s;
    const int state_column = records::read_fields(records::slide, st, 0, s);
    try {
        // Only what makes a row unusable: control characters in a name written
        // by another tool are shown as 〓 by the dashboard (visible_text.hpp).
        if (s.name.empty()) throw Error("a slide needs a name");
        s.state = slide_state_from_json(st.text(state_column));
    } catch (const Error& e) {
        throw Error("slide " + std::to_string(s.id) + " '" + s.name + "': " + e.what());
    }
    return s;
}

}  // namespace

std::vector<Slide> load_slides(const Store& store, std::vector<std::string>* skipped) {
    std::vector<Slide> out;
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "slide")) return out;  // a read-only open of a version 1–2 database
    sql::Statement st(db, "SELECT " + records::select_columns(records::slide) + ", state FROM slide ORDER BY position, id");
    while (st.step()) {
        try {
            out.push_back(slide_at(st));
            out.back().position = static_cast<int>(out.size() - 1);
        } catch (const Error& e) {
            if (!skipped) throw;
            skipped->push_back(std::string("a damaged slide was skipped: ") + e.what());
        }
    }
    return out;
}

std::int64_t add_slide(Store& store, std::string_view name, const SlideState& state) {
    check_name(name);
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    Slide slide;
    slide.position = slide_count(db);
    slide.name = std::string(name);
    records::RowInsert insert(db, records::slide, {"state"});
    insert.run(slide, slide_state_to_json(state));
    const std::int64_t id = sqlite3_last_insert_rowid(db);
    tx.commit();
    return id;
}

void rename_slide(Store& store, std::int64_t id, std::string_view name) {
    check_name(name);
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    require_slide(db, id);
    Slide slide;
    slide.id = id;
    slide.name = std::string(name);
    records::RowUpdate(db, records::slide, {"name"}, {"id"}).run(slide);
    tx.commit();
}

void update_slide(Store& store, std::int64_t id, const SlideState& state) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    require_slide(db, id);
    sql::Statement st(db, "UPDATE slide SET state = ? WHERE id = ?");
    st.bind_all(slide_state_to_json(state), id).run();
    tx.commit();
}

bool delete_slide(Store& store, std::int64_t id) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    sql::Statement remove(db, "DELETE FROM slide WHERE id = ?");
    remove.bind_all(id).run();
    const bool removed = sqlite3_changes(db) > 0;
    write_positions(db, ids_in_order(db));
    tx.commit();
    return removed;
}

namespace {

void place(sqlite3* db, std::int64_t id, int position) {
    std::vector<std::int64_t> ids = ids_in_order(db);
    ids.erase(std::find(ids.begin(), ids.end(), id));
    position = std::clamp(position, 0, static_cast<int>(ids.size()));
    ids.insert(ids.begin() + position, id);
    write_positions(db, ids);
}

}  // namespace

void move_slide(Store& store, std::int64_t id, int position) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    require_slide(db, id);
    place(db, id, position);
    tx.commit();
}

void restore_slide(Store& store, const Slide& slide) {
    check_name(slide.name);
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    // Back at the end under its old id, then moved to its old position.
    records::RowInsert insert(db, records::slide, {"id", "position", "state"});
    insert.run(slide, slide.id, slide_count(db), slide_state_to_json(slide.state));
    place(db, slide.id, slide.position);
    tx.commit();
}

}  // namespace wardscope
