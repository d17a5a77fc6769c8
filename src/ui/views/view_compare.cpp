// Compare: 2–4 plans in aligned columns (period, status, vision, structure,
// top-level strategies aligned across plans, indicators) and their theme
// profiles as grouped bars (the plot module's); one click compares a municipality's plan
// generations (issue #3).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/filtered_plans.hpp"
#include "ui/plot/plot.hpp"
#include "ui/views/compare_diff.hpp"
#include "ui/widgets/annotations.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/similar_municipalities.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en) — every UI string of this view.
#define WS_COMPARE_STRINGS(X)                                                                               \
    X(tab_title, "比較", "Compare")                                                                         \
    X(plans_label, "比較する計画（2〜4件）", "Plans to compare (2–4)")                                        \
    X(add_plan, "＋ 計画を追加", "+ Add a plan")                                                             \
    X(generations, "世代比較:", "Generations:")                                                              \
    X(similar_preset, "類似の自治体と比較", "Compare with similar")                                           \
    X(similar_preset_tip, "選択中の自治体の現行計画と、類似の自治体（最大3）の現行計画を並べます",              \
      "The selected municipality's current plan beside those of up to 3 similar municipalities")            \
    X(generation_fmt, "%s（%d計画）", "%s (%d {plan|plans})")                                                        \
    X(choose_municipality, "自治体を選ぶ…", "Choose a municipality…")                                         \
    X(generation_tip, "この自治体の計画を開始年度順に並べて比較します", "Compare this municipality's plans, oldest first") \
    X(need_two, "2件以上の計画を選ぶと並べて比較できます。", "Choose two or more plans to compare them side by side.") \
    X(default_note, "（既定: 最初の世代比較）", "(default: the first generation comparison)")                \
    X(no_plans, "計画がありません。", "No plans.")                                                            \
    X(row_municipality, "自治体", "Municipality")                                                            \
    X(row_period, "期間", "Period")                                                                          \
    X(row_kind, "種別・状態", "Kind · status")                                                               \
    X(row_vision, "将来像", "Vision")                                                                        \
    X(row_statements, "ステートメント", "Statements")                                                        \
    X(row_structure, "構成", "Structure")                                                                    \
    X(row_strategies, "戦略・柱", "Strategies")                                                              \
    X(row_indicators, "指標", "Indicators")                                                                  \
    X(as_written_fmt, "原文: %s", "as written: %s")                                                          \
    X(approved_by_fmt, "（%s承認）", " (approved by %s)")                                                    \
    X(not_in_source, "原資料に記載なし", "not in the source")                                                \
    X(no_indicators, "原資料に指標なし", "no indicators in the source")                                      \
    X(no_strategies, "施策体系なし", "no hierarchy")                                                         \
    X(count_fmt, "%s %d", "%s %d")                                                                           \
    X(new_fmt, "新規 %d", "new %d")                                                                          \
    X(indicators_fmt, "指標 %d（目標値あり %d）", "{indicator|indicators} %d (%d with a target)")                         \
    X(swot_fmt, "SWOT %d · クロスSWOT %d", "SWOT %d · cross-SWOT %d")                                        \
    X(measures_note_fmt, "施策%d", "%d {measure|measures}")                                                            \
    X(measure_note_one, "施策1", "1 measure")                                                                \
    X(similar_fmt, "≈ %d%%", "≈ %d%%")                                                                      \
    X(similar_tip, "似た戦略として並べています（テーマと名称の類似度 %d%%）",                                 \
      "Shown side by side as similar strategies (theme and name similarity %d%%)")                           \
    X(shared_themes, "共通テーマ: ", "Shared themes: ")                                                      \
    X(baseline_target_fmt, "基準 %s → 目標 %s", "baseline %s → target %s")                                  \
    X(themes_title, "テーマ構成 — 各テーマを含む施策の割合", "Theme profile — share of measures carrying each theme") \
    X(themes_note, "1つの施策が複数のテーマを持つことがあるため、合計は100%を超えることがあります。",          \
      "A measure may carry several themes, so shares can add up to more than 100%.")                         \
    X(leaves_note, "施策の階層がない計画は末端の項目で集計しています。",                                        \
      "Plans without measure-level items are counted by their lowest items.")                                \
    X(untagged, "テーマなし", "no theme")                                                                    \
    X(bar_fmt, "%d · %d%%", "%d · %d%%")                                                                     \
    X(bar_tip_fmt, "%s\n%s: %d / %d（%.0f%%）\n手動 %d · ルール %d",                                          \
      "%s\n%s: %d of %d (%.0f%%)\nhand %d · rule %d")                                                        \
    X(no_measures, "集計できる施策がありません", "no measures to count")                                     \
    X(translated, "（英訳）", " (translation)")                                                              \
    X(synthetic, "合成データ", "synthetic data")                                                             \
    X(mode_label, "表示:", "Show:")                                                                          \
    X(mode_columns, "並べて比較", "Side by side")                                                            \
    X(mode_diff, "世代差分（施策の継続・変更・新規・廃止）", "Generation diff (measures continued, changed, new, dropped)")

