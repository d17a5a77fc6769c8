// KPIs: the indicators of the selected plans (default: the current plan) as a
// table (kind, label, name, unit, baseline, target, direction, node, status)
// and one scorecard per indicator: a status light with a shape per status
// (core's progress check), the latest result with its fiscal year, the share
// of the way to the target, and a plot — baseline → target as a dashed line,
// observations as a line with markers (sample values hollow squares). Unknown
// values say so (未設定 / not set) and are never plotted as 0 or guessed.
// Cards with values come first; the rest fold into one summary line. While
// presenting only the legend and the cards are drawn, fitted to the screen.
// Both lists are clipped to what is on screen and long series are downsampled
// by the plot module, so synthetic databases (10k indicators × 20 years) stay fast.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/selection_chips.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/data_editor.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/era.hpp"
#include "wardscope/kpi_history.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {

namespace {

// The words of every status sentence (wardscope/progress.hpp), for the glyph set.
const std::vector<std::string> progress_sentences = explain_progress_samples();

// X(name, ja, en) — every UI string of this view.
#define WS_KPI_STRINGS(X)                                                                                          \
    X(tab_title, "KPI", "KPIs")                                                                                    \
    X(no_plan, "計画がありません。", "No plans.")                                                                  \
    X(no_indicators, "この計画には指標がありません（原資料に記載なし）。", "This plan has no indicators (none in the source).") \
    X(col_kind, "種別", "Kind")                                                                                    \
    X(col_label, "番号", "No.")                                                                                    \
    X(col_name, "指標名", "Indicator")                                                                             \
    X(col_unit, "単位", "Unit")                                                                                    \
    X(col_baseline, "基準値", "Baseline")                                                                          \
    X(col_target, "目標値", "Target")                                                                              \
    X(col_direction, "方向", "Direction")                                                                          \
    X(col_node, "対象の施策", "Measures")                                                                          \
    X(col_status, "進捗", "Progress")                                                                              \
    X(status_tip, "基準値から目標値への直線上の見込み %s に対し、%s年度の実績 %s", "Expected %s on the straight path from baseline to target; FY%s result %s") \
    X(higher, "↑ 高いほど良い", "↑ higher is better")                                                             \
    X(lower, "↓ 低いほど良い", "↓ lower is better")                                                               \
    X(plan_level, "計画全体", "whole plan")                                                                        \
    X(not_set, "未設定", "not set")                                                                                \
    X(sample, "サンプルデータ", "sample data")                                                                      \
    X(sample_tip, "サンプル（合成）データです。実際の実績値ではありません。", "Sample (synthetic) data, not real results.") \
    X(synthetic_plan, "合成データの計画", "synthetic plan")                                                         \
    X(no_values, "基準値・目標値・実績が未設定のため、グラフはありません。",                                          \
      "Baseline, target and results are not set: nothing to plot.")                                                \
    X(no_year_note, "年度が未設定の値は水平の点線で示します。", "Values without a year are shown as dotted horizontal lines.") \
    X(legend_observed, "実績", "Results")                                                                          \
    X(as_lines, "折れ線", "Lines")                                                                                 \
    X(entry_title, "実績を入力", "Enter a result")                                                                 \
    X(entry_year, "年度 (R8, 2026…)", "FY (R8, 2026…)")                                                          \
    X(entry_value, "値", "value")                                                                                  \
    X(entry_source, "出典", "source")                                                                              \
    X(entry_add, "追加", "Add")                                                                                    \
    X(entry_undo, "元に戻す", "Undo")                                                                              \
    X(entry_saved, "保存しました", "saved")                                                                        \
    X(entry_bad_year_fmt, "「%s」は年度ではありません（例: 2026、R8、令和8年度）", "'%s' is not a fiscal year (e.g. 2026, R8, 令和8年度)") \
    X(as_bars, "棒グラフ", "Bars")                                                                                 \
    X(legend_plan, "基準値 → 目標値", "Baseline → target")                                                        \
    X(legend_now, "今年度", "This fiscal year")                                                                   \
    X(baseline_fmt, "基準 %s", "baseline %s")                                                                      \
    X(target_fmt, "目標 %s", "target %s")                                                                          \
    X(baseline_target_fmt, "基準 %s → 目標 %s", "baseline %s → target %s")                                        \
    X(count_fmt, "指標 %d件（%d計画）", "%d {indicator|indicators} (%d {plan|plans})")                                                 \
    X(obs_count_fmt, "実績 %d件", "%d {result|results}")                                                                    \
    X(obs_none, "実績なし", "no results")                                                                          \
    X(point_tip_fmt, "%s: %s", "%s: %s")                                                                           \
    X(note_fmt, "注: %s", "Note: %s")                                                                              \
    X(source_fmt, "出典: %s", "Source: %s")                                                                        \
    X(axis_year, "年度", "Fiscal year")                                                                            \
    X(click_row, "クリックでグラフへ移動", "Click to show its plot")                                          \
    X(plans_with_indicators, "指標のある計画（クリックで表示）:", "Plans with indicators (click to show):")          \
    X(indicator_count_fmt, "指標 %d件", "%d {indicator|indicators}")                                                          \
    X(more_fmt, "ほか %d件", "%d more")                                                                            \
    X(latest_fmt, "最新 %s（%s）", "Latest %s (%s)")                                                              \
    X(fy_fmt, "%s年度", "FY%s")                                                                                   \
    X(share_fmt, "目標までの進捗 %s", "%s of the way to the target")                                              \
    X(share_unknown, "目標までの進捗: 不明", "Way to the target: unknown")                                        \
    X(share_tip, "基準値から目標値までのうち、最新の実績が進んだ割合", "How far the latest result has come from the baseline to the target") \
    X(sample_short, "サンプル", "sample")                                                                          \
    X(status_legend, "進捗:", "Progress:")                                                                         \
    X(legend_ahead, "先行・目標達成", "ahead / target met")                                                       \
    X(legend_on_track, "順調", "on track")                                                                        \
    X(legend_behind, "遅れ", "behind")                                                                            \
    X(legend_unknown, "不明", "unknown")                                                                          \
    X(legend_not_met, "未達（線なし）", "not met (no line)")                                                       \
    X(legend_qualitative, "定性", "qualitative")                                                                  \
    X(legend_disagree, "出典で異なる実績", "results disagree")                                                     \
    X(qualitative_no_plot, "定性指標: 目標・実績は文章です（グラフなし）。", "Qualitative indicator: targets and results are texts (no plot).")                                                                          \
    X(legend_real_point, "実績値", "result")                                                                       \
    X(legend_sample_point, "サンプル値", "sample value")                                                           \
    X(empty_summary_fmt, "値のない指標 %d件（基準値・目標値・実績すべて未設定）", "%d {indicator|indicators} without any value (no baseline, target or result)") \
    X(reason_no_observations, "実績なし", "no results")                                                           \
    X(reason_target_met, "目標値に到達", "target reached")                                                        \
    X(reason_baseline_not_set, "基準値が未設定", "baseline not set")                                              \
    X(reason_target_not_set, "目標値が未設定", "target not set")                                                  \
    X(reason_years, "目標年度が基準年度より前", "target year not after the baseline year")                        \
    X(reason_target_year_passed, "目標年度を過ぎて", "after the target year")                                     \
    X(reason_before_baseline, "基準年度より前の実績", "result before the baseline year")                          \
    X(reason_on_path, "基準値→目標値の直線と比較", "against the straight path from baseline to target")          \
    X(disagree_mark, "≠", "≠")                                                                                     \
    X(disagree_tip, "この年度の実績は出典・評価時点によって異なります（最新の時点のものを採用）:", "Sources or evaluation rounds disagree for this year (the latest as-of is current):") \
    X(revision_current, "（採用）", " (current)")                                                                 \
    X(as_of_fmt, "%s時点", "as of %s")                                                                             \
    X(year_target_fmt, "%sの目標 %s", "%s target %s")                                                         \
    X(comparator_at_least, "以上", " or more")                                                                    \
    X(comparator_at_most, "以下", " or less")                                                                     \
    X(comparator_about, "程度", " (approx.)")                                                                         \
    X(qualitative_mark, "定性", "qualitative")                                                                   \
    X(rule_fmt, "判定ルール %s: %s", "Rule %s: %s")                                                               \
    X(latest_text_fmt, "最新「%s」（%s）", "Latest \"%s\" (%s)")                                                    \
    X(empty_show, "一覧を表示", "show them")                                                                       \
    X(empty_hide, "一覧を閉じる", "hide them")

namespace L {
WS_KPI_STRINGS(WS_STR_DECLARE)
}  // namespace L

// The view's options (saved in settings and slides).
struct KpiOptions {
    bool bars = false;  // results as bars from zero instead of a line
    bool show_empty = false;  // the summary line of indicators without values, opened into a list
    std::string focus_plan, focus_indicator;
    TableSort sort;     // a column of kpi_table; -1: plan by plan, as the plan lists them
};

// ---- Entries ------------------------------------------------------------------------------

struct Entry {
    std::size_t plan_slot = 0;  // position among the shown plans (colour)
    const Plan* plan = nullptr;
    const Indicator* ind = nullptr;
    int plan_index = -1;        // into Dataset::plans
};

// The table of the shown indicators (row k = entry k), built when they change, not per frame.
struct KpiRows {
    unsigned data_version = ~0u;
    bool history = false;
    std::vector<std::string> plan_ids;
    Lang lang = Lang::ja;
    TableSort sort;
    Table table;
    std::vector<std::size_t> order;  // entries in the table's sort
};

const KpiRows& kpi_rows(const ViewContext& ctx, KpiRows& cache, const std::vector<Entry>& entries,
                        const std::vector<std::string>& plan_ids, const TableSort& sort) {
    if (cache.data_version == ctx.model.data_version && cache.history == ctx.model.kpi_history_loaded &&
        cache.plan_ids == plan_ids && cache.lang == ctx.lang && cache.sort.same_as(sort))
        return cache;
    cache.data_version = ctx.model.data_version;
    cache.history = ctx.model.kpi_history_loaded;
    cache.plan_ids = plan_ids;
    cache.lang = ctx.lang;
    cache.sort = sort;
    std::vector<KpiTableRow> rows;
    for (const Entry& e : entries) rows.push_back({e.plan, e.ind, ctx.model.find_progress(e.plan->id, e.ind->id)});
    cache.table = kpi_table(ctx.data, rows, ctx.lang == Lang::en);
    cache.order = table_row_order(cache.table, sort);
    return cache;
}

std::string indicator_name(const Indicator& ind, Lang lang) {
    return lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name;
}

std::string value_text(std::optional<double> v, const std::string& unit, Lang lang) {
    return v ? format_value(*v) + unit : std::string(L::not_set(lang));
}

std::string node_text(const ViewContext& ctx, const DataIndex& index, const Entry& e) {
    if (e.ind->node_id.empty()) return L::plan_level(ctx.lang);
    const PlanInfo& info = index.plans[static_cast<std::size_t>(e.plan_index)];
    const int ni = info.tree.find(e.ind->node_id);
    if (ni < 0) return e.ind->node_id;
    return node_title(e.plan->nodes[static_cast<std::size_t>(ni)], ctx.lang);
}

void indicator_tooltip(const ViewContext& ctx, const DataIndex& index, const Entry& e, const Series* s,
                       bool row_hint = false) {
    const Lang lang = ctx.lang;
    const Indicator& ind = *e.ind;
    plot::begin_tooltip(34.0f);
    ImGui::TextUnformatted(((ind.label.empty() ? ind.kind : ind.label) + "  " + ind.name).c_str());
    if (lang == Lang::en && !ind.name_en.empty()) plot::tooltip_dim(ind.name_en);
    plot::tooltip_dim(plan_long_label(ctx.data, *e.plan, lang));
    ImGui::TextUnformatted(format(L::baseline_target_fmt(lang), point_text(ind.baseline, ind.unit, lang).c_str(),
                                  point_text(ind.target, ind.unit, lang).c_str())
                               .c_str());
    if (!ind.baseline.note.empty()) plot::tooltip_dim(format(L::note_fmt(lang), ind.baseline.note.c_str()));
    if (!ind.target.note.empty()) plot::tooltip_dim(format(L::note_fmt(lang), ind.target.note.c_str()));
    if (!ind.note.empty()) plot::tooltip_dim(format(L::note_fmt(lang), ind.note.c_str()));
    ImGui::TextUnformatted(node_text(ctx, index, e).c_str());
    ImGui::TextUnformatted(s && !s->xs.empty() ? format(L::obs_count_fmt(lang), static_cast<int>(s->xs.size())).c_str()
                                               : L::obs_none(lang));
    if ((s && s->any_sample) || e.plan->is_synthetic) plot::tooltip_dim(L::sample_tip(lang));
    const std::string src = source_text(ctx.data.taxonomy, ind.source.empty() ? e.plan->source : ind.source);
    if (!src.empty()) plot::tooltip_dim(format(L::source_fmt(lang), src.c_str()));
    if (row_hint) plot::tooltip_dim(L::click_row(lang));
    plot::end_tooltip();
}

// ---- Table -------------------------------------------------------------------------------------

void cell_text(const std::string& text, ImU32 color = 0) {
    const std::string t = plot::ellipsize(text, ImGui::GetContentRegionAvail().x);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(t.c_str());
    if (color) ImGui::PopStyleColor();
}

std::string point_value(double value, const std::string& unit) { return format_value(value) + unit; }

void draw_status_light(ImDrawList* dl, ImVec2 center, float radius, const Progress* p);

// Returns the clicked entry or -1.
int draw_table(const ViewContext& ctx, const DataIndex& index, const ObservationIndex& obs, const std::vector<Entry>& entries,
               std::size_t plan_count, int focused, float height, TableSort& sort, KpiRows& cache,
               const std::vector<std::string>& plan_ids) {
    const Lang lang = ctx.lang;
    const float E = em();
    int clicked = -1;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_SortTristate;
    if (!ImGui::BeginTable("##kpi_table", 9, flags, ImVec2(0, height))) return -1;
    ImGui::TableSetupScrollFreeze(0, 1);
    // ImGui column → kpi_table column (sort, Ctrl+C); baseline and target sort by value.
    const std::vector<int> columns{static_cast<int>(KpiColumn::kind),     static_cast<int>(KpiColumn::label),
                                   static_cast<int>(KpiColumn::name),     static_cast<int>(KpiColumn::unit),
                                   static_cast<int>(KpiColumn::baseline), static_cast<int>(KpiColumn::target),
                                   static_cast<int>(KpiColumn::direction), static_cast<int>(KpiColumn::node),
                                   static_cast<int>(KpiColumn::status)};
    const char* labels[] = {L::col_kind(lang),     L::col_label(lang),     L::col_name(lang),
                            L::col_unit(lang),     L::col_baseline(lang),  L::col_target(lang),
                            L::col_direction(lang), L::col_node(lang),     L::col_status(lang)};
    const float weights[] = {0.85f, 0.5f, 2.8f, 0.5f, 1.3f, 1.3f, 1.1f, 1.9f, 0.9f};
    for (int c = 0; c < 9; ++c)
        ImGui::TableSetupColumn(labels[c], ImGuiTableColumnFlags_WidthStretch, weights[c], static_cast<ImGuiID>(columns[static_cast<std::size_t>(c)]));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < 9; ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableHeader(labels[c]);
        if (probes_enabled()) record_probe("kpi.header/" + std::to_string(c), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    update_table_sort(sort, columns);
    const KpiRows& rows = kpi_rows(ctx, cache, entries, plan_ids, sort);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step()) {
        for (int shown = clipper.DisplayStart; shown < clipper.DisplayEnd; ++shown) {
            const int r = static_cast<int>(rows.order[static_cast<std::size_t>(shown)]);  // the entry on this line
            const Entry& e = entries[static_cast<std::size_t>(r)];
            const Indicator& ind = *e.ind;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(r);
            // Whole-row selectable behind the cells.
            const bool sel = r == focused;
            if (ImGui::Selectable("##row", sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0, ImGui::GetTextLineHeight())))
                clicked = r;
            if (probes_enabled()) record_probe("kpi.row/" + e.plan->id + "/" + ind.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            const bool hovered = ImGui::IsItemHovered() && !ctx.screenshot;
            if (hovered) {  // Ctrl+C: the hovered cell as the table has it (values without their unit)
                const int c = hovered_table_column();
                if (c >= 0 && c < 9)
                    copy_on_ctrl_c(true, cell_text(rows.table.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(columns[static_cast<std::size_t>(c)])]));
                copy_source_on_ctrl_shift_c(true, ind.source.empty() ? e.plan->source : ind.source, ctx.data.taxonomy);
            }
            ImGui::SameLine(0, 0);
            if (plan_count > 1) {
                // Plan colour tick before the kind.
                const ImVec2 p = ImGui::GetCursorScreenPos();
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 0.1f * E),
                                                          ImVec2(p.x + 0.25f * E, p.y + ImGui::GetTextLineHeight() - 0.1f * E),
                                                          series_color(e.plan_slot));
                ImGui::Dummy(ImVec2(0.25f * E, ImGui::GetTextLineHeight()));
                ImGui::SameLine(0, 0.3f * E);
            }
            cell_text(ind.kind);
            ImGui::TableSetColumnIndex(1);
            cell_text(ind.label);
            ImGui::TableSetColumnIndex(2);
            cell_text(indicator_name(ind, lang));
            ImGui::TableSetColumnIndex(3);
            cell_text(ind.unit);
            ImGui::TableSetColumnIndex(4);
            cell_text(point_text(ind.baseline, ind.unit, lang), ind.baseline.value ? 0 : dim_text_color());
            ImGui::TableSetColumnIndex(5);
            cell_text(point_text(ind.target, ind.unit, lang), ind.target.value ? 0 : dim_text_color());
            ImGui::TableSetColumnIndex(6);
            cell_text(ind.direction == Direction::higher_is_better ? L::higher(lang) : L::lower(lang));
            ImGui::TableSetColumnIndex(7);
            cell_text(node_text(ctx, index, e), ind.node_id.empty() ? dim_text_color() : 0);
            ImGui::TableSetColumnIndex(8);
            if (const Progress* p = ctx.model.find_progress(e.plan->id, ind.id)) {
                // The card's light, small: the shape says the status without the colour.
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float r = 0.3f * ImGui::GetTextLineHeight();
                draw_status_light(ImGui::GetWindowDrawList(), ImVec2(at.x + r, at.y + 0.5f * ImGui::GetTextLineHeight()), r, p);
                ImGui::Dummy(ImVec2(2 * r, ImGui::GetTextLineHeight()));
                ImGui::SameLine(0, 0.3f * E);
                cell_text(progress_text(*p, lang), progress_color(*p));
                if (ImGui::IsItemHovered() && !ctx.screenshot)  // the rule that gave the status
                    plot::tooltip(format(L::rule_fmt(lang), std::string(to_string(p->rule)).c_str(),
                                         explain_progress(*p, ind, lang == Lang::en).c_str()));
            }
            if (hovered) indicator_tooltip(ctx, index, e, obs.find(e.plan->id, ind.id), true);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    return clicked;
}

