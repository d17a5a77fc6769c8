// Coverage: the strategy-coverage heatmap. Rows are the plans passing the
// shared filter (grouped by municipality, oldest first), columns the taxonomy
// themes; a cell shows how many of the plan's measures carry the theme (or
// their share, or whether any does), by the one counting rule
// (wardscope/theme_rule.hpp). Hover a cell for its measures, click it to list
// them with their sources beside or below the grid; click a measure or a row
// label to select the plan. Click a column heading to sort the rows by it
// (again: reverse); right-click it for both directions and the theme's
// drill-across (ui/widgets/theme_across); right-click a row label to sort the
// columns by that plan; the corner restores the grouped order. The matrix comes from the core
// (wardscope/coverage.hpp) and is rebuilt only when the data, the filter or an
// option changes; the grid and the colour bar are the plot module's.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/widgets/annotations.hpp"
#include "ui/widgets/open_prefectures.hpp"
#include "ui/plot/plot.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/selection_chips.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/spotlight.hpp"
#include "ui/widgets/text_wrap.hpp"
#include "ui/widgets/theme_across.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/view_tables.hpp"
#include "wardscope/coverage.hpp"
#include "wardscope/prefecture_coverage.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en) — every UI string of this view.
#define WS_HEATMAP_STRINGS(X)                                                                                     \
    X(tab_title, "カバレッジ", "Coverage")                                                                       \
    X(show, "表示", "Show")                                                                                       \
    X(mode_count, "件数", "Count")                                                                                \
    X(mode_share, "割合", "Share")                                                                                \
    X(mode_present, "有無", "Present")                                                                            \
    X(mode_count_tip, "各テーマを含む施策の数", "Measures carrying each theme")                                   \
    X(mode_share_tip, "計画の施策のうち各テーマを含むものの割合", "Share of the plan's measures carrying each theme") \
    X(mode_present_tip, "テーマを含む施策が1つでもあるか", "Whether any measure carries the theme")               \
    X(rows, "行", "Rows")                                                                                         \
    X(row_grouped, "自治体・期間順", "Municipality, period")                                                       \
    X(row_name, "計画名順", "Plan title")                                                                          \
    X(row_total, "合計の多い順", "Largest total")                                                                  \
    X(row_similarity, "基準計画との類似順", "Similar to the reference")                                            \
    X(row_total_tip, "件数: 施策の数 / 割合・有無: 扱うテーマの数", "Count: measures / share, present: themes covered") \
    X(row_similarity_tip, "テーマ構成（各テーマの割合のベクトル）のコサイン類似度。基準は選択中の計画です。",        \
      "Cosine similarity of the theme mix (vectors of theme shares). The reference is the selected plan.")       \
    X(columns, "列", "Columns")                                                                                   \
    X(col_taxonomy, "分類順", "Taxonomy order")                                                                   \
    X(col_name, "名称順", "Name")                                                                                 \
    X(col_total, "合計の多い順", "Largest total")                                                                  \
    X(col_similarity, "共起順", "Co-occurrence")                                                                  \
    X(col_similarity_tip, "施策数の最も多いテーマから始め、同じ計画で重視されるテーマを隣に並べます。",              \
      "Starts at the theme with the most measures and places next to each theme the one the same plans stress most.") \
    X(colors, "配色", "Colours")                                                                                  \
    X(reference_fmt, "基準: %s", "Reference: %s")                                                                 \
    X(head_municipality, "自治体", "Municipality")                                                                \
    X(head_plan, "計画（期間）", "Plan (period)")                                                                 \
    X(no_rows, "条件に合う計画がありません。フィルターを緩めてください。",                                           \
      "No plan passes the filter. Loosen the filter to see the coverage.")                                        \
    X(synthetic, "合成", "synthetic")                                                                             \
    X(synthetic_tip, "合成データ（実在しない計画）", "Synthetic data (not a real plan)")                            \
    X(leaves_mark, "*", "*")                                                                                      \
    X(leaves_note, "* 施策の階層がない計画: 末端の項目で集計", "* No measure level: lowest items counted")           \
    X(bar_count, "施策数", "Measures")                                                                            \
    X(bar_share, "割合", "Share")                                                                                 \
    X(bar_present, "有無", "Present")                                                                             \
    X(yes, "あり", "yes")                                                                                         \
    X(no, "なし", "no")                                                                                           \
    X(pct_fmt, "%d%%", "%d%%")                                                                                    \
    X(cell_tip_fmt, "%s: %d / %d施策（%d%%）", "%s: %d of %d {measure|measures} (%d%%)")                                     \
    X(more_fmt, "… ほか%d件", "… and %d more")                                                                    \
    X(click_cell, "クリックで施策の一覧", "Click to list the measures")                                            \
    X(click_row, "クリックでこの計画を選択", "Click to select this plan")                                          \
    X(row_tip_fmt, "施策 %d · テーマ %d / %d", "%d {measure|measures} · %d of %d {theme|themes}")                                     \
    X(untagged_fmt, "テーマなしの施策 %d", "%d {measure|measures} without a theme")                                          \
    X(similarity_fmt, "基準計画との類似度 %d%%", "Similarity to the reference %d%%")                               \
    X(col_tip_fmt, "%d計画 · 施策 %d", "%d {plan|plans} · %d {measure|measures}")                                                   \
    X(theme_filter_tip, "フィルター中のテーマ", "Theme of the filter")                                             \
    X(panel_title, "セルの施策", "Measures of the cell")                                                           \
    X(panel_hint, "セルをクリックすると、そのテーマを含む施策と出典を表示します。",                                    \
      "Click a cell to list the measures carrying its theme, with their sources.")                                \
    X(panel_example, "（例: この計画で最も多いテーマ。セルをクリックで切り替え）", "(example: this plan's largest theme; click a cell to switch)")            \
    X(panel_count_fmt, "施策 %d / %d（%d%%）", "%d of %d {measure|measures} (%d%%)")                                           \
    X(panel_none, "このテーマを含む施策はありません。", "No measure carries this theme.")                            \
    X(rule_note, "キーワード", "keyword")                                                                          \
    X(inherited_fmt, "%s から", "from %s")                                                                         \
    X(rule_tip, "キーワード規則で付いたテーマ（手作業の分類ではない）", "Theme derived by a keyword rule (not tagged by hand)") \
    X(new_badge, "新規", "new")                                                                                   \
    X(select_tip, "クリックでこの施策を選択", "Click to select this measure")                                      \
    X(source_fmt, "出典: %s", "Source: %s")                                                                       \
    X(close, "閉じる", "Close")                                                                                   \
    X(row_by_theme_fmt, "「%s」の多い順", "Most “%s” first")                                                      \
    X(row_by_theme_asc_fmt, "「%s」の少ない順", "Fewest “%s” first")                                              \
    X(row_by_column, "列見出しをクリック", "Click a column heading")                                              \
    X(col_by_plan, "計画の値順", "By a plan's values")                                                            \
    X(col_by_plan_tip, "行の見出しを右クリックして計画を選びます", "Right-click a row heading to choose the plan") \
    X(header_tip_sort, "クリック: このテーマで行を並べ替え（もう一度で逆順）", "Click: sort the rows by this theme (again: reverse)") \
    X(header_tip_menu, "右クリック: 全計画の施策を一覧 ほか", "Right-click: list its measures across plans, and more") \
    X(corner_tip, "クリック: 行を自治体・期間順に戻す", "Click: rows back in municipality, period order")        \
    X(menu_sort_desc, "行を多い順に並べ替え", "Sort rows, most first")                                            \
    X(menu_sort_asc, "行を少ない順に並べ替え", "Sort rows, fewest first")                                         \
    X(menu_list, "全計画でこのテーマの施策を一覧", "List its measures across plans")                              \
    X(row_menu_sort_desc, "列をこの計画の多い順に並べ替え", "Sort columns by this plan, most first")              \
    X(row_menu_sort_asc, "列をこの計画の少ない順に並べ替え", "Sort columns by this plan, fewest first")           \
    X(row_menu_select, "この計画を選択", "Select this plan")                                                      \
    X(row_tip_menu, "右クリック: この計画の値で列を並べ替え", "Right-click: sort the columns by this plan")       \
    X(list_across, "全計画で一覧", "Across plans")                                                               \
    X(list_across_tip, "このテーマを含む施策を、表示中のすべての計画から一覧", "List the measures carrying this theme in every plan shown") \
    X(rows_shown_fmt, "%d–%d行目 / %d行", "rows %d–%d of %d")                                                  \
    X(prefecture_cell_fmt, "%s: %sの%d計画のうち%d計画（%d%%）が扱う", "%s: of %s's %d {plan|plans}, %d (%d%%) {covers|cover} it")   \
    X(prefecture_tip, "クリックで開く／閉じる。セル = このテーマを扱う計画の割合", "Click to open or close. Cells: share of its plans covering the theme") \
    X(prefecture_note, "都道府県の行（青）: そのテーマを扱う計画の割合", "Prefecture rows (blue): share of their plans covering the theme")

namespace L {
WS_HEATMAP_STRINGS(WS_STR_DECLARE)
}  // namespace L

// ---- State and cache -----------------------------------------------------------------------------

// The view's options: everything it keeps is a slide's to restore.
struct State {
    CoverageMode mode = CoverageMode::count;
    CoverageRowSort row_sort = CoverageRowSort::grouped;
    CoverageColSort col_sort = CoverageColSort::taxonomy;
    plot::Colormap colormap = plot::Colormap::viridis;
    std::string cell_plan, cell_theme;  // the drill-down cell; empty = none chosen
    std::string sort_theme;             // CoverageRowSort::theme: a clicked column heading
    bool rows_ascending = false;
    std::string sort_plan;              // CoverageColSort::plan: a row heading's "sort columns"
    bool columns_ascending = false;
    ThemeAcrossState across;            // the theme drill-across (replaces the cell panel while open)
};

// Presenting, the rows that do not fit the screen at a line each go on pages
// (the clicker steps through them); what the last frame showed.
struct Paging {
    int first = 0, shown = 0, total = 0, per_page = 0;  // per_page 0: every row on screen
    bool paged() const { return per_page > 0; }
};

// What the context menus of a heading act on (not an option: menus are not restored).
struct Menus {
    std::string theme, plan;
};

constexpr CoverageMode modes[] = {CoverageMode::count, CoverageMode::share, CoverageMode::present};
constexpr CoverageRowSort row_sorts[] = {CoverageRowSort::grouped, CoverageRowSort::name, CoverageRowSort::total,
                                         CoverageRowSort::similarity, CoverageRowSort::theme};
