// Compare's generation diff (compare_diff.hpp).
#include "ui/views/compare_diff.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include <imgui.h>

#include "ui/data_editor.hpp"
#include "ui/model.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en) — every UI string of the panel.
#define WS_COMPARE_DIFF_STRINGS(X)                                                                           \
    X(title_fmt, "世代差分: %s → %s", "Generation diff: %s → %s")                                            \
    X(indexing, "施策の対応づけを準備中…", "Preparing the measure matching…")                              \
    X(continued, "継続", "continued")                                                                        \
    X(changed, "変更", "changed")                                                                            \
    X(added, "新規", "new")                                                                                  \
    X(dropped, "廃止", "dropped")                                                                            \
    X(count_fmt, "%s %d", "%s %d")                                                                           \
    X(confirmed_fmt, "確認済み %d", "confirmed %d")                                                          \
    X(stale_fmt, "計画にない施策を指す判断 %d件（保存したまま）",                                              \
      "%d decisions name measures no longer in the plans (kept)")                                           \
    X(method_fmt,                                                                                            \
      "類似度: 施策名の文字バイグラム（NFKC正規化、出現の少ない文字列ほど重い tf-idf）のコサイン。"             \
      "%d%%以上の組を似ている順に対応付け、%d%%以上か同名なら継続。確認・変更・解除は利用者データとして保存され、再取込後も残ります（Ctrl+Z で取り消し）。", \
      "Similarity: cosine of the names' character bigrams (NFKC, rarer bigrams weigh more: tf-idf). "      \
      "Pairs of %d%% or more are matched, most similar first; %d%% or more, or the same name, is continued. " \
      "Confirmed, changed and broken matches are stored as your data and survive re-imports (Ctrl+Z undoes).") \
    X(same_municipality, "世代差分は同じ自治体の2つの計画を比べます。上の「世代比較」で自治体を選ぶか、同じ自治体の計画を2件選んでください。", \
      "The generation diff compares two plans of one municipality: choose a municipality under Generations, or two of its plans.") \
    X(col_status, "状態", "Status")                                                                          \
    X(col_similarity, "類似度", "Similarity")                                                                \
    X(col_actions, "対応", "Match")                                                                          \
    X(percent_fmt, "%d%%", "%d%%")                                                                           \
    X(none, "—", "—")                                                                                        \
    X(closest_fmt, "最も近い施策: %s（%d%%）", "Closest: %s (%d%%)")                                          \
    X(no_closest, "似ている施策はありません", "No similar measure")                                          \
    X(by_user, "確認済み", "confirmed")                                                                      \
    X(broken_note, "対応を解除済み", "match broken")                                                         \
    X(confirm, "確認", "Confirm")                                                                            \
    X(confirm_tip, "この対応を確定します（再取込後も残ります）", "Keep this match (it survives re-imports)") \
    X(break_match, "解除", "Break")                                                                          \
    X(break_tip, "この2つは別の施策として扱います", "These two are different measures")                       \
    X(clear, "取消", "Reset")                                                                                \
    X(clear_tip, "この判断を消して自動の対応に戻します", "Forget this decision: the automatic match applies") \
    X(change, "変更…", "Change…")                                                                           \
    X(link, "対応付け…", "Match with…")                                                                     \
    X(pick_fmt, "%3d%%  %s", "%3d%%  %s")                                                                    \
    X(no_measures, "施策がありません", "No measures")

namespace L {
WS_COMPARE_DIFF_STRINGS(WS_STR_DECLARE)
}  // namespace L

const char* status_text(DiffStatus s, Lang lang) {
    switch (s) {
        case DiffStatus::continued: return L::continued(lang);
        case DiffStatus::changed: return L::changed(lang);
        case DiffStatus::added: return L::added(lang);
        case DiffStatus::dropped: return L::dropped(lang);
    }
    return "";
}

