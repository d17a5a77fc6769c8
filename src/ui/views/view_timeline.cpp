// Timeline: every plan passing the filter as a bar on a fiscal-year axis
// (labelled "R8" over "2026"), one row per municipality, coloured by plan kind,
// with the current fiscal year marked. Plans whose period is unknown are drawn
// as dashed stubs (one end unknown) or in a separate "period unknown" column
// (both unknown) — never at invented years. Click selects a plan.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/spotlight.hpp"
#include "ui/widgets/annotations.hpp"
#include "ui/widgets/open_prefectures.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/selection_chips.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/text_wrap.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/view_tables.hpp"
#include "wardscope/era.hpp"
#include "wardscope/municipality.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en) — every UI string of this view.
#define WS_TIMELINE_STRINGS(X)                                                                                   \
    X(tab_title, "タイムライン", "Timeline")                                                                 \
    X(no_plans, "条件に合う計画がありません。フィルタを緩めてください。",                                         \
      "No plans match the filter. Try loosening it.")                                                            \
    X(period_unknown, "期間不明", "period unknown")                                                             \
    X(start_unknown, "開始年度不明", "start unknown")                                                           \
    X(end_unknown, "終了年度不明", "end unknown")                                                               \
    X(actual_end_fmt, "実際の終了：%s", "actually ended: %s")                                                   \
    X(ended_early_fmt, "%sで終了", "ended %s")                                                                  \
    X(current_fy_fmt, "現在 %s", "Now %s")                                                                      \
    X(synthetic, "合成データ", "synthetic data")                                                                 \
    X(synthetic_note, "生成されたデータで、実在の計画ではありません。", "Generated data, not a real plan.")       \
    X(selected, "選択中", "selected")                                                                            \
    X(period_fmt, "期間: %s", "Period: %s")                                                                      \
    X(as_written_fmt, "原文: %s", "As written: %s")                                                             \
    X(kind_status_fmt, "%s · %s", "%s · %s")                                                                    \
    X(approved_by_fmt, "%s承認", "approved by %s")                                                              \
    X(counts_fmt, "戦略・方針 %d · 施策 %d · 指標 %d（目標値あり %d）",                                            \
      "strategies/policies %d · measures %d · indicators %d (%d with a target)")                                \
    X(swot_fmt, "SWOT %d · クロスSWOT %d", "SWOT %d · cross-SWOT %d")                                            \
    X(click_hint, "クリックで選択", "Click to select")                                                          \
    X(axis_title, "年度", "Fiscal year")                                                                        \
    X(plans_fmt, "%d計画 · %d自治体", "%d {plan|plans} · %d {municipality|municipalities}")                                            \
    X(kind_vision, "構想・ビジョン", "Vision")                                                                  \
    X(kind_regional, "地域産業活性化計画", "Regional industry revitalisation plan")                               \
    X(kind_promotion, "商工業振興計画", "Commerce and industry promotion plan")                                  \
    X(kind_industry, "産業振興計画", "Industrial promotion plan")                                                \
    X(kind_basic, "産業振興基本計画", "Basic industrial promotion plan")                                           \
    X(kind_unknown, "種別不明", "kind unknown")                                                                  \
    X(status_outline, "素案", "outline draft")                                                                  \
    X(status_draft, "案", "draft")                                                                              \
    X(status_adopted, "策定済", "adopted")                                                                      \
    X(status_approved, "承認", "approved")                                                                    \
    X(prefecture_tip, "クリックで開く／閉じる。帯の濃さ = その年度に期間中の計画の数",                           \
      "Click to open or close. Shade = how many of its plans run in that fiscal year")

namespace L {
WS_TIMELINE_STRINGS(WS_STR_DECLARE)
}  // namespace L

// Plan kinds and statuses as written (Japanese) with their translation.
std::string kind_label(const std::string& kind, Lang lang) {
    for (const Str* s : {&L::kind_vision, &L::kind_regional, &L::kind_promotion, &L::kind_industry, &L::kind_basic})
        if (kind == s->ja) return (*s)(lang);
    if (kind.empty()) return L::kind_unknown(lang);
    return kind;
}

std::string status_label(const std::string& status, Lang lang) {
    for (const Str* s : {&L::status_outline, &L::status_draft, &L::status_adopted, &L::status_approved})
        if (status == s->ja) return (*s)(lang);
    return status;
}

// ---- Layout (cached per data version and filter) --------------------------------------------

struct Bar {
    std::size_t plan = 0;  // index into Dataset::plans
    int lane = 0;          // within the municipality's row
    bool in_unknown_column = false;  // neither end known
};

struct Row {
    std::string municipality_id;  // empty for a prefecture's row
    std::string prefecture;       // a prefecture's row (grouped layouts): its name, "" when unknown
    bool group = false;           // a prefecture's aggregate row
    bool open = false;            // its municipalities are shown below it
    int municipalities = 0, plans = 0;   // a prefecture's: those passing the filter
    std::vector<int> active;      // a prefecture's: per axis year, its plans running that year
    int first_lane = 0;  // global lane index of the row's first lane
    int lanes = 1;
    int unknown_lanes = 0;  // lanes used in the unknown column
    std::vector<Bar> bars;
};

