#include "ui/widgets/selection_chips.hpp"

#include <imgui.h>

#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en)
#define WS_SELECTION_STRINGS(X)                                                                          \
    X(selected, "選択中:", "Selected:")                                                                  \
    X(none, "なし（計画をクリックで選択、Ctrl+クリックで追加）", "none (click a plan to select it, Ctrl-click to add)") \
    X(clear_all, "すべて解除", "Clear all")                                                             \
    X(remove_tip, "選択から外す", "Remove from the selection")                                           \
    X(add_hint, "Ctrl+クリックで追加・解除", "Ctrl-click adds or removes")                                \
    X(full_fmt, "選択できるのは %d 件までです", "At most %d plans can be selected")

namespace S {
WS_SELECTION_STRINGS(WS_STR_DECLARE)
}  // namespace S

}  // namespace

void append_selection_chip_strings(std::vector<const char*>& out) { WS_SELECTION_STRINGS(WS_STR_COLLECT) }

void click_plan(ViewContext& ctx, const std::string& plan_id, const std::string& node_id) {
    if (ImGui::GetIO().KeyCtrl) {
        ctx.selection.toggle_plan(ctx.data, plan_id);
        return;
    }
    ctx.selection.select_plan(ctx.data, plan_id, node_id);
}

void draw_selection_chips(ViewContext& ctx) {
    const Lang lang = ctx.lang;
    const float E = em();
    ImGui::PushID("selection_chips");
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", S::selected(lang));
    const std::vector<std::string> ids = ctx.selection.plan_ids();  // a copy: × changes the selection
    if (ids.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", S::none(lang));
    }
    std::string remove;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Plan* plan = ctx.data.find_plan(ids[i]);
        if (!plan) continue;
        const std::string label = plan_short_label(ctx.data, *plan, lang);
        same_line_if_fits(ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFrameHeight() + 1.5f * E, 0.6f * E);
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginGroup();
        const bool hovered = badge(label, series_color(i), IM_COL32(255, 255, 255, 255));
        ImGui::SameLine(0, 0.2f * E);
        if (ImGui::SmallButton("×")) remove = ids[i];
        if (ImGui::IsItemHovered() && !ctx.screenshot) ImGui::SetTooltip("%s", S::remove_tip(lang));
        ImGui::EndGroup();
        record_probe("selection.chip/" + ids[i], ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        source_tooltip_for(hovered && !ctx.screenshot, plan->source, ctx.data.taxonomy, lang, plan_long_label(ctx.data, *plan, lang));
        ImGui::PopID();
    }
    if (!ids.empty()) {
        same_line_if_fits(ImGui::CalcTextSize(S::clear_all(lang)).x + 2 * E, 0.8f * E);
        if (ImGui::SmallButton(S::clear_all(lang))) ctx.selection.clear();
        record_probe("selection.clear", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (ids.size() < Selection::max_plans) {
            same_line_if_fits(ImGui::CalcTextSize(S::add_hint(lang)).x, 0.8f * E);
            ImGui::TextDisabled("%s", S::add_hint(lang));
        } else {
            same_line_if_fits(ImGui::CalcTextSize(S::full_fmt(lang)).x, 0.8f * E);
            ImGui::TextDisabled(S::full_fmt(lang), static_cast<int>(Selection::max_plans));
        }
    }
    if (!remove.empty()) ctx.selection.remove_plan(ctx.data, remove);
    ImGui::PopID();
}

}  // namespace wardscope::ui