constexpr CoverageColSort col_sorts[] = {CoverageColSort::taxonomy, CoverageColSort::name, CoverageColSort::total,
                                         CoverageColSort::similarity, CoverageColSort::plan};
constexpr plot::Colormap colormaps[] = {plot::Colormap::viridis, plot::Colormap::cividis};

bool same_options(const CoverageOptions& a, const CoverageOptions& b) {
    return a.mode == b.mode && a.row_sort == b.row_sort && a.col_sort == b.col_sort &&
           a.reference_plan == b.reference_plan && a.reference_theme == b.reference_theme && a.english == b.english &&
           a.sort_theme == b.sort_theme && a.rows_ascending == b.rows_ascending && a.sort_plan == b.sort_plan &&
           a.columns_ascending == b.columns_ascending;
}

// ---- Labels ----------------------------------------------------------------------------------------

int percent(double share) { return static_cast<int>(std::lround(share * 100)); }

// The plan's title without its municipality's name, which the row label shows apart.
std::string title_without_municipality(const Dataset& data, const Plan& plan, Lang lang) {
    std::string t = plan_title(plan, lang);
    for (Lang l : {lang, Lang::ja, Lang::en}) {
        const std::string m = municipality_name(data, plan.municipality_id, l);
        if (!m.empty() && t.size() > m.size() && t.compare(0, m.size(), m) == 0) {
            t.erase(0, m.size());
            break;
        }
    }
    const std::string ideographic_space = "\u3000";
    while (!t.empty() && (t.front() == ' ' || t.compare(0, ideographic_space.size(), ideographic_space) == 0))
        t.erase(0, t.front() == ' ' ? 1 : ideographic_space.size());
    return t.empty() ? plan_title(plan, lang) : t;
}

// A plan title as a row heading draws it: one or two lines, at `scale` of the font size.
struct FittedTitle {
    std::vector<std::string> lines;
    float scale = 1;
    float line_h = 0;  // two lines: from one's top to the next's (at most the scaled line height)
};

// Presenting, a title may take two lines at this much of the large type (the
// room caption's size: never below the minimum text height, docs/presenting.md).
constexpr float small_title_scale = 0.7f;

struct RowText {
    std::string municipality;  // on the group's first row only
    std::string years;         // "2019–2021"; empty when unknown
    std::string title;         // without the municipality
};

// Row label texts and their widths at the current font size.
struct RowLabels {
    float font_size = 0;  // 0 = to be rebuilt
    std::vector<RowText> texts;
    float municipality_w = 0, years_w = 0, title_w = 0;  // widest of each part
    bool any_synthetic = false, any_leaves = false;
    float prefecture_w = 0;  // widest prefecture row heading (grouped by prefecture)
    float readable_title_w = 0;  // presenting: the title room every row's title needs to be read (fit_row_title)
    // The titles as drawn (fit_row_titles), one or two lines each, for this layout:
    float fitted_width = -1;  // the title room of a row without a badge
    float fitted_row_h = 0;
    std::vector<FittedTitle> fitted;
};

// `title` with its Latin words longer than `keep` + 1 letters cut to their
// first `keep` and "." ("Regional" → "Reg."); other words (numbers, Japanese) as they are.
std::string shorten_words(std::string_view title, std::size_t keep) {
    std::string out;
    std::size_t i = 0;
    while (i < title.size()) {
        const std::size_t end = std::min(title.find(' ', i), title.size());
        const std::string_view word = title.substr(i, end - i);
        const bool letters = !word.empty() && std::all_of(word.begin(), word.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        });
        out += letters && word.size() > keep + 1 ? std::string(word.substr(0, keep)) + "." : std::string(word);
        if (end < title.size()) out += ' ';
        i = end + 1;
    }
    return out;
}

// A row heading's plan title in `width`, in a row `row_h` tall: whole on one
// line; else on two lines when the row is tall enough (presenting: at the
// smaller size if need be); else with its long words shortened ("Reg. Ind.
// Rev. Plan", the tooltip spells it out); else cut with "…".
FittedTitle fit_row_title(const std::string& title, float width, float row_h, bool presenting) {
    const float lh = ImGui::GetTextLineHeight();
    const auto fits = [&](std::string_view t, float scale) {
        return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x * scale <= width;
    };
    if (fits(title, 1)) return {{title}, 1, lh};
    for (const float scale : {1.0f, small_title_scale}) {
        if (scale < 1 && !presenting) break;
        if (scale < 1 && fits(title, scale)) return {{title}, scale, lh * scale};
        // Two lines a little closer than the font's line height still read (its glyphs are shorter).
        if (row_h < 1.8f * lh * scale) continue;
        const auto lines = wrap_lines(title, width / scale);
        if (lines.size() <= 2 && std::all_of(lines.begin(), lines.end(), [&](std::string_view l) { return fits(l, scale); }))
            return {{lines.begin(), lines.end()}, scale, std::min(lh * scale, row_h / 2)};
    }
    for (std::size_t keep : {5u, 4u, 3u})
        if (const std::string short_title = shorten_words(title, keep); short_title != title && fits(short_title, 1))
            return {{short_title}, 1, lh};
    return {{plot::ellipsize(title, width)}, 1, lh};
}

// The title room a row's title needs to be read while presenting: its
// shortened words on one line, or two lines at the smaller size (about half
// its width each, with room for the break), whichever is narrower.
float readable_title_width(const std::string& title) {
    const float full = ImGui::CalcTextSize(title.c_str()).x;
    const float shortened = ImGui::CalcTextSize(shorten_words(title, 3).c_str()).x;
    return std::min({full, shortened, 0.6f * small_title_scale * full});
}

// Every row's title fitted (cached in `l` for the layout). Two different
// titles of one municipality and period never end up the same: those keep
// their beginning, cut with "…", rather than an abbreviation that hides the difference.
void fit_row_titles(RowLabels& l, const CoverageMatrix& m, const Dataset& data, float width, float badge_w, float row_h,
                    bool presenting) {
    if (l.fitted_width == width && l.fitted_row_h == row_h && l.fitted.size() == l.texts.size()) return;
    l.fitted_width = width;
    l.fitted_row_h = row_h;
    l.fitted.assign(l.texts.size(), {});
    std::map<std::string, std::string> title_of_label;  // municipality, years, shown text → the full title
    std::set<std::string> ambiguous;
    const auto key = [&](std::size_t r) {
        std::string joined;
        for (const std::string& line : l.fitted[r].lines) joined += line + "\n";
        return data.plans[m.rows[r].plan_index].municipality_id + "\t" + l.texts[r].years + "\t" + joined;
    };
    for (std::size_t r = 0; r < l.texts.size(); ++r) {
        const float w = std::max(width - (m.rows[r].is_synthetic ? badge_w : 0.0f), 0.0f);
        l.fitted[r] = fit_row_title(l.texts[r].title, w, row_h, presenting);
        const auto [it, added] = title_of_label.emplace(key(r), l.texts[r].title);
        if (!added && it->second != l.texts[r].title) ambiguous.insert(it->first);
    }
    for (std::size_t r = 0; r < l.texts.size() && !ambiguous.empty(); ++r)
        if (ambiguous.count(key(r))) {
            const float w = std::max(width - (m.rows[r].is_synthetic ? badge_w : 0.0f), 0.0f);
            l.fitted[r] = {{plot::ellipsize(l.texts[r].title, w)}, 1, ImGui::GetTextLineHeight()};
        }
}

// The rows drawn, for the prefectures opened: the matrix's rows, or — in
// grouped order with rows in more than one prefecture — each prefecture's
// aggregate row followed, when it is open, by its rows.
struct DrawnRows {
    bool valid = false;
    std::set<std::string> open;  // what it was built for
    std::vector<int> rows;       // per drawn row: its matrix row, or -1 - k for prefecture k's aggregate row
    std::vector<int> drawn_of;   // per matrix row: its drawn row, -1 when its prefecture is closed
    std::vector<double> values;  // drawn rows × columns (aggregate rows: NaN, drawn by the view)
};

// The matrix for the filter and options: rebuilt when they or the data (on_data) change.
struct Cache {
    bool valid = false;
    Filter filter;
    CoverageOptions options;
    CoverageMatrix matrix;
    std::vector<double> values;
    RowLabels labels;
    std::vector<PrefectureCoverage> prefectures;  // grouped by prefecture; empty = plain rows
    DrawnRows drawn;
};

bool is_prefecture_row(int drawn) { return drawn < 0; }
std::size_t prefecture_of_row(int drawn) { return static_cast<std::size_t>(-1 - drawn); }

Cache& coverage(const ViewContext& ctx, Cache& cache, const State& st) {
    CoverageOptions o;
    o.mode = st.mode;
    o.row_sort = st.row_sort;
    o.col_sort = st.col_sort;
    o.english = ctx.lang == Lang::en;
    if (st.row_sort == CoverageRowSort::similarity) o.reference_plan = ctx.selection.front_plan();
    o.sort_theme = st.sort_theme;
    o.rows_ascending = st.rows_ascending;
    o.sort_plan = st.sort_plan;
    o.columns_ascending = st.columns_ascending;
    if (cache.valid && cache.filter == ctx.filter && same_options(cache.options, o)) return cache;
    cache.valid = true;
    cache.filter = ctx.filter;
    cache.options = o;
    const Dataset& data = ctx.data;
    const Filter& filter = ctx.filter;
    cache.matrix = build_coverage(data, [&](const Plan& p) { return filter.passes(data, p); }, o);
    cache.values = cache.matrix.values();
    cache.labels = RowLabels{};
    // Prefecture rows only in the grouped order (a sort shows every plan ranked) and across prefectures.
    cache.prefectures.clear();
    if (o.row_sort == CoverageRowSort::grouped) cache.prefectures = coverage_by_prefecture(data, cache.matrix);
    if (cache.prefectures.size() < 2) cache.prefectures.clear();
    cache.drawn = {};
    return cache;
}