struct Layout {
    bool built = false;
    Filter filter;  // what it was built for
    int current_fiscal_year = 0;
    std::vector<Row> rows;
    std::vector<int> lane_row;  // global lane → row index
    std::vector<std::string> kinds;  // plan kinds of the whole dataset, in first-seen order (stable colours)
    std::vector<bool> kind_shown;    // parallel to kinds: some plan passing the filter has it
    std::set<std::string> open_prefectures;  // what it was built for (grouped layouts)
    bool grouped = false;            // rows by prefecture: the municipalities span more than one
    std::vector<std::size_t> plans_in_order;  // every bar's plan, opened or not (the table)
    int first_year = 0, last_year = 0;  // axis range (inclusive)
    bool any_unknown_column = false;
    bool any_partial = false;  // some bar has one end unknown (the legend says what the stub means)
    int plan_count = 0;
    // The widest municipality's name and prefecture heading, measured by the first frame that
    // draws this layout (table() builds layouts without an ImGui context), in this language and font size.
    float name_width = -1;
    float prefecture_width = 0;
    Lang name_lang = Lang::ja;
    float name_em = 0;
};

// Year span a bar occupies on the axis, as [a, b) in year units. One end unknown:
// the known year plus a dashed stub of `stub` years beyond it (drawn distinctly).
constexpr int stub_years = 2;

void bar_span(const Plan& p, int& a, int& b) {
    if (p.start_fy && p.end_fy) {
        a = std::min(*p.start_fy, *p.end_fy);
        b = std::max(*p.start_fy, *p.end_fy) + 1;
    } else if (p.start_fy) {
        a = *p.start_fy;
        b = *p.start_fy + 1 + stub_years;
    } else {
        a = *p.end_fy - stub_years;
        b = *p.end_fy + 1;
    }
}

// The layout for the filter: rebuilt when it or the data (on_data) changes.
// The label of a row: the municipality, or the prefecture with its counts.
std::string row_name(const ViewContext& ctx, const Row& r, Lang lang) {
    if (!r.group) return municipality_name(ctx.data, r.municipality_id, lang);
    return prefecture_heading(r.prefecture, r.open, r.municipalities, r.plans, lang);
}

// Rows grouped by prefecture: a prefecture's aggregate row, then its
// municipalities' rows when it is open. Only when the rows span more than one
// prefecture (the bundled Tokyo data keeps its plain rows).
void group_by_prefecture(const ViewContext& ctx, Layout& l) {
    std::set<std::string> prefectures;
    for (const Row& r : l.rows) {
        const Municipality* m = ctx.data.find_municipality(r.municipality_id);
        prefectures.insert(m ? m->prefecture : std::string());
    }
    if (prefectures.size() < 2) return;
    l.grouped = true;
    std::vector<Row> grouped;
    std::size_t group = 0;
    for (Row& r : l.rows) {
        const Municipality* m = ctx.data.find_municipality(r.municipality_id);
        const std::string prefecture = m ? m->prefecture : std::string();
        if (grouped.empty() || grouped[group].prefecture != prefecture || !grouped[group].group) {
            // A prefecture seen again after another (unordered codes) starts a second row: rare, harmless.
            bool found = false;
            for (std::size_t k = 0; k < grouped.size(); ++k)
                if (grouped[k].group && grouped[k].prefecture == prefecture) group = k, found = true;
            if (!found) {
                Row g;
                g.prefecture = prefecture;
                g.group = true;
                g.open = l.open_prefectures.contains(prefecture);
                g.active.assign(static_cast<std::size_t>(l.last_year - l.first_year + 1), 0);
                grouped.push_back(std::move(g));
                group = grouped.size() - 1;
            }
        }
        Row& g = grouped[group];
        ++g.municipalities;
        g.plans += static_cast<int>(r.bars.size());
        for (const Bar& b : r.bars) {
            if (b.in_unknown_column) continue;
            int a = 0, e = 0;
            bar_span(ctx.data.plans[b.plan], a, e);
            for (int y = std::max(a, l.first_year); y < std::min(e, l.last_year + 1); ++y) ++g.active[static_cast<std::size_t>(y - l.first_year)];
        }
        if (g.open) {
            // Kept right after its group row: later groups are appended after it.
            auto at = grouped.begin() + static_cast<std::ptrdiff_t>(group) + 1;
            while (at != grouped.end() && !at->group) ++at;
            grouped.insert(at, std::move(r));
        }
    }
    l.rows = std::move(grouped);
}

