#include "ui/widgets/filter_bar.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <cfloat>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/era.hpp"

namespace wardscope::ui {
namespace {

// X(name, ja, en)
#define WS_FILTER_STRINGS(X)                                  \
    X(municipality, "自治体", "Municipality")                 \
    X(all, "すべて", "All")                                   \
    X(kind, "区・市", "Ward/city")                            \
    X(ward, "区", "Wards")                                    \
    X(city, "市", "Cities")                                   \
    X(plan_kind, "計画の種類", "Plan kind")                   \
    X(period, "期間", "Period")                               \
    X(from, "から", "from")                                   \
    X(to, "まで", "to")                                       \
    X(any_year, "指定なし", "any")                            \
    X(theme, "テーマ", "Theme")                               \
    X(any_theme, "すべてのテーマ", "any theme")               \
    X(clear, "解除", "Clear")                                 \
    X(n_selected, "%d件選択", "%d selected")                  \
    X(find_hint, "名前・よみ・コード", "name, reading, code")  \
    X(n_found, "%d件", "%d found")                            \
    X(plans_shown, "%d / %d 計画", "%d / %d {plan|plans}")          \
    X(similar, "類似", "Similar")                             \
    X(similar_need, "自治体を選ぶと、類似の自治体で絞り込めます", "Select a municipality to filter by its similar ones") \
    X(similar_tip, "選択中の自治体と、同じ都道府県・同じ種別・同じグループの自治体に絞り込みます", \
      "Show the selected municipality and those of its prefecture, its kind or one of your groups")

namespace S {
WS_FILTER_STRINGS(WS_STR_DECLARE)
}  // namespace S

// A combo of checkboxes over `options` (id, label); empty set = all. True when `chosen` changed.
bool multi_select(const char* id, const char* title, std::set<std::string>& chosen,
                  const std::vector<std::pair<std::string, std::string>>& options, Lang lang, float width) {
    std::string preview = chosen.empty() ? std::string(S::all(lang))
                          : chosen.size() == 1
                              ? [&] {
                                    for (const auto& [value, label] : options)
                                        if (chosen.count(value)) return label;
                                    return *chosen.begin();
                                }()
                              : format(S::n_selected(lang), static_cast<int>(chosen.size()));
    ImGui::TextUnformatted(title);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        bool all = chosen.empty();
        if (ImGui::Checkbox(S::all(lang), &all) && all) chosen.clear(), changed = true;
        for (const auto& [value, label] : options) {
            bool on = chosen.count(value) > 0;
            ImGui::PushID(value.c_str());
            if (ImGui::Checkbox(label.c_str(), &on)) {
                if (on) chosen.insert(value);
                else chosen.erase(value);
                if (chosen.size() == options.size()) chosen.clear();
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

bool year_combo(const char* id, int& year, int first, int last, Lang lang, float width) {
    ImGui::SetNextItemWidth(width);
    const std::string preview = year ? fiscal_year_label(year) : std::string(S::any_year(lang));
    bool changed = false;
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (ImGui::Selectable(S::any_year(lang), year == 0)) year = 0, changed = true;
        for (int fy = first; fy <= last; ++fy)
            if (ImGui::Selectable(fiscal_year_label(fy).c_str(), year == fy)) year = fy, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

std::string municipality_option(const Dataset& data, const Municipality& m, Lang lang) {
    std::string label = municipality_name(data, m.id, lang);
    std::string detail = m.prefecture;
    if (!m.code.empty()) detail += (detail.empty() ? "" : " ") + m.code;
    return detail.empty() ? label : label + "（" + detail + "）";
}

}  // namespace

bool municipality_picker(const ViewContext& ctx, FilterBarState& state, std::set<std::string>& chosen, float width) {
    const Dataset& data = ctx.data;
    const Lang lang = ctx.lang;
    std::string preview = chosen.empty() ? std::string(S::all(lang))
                          : chosen.size() == 1 && data.find_municipality(*chosen.begin())
                              ? municipality_name(data, *chosen.begin(), lang)
                              : format(S::n_selected(lang), static_cast<int>(chosen.size()));
    ImGui::TextUnformatted(S::municipality(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (!ImGui::BeginCombo("##municipality", preview.c_str(), ImGuiComboFlags_HeightLarge)) return false;
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##find", S::find_hint(lang), &state.query);
    if (ImGui::IsItemActive()) ensure_glyphs(state.query);
    if (!state.finder) state.finder.emplace(data.municipalities);
    if (state.query != state.found_query) {
        state.found_query = state.query;
        state.found = state.finder->find(state.query);
    }
    bool all = chosen.empty();
    if (ImGui::Checkbox(S::all(lang), &all) && all) chosen.clear(), changed = true;
    ImGui::SameLine();
    ImGui::TextDisabled(S::n_found(lang), static_cast<int>(state.found.size()));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(state.found.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const Municipality& m = data.municipalities[state.found[static_cast<std::size_t>(r)]];
            bool on = chosen.count(m.id) > 0;
            ImGui::PushID(m.id.c_str());
            if (ImGui::Checkbox(municipality_option(data, m, lang).c_str(), &on)) {
                if (on) chosen.insert(m.id);
                else chosen.erase(m.id);
                if (chosen.size() == data.municipalities.size()) chosen.clear();
                changed = true;
            }
            ImGui::PopID();
        }
    ImGui::EndCombo();
    return changed;
}

namespace {

// "Similar": the selected municipality and its similar ones as the filter's
// municipalities (the ids are listed: the filter is plain, saved and restored as any other).
void similar_filter(ViewContext& ctx, Filter& f, FilterBarState& state, float width) {
    const Lang lang = ctx.lang;
    SimilarMenu menu;
    menu.label = S::similar(lang);
    menu.tip = S::similar_tip(lang);
    menu.need = S::similar_need(lang);
    menu.width = width;
    menu.probe = "filter.similar";
    menu.groups = &state.groups;
    if (const std::optional<SimilarChoice> c = similar_menu(ctx, menu)) {
        std::set<std::string> ids(c->municipality_ids.begin(), c->municipality_ids.end());
        ids.insert(ctx.selection.municipality_id());
        f.set_municipality_ids(std::move(ids));
    }
}

}  // namespace

void append_filter_bar_strings(std::vector<const char*>& out) {
    WS_FILTER_STRINGS(WS_STR_COLLECT)
    append_similar_strings(out);
}

void draw_filter_bar(ViewContext& ctx, Filter& f, FilterBarState& state) {
    const Dataset& data = ctx.data;
    const Lang lang = ctx.lang;
    const float w = em();
    ImGui::PushID("filter_bar");
    ImGui::AlignTextToFramePadding();

    std::set<std::string> municipality_ids = f.municipality_ids();
    if (municipality_picker(ctx, state, municipality_ids, 8 * w)) f.set_municipality_ids(std::move(municipality_ids));
    ImGui::SameLine();
    similar_filter(ctx, f, state, 5 * w);

    same_line_if_fits(12 * w);
    ImGui::TextUnformatted(S::kind(lang));
    ImGui::SameLine();
    bool first_radio = true;
    for (const auto& [value, label] : {std::pair{"", S::all(lang)}, {"区", S::ward(lang)}, {"市", S::city(lang)}}) {
        if (!first_radio) ImGui::SameLine();
        first_radio = false;
        if (ImGui::RadioButton(label, f.municipality_kind() == value)) f.set_municipality_kind(value);
    }

    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& k : ctx.model.plan_kinds) kinds.emplace_back(k, k);
    same_line_if_fits(16 * w);
    std::set<std::string> plan_kinds = f.plan_kinds();
    if (multi_select("##plan_kind", S::plan_kind(lang), plan_kinds, kinds, lang, 10 * w))
        f.set_plan_kinds(std::move(plan_kinds));

    const int first = ctx.model.first_fiscal_year, last = ctx.model.last_fiscal_year;
    same_line_if_fits(22 * w);
    ImGui::TextUnformatted(S::period(lang));
    ImGui::SameLine();
    int from = f.fiscal_year_from(), to = f.fiscal_year_to();
    bool years_changed = year_combo("##from", from, first, last, lang, 6.5f * w);
    ImGui::SameLine();
    ImGui::TextUnformatted("–");
    ImGui::SameLine();
    years_changed |= year_combo("##to", to, first, last, lang, 6.5f * w);
    if (years_changed) f.set_fiscal_years(from, to);

    same_line_if_fits(16 * w);
    ImGui::TextUnformatted(S::theme(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(10 * w);
    const std::string theme_preview = f.theme_id().empty() ? std::string(S::any_theme(lang))
                                                           : theme_label(data.taxonomy, f.theme_id(), lang);
    if (ImGui::BeginCombo("##theme", theme_preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable(S::any_theme(lang), f.theme_id().empty())) f.set_theme({});
        for (const Theme& t : data.taxonomy.themes)
            if (ImGui::Selectable(theme_label(data.taxonomy, t.id, lang).c_str(), f.theme_id() == t.id)) f.set_theme(t.id);
        ImGui::EndCombo();
    }

    state.counted.update(data, f);
    const int shown = static_cast<int>(state.counted.passing().size());
    const std::string count = format(S::plans_shown(lang), shown, static_cast<int>(data.plans.size()));
    same_line_if_fits(ImGui::CalcTextSize(count.c_str()).x + 6 * w);
    ImGui::TextDisabled("%s", count.c_str());
    if (f.active()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(S::clear(lang))) f = Filter{};
    }
    ImGui::PopID();
}

}  // namespace wardscope::ui