// ---- Plot cards ------------------------------------------------------------------------------------

// Line colours outside the plan colours (series 0–3 mark up to four plans).
ImU32 observed_color(float alpha = 1.0f) { return series_color(5, alpha); }
ImU32 plan_line_color() { return series_color(4); }
ImU32 sample_badge_color() { return IM_COL32(200, 110, 20, 255); }
ImU32 plot_background() { return ImGui::GetColorU32(ImGuiCol_WindowBg); }

// The status as a light with a shape as well as a colour (colour-blind safe):
// ▲ ahead or target met, ● on track, ▼ behind, ? unknown. The status and its
// reasons are core's (classify_progress); a card never makes one up.
plot::Marker status_marker(const Progress* p) {
    switch (p ? p->status : ProgressStatus::no_data) {
        case ProgressStatus::ahead: return plot::Marker::triangle_up;
        case ProgressStatus::on_track: return plot::Marker::circle;
        case ProgressStatus::behind: return plot::Marker::triangle_down;
        case ProgressStatus::not_met: return plot::Marker::square;    // below target, no path to be on
        case ProgressStatus::qualitative: return plot::Marker::diamond;  // a text result, read
        case ProgressStatus::no_data: break;
    }
    return plot::Marker::question;
}

ImU32 status_color(const Progress* p) { return p ? progress_color(*p) : dim_text_color(); }