Layout& layout(const ViewContext& ctx, Layout& cache, const std::set<std::string>& open_prefectures) {
    if (cache.built && cache.filter == ctx.filter && cache.current_fiscal_year == ctx.current_fiscal_year &&
        cache.open_prefectures == open_prefectures)
        return cache;
    Layout l;
    l.open_prefectures = open_prefectures;
    l.built = true;
    l.filter = ctx.filter;
    l.current_fiscal_year = ctx.current_fiscal_year;
    for (const Plan& p : ctx.data.plans)
        if (std::find(l.kinds.begin(), l.kinds.end(), p.kind) == l.kinds.end()) l.kinds.push_back(p.kind);
    l.kind_shown.assign(l.kinds.size(), false);
    std::map<std::string, std::size_t> row_of;
    // Municipalities in dataset order, then plans' own order (already by municipality, start year).
    for (std::size_t i = 0; i < ctx.data.plans.size(); ++i) {
        const Plan& p = ctx.data.plans[i];
        if (!ctx.filter.passes(ctx.data, p)) continue;
        auto [it, added] = row_of.emplace(p.municipality_id, l.rows.size());
        if (added) l.rows.emplace_back().municipality_id = p.municipality_id;
        l.rows[it->second].bars.push_back(Bar{i, 0, !p.start_fy && !p.end_fy});
        l.kind_shown[static_cast<std::size_t>(std::find(l.kinds.begin(), l.kinds.end(), p.kind) - l.kinds.begin())] = true;
        ++l.plan_count;
    }
    // Order rows as the dataset lists municipalities.
    std::map<std::string, std::size_t> muni_order;
    for (std::size_t m = 0; m < ctx.data.municipalities.size(); ++m) muni_order.emplace(ctx.data.municipalities[m].id, m);
    std::stable_sort(l.rows.begin(), l.rows.end(), [&](const Row& a, const Row& b) {
        const auto ia = muni_order.find(a.municipality_id), ib = muni_order.find(b.municipality_id);
        const std::size_t ka = ia == muni_order.end() ? SIZE_MAX : ia->second;
        const std::size_t kb = ib == muni_order.end() ? SIZE_MAX : ib->second;
        return ka < kb;
    });
    // Year range of the known ends.
    int lo = INT32_MAX, hi = INT32_MIN;
    for (const Row& r : l.rows)
        for (const Bar& b : r.bars) {
            if (b.in_unknown_column) continue;
            int a = 0, e = 0;
            bar_span(ctx.data.plans[b.plan], a, e);
            lo = std::min(lo, a);
            hi = std::max(hi, e - 1);
        }
    if (ctx.current_fiscal_year > 0) {
        lo = std::min(lo, ctx.current_fiscal_year);
        hi = std::max(hi, ctx.current_fiscal_year);
    }
    if (lo > hi) lo = hi = ctx.current_fiscal_year > 0 ? ctx.current_fiscal_year : 2025;
    if (ctx.filter.fiscal_year_from() > 0) lo = std::max(lo, ctx.filter.fiscal_year_from());
    if (ctx.filter.fiscal_year_to() > 0) hi = std::min(hi, ctx.filter.fiscal_year_to());
    if (lo > hi) std::swap(lo, hi);
    l.first_year = lo;
    l.last_year = hi;
    for (const Row& r : l.rows)
        for (const Bar& b : r.bars) l.plans_in_order.push_back(b.plan);
    group_by_prefecture(ctx, l);
    // Lanes: first lane free of overlap (plans of one municipality may overlap).
    int lane_total = 0;
    for (std::size_t ri = 0; ri < l.rows.size(); ++ri) {
        Row& r = l.rows[ri];
        std::vector<int> lane_end;  // per lane: end year of its last bar
        int unknown = 0;
        for (Bar& b : r.bars) {
            if (b.in_unknown_column) {
                b.lane = unknown++;
                l.any_unknown_column = true;
                continue;
            }
            int a = 0, e = 0;
            bar_span(ctx.data.plans[b.plan], a, e);
            std::size_t k = 0;
            while (k < lane_end.size() && lane_end[k] > a) ++k;
            if (k == lane_end.size()) lane_end.push_back(e);
            else lane_end[k] = e;
            b.lane = static_cast<int>(k);
        }
        r.unknown_lanes = unknown;
        r.lanes = std::max({1, static_cast<int>(lane_end.size()), unknown});
        r.first_lane = lane_total;
        lane_total += r.lanes;
        for (int k = 0; k < r.lanes; ++k) l.lane_row.push_back(static_cast<int>(ri));
    }
    for (const Row& r : l.rows) {
        for (const Bar& b : r.bars) {
            const Plan& p = ctx.data.plans[b.plan];
            l.any_partial |= p.start_fy.has_value() != p.end_fy.has_value();
        }
    }
    cache = std::move(l);
    return cache;
}

// ---- Drawing ------------------------------------------------------------------------------------

struct Geometry {
    float x0 = 0, x1 = 0;          // axis area (screen x)
    float unknown_x0 = 0, unknown_x1 = 0;  // period-unknown column (empty when none)
    float label_x = 0, label_w = 0;
    float lane_h = 0, bar_h = 0;
    plot::LinearScale xs;
};

KindStyle kind_look(const Layout& l, const std::string& kind) {
    const auto it = std::find(l.kinds.begin(), l.kinds.end(), kind);
    return kind_style(static_cast<std::size_t>(it - l.kinds.begin()));
}
ImU32 kind_color(const Layout& l, const std::string& kind) { return kind_look(l, kind).color; }

