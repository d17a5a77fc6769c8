// Notes view: every note and priority vote taken in workshops, filtered and
// sorted by priority, exported as CSV or Markdown for the minutes.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/widgets/annotations.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"

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
};

struct NotesState {
    NotesOptions options;
    std::string query;
    std::string export_path;
    std::string message;
    bool message_error = false;
};

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
    try {  // whole or not at all (wardscope/safe_files.hpp)
        write_file_atomically(path, markdown ? annotations_to_markdown(ctx.data, rows) : annotations_to_csv(ctx.data, rows));
        st.message_error = false;
        st.message = format(S::wrote_fmt(ctx.lang), static_cast<int>(rows.size()), path.c_str());
    } catch (const Error& e) {
        st.message_error = true;
        st.message = std::string(S::write_failed(ctx.lang)) + e.what();
    }
}

void draw_export(const ViewContext& ctx, NotesState& st, const std::vector<const Annotation*>& shown) {
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
    if (!st.message.empty())
        text_wrapped_colored(st.message_error ? IM_COL32(255, 110, 80, 255) : dim_text_color(), st.message);
}

void draw_table(ViewContext& ctx, const std::vector<const Annotation*>& shown) {
    const Lang lang = ctx.lang;
    const float E = em();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##notes", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(S::col_vote(lang), ImGuiTableColumnFlags_WidthFixed, 4.5f * E);
    ImGui::TableSetupColumn(S::col_kind(lang), ImGuiTableColumnFlags_WidthFixed, 6.5f * E);
    ImGui::TableSetupColumn(S::col_item(lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(S::col_note(lang), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(S::col_plan(lang), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(S::col_updated(lang), ImGuiTableColumnFlags_WidthFixed, 6.0f * E);
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < shown.size(); ++r) {
        const Annotation& a = *shown[r];
        ImGui::PushID(static_cast<int>(r));
        ImGui::TableNextRow();
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
        std::string updated = a.updated_at.substr(0, 16);
        std::replace(updated.begin(), updated.end(), 'T', ' ');
        text_wrapped_colored(dim_text_color(), updated);
        if (hovered && !ctx.screenshot) ImGui::SetTooltip("%s", S::row_tip(lang));
        if (clicked && plan) {
            ctx.selection.select_plan(ctx.data, plan->id, a.item.kind == ItemKind::node ? a.item.item_id : std::string());
            ctx.open_view = a.item.kind == ItemKind::node ? "explorer" : "swot";
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}


class NotesView final : public View {
public:
    NotesView() { st_.export_path = default_export_path(); }
    const char* id() const override { return "notes"; }
    const char* title(Lang lang) const override { return S::tab_title(lang); }
    void draw(ViewContext& ctx) override;
    OptionValues save_options() const override {
        return {{"kind", std::to_string(st_.options.kind)},
                {"min_vote", std::to_string(st_.options.min_vote)},
                {"in_filter_only", st_.options.in_filter_only ? "1" : "0"}};
    }
    void restore_options(const OptionValues& values) override {
        st_.options = {};
        read_option(values, "kind", st_.options.kind);
        read_option(values, "min_vote", st_.options.min_vote);
        read_option(values, "in_filter_only", st_.options.in_filter_only);
    }
    void append_strings(std::vector<const char*>& out) const override {
        WS_NOTES_STRINGS(WS_STR_COLLECT)
        out.push_back("—0123456789-T:");
    }

private:
    NotesState st_;
};

void NotesView::draw(ViewContext& ctx) {
    NotesState& st = st_;
    const Lang lang = ctx.lang;
    const std::vector<const Annotation*> shown = shown_annotations(ctx, st);
    heading(S::title(lang));
    ImGui::SameLine();
    ImGui::TextDisabled(S::count_fmt(lang), static_cast<int>(shown.size()), static_cast<int>(ctx.model.annotations.size()));
    if (ctx.model.annotations.empty()) {
        text_wrapped_colored(dim_text_color(), S::none_yet(lang));
        return;
    }
    if (!ctx.presenting) draw_controls(ctx, st);  // the room sees the notes, not the filters and export
    if (!ctx.screenshot && !ctx.presenting) draw_export(ctx, st, shown);
    ImGui::Spacing();
    if (shown.empty()) {
        text_wrapped_colored(dim_text_color(), S::none_match(lang));
        return;
    }
    draw_table(ctx, shown);
}

}  // namespace

std::unique_ptr<View> make_notes_view() { return std::make_unique<NotesView>(); }

}  // namespace wardscope::ui