namespace L {
WS_COMPARE_STRINGS(WS_STR_DECLARE)
}  // namespace L

constexpr std::size_t max_plans = 4;

// The strategies of the shown plans, aligned: rebuilt when the plans change.
struct AlignmentCache {
    bool built = false;
    std::vector<std::string> ids;
    std::vector<AlignedRow> rows;
};

// Runs of unmatched strategies (one plan each) are packed into shared table rows,
// one per plan, keeping every plan's order; matched rows stay as they are and are
// the only ones marked as similar.
std::vector<AlignedRow> pack_unmatched(const std::vector<AlignedRow>& rows, std::size_t plans) {
    std::vector<AlignedRow> out;
    AlignedRow packed;
    packed.nodes.assign(plans, -1);
    bool open = false;
    auto flush = [&] {
        if (open) out.push_back(packed);
        packed = AlignedRow{};
        packed.nodes.assign(plans, -1);
        open = false;
    };
    for (const AlignedRow& row : rows) {
        int members = 0;
        std::size_t only = 0;
        for (std::size_t p = 0; p < row.nodes.size(); ++p)
            if (row.nodes[p] >= 0) ++members, only = p;
        if (members != 1) {
            flush();
            out.push_back(row);
            continue;
        }
        if (packed.nodes[only] >= 0) flush();
        packed.nodes[only] = row.nodes[only];
        open = true;
    }
    flush();
    return out;
}

const std::vector<AlignedRow>& alignment(AlignmentCache& cache, const std::vector<const Plan*>& plans) {
    std::vector<std::string> ids;
    for (const Plan* p : plans) ids.push_back(p->id);
    if (!cache.built || cache.ids != ids) {
        cache.built = true;
        cache.ids = ids;
        cache.rows = pack_unmatched(align_strategies(plans), plans.size());
    }
    return cache.rows;
}

// The toolbar's choices, rebuilt once per data or filter change (issue #16:
// they walked every plan and generation each frame): the municipalities with a
// plan passing the filter, and the plans that can be added.
struct ChooserCache {
    FilteredPlans filtered;
    std::vector<std::size_t> visible_generations;
    std::vector<std::string> chosen;     // the compared plans the candidates leave out
    std::vector<std::size_t> candidates;  // plans passing the filter, not compared yet
    bool stale = true;

    void update(const ViewContext& ctx, const DataIndex& index, const std::vector<std::string>& ids) {
        const bool changed = filtered.update(ctx.data, ctx.filter) || stale;
        if (changed) {
            std::vector<char> passes(ctx.data.plans.size(), 0);
            for (std::size_t k : filtered.passing()) passes[k] = 1;
            visible_generations.clear();
            for (std::size_t g = 0; g < index.generations.size(); ++g)
                if (std::any_of(index.generations[g].plans.begin(), index.generations[g].plans.end(),
                                [&](std::size_t k) { return passes[k] != 0; }))
                    visible_generations.push_back(g);
        }
        if (changed || chosen != ids) {
            chosen = ids;
            candidates.clear();
            for (std::size_t k : filtered.passing())
                if (std::find(ids.begin(), ids.end(), ctx.data.plans[k].id) == ids.end()) candidates.push_back(k);
        }
        stale = false;
    }
    void invalidate() {
        filtered.invalidate();
        stale = true;
    }
};

void set_plans(ViewContext& ctx, const std::vector<std::string>& ids) { ctx.selection.set_plans(ctx.data, ids, max_plans); }

// ---- Toolbar ---------------------------------------------------------------------------

// The preset "compare with similar": the selected municipality's current plan,
// then those of its first similar municipalities (same prefecture, same kind or
// one of the user's groups), up to max_plans.
void similar_preset(ViewContext& ctx) {
    const Lang lang = ctx.lang;
    SimilarMenu menu;
    menu.label = L::similar_preset(lang);
    menu.tip = L::similar_preset_tip(lang);
    menu.width = ImGui::CalcTextSize(L::similar_preset(lang)).x + ImGui::GetFrameHeight() * 2;
    menu.probe = "compare.similar";
    if (!ctx.data.find_municipality(ctx.selection.municipality_id())) return;
    same_line_if_fits(menu.width, 0.8f * em());
    const std::optional<SimilarChoice> c = similar_menu(ctx, menu);
    if (!c) return;
    std::vector<std::string> picked = similar_current_plans(ctx.data, {ctx.selection.municipality_id()}, ctx.current_fiscal_year, 1);
    for (std::string& id : similar_current_plans(ctx.data, c->municipality_ids, ctx.current_fiscal_year, max_plans - picked.size()))
        picked.push_back(std::move(id));
    set_plans(ctx, picked);
}