void plan_tooltip(const ViewContext& ctx, const DataIndex& index, const Plan& p) {
    const Lang lang = ctx.lang;
    plot::begin_tooltip(32.0f);
    ImGui::TextUnformatted(p.title.c_str());
    if (lang == Lang::en && !p.title_en.empty()) plot::tooltip_dim(p.title_en);
    plot::tooltip_dim(municipality_name(ctx.data, p.municipality_id, lang));
    std::string ks = format(L::kind_status_fmt(lang), kind_label(p.kind, lang).c_str(), status_label(p.status, lang).c_str());
    if (!p.approved_by.empty()) ks += " · " + format(L::approved_by_fmt(lang), p.approved_by.c_str());
    ImGui::TextUnformatted(ks.c_str());
    ImGui::TextUnformatted(format(L::period_fmt(lang), period_text(p, lang).c_str()).c_str());
    if (!p.period_as_written.empty()) plot::tooltip_dim(format(L::as_written_fmt(lang), p.period_as_written.c_str()));
    if (p.actual_end_fy) ImGui::TextUnformatted(format(L::actual_end_fmt(lang), fiscal_year_label(*p.actual_end_fy).c_str()).c_str());
    if (!p.authors.empty()) {
        std::string authors;
        for (const std::string& a : p.authors) authors += (authors.empty() ? "" : "・") + a;
        plot::tooltip_dim(authors);
    }
    const int k = index.plan_index(p.id);
    if (k >= 0) {
        const PlanCounts& c = index.plans[static_cast<std::size_t>(k)].counts;
        ImGui::TextUnformatted(format(L::counts_fmt(lang), c.nodes() - c.measures, c.measures, c.indicators,
                                      c.indicators_with_target)
                                   .c_str());
        if (c.swot_items + c.tows_strategies > 0)
            ImGui::TextUnformatted(format(L::swot_fmt(lang), c.swot_items, c.tows_strategies).c_str());
    }
    if (const std::string annotated = plan_annotations_text(ctx, p.id); !annotated.empty())
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(annotation_color()), "%s", annotated.c_str());
    if (p.is_synthetic) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(230, 90, 90, 255));
        ImGui::TextUnformatted((std::string(L::synthetic(lang)) + " — " + L::synthetic_note(lang)).c_str());
        ImGui::PopStyleColor();
    }
    const std::string src = source_text(ctx.data.taxonomy, p.source);
    if (!src.empty()) plot::tooltip_dim(src);
    plot::tooltip_dim(L::click_hint(lang));
    plot::end_tooltip();
}