ImU32 status_color(DiffStatus s) {
    switch (s) {
        case DiffStatus::continued: return IM_COL32(46, 125, 70, 255);
        case DiffStatus::changed: return IM_COL32(176, 112, 0, 255);
        case DiffStatus::added: return IM_COL32(36, 99, 184, 255);
        case DiffStatus::dropped: return IM_COL32(140, 70, 70, 255);
    }
    return 0;
}

int percent(double similarity) { return static_cast<int>(std::lround(similarity * 100.0)); }

// Plans ordered by generation: start year (unknown last), then end year, then id.
// The two plans' column headings: their labels; where one would be cut at
// `width`, what tells them apart — the labels after their common words
// ("2019–2021" / "2022–2024"; the heading above names both in full).
std::pair<std::string, std::string> column_headings(const std::string& a, const std::string& b, float width) {
    if (ImGui::CalcTextSize(a.c_str()).x <= width && ImGui::CalcTextSize(b.c_str()).x <= width) return {a, b};
    std::size_t common = 0;
    while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
    const std::size_t space = a.rfind(' ', common == 0 ? 0 : common - 1);
    if (space == std::string::npos || space + 1 >= a.size() || space + 1 >= b.size()) return {a, b};
    return {a.substr(space + 1), b.substr(space + 1)};
}

bool earlier(const Plan& a, const Plan& b) {
    const int as = a.start_fy.value_or(1 << 30), bs = b.start_fy.value_or(1 << 30);
    if (as != bs) return as < bs;
    const int ae = a.end_fy.value_or(1 << 30), be = b.end_fy.value_or(1 << 30);
    if (ae != be) return ae < be;
    return a.id < b.id;
}

const Node& node_at(const Plan& p, int node) { return p.nodes[static_cast<std::size_t>(node)]; }