const DrawnRows& drawn_rows(Cache& cache, const std::set<std::string>& open) {
    DrawnRows& d = cache.drawn;
    if (d.valid && (cache.prefectures.empty() || d.open == open)) return d;
    d = {};
    d.valid = true;
    d.open = open;
    const CoverageMatrix& m = cache.matrix;
    const std::size_t ncol = m.column_count();
    d.drawn_of.assign(m.row_count(), -1);
    const auto add_row = [&](std::size_t r) {
        d.drawn_of[r] = static_cast<int>(d.rows.size());
        d.rows.push_back(static_cast<int>(r));
        d.values.insert(d.values.end(), cache.values.begin() + static_cast<std::ptrdiff_t>(r * ncol),
                        cache.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * ncol));
    };
    if (cache.prefectures.empty()) {
        for (std::size_t r = 0; r < m.row_count(); ++r) add_row(r);
        return d;
    }
    for (std::size_t k = 0; k < cache.prefectures.size(); ++k) {
        d.rows.push_back(-1 - static_cast<int>(k));
        d.values.insert(d.values.end(), ncol, plot::nan);
        if (open.contains(cache.prefectures[k].prefecture))
            for (std::size_t r : cache.prefectures[k].rows) add_row(r);
    }
    return d;
}

// A prefecture's aggregate row heading: "▶ 北海道（8自治体・8計画）".
std::string prefecture_label(const PrefectureCoverage& p, bool open, Lang lang) {
    return prefecture_heading(p.prefecture, open, p.municipalities, p.plans(), lang);
}

// The aggregate cells' colour: the timeline's neutral blue (not the colour bar's
// scale, which is the plans'), darker for a larger share of the prefecture's plans.
ImU32 prefecture_cell_color(double share) { return IM_COL32(110, 150, 210, static_cast<int>(40 + 190 * share)); }

const RowLabels& row_labels(const ViewContext& ctx, Cache& cache, bool grouped) {
    RowLabels& l = cache.labels;
    if (l.font_size == ImGui::GetFontSize()) return l;
    const Lang lang = ctx.lang;
    const CoverageMatrix& m = cache.matrix;
    l = RowLabels{};
    l.font_size = ImGui::GetFontSize();
    l.texts.resize(m.row_count());
    l.municipality_w = ImGui::CalcTextSize(L::head_municipality(lang)).x;
    for (std::size_t r = 0; r < m.row_count(); ++r) {
        const CoverageRow& row = m.rows[r];
        const Plan& plan = ctx.data.plans[row.plan_index];
        RowText& t = l.texts[r];
        if (row.group_start || !grouped) t.municipality = municipality_name(ctx.data, plan.municipality_id, lang);
        t.years = years_text(plan);
        t.title = title_without_municipality(ctx.data, plan, lang);
        if (row.counts_leaves) t.title += L::leaves_mark(lang);
        l.municipality_w = std::max(l.municipality_w, ImGui::CalcTextSize(t.municipality.c_str()).x);
        l.years_w = std::max(l.years_w, ImGui::CalcTextSize(t.years.c_str()).x);
        l.title_w = std::max(l.title_w, ImGui::CalcTextSize(t.title.c_str()).x);
        l.readable_title_w = std::max(l.readable_title_w, readable_title_width(t.title));
        l.any_synthetic |= row.is_synthetic;
        l.any_leaves |= row.counts_leaves;
    }
    for (const PrefectureCoverage& p : cache.prefectures)
        l.prefecture_w = std::max(l.prefecture_w, ImGui::CalcTextSize(prefecture_label(p, true, lang).c_str()).x);
    return l;
}

std::string mode_value_text(CoverageMode mode, const CoverageCell& cell) {
    switch (mode) {
        case CoverageMode::count: return cell.count > 0 ? std::to_string(cell.count) : std::string();
        case CoverageMode::share: return cell.count > 0 ? format("%d%%", percent(cell.share)) : std::string();
        case CoverageMode::present: return {};
    }
    return {};
}

// The width of the widest number the cells show: the largest value's (the
// matrix is built for the mode shown, so its range is that mode's).
float widest_value_width(CoverageMode mode, const CoverageMatrix& m) {
    const double largest = m.range.data_max;
    CoverageCell widest;
    widest.count = std::max(1, static_cast<int>(largest));
    widest.share = largest;
    return ImGui::CalcTextSize(mode_value_text(mode, widest).c_str()).x;
}

// ---- Controls --------------------------------------------------------------------------------------

template <class E>
bool combo(const char* id, const char* title, E& value, std::initializer_list<std::pair<E, const char*>> items,
           float width, const char* tip, bool screenshot) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title);
    ImGui::SameLine();
    const char* preview = "";
    for (const auto& [v, label] : items)
        if (v == value) preview = label;
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::BeginCombo(id, preview)) {
        for (const auto& [v, label] : items)
            if (ImGui::Selectable(label, v == value)) value = v, changed = true;
        ImGui::EndCombo();
    }
    if (tip && !screenshot && ImGui::IsItemHovered()) plot::tooltip(tip);
    return changed;
}

float combo_width(std::initializer_list<const char*> labels) {
    float w = 0;
    for (const char* l : labels) w = std::max(w, ImGui::CalcTextSize(l).x);
    return w + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
}

void draw_controls(ViewContext& ctx, State& st) {
    const Lang lang = ctx.lang;
    const float sp = 1.2f * em();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(L::show(lang));
    const std::pair<CoverageMode, Str> modes[] = {{CoverageMode::count, L::mode_count},
                                                  {CoverageMode::share, L::mode_share},
                                                  {CoverageMode::present, L::mode_present}};
    const Str tips[] = {L::mode_count_tip, L::mode_share_tip, L::mode_present_tip};
    for (std::size_t i = 0; i < 3; ++i) {
        ImGui::SameLine();
        if (ImGui::RadioButton(modes[i].second(lang), st.mode == modes[i].first)) st.mode = modes[i].first;
        if (!ctx.screenshot && ImGui::IsItemHovered()) plot::tooltip(tips[i](lang));
    }

    const std::string by_theme =
        st.sort_theme.empty() ? std::string(L::row_by_column(lang))
                              : format(st.rows_ascending ? L::row_by_theme_asc_fmt(lang) : L::row_by_theme_fmt(lang),
                                       theme_short_label(ctx.data.taxonomy, st.sort_theme, lang).c_str());
    const char* row_labels[] = {L::row_grouped(lang), L::row_name(lang), L::row_total(lang), L::row_similarity(lang),
                                by_theme.c_str()};
    const float rw = combo_width({row_labels[0], row_labels[1], row_labels[2], row_labels[3], row_labels[4]});
    same_line_if_fits(ImGui::CalcTextSize(L::rows(lang)).x + rw + em(), sp);
    const char* row_tip = st.row_sort == CoverageRowSort::similarity ? L::row_similarity_tip(lang)
                          : st.row_sort == CoverageRowSort::total    ? L::row_total_tip(lang)
                                                                     : nullptr;
    combo("##rows", L::rows(lang), st.row_sort,
          {{CoverageRowSort::grouped, row_labels[0]},
           {CoverageRowSort::name, row_labels[1]},
           {CoverageRowSort::total, row_labels[2]},
           {CoverageRowSort::similarity, row_labels[3]},
           {CoverageRowSort::theme, row_labels[4]}},
          rw, row_tip, ctx.screenshot);

    const char* col_labels[] = {L::col_taxonomy(lang), L::col_name(lang), L::col_total(lang), L::col_similarity(lang),
                                L::col_by_plan(lang)};
    const float cw = combo_width({col_labels[0], col_labels[1], col_labels[2], col_labels[3], col_labels[4]});
    same_line_if_fits(ImGui::CalcTextSize(L::columns(lang)).x + cw + em(), sp);
    combo("##cols", L::columns(lang), st.col_sort,
          {{CoverageColSort::taxonomy, col_labels[0]},
           {CoverageColSort::name, col_labels[1]},
           {CoverageColSort::total, col_labels[2]},
           {CoverageColSort::similarity, col_labels[3]},
           {CoverageColSort::plan, col_labels[4]}},
          cw,
          st.col_sort == CoverageColSort::similarity ? L::col_similarity_tip(lang)
          : st.col_sort == CoverageColSort::plan     ? L::col_by_plan_tip(lang)
                                                     : nullptr,
          ctx.screenshot);

    const char* maps[] = {plot::colormap_name(plot::Colormap::viridis), plot::colormap_name(plot::Colormap::cividis)};
    const float mw = combo_width({maps[0], maps[1]});
    same_line_if_fits(ImGui::CalcTextSize(L::colors(lang)).x + mw + em(), sp);
    combo("##colormap", L::colors(lang), st.colormap,
          {{plot::Colormap::viridis, maps[0]}, {plot::Colormap::cividis, maps[1]}}, mw, nullptr, ctx.screenshot);
}

// ---- Column headings ---------------------------------------------------------------------------------

// Headings above the columns: centred on their column, wrapped to at most
// `max_lines` lines. When they do not fit one column, alternate columns sit one
// level higher with a thin leader line down to their column, so each heading
// may use two columns' width.
struct HeaderLayout {
    int levels = 1;
    int max_lines = 1;
    float width = 0;    // per heading, at `scale`
    float scale = 1;    // < 1 when a Latin word would not fit two columns even so (large type)
    float line_h = 0;   // line height at `scale`
    std::vector<std::vector<std::string>> lines;
    float height = 0;
    // Turned a quarter (read bottom to top), one line each: when even two columns'
    // width at 75 % would cut a heading (long English words in large type).
    bool turned = false;
};

// Pieces a heading may break between: after "・" and at spaces. A piece wider
// than a line is wrapped by characters when Japanese, else cut with "…".
struct Piece {
    std::string text;
    bool space_before = false;  // joined to the previous piece with a space
};

std::vector<Piece> heading_pieces(const std::string& text) {
    std::vector<Piece> out;
    const std::string dot = "・";
    Piece cur;
    bool space = false;
    auto flush = [&] {
        if (!cur.text.empty()) out.push_back(cur);
        cur = Piece{};
    };
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ' ') {
            flush();
            space = true;
            ++i;
            continue;
        }
        if (cur.text.empty()) cur.space_before = space && !out.empty();
        space = false;
        if (text.compare(i, dot.size(), dot) == 0) {
            cur.text += dot;
            i += dot.size();
            flush();
        } else {
            cur.text += text[i++];
        }
    }
    flush();
    return out;
}

