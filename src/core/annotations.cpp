// Notes and priority votes on plan items (include/wardscope/workshop.hpp).
#include <algorithm>

#include <sqlite3.h>

#include "record_sql.hpp"
#include "sqlite_statement.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/utf8.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope {

std::string_view to_string(ItemKind kind) {
    switch (kind) {
        case ItemKind::swot: return "swot";
        case ItemKind::tows: return "tows";
        case ItemKind::node: return "node";
    }
    return "node";
}

std::optional<ItemKind> item_kind_from(std::string_view text) {
    for (ItemKind k : {ItemKind::swot, ItemKind::tows, ItemKind::node})
        if (text == to_string(k)) return k;
    return std::nullopt;
}

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

// Whether the database holds the item (the check before a write).
const char* item_exists_sql(ItemKind kind) {
    switch (kind) {
        case ItemKind::swot: return "SELECT 1 FROM swot_item WHERE plan_id = ? AND id = ?";
        case ItemKind::tows: return "SELECT 1 FROM tows_strategy WHERE plan_id = ? AND id = ?";
        case ItemKind::node: return "SELECT 1 FROM node WHERE plan_id = ? AND id = ?";
    }
    return "";
}

const char* kind_label_ja(ItemKind kind) {
    switch (kind) {
        case ItemKind::swot: return "SWOT";
        case ItemKind::tows: return "クロスSWOT";
        case ItemKind::node: return "施策体系";
    }
    return "";
}

std::string annotation_select() { return "SELECT " + records::select_columns(records::annotation) + " FROM annotation"; }

Annotation annotation_at(const sql::Statement& st) {
    Annotation a;
    records::read_fields(records::annotation, st, 0, a);
    if (a.vote && (*a.vote < min_vote || *a.vote > max_vote))
        throw Error("note " + std::to_string(a.id) + ": the vote " + std::to_string(*a.vote) + " is not 1–5");
    return a;
}

std::string utc_now(sqlite3* db) {
    sql::Statement now(db, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    now.step();
    return now.text(0);
}

// The item's annotation set to `a` (its note, vote and time), or removed.
void write_annotation(sqlite3* db, const ItemRef& item, const std::optional<Annotation>& a) {
    if (!a) {
        sql::Statement remove(db, "DELETE FROM annotation WHERE plan_id = ? AND item_kind = ? AND item_id = ?");
        remove.bind_all(item.plan_id, to_string(item.kind), item.item_id).run();
        return;
    }
    Annotation row = *a;
    row.item = item;
    records::RowInsert upsert(db, records::annotation, {},
                              records::upsert_clause(records::annotation, {"plan_id", "item_kind", "item_id"}));
    upsert.run(row);
}

std::string vote_text(const std::optional<int>& vote) { return vote ? std::to_string(*vote) : std::string(); }

}  // namespace

std::string item_text(const Dataset& data, const ItemRef& item) {
    const Plan* plan = data.find_plan(item.plan_id);
    if (!plan) return {};
    switch (item.kind) {
        case ItemKind::swot:
            if (const SwotItem* s = find_by_id(plan->swot, item.item_id)) return s->text;
            break;
        case ItemKind::tows:
            if (const TowsStrategy* t = find_by_id(plan->tows, item.item_id)) return std::string(to_string(t->type)) + " " + t->text;
            break;
        case ItemKind::node:
            if (const Node* n = find_by_id(plan->nodes, item.item_id)) return n->label.empty() ? n->name : n->label + " " + n->name;
            break;
    }
    return {};
}

bool item_exists(const Dataset& data, const ItemRef& item) {
    const Plan* plan = data.find_plan(item.plan_id);
    if (!plan) return false;
    switch (item.kind) {
        case ItemKind::swot: return find_by_id(plan->swot, item.item_id) != nullptr;
        case ItemKind::tows: return find_by_id(plan->tows, item.item_id) != nullptr;
        case ItemKind::node: return find_by_id(plan->nodes, item.item_id) != nullptr;
    }
    return false;
}

