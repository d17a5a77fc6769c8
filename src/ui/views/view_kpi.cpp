// KPIs: the indicators of the selected plans (default: the current plan) as a
// table (kind, label, name, unit, baseline, target, direction, node) and one
// plot per indicator: baseline → target as a dashed line, observations as a
// line with markers. Unknown values say so (未設定 / not set) and are never
// plotted as 0; sample observations and synthetic plans carry a badge. Both
// lists are clipped to what is on screen and long series are downsampled by
// the plot module, so synthetic databases (10k indicators × 20 years) stay fast.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/data_editor.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/era.hpp"

namespace wardscope::ui {

namespace {

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
    X(count_fmt, "指標 %d件（%d計画）", "%d indicators (%d plans)")                                                 \
    X(obs_count_fmt, "実績 %d件", "%d results")                                                                    \
    X(obs_none, "実績なし", "no results")                                                                          \
    X(point_tip_fmt, "%s: %s", "%s: %s")                                                                           \
    X(note_fmt, "注: %s", "Note: %s")                                                                              \
    X(source_fmt, "出典: %s", "Source: %s")                                                                        \
    X(axis_year, "年度", "Fiscal year")                                                                            \
    X(click_row, "クリックでグラフへ移動", "Click to show its plot")                                          \
    X(plans_with_indicators, "指標のある計画（クリックで表示）:", "Plans with indicators (click to show):")          \
    X(indicator_count_fmt, "指標 %d件", "%d indicators")                                                          \
    X(more_fmt, "ほか %d件", "%d more")

namespace L {
WS_KPI_STRINGS(WS_STR_DECLARE)
}  // namespace L

// The view's options (saved in settings and slides).
struct KpiOptions {
    bool bars = false;  // results as bars from zero instead of a line
    std::string focus_plan, focus_indicator;
};

// ---- Entries ------------------------------------------------------------------------------

struct Entry {
    std::size_t plan_slot = 0;  // position among the shown plans (colour)
    const Plan* plan = nullptr;
    const Indicator* ind = nullptr;
    int plan_index = -1;        // into Dataset::plans
};

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
    const std::string src = source_text(ind.source.empty() ? e.plan->source : ind.source);
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

// Returns the clicked entry or -1.
int draw_table(const ViewContext& ctx, const DataIndex& index, const ObservationIndex& obs, const std::vector<Entry>& entries,
               std::size_t plan_count, int focused, float height) {
    const Lang lang = ctx.lang;
    const float E = em();
    int clicked = -1;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##kpi_table", 9, flags, ImVec2(0, height))) return -1;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(L::col_kind(lang), ImGuiTableColumnFlags_WidthStretch, 0.85f);
    ImGui::TableSetupColumn(L::col_label(lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(L::col_name(lang), ImGuiTableColumnFlags_WidthStretch, 2.8f);
    ImGui::TableSetupColumn(L::col_unit(lang), ImGuiTableColumnFlags_WidthStretch, 0.5f);
    ImGui::TableSetupColumn(L::col_baseline(lang), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(L::col_target(lang), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(L::col_direction(lang), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn(L::col_node(lang), ImGuiTableColumnFlags_WidthStretch, 1.9f);
    ImGui::TableSetupColumn(L::col_status(lang), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entries.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
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
                cell_text(progress_text(*p, lang), progress_color(*p));
                if (ImGui::IsItemHovered() && !ctx.screenshot && p->expected && p->latest_value)
                    plot::tooltip(format(L::status_tip(lang), point_value(*p->expected, ind.unit).c_str(),
                                         std::to_string(*p->latest_fiscal_year).c_str(),
                                         point_value(*p->latest_value, ind.unit).c_str()));
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

// One indicator card at the cursor, `size` px; returns true when clicked.
bool draw_card(const ViewContext& ctx, const DataIndex& index, const Entry& e, const Series* s, bool bars, ImVec2 size,
               bool focused, std::size_t plan_count) {
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
                                     point_text(ind.target, ind.unit, lang).c_str()) +
                              "  " + (ind.direction == Direction::higher_is_better ? L::higher(lang) : L::lower(lang));
    plot::text_ellipsis(dl, ImVec2(p0.x + pad, y), dim_text_color(), line2, right - p0.x - pad);
    y += lh + 0.2f * E;

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
        const ImVec2 ts = ImGui::CalcTextSize(L::no_values(lang), nullptr, false, wrap);
        const ImVec2 tp(a.x + (b.x - a.x - ts.x) * 0.5f, a.y + (b.y - a.y - ts.y) * 0.5f);
        dl->AddRectFilled(ImVec2(tp.x - 0.4f * E, tp.y - 0.2f * E), ImVec2(tp.x + ts.x + 0.4f * E, tp.y + ts.y + 0.2f * E),
                          ImGui::GetColorU32(ImGuiCol_WindowBg), 0.2f * E);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), tp, text_color(), L::no_values(lang), nullptr, wrap);
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
            if (base_guide) plot::plot_hline(*ind.baseline.value, plan_line_color(), 0.08f,
                                             format(L::baseline_fmt(lang), value_text(ind.baseline.value, ind.unit, lang).c_str()), true);
            if (target_guide) plot::plot_hline(*ind.target.value, plan_line_color(), 0.08f,
                                               format(L::target_fmt(lang), value_text(ind.target.value, ind.unit, lang).c_str()), true);
            // Bars under the path, lines over it.
            if (has_obs && bars) plot::plot_bars(s->xs.data(), s->ys.data(), s->xs.size(), 0.6, observed_color(0.85f));
            // Baseline → target: dashed, with hollow diamonds at the ends.
            std::vector<double> px, py;
            if (base_pt) px.push_back(*ind.baseline.fiscal_year), py.push_back(*ind.baseline.value);
            if (target_pt) px.push_back(*ind.target.fiscal_year), py.push_back(*ind.target.value);
            if (px.size() == 2 && px[0] > px[1]) std::swap(px[0], px[1]), std::swap(py[0], py[1]);
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
                plot::plot_line(s->xs.data(), s->ys.data(), s->xs.size(), obs_style);
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
                    plot::end_tooltip();
                } else if (hp >= 0) {
                    const bool is_base = base_pt && hp == 0 && px[0] == *ind.baseline.fiscal_year && py[0] == *ind.baseline.value;
                    const IndicatorPoint& pt = is_base ? ind.baseline : ind.target;
                    plot::begin_tooltip(30.0f);
                    ImGui::TextUnformatted(format(is_base ? L::baseline_fmt(lang) : L::target_fmt(lang),
                                                  point_text(pt, ind.unit, lang).c_str())
                                               .c_str());
                    if (!pt.note.empty()) plot::tooltip_dim(format(L::note_fmt(lang), pt.note.c_str()));
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

class KpiView final : public View {
public:
    const char* id() const override { return "kpi"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    bool shows_selected_plans() const override { return true; }
    void draw(ViewContext& ctx) override;
    OptionValues save_options() const override {
        const KpiOptions& o = vs_.options;
        return {{"bars", o.bars ? "1" : "0"}, {"focus_plan", o.focus_plan}, {"focus_indicator", o.focus_indicator}};
    }
    void restore_options(const OptionValues& values) override {
        KpiOptions& o = vs_.options;
        o = {};
        read_option(values, "bars", o.bars);
        read_option(values, "focus_plan", o.focus_plan);
        read_option(values, "focus_indicator", o.focus_indicator);
    }
    // The card at the top of the card list: "card PLAN/INDICATOR".
    std::string save_anchor() const override { return top_card_.empty() ? std::string() : "card " + top_card_; }
    void restore_anchor(const std::string& anchor) override {
        top_card_ = anchor.starts_with("card ") ? anchor.substr(5) : std::string();
        scroll_.set(top_card_);
    }
    void append_strings(std::vector<const char*>& out) const override { WS_KPI_STRINGS(WS_STR_COLLECT) }
    bool needs_kpi_history() const override { return true; }

private:
    ViewState vs_;
    std::string top_card_;  // "plan/indicator" of the first card row on screen; empty = the top
    PendingScroll scroll_;
};

void KpiView::draw(ViewContext& ctx) {
    ViewState& vs = vs_;
    KpiOptions& ko = vs.options;
    const Lang lang = ctx.lang;
    const float E = em();
    const DataIndex& index = ctx.model.index;
    const ObservationIndex& obs = ctx.model.observations;

    // Plans: the selection (in order), else the current plan.
    std::vector<const Plan*> plans;
    for (const std::string& id : ctx.selection.plan_ids())
        if (const Plan* p = ctx.data.find_plan(id))
            if (std::find(plans.begin(), plans.end(), p) == plans.end()) plans.push_back(p);
    if (plans.empty())
        if (const Plan* p = current_plan(ctx)) plans.push_back(p);
    if (plans.empty()) {
        text_wrapped(L::no_plan(lang));
        return;
    }
    std::vector<Entry> entries;
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const int pi = index.plan_index(plans[k]->id);
        for (const Indicator& ind : plans[k]->indicators) entries.push_back({k, plans[k], &ind, pi});
    }

    // Header: plans, counts, legend.
    for (std::size_t k = 0; k < plans.size(); ++k) {
        const std::string label = plan_long_label(ctx.data, *plans[k], lang);
        const bool hovered = badge(plot::ellipsize(label, ImGui::GetContentRegionAvail().x - 10.0f * E), series_color(k),
                                   plot::contrast_text(series_color(k)));
        source_tooltip_for(hovered && !ctx.screenshot, plans[k]->source, lang, label);
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
            if (ImGui::Selectable(plot::ellipsize(label, ImGui::GetContentRegionAvail().x).c_str())) ctx.selection.select_plan(ctx.data, with[i]->id);
            ImGui::PopID();
        }
        if (with.size() > shown) ImGui::TextDisabled("%s", format(L::more_fmt(lang), static_cast<int>(with.size() - shown)).c_str());
        return;
    }
    ImGui::TextDisabled("%s", format(L::count_fmt(lang), static_cast<int>(entries.size()), static_cast<int>(plans.size())).c_str());
    ImGui::SameLine(0, 1.2f * E);
    bool any_guides = false, any_sample = false;
    for (const Entry& e : entries) {
        any_guides |= (e.ind->baseline.value && !e.ind->baseline.fiscal_year) || (e.ind->target.value && !e.ind->target.fiscal_year);
        const Series* s = obs.find(e.plan->id, e.ind->id);
        any_sample |= (s && s->any_sample) || e.plan->is_synthetic;
    }
    if (ImGui::RadioButton(L::as_lines(lang), !ko.bars)) ko.bars = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(L::as_bars(lang), ko.bars)) ko.bars = true;
    ImGui::SameLine(0, 1.5f * E);
    std::vector<plot::LegendEntry> legend{{L::legend_observed(lang), observed_color(),
                                           ko.bars ? plot::Swatch::box : plot::Swatch::line_marker},
                                          {L::legend_plan(lang), plan_line_color(), plot::Swatch::dashed_line}};
    if (ctx.current_fiscal_year > 0)
        legend.push_back({std::string(L::legend_now(lang)) + " " + fiscal_year_label(ctx.current_fiscal_year), accent_color(0.6f),
                          plot::Swatch::line});
    if (any_sample) legend.push_back({L::sample(lang), sample_badge_color(), plot::Swatch::box});
    plot::legend(legend);
    if (any_guides) ImGui::TextDisabled("%s", L::no_year_note(lang));

    // Focus: keep it valid.
    int focused = -1;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].plan->id == ko.focus_plan && entries[i].ind->id == ko.focus_indicator) focused = static_cast<int>(i);

    // Table (about a third of the height), then the plot cards.
    const float avail_h = ImGui::GetContentRegionAvail().y;
    const float row_h = ImGui::GetTextLineHeightWithSpacing();
    const float table_h = std::min(static_cast<float>(entries.size() + 1) * row_h + 0.6f * E,
                                   std::max(6.0f * row_h, avail_h * 0.34f));
    const int clicked_row = draw_table(ctx, index, obs, entries, plans.size(), focused, table_h);
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
    ImGui::Spacing();

    ImGui::BeginChild("##kpi_cards", ImVec2(0, 0), false);
    record_probe("kpi.cards", ImGui::GetWindowPos(),
                 ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    const float gap = 0.6f * E;
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
    const int columns = std::clamp(static_cast<int>((width + gap) / (26.0f * E + gap)), 1, 4);
    const float card_w = std::floor((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    const float visible_h = ImGui::GetContentRegionAvail().y;
    const int rows_fit = std::max(1, static_cast<int>(visible_h / (11.0f * E + gap)));
    const float card_h = std::clamp(visible_h / static_cast<float>(rows_fit) - gap, 11.0f * E, 16.0f * E);
    const float row_step = card_h + gap;
    const int card_rows = static_cast<int>((entries.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns));
    const auto card_key = [&](std::size_t i) { return entries[i].plan->id + "/" + entries[i].ind->id; };
    if (vs.scroll_to_focus && focused >= 0) {
        ImGui::SetScrollY(static_cast<float>(focused / columns) * row_step);
        vs.scroll_to_focus = false;
        scroll_.cancel();
    }
    if (scroll_.pending()) {  // a slide's anchor: its card's row at the top, whatever the screen size
        int row = 0;
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (card_key(i) == scroll_.anchor()) row = static_cast<int>(i) / columns;
        scroll_.scroll_to(static_cast<float>(row) * row_step);
    } else {
        const std::size_t first = static_cast<std::size_t>(ImGui::GetScrollY() / row_step + 0.5f) * static_cast<std::size_t>(columns);
        top_card_ = ImGui::GetScrollY() < 1.0f || first >= entries.size() ? std::string() : card_key(first);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, 0));
    ImGuiListClipper clipper;
    clipper.Begin(card_rows, row_step);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const ImVec2 row0 = ImGui::GetCursorScreenPos();
            for (int c = 0; c < columns; ++c) {
                const int i = r * columns + c;
                if (i >= static_cast<int>(entries.size())) break;
                const Entry& e = entries[static_cast<std::size_t>(i)];
                ImGui::PushID(i);
                ImGui::SetCursorScreenPos(ImVec2(row0.x + static_cast<float>(c) * (card_w + gap), row0.y));
                const Series* s = obs.find(e.plan->id, e.ind->id);
                if (probes_enabled())  // tests read which cards are on screen
                    record_probe("kpi.card/" + card_key(static_cast<std::size_t>(i)), ImGui::GetCursorScreenPos(),
                                 ImVec2(ImGui::GetCursorScreenPos().x + card_w, ImGui::GetCursorScreenPos().y + card_h));
                if (draw_card(ctx, index, e, s, ko.bars, ImVec2(card_w, card_h), i == focused, plans.size())) {
                    ko.focus_plan = e.plan->id;
                    ko.focus_indicator = e.ind->id;
                }
                // Title hover: the indicator's details.
                if (!ctx.screenshot &&
                    plot::hovered_rect(ImVec2(row0.x + static_cast<float>(c) * (card_w + gap), row0.y),
                                       ImVec2(row0.x + static_cast<float>(c) * (card_w + gap) + card_w,
                                              row0.y + 2.3f * ImGui::GetTextLineHeight())))
                    indicator_tooltip(ctx, index, e, s);
                ImGui::PopID();
            }
            ImGui::SetCursorScreenPos(row0);
            ImGui::Dummy(ImVec2(width, row_step));
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

}  // namespace

std::unique_ptr<View> make_kpi_view() { return std::make_unique<KpiView>(); }

}  // namespace wardscope::ui