// `label` cut with an ellipsis to fit `max_w` pixels (at least a few characters).
std::string cut_to_width(const std::string& label, float max_w) {
    max_w = std::max(max_w, 6.0f * em());
    if (ImGui::CalcTextSize(label.c_str()).x <= max_w) return label;
    std::string shown = label;
    while (shown.size() > 4) {
        std::size_t cut = shown.size() - 1;  // drop one UTF-8 code point from the end
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        shown.resize(cut);
        if (ImGui::CalcTextSize((shown + "…").c_str()).x <= max_w) return shown + "…";
    }
    return shown + "…";
}

void draw_toolbar(ViewContext& ctx, ChooserCache& choices, const DataIndex& index, const std::vector<const Plan*>& plans,
                  bool defaulted) {
    const Lang lang = ctx.lang;
    std::vector<std::string> ids;
    for (const Plan* p : plans) ids.push_back(p->id);
    choices.update(ctx, index, ids);

    if (!ctx.presenting) {  // the room sees the plans (their colours and years), not how to choose them
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(L::plans_label(lang));
        if (defaulted) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", L::default_note(lang));
        }
    }
    // The plans' chips: outside presentation the selection chips above every
    // view name them (× and "clear all" there); compare shows its own only to
    // the room (no chips there, no ×) and for its default plans (not selected).
    if (ctx.presenting || defaulted) {
        for (std::size_t i = 0; i < plans.size(); ++i) {
            const std::string label = plan_short_label(ctx.data, *plans[i], lang);
            const float w = ImGui::CalcTextSize(label.c_str()).x + 0.7f * em() + ImGui::GetStyle().ItemSpacing.x;
            if (i > 0 || (defaulted && !ctx.presenting)) same_line_if_fits(w, 0.8f * em());
            ImGui::AlignTextToFramePadding();
            const bool hovered = badge(cut_to_width(label, ImGui::GetContentRegionAvail().x - 0.7f * em()), series_color(i));
            if (probes_enabled()) record_probe("compare.plan/" + std::to_string(i), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            source_tooltip_for(hovered && !ctx.screenshot, plans[i]->source, ctx.data.taxonomy, lang, plan_long_label(ctx.data, *plans[i], lang));
        }
    }
    if (ctx.presenting) return;
    if (plans.size() < max_plans) {
        const float w = ImGui::CalcTextSize(L::add_plan(lang)).x + ImGui::GetFrameHeight() * 2;
        if (!plans.empty()) same_line_if_fits(w, 0.8f * em());
        ImGui::SetNextItemWidth(w);
        const bool open = ImGui::BeginCombo("##add", L::add_plan(lang), ImGuiComboFlags_HeightLarge);
        record_probe("compare.add_plan", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (open) {
            // Only the rows in sight are drawn: thousands of plans at national scale.
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(choices.candidates.size()));
            bool chosen = false;
            while (clipper.Step())
                for (int r = clipper.DisplayStart; r < clipper.DisplayEnd && !chosen; ++r) {
                    const std::size_t i = choices.candidates[static_cast<std::size_t>(r)];
                    const Plan& p = ctx.data.plans[i];
                    ImGui::PushID(static_cast<int>(i));
                    if (ImGui::Selectable(plan_long_label(ctx.data, p, lang).c_str())) {
                        ids.push_back(p.id);
                        chosen = true;
                    }
                    ImGui::PopID();
                }
            ImGui::EndCombo();
            if (chosen) set_plans(ctx, ids);
        }
    }

    similar_preset(ctx);

    // Generations: one button per municipality with several plans (a list when there are many).
    const std::vector<std::size_t>& visible = choices.visible_generations;
    if (visible.empty()) return;
    auto group_ids = [&](const GenerationGroup& group) {
        std::vector<std::string> gids;
        for (std::size_t k : group.plans) gids.push_back(ctx.data.plans[k].id);
        if (gids.size() > max_plans) gids.erase(gids.begin(), gids.end() - max_plans);  // the newest, oldest first
        return gids;
    };
    auto group_label = [&](const GenerationGroup& group) {
        return format(L::generation_fmt(lang), municipality_name(ctx.data, group.municipality_id, lang).c_str(),
                      static_cast<int>(group.plans.size()));
    };
    auto group_button = [&](std::size_t g) {
        const GenerationGroup& group = index.generations[g];
        const std::vector<std::string> gids = group_ids(group);
        const std::string label = group_label(group);
        const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
        same_line_if_fits(w, 0.5f * em());
        const bool active = gids == ids;
        ImGui::PushID(static_cast<int>(g));
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
        if (ImGui::Button(label.c_str())) set_plans(ctx, gids);
        if (active) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered() && !ctx.screenshot) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(L::generation_tip(lang));
            for (std::size_t k : group.plans)
                ImGui::BulletText("%s", plan_long_label(ctx.data, ctx.data.plans[k], lang).c_str());
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(L::generations(lang));
    const std::size_t max_buttons = 8;
    if (visible.size() <= max_buttons) {
        for (std::size_t g : visible) group_button(g);
        return;
    }
    // Many municipalities: the selected municipality's button, then a list of all.
    for (std::size_t g : visible)
        if (index.generations[g].municipality_id == ctx.selection.municipality_id()) group_button(g);
    const float w = std::min(16.0f * em(), ImGui::GetContentRegionAvail().x);
    same_line_if_fits(w, 0.5f * em());
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("##generations", L::choose_municipality(lang), ImGuiComboFlags_HeightLarge)) {
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(visible.size()));
        std::vector<std::string> picked;
        while (clipper.Step())
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                const std::size_t g = visible[static_cast<std::size_t>(r)];
                ImGui::PushID(static_cast<int>(g));
                const std::vector<std::string> gids = group_ids(index.generations[g]);
                if (ImGui::Selectable(group_label(index.generations[g]).c_str(), gids == ids)) picked = gids;
                ImGui::PopID();
            }
        ImGui::EndCombo();
        if (!picked.empty()) set_plans(ctx, picked);
    }
}