// `cut` (optional) is set when a word had to be broken inside or shortened.
std::vector<std::string> heading_lines(const std::string& text, float width, int max_lines, bool* cut = nullptr) {
    std::vector<std::string> out;
    if (cut) *cut = false;
    auto w = [](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; };
    std::string line;
    const std::string dot = "・";
    for (const Piece& piece : heading_pieces(text)) {
        // A "・" ending a line may be dropped (the break shows the separation).
        const bool ends_with_dot = piece.text.size() > dot.size() &&
                                   piece.text.compare(piece.text.size() - dot.size(), dot.size(), dot) == 0;
        const std::string bare = ends_with_dot ? piece.text.substr(0, piece.text.size() - dot.size()) : piece.text;
        const std::string sep = line.empty() ? "" : piece.space_before ? " " : "";
        if (w(line + sep + piece.text) <= width) {
            line += sep + piece.text;
            continue;
        }
        if (ends_with_dot && w(line + sep + bare) <= width) {
            out.push_back(line + sep + bare);
            line.clear();
            continue;
        }
        if (!line.empty()) out.push_back(line), line.clear();
        const bool ascii = std::all_of(piece.text.begin(), piece.text.end(),
                                       [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
        if (w(piece.text) <= width) {
            line = piece.text;
        } else if (ends_with_dot && w(bare) <= width) {
            out.push_back(bare);
        } else if (ascii) {
            out.push_back(plot::ellipsize(piece.text, width));  // Latin words are not broken
            if (cut) *cut = true;
        } else {
            // Japanese: wrapped into as few lines as at `width`, but evenly ("イノベー / ション").
            auto parts = wrap_lines(piece.text, width);
            const std::size_t n = parts.size();
            for (float even = w(piece.text) / static_cast<float>(std::max<std::size_t>(n, 1)); even < width; even += 0.25f * em()) {
                auto tried = wrap_lines(piece.text, even);
                if (tried.size() <= n) {
                    parts = std::move(tried);
                    break;
                }
            }
            for (std::size_t k = 0; k + 1 < parts.size(); ++k) out.emplace_back(parts[k]);
            if (!parts.empty()) line = std::string(parts.back());
            if (cut && parts.size() > 1) *cut = true;  // a word broken inside
        }
    }
    if (!line.empty()) out.push_back(line);
    if (static_cast<int>(out.size()) > max_lines) {
        std::string last = out[static_cast<std::size_t>(max_lines - 1)];
        for (std::size_t k = static_cast<std::size_t>(max_lines); k < out.size(); ++k) last += out[k];
        out.resize(static_cast<std::size_t>(max_lines));
        out.back() = plot::ellipsize(last, width);
        if (cut) *cut = true;
    }
    return out;
}

HeaderLayout header_layout(const std::vector<std::string>& labels, float cell_w, float widest_word) {
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();
    auto lines_needed = [&](float width) {
        int most = 1;
        for (const std::string& l : labels) {
            bool cut = false;
            const int n = static_cast<int>(heading_lines(l, std::max(width, 1.0f), 99, &cut).size());
            most = std::max(most, cut ? 99 : n);
        }
        return most;
    };
    HeaderLayout h;
    const float one = cell_w - 0.3f * E;
    const float two = 2 * cell_w - 0.5f * E;  // clear of the neighbours' leader lines
    h.levels = lines_needed(one) <= 2 ? 1 : 2;
    h.width = std::max(h.levels == 1 ? one : two, 1.0f);
    // Rather than cutting a word, draw the headings slightly smaller (down to 75 %).
    if (h.levels == 2 && widest_word > h.width) h.scale = std::max(0.75f, h.width / widest_word);
    h.line_h = lh * h.scale;
    h.max_lines = 1;
    for (const std::string& l : labels) {
        // Laid out at the normal size in a proportionally wider box: the same lines as at `scale`.
        h.lines.push_back(heading_lines(l, h.width / h.scale, h.levels == 1 ? 2 : 3));
        h.max_lines = std::max(h.max_lines, static_cast<int>(h.lines.back().size()));
    }
    h.height = static_cast<float>(h.levels * h.max_lines) * h.line_h + static_cast<float>(h.levels - 1) * 0.25f * E + 0.35f * E;
    // Shortened with "…" (a Latin word wider than its line, more lines than there is room for)?
    // A Japanese word wrapped inside ("イノベー / ション") reads well: those stay upright.
    bool any_cut = false;
    for (const auto& lines : h.lines)
        for (const std::string& line : lines) any_cut |= line.find("…") != std::string::npos;
    if (!any_cut) return h;
    // Turned: a column holds a line (a little smaller where the columns are narrow), up to 10 em long.
    HeaderLayout t;
    t.turned = true;
    t.scale = std::clamp((cell_w - 0.2f * E) / lh, 0.75f, 1.0f);
    t.line_h = lh * t.scale;
    t.width = 10.0f * E;
    float longest = 0;
    for (const std::string& l : labels) {
        t.lines.push_back({plot::ellipsize(l, t.width / t.scale)});
        longest = std::max(longest, ImGui::CalcTextSize(t.lines.back().front().c_str()).x * t.scale);
    }
    t.height = longest + 0.6f * E;
    return t;
}

// A heading's lines as one text (its probe's): "Local" "business" → "Local business".
std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += (out.empty() ? "" : " ") + l;
    return out;
}

// `text` turned a quarter to the left (read bottom to top), its first letter's
// foot at `start` and its line centred on start.x.
void turned_text(ImDrawList* dl, float font_size, ImVec2 start, ImU32 color, const std::string& text) {
    // Laid out flat at the origin (no clip rect may drop a glyph there), then turned into place.
    dl->PushClipRect(ImVec2(-1e6f, -1e6f), ImVec2(1e6f, 1e6f), false);
    const int first = dl->VtxBuffer.Size;
    dl->AddText(ImGui::GetFont(), font_size, ImVec2(0, 0), color, text.c_str());
    const float half = font_size * 0.5f * ImGui::GetTextLineHeight() / ImGui::GetFontSize();
    for (int k = first; k < dl->VtxBuffer.Size; ++k) {
        ImVec2& p = dl->VtxBuffer[k].pos;
        p = ImVec2(start.x - half + p.y, start.y - p.x);  // (x, y) → (y, −x)
    }
    dl->PopClipRect();
}

// ---- Tooltips ------------------------------------------------------------------------------------------

void cell_tooltip(const ViewContext& ctx, const CoverageMatrix& m, std::size_t r, std::size_t c) {
    const Lang lang = ctx.lang;
    const CoverageRow& row = m.rows[r];
    const Plan& plan = ctx.data.plans[row.plan_index];
    const CoverageCell& cell = m.cell(r, c);
    plot::begin_tooltip(32.0f);
    plot::tooltip_dim(plan_long_label(ctx.data, plan, lang));
    const std::string theme = theme_label(ctx.data.taxonomy, m.columns[c].theme_id, lang);
    ImGui::TextUnformatted(format(L::cell_tip_fmt(lang), theme.c_str(), cell.count, row.measures, percent(cell.share)).c_str());
    constexpr std::size_t shown = 5;
    for (std::size_t k = 0; k < cell.nodes.size() && k < shown; ++k)
        ImGui::BulletText("%s", node_title(plan.nodes[static_cast<std::size_t>(cell.nodes[k])], lang).c_str());
    if (cell.nodes.size() > shown)
        plot::tooltip_dim(format(L::more_fmt(lang), static_cast<int>(cell.nodes.size() - shown)));
    if (row.counts_leaves) plot::tooltip_dim(L::leaves_note(lang));
    if (!cell.nodes.empty()) plot::tooltip_dim(L::click_cell(lang));
    plot::end_tooltip();
}

void row_tooltip(const ViewContext& ctx, const CoverageMatrix& m, std::size_t r, bool similarity) {
    const Lang lang = ctx.lang;
    const CoverageRow& row = m.rows[r];
    const Plan& plan = ctx.data.plans[row.plan_index];
    plot::begin_tooltip(32.0f);
    ImGui::TextUnformatted(plan_long_label(ctx.data, plan, lang).c_str());
    plot::tooltip_dim(format(L::row_tip_fmt(lang), row.measures, row.themes_covered, static_cast<int>(m.column_count())));
    if (row.untagged > 0) plot::tooltip_dim(format(L::untagged_fmt(lang), row.untagged));
    if (similarity) plot::tooltip_dim(format(L::similarity_fmt(lang), percent(row.similarity)));
    if (row.counts_leaves) plot::tooltip_dim(L::leaves_note(lang));
    if (row.is_synthetic) plot::tooltip_dim(L::synthetic_tip(lang));
    plot::tooltip_dim(L::click_row(lang));
    plot::tooltip_dim(L::row_tip_menu(lang));
    plot::end_tooltip();
}

void column_tooltip(const ViewContext& ctx, const CoverageMatrix& m, std::size_t c) {
    const Lang lang = ctx.lang;
    const CoverageColumn& col = m.columns[c];
    plot::begin_tooltip(28.0f);
    ImGui::TextUnformatted(theme_label(ctx.data.taxonomy, col.theme_id, lang).c_str());
    plot::tooltip_dim(format(L::col_tip_fmt(lang), col.plans, col.measures));
    if (col.theme_id == ctx.filter.theme_id()) plot::tooltip_dim(L::theme_filter_tip(lang));
    plot::tooltip_dim(L::header_tip_sort(lang));
    plot::tooltip_dim(L::header_tip_menu(lang));
    plot::end_tooltip();
}

// ---- Drill-down panel --------------------------------------------------------------------------------

void draw_panel(ViewContext& ctx, State& st, const CoverageMatrix& m, int r, int c, bool example) {
    const Lang lang = ctx.lang;
    heading(L::panel_title(lang));
    if (r < 0 || c < 0) {
        text_wrapped_colored(dim_text_color(), L::panel_hint(lang));
        return;
    }
    const CoverageRow& row = m.rows[static_cast<std::size_t>(r)];
    const Plan& plan = ctx.data.plans[row.plan_index];
    const CoverageCell& cell = m.cell(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
    if (example) {
        same_line_if_fits(ImGui::CalcTextSize(L::panel_example(lang)).x, 0.6f * em());
        text_wrapped_colored(dim_text_color(), L::panel_example(lang));
    } else {
        const float w = ImGui::CalcTextSize(L::close(lang)).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - w, ImGui::GetCursorPosX()));
        if (ImGui::SmallButton(L::close(lang))) {
            st.cell_plan.clear();
            st.cell_theme.clear();
        }
    }
    // End-to-end tests read which cell is drilled into, and where its measures are.
    if (!example && probes_enabled())
        record_probe("heatmap.drill", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), cell.count, 0,
                     plan.id + "/" + m.columns[static_cast<std::size_t>(c)].theme_id);
    text_wrapped(theme_label(ctx.data.taxonomy, m.columns[static_cast<std::size_t>(c)].theme_id, lang) + "  ·  " +
                 format(L::panel_count_fmt(lang), cell.count, row.measures, percent(cell.share)));
    same_line_if_fits(ImGui::CalcTextSize(L::list_across(lang)).x + 2 * ImGui::GetStyle().FramePadding.x, 0.6f * em());
    if (ImGui::SmallButton(L::list_across(lang))) st.across.theme_id = m.columns[static_cast<std::size_t>(c)].theme_id;
    if (probes_enabled()) record_probe("heatmap.list_across", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!ctx.screenshot && ImGui::IsItemHovered()) plot::tooltip(L::list_across_tip(lang));
    text_wrapped_colored(dim_text_color(), plan_long_label(ctx.data, plan, lang));
    if (row.counts_leaves) text_wrapped_colored(dim_text_color(), L::leaves_note(lang));
    ImGui::Spacing();
    if (cell.nodes.empty()) {
        text_wrapped_colored(dim_text_color(), L::panel_none(lang));
        return;
    }
    const std::vector<CoverageItem> items =
        coverage_items(ctx.data, m, static_cast<std::size_t>(r), static_cast<std::size_t>(c));
    const DataIndex& index = ctx.model.index;
    const PlanTree& tree = index.plans[row.plan_index].tree;
    const bool plan_current = ctx.selection.is_front(plan.id);
    for (std::size_t k = 0; k < items.size(); ++k) {
        const CoverageItem& item = items[k];
        const Node& node = plan.nodes[static_cast<std::size_t>(item.node_index)];
        // Ancestors as a breadcrumb ("戦略1 › 方針2  区民による…").
        std::string path;
        const std::vector<int> chain = tree.path_to(item.node_index);
        for (std::size_t k = 0; k + 1 < chain.size(); ++k) {
            const Node& an = plan.nodes[static_cast<std::size_t>(chain[k])];
            if (!path.empty()) path += " › ";
            // Labels of the upper levels; the parent also by name.
            path += k + 2 == chain.size() || an.label.empty() ? node_title(an, lang) : an.label;
        }
        const std::string title = node_title(node, lang);
        const std::string source = format(L::source_fmt(lang), source_text(ctx.data.taxonomy, *item.source).c_str());
        BlockOptions opt;
        std::string note;  // "戦略4 から": the theme is tagged on a heading above (theme_rule.hpp)
        if (item.tagged_at >= 0 && item.tagged_at != item.node_index) {
            const Node& from = plan.nodes[static_cast<std::size_t>(item.tagged_at)];
            note = format(L::inherited_fmt(lang), (from.label.empty() ? node_title(from, lang) : from.label).c_str());
        }
        if (!item.by_hand) note = L::rule_note(lang);
        opt.note = note;
        if (node.is_new) opt.badge = L::new_badge(lang);
        if (plan_current && ctx.selection.node_id() == node.id) opt.background = accent_color(0.25f);
        std::string mark;
        mark_annotation(ctx, opt, mark, plan.id, ItemKind::node, node.id);
        ImGui::PushID(static_cast<int>(k));
        const BlockState b = text_block("##item", {{path, dim_text_color()}, {title, 0}, {source, dim_text_color()}}, opt);
        ImGui::PopID();
        annotatable(ctx, plan.id, ItemKind::node, node.id);
        if (probes_enabled())
            record_probe("heatmap.drill.item/" + std::to_string(k), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0,
                     node.id);
        if (b.hovered && !ctx.screenshot) plot::tooltip(item.by_hand ? L::select_tip(lang)
                                                                     : std::string(L::select_tip(lang)) + "\n" + L::rule_tip(lang));
        if (b.clicked) ctx.selection.select_plan(ctx.data, plan.id, node.id);
    }
}