void set_annotation(Store& store, const ItemRef& item, std::string_view note, std::optional<int> vote) {
    sqlite3* db = store.handle();
    std::vector<std::string> problems;
    if (vote && (*vote < min_vote || *vote > max_vote))
        problems.push_back("the vote must be " + std::to_string(min_vote) + "–" + std::to_string(max_vote) + ", not " +
                           std::to_string(*vote));
    if (find_invalid_utf8(note) != std::string_view::npos) problems.push_back("the note is not valid UTF-8");
    else if (auto control = control_character_problem(note, TextKind::prose)) problems.push_back("the note " + *control);
    if (note.size() > max_note_bytes)
        problems.push_back("the note is too long (" + std::to_string(note.size()) + " bytes, at most " +
                           std::to_string(max_note_bytes) + ")");
    sql::Statement exists(db, item_exists_sql(item.kind));
    exists.bind_all(item.plan_id, item.item_id);
    if (!exists.step())
        problems.push_back("plan '" + item.plan_id + "' has no " + std::string(to_string(item.kind)) + " item '" +
                           item.item_id + "'");
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
        throw Error(message);
    }
    sql::Transaction tx(db);
    std::optional<Annotation> after;
    if (!note.empty() || vote) after = Annotation{0, item, std::string(note), vote, utc_now(db)};
    write_annotation(db, item, after);
    tx.commit();
}

void restore_annotation(Store& store, const ItemRef& item, const std::optional<Annotation>& before) {
    sqlite3* db = store.handle();
    sql::Transaction tx(db);
    write_annotation(db, item, before);
    tx.commit();
}

std::optional<Annotation> find_annotation(const Store& store, const ItemRef& item) {
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "annotation")) return std::nullopt;
    sql::Statement st(db, annotation_select() + " WHERE plan_id = ? AND item_kind = ? AND item_id = ?");
    st.bind_all(item.plan_id, to_string(item.kind), item.item_id);
    if (!st.step()) return std::nullopt;
    return annotation_at(st);
}

std::vector<Annotation> load_annotations(const Store& store, std::vector<std::string>* skipped) {
    std::vector<Annotation> out;
    sqlite3* db = store.handle();
    if (!sql::has_table(db, "annotation")) return out;  // a read-only open of a version 1–2 database
    sql::Statement st(db, annotation_select() + " ORDER BY plan_id, item_kind, id");
    while (st.step()) {
        try {
            out.push_back(annotation_at(st));
        } catch (const Error& e) {
            if (!skipped) throw;
            skipped->push_back(std::string("a damaged note was skipped: ") + e.what());
        }
    }
    return out;
}

std::string annotations_to_csv(const Dataset& data, const std::vector<Annotation>& annotations) {
    CsvWriter out({"plan_id", "plan_title", "item_kind", "item_id", "item_text", "in_plan", "vote", "note", "updated_at"});
    for (const Annotation& a : annotations) {
        const Plan* plan = data.find_plan(a.item.plan_id);
        out.row({a.item.plan_id, plan ? plan->title : std::string(), std::string(to_string(a.item.kind)),
                         a.item.item_id, item_text(data, a.item), item_exists(data, a.item) ? "1" : "0",
                         vote_text(a.vote), a.note, a.updated_at});
    }
    return out.take();
}

namespace {

// An id as code (taken literally, no HTML), unless it holds what would end
// the code span or the line: then as escaped text.
std::string markdown_code(std::string_view id) {
    for (char c : id)
        if (c == '`' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return markdown_text(id);
    if (find_invalid_utf8(id) != std::string_view::npos) return markdown_text(id);
    return "`" + std::string(id) + "`";
}

}  // namespace

std::string annotations_to_markdown(const Dataset& data, const std::vector<Annotation>& annotations) {
    std::string out = "# ワークショップのメモと優先度投票\n\n";
    if (annotations.empty()) return out + "(なし)\n";
    std::string current_plan;
    for (const Annotation& a : annotations) {
        if (a.item.plan_id != current_plan) {
            current_plan = a.item.plan_id;
            const Plan* plan = data.find_plan(current_plan);
            std::string heading = plan ? plan->title : current_plan;
            if (plan)
                if (const Municipality* m = data.find_municipality(plan->municipality_id)) heading = m->name_ja + " " + heading;
            out += "\n## " + markdown_text(heading) + " (" + markdown_code(current_plan) + ")\n\n";
            out += "| 種別 | 項目 | 優先度 | メモ | 更新 |\n| --- | --- | --- | --- | --- |\n";
        }
        std::string text = item_text(data, a.item);
        if (text.empty()) text = a.item.item_id + " (計画にありません)";
        std::string vote;
        for (int k = 0; a.vote && k < *a.vote; ++k) vote += "★";
        // Every cell from data is escaped: no '|' ends a cell early, no HTML gets through.
        out += "| " + std::string(kind_label_ja(a.item.kind)) + " | " + markdown_text(text) + " | " +
               (a.vote ? vote + " " + std::to_string(*a.vote) : std::string("—")) + " | " + markdown_text(a.note) + " | " +
               markdown_text(a.updated_at) + " |\n";
    }
    return out;
}

}  // namespace wardscope