// One bar; returns true when hovered.
bool draw_bar(ImDrawList* dl, const ViewContext& ctx, const Layout& l, const Geometry& g, const Plan& p, ImVec2 a,
              ImVec2 b, bool selected) {
    const Lang lang = ctx.lang;
    const float E = em();
    const ImU32 col = kind_color(l, p.kind);
    const float round = 0.2f * E;
    const bool start_known = p.start_fy.has_value(), end_known = p.end_fy.has_value();
    std::string text = plan_title(p, lang);
    float text_x0 = a.x, text_x1 = b.x;
    float solid_a = a.x, solid_b = b.x;  // the part drawn in the kind's colour (the title contrasts with it there)
    // A plan that ended before its planned end (period.actual_end): solid to
    // the end of that year, the planned years it did not run hatched and dashed.
    const bool ended_early = start_known && end_known && p.actual_end_fy && *p.actual_end_fy < *p.end_fy;
    if (ended_early) {
        solid_b = std::clamp(std::round(g.xs.mapf(*p.actual_end_fy + 1)) - 1, a.x, b.x);
        if (solid_b > a.x) dl->AddRectFilled(a, ImVec2(solid_b, b.y), col, round);
        plot::hatch_rect(dl, ImVec2(solid_b, a.y), b, 0, (col & 0x00FFFFFF) | (90u << 24), 0.45f * E);
        plot::dashed_rect(dl, ImVec2(solid_b, a.y), b, col, std::max(1.0f, 0.08f * E), 0.35f * E, 0.2f * E);
        text += " · " + format(L::ended_early_fmt(lang), fiscal_year_label(*p.actual_end_fy).c_str());
        if (probes_enabled())  // tests: the planned years not run
            record_probe("timeline.not_run/" + p.id, ImVec2(solid_b, a.y), b, *p.actual_end_fy, *p.end_fy);
    } else if (start_known && end_known) {
        dl->AddRectFilled(a, b, col, round);
    } else if (start_known || end_known) {
        // The known year solid, the unknown side a dashed stub with a note.
        const float year_w = static_cast<float>(g.xs.map(1) - g.xs.map(0));
        solid_a = start_known ? a.x : b.x - year_w;
        solid_b = start_known ? a.x + year_w : b.x;
        dl->AddRectFilled(ImVec2(solid_a, a.y), ImVec2(solid_b, b.y), col, round);
        const ImVec2 da(start_known ? solid_b : a.x, a.y), db(start_known ? b.x : solid_a, b.y);
        plot::hatch_rect(dl, da, db, 0, (col & 0x00FFFFFF) | (90u << 24), 0.45f * E);
        plot::dashed_rect(dl, da, db, col, std::max(1.0f, 0.08f * E), 0.35f * E, 0.2f * E);
        // The title first: a long one is cut at its end, never hidden behind the note.
        text += " · " + std::string(start_known ? L::end_unknown(lang) : L::start_unknown(lang));
    } else {
        // The period-unknown column.
        plot::hatch_rect(dl, a, b, plot::unknown_fill(), (col & 0x00FFFFFF) | (110u << 24), 0.45f * E);
        plot::dashed_rect(dl, a, b, col, std::max(1.0f, 0.1f * E), 0.35f * E, 0.2f * E);
    }
    if (kind_look(l, p.kind).striped && start_known && end_known)  // kinds after the palette's twelve colours
        plot::hatch_rect(dl, a, b, 0, plot::kind_stripes(), 0.35f * E, 1.5f);
    if (p.is_synthetic) {
        // Synthetic plans: fine white hatching over the bar and a "合成" corner tag.
        plot::hatch_rect(dl, a, b, 0, IM_COL32(255, 255, 255, 70), 0.3f * E);
    }
    const bool hovered = !ctx.screenshot && plot::hovered_rect(a, b);
    if (selected) dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), accent_color(), round, 0, std::max(2.0f, 0.14f * E));
    else if (hovered) dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(b.x + 1, b.y + 1), text_color(), round, 0, 1.5f);
    // Title, cut with an ellipsis to the bar.
    const float pad = 0.3f * E;
    const float room = text_x1 - text_x0 - 2 * pad;
    if (room > 0.9f * E) {
        // Two lines when the bar is tall enough (presenting) and the title does not fit on one.
        const float lh = ImGui::GetTextLineHeight();
        std::string shown = plot::ellipsize(text, room);
        int lines = 1;
        if (b.y - a.y >= 2 * lh + 0.2f * E && shown != text) {
            const std::vector<std::string_view> wrapped = wrap_lines(text, room);
            if (wrapped.size() >= 2) {
                const std::string_view first = wrapped[0];
                const std::size_t rest_at = static_cast<std::size_t>(wrapped[1].data() - text.data());
                shown = std::string(first) + "\n" + plot::ellipsize(std::string_view(text).substr(rest_at), room);
                lines = 2;
            }
        }
        const float ty = a.y + (b.y - a.y - lh * static_cast<float>(lines)) * 0.5f;
        if (probes_enabled())
            record_probe("timeline.bar_title/" + p.id, ImVec2(text_x0 + pad, ty),
                         ImVec2(text_x0 + pad + ImGui::CalcTextSize(shown.c_str()).x, ty + lh * static_cast<float>(lines)), 0,
                         0, shown);
        if (start_known && end_known && !ended_early) {
            dl->PushClipRect(a, b, true);
            dl->AddText(ImVec2(text_x0 + pad, ty), plot::contrast_text(col), shown.c_str());
            dl->PopClipRect();
        } else {
            // Solid part: text contrasting with the kind colour; dashed part: the normal text colour.
            if (!start_known && !end_known) solid_a = solid_b = a.x;
            dl->PushClipRect(a, b, true);
            dl->PushClipRect(ImVec2(solid_a, a.y), ImVec2(solid_b, b.y), true);
            dl->AddText(ImVec2(text_x0 + pad, ty), plot::contrast_text(col), shown.c_str());
            dl->PopClipRect();
            if (solid_a > a.x) {
                dl->PushClipRect(a, ImVec2(solid_a, b.y), true);
                dl->AddText(ImVec2(text_x0 + pad, ty), text_color(), shown.c_str());
                dl->PopClipRect();
            }
            if (solid_b < b.x) {
                dl->PushClipRect(ImVec2(solid_b, a.y), b, true);
                dl->AddText(ImVec2(text_x0 + pad, ty), text_color(), shown.c_str());
                dl->PopClipRect();
            }
            dl->PopClipRect();
        }
    }
    return hovered;
}

void draw_legend(const ViewContext& ctx, const Layout& l, bool any_partial) {
    const Lang lang = ctx.lang;
    std::vector<plot::LegendEntry> entries;
    for (std::size_t k = 0; k < l.kinds.size(); ++k)
        if (l.kind_shown[k]) {
            const KindStyle look = kind_style(k);
            entries.push_back({kind_label(l.kinds[k], lang), look.color, look.striped ? plot::Swatch::box_striped : plot::Swatch::box});
        }
    if (any_partial || l.any_unknown_column)
        entries.push_back({L::period_unknown(lang), dim_text_color(), plot::Swatch::dashed_box});
    bool synthetic = false;
    for (const Row& r : l.rows)
        for (const Bar& b : r.bars) synthetic |= ctx.data.plans[b.plan].is_synthetic;
    if (synthetic) entries.push_back({L::synthetic(lang), dim_text_color(), plot::Swatch::hatched});
    if (!ctx.selection.plan_ids().empty()) entries.push_back({L::selected(lang), accent_color(), plot::Swatch::outline});
    if (ctx.current_fiscal_year > 0)
        entries.push_back({format(L::current_fy_fmt(lang), fiscal_year_label(ctx.current_fiscal_year).c_str()),
                           accent_color(), plot::Swatch::line});
    plot::legend(entries);
}