std::string_view colormap_name_of(plot::Colormap c) { return plot::colormap_name(c); }

void sort_rows_by(State& st, const std::string& theme_id, bool ascending) {
    st.row_sort = CoverageRowSort::theme;
    st.sort_theme = theme_id;
    st.rows_ascending = ascending;
}

// A sort direction mark: ▼ most first, ▲ fewest first; centred on at.x, its bottom at at.y.
void sort_arrow(ImDrawList* dl, ImVec2 at, float size, bool ascending) {
    const float x1 = std::round(at.x + size * 0.5f), x0 = std::round(at.x - size * 0.5f);
    const float y1 = std::round(at.y), y0 = std::round(at.y - size * 0.7f);
    if (ascending)
        dl->AddTriangleFilled(ImVec2(x0, y1), ImVec2(x1, y1), ImVec2((x0 + x1) * 0.5f, y0), accent_color());
    else
        dl->AddTriangleFilled(ImVec2(x0, y0), ImVec2(x1, y0), ImVec2((x0 + x1) * 0.5f, y1), accent_color());
}

class HeatmapView final : public View {
public:
    const char* id() const override { return "heatmap"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    void on_data(const Model&) override {
        cache_ = {};
        across_cache_.valid = false;
    }
    void draw(ViewContext& ctx) override;
    OptionValues save_options() const override {
        return {{"mode", std::string(to_string(st_.mode))},
                {"rows", std::string(to_string(st_.row_sort))},
                {"columns", std::string(to_string(st_.col_sort))},
                {"colormap", plot::colormap_name(st_.colormap)},
                {"cell_plan", st_.cell_plan},
                {"cell_theme", st_.cell_theme},
                {"row_theme", st_.sort_theme},
                {"rows_ascending", st_.rows_ascending ? "1" : "0"},
                {"column_plan", st_.sort_plan},
                {"columns_ascending", st_.columns_ascending ? "1" : "0"},
                {"across_theme", st_.across.theme_id},
                {"across_filter", st_.across.query},
                {"open_prefectures", open_.option_value()}};
    }
    void restore_options(const OptionValues& values) override {
        st_ = {};
        read_option(values, "mode", modes, [](CoverageMode m) { return to_string(m); }, st_.mode);
        read_option(values, "rows", row_sorts, [](CoverageRowSort s) { return to_string(s); }, st_.row_sort);
        read_option(values, "columns", col_sorts, [](CoverageColSort s) { return to_string(s); }, st_.col_sort);
        read_option(values, "colormap", colormaps, colormap_name_of, st_.colormap);
        read_option(values, "cell_plan", st_.cell_plan);
        read_option(values, "cell_theme", st_.cell_theme);
        read_option(values, "row_theme", st_.sort_theme);
        read_option(values, "rows_ascending", st_.rows_ascending);
        read_option(values, "column_plan", st_.sort_plan);
        read_option(values, "columns_ascending", st_.columns_ascending);
        read_option(values, "across_theme", st_.across.theme_id);
        read_option(values, "across_filter", st_.across.query);
        open_.restore(values, "open_prefectures");
    }
    // Presenting with pages: the page's first row, "row PLAN" or "prefecture
    // NAME" (any screen shows the page that holds it); empty = the first page.
    std::string save_anchor() const override { return page_row_; }
    void restore_anchor(const std::string& anchor) override {
        page_row_ = anchor.starts_with("row ") || anchor.starts_with("prefecture ") ? anchor : std::string();
    }
    bool step_page(int direction) override {
        if (!paging_.paged()) return false;
        const int page = paging_.first / paging_.per_page + direction;
        if (page < 0 || page * paging_.per_page >= paging_.total) return false;
        const auto first = static_cast<std::size_t>(page * paging_.per_page);
        page_row_ = page == 0 || first >= cache_.drawn.rows.size() ? std::string() : anchor_of(cache_.drawn.rows[first]);
        return true;
    }
    std::string caption_detail(Lang lang) const override {
        if (!paging_.paged()) return {};
        return format(L::rows_shown_fmt(lang), paging_.first + 1, paging_.first + paging_.shown, paging_.total);
    }
    std::optional<Table> table(ViewContext& ctx) override {
        return coverage_table(ctx.data, coverage(ctx, cache_, st_).matrix, ctx.lang == Lang::en);
    }
    void append_strings(std::vector<const char*>& out) const override {
        WS_HEATMAP_STRINGS(WS_STR_COLLECT)
        append_theme_across_strings(out);
        append_prefecture_strings(out);
        out.push_back("viridis cividis 0123456789%");
    }

private:
    // A drawn row as an anchor: "row PLAN", or "prefecture NAME" for an aggregate row.
    std::string anchor_of(int drawn) const {
        return is_prefecture_row(drawn) ? "prefecture " + cache_.prefectures[prefecture_of_row(drawn)].prefecture
                                        : "row " + cache_.matrix.rows[static_cast<std::size_t>(drawn)].plan_id;
    }
    // The drawn row an anchor names; -1 when it is not drawn.
    int drawn_of_anchor(const std::string& anchor) const {
        if (anchor.starts_with("row ")) {
            const int r = cache_.matrix.find_row(anchor.substr(4));
            return r < 0 ? -1 : cache_.drawn.drawn_of[static_cast<std::size_t>(r)];
        }
        for (std::size_t d = 0; d < cache_.drawn.rows.size(); ++d)
            if (const int row = cache_.drawn.rows[d]; is_prefecture_row(row) && anchor == anchor_of(row)) return static_cast<int>(d);
        return -1;
    }

    State st_;
    OpenPrefectures open_;  // prefectures shown opened (grouped rows)
    Cache cache_;
    TableExport table_export_;
    ThemeAcrossCache across_cache_;
    Menus menus_;
    std::string page_row_;  // presenting with pages: the first row of the page shown
    Paging paging_;
};

void HeatmapView::draw(ViewContext& ctx) {
    const Lang lang = ctx.lang;
    const Dataset& data = ctx.data;
    State& st = st_;
    ImGui::PushID("heatmap");
    // The room sees the grid, its colour bar (which names the mode) and the drill-down; not the choosers.
    if (!ctx.presenting) {
        draw_controls(ctx, st);
        if (ctx.editor) {
            same_line_if_fits(ImGui::CalcTextSize("Export table").x + 2 * em(), 1.2f * em());
            export_table_button(ctx, *this, table_export_);
        }
    }
    open_.follow_selection(data, ctx.selection);
    Cache& cache = coverage(ctx, cache_, st);
    const CoverageMatrix& m = cache.matrix;
    const std::size_t nrow = m.row_count(), ncol = m.column_count();
    // The rows drawn: prefectures' aggregate rows and the rows of those opened, or the matrix's.
    const DrawnRows& drawn = drawn_rows(cache, open_.names());
    const bool by_prefecture = !cache.prefectures.empty();
    const int ndrawn = static_cast<int>(drawn.rows.size());
    if (nrow == 0 || ncol == 0) {
        ImGui::Spacing();
        text_wrapped_colored(dim_text_color(), L::no_rows(lang));
        ImGui::PopID();
        return;
    }
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::Dummy(ImVec2(0, 0.2f * E));

    // ---- Row label texts and widths (cached with the matrix).
    const RowLabels& labels = row_labels(ctx, cache, st.row_sort == CoverageRowSort::grouped);
    const std::vector<RowText>& texts = labels.texts;
    const float muni_w = labels.municipality_w + 0.6f * E;
    const float years_w = labels.years_w > 0 ? labels.years_w + 0.5f * E : 0.0f;
    const float title_w = labels.title_w;
    const float badge_w = ImGui::CalcTextSize(L::synthetic(lang)).x + 0.9f * E;
    const bool any_synthetic = labels.any_synthetic, any_leaves = labels.any_leaves;

    // ---- Horizontal layout: labels | grid | colour bar [| panel].
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    plot::ColorbarSpec bar;
    bar.vmin = m.range.vmin;
    bar.vmax = m.range.vmax;
    bar.colormap = st.colormap;
    bar.title = st.mode == CoverageMode::count ? L::bar_count(lang) : st.mode == CoverageMode::share ? L::bar_share(lang) : L::bar_present(lang);
    if (st.mode == CoverageMode::share)
        bar.tick_format = [](double v) { return format("%d%%", percent(v)); };
    else if (st.mode == CoverageMode::present)
        bar.tick_format = [lang](double v) {
            return v <= 0 ? std::string(L::no(lang)) : v >= 1 ? std::string(L::yes(lang)) : std::string();
        };
    // Rows 1.5 em tall, taller (up to 2.4 em) when the window has height to spare.
    // Presenting, every row of the filter is on screen: rows as short as a
    // line of text, and the drill-down only where the grid leaves room.
    const float room_estimate = avail.y - 6.0f * lh - 2.0f * E - (ctx.presenting ? 0.0f : std::max(9.0f * lh, 0.3f * avail.y));
    const float min_row = ctx.presenting ? std::ceil(lh + 0.15f * E) : 1.5f * E;
    const float cell_h = std::round(std::clamp(room_estimate / static_cast<float>(ndrawn), std::min(min_row, 1.5f * E), 2.4f * E));
    const float grid_h_all = cell_h * static_cast<float>(ndrawn);
    bar.size = ImVec2(std::round(0.9f * E), 10.0f * E);  // length set below, once the grid's height is known
    const float bar_w = plot::colorbar_size(bar).x;
    const float gap = std::round(0.8f * E);
    const float min_cell = 2.2f * E;
    // Presenting, the titles keep the room they need to be read (fit_row_title), up to a share of the width.
    const float title_floor = ctx.presenting ? std::clamp(labels.readable_title_w + 0.6f * E, 4.0f * E, 0.2f * avail.x) : 4.0f * E;
    const float label_cap = std::max({14.0f * E, 0.28f * avail.x, ctx.presenting ? muni_w + years_w + title_floor : 0.0f});
    float label_w = std::round(std::min(
        std::max(muni_w + years_w + title_w + (any_synthetic ? badge_w : 0.0f), labels.prefecture_w) + 0.8f * E, label_cap));
    const float panel_w = std::clamp(0.24f * avail.x, 22.0f * E, 30.0f * E);
    const bool panel_right = avail.x >= label_w + static_cast<float>(ncol) * min_cell + bar_w + 2 * gap + panel_w;
    // Vertical: header (at most 6 lines), grid (scrolls when tall), notes; the panel below when narrow.
    const float notes_h = (any_leaves ? lh : 0.0f) + (by_prefecture ? lh : 0.0f) + 0.3f * E;
    const float panel_min_h = panel_right || ctx.presenting ? 0.0f : std::max(9.0f * lh, 0.3f * avail.y);
    const float grid_room = avail.y - notes_h - panel_min_h - gap;
    const bool may_scroll = !ctx.presenting && grid_h_all > grid_room - 6.0f * lh - 0.6f * E;  // presenting: pages
    const float scrollbar = may_scroll ? style.ScrollbarSize : 0.0f;
    // Column headings (in the UI language; the themes' short headings, full labels in tooltips).
    std::vector<std::string> col_text(ncol);
    float widest_word = 0;  // Latin words are never broken: two columns' width must hold the widest
    for (std::size_t c = 0; c < ncol; ++c) {
        col_text[c] = theme_short_label(data.taxonomy, m.columns[c].theme_id, lang);
        for (const Piece& piece : heading_pieces(col_text[c]))
            if (static_cast<unsigned char>(piece.text.front()) < 0x80)
                widest_word = std::max(widest_word, ImGui::CalcTextSize(piece.text.c_str()).x);
    }
    float grid_avail = avail.x - label_w - bar_w - gap - (panel_right ? panel_w + gap : 0.0f) - scrollbar;
    // Headings would be cut: give the columns room from the plan titles (municipality and years stay).
    const float wanted_cell = (widest_word + 0.6f * E) * 0.5f;
    const float min_label = std::min(label_w, muni_w + years_w + title_floor);
    if (grid_avail < wanted_cell * static_cast<float>(ncol) && label_w > min_label) {
        const float take = std::min(label_w - min_label, wanted_cell * static_cast<float>(ncol) - grid_avail);
        label_w = std::round(label_w - take);
        grid_avail += take;
    }
    const float cell_w = std::floor(std::clamp(grid_avail / static_cast<float>(ncol), 1.2f * E, 4.5f * E));
    const float grid_w = cell_w * static_cast<float>(ncol);
    const HeaderLayout head = header_layout(col_text, cell_w, widest_word);
    // Presenting, rows that do not fit go on pages: the page holding the anchor's row.
    paging_ = {};
    if (ctx.presenting) {
        const int per_page = std::max(1, static_cast<int>(std::floor((grid_room - head.height + 0.5f) / cell_h)));
        if (per_page < ndrawn) {
            const int anchor_row = drawn_of_anchor(page_row_);
            paging_.per_page = per_page;
            paging_.total = ndrawn;
            paging_.first = anchor_row < 0 ? 0 : anchor_row / per_page * per_page;
            paging_.shown = std::min(per_page, paging_.total - paging_.first);
        }
    }
    const int first = paging_.first;  // the rows shown: first … first + shown - 1
    const int shown = paging_.paged() ? paging_.shown : ndrawn;
    const float grid_h_full = cell_h * static_cast<float>(shown);
    const float grid_view_h = std::max(cell_h * 2, std::min(grid_h_full, grid_room - head.height));
    const bool scrolls = grid_h_full > grid_view_h + 0.5f;
    bar.size.y = std::clamp(grid_view_h - 1.6f * lh, 4.0f * E, 12.0f * E);

    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 grid_origin(top.x + label_w, top.y + head.height);

    // Header row: corner captions and column headings. A click on a heading
    // sorts the rows by its theme (again: reverse); a right-click opens its
    // menu (sort either way, list its measures across plans); a click on the
    // corner puts the rows back in municipality, period order.
    {
        ImGui::InvisibleButton("##header", ImVec2(label_w + grid_w, head.height));
        const bool hovered = ImGui::IsItemHovered() && !ctx.screenshot;
        {
            const float mx = ImGui::GetIO().MousePos.x;
            const int c = mx >= grid_origin.x ? static_cast<int>(std::floor((mx - grid_origin.x) / cell_w)) : -1;
            const bool on_column = c >= 0 && c < static_cast<int>(ncol);
            if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
                if (on_column) {
                    const std::string& id = m.columns[static_cast<std::size_t>(c)].theme_id;
                    const bool again = st.row_sort == CoverageRowSort::theme && st.sort_theme == id;
                    sort_rows_by(st, id, again ? !st.rows_ascending : false);
                } else if (mx < grid_origin.x) {
                    st.row_sort = CoverageRowSort::grouped;
                }
            }
            if (on_column && ImGui::IsItemHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
                menus_.theme = m.columns[static_cast<std::size_t>(c)].theme_id;
                ImGui::OpenPopup("##column_menu");
            }
            if (hovered && mx < grid_origin.x) plot::tooltip(L::corner_tip(lang));
        }
        const float cy = top.y + head.height - lh - 0.2f * E;
        dl->AddText(ImVec2(top.x, cy), dim_text_color(), L::head_municipality(lang));
        plot::text_ellipsis(dl, ImVec2(top.x + muni_w, cy), dim_text_color(), L::head_plan(lang), label_w - muni_w - 0.3f * E);
        const float level_h = static_cast<float>(head.max_lines) * head.line_h + 0.25f * E;
        const float font_size = ImGui::GetFontSize() * head.scale;
        for (std::size_t c = 0; c < ncol; ++c) {
            const bool filtered = m.columns[c].theme_id == ctx.filter.theme_id();
            if (head.turned) {
                const float centre = std::round(grid_origin.x + cell_w * (static_cast<float>(c) + 0.5f));
                const std::string& line = head.lines[c].front();
                const float foot = grid_origin.y - 0.3f * E;
                turned_text(dl, font_size, ImVec2(centre, foot), filtered ? accent_color() : text_color(), line);
                if (st.row_sort == CoverageRowSort::theme && m.columns[c].theme_id == st.sort_theme)  // ▼ / ▲ above it
                    sort_arrow(dl, ImVec2(centre, foot - ImGui::CalcTextSize(line.c_str()).x * head.scale - 0.45f * E), 0.4f * E,
                               st.rows_ascending);
                if (probes_enabled())
                    record_probe("heatmap.column/" + m.columns[c].theme_id, ImVec2(grid_origin.x + cell_w * static_cast<float>(c), top.y),
                                 ImVec2(grid_origin.x + cell_w * static_cast<float>(c + 1), grid_origin.y), m.columns[c].plans,
                                 m.columns[c].measures, line);
                continue;
            }
            const int level = head.levels > 1 ? static_cast<int>(c % 2) : 0;
            const float centre = grid_origin.x + cell_w * (static_cast<float>(c) + 0.5f);
            const auto& lines = head.lines[c];
            const float bottom = grid_origin.y - 0.2f * E - static_cast<float>(level) * level_h;
            float y = bottom - head.line_h * static_cast<float>(lines.size());
            const ImU32 color = filtered ? accent_color() : text_color();
            float last_right = centre;
            for (const std::string& line : lines) {
                const float tw = ImGui::CalcTextSize(line.c_str()).x * head.scale;
                dl->AddText(ImGui::GetFont(), font_size, ImVec2(std::round(centre - tw * 0.5f), std::round(y)), color, line.c_str());
                last_right = centre + tw * 0.5f;
                y += head.line_h;
            }
            // The rows follow this column: ▼ / ▲ after the heading's last line.
            if (st.row_sort == CoverageRowSort::theme && m.columns[c].theme_id == st.sort_theme)
                sort_arrow(dl, ImVec2(last_right + 0.45f * E, y - 0.3f * head.line_h), 0.45f * E, st.rows_ascending);
            if (level > 0)
                dl->AddLine(ImVec2(std::round(centre) + 0.5f, bottom + 0.1f * E),
                            ImVec2(std::round(centre) + 0.5f, grid_origin.y - 0.1f * E), plot::grid_color());
            const ImVec2 head_min(grid_origin.x + cell_w * static_cast<float>(c), top.y);
            const ImVec2 head_max(head_min.x + cell_w, grid_origin.y);
            if (probes_enabled())
                record_probe("heatmap.column/" + m.columns[c].theme_id, head_min, head_max, m.columns[c].plans,
                             m.columns[c].measures, join_lines(lines));
        }
        if (hovered) {
            const float mx = ImGui::GetIO().MousePos.x;
            const int c = static_cast<int>(std::floor((mx - grid_origin.x) / cell_w));
            if (c >= 0 && c < static_cast<int>(ncol) && mx >= grid_origin.x) column_tooltip(ctx, m, static_cast<std::size_t>(c));
        }
        if (ImGui::BeginPopup("##column_menu")) {
            ImGui::TextDisabled("%s", theme_label(data.taxonomy, menus_.theme, lang).c_str());
            if (ImGui::Selectable(L::menu_sort_desc(lang))) sort_rows_by(st, menus_.theme, false);
            if (ImGui::Selectable(L::menu_sort_asc(lang))) sort_rows_by(st, menus_.theme, true);
            ImGui::Separator();
            if (ImGui::Selectable(L::menu_list(lang))) st.across.theme_id = menus_.theme;
            if (probes_enabled())  // end-to-end tests aim at it
                record_probe("heatmap.column_menu.list", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0, menus_.theme);
            ImGui::EndPopup();
        }
    }

