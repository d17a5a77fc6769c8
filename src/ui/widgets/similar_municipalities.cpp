#include "ui/widgets/similar_municipalities.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/data_editor.hpp"
#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/open_prefectures.hpp"
#include "ui/widgets/ui_widgets.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en)
#define WS_SIMILAR_STRINGS(X)                                                                   \
    X(same_prefecture_fmt, "同じ都道府県（%s）· %d", "Same prefecture (%s) · %d")                 \
    X(same_kind_fmt, "同じ種別（%s）· %d", "Same kind (%s) · %d")                                 \
    X(group_fmt, "グループ「%s」· %d", "Group “%s” · %d")                                        \
    X(groups_title, "グループ（利用者データ）", "Groups (your data)")                              \
    X(group_hint, "グループ名", "group name")                                                    \
    X(add_to_group, "このグループに追加", "Add to this group")                                   \
    X(remove_from_fmt, "「%s」から外す", "Remove from “%s”")                                     \
    X(in_groups_none, "どのグループにも入っていません", "In no group")                          \
    X(similar_of_fmt, "%sと類似の自治体", "Municipalities similar to %s")

namespace S {
WS_SIMILAR_STRINGS(WS_STR_DECLARE)
}  // namespace S

}  // namespace

std::vector<SimilarChoice> similar_choices(const ViewContext& ctx, const std::string& municipality_id) {
    std::vector<SimilarChoice> out;
    const Dataset& data = ctx.data;
    const Municipality* m = data.find_municipality(municipality_id);
    if (!m) return out;
    const Lang lang = ctx.lang;
    const auto add = [&](SimilarBy by, std::string group, const std::string& label_fmt, const std::string& what) {
        SimilarChoice c;
        c.by = by;
        c.group = std::move(group);
        c.municipality_ids = similar_municipalities(data, ctx.model.groups, municipality_id, by, c.group);
        c.label = format(label_fmt.c_str(), what.c_str(), static_cast<int>(c.municipality_ids.size()));
        out.push_back(std::move(c));
    };
    if (!m->prefecture.empty()) add(SimilarBy::prefecture, {}, S::same_prefecture_fmt(lang), prefecture_name(m->prefecture, lang));
    if (!m->kind.empty()) add(SimilarBy::kind, {}, S::same_kind_fmt(lang), m->kind);
    for (const MunicipalityGroup& g : ctx.model.groups) add(SimilarBy::group, g.name, S::group_fmt(lang), g.name);
    return out;
}

void group_editor(ViewContext& ctx, GroupEditorState& state, const std::string& municipality_id) {
    if (!ctx.editor || !ctx.data.find_municipality(municipality_id)) return;
    const Lang lang = ctx.lang;
    ImGui::PushID("group_editor");
    ImGui::TextDisabled("%s", S::groups_title(lang));
    ImGui::SetNextItemWidth(12 * em());
    ImGui::InputTextWithHint("##name", S::group_hint(lang), &state.name);
    if (ImGui::IsItemActive()) ensure_glyphs(state.name);
    ImGui::SameLine();
    if (ImGui::SmallButton(S::add_to_group(lang))) state.message = ctx.editor->set_group_member(state.name, municipality_id, true);
    bool in_any = false;
    for (const MunicipalityGroup& g : ctx.model.groups) {
        if (std::find(g.municipality_ids.begin(), g.municipality_ids.end(), municipality_id) == g.municipality_ids.end()) continue;
        in_any = true;
        ImGui::PushID(g.name.c_str());
        if (ImGui::SmallButton(format(S::remove_from_fmt(lang), g.name.c_str()).c_str()))
            state.message = ctx.editor->set_group_member(g.name, municipality_id, false);
        ImGui::PopID();
    }
    if (!in_any) ImGui::TextDisabled("%s", S::in_groups_none(lang));
    if (!state.message.empty()) text_wrapped_colored(IM_COL32(220, 70, 60, 255), state.message);
    ImGui::PopID();
}

std::optional<SimilarChoice> similar_menu(ViewContext& ctx, const SimilarMenu& menu) {
    const Lang lang = ctx.lang;
    const std::string base = ctx.selection.municipality_id();
    const bool known = ctx.data.find_municipality(base) != nullptr;
    if (!known && menu.need.empty()) return std::nullopt;
    ImGui::SetNextItemWidth(menu.width);
    const bool open = ImGui::BeginCombo(menu.id, menu.label.c_str(), ImGuiComboFlags_HeightLarge);
    if (probes_enabled()) record_probe(menu.probe, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!open) {
        if (ImGui::IsItemHovered() && !ctx.screenshot) plot::tooltip(menu.tip);
        return std::nullopt;
    }
    std::optional<SimilarChoice> picked;
    if (!known) {
        ImGui::TextDisabled("%s", menu.need.c_str());
    } else {
        ImGui::TextDisabled("%s", format(S::similar_of_fmt(lang), municipality_name(ctx.data, base, lang).c_str()).c_str());
        for (SimilarChoice& c : similar_choices(ctx, base)) {
            ImGui::PushID(c.label.c_str());
            const bool chosen = ImGui::Selectable(c.label.c_str(), false, c.municipality_ids.empty() ? ImGuiSelectableFlags_Disabled : 0);
            if (probes_enabled())
                record_probe(menu.probe + "/" + std::string(to_string(c.by)) + "/" + c.group, ImGui::GetItemRectMin(),
                             ImGui::GetItemRectMax(), static_cast<double>(c.municipality_ids.size()));
            if (chosen) picked = std::move(c);
            ImGui::PopID();
        }
        if (menu.groups && ctx.editor) {
            ImGui::Separator();
            group_editor(ctx, *menu.groups, base);
        }
    }
    ImGui::EndCombo();
    return picked;
}

void append_similar_strings(std::vector<const char*>& out) { WS_SIMILAR_STRINGS(WS_STR_COLLECT) }

}  // namespace wardscope::ui