// A prefecture's aggregate row: per fiscal year, a band shaded by how many of
// its plans run that year (the darkest = its most). Click opens or closes it.
// `heading`: the whole heading when the label column shows less of it.
void draw_prefecture_row(ImDrawList* dl, const ViewContext& ctx, const Layout& l, const Geometry& g, const Row& r, ImVec2 min,
                         ImVec2 max, const std::string* heading, const Row*& toggled) {
    const int most = r.active.empty() ? 0 : *std::max_element(r.active.begin(), r.active.end());
    const float top = min.y + (max.y - min.y - g.bar_h) * 0.5f;
    for (std::size_t k = 0; k < r.active.size(); ++k) {
        if (r.active[k] == 0 || most == 0) continue;
        const int y = l.first_year + static_cast<int>(k);
        const float share = static_cast<float>(r.active[k]) / static_cast<float>(most);
        dl->AddRectFilled(ImVec2(std::round(g.xs.mapf(y)) + 1, top), ImVec2(std::round(g.xs.mapf(y + 1)) - 1, top + g.bar_h),
                          // Not a plan kind's colour: a neutral blue, darker for more plans.
                          IM_COL32(110, 150, 210, static_cast<int>(40 + 170 * share)));
    }
    if (probes_enabled()) record_probe("timeline.prefecture/" + r.prefecture, min, max, r.municipalities, r.plans, r.open ? "open" : "closed");
    if (ctx.screenshot || !ImGui::IsWindowHovered()) return;
    if (!ImGui::IsMouseHoveringRect(min, max)) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (heading) ImGui::SetTooltip("%s\n%s", heading->c_str(), L::prefecture_tip(ctx.lang));
    else ImGui::SetTooltip("%s", L::prefecture_tip(ctx.lang));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) toggled = &r;
}