const char* status_text(const Progress* p, Lang lang) { return p ? progress_text(*p, lang) : L::legend_unknown(lang); }

// Core's reason for a status (progress.hpp), in the UI language; a reason
// this table does not know is shown as core wrote it.
std::string reason_text(const Progress& p, Lang lang) {
    static constexpr struct {
        const char* core;
        Str text;
    } reasons[] = {{"no observations", L::reason_no_observations},
                   {"target met", L::reason_target_met},
                   {"baseline not set", L::reason_baseline_not_set},
                   {"target not set", L::reason_target_not_set},
                   {"target year not after baseline year", L::reason_years},
                   {"target year passed", L::reason_target_year_passed},
                   {"before the baseline year", L::reason_before_baseline},
                   {"on the path from baseline to target", L::reason_on_path}};
    for (const auto& r : reasons)
        if (p.reason == r.core) return r.text(lang);
    return p.reason;
}

// Reddish purple (Okabe–Ito), apart from the status colours: results that disagree.
ImU32 disagreement_color() { return IM_COL32(204, 121, 167, 255); }

// The comparator after a target, as written in plans: 8件以上 (English: "8 or more").
std::string comparator_text(const Indicator& ind, Lang lang) {
    switch (ind.comparator) {
        case Comparator::at_least: return L::comparator_at_least(lang);
        case Comparator::at_most: return L::comparator_at_most(lang);
        case Comparator::about: return L::comparator_about(lang);
        case Comparator::exact:
        case Comparator::unspecified: break;
    }
    return {};
}

// The rows of a year whose results disagree, in a tooltip: value, source, as_of, the current marked.
void revision_lines(const ViewContext& ctx, const Series& s, std::size_t point, const std::string& unit) {
    if (point >= s.disagreeing.size() || s.disagreeing[point].empty()) return;
    const Lang lang = ctx.lang;
    ImGui::PushStyleColor(ImGuiCol_Text, disagreement_color());
    ImGui::TextUnformatted((std::string(L::disagree_mark(lang)) + " " + L::disagree_tip(lang)).c_str());
    ImGui::PopStyleColor();
    const std::vector<std::size_t>& rows = s.disagreeing[point];
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Observation& o = ctx.data.observations[rows[k]];
        std::string line = "  " + result_text(o, unit) + "  " + o.source;
        if (!o.as_of.empty()) line += "  " + format(L::as_of_fmt(lang), o.as_of.c_str());
        if (k + 1 == rows.size()) line += L::revision_current(lang);
        ImGui::TextUnformatted(line.c_str());
    }
}

void draw_status_light(ImDrawList* dl, ImVec2 center, float radius, const Progress* p) {
    plot::draw_marker(dl, center, status_marker(p), radius, status_color(p), text_color());
}

std::string fiscal_year_text(int fy, Lang lang) {
    return format(L::fy_fmt(lang), lang == Lang::ja ? to_era_abbreviation(fy).c_str() : std::to_string(fy).c_str());
}

std::string percent_text(double share) {
    const double pct = share * 100.0;
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(pct) < 10 ? "%.1f%%" : "%.0f%%", pct);
    return buf;
}

// A small rounded badge drawn at `pos`; returns its width.
float draw_small_badge(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 background) {
    const float E = em(), lh = ImGui::GetTextLineHeight();
    const float w = ImGui::CalcTextSize(text).x + 0.8f * E;
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + lh), background, 0.4f * lh);
    dl->AddText(ImVec2(pos.x + 0.4f * E, pos.y), IM_COL32(255, 255, 255, 255), text);
    return w;
}