// A combo of the other plan's measures, most similar first; returns the chosen node or -1.
int pick_measure(ViewContext& ctx, const char* label, const Plan& self_plan, int self_node, const Plan& other, int skip) {
    const MeasureSimilarity& index = ctx.model.similarity;
    // As small as the SmallButtons beside it.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0.0f));
    ImGui::SetNextItemWidth(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
    int chosen = -1;
    const bool open = ImGui::BeginCombo("##pick", label, ImGuiComboFlags_HeightLarge | ImGuiComboFlags_NoArrowButton);
    ImGui::PopStyleVar();
    if (!open) return chosen;
    const std::size_t self_plan_index = static_cast<std::size_t>(ctx.model.index.plan_index(self_plan.id));
    const std::size_t other_index = static_cast<std::size_t>(ctx.model.index.plan_index(other.id));
    const long self = index.find(self_plan_index, self_node);
    std::vector<std::pair<double, int>> options;
    for (std::size_t k : index.measures_of(other_index)) {
        const int node = static_cast<int>(index.measure(k).node);
        if (node == skip) continue;
        options.emplace_back(self >= 0 ? index.text_similarity(static_cast<std::size_t>(self), k) : 0.0, node);
    }
    std::stable_sort(options.begin(), options.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    if (options.empty()) ImGui::TextDisabled("%s", L::no_measures(ctx.lang));
    for (const auto& [similarity, node] : options) {
        ImGui::PushID(node);
        const std::string text = format(L::pick_fmt(ctx.lang), percent(similarity), node_title(node_at(other, node), ctx.lang).c_str());
        if (ImGui::Selectable(text.c_str())) chosen = node;
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return chosen;
}

}  // namespace

void GenerationDiffPanel::append_strings(std::vector<const char*>& out) { WS_COMPARE_DIFF_STRINGS(WS_STR_COLLECT) }

const GenerationDiff& GenerationDiffPanel::diff_for(const ViewContext& ctx, std::size_t a, std::size_t b) {
    if (!built_ || a != a_ || b != b_) {
        diff_ = diff_generations(ctx.data, ctx.model.similarity, a, b, ctx.model.match_overrides);
        a_ = a, b_ = b;
        built_ = true;
    }
    return diff_;
}

void GenerationDiffPanel::draw(ViewContext& ctx, const Plan& first, const Plan& second) {
    const Lang lang = ctx.lang;
    if (first.municipality_id != second.municipality_id || first.id == second.id) {
        text_wrapped_colored(dim_text_color(), L::same_municipality(lang));
        return;
    }
    const Plan& pa = earlier(second, first) ? second : first;
    const Plan& pb = &pa == &first ? second : first;
    const int ia = ctx.model.index.plan_index(pa.id), ib = ctx.model.index.plan_index(pb.id);
    if (ia < 0 || ib < 0) return;
    if (!ctx.model.indexes_ready) {  // the start-up builds them after the first frame: shown when they come
        text_wrapped_colored(dim_text_color(), L::indexing(lang));
        return;
    }
    const GenerationDiff& diff = diff_for(ctx, static_cast<std::size_t>(ia), static_cast<std::size_t>(ib));

    heading(format(L::title_fmt(lang), plan_short_label(ctx.data, pa, lang).c_str(), plan_short_label(ctx.data, pb, lang).c_str()));
    BadgeFlow counts;
    for (DiffStatus s : {DiffStatus::continued, DiffStatus::changed, DiffStatus::added, DiffStatus::dropped})
        counts.add(format(L::count_fmt(lang), status_text(s, lang), diff.count(s)), status_color(s), IM_COL32_WHITE);
    const int confirmed = static_cast<int>(std::count_if(diff.rows.begin(), diff.rows.end(), [](const DiffRow& r) { return r.confirmed; }));
    if (confirmed > 0) counts.add(format(L::confirmed_fmt(lang), confirmed), accent_color(0.35f));
    counts.end();
    if (diff.decisions_stale > 0) text_wrapped_colored(dim_text_color(), format(L::stale_fmt(lang), diff.decisions_stale));
    // The room sees the diff; how it is made and the controls that change it are the planner's.
    const bool room = ctx.presenting;
    if (!room)
        text_wrapped_colored(dim_text_color(), format(L::method_fmt(lang), percent(match_threshold), percent(continued_threshold)));
    if (!message_.empty() && !room) text_wrapped_colored(IM_COL32(220, 70, 50, 255), message_);
    ImGui::Spacing();

    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_PadOuterX |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
    const float status_w = std::max(ImGui::CalcTextSize(L::col_status(lang)).x, 4.2f * em());
    const float similarity_w = std::max(ImGui::CalcTextSize(L::col_similarity(lang)).x, 3.2f * em());
    const float actions_w = ImGui::CalcTextSize(L::confirm(lang)).x + ImGui::CalcTextSize(L::break_match(lang)).x +
                            ImGui::CalcTextSize(L::change(lang)).x + ImGui::GetFrameHeight() * 2 + 1.5f * em();
    const float plan_column_w = (ImGui::GetContentRegionAvail().x - status_w - similarity_w - (room ? 0.0f : actions_w)) / 2 -
                                2 * ImGui::GetStyle().CellPadding.x - 1.0f * em();
    const auto [heading_a, heading_b] =
        column_headings(plan_short_label(ctx.data, pa, lang), plan_short_label(ctx.data, pb, lang), plan_column_w);
    if (!ImGui::BeginTable("##generation_diff", room ? 4 : 5, flags)) return;
    ImGui::TableSetupColumn(L::col_status(lang), ImGuiTableColumnFlags_WidthFixed, status_w);
    ImGui::TableSetupColumn(L::col_similarity(lang), ImGuiTableColumnFlags_WidthFixed, similarity_w);
    ImGui::TableSetupColumn(heading_a.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(heading_b.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    if (!room) ImGui::TableSetupColumn(L::col_actions(lang), ImGuiTableColumnFlags_WidthFixed, actions_w);
    // The headings one by one, so that tests find each (value: the text's width, to compare with the cell's).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        ImGui::TableSetColumnIndex(c);
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(name);
        if (probes_enabled())
            record_probe("compare.diff.heading/" + std::to_string(c), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                         ImGui::CalcTextSize(name).x, 0, name);
    }
    for (std::size_t r = 0; r < diff.rows.size(); ++r) {
        const DiffRow& row = diff.rows[r];
        ImGui::PushID(static_cast<int>(r));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        badge(status_text(row.status, lang), status_color(row.status), IM_COL32_WHITE);
        record_probe(("compare.diff.row." + std::to_string(r)).c_str(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (row.confirmed) text_wrapped_colored(accent_color(), L::by_user(lang));
        else if (row.broken) text_wrapped_colored(dim_text_color(), L::broken_note(lang));

        ImGui::TableSetColumnIndex(1);
        const bool matched = row.node_a >= 0 && row.node_b >= 0;
        if (matched) {
            ImGui::TextUnformatted(format(L::percent_fmt(lang), percent(row.similarity)).c_str());
        } else {
            ImGui::TextDisabled("%s", L::none(lang));
            if (ImGui::IsItemHovered() && !ctx.screenshot) {
                const Plan& other = row.node_a >= 0 ? pb : pa;
                ImGui::SetTooltip("%s", row.closest >= 0
                                            ? format(L::closest_fmt(lang), node_title(node_at(other, row.closest), lang).c_str(),
                                                     percent(row.similarity)).c_str()
                                            : L::no_closest(lang));
            }
        }
        const int sides[2] = {row.node_a, row.node_b};
        const Plan* plans[2] = {&pa, &pb};
        for (int side = 0; side < 2; ++side) {
            ImGui::TableSetColumnIndex(2 + side);
            if (sides[side] < 0) {
                text_wrapped_colored(dim_text_color(), L::none(lang));
                continue;
            }
            const Node& n = node_at(*plans[side], sides[side]);
            text_wrapped(node_title(n, lang));
            source_tooltip_for(ImGui::IsItemHovered() && !ctx.screenshot, n.source.empty() ? plans[side]->source : n.source, ctx.data.taxonomy, lang,
                               n.name);
        }
        if (!room) {
            ImGui::TableSetColumnIndex(4);
            draw_actions(ctx, row, pa, pb);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void GenerationDiffPanel::draw_actions(ViewContext& ctx, const DiffRow& row, const Plan& a, const Plan& b) {
    const Lang lang = ctx.lang;
    using Edit = DataEditor::MatchEdit;
    // Shots and tests have no editor: the controls are shown, disabled.
    ImGui::BeginDisabled(ctx.editor == nullptr);
    auto decide = [&](Edit edit, int node_a, int node_b) {
        if (ctx.editor)
            message_ = ctx.editor->decide_match(edit, a.id, node_at(a, node_a).id, b.id, node_at(b, node_b).id);
    };
    auto small = [&](const char* label, const char* tip) {
        const bool clicked = ImGui::SmallButton(label);
        if (ImGui::IsItemHovered() && !ctx.screenshot) ImGui::SetTooltip("%s", tip);
        ImGui::SameLine(0, 0.3f * em());
        return clicked;
    };
    if (row.node_a >= 0 && row.node_b >= 0) {
        if (!row.confirmed && small(L::confirm(lang), L::confirm_tip(lang))) decide(Edit::confirm, row.node_a, row.node_b);
        if (row.confirmed && small(L::clear(lang), L::clear_tip(lang))) decide(Edit::clear, row.node_a, row.node_b);
        if (small(L::break_match(lang), L::break_tip(lang))) decide(Edit::break_match, row.node_a, row.node_b);
        const int other = pick_measure(ctx, L::change(lang), a, row.node_a, b, row.node_b);
        if (other >= 0) decide(Edit::confirm, row.node_a, other);
    } else {
        const bool in_a = row.node_a >= 0;
        if (row.broken && small(L::clear(lang), L::clear_tip(lang)))
            decide(Edit::clear, in_a ? row.node_a : row.broken_with, in_a ? row.broken_with : row.node_b);
        const int other = in_a ? pick_measure(ctx, L::link(lang), a, row.node_a, b, -1)
                               : pick_measure(ctx, L::link(lang), b, row.node_b, a, -1);
        if (other >= 0) decide(Edit::confirm, in_a ? row.node_a : other, in_a ? other : row.node_b);
    }
    ImGui::EndDisabled();
}

}  // namespace wardscope::ui