// ---- Table -------------------------------------------------------------------------------

void row_label(const char* text) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(dim_text_color(), text);
}

void draw_table(ViewContext& ctx, AlignmentCache& cache, const DataIndex& index, const std::vector<const Plan*>& plans,
                const std::vector<int>& pidx) {
    const Lang lang = ctx.lang;
    const int n = static_cast<int>(plans.size());
    const char* labels[] = {L::row_municipality(lang), L::row_period(lang),     L::row_kind(lang),
                            L::row_vision(lang),       L::row_structure(lang),  L::row_strategies(lang),
                            L::row_indicators(lang),   L::row_statements(lang)};
    float label_w = 0;
    for (const char* l : labels) label_w = std::max(label_w, ImGui::CalcTextSize(l).x);
    label_w = std::min(label_w + 0.6f * em(), 7.5f * em());

    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX |
                                  ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##compare", n + 1, flags)) return;
    ImGui::TableSetupColumn("##label", ImGuiTableColumnFlags_WidthFixed, label_w);
    for (int c = 0; c < n; ++c) {
        ImGui::PushID(c);
        ImGui::TableSetupColumn("##plan", ImGuiTableColumnFlags_WidthStretch);
        ImGui::PopID();
    }

    // Header: colour, title as written (English translation in en), synthetic badge.
    ImGui::TableNextRow();
    for (int c = 0; c < n; ++c) {
        const Plan& p = *plans[static_cast<std::size_t>(c)];
        ImGui::TableSetColumnIndex(c + 1);
        ImGui::PushID(c);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + 0.3f * em()), series_color(static_cast<std::size_t>(c)));
        ImGui::Dummy(ImVec2(w, 0.3f * em()));
        if (p.is_synthetic) badge(L::synthetic(lang), IM_COL32(200, 60, 60, 255));
        BlockOptions opt;
        const BlockState b = text_block("##title", {{p.title, heading_color()},
                                                    {lang == Lang::en && !p.title_en.empty() ? std::string_view(p.title_en) : std::string_view(),
                                                     dim_text_color()}},
                                        opt);
        source_tooltip_for(b.hovered && !ctx.screenshot, p.source, ctx.data.taxonomy, lang);
        if (b.clicked) ctx.selection.select_municipality(p.municipality_id);
        if (probes_enabled())  // tests check that a restored slide shows every plan's header
            record_probe("compare.header/" + p.id, pos, ImGui::GetItemRectMax());
        ImGui::PopID();
    }

    row_label(L::row_municipality(lang));
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const Plan& p = *plans[static_cast<std::size_t>(c)];
        std::string m = municipality_name(ctx.data, p.municipality_id, Lang::ja);
        if (lang == Lang::en) m = municipality_name(ctx.data, p.municipality_id, Lang::en) + " (" + m + ")";
        text_wrapped(m);
    }

    row_label(L::row_period(lang));
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const Plan& p = *plans[static_cast<std::size_t>(c)];
        text_wrapped(period_text(p, lang));
        if (!p.period_as_written.empty())
            text_wrapped_colored(dim_text_color(), format(L::as_written_fmt(lang), p.period_as_written.c_str()));
    }

    row_label(L::row_kind(lang));
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const Plan& p = *plans[static_cast<std::size_t>(c)];
        std::string s = p.kind;
        s += " · ";
        s += p.status.empty() ? std::string(unknown_text(lang)) : p.status;
        if (!p.approved_by.empty()) s += format(L::approved_by_fmt(lang), p.approved_by.c_str());
        text_wrapped(s);
    }

    row_label(L::row_vision(lang));
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const Plan& p = *plans[static_cast<std::size_t>(c)];
        if (p.vision.empty())
            text_wrapped_colored(dim_text_color(), L::not_in_source(lang));
        else
            text_wrapped(p.vision);
    }

    // The plans' statements about themselves, under the source's labels (only when one has any).
    if (std::any_of(plans.begin(), plans.end(), [](const Plan* p) { return !p->statements.empty(); })) {
        row_label(L::row_statements(lang));
        for (int c = 0; c < n; ++c) {
            ImGui::TableSetColumnIndex(c + 1);
            const Plan& p = *plans[static_cast<std::size_t>(c)];
            if (p.statements.empty()) text_wrapped_colored(dim_text_color(), L::not_in_source(lang));
            ImGui::PushID(c);
            for (std::size_t i = 0; i < p.statements.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                plan_statement_block(p.statements[i], ctx.data.taxonomy, lang, !ctx.screenshot,
                                     "compare.statement/" + p.id + "/" + std::to_string(i));
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }

    row_label(L::row_structure(lang));
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const PlanCounts& k = index.plans[static_cast<std::size_t>(pidx[static_cast<std::size_t>(c)])].counts;
        std::string levels;
        const Plan& plan = *plans[static_cast<std::size_t>(c)];
        for (std::size_t l = 0; l < k.per_level.size() && l < plan.levels.size(); ++l) {
            if (k.per_level[l] == 0) continue;
            if (!levels.empty()) levels += " · ";
            levels += format(L::count_fmt(lang), level_name(plan, plan.levels[l].id, lang).c_str(), k.per_level[l]);
        }
        if (k.new_nodes > 0) levels += (levels.empty() ? "" : " · ") + format(L::new_fmt(lang), k.new_nodes);
        if (!levels.empty()) text_wrapped(levels);
        text_wrapped(format(L::indicators_fmt(lang), k.indicators, k.indicators_with_target));
        if (k.swot_items + k.tows_strategies > 0)
            text_wrapped(format(L::swot_fmt(lang), k.swot_items, k.tows_strategies));
        const std::string annotated = plan_annotations_text(ctx, plans[static_cast<std::size_t>(c)]->id);
        if (!annotated.empty()) text_wrapped_colored(annotation_color(), annotated);
    }

    // Strategies: top-level nodes aligned across plans.
    const auto& rows = alignment(cache, plans);
    if (rows.empty()) {
        row_label(L::row_strategies(lang));
        for (int c = 0; c < n; ++c) {
            ImGui::TableSetColumnIndex(c + 1);
            text_wrapped_colored(dim_text_color(), L::no_strategies(lang));
        }
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const AlignedRow& row = rows[r];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(static_cast<int>(r));
        if (r == 0) text_wrapped_colored(dim_text_color(), L::row_strategies(lang));
        int members = 0;
        for (int v : row.nodes) members += v >= 0;
        if (members >= 2 && n >= 2 && row.score > 0) {  // packed unmatched rows have score 0
            const int pct = static_cast<int>(std::lround(row.score * 100));
            text_wrapped_colored(accent_color(), format(L::similar_fmt(lang), pct));
            if (ImGui::IsItemHovered() && !ctx.screenshot) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(28.0f * em());
                ImGui::TextUnformatted(format(L::similar_tip(lang), pct).c_str());
                if (!row.shared_themes.empty()) {
                    std::string t = L::shared_themes(lang);
                    for (std::size_t k = 0; k < row.shared_themes.size(); ++k)
                        t += (k ? "、" : "") + theme_label(ctx.data.taxonomy, row.shared_themes[k], lang);
                    ImGui::TextUnformatted(t.c_str());
                }
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
        for (int c = 0; c < n; ++c) {
            ImGui::TableSetColumnIndex(c + 1);
            const int ni = row.nodes[static_cast<std::size_t>(c)];
            if (ni < 0) {
                text_wrapped_colored(dim_text_color(), "—");
                continue;
            }
            const Plan& p = *plans[static_cast<std::size_t>(c)];
            const PlanInfo& info = index.plans[static_cast<std::size_t>(pidx[static_cast<std::size_t>(c)])];
            const Node& node = p.nodes[static_cast<std::size_t>(ni)];
            ImGui::PushID(c);
            BlockOptions opt;
            std::string note;
            if (info.tree.measures[static_cast<std::size_t>(ni)] > 0) {
                note = info.tree.measures[static_cast<std::size_t>(ni)] == 1
                       ? std::string(L::measure_note_one(lang))
                       : format(L::measures_note_fmt(lang), info.tree.measures[static_cast<std::size_t>(ni)]);
                opt.note = note;
            }
            const bool selected = c == 0 && ctx.selection.is_front(p.id) && ctx.selection.node_id() == node.id;
            if (selected) opt.background = ImGui::GetColorU32(ImGuiCol_Header);
            std::string mark;
            mark_annotation(ctx, opt, mark, p.id, ItemKind::node, node.id);
            const BlockState b = text_block("##strategy", {{node_title(node, lang)}}, opt);
            std::string extra = node.name;
            if (!node.name_en.empty()) extra += "\n" + node.name_en + L::translated(lang);
            source_tooltip_for(b.hovered && !ctx.screenshot, node_source(p, info.tree, ni), ctx.data.taxonomy, lang, extra);
            annotatable(ctx, p.id, ItemKind::node, node.id);
            if (b.clicked) {
                // The first column is the current plan: select the node there. Other
                // columns only select the municipality, so the columns keep their order.
                if (c == 0 && ctx.selection.is_front(p.id)) ctx.selection.select_node(node.id);
                ctx.selection.select_municipality(p.municipality_id);
            }
            ImGui::PopID();
        }
        ImGui::PopID();
    }

    row_label(L::row_indicators(lang));
    for (int c = 0; c < n; ++c) {
        ImGui::TableSetColumnIndex(c + 1);
        const Plan& p = *plans[static_cast<std::size_t>(c)];
        if (p.indicators.empty()) {
            text_wrapped_colored(dim_text_color(), L::no_indicators(lang));
            continue;
        }
        ImGui::PushID(c);
        for (std::size_t i = 0; i < p.indicators.size(); ++i) {
            const Indicator& ind = p.indicators[i];
            const std::string& name = lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name;
            std::string head = (ind.label.empty() ? ind.kind : ind.label) + "  " + name;
            std::string values = format(L::baseline_target_fmt(lang), point_text(ind.baseline, ind.unit, lang).c_str(),
                                        point_text(ind.target, ind.unit, lang).c_str());
            ImGui::PushID(static_cast<int>(i));
            BlockOptions options;
            const Progress* progress = ctx.model.find_progress(p.id, ind.id);
            if (progress && progress->status != ProgressStatus::no_data) {
                options.badge = progress_text(*progress, lang);
                options.badge_color = progress_color(*progress);
            }
            const BlockState b = text_block("##ind", {{head}, {values, dim_text_color()}}, options);
            std::string extra = ind.name;
            if (!ind.baseline.note.empty()) extra += "\n" + ind.baseline.note;
            if (!ind.target.note.empty()) extra += "\n" + ind.target.note;
            if (!ind.note.empty()) extra += "\n" + ind.note;
            source_tooltip_for(b.hovered && !ctx.screenshot, ind.source.empty() ? p.source : ind.source, ctx.data.taxonomy, lang, extra);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// ---- Theme profile: grouped horizontal bars --------------------------------------------------

void draw_theme_bars(ViewContext& ctx, const DataIndex& index, const std::vector<const Plan*>& plans,
                     const std::vector<int>& pidx) {
    const Lang lang = ctx.lang;
    const Taxonomy& tax = ctx.data.taxonomy;
    heading(L::themes_title(lang));
    text_wrapped_colored(dim_text_color(), L::themes_note(lang));
    bool leaves = false;
    for (int k : pidx) leaves |= index.plans[static_cast<std::size_t>(k)].profile.counts_leaves;
    if (leaves) text_wrapped_colored(dim_text_color(), L::leaves_note(lang));

    // Legend.
    std::vector<plot::LegendEntry> legend;
    for (std::size_t c = 0; c < plans.size(); ++c)
        legend.push_back({plan_short_label(ctx.data, *plans[c], lang), series_color(c), plot::Swatch::box});
    plot::legend(legend);

    // Categories: themes any plan uses, in taxonomy order, then "no theme".
    struct Category {
        std::string label;
        std::string theme_id;  // empty: untagged
    };
    std::vector<Category> cats;
    const ThemeProfile& first = index.plans[static_cast<std::size_t>(pidx.front())].profile;
    for (std::size_t t = 0; t < first.themes.size(); ++t) {
        bool used = false;
        for (int k : pidx) {
            const ThemeCount* tc = index.plans[static_cast<std::size_t>(k)].profile.find(first.themes[t].theme_id);
            used |= tc && tc->items > 0;
        }
        if (used) cats.push_back({theme_label(tax, first.themes[t].theme_id, lang), first.themes[t].theme_id});
    }
    // Theme ids unknown to the taxonomy that only later plans carry.
    for (int k : pidx)
        for (const ThemeCount& tc : index.plans[static_cast<std::size_t>(k)].profile.themes)
            if (tc.items > 0 && std::none_of(cats.begin(), cats.end(), [&](const Category& c) { return c.theme_id == tc.theme_id; }))
                cats.push_back({theme_label(tax, tc.theme_id, lang), tc.theme_id});
    cats.push_back({L::untagged(lang), ""});

    struct Value {
        int items = 0, total = 0, hand = 0, rule = 0;
        double share = 0;
    };
    auto value_of = [&](std::size_t c, const Category& cat) {
        const ThemeProfile& prof = index.plans[static_cast<std::size_t>(pidx[c])].profile;
        Value v;
        v.total = prof.total;
        if (cat.theme_id.empty()) {
            v.items = prof.untagged;
        } else if (const ThemeCount* tc = prof.find(cat.theme_id)) {
            v.items = tc->items;
            v.hand = tc->hand;
            v.rule = tc->rule;
        }
        v.share = v.total > 0 ? static_cast<double>(v.items) / v.total : 0.0;
        return v;
    };
    double max_share = 0;
    for (std::size_t c = 0; c < plans.size(); ++c)
        for (const Category& cat : cats) max_share = std::max(max_share, value_of(c, cat).share);
    // Axis: 0 … max rounded up to 10 %.
    const double axis_max = std::max(0.1, std::ceil(max_share * 10.0 - 1e-9) / 10.0);

    // Grid every 10 % (or 20 % when wide), labelled at the bottom.
    const double step = axis_max > 0.5 ? 0.2 : 0.1;

    plot::GroupedBarsSpec spec;
    for (const Category& cat : cats) spec.categories.push_back(cat.label);
    for (std::size_t c = 0; c < plans.size(); ++c) spec.series_colors.push_back(series_color(c));
    spec.axis_max = axis_max;
    spec.max_ticks = static_cast<int>(std::lround(axis_max / step));
    spec.tick_format = [](double v) { return std::to_string(static_cast<int>(std::lround(v * 100))) + "%"; };
    spec.value_label_sample = "000 · 100%";
    spec.value = [&](std::size_t k, std::size_t c) {
        const Value v = value_of(c, cats[k]);
        plot::BarValue bar;
        if (v.total > 0) {
            bar.value = v.share;
            bar.label = format(L::bar_fmt(lang), v.items, static_cast<int>(std::lround(v.share * 100)));
        } else {
            bar.label = L::no_measures(lang);
            bar.dim = true;
        }
        return bar;
    };
    ImGui::Spacing();
    const plot::BarHit hit = plot::grouped_bars("##theme_bars", spec);
    if (hit.category >= 0 && hit.series >= 0 && !ctx.screenshot) {
        const std::size_t k = static_cast<std::size_t>(hit.category), c = static_cast<std::size_t>(hit.series);
        const Value v = value_of(c, cats[k]);
        ImGui::BeginTooltip();
        ImGui::Text(L::bar_tip_fmt(lang), plan_long_label(ctx.data, *plans[c], lang).c_str(), cats[k].label.c_str(), v.items,
                    v.total, v.share * 100.0, v.hand, v.rule);
        ImGui::EndTooltip();
    }
}

// The selected plans (at most max_plans), else the first municipality's
// generations, said so in the toolbar; true when defaulted.
bool shown_plans(const ViewContext& ctx, std::vector<const Plan*>& plans, std::vector<int>& pidx) {
    const DataIndex& index = ctx.model.index;
    for (const std::string& id : ctx.selection.plan_ids()) {
        if (plans.size() >= max_plans) break;
        const int k = index.plan_index(id);
        if (k < 0) continue;
        if (std::find(pidx.begin(), pidx.end(), k) != pidx.end()) continue;
        plans.push_back(&ctx.data.plans[static_cast<std::size_t>(k)]);
        pidx.push_back(k);
    }
    bool defaulted = false;
    if (plans.empty() && !index.generations.empty()) {
        for (std::size_t k : index.generations.front().plans) {
            if (plans.size() >= max_plans) break;
            plans.push_back(&ctx.data.plans[k]);
            pidx.push_back(static_cast<int>(k));
        }
        defaulted = true;
    }

    return defaulted;
}

// Side by side (the columns), or the generation diff of the first two plans.
enum class CompareMode { columns, diff };
const CompareMode compare_modes[] = {CompareMode::columns, CompareMode::diff};
const char* mode_name(CompareMode m) { return m == CompareMode::diff ? "diff" : "columns"; }

void draw_mode_switch(ViewContext& ctx, CompareMode& mode) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(L::mode_label(ctx.lang));
    for (CompareMode m : compare_modes) {
        const char* label = m == CompareMode::diff ? L::mode_diff(ctx.lang) : L::mode_columns(ctx.lang);
        same_line_if_fits(ImGui::CalcTextSize(label).x + ImGui::GetFrameHeight() * 1.5f, 0.6f * em());
        if (ImGui::RadioButton(label, mode == m)) mode = m;
        record_probe(std::string("compare.mode.") + mode_name(m), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
}

class CompareView final : public View {
public:
    const char* id() const override { return "compare"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    bool shows_selected_plans() const override { return true; }
    void on_data(const Model&) override {
        cache_ = {};
        choices_.invalidate();
        diff_.on_data();
    }
    void draw(ViewContext& ctx) override;
    OptionValues save_options() const override { return {{"mode", mode_name(mode_)}}; }
    void restore_options(const OptionValues& values) override {
        mode_ = CompareMode::columns;
        read_option(values, "mode", compare_modes, mode_name, mode_);
    }
    void append_strings(std::vector<const char*>& out) const override {
        WS_COMPARE_STRINGS(WS_STR_COLLECT)
        GenerationDiffPanel::append_strings(out);
    }
    bool needs_kpi_history() const override { return true; }

    // "themes" when scrolled down to the theme bars; else the top, where the plan headers are.
    std::string save_anchor() const override { return anchor_; }
    void restore_anchor(const std::string& anchor) override {
        anchor_ = anchor == "themes" ? anchor : std::string();
        scroll_.set(anchor_);
    }

    std::optional<Table> table(ViewContext& ctx) override {
        std::vector<const Plan*> plans;
        std::vector<int> pidx;
        shown_plans(ctx, plans, pidx);
        CompareTableInput in;
        in.plans = plans;
        for (int k : pidx) {
            const PlanInfo& info = ctx.model.index.plans[static_cast<std::size_t>(k)];
            in.counts.push_back(&info.counts);
            in.trees.push_back(&info.tree);
            in.profiles.push_back(&info.profile);
        }
        in.strategies = &alignment(cache_, plans);
        return compare_table(ctx.data, in, ctx.lang == Lang::en);
    }

private:
    AlignmentCache cache_;
    ChooserCache choices_;
    GenerationDiffPanel diff_;
    CompareMode mode_ = CompareMode::columns;
    std::string anchor_;
    PendingScroll scroll_;
    TableExport table_export_;
};

void CompareView::draw(ViewContext& ctx) {
    const Lang lang = ctx.lang;
    const DataIndex& index = ctx.model.index;
    if (ctx.data.plans.empty()) {
        text_wrapped(L::no_plans(lang));
        return;
    }
    std::vector<const Plan*> plans;
    std::vector<int> pidx;
    const bool defaulted = shown_plans(ctx, plans, pidx);

    draw_toolbar(ctx, choices_, index, plans, defaulted);
    export_table_button(ctx, *this, table_export_);
    if (!ctx.presenting) draw_mode_switch(ctx, mode_);  // the room sees the mode a slide chose
    ImGui::Separator();
    ImGui::BeginChild("##compare_body", ImVec2(0, 0), false);
    if (plans.size() < 2) text_wrapped_colored(dim_text_color(), L::need_two(lang));
    if (mode_ == CompareMode::diff) {
        if (plans.size() >= 2) diff_.draw(ctx, *plans[0], *plans[1]);
    } else if (!plans.empty()) {
        const float table_y = ImGui::GetCursorPosY();
        draw_table(ctx, cache_, index, plans, pidx);
        ImGui::Spacing();
        ImGui::Spacing();
        const float themes_y = ImGui::GetCursorPosY();
        draw_theme_bars(ctx, index, plans, pidx);
        if (scroll_.pending()) scroll_.scroll_to(scroll_.anchor() == "themes" ? themes_y : table_y);
        else anchor_ = ImGui::GetScrollY() >= themes_y - 1.0f ? "themes" : "";
    }
    ImGui::EndChild();
}

}  // namespace

std::unique_ptr<View> make_compare_view() { return std::make_unique<CompareView>(); }

}  // namespace wardscope::ui