// The scorecard's three lines right of the status light: the status (with
// core's reason when it cannot say), the latest value with its fiscal year (a
// sample value carries a badge), and the share of the way from baseline to
// target with a bar, or "unknown".
void draw_score_lines(const ViewContext& ctx, ImDrawList* dl, ImVec2 pos, float right, const Indicator& ind,
                      const Progress* p) {
    const Lang lang = ctx.lang;
    const float E = em(), lh = ImGui::GetTextLineHeight();
    // The status and the rule that gave it (docs/kpi-status.md), in one line; the whole sentence in the tooltip.
    std::string status = status_text(p, lang);
    if (p) status += std::string(" — ") + explain_progress(*p, ind, lang == Lang::en);
    plot::text_ellipsis(dl, pos, text_color(), status, right - pos.x);
    pos.y += lh;
    if (p && p->latest_fiscal_year && (p->latest_value || !p->latest_text.empty())) {
        const std::string year = fiscal_year_text(*p->latest_fiscal_year, lang);
        const std::string latest = p->latest_value ? format(L::latest_fmt(lang), point_value(*p->latest_value, ind.unit).c_str(), year.c_str())
                                                   : format(L::latest_text_fmt(lang), p->latest_text.c_str(), year.c_str());
        const bool sample = p->latest_is_sample;
        const bool differ = p->disagreement;  // some year's sources or rounds disagree: ≠ badge
        const float badge_w = sample ? ImGui::CalcTextSize(L::sample_short(lang)).x + 0.8f * E : 0.0f;
        const float differ_w = differ ? ImGui::CalcTextSize(L::disagree_mark(lang)).x + 0.8f * E : 0.0f;
        const float room = right - pos.x - (sample ? badge_w + 0.4f * E : 0.0f) - (differ ? differ_w + 0.4f * E : 0.0f);
        plot::text_ellipsis(dl, pos, text_color(), latest, room);
        float bx = pos.x + std::min(ImGui::CalcTextSize(latest.c_str()).x, room) + 0.4f * E;
        if (sample) bx += draw_small_badge(dl, ImVec2(bx, pos.y), L::sample_short(lang), sample_badge_color()) + 0.4f * E;
        if (differ) {
            draw_small_badge(dl, ImVec2(bx, pos.y), L::disagree_mark(lang), disagreement_color());
            if (probes_enabled())
                record_probe("kpi.disagree_badge/" + ind.id, ImVec2(bx, pos.y), ImVec2(bx + differ_w, pos.y + lh));
        }
    } else {
        plot::text_ellipsis(dl, pos, dim_text_color(), L::obs_none(lang), right - pos.x);
    }
    pos.y += lh;
    if (!p || !p->target_share) {
        plot::text_ellipsis(dl, pos, dim_text_color(), L::share_unknown(lang), right - pos.x);
        return;
    }
    const std::string share = format(L::share_fmt(lang), percent_text(*p->target_share).c_str());
    const float text_w = std::min(ImGui::CalcTextSize(share.c_str()).x, right - pos.x);
    plot::text_ellipsis(dl, pos, text_color(), share, right - pos.x);
    // The bar: 0 → 100 % of the way, filled to the share (clamped to the bar).
    const float bx0 = pos.x + text_w + 0.6f * E, bx1 = right;
    if (bx1 - bx0 < 2.0f * E) return;
    const float by0 = pos.y + 0.3f * lh, by1 = pos.y + 0.75f * lh;
    dl->AddRectFilled(ImVec2(bx0, by0), ImVec2(bx1, by1), plot::unknown_fill(), 0.2f * E);
    const float fill = static_cast<float>(std::clamp(*p->target_share, 0.0, 1.0));
    if (fill > 0) dl->AddRectFilled(ImVec2(bx0, by0), ImVec2(bx0 + (bx1 - bx0) * fill, by1), status_color(p), 0.2f * E);
    dl->AddRect(ImVec2(bx0, by0), ImVec2(bx1, by1), plot::grid_color(), 0.2f * E);
}