    // The row headings' titles for this layout: two lines where the rows are tall enough.
    const float badge_room = ImGui::CalcTextSize(L::synthetic(lang)).x + 0.9f * E;
    fit_row_titles(cache.labels, m, data, label_w - 0.5f * E - muni_w - years_w, badge_room, cell_h - 1, ctx.presenting);

    // Grid: row labels and cells, in a child window that scrolls when tall.
    const int current_row = ctx.selection.plan_ids().empty() ? -1 : m.find_row(ctx.selection.front_plan());
    int cell_r = m.find_row(st.cell_plan), cell_c = m.find_column(st.cell_theme);
    bool example = false;
    if (cell_r < 0 || cell_c < 0) {
        // No cell chosen: show the selected plan's (else the first row's) largest theme as an example.
        cell_r = current_row >= 0 ? current_row : 0;
        cell_c = -1;
        int best = 0;
        for (std::size_t c = 0; c < ncol; ++c)
            if (m.cell(static_cast<std::size_t>(cell_r), c).count > best)
                best = m.cell(static_cast<std::size_t>(cell_r), c).count, cell_c = static_cast<int>(c);
        example = cell_c >= 0;
        if (!example) cell_r = -1;
    }

    // The drawn rows of the current plan and of the drilled-down cell (-1: none, or its prefecture closed).
    const int current_drawn = current_row >= 0 ? drawn.drawn_of[static_cast<std::size_t>(current_row)] : -1;
    const int cell_drawn = cell_r >= 0 ? drawn.drawn_of[static_cast<std::size_t>(cell_r)] : -1;
    std::optional<std::string> toggled;  // a prefecture's row clicked: open or close it after the frame

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::BeginChild("##grid", ImVec2(label_w + grid_w + (scrolls ? style.ScrollbarSize : 0.0f), grid_view_h), false,
                      ImGuiWindowFlags_NoSavedSettings);
    {
        ImDrawList* gdl = ImGui::GetWindowDrawList();
        const ImVec2 o = ImGui::GetCursorScreenPos();
        // Row labels: one hit area for the column, drawn for the visible rows only.
        ImGui::InvisibleButton("##rowlabels", ImVec2(label_w, grid_h_full));
        const bool labels_hovered = ImGui::IsItemHovered() && !ctx.screenshot;
        const bool labels_clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
        const float clip_top = gdl->GetClipRectMin().y, clip_bottom = gdl->GetClipRectMax().y;
        // r0 … r1: the matrix rows visible (of the page's, when paged); drawn from o.y down.
        const int r0 = first + std::clamp(static_cast<int>(std::floor((clip_top - o.y) / cell_h)), 0, shown);
        const int r1 = first + std::clamp(static_cast<int>(std::ceil((clip_bottom - o.y) / cell_h)), 0, shown);
        const int hover_on = labels_hovered ? static_cast<int>(std::floor((ImGui::GetIO().MousePos.y - o.y) / cell_h)) : -1;
        // The drawn row under the mouse (hover_row), and its matrix row (hover_plan_row, -1 on a prefecture's row).
        const int hover_row = hover_on >= 0 && hover_on < shown ? first + hover_on : -1;
        const int hover_drawn = hover_row >= 0 && hover_row < ndrawn ? drawn.rows[static_cast<std::size_t>(hover_row)] : -1;
        const int hover_plan_row = hover_row >= 0 && !is_prefecture_row(hover_drawn) ? hover_drawn : -1;
        const auto starts_group = [&](int r) {
            const int mr = drawn.rows[static_cast<std::size_t>(r)];
            return !is_prefecture_row(mr) && m.rows[static_cast<std::size_t>(mr)].group_start;
        };
        int group = 0;
        for (int r = 0; r < r0; ++r) group += starts_group(r) ? 1 : 0;
        std::string hover_heading;  // the hovered prefecture row's whole heading, when shortened
        for (int r = r0; r < r1; ++r) {
            const int mr = drawn.rows[static_cast<std::size_t>(r)];
            const float y0 = o.y + cell_h * static_cast<float>(r - first);
            const ImVec2 a(o.x, y0), b(o.x + label_w - 0.3f * E, y0 + cell_h - 1);
            const float ty = y0 + std::round((cell_h - 1 - lh) * 0.5f);
            if (is_prefecture_row(mr)) {
                const PrefectureCoverage& p = cache.prefectures[prefecture_of_row(mr)];
                const bool open = open_.is_open(p.prefecture);
                gdl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.9f));
                if (r == hover_row) gdl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
                if (r > first) gdl->AddLine(ImVec2(o.x, y0 - 0.5f), ImVec2(o.x + label_w - 0.3f * E, y0 - 0.5f), plot::axis_color());
                const float room = b.x - a.x - 0.4f * E;
                bool shortened = false;
                const std::string shown = fitted_prefecture_heading(p.prefecture, open, p.municipalities, p.plans(), lang, room,
                                                                    labels.prefecture_w <= room, shortened);
                gdl->AddText(ImVec2(o.x + 0.2f * E, ty), heading_color(), shown.c_str());
                if (r == hover_row && shortened) hover_heading = prefecture_label(p, open, lang);  // the whole, in its tooltip
                if (probes_enabled()) {
                    record_probe("heatmap.prefecture/" + p.prefecture, a, b, p.municipalities, p.plans(), open ? "open" : "closed");
                    record_probe("heatmap.label/prefecture/" + p.prefecture, a, b, ImGui::CalcTextSize(shown.c_str()).x, room, shown);
                }
                continue;
            }
            const CoverageRow& row = m.rows[static_cast<std::size_t>(mr)];
            const RowText& t = texts[static_cast<std::size_t>(mr)];
            if (row.group_start) ++group;
            const bool selected = ctx.selection.contains(row.plan_id);
            if (st.row_sort == CoverageRowSort::grouped && group % 2 == 0)
                gdl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.45f));
            if (selected) gdl->AddRectFilled(a, b, accent_color(mr == current_row ? 0.32f : 0.16f));
            if (r == hover_row) gdl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
            if (st.col_sort == CoverageColSort::plan && row.plan_id == st.sort_plan)  // the columns follow this row
                gdl->AddRectFilled(a, ImVec2(a.x + std::round(0.18f * E), b.y), accent_color());
            if (probes_enabled()) record_probe("heatmap.row/" + row.plan_id, a, b, row.measures);
            if (row.group_start && r > first && st.row_sort == CoverageRowSort::grouped)
                gdl->AddLine(ImVec2(o.x, y0 - 0.5f), ImVec2(o.x + label_w - 0.3f * E, y0 - 0.5f), plot::axis_color());
            if (!t.municipality.empty())
                plot::text_ellipsis(gdl, ImVec2(o.x + 0.2f * E, ty), heading_color(), t.municipality, muni_w - 0.4f * E);
            float x = o.x + muni_w;
            if (!t.years.empty()) gdl->AddText(ImVec2(x, ty), text_color(), t.years.c_str());
            x += years_w;
            const float right = b.x - 0.2f * E;
            if (row.is_synthetic) {
                const float w = ImGui::CalcTextSize(L::synthetic(lang)).x + 0.6f * E;
                const ImVec2 p0(right - w, ty);
                gdl->AddRectFilled(p0, ImVec2(right, ty + lh), IM_COL32(200, 40, 40, 255), 0.3f * E);
                gdl->AddText(ImVec2(p0.x + 0.3f * E, ty), IM_COL32_WHITE, L::synthetic(lang));
            }
            const FittedTitle& fitted = labels.fitted[static_cast<std::size_t>(mr)];
            const float line_h = fitted.line_h;
            float line_y = y0 + std::round((cell_h - 1 - line_h * static_cast<float>(fitted.lines.size())) * 0.5f);
            const float title_top = line_y;
            std::string shown_title;
            for (const std::string& line : fitted.lines) {
                gdl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * fitted.scale, ImVec2(x, std::round(line_y)),
                             selected ? text_color() : dim_text_color(), line.c_str());
                shown_title += (shown_title.empty() ? "" : "\n") + line;
                line_y += line_h;
            }
            if (probes_enabled())
                record_probe("heatmap.row_title/" + row.plan_id, ImVec2(x, title_top), ImVec2(right, line_y),
                             static_cast<double>(fitted.lines.size()), fitted.scale, shown_title);
        }
        if (hover_row >= 0 && is_prefecture_row(hover_drawn)) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            plot::tooltip(hover_heading.empty() ? std::string(L::prefecture_tip(lang)) : hover_heading + "\n" + L::prefecture_tip(lang));
            if (labels_clicked) toggled = cache.prefectures[prefecture_of_row(hover_drawn)].prefecture;
        }
        if (hover_plan_row >= 0) {
            row_tooltip(ctx, m, static_cast<std::size_t>(hover_plan_row), st.row_sort == CoverageRowSort::similarity);
            const Plan& hovered_plan = ctx.data.plans[m.rows[static_cast<std::size_t>(hover_plan_row)].plan_index];
            copy_on_ctrl_c(!ctx.screenshot, plan_title(hovered_plan, lang));
            copy_source_on_ctrl_shift_c(!ctx.screenshot, hovered_plan.source, ctx.data.taxonomy);
            if (labels_clicked) click_plan(ctx, hovered_plan.id);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
                menus_.plan = m.rows[static_cast<std::size_t>(hover_plan_row)].plan_id;
                ImGui::OpenPopup("##row_menu");
            }
        }
        if (ImGui::BeginPopup("##row_menu")) {
            if (const Plan* p = data.find_plan(menus_.plan)) {
                ImGui::TextDisabled("%s", plan_short_label(data, *p, lang).c_str());
                auto sort_columns_by = [&](bool ascending) {
                    st.col_sort = CoverageColSort::plan;
                    st.sort_plan = menus_.plan;
                    st.columns_ascending = ascending;
                };
                if (ImGui::Selectable(L::row_menu_sort_desc(lang))) sort_columns_by(false);
                if (ImGui::Selectable(L::row_menu_sort_asc(lang))) sort_columns_by(true);
                ImGui::Separator();
                if (ImGui::Selectable(L::row_menu_select(lang))) ctx.selection.select_plan(data, menus_.plan);
            }
            ImGui::EndPopup();
        }

        // Cells (the plot module's heatmap).
        ImGui::SetCursorScreenPos(ImVec2(o.x + label_w, o.y));
        plot::HeatmapSpec spec;
        spec.rows = shown;
        spec.cols = static_cast<int>(ncol);
        spec.values = drawn.values.data() + static_cast<std::size_t>(first) * ncol;
        spec.vmin = m.range.vmin;
        spec.vmax = m.range.vmax;
        spec.colormap = st.colormap;
        spec.cell_size = ImVec2(cell_w, cell_h);
        spec.gap = 1.0f;
        if (cell_w >= widest_value_width(st.mode, m) + 0.5f * E)  // numbers in the cells when the widest fits
            spec.cell_text = [&](int r, int c, double) {
                const int mr = drawn.rows[static_cast<std::size_t>(first + r)];
                return is_prefecture_row(mr) ? std::string()  // drawn below
                                             : mode_value_text(st.mode, m.cell(static_cast<std::size_t>(mr), static_cast<std::size_t>(c)));
            };
        if (const int across_c = m.find_column(st.across.theme_id); across_c >= 0) {
            spec.highlight_col = across_c;  // the theme listed across plans
        } else if (!example && cell_drawn >= first && cell_drawn < first + shown) {
            spec.highlight_row = cell_drawn - first;
            spec.highlight_col = cell_c;
        } else if (current_drawn >= first && current_drawn < first + shown) {
            spec.highlight_row = current_drawn - first;
        }
        if (probes_enabled() || spotlight_collecting())
            spec.on_cell = [&](int r, int c, ImVec2 a, ImVec2 b) {
                const int mr = drawn.rows[static_cast<std::size_t>(first + r)];
                if (is_prefecture_row(mr)) return;  // probed where drawn, below
                const auto row = static_cast<std::size_t>(mr);
                const std::string key = m.rows[row].plan_id + "/" + m.columns[static_cast<std::size_t>(c)].theme_id;
                record_probe("heatmap.cell/" + key, a, b, m.value(row, static_cast<std::size_t>(c)));
                offer_spotlight("heatmap/" + key, a, b);
            };
        plot::HeatmapHit hit = plot::heatmap_grid("##cells", spec);
        if (hit.row >= 0) hit.row += first;
        // Prefectures' aggregate rows: per theme, the share of its plans covering it.
        const float percent_w = ImGui::CalcTextSize("100%").x + 0.4f * E;
        for (int r = r0; r < r1; ++r) {
            const int mr = drawn.rows[static_cast<std::size_t>(r)];
            if (!is_prefecture_row(mr)) continue;
            const PrefectureCoverage& p = cache.prefectures[prefecture_of_row(mr)];
            const float y0 = o.y + cell_h * static_cast<float>(r - first);
            for (std::size_t c = 0; c < ncol; ++c) {
                const ImVec2 a(o.x + label_w + cell_w * static_cast<float>(c), y0), b(a.x + cell_w - 1, y0 + cell_h - 1);
                const double share = p.share(c);
                gdl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_WindowBg, 1.0f));
                gdl->AddRectFilled(a, b, prefecture_cell_color(share));
                if (cell_w >= percent_w) {
                    const std::string text = format(L::pct_fmt(lang), percent(share));
                    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
                    gdl->AddText(ImVec2(std::round(a.x + (b.x - a.x - ts.x) * 0.5f), std::round(a.y + (b.y - a.y - ts.y) * 0.5f)),
                                 text_color(), text.c_str());
                }
                if (probes_enabled())
                    record_probe("heatmap.prefecture_cell/" + p.prefecture + "/" + m.columns[c].theme_id, a, b, share, p.covering[c]);
            }
        }
        // Municipality groups: a line in the 1 px gap above each group's first row (cells untouched).
        if (st.row_sort == CoverageRowSort::grouped)
            for (int r = std::max(r0, first + 1); r < r1; ++r)
                if (starts_group(r) || is_prefecture_row(drawn.rows[static_cast<std::size_t>(r)])) {
                    const float y = o.y + cell_h * static_cast<float>(r - first);
                    gdl->AddRectFilled(ImVec2(o.x + label_w, y - 1), ImVec2(o.x + label_w + grid_w - 1, y),
                                       plot::axis_color());
                }
        // A prefecture's cell: its tooltip, and a click opens or closes it.
        if (hit.row >= 0 && hit.row < ndrawn && hit.col >= 0 && hit.col < static_cast<int>(ncol) &&
            is_prefecture_row(drawn.rows[static_cast<std::size_t>(hit.row)])) {
            const PrefectureCoverage& p = cache.prefectures[prefecture_of_row(drawn.rows[static_cast<std::size_t>(hit.row)])];
            const auto c = static_cast<std::size_t>(hit.col);
            if (!ctx.screenshot) {
                plot::tooltip(format(L::prefecture_cell_fmt(lang), theme_label(data.taxonomy, m.columns[c].theme_id, lang).c_str(),
                                     prefecture_name(p.prefecture, lang).c_str(), p.plans(), p.covering[c], percent(p.share(c))) +
                              "\n" + L::prefecture_tip(lang));
            }
            if (hit.clicked) toggled = p.prefecture;
            hit.row = -1;
        } else if (hit.row >= 0 && hit.row < ndrawn) {
            hit.row = drawn.rows[static_cast<std::size_t>(hit.row)];  // its matrix row
        }
        if (hit.row >= 0 && hit.col >= 0 && hit.row < static_cast<int>(nrow) && hit.col < static_cast<int>(ncol)) {
            if (!ctx.screenshot) cell_tooltip(ctx, m, static_cast<std::size_t>(hit.row), static_cast<std::size_t>(hit.col));
            {  // Ctrl+C: the cell's value as the table has it (a count, a share 0…1, 1/0 for present)
                const CoverageCell& cell = m.cell(static_cast<std::size_t>(hit.row), static_cast<std::size_t>(hit.col));
                const std::string value = st.mode == CoverageMode::count   ? std::to_string(cell.count)
                                          : st.mode == CoverageMode::share ? format("%g", cell.share)
                                                                           : std::string(cell.present ? "1" : "0");
                copy_on_ctrl_c(!ctx.screenshot, value);
            }
            if (hit.clicked) {
                st.cell_plan = m.rows[static_cast<std::size_t>(hit.row)].plan_id;
                st.cell_theme = m.columns[static_cast<std::size_t>(hit.col)].theme_id;
            }
        }
    }
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    if (toggled) open_.toggle(*toggled);
    if (any_leaves || by_prefecture) ImGui::Dummy(ImVec2(0, 0.1f * E));
    if (any_leaves) ImGui::TextDisabled("%s", L::leaves_note(lang));
    if (by_prefecture) ImGui::TextDisabled("%s", L::prefecture_note(lang));
    ImGui::EndGroup();

    // Colour bar to the right of the grid, level with the first row.
    ImGui::SetCursorScreenPos(ImVec2(grid_origin.x + grid_w + (scrolls ? style.ScrollbarSize : 0.0f) + gap,
                                     grid_origin.y - (bar.title.empty() ? 0.5f : 1.5f) * lh));
    plot::colorbar("heatmap", bar);

    // Drill-down panel: right of the colour bar when there is room, else below.
    const float below_y = std::max(top.y + head.height + grid_view_h + notes_h, ImGui::GetItemRectMax().y) + 0.5f * E;
    if (panel_right) {
        ImGui::SetCursorScreenPos(ImVec2(top.x + avail.x - panel_w, top.y));
        ImGui::BeginChild("##panel", ImVec2(panel_w, std::max(avail.y, 4.0f * E)), true);
    } else if (ctx.presenting && top.y + avail.y - below_y < 5.0f * lh) {
        ImGui::PopID();  // presenting: no room below the grid, which comes first
        return;
    } else {
        ImGui::SetCursorScreenPos(ImVec2(top.x, below_y));
        ImGui::BeginChild("##panel", ImVec2(avail.x, std::max(top.y + avail.y - below_y, 4.0f * E)), true);
    }
    if (m.find_column(st.across.theme_id) >= 0) {
        std::vector<std::size_t> plans;
        for (const CoverageRow& row : m.rows) plans.push_back(row.plan_index);
        draw_theme_across(ctx, st.across, across_cache_, plans);
    } else {
        draw_panel(ctx, st, m, cell_r, cell_c, example);
    }
    ImGui::EndChild();
    ImGui::PopID();
}

}  // namespace

std::unique_ptr<View> make_heatmap_view() { return std::make_unique<HeatmapView>(); }

}  // namespace wardscope::ui
