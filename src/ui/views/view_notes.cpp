// Notes view: every note and priority vote taken in workshops, filtered and
// sorted by priority, exported as CSV or Markdown for the minutes.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/data_editor.hpp"
#include "ui/widgets/annotations.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {
namespace {

// X(name, ja, en)
#define WS_NOTES_STRINGS(X)                                                                             \
    X(tab_title, "メモ・投票", "Notes")                                                                 \
    X(title, "メモと優先度投票", "Notes and priority votes")                                            \
    X(count_fmt, "%d 件 (全 %d 件)", "%d shown (of %d)")                                                \
    X(kind, "種別", "Kind")                                                                             \
    X(all_kinds, "すべて", "All")                                                                       \
    X(min_vote, "優先度", "Priority")                                                                   \
    X(any_vote, "すべて", "Any")                                                                        \
    X(vote_at_least_fmt, "★%d 以上", "★%d or more")                                                    \
    X(in_filter, "フィルタ内の計画のみ", "Only plans in the filter")                                    \
    X(search_hint, "メモ・項目を検索", "Search notes and items")                                        \
    X(export_path, "書き出し先", "Export to")                                                           \
    X(export_csv, "CSV 書き出し", "Export CSV")                                                         \
    X(export_md, "Markdown 書き出し", "Export Markdown")                                                \
    X(wrote_fmt, "%d 件を書き出しました: %s", "Wrote %d to %s")                                         \
    X(write_failed, "書き出せません: ", "Cannot write: ")                                               \
    X(col_vote, "優先度", "Priority")                                                                   \
    X(col_kind, "種別", "Kind")                                                                         \
    X(col_item, "項目", "Item")                                                                         \
    X(col_note, "メモ", "Note")                                                                         \
    X(col_plan, "計画", "Plan")                                                                         \
    X(col_updated, "更新 (UTC)", "Updated (UTC)")                                                       \
    X(not_in_plan, "(計画にありません)", "(no longer in the plan)")                                     \
    X(none_yet,                                                                                         \
      "メモ・投票はまだありません。SWOT、計画ツリー、比較、カバレッジの項目を右クリックして追加できます。", \
      "No notes or votes yet. Right-click an item in SWOT, Explorer, Compare or Coverage to add one.")  \
    X(none_match, "条件に合うメモ・投票はありません。", "No notes or votes match.")                     \
    X(row_tip, "クリック: 項目を開く · 右クリック: 編集", "Click: open the item · right-click: edit")

namespace S {
WS_NOTES_STRINGS(WS_STR_DECLARE)
}  // namespace S

// The view's options (saved in settings and slides).
struct NotesOptions {
    int kind = -1;               // -1 = every kind, else an ItemKind
    int min_vote = 0;            // 0 = with or without a vote
    bool in_filter_only = true;  // only plans passing the filter bar
    TableSort sort;              // a column of notes_table; -1: priority, then plan
};

// What the table shows, built when its inputs change (not per frame).
struct NotesRows {
    unsigned data_version = ~0u;
    std::size_t annotations = 0;
    NotesOptions options;
    std::string query;
    Filter filter;
    Lang lang = Lang::ja;
    std::vector<const Annotation*> shown;  // in the view's own order
    Table table;                           // notes_table(shown), row k = shown[k]
    std::vector<std::size_t> order;        // rows in the chosen sort
};

struct NotesState {
    NotesOptions options;
    std::string query;
    std::string export_path;
    std::string message;
    bool message_error = false;
    NotesRows rows;
    TableExport table_export;
    // The scroll anchor: the note at the top of the table, "note PLAN/KIND/ITEM"; empty = the top.
    std::string anchor;
    PendingScroll scroll;  // a slide's anchor on its way back
};

// The note's name in an anchor: "PLAN/KIND/ITEM".
std::string note_key(const Annotation& a) {
    return a.item.plan_id + "/" + std::string(to_string(a.item.kind)) + "/" + a.item.item_id;
}

std::string default_export_path() {
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/wardscope-notes";
}

bool contains(const std::string& text, const std::string& query) { return text.find(query) != std::string::npos; }

// The annotations the controls let through, highest priority first.
std::vector<const Annotation*> shown_annotations(const ViewContext& ctx, const NotesState& st) {
    const NotesOptions& o = st.options;
    std::vector<const Annotation*> out;
    for (const Annotation& a : ctx.model.annotations) {
        if (o.kind >= 0 && static_cast<int>(a.item.kind) != o.kind) continue;
        if (o.min_vote > 0 && (!a.vote || *a.vote < o.min_vote)) continue;
        const Plan* plan = ctx.data.find_plan(a.item.plan_id);
        if (o.in_filter_only && plan && !ctx.filter.passes(ctx.data, *plan)) continue;
        if (!st.query.empty() && !contains(a.note, st.query) && !contains(item_text(ctx.data, a.item), st.query)) continue;
        out.push_back(&a);
    }
    // Plans in the dataset's order (municipality, then year).
    const auto plan_rank = [&](const std::string& id) {
        const Plan* p = ctx.data.find_plan(id);
        return p ? p - ctx.data.plans.data() : static_cast<std::ptrdiff_t>(ctx.data.plans.size());
    };
    std::stable_sort(out.begin(), out.end(), [&](const Annotation* a, const Annotation* b) {
        const int va = a->vote.value_or(0), vb = b->vote.value_or(0);
        if (va != vb) return va > vb;
        return plan_rank(a->item.plan_id) < plan_rank(b->item.plan_id);
    });
    return out;
}

bool same_options(const NotesOptions& a, const NotesOptions& b) {
    return a.kind == b.kind && a.min_vote == b.min_vote && a.in_filter_only == b.in_filter_only && a.sort.same_as(b.sort);
}

const NotesRows& notes_rows(const ViewContext& ctx, NotesState& st) {
    NotesRows& r = st.rows;
    if (r.data_version == ctx.model.data_version && r.annotations == ctx.model.annotations.size() &&
        same_options(r.options, st.options) && r.query == st.query && r.filter == ctx.filter && r.lang == ctx.lang)
        return r;
    r.data_version = ctx.model.data_version;
    r.annotations = ctx.model.annotations.size();
    r.options = st.options;
    r.query = st.query;
    r.filter = ctx.filter;
    r.lang = ctx.lang;
    r.shown = shown_annotations(ctx, st);
    r.table = notes_table(ctx.data, r.shown, ctx.lang == Lang::en);
    r.order = table_row_order(r.table, st.options.sort);
    return r;
}

void draw_controls(ViewContext& ctx, NotesState& st) {
    const Lang lang = ctx.lang;
    NotesOptions& o = st.options;
    const float E = em();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(S::kind(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(8 * E);
    const char* kind_preview = o.kind < 0 ? S::all_kinds(lang) : item_kind_name(static_cast<ItemKind>(o.kind), lang);
    if (ImGui::BeginCombo("##kind", kind_preview)) {
        if (ImGui::Selectable(S::all_kinds(lang), o.kind < 0)) o.kind = -1;
        for (ItemKind k : {ItemKind::swot, ItemKind::tows, ItemKind::node})
            if (ImGui::Selectable(item_kind_name(k, lang), o.kind == static_cast<int>(k))) o.kind = static_cast<int>(k);
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(S::min_vote(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(8 * E);
    const std::string vote_preview = o.min_vote > 0 ? format(S::vote_at_least_fmt(lang), o.min_vote) : S::any_vote(lang);
    if (ImGui::BeginCombo("##vote", vote_preview.c_str())) {
        if (ImGui::Selectable(S::any_vote(lang), o.min_vote == 0)) o.min_vote = 0;
        for (int v = min_vote; v <= max_vote; ++v)
            if (ImGui::Selectable(format(S::vote_at_least_fmt(lang), v).c_str(), o.min_vote == v)) o.min_vote = v;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::Checkbox(S::in_filter(lang), &o.in_filter_only);
    same_line_if_fits(14 * E);
    ImGui::SetNextItemWidth(14 * E);
    ImGui::InputTextWithHint("##search", S::search_hint(lang), &st.query);
    if (ImGui::IsItemActive()) ensure_glyphs(st.query);
}

void write_export(const ViewContext& ctx, NotesState& st, const std::vector<const Annotation*>& shown, bool markdown) {
    std::vector<Annotation> rows;
    for (const Annotation* a : shown) rows.push_back(*a);
    std::string path = st.export_path;
    const std::string ext = markdown ? ".md" : ".csv";
    if (path.size() < ext.size() || path.compare(path.size() - ext.size(), ext.size(), ext) != 0) path += ext;
    // Whole or not at all, never over the database (DataEditor::write_export).
    const std::string problem =
        ctx.editor->write_export(path, markdown ? annotations_to_markdown(ctx.data, rows) : annotations_to_csv(ctx.data, rows));
    st.message_error = !problem.empty();
    st.message = st.message_error ? std::string(S::write_failed(ctx.lang)) + problem
                                  : format(S::wrote_fmt(ctx.lang), static_cast<int>(rows.size()), path.c_str());
}

void draw_export(ViewContext& ctx, View& view, NotesState& st, const std::vector<const Annotation*>& shown) {
    const Lang lang = ctx.lang;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(S::export_path(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(10 * em(), ImGui::GetContentRegionAvail().x * 0.4f));
    ImGui::InputText("##path", &st.export_path);
    ImGui::SameLine();
    if (ImGui::Button(S::export_csv(lang))) write_export(ctx, st, shown, false);
    ImGui::SameLine();
    if (ImGui::Button(S::export_md(lang))) write_export(ctx, st, shown, true);
    ImGui::SameLine();
    export_table_button(ctx, view, st.table_export);
    if (!st.message.empty())
        text_wrapped_colored(st.message_error ? IM_COL32(255, 110, 80, 255) : dim_text_color(), st.message);
}

// Header cells drawn one by one so that tests find each header (probes "notes.header/<column>").
void table_headers(const char* const* labels, int count, const char* probe_prefix) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < count; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(labels[c]);
        if (probes_enabled())
            record_probe(std::string(probe_prefix) + std::to_string(c), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
}

void draw_table(ViewContext& ctx, NotesState& st) {
    const Lang lang = ctx.lang;
    const float E = em();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
    if (!ImGui::BeginTable("##notes", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // ImGui column → notes_table column (the user id), for the sort and Ctrl+C.
    const std::vector<int> columns{static_cast<int>(NotesColumn::vote), static_cast<int>(NotesColumn::kind),
                                   static_cast<int>(NotesColumn::item), static_cast<int>(NotesColumn::note),
                                   static_cast<int>(NotesColumn::plan), static_cast<int>(NotesColumn::updated)};
    constexpr ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending;
    ImGui::TableSetupColumn(S::col_vote(lang), fixed, 4.5f * E, columns[0]);
    ImGui::TableSetupColumn(S::col_kind(lang), ImGuiTableColumnFlags_WidthFixed, 6.5f * E, columns[1]);
    ImGui::TableSetupColumn(S::col_item(lang), ImGuiTableColumnFlags_WidthStretch, 3.0f, columns[2]);
    ImGui::TableSetupColumn(S::col_note(lang), ImGuiTableColumnFlags_WidthStretch, 3.0f, columns[3]);
    ImGui::TableSetupColumn(S::col_plan(lang), ImGuiTableColumnFlags_WidthStretch, 2.0f, columns[4]);
    ImGui::TableSetupColumn(S::col_updated(lang), fixed, 6.0f * E, columns[5]);
    const char* labels[] = {S::col_vote(lang), S::col_kind(lang), S::col_item(lang),
                            S::col_note(lang), S::col_plan(lang), S::col_updated(lang)};
    table_headers(labels, 6, "notes.header/");
    update_table_sort(st.options.sort, columns);
    const NotesRows& rows = notes_rows(ctx, st);  // in the order just chosen
    // The scroll anchor: the row at the top under the frozen header (found as
    // the rows go by), and a slide's row to scroll to.
    const std::string wanted = st.scroll.pending() && st.scroll.anchor().starts_with("note ") ? st.scroll.anchor().substr(5) : "";
    float first_row_y = -1, wanted_y = 0;
    const Annotation* at_top = nullptr;
    for (std::size_t r = 0; r < rows.order.size(); ++r) {
        const std::size_t k = rows.order[r];
        const Annotation& a = *rows.shown[k];
        ImGui::PushID(static_cast<int>(k));
        ImGui::TableNextRow();
        const float row_y = ImGui::GetCursorPosY();
        if (first_row_y < 0) first_row_y = row_y;
        if (row_y <= ImGui::GetScrollY() + first_row_y + 0.5f) at_top = &a;
        if (!wanted.empty() && note_key(a) == wanted) wanted_y = row_y - first_row_y;
        ImGui::TableSetColumnIndex(0);
        // The row's hit area: spans every column, under the wrapped texts.
        const bool clicked = ImGui::Selectable("##row", false,
                                               ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        const bool hovered = ImGui::IsItemHovered();
        annotatable(ctx, a.item.plan_id, a.item.kind, a.item.item_id);
        if (probes_enabled())
            record_probe("notes.row/" + a.item.plan_id + "/" + std::string(to_string(a.item.kind)) + "/" + a.item.item_id,
                         ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), a.vote.value_or(0));
        ImGui::SameLine(0, 0);
        if (a.vote) text_wrapped_colored(annotation_color(), "★" + std::to_string(*a.vote));
        else text_wrapped_colored(dim_text_color(), "—");
        ImGui::TableSetColumnIndex(1);
        text_wrapped(item_kind_name(a.item.kind, lang));
        ImGui::TableSetColumnIndex(2);
        const std::string text = item_text(ctx.data, a.item);
        if (text.empty()) text_wrapped_colored(dim_text_color(), a.item.item_id + " " + S::not_in_plan(lang));
        else text_wrapped(text);
        ImGui::TableSetColumnIndex(3);
        text_wrapped(a.note);
        ImGui::TableSetColumnIndex(4);
        const Plan* plan = ctx.data.find_plan(a.item.plan_id);
        text_wrapped_colored(dim_text_color(), plan ? plan_short_label(ctx.data, *plan, lang) : a.item.plan_id);
        ImGui::TableSetColumnIndex(5);
        text_wrapped_colored(dim_text_color(), cell_text(rows.table.rows[k][static_cast<std::size_t>(NotesColumn::updated)]));
        if (hovered && !ctx.screenshot) {
            ImGui::SetTooltip("%s", S::row_tip(lang));
            // Ctrl+C: the hovered cell as the table has it; Ctrl+Shift+C: the item's source.
            const int c = hovered_table_column();
            if (c >= 0 && c < static_cast<int>(columns.size()))
                copy_on_ctrl_c(true, cell_text(rows.table.rows[k][static_cast<std::size_t>(columns[static_cast<std::size_t>(c)])]));
            if (ImGui::GetIO().KeyShift && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false))
                ImGui::SetClipboardText(cell_text(rows.table.rows[k][static_cast<std::size_t>(NotesColumn::source)]).c_str());
        }
        if (clicked && plan) {
            ctx.selection.select_plan(ctx.data, plan->id, a.item.kind == ItemKind::node ? a.item.item_id : std::string());
            ctx.open_view = a.item.kind == ItemKind::node ? "explorer" : "swot";
        }
        ImGui::PopID();
    }
    if (st.scroll.pending()) st.scroll.scroll_to(wanted_y);  // an unknown note: the top
    else st.anchor = ImGui::GetScrollY() < 1.0f || !at_top ? std::string() : "note " + note_key(*at_top);
    ImGui::EndTable();
}


class NotesView final : public View {
public:
    NotesView() { st_.export_path = default_export_path(); }
    const char* id() const override { return "notes"; }
    const char* title(Lang lang) const override { return S::tab_title(lang); }
    void draw(ViewContext& ctx) override;
    // The note at the top of the table: "note PLAN/KIND/ITEM"; empty = the top.
    std::string save_anchor() const override { return st_.anchor; }
    void restore_anchor(const std::string& anchor) override {
        st_.anchor = anchor.starts_with("note ") ? anchor : std::string();
        st_.scroll.set(st_.anchor);
    }
    OptionValues save_options() const override {
        return {{"kind", std::to_string(st_.options.kind)},
                {"min_vote", std::to_string(st_.options.min_vote)},
                {"in_filter_only", st_.options.in_filter_only ? "1" : "0"},
                {"sort", to_option(st_.options.sort)}};
    }
    void restore_options(const OptionValues& values) override {
        st_.options = {};
        read_option(values, "kind", st_.options.kind);
        read_option(values, "min_vote", st_.options.min_vote);
        read_option(values, "in_filter_only", st_.options.in_filter_only);
        if (const auto it = values.find("sort"); it != values.end()) st_.options.sort = table_sort_from(it->second);
    }
    std::optional<Table> table(ViewContext& ctx) override {
        const NotesRows& rows = notes_rows(ctx, st_);
        Table sorted = rows.table;  // in the order the view shows
        for (std::size_t r = 0; r < rows.order.size(); ++r) sorted.rows[r] = rows.table.rows[rows.order[r]];
        return sorted;
    }
    void append_strings(std::vector<const char*>& out) const override {
        WS_NOTES_STRINGS(WS_STR_COLLECT)
        out.push_back("—0123456789-T:▲▼");
    }

private:
    NotesState st_;
};

void NotesView::draw(ViewContext& ctx) {
    NotesState& st = st_;
    const Lang lang = ctx.lang;
    const NotesRows& rows = notes_rows(ctx, st);
    const std::vector<const Annotation*>& shown = rows.shown;
    heading(S::title(lang));
    ImGui::SameLine();
    ImGui::TextDisabled(S::count_fmt(lang), static_cast<int>(shown.size()), static_cast<int>(ctx.model.annotations.size()));
    if (ctx.model.annotations.empty()) {
        text_wrapped_colored(dim_text_color(), S::none_yet(lang));
        return;
    }
    if (!ctx.presenting) draw_controls(ctx, st);  // the room sees the notes, not the filters and export
    if (ctx.editor && !ctx.presenting) draw_export(ctx, *this, st, shown);
    ImGui::Spacing();
    if (shown.empty()) {
        text_wrapped_colored(dim_text_color(), S::none_match(lang));
        return;
    }
    draw_table(ctx, st);
}

}  // namespace

std::unique_ptr<View> make_notes_view() { return std::make_unique<NotesView>(); }

}  // namespace wardscope::ui