// One indicator card at the cursor, `size` px; returns true when clicked.
bool draw_card(const ViewContext& ctx, const DataIndex& index, const Entry& e, const Series* s, const Progress* progress,
               bool bars, ImVec2 size, bool focused, std::size_t plan_count) {
    const Lang lang = ctx.lang;
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();
    const Indicator& ind = *e.ind;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.35f), 0.3f * E);
    dl->AddRect(p0, p1, focused ? accent_color() : plot::grid_color(), 0.3f * E, 0, focused ? 2.0f : 1.0f);
    const float pad = 0.5f * E;
    float x = p0.x + pad, y = p0.y + 0.3f * E;
    const float right = p1.x - pad;

    // Title line: [plan colour] label name … [sample badge]
    const bool sample = (s && s->any_sample) || e.plan->is_synthetic;
    const std::string badge_text = sample ? L::sample(lang) : "";
    const float badge_w = sample ? ImGui::CalcTextSize(badge_text.c_str()).x + 0.8f * E : 0.0f;
    if (plan_count > 1) {
        dl->AddRectFilled(ImVec2(x, y + 0.2f * lh), ImVec2(x + 0.3f * E, y + 0.8f * lh), series_color(e.plan_slot));
        x += 0.6f * E;
    }
    const std::string head = (ind.label.empty() ? ind.kind : ind.label) + "  " + indicator_name(ind, lang) +
                             (ind.unit.empty() ? "" : "（" + ind.unit + "）");
    plot::text_ellipsis(dl, ImVec2(x, y), text_color(), head, right - x - badge_w - 0.3f * E);
    if (sample) {
        const ImVec2 a(right - badge_w, y), b(right, y + lh);
        dl->AddRectFilled(a, b, sample_badge_color(), 0.4f * lh);
        dl->AddText(ImVec2(a.x + 0.4f * E, a.y), IM_COL32(255, 255, 255, 255), badge_text.c_str());
    }
    y += lh;
    // Second line: baseline → target, or plainly "not set".
    const std::string line2 = format(L::baseline_target_fmt(lang), point_text(ind.baseline, ind.unit, lang).c_str(),
                                     (point_text(ind.target, ind.unit, lang) + comparator_text(ind, lang)).c_str()) +
                              "  " + (ind.qualitative ? L::qualitative_mark(lang)
                                      : ind.direction == Direction::higher_is_better ? L::higher(lang) : L::lower(lang));
    plot::text_ellipsis(dl, ImVec2(p0.x + pad, y), dim_text_color(), line2, right - p0.x - pad);
    y += lh + 0.15f * E;
    // The scorecard: the status light beside two lines of figures.
    const float light_r = 0.9f * lh;
    const ImVec2 light_c(p0.x + pad + light_r, y + 1.5f * lh);
    draw_status_light(dl, light_c, light_r, progress);
    if (probes_enabled())
        record_probe("kpi.light/" + e.plan->id + "/" + ind.id, ImVec2(light_c.x - light_r, light_c.y - light_r),
                     ImVec2(light_c.x + light_r, light_c.y + light_r), static_cast<double>(status_marker(progress)));
    if (!ctx.screenshot && progress && plot::hovered_rect(ImVec2(p0.x + pad, y), ImVec2(right, y + 3.0f * lh))) {
        std::string tip = std::string(status_text(progress, lang)) + ": " + reason_text(*progress, lang) + "\n" +
                          format(L::rule_fmt(lang), std::string(to_string(progress->rule)).c_str(),
                                 explain_progress(*progress, ind, lang == Lang::en).c_str());
        if (!progress->latest_source.empty())
            tip += "\n" + format(L::source_fmt(lang), progress->latest_source.c_str()) +
                   (progress->latest_as_of.empty() ? "" : "  " + format(L::as_of_fmt(lang), progress->latest_as_of.c_str()));
        if (progress->disagreement) tip += "\n" + std::string(L::disagree_mark(lang)) + " " + L::disagree_tip(lang);
        if (progress->expected && progress->latest_value && progress->latest_fiscal_year)
            tip += "\n" + format(L::status_tip(lang), point_value(*progress->expected, ind.unit).c_str(),
                                 std::to_string(*progress->latest_fiscal_year).c_str(),
                                 point_value(*progress->latest_value, ind.unit).c_str());
        if (progress->target_share) tip += "\n" + std::string(L::share_tip(lang));
        plot::tooltip(tip);
    }
    draw_score_lines(ctx, dl, ImVec2(p0.x + pad + 2.0f * light_r + 0.5f * E, y), right, ind, progress);
    y += 3.0f * lh + 0.2f * E;

    // What can be plotted: points with both a value and a year; values without a year as guides.
    const bool base_pt = ind.baseline.value && ind.baseline.fiscal_year;
    const bool target_pt = ind.target.value && ind.target.fiscal_year;
    const bool base_guide = ind.baseline.value && !ind.baseline.fiscal_year;
    const bool target_guide = ind.target.value && !ind.target.fiscal_year;
    const bool has_obs = s && !s->xs.empty();
    ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, y));
    const ImVec2 plot_size(size.x - 2 * pad, p1.y - y - 0.3f * E);
    bool clicked = false;
    if (!base_pt && !target_pt && !base_guide && !target_guide && !has_obs) {
        // Nothing known: say so, never draw a zero line.
        const ImVec2 a(p0.x + pad, y), b(p0.x + pad + plot_size.x, y + plot_size.y);
        ImGui::InvisibleButton("##empty", ImVec2(std::max(plot_size.x, 1.0f), std::max(plot_size.y, 1.0f)));
        clicked = ImGui::IsItemClicked();
        plot::hatch_rect(dl, a, b, plot::unknown_fill(), plot::unknown_hatch(), 0.6f * E);
        ImGui::PushClipRect(a, b, true);
        const float wrap = b.x - a.x - 2 * E;
        // A qualitative indicator has its texts above: no numbers to plot, and that is not "not set".
        const char* message = ind.qualitative || !ind.target.text.empty() ? L::qualitative_no_plot(lang) : L::no_values(lang);
        const ImVec2 ts = ImGui::CalcTextSize(message, nullptr, false, wrap);
        const ImVec2 tp(a.x + (b.x - a.x - ts.x) * 0.5f, a.y + (b.y - a.y - ts.y) * 0.5f);
        dl->AddRectFilled(ImVec2(tp.x - 0.4f * E, tp.y - 0.2f * E), ImVec2(tp.x + ts.x + 0.4f * E, tp.y + ts.y + 0.2f * E),
                          ImGui::GetColorU32(ImGuiCol_WindowBg), 0.2f * E);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, text_color(), message, nullptr, wrap);
        ImGui::PopClipRect();
    } else {
        // Domains from every known value and year.
        double xmin = 1e9, xmax = -1e9, ymin = 1e300, ymax = -1e300;
        auto add_x = [&](double v) { xmin = std::min(xmin, v), xmax = std::max(xmax, v); };
        auto add_y = [&](double v) { ymin = std::min(ymin, v), ymax = std::max(ymax, v); };
        if (ind.baseline.fiscal_year) add_x(*ind.baseline.fiscal_year);
        if (ind.target.fiscal_year) add_x(*ind.target.fiscal_year);
        if (ind.baseline.value) add_y(*ind.baseline.value);
        if (ind.target.value) add_y(*ind.target.value);
        if (has_obs) {
            add_x(s->xs.front());
            add_x(s->xs.back());
            for (double v : s->ys) add_y(v);
        }
        if (bars && ymin <= ymax) add_y(0);  // bars start at zero: their lengths must not lie
        if (xmin > xmax) {  // only guides: the plan's period, else around this year
            const int c = ctx.current_fiscal_year > 0 ? ctx.current_fiscal_year : 2025;
            add_x(e.plan->start_fy.value_or(c - 2));
            add_x(e.plan->end_fy.value_or(c + 2));
        }
        plot::PlotSpec spec;
        spec.size = plot_size;
        spec.x.kind = plot::AxisKind::fiscal_year;
        spec.x.min = xmin;
        spec.x.max = xmax;
        spec.y.min = ymin;
        spec.y.max = ymax;
        spec.y.unit = ind.unit;
        if (plot::begin_plot("##plot", spec)) {
            const plot::PlotState& st = plot::plot_state();
            clicked = st.clicked;
            const int cfy = ctx.current_fiscal_year;
            if (cfy > 0 && cfy >= st.x.d0 && cfy <= st.x.d1) plot::plot_vline(cfy, accent_color(0.6f), 0.08f);
            // Baseline → targets per year → final target: dashed, with hollow diamonds at the points.
            std::vector<double> px, py;
            for (const auto& [year, value] : plan_path_points(ind)) px.push_back(year), py.push_back(value);
            // Guide labels never cover a marker (nor each other): the points' screen rects are avoided.
            std::vector<plot::PixelRect> taken;
            const float mark = 0.45f * E;
            auto take_point = [&](double x, double y) {
                const ImVec2 c = plot::to_pixels(x, y);
                taken.push_back({ImVec2(c.x - mark, c.y - mark), ImVec2(c.x + mark, c.y + mark)});
            };
            for (std::size_t k = 0; k < px.size(); ++k) take_point(px[k], py[k]);
            if (has_obs)
                for (std::size_t k = 0; k < s->xs.size(); ++k) take_point(s->xs[k], s->ys[k]);
            if (probes_enabled() && target_pt) {
                const ImVec2 c = plot::to_pixels(*ind.target.fiscal_year, *ind.target.value);
                record_probe("kpi.target_marker/" + e.plan->id + "/" + ind.id, ImVec2(c.x - mark, c.y - mark),
                             ImVec2(c.x + mark, c.y + mark));
            }
            auto guide = [&](const IndicatorPoint& point, Str fmt, const char* what) {
                const plot::PixelRect r = plot::plot_hline_label_clear(
                    *point.value, plan_line_color(), 0.08f, format(fmt(lang), value_text(point.value, ind.unit, lang).c_str()),
                    true, taken);
                taken.push_back(r);
                if (probes_enabled()) record_probe(std::string("kpi.guide_label/") + what + "/" + e.plan->id + "/" + ind.id, r.min, r.max);
            };
            if (base_guide) guide(ind.baseline, L::baseline_fmt, "baseline");
            if (target_guide) guide(ind.target, L::target_fmt, "target");
            // Bars under the path, lines over it.
            if (has_obs && bars) plot::plot_bars(s->xs.data(), s->ys.data(), s->xs.size(), 0.6, observed_color(0.85f));
            plot::LineStyle plan_style;
            plan_style.color = plan_line_color();
            plan_style.dashed = true;
            plan_style.marker = plot::Marker::diamond;
            plan_style.marker_radius = 0.3f;
            plot::plot_line(px.data(), py.data(), px.size(), plan_style);
            if (has_obs && !bars) {
                plot::LineStyle obs_style;
                obs_style.color = observed_color();
                obs_style.marker = plot::Marker::circle;
                obs_style.use_alternate = s->any_sample ? s->sample.data() : nullptr;  // sample values: hollow squares
                obs_style.alternate_fill = plot_background();
                plot::plot_line(s->xs.data(), s->ys.data(), s->xs.size(), obs_style);
            } else if (has_obs && s->any_sample) {
                // Bars: a hollow square on top of each sample bar.
                for (std::size_t k = 0; k < s->xs.size(); ++k)
                    if (s->sample[k])
                        plot::draw_marker(st.dl, plot::to_pixels(s->xs[k], s->ys[k]), plot::Marker::square, 0.3f * E,
                                          plot_background(), observed_color());
            }
            // A year whose sources or evaluation rounds disagree: ≠ above its point (the rows in its tooltip).
            if (has_obs && s->any_disagreement)
                for (std::size_t k = 0; k < s->xs.size(); ++k)
                    if (!s->disagreeing[k].empty()) {
                        // At the top of the plot, in the year's column: clear of the path's markers.
                        const ImVec2 c = plot::to_pixels(s->xs[k], s->ys[k]);
                        const ImVec2 size = ImGui::CalcTextSize(L::disagree_mark(lang));
                        const ImVec2 at(c.x + 0.3f * E, st.plot_min.y + 0.1f * E);
                        st.dl->AddText(at, disagreement_color(), L::disagree_mark(lang));
                        if (probes_enabled())
                            record_probe("kpi.disagree/" + e.plan->id + "/" + ind.id + "/" + std::to_string(static_cast<int>(s->xs[k])),
                                         at, ImVec2(at.x + size.x, at.y + size.y));
                    }
            // Hover: an observation, else the baseline / target point.
            if (st.hovered && !ctx.screenshot) {
                const int hi = has_obs ? plot::hovered_point(s->xs.data(), s->ys.data(), s->xs.size()) : -1;
                const int hp = hi < 0 ? plot::hovered_point(px.data(), py.data(), px.size()) : -1;
                if (hi >= 0) {
                    const Observation& ob = ctx.data.observations[s->obs[static_cast<std::size_t>(hi)]];
                    plot::draw_marker(st.dl, plot::to_pixels(ob.fiscal_year, ob.value), plot::Marker::circle, 0.4f * E, 0,
                                      text_color());
                    plot::begin_tooltip(30.0f);
                    ImGui::TextUnformatted(format(L::point_tip_fmt(lang), fiscal_year_label(ob.fiscal_year).c_str(),
                                                  (format_value(ob.value) + ind.unit).c_str())
                                               .c_str());
                    if (ob.is_sample || e.plan->is_synthetic) plot::tooltip_dim(L::sample_tip(lang));
                    if (!ob.source.empty()) plot::tooltip_dim(format(L::source_fmt(lang), ob.source.c_str()));
                    revision_lines(ctx, *s, static_cast<std::size_t>(hi), ind.unit);
                    plot::end_tooltip();
                } else if (hp >= 0) {
                    const int year = static_cast<int>(px[static_cast<std::size_t>(hp)]);
                    const bool is_base = base_pt && year == *ind.baseline.fiscal_year;
                    const bool is_final = target_pt && year == *ind.target.fiscal_year;
                    plot::begin_tooltip(30.0f);
                    if (is_base || is_final) {
                        const IndicatorPoint& pt = is_base ? ind.baseline : ind.target;
                        ImGui::TextUnformatted(format(is_base ? L::baseline_fmt(lang) : L::target_fmt(lang),
                                                      point_text(pt, ind.unit, lang).c_str())
                                                   .c_str());
                        if (!pt.note.empty()) plot::tooltip_dim(format(L::note_fmt(lang), pt.note.c_str()));
                    } else {
                        for (const YearTarget& t : ind.targets)
                            if (t.fiscal_year == year) {
                                ImGui::TextUnformatted(format(L::year_target_fmt(lang), fiscal_year_text(year, lang).c_str(),
                                                              point_value(py[static_cast<std::size_t>(hp)], ind.unit).c_str())
                                                           .c_str());
                                if (!t.note.empty()) plot::tooltip_dim(format(L::note_fmt(lang), t.note.c_str()));
                            }
                    }
                    plot::end_tooltip();
                }
            }
            plot::end_plot();
        }
    }
    (void)index;
    return clicked;
}

