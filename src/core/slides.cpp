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

void check_notes(std::string_view notes) {
    if (find_invalid_utf8(notes) != std::string_view::npos) throw Error("the slide's notes are not valid UTF-8");
    if (auto control = control_character_problem(notes, TextKind::prose)) throw Error("the slide's notes " + *control);
    if (notes.size() > max_note_bytes)
        throw Error("the slide's notes are too long (at most " + std::to_string(max_note_bytes) + " bytes)");
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

// Slides are picked by name (the panel's list, `wardscope slides remove --name`):
// two slides never share one. `id` is the slide being renamed (0 for a new one).
void check_name_unused(sqlite3* db, std::string_view name, std::int64_t id) {
    sql::Statement st(db, "SELECT position FROM slide WHERE name = ? AND id <> ?");
    st.bind_all(name, id);
    if (st.step())
        throw Error("there is already a slide named '" + std::string(name) + "' (slide " +
                    std::to_string(st.integer(0) + 1) + ")");
}

void require_slide(sqlite3* db, std::int64_t id) {
    sql::Statement st(db, "SELECT 1 FROM slide WHERE id = ?");
    st.bind_all(id);
    if (!st.step()) throw Error("no slide with id " + std::to_string(id));
}

}  // namespace

namespace {

// `version`: the file's schema (a read-only open of a version 3 file has no notes).
Slide slide_at(const sql::Statement& st, int version) {
    Slide s;
    const int state_column = records::read_fields(records::slide, st, 0, s, version);
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

void check_slide_state(const SlideState& state, const Dataset& data, const std::vector<std::string>& known_views) {
    if (std::find(known_views.begin(), known_views.end(), state.view) == known_views.end()) {
        std::string known;
        for (const std::string& v : known_views) known += (known.empty() ? "" : ", ") + v;
        throw Error("unknown view '" + state.view + "' (known: " + known + ")");
    }
    for (const std::string& id : state.plan_ids) {
        if (data.find_plan(id)) continue;
        std::string known;
        for (const Plan& p : data.plans) known += (known.empty() ? "" : ", ") + p.id;
        throw Error("no plan '" + id + "' in the database (known: " + known + ")");
    }
    for (std::size_t i = 0; i < state.plan_ids.size(); ++i)
        if (std::find(state.plan_ids.begin(), state.plan_ids.begin() + static_cast<std::ptrdiff_t>(i), state.plan_ids[i]) !=
            state.plan_ids.begin() + static_cast<std::ptrdiff_t>(i))
            throw Error("plan '" + state.plan_ids[i] + "' is named twice");
    if (state.lang != "ja" && state.lang != "en") throw Error("unknown language '" + state.lang + "' (ja or en)");
}

std::string unused_slide_name(const std::vector<Slide>& slides, std::string_view lang) {
    const std::string prefix = lang == "en" ? "Slide " : "スライド ";
    for (std::size_t n = slides.size() + 1;; ++n) {
        const std::string name = prefix + std::to_string(n);
        if (std::none_of(slides.begin(), slides.end(), [&](const Slide& s) { return s.name == name; })) return name;
    }
}

std::vector<Slide> load_slides(const Store& store, std::vector<std::string>* skipped) {
    std::vector<Slide> out;
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "slide")) return out;  // a read-only open of a version 1–2 database
    // A version 3 file opened read-only has no notes column: its slides have no notes.
    sql::Statement st(db, "SELECT " + records::select_columns(records::slide, "", store.user_version()) +
                              ", state FROM slide ORDER BY position, id");
    while (st.step()) {
        try {
            out.push_back(slide_at(st, store.user_version()));
            out.back().position = static_cast<int>(out.size() - 1);
        } catch (const Error& e) {
            if (!skipped) throw;
            skipped->push_back(std::string("a damaged slide was skipped: ") + e.what());
        }
    }
    return out;
}

std::int64_t add_slide(Store& store, std::string_view name, const SlideState& state, std::string_view notes) {
    check_name(name);
    check_notes(notes);
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    check_name_unused(db, name, 0);
    Slide slide;
    slide.position = slide_count(db);
    slide.name = std::string(name);
    slide.notes = std::string(notes);
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
    check_name_unused(db, name, id);
    Slide slide;
    slide.id = id;
    slide.name = std::string(name);
    records::RowUpdate(db, records::slide, {"name"}, {"id"}).run(slide);
    tx.commit();
}

void set_slide_notes(Store& store, std::int64_t id, std::string_view notes) {
    check_notes(notes);
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    require_slide(db, id);
    Slide slide;
    slide.id = id;
    slide.notes = std::string(notes);
    records::RowUpdate(db, records::slide, {"notes"}, {"id"}).run(slide);
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