class TimelineView final : public View {
public:
    const char* id() const override { return "timeline"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    void on_data(const Model&) override { layout_ = {}; }
    void draw(ViewContext& ctx) override;
    void append_strings(std::vector<const char*>& out) const override {
        WS_TIMELINE_STRINGS(WS_STR_COLLECT)
        append_prefecture_strings(out);
    }
    // The municipality whose row is at the top: "row MUNICIPALITY".
    std::string save_anchor() const override { return top_row_.empty() ? std::string() : "row " + top_row_; }
    void restore_anchor(const std::string& anchor) override {
        top_row_ = anchor.starts_with("row ") ? anchor.substr(4) : std::string();
        scroll_.set(top_row_);
    }

    OptionValues save_options() const override { return {{"open_prefectures", open_.option_value()}}; }
    void restore_options(const OptionValues& values) override { open_.restore(values, "open_prefectures"); }

    std::optional<Table> table(ViewContext& ctx) override {
        // Every plan passing the filter, its prefecture opened or not.
        return timeline_table(ctx.data, layout(ctx, layout_, open_.names()).plans_in_order, ctx.lang == Lang::en);
    }

private:
    Layout layout_;
    OpenPrefectures open_;  // prefectures shown opened
    TableExport table_export_;
    std::string top_row_;  // municipality id of the first row on screen; empty = the top
    PendingScroll scroll_;
};

void TimelineView::draw(ViewContext& ctx) {
    const Lang lang = ctx.lang;
    const DataIndex& index = ctx.model.index;
    // A newly selected municipality (here, in another view, a slide) is shown: its prefecture opens.
    open_.follow_selection(ctx.data, ctx.selection);
    Layout& l = layout(ctx, layout_, open_.names());
    const float E = em();
    // Measured once per layout, language and font size, not per frame: thousands of rows at national scale (issue #16).
    if (l.name_width < 0 || l.name_lang != lang || l.name_em != E) {
        l.name_width = l.prefecture_width = 0;
        l.name_lang = lang;
        l.name_em = E;
        for (const Row& r : l.rows) {
            // A prefecture's heading measured opened and closed alike (▼ and ▶ are as wide): no jump on a click.
            float& widest = r.group ? l.prefecture_width : l.name_width;
            widest = std::max(widest, ImGui::CalcTextSize(row_name(ctx, r, lang).c_str()).x);
        }
    }
    if (l.rows.empty()) {
        text_wrapped_colored(dim_text_color(), L::no_plans(lang));
        return;
    }
    const bool any_partial = l.any_partial;

    // Header: counts and legend.
    int municipality_rows = 0;
    for (const Row& r : l.rows) municipality_rows += r.group ? r.municipalities : l.grouped ? 0 : 1;
    ImGui::TextDisabled("%s", format(L::plans_fmt(lang), l.plan_count, municipality_rows).c_str());
    ImGui::SameLine(0, 1.2f * E);
    draw_legend(ctx, l, any_partial);
    if (ctx.editor) {
        same_line_if_fits(8 * E, 1.2f * E);
        export_table_button(ctx, *this, table_export_);
    }
    ImGui::Spacing();

    // Geometry shared by the axis and the rows.
    Geometry g;
    g.lane_h = std::round(1.75f * E);
    g.bar_h = std::round(1.35f * E);
    plot::AxisSpec axis;
    axis.kind = plot::AxisKind::fiscal_year;
    axis.label_offset = 0.5;  // labels centred in their year
    axis.highlight = ctx.current_fiscal_year > 0 ? ctx.current_fiscal_year : plot::nan;
    const float axis_h = plot::x_axis_height(axis) + 0.2f * E;
    const float avail_h = ImGui::GetContentRegionAvail().y - axis_h;
    if (ctx.presenting && !l.lane_row.empty()) {
        // The room: lanes share the height there is (up to two lines of title per bar).
        const float lanes = static_cast<float>(l.lane_row.size());
        g.lane_h = std::floor(std::clamp((avail_h - 0.2f * E) / lanes, g.lane_h, 2 * ImGui::GetTextLineHeight() + 0.9f * E));
        g.bar_h = g.lane_h - std::round(0.4f * E);
    }
    const float total_h = static_cast<float>(l.lane_row.size()) * g.lane_h;
    const bool scrolls = total_h > avail_h;
    const float avail_w = ImGui::GetContentRegionAvail().x - (scrolls ? ImGui::GetStyle().ScrollbarSize : 0.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    // The label column fits the names, up to a share of the width: more when grouped, for the
    // prefectures' headings (those that still do not fit are shortened, their tooltip whole).
    g.label_x = origin.x;
    g.label_w = std::min(std::max(l.name_width, l.prefecture_width) + 0.8f * E, std::max(6.0f * E, avail_w * (l.grouped ? 0.3f : 0.18f)));
    const float unknown_w = l.any_unknown_column ? std::min(11.0f * E, avail_w * 0.2f) : 0.0f;
    g.x0 = origin.x + g.label_w;
    g.x1 = origin.x + avail_w - unknown_w - (unknown_w > 0 ? 0.6f * E : 0.3f * E);
    if (unknown_w > 0) {
        g.unknown_x0 = g.x1 + 0.6f * E;
        g.unknown_x1 = origin.x + avail_w - 3.0f;  // room for the selection outline
    }
    g.xs = plot::LinearScale(l.first_year, l.last_year + 1, g.x0, g.x1);

    // Axis (fixed above the scrolling rows).
    ImDrawList* pdl = ImGui::GetWindowDrawList();
    const float axis_y = origin.y + axis_h - 0.1f * E;
    plot::draw_x_axis(pdl, axis, g.xs, axis_y, true);
    if (unknown_w > 0) {
        const std::string t = plot::ellipsize(L::period_unknown(lang), g.unknown_x1 - g.unknown_x0);
        pdl->AddText(ImVec2(g.unknown_x0, axis_y - ImGui::GetTextLineHeight() - 0.3f * E), dim_text_color(), t.c_str());
        pdl->AddLine(ImVec2(g.unknown_x0, axis_y), ImVec2(g.unknown_x1, axis_y), plot::axis_color());
    }
    ImGui::Dummy(ImVec2(avail_w, axis_h));

    // Rows.
    ImGui::BeginChild("##timeline_rows", ImVec2(0, 0), false);
    if (scroll_.pending()) {  // a slide's anchor: that municipality's row at the top, on any screen
        int lane = 0;  // an empty anchor is the top (a prefecture's row has no municipality: never matched)
        for (const Row& r : l.rows)
            if (!scroll_.anchor().empty() && r.municipality_id == scroll_.anchor()) {
                lane = r.first_lane;
                break;
            }
        scroll_.scroll_to(static_cast<float>(lane) * g.lane_h);
    } else {
        const auto lane = static_cast<std::size_t>(ImGui::GetScrollY() / g.lane_h + 0.5f);
        top_row_ = ImGui::GetScrollY() < 1.0f || lane >= l.lane_row.size()
                       ? std::string()
                       : l.rows[static_cast<std::size_t>(l.lane_row[lane])].municipality_id;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 rows_origin = ImGui::GetCursorScreenPos();
    const float rows_bottom = rows_origin.y + total_h;
    const float clip_top = ImGui::GetWindowPos().y, clip_bottom = clip_top + ImGui::GetWindowSize().y;
    const float vis_bottom = std::min(rows_bottom, clip_bottom);

    // Year grid, current-year band and marker behind the bars (visible part only).
    {
        const float top = std::max(rows_origin.y, clip_top);
        for (int y = l.first_year; y <= l.last_year + 1; ++y) {
            const float x = std::round(g.xs.mapf(y));
            dl->AddLine(ImVec2(x, top), ImVec2(x, vis_bottom), plot::grid_color());
        }
        const int cfy = ctx.current_fiscal_year;
        if (cfy >= l.first_year && cfy <= l.last_year) {
            dl->AddRectFilled(ImVec2(g.xs.mapf(cfy), top), ImVec2(g.xs.mapf(cfy + 1), vis_bottom), accent_color(0.10f));
            const float x = std::round(g.xs.mapf(cfy + 0.5));
            dl->AddLine(ImVec2(x, top), ImVec2(x, vis_bottom), accent_color(0.85f), std::max(2.0f, 0.12f * E));
        }
    }

    int hovered_plan = -1;
    const Row* toggled = nullptr;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(l.lane_row.size()), g.lane_h);
    while (clipper.Step()) {
        // Draw whole rows touching the visible lanes.
        int last_row = -1;
        for (int lane = clipper.DisplayStart; lane < clipper.DisplayEnd; ++lane) {
            ImGui::Dummy(ImVec2(avail_w, g.lane_h));
            const int ri = l.lane_row[static_cast<std::size_t>(lane)];
            if (ri == last_row) continue;
            last_row = ri;
            const Row& r = l.rows[static_cast<std::size_t>(ri)];
            const float row_top = rows_origin.y + static_cast<float>(r.first_lane) * g.lane_h;
            const float row_bottom = row_top + static_cast<float>(r.lanes) * g.lane_h;
            // Separator and label (at the first visible lane of the row).
            if (r.first_lane > 0) dl->AddLine(ImVec2(origin.x, row_top), ImVec2(origin.x + avail_w, row_top), plot::grid_color());
            const float label_y = std::max(row_top, std::min(clip_top, row_bottom - g.lane_h)) + (g.lane_h - ImGui::GetTextLineHeight()) * 0.5f;
            const bool row_selected = !r.group && r.municipality_id == ctx.selection.municipality_id();
            const float label_room = g.label_w - 0.6f * E;
            const std::string name = row_name(ctx, r, lang);
            bool shortened = false;
            const std::string shown = r.group ? fitted_prefecture_heading(r.prefecture, r.open, r.municipalities, r.plans, lang, label_room,
                                                                          l.prefecture_width <= label_room, shortened)
                                              : plot::ellipsize(name, label_room);
            shortened |= shown != name;
            dl->AddText(ImVec2(g.label_x, label_y), row_selected ? accent_color() : r.group ? heading_color() : text_color(), shown.c_str());
            const ImVec2 label_min(g.label_x, row_top), label_max(g.label_x + g.label_w, row_top + g.lane_h);
            if (probes_enabled())
                record_probe("timeline.label/" + (r.group ? "prefecture/" + r.prefecture : r.municipality_id), label_min, label_max,
                             ImGui::CalcTextSize(shown.c_str()).x, label_room, shown);
            if (r.group) {
                draw_prefecture_row(dl, ctx, l, g, r, ImVec2(origin.x, row_top), ImVec2(origin.x + avail_w, row_bottom),
                                    shortened ? &name : nullptr, toggled);
                continue;
            }
            if (shortened && !ctx.screenshot && ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(label_min, label_max))
                ImGui::SetTooltip("%s", name.c_str());
            dl->PushClipRect(ImVec2(g.x0 - 3.0f, row_top), ImVec2(origin.x + avail_w, row_bottom), true);
            for (const Bar& b : r.bars) {
                const Plan& p = ctx.data.plans[b.plan];
                const float y = row_top + static_cast<float>(b.lane) * g.lane_h + (g.lane_h - g.bar_h) * 0.5f;
                ImVec2 a, e;
                if (b.in_unknown_column) {
                    a = ImVec2(g.unknown_x0, y);
                    e = ImVec2(g.unknown_x1, y + g.bar_h);
                } else {
                    int ya = 0, yb = 0;
                    bar_span(p, ya, yb);
                    a = ImVec2(std::round(g.xs.mapf(ya)) + 1, y);
                    e = ImVec2(std::round(g.xs.mapf(yb)) - 1, y + g.bar_h);
                    // Bars outside the axis range (filter years) are cut at its ends.
                    a.x = std::max(a.x, g.x0);
                    e.x = std::min(e.x, g.x1);
                    if (e.x <= a.x) continue;
                }
                const bool selected = ctx.selection.contains(p.id);
                if (draw_bar(dl, ctx, l, g, p, a, e, selected)) hovered_plan = static_cast<int>(b.plan);
                if (spotlight_collecting()) offer_spotlight("timeline/" + p.id, a, e);
            }
            dl->PopClipRect();
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
    if (toggled) open_.toggle(toggled->prefecture);

    if (hovered_plan >= 0) {
        const Plan& p = ctx.data.plans[static_cast<std::size_t>(hovered_plan)];
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        plan_tooltip(ctx, index, p);
        copy_on_ctrl_c(!ctx.screenshot, plan_title(p, lang));
        copy_source_on_ctrl_shift_c(!ctx.screenshot, p.source, ctx.data.taxonomy);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) click_plan(ctx, p.id);
    }
}

}  // namespace

std::unique_ptr<View> make_timeline_view() { return std::make_unique<TimelineView>(); }

}  // namespace wardscope::ui