// What the view keeps.
struct ViewState {
    KpiOptions options;
    bool scroll_to_focus = false;
    std::string top_card;  // "plan/indicator" of the first card row on screen (the slide's anchor); empty = the top
    PendingScroll scroll;  // a slide's anchor being scrolled to
    bool scroll_to_empty = false;  // the list of indicators without values was just opened
    char year[32] = "", value[32] = "", source[256] = "";  // the entry form
    std::string entry_message;
    bool entry_error = false;
};

// Observations for the focused indicator, typed in (KPI check); only with an editor.
void draw_entry_form(const ViewContext& ctx, ViewState& vs, const Entry& e) {
    const Lang lang = ctx.lang;
    const float E = em();
    ImGui::PushID("entry");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(L::entry_title(lang));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", plot::ellipsize(indicator_name(*e.ind, lang), 14 * E).c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(7 * E);
    ImGui::InputTextWithHint("##year", L::entry_year(lang), vs.year, sizeof vs.year);
    if (ImGui::IsItemActive()) ensure_glyphs(vs.year);
    // Fields' probes: 1 while active, and their text (tests type only into an active field).
    record_probe("kpi.entry.year", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemActive(), 0, vs.year);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(5 * E);
    ImGui::InputTextWithHint("##value", L::entry_value(lang), vs.value, sizeof vs.value);
    if (ImGui::IsItemActive()) ensure_glyphs(vs.value);  // full-width digits
    record_probe("kpi.entry.value", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemActive(), 0, vs.value);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(12 * E);
    ImGui::InputTextWithHint("##source", L::entry_source(lang), vs.source, sizeof vs.source);
    if (ImGui::IsItemActive()) ensure_glyphs(vs.source);
    record_probe("kpi.entry.source", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::IsItemActive(), 0, vs.source);
    ImGui::SameLine();
    const bool add = ImGui::Button(L::entry_add(lang));
    record_probe("kpi.entry.add", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (add) {
        // The value is checked here first, so that its message is in the UI language.
        const NumberText number = parse_number_text(vs.value);
        vs.entry_message = !parse_fiscal_year(vs.year) ? format(L::entry_bad_year_fmt(lang), vs.year)
                           : number.value ? ctx.editor->add_observation(e.plan->id, e.ind->id, vs.year, vs.value, vs.source)
                                          : number_problem_text(number.problem, vs.value, lang);
        vs.entry_error = !vs.entry_message.empty();
        if (!vs.entry_error) {
            vs.entry_message = L::entry_saved(lang);
            vs.year[0] = vs.value[0] = '\0';
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!ctx.editor->can_undo());
    const bool undo = ImGui::Button(L::entry_undo(lang));
    record_probe("kpi.entry.undo", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (undo) {
        vs.entry_message = ctx.editor->undo();
        vs.entry_error = !vs.entry_message.empty();
    }
    ImGui::EndDisabled();
    // On a line of its own, wrapped: a long message is never cut at the window's edge.
    if (!vs.entry_message.empty()) {
        text_wrapped_colored(vs.entry_error ? IM_COL32(255, 128, 76, 255) : IM_COL32(102, 204, 153, 255), vs.entry_message);
        record_probe("kpi.entry.message", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), vs.entry_error, 0, vs.entry_message);
    }
    ImGui::PopID();
}

void draw_legend(const ViewContext& ctx, const ObservationIndex& obs, const std::vector<Entry>& entries, bool bars);
void draw_cards(const ViewContext& ctx, ViewState& vs, const std::vector<Entry>& entries, int focused, std::size_t plan_count);
void record_card_probe(const Entry& e, const Progress* p, ImVec2 min, ImVec2 max);
struct CardGrid {
    int columns = 1;
    float gap = 0, width = 0, card_w = 0, card_h = 0;
};
CardGrid card_grid(bool presenting, std::size_t count, float width, float height);
void draw_empty_summary(const ViewContext& ctx, ViewState& vs, std::size_t count);
void draw_empty_list(const ViewContext& ctx, ViewState& vs, const std::vector<Entry>& entries, const std::vector<int>& without,
                     int focused);
// Plans: the selection (in order), else the current plan; their indicators, plan by plan.
std::vector<Entry> shown_entries(const ViewContext& ctx, std::vector<const Plan*>& plans) {
    for (const std::string& id : ctx.selection.plan_ids())
        if (const Plan* p = ctx.data.find_plan(id))
            if (std::find(plans.begin(), plans.end(), p) == plans.end()) plans.push_back(p);
    if (plans.empty())
        if (const Plan* p = current_plan(ctx)) plans.push_back(p);
    std::vector<Entry> entries;
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const int pi = ctx.model.index.plan_index(plans[k]->id);
        for (const Indicator& ind : plans[k]->indicators) entries.push_back({k, plans[k], &ind, pi});
    }
    return entries;
}

class KpiView final : public View {
public:
    const char* id() const override { return "kpi"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    bool shows_selected_plans() const override { return true; }
    void draw(ViewContext& ctx) override;
    OptionValues save_options() const override {
        const KpiOptions& o = vs_.options;
        return {{"bars", o.bars ? "1" : "0"}, {"show_empty", o.show_empty ? "1" : "0"}, {"focus_plan", o.focus_plan},
                {"focus_indicator", o.focus_indicator}, {"sort", to_option(o.sort)}};
    }
    void restore_options(const OptionValues& values) override {
        KpiOptions& o = vs_.options;
        o = {};
        read_option(values, "bars", o.bars);
        read_option(values, "show_empty", o.show_empty);
        read_option(values, "focus_plan", o.focus_plan);
        read_option(values, "focus_indicator", o.focus_indicator);
        if (const auto it = values.find("sort"); it != values.end()) o.sort = table_sort_from(it->second);
    }
    std::optional<Table> table(ViewContext& ctx) override;
    // The card at the top of the card list: "card PLAN/INDICATOR".
    std::string save_anchor() const override { return vs_.top_card.empty() ? std::string() : "card " + vs_.top_card; }
    void restore_anchor(const std::string& anchor) override {
        vs_.top_card = anchor.starts_with("card ") ? anchor.substr(5) : std::string();
        vs_.scroll.set(vs_.top_card);
    }
    void append_strings(std::vector<const char*>& out) const override {
        WS_KPI_STRINGS(WS_STR_COLLECT)
        for (const std::string& s : progress_sentences) out.push_back(s.c_str());
    }
    bool needs_kpi_history() const override { return true; }

private:
    ViewState vs_;
    KpiRows rows_;
    TableExport table_export_;
};

std::optional<Table> KpiView::table(ViewContext& ctx) {
    std::vector<const Plan*> plans;
    const std::vector<Entry> entries = shown_entries(ctx, plans);
    std::vector<std::string> plan_ids;
    for (const Plan* p : plans) plan_ids.push_back(p->id);
    const KpiRows& rows = kpi_rows(ctx, rows_, entries, plan_ids, vs_.options.sort);
    Table sorted = rows.table;  // in the order the view shows
    for (std::size_t r = 0; r < rows.order.size(); ++r) sorted.rows[r] = rows.table.rows[rows.order[r]];
    return sorted;
}

void KpiView::draw(ViewContext& ctx) {
    ViewState& vs = vs_;
    KpiOptions& ko = vs.options;
    const Lang lang = ctx.lang;
    const float E = em();
    const DataIndex& index = ctx.model.index;
    const ObservationIndex& obs = ctx.model.observations;

    std::vector<const Plan*> plans;
    const std::vector<Entry> entries = shown_entries(ctx, plans);
    if (plans.empty()) {
        text_wrapped(L::no_plan(lang));
        return;
    }
    std::vector<std::string> plan_ids;
    for (const Plan* p : plans) plan_ids.push_back(p->id);

    // Header: plans, counts, legend.
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const std::string label = plan_long_label(ctx.data, *plans[k], lang);
        const bool hovered = badge(plot::ellipsize(label, ImGui::GetContentRegionAvail().x - 10.0f * E), series_color(k),
                                   plot::contrast_text(series_color(k)));
        source_tooltip_for(hovered && !ctx.screenshot, plans[k]->source, ctx.data.taxonomy, lang, label);
        if (plans[k]->is_synthetic) {
            ImGui::SameLine();
            badge(L::synthetic_plan(lang), IM_COL32(200, 60, 60, 255));
        }
        if (plans[k]->indicators.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", L::no_indicators(lang));
        }
    }
    if (entries.empty()) {
        // Point to the plans that do have indicators.
        ImGui::Spacing();
        std::vector<const Plan*> with;
        for (const Plan& p : ctx.data.plans)
            if (!p.indicators.empty() && ctx.filter.passes(ctx.data, p)) with.push_back(&p);
        if (with.empty()) return;
        ImGui::TextUnformatted(L::plans_with_indicators(lang));
        const std::size_t shown = std::min<std::size_t>(with.size(), 12);
        for (std::size_t i = 0; i < shown; ++i) {
            ImGui::PushID(static_cast<int>(i));
            const std::string label = plan_long_label(ctx.data, *with[i], lang) + "  " +
                                      format(L::indicator_count_fmt(lang), static_cast<int>(with[i]->indicators.size()));
            ImGui::Bullet();
            if (ImGui::Selectable(plot::ellipsize(label, ImGui::GetContentRegionAvail().x).c_str())) click_plan(ctx, with[i]->id);
            ImGui::PopID();
        }
        if (with.size() > shown) ImGui::TextDisabled("%s", format(L::more_fmt(lang), static_cast<int>(with.size() - shown)).c_str());
        return;
    }
    if (!ctx.presenting) {
        ImGui::TextDisabled("%s", format(L::count_fmt(lang), static_cast<int>(entries.size()), static_cast<int>(plans.size())).c_str());
        ImGui::SameLine(0, 1.2f * E);
        if (ctx.editor) {
            export_table_button(ctx, *this, table_export_);
            ImGui::SameLine(0, 1.2f * E);
        }
        if (ImGui::RadioButton(L::as_lines(lang), !ko.bars)) ko.bars = false;
        ImGui::SameLine();
        if (ImGui::RadioButton(L::as_bars(lang), ko.bars)) ko.bars = true;
        ImGui::SameLine(0, 1.5f * E);
    }
    draw_legend(ctx, obs, entries, ko.bars);

    // Focus: keep it valid.
    int focused = -1;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].plan->id == ko.focus_plan && entries[i].ind->id == ko.focus_indicator) focused = static_cast<int>(i);

    // The table (about a third of the height) and the entry form are the
    // analyst's: presenting, the room sees the scorecards only.
    if (!ctx.presenting) {
        const float avail_h = ImGui::GetContentRegionAvail().y;
        const float row_h = ImGui::GetTextLineHeightWithSpacing();
        const float table_h = std::min(static_cast<float>(entries.size() + 1) * row_h + 0.6f * E,
                                       std::max(6.0f * row_h, avail_h * 0.34f));
        const int clicked_row = draw_table(ctx, index, obs, entries, plans.size(), focused, table_h, ko.sort, rows_, plan_ids);
        if (clicked_row >= 0) {
            focused = clicked_row;
            ko.focus_plan = entries[static_cast<std::size_t>(focused)].plan->id;
            ko.focus_indicator = entries[static_cast<std::size_t>(focused)].ind->id;
            vs.scroll_to_focus = true;
            const Indicator& ind = *entries[static_cast<std::size_t>(focused)].ind;
            if (!ind.node_id.empty() && ctx.selection.is_front(entries[static_cast<std::size_t>(focused)].plan->id))
                ctx.selection.select_node(ind.node_id);
        }
        if (ctx.editor && focused >= 0) draw_entry_form(ctx, vs, entries[static_cast<std::size_t>(focused)]);
    }
    ImGui::Spacing();
    draw_cards(ctx, vs, entries, focused, plans.size());
}

// The legend: the status lights' shapes, then the plot's marks (results,
// sample values, baseline → target, this year).
void draw_legend(const ViewContext& ctx, const ObservationIndex& obs, const std::vector<Entry>& entries, bool bars) {
    const Lang lang = ctx.lang;
    bool any_guides = false, any_sample = false;
    for (const Entry& e : entries) {
        any_guides |= (e.ind->baseline.value && !e.ind->baseline.fiscal_year) || (e.ind->target.value && !e.ind->target.fiscal_year);
        const Series* s = obs.find(e.plan->id, e.ind->id);
        any_sample |= (s && s->any_sample) || e.plan->is_synthetic;
    }
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(L::status_legend(lang));
    ImGui::SameLine();
    Progress ahead, on_track, behind;
    ahead.status = ProgressStatus::ahead;
    on_track.status = ProgressStatus::on_track;
    behind.status = ProgressStatus::behind;
    auto light = [&](const char* label, const Progress* p) {
        return plot::LegendEntry{label, status_color(p), plot::Swatch::marker, status_marker(p)};
    };
    std::vector<plot::LegendEntry> legend{light(L::legend_ahead(lang), &ahead), light(L::legend_on_track(lang), &on_track),
                                          light(L::legend_behind(lang), &behind), light(L::legend_unknown(lang), nullptr)};
    // The statuses of the rules without a path (docs/kpi-status.md), and ≠, only when shown.
    bool any_not_met = false, any_qualitative = false, any_disagreement = false;
    for (const Entry& e : entries)
        if (const Progress* p = ctx.model.find_progress(e.plan->id, e.ind->id)) {
            any_not_met |= p->status == ProgressStatus::not_met;
            any_qualitative |= p->status == ProgressStatus::qualitative;
            any_disagreement |= p->disagreement;
        }
    Progress not_met, qualitative;
    not_met.status = ProgressStatus::not_met;
    qualitative.status = ProgressStatus::qualitative;
    if (any_not_met) legend.push_back(light(L::legend_not_met(lang), &not_met));
    if (any_qualitative) legend.push_back(light(L::legend_qualitative(lang), &qualitative));
    legend.push_back({L::legend_real_point(lang), observed_color(), bars ? plot::Swatch::box : plot::Swatch::line_marker});
    if (any_sample)
        legend.push_back({L::legend_sample_point(lang), observed_color(), plot::Swatch::marker, plot::Marker::square,
                          plot_background()});
    legend.push_back({L::legend_plan(lang), plan_line_color(), plot::Swatch::dashed_line});
    if (ctx.current_fiscal_year > 0)
        legend.push_back({std::string(L::legend_now(lang)) + " " + fiscal_year_label(ctx.current_fiscal_year), accent_color(0.6f),
                          plot::Swatch::line});
    if (any_disagreement) legend.push_back({std::string(L::disagree_mark(lang)) + " " + L::legend_disagree(lang), disagreement_color(), plot::Swatch::box});
    plot::legend(legend);
    ImGui::EndGroup();
    record_probe("kpi.legend", start, ImGui::GetItemRectMax(), static_cast<double>(legend.size()));
    if (any_guides) ImGui::TextDisabled("%s", L::no_year_note(lang));
    // 施策評価 counted per plan (its latest evaluation year), one line per shown plan that has them.
    const Plan* previous = nullptr;
    for (const Entry& e : entries) {
        if (e.plan == previous) continue;
        previous = e.plan;
        if (const std::string ratings = evaluation_summary_text(*e.plan, lang); !ratings.empty()) {
            ImGui::TextUnformatted(ratings.c_str());
            record_probe("kpi.evaluations/" + e.plan->id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0, ratings);
        }
    }
}

// The scorecards: cards with values first (in the table's order), then the
// indicators without any value folded into one summary line that opens into
// a list of their names.
void draw_cards(const ViewContext& ctx, ViewState& vs, const std::vector<Entry>& entries, int focused, std::size_t plan_count) {
    KpiOptions& ko = vs.options;
    const ObservationIndex& obs = ctx.model.observations;
    std::vector<int> with_values, without;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        const Progress* p = ctx.model.find_progress(e.plan->id, e.ind->id);
        const Progress none;
        (has_known_values(*e.ind, p ? *p : none) ? with_values : without).push_back(static_cast<int>(i));
    }

    // The summary line of the indicators without values stays in sight below the cards.
    const float summary_h = without.empty() ? 0.0f : ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##kpi_cards", ImVec2(0, -summary_h), false);
    record_probe("kpi.cards", ImGui::GetWindowPos(),
                 ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    const CardGrid grid = card_grid(ctx.presenting, with_values.size(), ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize,
                                    ImGui::GetContentRegionAvail().y);
    const float gap = grid.gap, width = grid.width, card_w = grid.card_w, card_h = grid.card_h;
    const int columns = grid.columns;
    const float row_step = card_h + gap;
    const int card_rows = static_cast<int>((with_values.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    if (vs.scroll_to_focus && focused >= 0) {
        const auto at = std::find(with_values.begin(), with_values.end(), focused);
        if (at != with_values.end()) ImGui::SetScrollY(static_cast<float>((at - with_values.begin()) / columns) * row_step);
        else if (!without.empty()) ko.show_empty = vs.scroll_to_empty = true;
        vs.scroll_to_focus = false;
        vs.scroll.cancel();
    }
    // Cards in the order shown (with values first): card `k` is entries[with_values[k]].
    const auto card_key = [&](std::size_t k) {
        const Entry& e = entries[static_cast<std::size_t>(with_values[k])];
        return e.plan->id + "/" + e.ind->id;
    };
    if (vs.scroll.pending()) {  // a slide's anchor: its card's row at the top, whatever the screen size
        int row = 0;
        for (std::size_t k = 0; k < with_values.size(); ++k)
            if (card_key(k) == vs.scroll.anchor()) row = static_cast<int>(k) / columns;
        vs.scroll.scroll_to(static_cast<float>(row) * row_step);
    } else {
        const std::size_t first = static_cast<std::size_t>(ImGui::GetScrollY() / row_step + 0.5f) * static_cast<std::size_t>(columns);
        vs.top_card = ImGui::GetScrollY() < 1.0f || first >= with_values.size() ? std::string() : card_key(first);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, 0));
    ImGuiListClipper clipper;
    clipper.Begin(card_rows, row_step);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const ImVec2 row0 = ImGui::GetCursorScreenPos();
            for (int c = 0; c < columns; ++c) {
                const std::size_t slot = static_cast<std::size_t>(r * columns + c);
                if (slot >= with_values.size()) break;
                const int i = with_values[slot];
                const Entry& e = entries[static_cast<std::size_t>(i)];
                ImGui::PushID(i);
                const ImVec2 card0(row0.x + static_cast<float>(c) * (card_w + gap), row0.y);
                ImGui::SetCursorScreenPos(card0);
                const Series* s = obs.find(e.plan->id, e.ind->id);
                const Progress* p = ctx.model.find_progress(e.plan->id, e.ind->id);
                if (draw_card(ctx, ctx.model.index, e, s, p, ko.bars, ImVec2(card_w, card_h), i == focused, plan_count)) {
                    ko.focus_plan = e.plan->id;
                    ko.focus_indicator = e.ind->id;
                }
                if (probes_enabled()) record_card_probe(e, p, card0, ImVec2(card0.x + card_w, card0.y + card_h));
                // Title hover: the indicator's details.
                if (!ctx.screenshot &&
                    plot::hovered_rect(card0, ImVec2(card0.x + card_w, row0.y + 2.3f * ImGui::GetTextLineHeight())))
                    indicator_tooltip(ctx, ctx.model.index, e, s);
                ImGui::PopID();
            }
            ImGui::SetCursorScreenPos(row0);
            ImGui::Dummy(ImVec2(width, row_step));
        }
    }
    ImGui::PopStyleVar();
    if (!without.empty() && ko.show_empty) draw_empty_list(ctx, vs, entries, without, focused);
    ImGui::EndChild();
    if (!without.empty()) draw_empty_summary(ctx, vs, without.size());
}

// Cards' size and columns. Analysing: cards at least 26 em wide, as many rows
// as fit. Presenting (the type is already large): of the column counts that
// show every card on the screen, the one that gives the plots the most room,
// so the room sees them all at once.
CardGrid card_grid(bool presenting, std::size_t count, float width, float height) {
    const float E = em();
    CardGrid g;
    g.gap = 0.6f * E;
    g.width = width;
    auto card_w = [&](int columns) {
        return std::floor((width - g.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    };
    const float min_w = (presenting ? 14.0f : 26.0f) * E, min_h = (presenting ? 12.0f : 14.0f) * E,
                max_h = (presenting ? 24.0f : 19.0f) * E;
    g.columns = std::clamp(static_cast<int>((width + g.gap) / (min_w + g.gap)), 1, 4);
    if (presenting && count > 0) {
        const float text_h = 6.0f * ImGui::GetTextLineHeight();  // title, baseline → target, the three score lines
        float best = 0;
        const int most = g.columns;
        for (int c = 1; c <= most; ++c) {
            const int rows = static_cast<int>((count + static_cast<std::size_t>(c) - 1) / static_cast<std::size_t>(c));
            const float h = height / static_cast<float>(rows) - g.gap;
            if (h < min_h) continue;
            const float plot_area = card_w(c) * (std::min(h, max_h) - text_h);
            if (plot_area > best) best = plot_area, g.columns = c;
        }
    }
    g.card_w = card_w(g.columns);
    const int rows_fit = std::max(1, static_cast<int>(height / (min_h + g.gap)));
    const int rows_needed = static_cast<int>((count + static_cast<std::size_t>(g.columns) - 1) / static_cast<std::size_t>(g.columns));
    const int rows = std::max(1, std::min(rows_fit, rows_needed));
    g.card_h = std::clamp(height / static_cast<float>(rows) - g.gap, min_h, max_h);
    return g;
}

// Tests read a card's place and what it shows: value = the status (0 ahead,
// 1 on track, 2 behind, 3 no data), value2 = the share of the way to the
// target (NaN when unknown), text = "latest=…;fy=…;sample=0|1".
void record_card_probe(const Entry& e, const Progress* p, ImVec2 min, ImVec2 max) {
    const ProgressStatus status = p ? p->status : ProgressStatus::no_data;
    std::string text = "status=" + std::string(to_string(status));
    if (p && p->latest_value && p->latest_fiscal_year)
        text += ";latest=" + format_value(*p->latest_value) + ";fy=" + std::to_string(*p->latest_fiscal_year) +
                ";sample=" + (p->latest_is_sample ? "1" : "0");
    record_probe("kpi.card/" + e.plan->id + "/" + e.ind->id, min, max, static_cast<double>(status),
                 p && p->target_share ? *p->target_share : std::nan(""), text);
}

// "9 indicators without any value …  [show them]": opens their list below the cards.
void draw_empty_summary(const ViewContext& ctx, ViewState& vs, std::size_t count) {
    const Lang lang = ctx.lang;
    KpiOptions& ko = vs.options;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    bool toggle = ImGui::ArrowButton("##empty_toggle", ko.show_empty ? ImGuiDir_Down : ImGuiDir_Right);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    const std::string summary = format(L::empty_summary_fmt(lang), static_cast<int>(count));
    ImGui::TextUnformatted(plot::ellipsize(summary, ImGui::GetContentRegionAvail().x).c_str());
    toggle |= ImGui::IsItemClicked();
    if (!ctx.presenting) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", ko.show_empty ? L::empty_hide(lang) : L::empty_show(lang));
        toggle |= ImGui::IsItemClicked();
    }
    record_probe("kpi.empty_summary", start, ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y),
                 static_cast<double>(count), ko.show_empty ? 1 : 0);
    if (toggle) {
        ko.show_empty = !ko.show_empty;
        vs.scroll_to_empty = ko.show_empty;
    }
}

// The names of the indicators without values, after the cards.
void draw_empty_list(const ViewContext& ctx, ViewState& vs, const std::vector<Entry>& entries, const std::vector<int>& without,
                     int focused) {
    const Lang lang = ctx.lang;
    KpiOptions& ko = vs.options;
    if (vs.scroll_to_empty) {
        ImGui::SetScrollHereY(0.0f);
        vs.scroll_to_empty = false;
    }
    ImGui::Indent();
    for (int i : without) {
        const Entry& e = entries[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        const std::string label = (e.ind->label.empty() ? e.ind->kind : e.ind->label) + "  " + indicator_name(*e.ind, lang) +
                                  "  · " + municipality_name(ctx.data, e.plan->municipality_id, lang);
        if (ImGui::Selectable(plot::ellipsize(label, ImGui::GetContentRegionAvail().x).c_str(), i == focused)) {
            ko.focus_plan = e.plan->id;
            ko.focus_indicator = e.ind->id;
        }
        if (probes_enabled()) record_probe("kpi.empty/" + e.plan->id + "/" + e.ind->id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (!ctx.screenshot && ImGui::IsItemHovered()) indicator_tooltip(ctx, ctx.model.index, e, nullptr);
        ImGui::PopID();
    }
    ImGui::Unindent();
}

}  // namespace

std::unique_ptr<View> make_kpi_view() { return std::make_unique<KpiView>(); }

}  // namespace wardscope::ui
