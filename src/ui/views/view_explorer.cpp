// Explorer: search across all plans, the selected plan's header, hierarchy
// and indicators, and the details of the selected node (issue #3).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/filtered_plans.hpp"
#include "ui/widgets/annotations.hpp"
#include "ui/widgets/clipped_list.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/selection_chips.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/era.hpp"
#include "wardscope/view_tables.hpp"
#include "wardscope/theme_rule.hpp"
#include "ui/widgets/probes.hpp"
#include "wardscope/era.hpp"
#include "wardscope/evaluation.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en) — every UI string of this view.
#define WS_EXPLORER_STRINGS(X)                                                                              \
    X(tab_title, "計画ツリー", "Explorer")                                                                 \
    X(search_hint, "全計画を検索（例: 創業、DX）", "Search all plans (e.g. 創業, DX)")                       \
    X(results_fmt, "%d件の一致", "%d matches")                                                               \
    X(results_capped_fmt, "%d件以上の一致（先頭を表示）", "%d+ matches (first shown)")                       \
    X(no_results, "一致する項目はありません", "No matches")                                                  \
    X(plans_header, "計画一覧", "Plans")                                                                     \
    X(hidden_fmt, "フィルタにより%d件を非表示", "%d hidden by the filter")                                   \
    X(outside_filter, "（フィルタ外）", " (outside the filter)")                                             \
    X(no_plans, "計画がありません。wardscope import でデータを読み込んでください。",                         \
      "No plans. Load data with wardscope import.")                                                          \
    X(synthetic, "合成データ", "synthetic data")                                                             \
    X(synthetic_note, "この計画は生成されたデータで、実在の計画ではありません。",                             \
      "This plan is generated data, not a real plan.")                                                      \
    X(translated, "（英訳）", " (translation)")                                                              \
    X(municipality, "自治体", "Municipality")                                                                \
    X(kind, "種別", "Kind")                                                                                  \
    X(status, "状態", "Status")                                                                              \
    X(approved_by_fmt, "（%s承認）", " (approved by %s)")                                                    \
    X(period, "期間", "Period")                                                                              \
    X(actual_end_fmt, "実際の終了：%s", "actually ended: %s")                                                \
    X(authors, "策定主体", "Authors")                                                                        \
    X(approvals, "承認・同意", "Approvals")                                                                   \
    X(date_unknown, "日付不明", "date unknown")                                                              \
    X(budget, "予算・決算（千円）", "Budget (thousand yen)")                                                  \
    X(as_written_fmt, "原文: %s", "as written: %s")                                                          \
    X(vision, "将来像", "Vision")                                                                            \
    X(summary, "背景", "Context")                                                                            \
    X(viewpoints, "基本的な視点", "Viewpoints")                                                              \
    X(focus_fields, "重点分野", "Focus fields")                                                              \
    X(statements, "ステートメント", "Statements")                                                            \
    X(municipality_sources, "自治体の出典", "Municipality sources")                                          \
    X(copy_url_fmt, "URL をコピー（%s）", "Copy URL (%s)")                                                    \
    X(source, "出典", "Source")                                                                              \
    X(copy_url, "URL をコピー", "Copy URL")                                                                  \
    X(copy_source, "出典をコピー", "Copy source")                                                            \
    X(structure, "構成", "Structure")                                                                        \
    X(count_fmt, "%s %d", "%s %d")                                                                           \
    X(new_count_fmt, "新規 %d", "new %d")                                                                    \
    X(indicator_count_fmt, "指標 %d（目標値あり %d）", "indicators %d (%d with a target)")                   \
    X(swot_count_fmt, "SWOT %d · クロスSWOT %d", "SWOT %d · cross-SWOT %d")                                  \
    X(hierarchy_fmt, "施策体系（%d項目）###hierarchy", "Hierarchy (%d items)###hierarchy")                   \
    X(indicators_fmt, "指標（%d）###indicators", "Indicators (%d)###indicators")                             \
    X(no_nodes, "この計画には施策体系が登録されていません。", "This plan has no hierarchy recorded.")        \
    X(no_indicators, "この計画の原資料には指標がありません。", "The source of this plan gives no indicators.") \
    X(new_badge, "新規", "new")                                                                              \
    X(cross_listed_badge, "再掲", "cross-listed")                                                            \
    X(new_cross_listed_badge, "新規・再掲", "new · cross-listed")                                            \
    X(cross_listed_fmt, "%s の下にも掲載（1項目として数えます）", "Also listed under %s (counted once)")     \
    X(cross_listed_count_fmt, "再掲 %d", "%d cross-listed")                                                  \
    X(name_unknown_tip, "出典に名称が示されていません", "The source does not show its name")                   \
    X(col_kind, "区分", "Kind")                                                                              \
    X(col_indicator, "指標", "Indicator")                                                                    \
    X(col_baseline, "基準値", "Baseline")                                                                    \
    X(col_target, "目標値", "Target")                                                                        \
    X(direction_up, "▲ 高いほど良い", "▲ higher is better")                                                  \
    X(direction_down, "▼ 低いほど良い", "▼ lower is better")                                                 \
    X(details, "詳細", "Details")                                                                            \
    X(select_hint, "施策体系の項目を選ぶと、ここに詳細が表示されます。",                                      \
      "Select an item of the hierarchy to see its details here.")                                            \
    X(level, "階層", "Level")                                                                                \
    X(name, "名称", "Name")                                                                                  \
    X(name_en, "英訳", "English")                                                                            \
    X(as_written, "原文", "As written")                                                                      \
    X(description, "説明", "Description")                                                                    \
    X(themes, "テーマ", "Themes")                                                                            \
    X(origin_hand, "手動", "hand")                                                                           \
    X(origin_rule, "ルール", "rule")                                                                         \
    X(origin_inherited_fmt, "%s から", "from %s")                                                            \
    X(origin_legend, "手動 = 人が付与、ルール = キーワード規則で付与、「… から」= 上位の見出しに手動で付与（その下の施策すべてに数えます）", \
      "hand = assigned by a person, rule = derived by a keyword rule, “from …” = assigned by hand to a heading above (counted for every measure beneath)") \
    X(actors, "主体", "Actors")                                                                              \
    X(none, "なし", "none")                                                                                  \
    X(is_new, "新規", "New (新規)")                                                                          \
    X(yes_new, "新規事業", "yes: marked 新規 in the source")                                                 \
    X(no_new, "—", "—")                                                                                      \
    X(below, "下位項目", "Below")                                                                            \
    X(below_fmt, "%d項目（うち%s）", "%d items (%s)")                                           \
    X(node_indicators, "この項目の指標", "Indicators of this item")                                          \
    X(tows_links, "この項目になったクロスSWOT戦略", "Cross-SWOT strategies that became this item")            \
    X(path, "位置", "Path")                                                                                  \
    X(inherited, "（上位項目から継承）", " (inherited)")                                                     \
    X(field_title, "計画名", "Plan title")                                                                   \
    X(field_indicator, "指標", "Indicator")                                                                  \
    X(field_swot, "SWOT", "SWOT")                                                                            \
    X(field_tows, "クロスSWOT", "Cross-SWOT")                                                                \
    X(field_municipality, "自治体", "Municipality")                                                          \
    X(field_plan_other, "計画の記載", "In the plan")                                                         \
    X(field_note, "メモ", "Note")                                                                            \
    X(arrow_fmt, "%s → %s", "%s → %s")                                                                      \
    X(similar_title, "他の自治体の似ている施策", "Similar measures elsewhere")                               \
    X(similar_tip, "施策名の文字バイグラム（tf-idf）の類似度 80%%と共通テーマ 20%%で順位付け。クリックでその施策を開きます。", \
      "Ranked by name similarity (character bigrams, tf-idf) 80%% and shared themes 20%%. Click to open the measure.") \
    X(similar_indexing, "似ている施策を探しています…", "Looking for similar measures…")                     \
    X(similar_none, "他の自治体の計画に似ている施策はありません。", "No similar measure in other municipalities' plans.") \
    X(similar_line_fmt, "%s · 類似度 %d%%", "%s · similarity %d%%")                                           \
    X(shared_fmt, " · 共通テーマ: %s", " · shared themes: %s")

namespace L {
WS_EXPLORER_STRINGS(WS_STR_DECLARE)
}  // namespace L

// The measures of other municipalities most like the selected one: computed
// when the selection or the data changes, never per frame.
struct SimilarCache {
    bool built = false;
    std::string plan_id, node_id;
    std::vector<SimilarMeasure> items;
};

// Where the search's query occurs in the texts the details pane shows, so the
// hits are marked where they appear: found when a text is first drawn under a
// query, kept until the query changes (never searched again per frame).
class SearchMarks {
public:
    const std::vector<TextMatch>& in(const std::string& query, std::string_view text) {
        if (query != query_) {
            query_ = query;
            by_text_.clear();
        }
        auto it = by_text_.find(text);
        if (it == by_text_.end()) it = by_text_.emplace(std::string(text), find_matches(text, query_)).first;
        return it->second;
    }
    void clear() { by_text_.clear(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::string query_;
    std::unordered_map<std::string, std::vector<TextMatch>, Hash, std::equal_to<>> by_text_;
};

struct ExplorerState {
    std::string query;
    std::string searched_query;
    bool searched = false;  // hits are for searched_query over the current data (on_data clears it)
    std::vector<SearchHit> hits;
    std::string last_plan;
    std::string last_node;
    int reveal = 0;  // frames left to open the selected node's ancestors and scroll to it
    // The plan list, built once per data, filter, front plan or language
    // change and drawn clipped to the visible rows (issue #16).
    struct ListRow {
        std::size_t plan;
        bool heading;  // the municipality's name above its first plan
    };
    FilteredPlans filtered;
    std::vector<ListRow> rows;
    std::string rows_front;
    Lang rows_lang = Lang::ja;
    float rows_em = 0;
    ClippedList list;
    ClippedList hit_list;
    bool list_stale = true;
    SimilarCache similar;
    SearchMarks marks;
    // `text` wrapped, the search's hits in it marked (probes "explorer.hit/FIELD[/ID]/N").
    void marked(std::string_view text, std::string_view field, ImU32 color = 0, std::string_view id = {}) {
        std::string probe;
        if (probes_enabled()) probe = "explorer.hit/" + std::string(field) + (id.empty() ? "" : "/" + std::string(id));
        text_wrapped_marked(text, marks.in(searched_query, text), color, probe);
    }
    void marked_field(const char* label, std::string_view value, std::string_view field, ImU32 color = 0) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        text_wrapped_colored(dim_text_color(), label);
        ImGui::TableSetColumnIndex(1);
        marked(value, field, color);
    }
    // The scroll anchor: the first node of the tree below the centre pane's
    // top edge, "node NODE"; empty = the top. A slide's anchor wins over revealing the selection.
    std::string anchor;
    PendingScroll scroll;
};

const std::size_t max_hits = 300;

// ---- Left pane: search box, then search results or the plan list ------------------

void draw_search_results(ViewContext& ctx, ExplorerState& st, const DataIndex& index) {
    const Lang lang = ctx.lang;
    if (st.hits.empty()) {
        text_wrapped_colored(dim_text_color(), L::no_results(lang));
        return;
    }
    text_wrapped_colored(dim_text_color(),
                         st.hits.size() >= max_hits ? format(L::results_capped_fmt(lang), static_cast<int>(st.hits.size()))
                                                    : format(L::results_fmt(lang), static_cast<int>(st.hits.size())));
    const std::string& front = ctx.selection.front_plan();
    st.hit_list.draw([&](std::size_t h) {
        const SearchHit& hit = st.hits[h];
        const Plan& plan = ctx.data.plans[hit.plan_index];
        std::string l1 = plan_short_label(ctx.data, plan, lang);
        if (!ctx.filter.passes(ctx.data, plan)) l1 += L::outside_filter(lang);
        std::string l2;
        const SourceRef* src = &plan.source;
        switch (hit.field) {
            case MatchField::plan_title:
            case MatchField::plan_title_en: l2 = L::field_title(lang); break;
            case MatchField::plan_vision: l2 = L::vision(lang); break;
            case MatchField::plan_summary: l2 = L::summary(lang); break;
            case MatchField::node_name:
            case MatchField::node_name_en:
            case MatchField::node_label:
            case MatchField::node_description: {
                const Node& n = plan.nodes[static_cast<std::size_t>(hit.node_index)];
                l2 = level_name(plan, n.level, lang) + " · " + node_title(n, lang);
                src = &node_source(plan, index.plans[hit.plan_index].tree, hit.node_index);
                break;
            }
            case MatchField::indicator:
                l2 = L::field_indicator(lang);
                for (const Indicator& ind : plan.indicators)
                    if (ind.id == hit.item_id) {
                        l2 += " · " + (ind.label.empty() ? ind.kind : ind.label);
                        if (!ind.source.empty()) src = &ind.source;
                    }
                break;
            case MatchField::swot:
                l2 = L::field_swot(lang);
                for (const SwotItem& s : plan.swot)
                    if (s.id == hit.item_id) {
                        l2 += std::string(" · ") + swot_label(s, lang);
                        if (!s.source.empty()) src = &s.source;
                    }
                break;
            case MatchField::municipality: l2 = L::field_municipality(lang); break;
            case MatchField::plan_other: l2 = L::field_plan_other(lang); break;
            case MatchField::note:
                l2 = L::field_note(lang);
                if (hit.node_index >= 0)
                    l2 += " · " + node_title(plan.nodes[static_cast<std::size_t>(hit.node_index)], lang);
                break;
            case MatchField::tows:
                l2 = L::field_tows(lang);
                for (const TowsStrategy& s : plan.tows)
                    if (s.id == hit.item_id) {
                        l2 += std::string(" · ") + std::string(to_string(s.type));
                        if (!s.source.empty()) src = &s.source;
                    }
                break;
        }
        std::string l3 = hit.context.substr(0, hit.match_begin) + "【" +
                         hit.context.substr(hit.match_begin, hit.match_size) + "】" +
                         hit.context.substr(hit.match_begin + hit.match_size);
        const bool selected = plan.id == front &&
                              (hit.node_index < 0 ? ctx.selection.node_id().empty()
                                                  : ctx.selection.node_id() == plan.nodes[static_cast<std::size_t>(hit.node_index)].id);
        ImGui::PushID(static_cast<int>(h));
        BlockOptions opt;
        if (selected) opt.background = ImGui::GetColorU32(ImGuiCol_Header);
        BlockState b = text_block("##hit", {{l1, dim_text_color()}, {l2}, {l3, dim_text_color()}}, opt);
        source_tooltip_for(b.hovered && !ctx.screenshot, *src, ctx.data.taxonomy, lang);
        if (b.clicked) {
            const std::string node_id =
                hit.node_index >= 0 ? plan.nodes[static_cast<std::size_t>(hit.node_index)].id : std::string();
            ctx.selection.select_plan(ctx.data, plan.id, node_id);
            st.reveal = 3;
        }
        ImGui::PopID();
    });
}

void build_plan_rows(ViewContext& ctx, ExplorerState& st) {
    const bool filter_changed = st.filtered.update(ctx.data, ctx.filter);
    const std::string& front = ctx.selection.front_plan();
    if (!filter_changed && !st.list_stale && st.rows_front == front && st.rows_lang == ctx.lang && st.rows_em == em()) return;
    st.list_stale = false;
    st.rows_front = front;
    st.rows_lang = ctx.lang;
    st.rows_em = em();
    st.rows.clear();
    // The passing plans, and the front plan even when the filter hides it.
    const std::vector<std::size_t>& passing = st.filtered.passing();
    const int front_index = ctx.model.index.plan_index(front);
    std::string_view last_muni;
    auto add = [&](std::size_t i) {
        const Plan& plan = ctx.data.plans[i];
        if (plan.municipality_id != last_muni) st.rows.push_back({i, true});
        last_muni = plan.municipality_id;
        st.rows.push_back({i, false});
    };
    bool front_added = front_index < 0;
    for (std::size_t i : passing) {
        if (!front_added && static_cast<std::size_t>(front_index) < i) {
            add(static_cast<std::size_t>(front_index));
            front_added = true;
        }
        if (front_index >= 0 && i == static_cast<std::size_t>(front_index)) front_added = true;
        add(i);
    }
    if (!front_added) add(static_cast<std::size_t>(front_index));
    st.list.reset(st.rows.size(), 2.5f * ImGui::GetTextLineHeightWithSpacing());
}

void draw_plan_row(ViewContext& ctx, const ExplorerState::ListRow& row) {
    const Lang lang = ctx.lang;
    const Plan& plan = ctx.data.plans[row.plan];
    if (row.heading) {
        ImGui::Spacing();
        text_wrapped_colored(heading_color(), municipality_name(ctx.data, plan.municipality_id, lang));
        return;
    }
    ImGui::PushID(static_cast<int>(row.plan));
    BlockOptions opt;
    if (plan.id == ctx.selection.front_plan()) opt.background = ImGui::GetColorU32(ImGuiCol_Header);
    if (plan.is_synthetic) {
        opt.badge = L::synthetic(lang);
        opt.badge_color = IM_COL32(200, 60, 60, 255);
    }
    std::string l2 = period_text(plan, lang) + " · " + plan.kind;
    if (!plan.status.empty()) l2 += " · " + plan.status;
    BlockState b = text_block("##plan", {{plan_title(plan, lang)}, {l2, dim_text_color()}}, opt);
    source_tooltip_for(b.hovered && !ctx.screenshot, plan.source, ctx.data.taxonomy, lang);
    if (b.clicked) click_plan(ctx, plan.id);
    ImGui::PopID();
}

void draw_plan_list(ViewContext& ctx, ExplorerState& st) {
    build_plan_rows(ctx, st);
    if (st.filtered.hidden() > 0) text_wrapped_colored(dim_text_color(), format(L::hidden_fmt(ctx.lang), st.filtered.hidden()));
    st.list.draw([&](std::size_t r) { draw_plan_row(ctx, st.rows[r]); });
}

void draw_left(ViewContext& ctx, ExplorerState& st, const DataIndex& index) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##search", L::search_hint(ctx.lang), &st.query);
    if (ImGui::IsItemActive()) ensure_glyphs(st.query);
    if (st.query != st.searched_query || !st.searched) {
        st.searched_query = st.query;
        st.searched = true;
        SearchOptions opt;
        opt.max_hits = max_hits;
        // Before the index is there (just after start-up), the same hits without it, slower.
        const SearchIndex* index = ctx.model.indexes_ready ? &ctx.model.search_index : nullptr;
        st.hits = search_plans(ctx.data, st.query, opt, ctx.model.annotations, index);
        st.hit_list.reset(st.hits.size(), 3.5f * ImGui::GetTextLineHeightWithSpacing());
    }
    ImGui::BeginChild("##left_list", ImVec2(0, 0), false);
    bool blank = st.query.find_first_not_of(" \t\xe3\x80\x80") == std::string::npos;
    if (blank) {
        text_wrapped_colored(dim_text_color(), L::plans_header(ctx.lang));
        draw_plan_list(ctx, st);
    } else {
        draw_search_results(ctx, st, index);
    }
    ImGui::EndChild();
}

// ---- Centre pane: plan header, hierarchy, indicators ---------------------------------

float label_width(std::initializer_list<const char*> labels) {
    float w = 0;
    for (const char* l : labels) w = std::max(w, ImGui::CalcTextSize(l).x);
    return std::min(w + 0.8f * em(), 9.0f * em());
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

// Every source that described the municipality (they accumulate over imports):
// document title, section and page, the URL copyable.
void draw_municipality_sources(ViewContext& ctx, const Municipality& mu) {
    const Lang lang = ctx.lang;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(dim_text_color(), L::municipality_sources(lang));
    ImGui::TableSetColumnIndex(1);
    for (std::size_t i = 0; i < mu.sources.size(); ++i) {
        const SourceRef& src = mu.sources[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const std::string text = source_text(ctx.data.taxonomy, src);
        text_wrapped(text);
        source_tooltip(src, ctx.data.taxonomy, lang);
        const std::string url = source_url(src, ctx.data.taxonomy);
        if (!url.empty()) {
            text_wrapped_colored(dim_text_color(), url);
            if (!ctx.screenshot && ImGui::SmallButton(format(L::copy_url_fmt(lang), std::to_string(i + 1).c_str()).c_str()))
                ImGui::SetClipboardText(url.c_str());
        }
        if (probes_enabled())
            record_probe("explorer.municipality_source/" + mu.id + "/" + std::to_string(i), top,
                         ImVec2(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y), 0, 0, text + " " + url);
        ImGui::PopID();
    }
}

void draw_plan_header(ViewContext& ctx, const Plan& plan, const PlanInfo& info) {
    const Lang lang = ctx.lang;
    if (plan.is_synthetic) {
        badge(L::synthetic(lang), IM_COL32(200, 60, 60, 255));
        ImGui::SameLine();
        text_wrapped_colored(IM_COL32(220, 80, 80, 255), L::synthetic_note(lang));
        if (probes_enabled())  // tests: sample and synthetic plans say so on screen
            record_probe("explorer.synthetic/" + plan.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0,
                         L::synthetic_note(lang));
    }
    heading(plan.title);
    if (!plan.title_en.empty()) text_wrapped_colored(dim_text_color(), plan.title_en + L::translated(lang));
    if (const std::string ratings = evaluation_summary_text(plan, lang); !ratings.empty()) {
        text_wrapped_colored(text_color(), ratings);
        record_probe("explorer.evaluations/" + plan.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0, ratings);
    }

    const float lw = label_width({L::municipality(lang), L::kind(lang), L::status(lang), L::period(lang), L::vision(lang),
                                  L::viewpoints(lang), L::focus_fields(lang), L::statements(lang), L::structure(lang),
                                  L::source(lang), L::municipality_sources(lang)});
    const Municipality* mu = ctx.data.find_municipality(plan.municipality_id);
    if (!begin_fields("##plan_fields", lw)) return;
    {
        std::string m = municipality_name(ctx.data, plan.municipality_id, Lang::ja);
        if (mu && !mu->name_en.empty()) m += " / " + mu->name_en;
        field(L::municipality(lang), m);
    }
    field(L::kind(lang), plan.kind.empty() ? unknown_text(lang) : plan.kind);
    {
        std::string s = plan.status.empty() ? std::string(unknown_text(lang)) : plan.status;
        if (!plan.approved_by.empty()) s += format(L::approved_by_fmt(lang), plan.approved_by.c_str());
        field(L::status(lang), s);
    }
    {
        std::string p = period_text(plan, lang);
        if (!plan.period_as_written.empty()) p += "\n" + format(L::as_written_fmt(lang), plan.period_as_written.c_str());
        if (plan.actual_end_fy) p += "\n" + format(L::actual_end_fmt(lang), fiscal_year_label(*plan.actual_end_fy).c_str());
        field(L::period(lang), p);
    }
    if (!plan.authors.empty()) field(L::authors(lang), join(plan.authors, "・"));
    if (!plan.approvals.empty()) {
        // "東京都 承認 2022-03-31 (令和4年3月31日)", one per line; an unknown date says so.
        std::vector<std::string> lines;
        for (const Approval& a : plan.approvals) {
            std::string line = a.by + (a.kind.empty() ? "" : " " + a.kind) + " " +
                               (a.date.empty() ? std::string(L::date_unknown(lang)) : a.date);
            if (!a.date_as_written.empty()) line += " (" + a.date_as_written + ")";
            lines.push_back(line);
        }
        field(L::approvals(lang), join(lines, "\n"));
    }
    if (!plan.vision.empty()) field(L::vision(lang), plan.vision);
    if (!plan.viewpoints.empty()) field(L::viewpoints(lang), join(plan.viewpoints, "・"));
    if (!plan.focus_fields.empty()) field(L::focus_fields(lang), join(plan.focus_fields, "、"));
    if (!plan.statements.empty()) {  // what the plan says about itself, under the source's labels
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        text_wrapped_colored(dim_text_color(), L::statements(lang));
        ImGui::TableSetColumnIndex(1);
        for (std::size_t i = 0; i < plan.statements.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            plan_statement_block(plan.statements[i], ctx.data.taxonomy, lang, !ctx.screenshot,
                                 "explorer.statement/" + plan.id + "/" + std::to_string(i));
            ImGui::PopID();
        }
    }
    {
        const PlanCounts& c = info.counts;
        std::vector<std::string> parts;
        for (std::size_t l = 0; l < c.per_level.size() && l < plan.levels.size(); ++l)
            if (c.per_level[l] > 0)
                parts.push_back(format(L::count_fmt(lang), level_name(plan, plan.levels[l].id, lang).c_str(), c.per_level[l]));
        if (c.cross_listed > 0) parts.push_back(format(L::cross_listed_count_fmt(lang), c.cross_listed));
        if (c.new_nodes > 0) parts.push_back(format(L::new_count_fmt(lang), c.new_nodes));
        std::string s = join(parts, " · ");
        s += "\n" + format(L::indicator_count_fmt(lang), c.indicators, c.indicators_with_target);
        if (c.swot_items + c.tows_strategies > 0)
            s += "\n" + format(L::swot_count_fmt(lang), c.swot_items, c.tows_strategies);
        field(L::structure(lang), s);
    }
    field(L::source(lang), plan.source.empty() ? std::string(unknown_text(lang)) : source_text(ctx.data.taxonomy, plan.source));
    if (mu && !mu->sources.empty()) draw_municipality_sources(ctx, *mu);
    end_fields();
}

// "Also listed under (1) …, (2) …": every parent of a cross-listed node, where it is nested first.
// A count of the plan's measure level under the name the plan gives it: 施策3, 事業3 ("measure: 3").
std::string measure_count_text(const Plan& plan, int count, Lang lang) {
    if (plan.measure_level.empty()) return std::to_string(count);
    const std::string name = level_name(plan, plan.measure_level, lang);
    return lang == Lang::en ? name + ": " + std::to_string(count) : name + std::to_string(count);
}

std::string cross_listed_text(const Plan& plan, const PlanTree& tree, int node, Lang lang) {
    std::string parents;
    for (int p : tree.parents_of(node)) {
        const Node& a = plan.nodes[static_cast<std::size_t>(p)];
        parents += (parents.empty() ? "" : lang == Lang::en ? ", " : "、") + (a.label.empty() ? node_title(a, lang) : a.label);
    }
    return format(L::cross_listed_fmt(lang), parents.c_str());
}

struct TreeDraw {
    ViewContext& ctx;
    ExplorerState& st;
    const Plan& plan;
    const PlanInfo& info;
    int selected = -1;
    std::vector<char> reveal_path;  // per node: open it this frame
    bool open_all = false;
    bool scrolled = false;
    const Node* at_top = nullptr;  // the first node below the pane's top edge
    bool anchor_met = false;       // a slide's anchor node was drawn (and scrolled to)

    // `under`: the parent it is drawn under this time (a cross-listed node is drawn under each).
    void node(int i, int under) {
        const std::size_t k = static_cast<std::size_t>(i);
        const Node& n = plan.nodes[k];
        const Lang lang = ctx.lang;
        const bool leaf = info.tree.is_leaf(i);
        ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_OpenOnDoubleClick;
        if (leaf)
            flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_Bullet;
        else if (open_all || info.tree.depth[k] < 2)
            flags |= ImGuiTreeNodeFlags_DefaultOpen;
        if (!leaf && !reveal_path.empty() && reveal_path[k]) ImGui::SetNextItemOpen(true);
        ImGui::PushID(i);
        const bool open = ImGui::TreeNodeEx("##node", flags, "%s", "");
        ImGui::SameLine(0.0f, 0.25f * em());

        BlockOptions opt;
        std::string note;
        if (!leaf) {
            note = info.tree.measures[k] > 0 ? measure_count_text(plan, info.tree.measures[k], lang)
                                             : std::to_string(info.tree.descendants[k]);
            opt.note = note;
        }
        // The latest 施策評価 rating beside 新規 (wardscope/evaluation.hpp).
        const Evaluation* rated = latest_evaluation(plan, n.id);
        std::string badge_text = n.is_new ? std::string(L::new_badge(lang)) : std::string();
        if (rated) badge_text += (badge_text.empty() ? "" : " · ") + rated->rating;
        if (!badge_text.empty()) {
            opt.badge = badge_text;
            opt.badge_color = n.is_new ? IM_COL32(214, 96, 0, 255) : IM_COL32(90, 110, 150, 255);
        }
        if (info.tree.is_cross_listed(i)) {  // listed under several parents (再掲): one item, counted once
            opt.badge = n.is_new ? L::new_cross_listed_badge(lang) : L::cross_listed_badge(lang);
            opt.badge_color = IM_COL32(40, 110, 170, 255);
        }
        if (i == selected) {
            opt.background = ImGui::GetColorU32(ImGuiCol_Header);
        } else if (!ctx.filter.theme_id().empty()) {
            // The filter's theme: tagged here (strong), or carried from a heading above (light; theme_rule.hpp).
            for (const CarriedTheme& t : carried_themes(plan, info.tree, i))
                if (t.theme_id == ctx.filter.theme_id()) opt.background = accent_color(t.tagged_at == i ? 0.25f : 0.12f);
        }
        const std::string title = node_title(n, lang);
        // Headings (above the measure level) in the heading colour; measures and their details as text.
        const bool heading = plan.level_rank(n.level) < plan.measure_rank();
        const ImU32 color = n.name_unknown() ? dim_text_color() : heading ? heading_color() : 0;
        std::string mark;
        mark_annotation(ctx, opt, mark, plan.id, ItemKind::node, n.id);
        BlockState b = text_block("##txt", {{title, color}}, opt);
        if (probes_enabled())  // for tests: where each occurrence was drawn, and how it is marked
            record_probe("explorer.node/" + n.id + "@" + (under < 0 ? std::string("-") : plan.nodes[static_cast<std::size_t>(under)].id),
                         ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), info.tree.is_cross_listed(i) ? 1 : 0,
                         n.name_unknown() ? 1 : 0,
                         title + (opt.badge.empty() ? "" : " [" + std::string(opt.badge) + "]") + (note.empty() ? "" : " {" + note + "}"));
        if (b.hovered && !ctx.screenshot) {
            std::string extra = n.name_unknown() ? std::string(L::name_unknown_tip(lang)) : n.name;
            if (!n.name_en.empty()) extra += "\n" + n.name_en + L::translated(lang);
            if (info.tree.is_cross_listed(i)) extra += "\n" + cross_listed_text(plan, info.tree, i, lang);
            source_tooltip_for(true, node_source(plan, info.tree, i), ctx.data.taxonomy, lang, extra);
        }
        annotatable(ctx, plan.id, ItemKind::node, n.id);
        if (b.clicked) {
            ctx.selection.select_plan(ctx.data, plan.id, n.id);
            st.last_node = n.id;  // chosen here: no need to scroll
        }
        {  // The scroll anchor.
            const float top = ImGui::GetItemRectMin().y, win_top = ImGui::GetWindowPos().y;
            if (!at_top && ImGui::GetItemRectMax().y > win_top + 0.5f) at_top = &n;
            if (st.scroll.pending() && !anchor_met && st.scroll.anchor().size() > 5 && st.scroll.anchor().compare(5, std::string::npos, n.id) == 0) {
                st.scroll.scroll_to(ImGui::GetScrollY() + top - win_top);
                anchor_met = true;
            }
        }
        if (i == selected && st.reveal > 0 && !scrolled && !(st.scroll.pending() && !st.scroll.anchor().empty())) {
            // Scroll unless wholly visible; repeated for a few frames while the layout settles.
            const float top = ImGui::GetItemRectMin().y, bottom = ImGui::GetItemRectMax().y;
            const float win_top = ImGui::GetWindowPos().y, win_bottom = win_top + ImGui::GetWindowHeight();
            if (top < win_top || bottom > win_bottom) ImGui::SetScrollHereY(0.25f);
            scrolled = true;
        }
        if (open && !leaf) {
            for (int c : info.tree.children[k]) node(c, i);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
};

void draw_tree(ViewContext& ctx, ExplorerState& st, const Plan& plan, const PlanInfo& info, bool is_front) {
    if (plan.nodes.empty()) {
        text_wrapped_colored(dim_text_color(), L::no_nodes(ctx.lang));
        return;
    }
    TreeDraw draw{ctx, st, plan, info, -1, {}, false, false, nullptr, false};
    draw.selected = is_front ? info.tree.find(ctx.selection.node_id()) : -1;
    draw.open_all = plan.nodes.size() <= 80;
    if (st.reveal > 0 && draw.selected >= 0) {
        draw.reveal_path.assign(plan.nodes.size(), 0);
        for (int a : info.tree.path_to(draw.selected)) draw.reveal_path[static_cast<std::size_t>(a)] = 1;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_IndentSpacing, 1.1f * em());
    for (int r : info.tree.roots) draw.node(r, -1);
    if (probes_enabled()) {
        const ImVec2 pos = ImGui::GetWindowPos();
        record_probe("explorer.tree", pos, ImVec2(pos.x + ImGui::GetWindowWidth(), pos.y + ImGui::GetWindowHeight()));
    }
    ImGui::PopStyleVar();
    if (!st.scroll.pending()) {
        st.anchor = ImGui::GetScrollY() < 1.0f || !draw.at_top ? std::string() : "node " + draw.at_top->id;
    } else if (st.scroll.anchor().empty()) {  // the top, unless the selected node is being revealed
        if (draw.selected >= 0 && st.reveal > 0) st.scroll.cancel();
        else st.scroll.scroll_to(0);
    } else if (!draw.anchor_met) {
        st.scroll.scroll_to(ImGui::GetScrollY());  // not drawn (folded, gone): stays where it is
    }
}

void draw_point_cell(const IndicatorPoint& p, const std::string& unit, Lang lang) {
    const bool unknown = !p.value;
    text_wrapped_colored(unknown ? dim_text_color() : text_color(), point_text(p, unit, lang));
    if (!p.note.empty()) text_wrapped_colored(dim_text_color(), p.note);
}

void draw_indicators(ViewContext& ctx, ExplorerState& st, const Plan& plan, const PlanInfo& info) {
    const Lang lang = ctx.lang;
    if (plan.indicators.empty()) {
        text_wrapped_colored(dim_text_color(), L::no_indicators(lang));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("##indicators", 4, flags)) return;
    ImGui::TableSetupColumn(L::col_kind(lang), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(L::col_indicator(lang), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn(L::col_baseline(lang), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(L::col_target(lang), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
        const Indicator& ind = plan.indicators[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        bool hovered = false;
        ImGui::TableSetColumnIndex(0);
        ImGui::BeginGroup();
        text_wrapped(ind.kind);
        if (!ind.label.empty() && ind.label != ind.kind) text_wrapped_colored(dim_text_color(), ind.label);
        ImGui::EndGroup();
        hovered |= ImGui::IsItemHovered();

        ImGui::TableSetColumnIndex(1);
        ImGui::BeginGroup();
        const std::string& name = lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name;
        text_wrapped(ind.unit.empty() ? name : name + " (" + ind.unit + ")");
        const int node = ind.node_id.empty() ? -1 : info.tree.find(ind.node_id);
        if (node >= 0) {
            const std::string target = "→\u00a0" + node_title(plan.nodes[static_cast<std::size_t>(node)], lang);
            BlockState b = text_block("##node", {{target, dim_text_color()}});
            if (b.clicked) {
                ctx.selection.select_plan(ctx.data, plan.id, ind.node_id);
                st.reveal = 3;
            }
        }
        ImGui::EndGroup();
        hovered |= ImGui::IsItemHovered();

        ImGui::TableSetColumnIndex(2);
        ImGui::BeginGroup();
        draw_point_cell(ind.baseline, ind.unit, lang);
        ImGui::EndGroup();
        hovered |= ImGui::IsItemHovered();

        ImGui::TableSetColumnIndex(3);
        ImGui::BeginGroup();
        draw_point_cell(ind.target, ind.unit, lang);
        ImGui::EndGroup();
        hovered |= ImGui::IsItemHovered();

        if (hovered && !ctx.screenshot) {
            std::string extra = ind.name;
            if (!ind.name_en.empty()) extra += "\n" + ind.name_en + L::translated(lang);
            extra += "\n";
            extra += ind.direction == Direction::higher_is_better ? L::direction_up(lang) : L::direction_down(lang);
            if (!ind.note.empty()) extra += "\n" + ind.note;
            source_tooltip_for(true, ind.source.empty() ? plan.source : ind.source, ctx.data.taxonomy, lang, extra);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_centre(ViewContext& ctx, View& view, TableExport& table_export, ExplorerState& st, const Plan& plan,
                 const PlanInfo& info, bool is_front) {
    const Lang lang = ctx.lang;
    draw_plan_header(ctx, plan, info);
    export_table_button(ctx, view, table_export);
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(format(L::hierarchy_fmt(lang), info.counts.nodes()).c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen))
        draw_tree(ctx, st, plan, info, is_front);
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(format(L::indicators_fmt(lang), info.counts.indicators).c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen))
        draw_indicators(ctx, st, plan, info);
}

// ---- Right pane: details of the selected node -------------------------------------------

const std::vector<SimilarMeasure>& similar_measures(ViewContext& ctx, SimilarCache& cache, const Plan& plan, const Node& node) {
    if (!cache.built || cache.plan_id != plan.id || cache.node_id != node.id) {
        cache.built = true;
        cache.plan_id = plan.id;
        cache.node_id = node.id;
        cache.items.clear();
        const int p = ctx.model.index.plan_index(plan.id);
        const int n = p < 0 ? -1 : ctx.model.index.plans[static_cast<std::size_t>(p)].tree.find(node.id);
        const long k = n < 0 ? -1 : ctx.model.similarity.find(static_cast<std::size_t>(p), n);
        if (k >= 0) cache.items = ctx.model.similarity.most_similar_elsewhere(ctx.data, static_cast<std::size_t>(k), 5);
    }
    return cache.items;
}

// Each a link: a click makes its plan the current one with the measure selected.
void draw_similar(ViewContext& ctx, SimilarCache& cache, const Plan& plan, const Node& node) {
    const Lang lang = ctx.lang;
    const int p = ctx.model.index.plan_index(plan.id);
    if (p < 0) return;
    if (!ctx.model.indexes_ready) {  // the start-up builds the index after the first frame: shown when it comes
        if (node.level != plan.measure_level) return;  // not a measure
        ImGui::Spacing();
        text_wrapped_colored(dim_text_color(), L::similar_indexing(lang));
        return;
    }
    if (ctx.model.similarity.find(static_cast<std::size_t>(p), ctx.model.index.plans[static_cast<std::size_t>(p)].tree.find(node.id)) < 0)
        return;  // not a measure
    const std::vector<SimilarMeasure>& items = similar_measures(ctx, cache, plan, node);
    ImGui::Spacing();
    text_wrapped_colored(dim_text_color(), L::similar_title(lang));
    if (ImGui::IsItemHovered() && !ctx.screenshot) ImGui::SetTooltip("%s", L::similar_tip(lang));
    if (items.empty()) {
        text_wrapped_colored(dim_text_color(), L::similar_none(lang));
        return;
    }
    std::string open_plan, open_node;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const SimilarMeasure& s = items[i];
        const MeasureSimilarity::Measure& m = ctx.model.similarity.measure(s.measure);
        const Plan& other = ctx.data.plans[m.plan];
        const Node& n = other.nodes[m.node];
        std::string line = format(L::similar_line_fmt(lang), plan_short_label(ctx.data, other, lang).c_str(),
                                  static_cast<int>(std::lround(s.text * 100)));
        if (!s.shared_themes.empty()) {
            std::vector<std::string> labels;
            for (const std::string& t : s.shared_themes) labels.push_back(theme_label(ctx.data.taxonomy, t, lang));
            line += format(L::shared_fmt(lang), join(labels, "、").c_str());
        }
        ImGui::PushID(static_cast<int>(i));
        const BlockState b = text_block("##similar", {{node_title(n, lang), accent_color()}, {line, dim_text_color()}});
        record_probe("explorer.similar." + std::to_string(i), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        source_tooltip_for(b.hovered && !ctx.screenshot, n.source.empty() ? other.source : n.source, ctx.data.taxonomy, lang, n.name);
        if (b.clicked) open_plan = other.id, open_node = n.id;
        ImGui::PopID();
    }
    if (!open_plan.empty()) ctx.selection.select_plan(ctx.data, open_plan, open_node);
}

void draw_details(ViewContext& ctx, ExplorerState& st, const Plan& plan, const PlanInfo& info, int sel) {
    const Lang lang = ctx.lang;
    const Taxonomy& tax = ctx.data.taxonomy;
    heading(L::details(lang));
    ImGui::Separator();
    if (sel < 0) {
        text_wrapped_colored(dim_text_color(), L::select_hint(lang));
        if (!plan.summary.empty()) {
            ImGui::Spacing();
            text_wrapped_colored(dim_text_color(), L::summary(lang));
            st.marked(plan.summary, "summary");
            source_tooltip_for(ImGui::IsItemHovered() && !ctx.screenshot, plan.source, ctx.data.taxonomy, lang);
        }
        return;
    }
    const std::size_t k = static_cast<std::size_t>(sel);
    const Node& n = plan.nodes[k];

    // Path: ancestors, clickable.
    const std::vector<int> path = info.tree.path_to(sel);
    for (std::size_t p = 0; p + 1 < path.size(); ++p) {
        const Node& a = plan.nodes[static_cast<std::size_t>(path[p])];
        ImGui::PushID(path[p]);
        const std::string line = std::string(p == 0 ? "" : "› ") + node_title(a, lang);
        const float indent = static_cast<float>(p) * 0.8f * em();
        if (indent > 0) ImGui::Indent(indent);  // Indent(0) would indent by the style default
        if (text_block("##anc", {{line, dim_text_color()}}).clicked) ctx.selection.select_node(a.id);
        if (indent > 0) ImGui::Unindent(indent);
        ImGui::PopID();
    }
    BadgeFlow badges;
    badges.add(level_name(plan, n.level, lang), ImGui::GetColorU32(ImGuiCol_Button), text_color());
    if (n.is_new) badges.add(L::new_badge(lang), IM_COL32(214, 96, 0, 255));
    if (info.tree.is_cross_listed(sel)) badges.add(L::cross_listed_badge(lang), IM_COL32(40, 110, 170, 255));
    badges.end();
    st.marked(node_title(n, lang), "title", heading_color());
    if (info.tree.is_cross_listed(sel)) text_wrapped_colored(dim_text_color(), cross_listed_text(plan, info.tree, sel, lang));

    const float lw = label_width({L::name_en(lang), L::as_written(lang), L::description(lang), L::themes(lang), L::actors(lang),
                                  L::is_new(lang), L::below(lang), L::source(lang)});
    if (begin_fields("##node_fields", lw)) {
        if (lang == Lang::en && !n.name_en.empty())
            st.marked_field(L::as_written(lang), n.name, "name");  // the heading shows the translation
        else if (!n.name_en.empty())
            st.marked_field(L::name_en(lang), n.name_en + L::translated(lang), "name", dim_text_color());
        if (!n.description.empty()) st.marked_field(L::description(lang), n.description, "description");

        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        text_wrapped_colored(dim_text_color(), L::themes(lang));
        ImGui::TableSetColumnIndex(1);
        // Its own tags, then the hand tags it carries from the headings above (wardscope/theme_rule.hpp).
        const std::vector<CarriedTheme> carried = carried_themes(plan, info.tree, sel);
        if (carried.empty()) {
            text_wrapped_colored(dim_text_color(), L::none(lang));
        } else {
            BadgeFlow flow;
            for (const CarriedTheme& t : carried) {
                const bool own = t.tagged_at == sel;
                const Node& from = plan.nodes[static_cast<std::size_t>(t.tagged_at)];
                const std::string text =
                    theme_label(tax, t.theme_id, lang) + " · " +
                    (own ? std::string(t.by_hand ? L::origin_hand(lang) : L::origin_rule(lang))
                         : format(L::origin_inherited_fmt(lang), (from.label.empty() ? node_title(from, lang) : from.label).c_str()));
                const ImU32 bg = !own ? IM_COL32(60, 90, 130, 255) : t.by_hand ? series_color(0) : IM_COL32(110, 110, 120, 255);
                if (flow.add(text, bg) && !ctx.screenshot) {
                    ImGui::BeginTooltip();
                    ImGui::TextUnformatted(L::origin_legend(lang));
                    ImGui::EndTooltip();
                }
            }
            flow.end();
        }

        std::vector<std::string> actors;
        for (const std::string& a : n.actors) actors.push_back(actor_label(tax, a, lang));
        field(L::actors(lang), actors.empty() ? std::string(L::none(lang)) : join(actors, "、"),
              actors.empty() ? dim_text_color() : 0);
        field(L::is_new(lang), n.is_new ? L::yes_new(lang) : L::no_new(lang));
        std::string ratings;
        for (const Evaluation& e : plan.evaluations)
            if (e.node_id == n.id) ratings += (ratings.empty() ? "" : "\n") + evaluation_text(e, lang);
        if (!ratings.empty()) field(evaluation_label(lang), ratings);
        if (!info.tree.is_leaf(sel))
            field(L::below(lang), format(L::below_fmt(lang), info.tree.descendants[k], measure_count_text(plan, info.tree.measures[k], lang).c_str()));
        const SourceRef& src = node_source(plan, info.tree, sel);
        std::string s = src.empty() ? std::string(unknown_text(lang)) : source_text(ctx.data.taxonomy, src);
        if (n.source.empty() && !src.empty()) s += L::inherited(lang);
        {
            std::vector<std::string> amounts;  // "R6 予算 12,500"
            for (const BudgetLine& b : plan.budget)
                if (b.node_id == n.id)
                    amounts.push_back(fiscal_year_label(b.fiscal_year) + " " + b.kind + " " + format_value(b.thousand_yen));
            if (!amounts.empty()) field(L::budget(lang), join(amounts, "\n"));
        }
        field(L::source(lang), s);
        const std::string url = source_url(src, ctx.data.taxonomy);
        if (!url.empty()) field("URL", url);
        end_fields();
        if (!src.empty() && !ctx.screenshot && ImGui::SmallButton(L::copy_source(lang)))
            ImGui::SetClipboardText(source_text(ctx.data.taxonomy, src).c_str());
        if (!url.empty() && !ctx.screenshot) {
            ImGui::SameLine();
            if (ImGui::SmallButton(L::copy_url(lang))) ImGui::SetClipboardText(url.c_str());
        }
    }
    annotation_details(ctx, {plan.id, ItemKind::node, n.id});
    draw_similar(ctx, st.similar, plan, n);

    // Indicators measuring this node.
    bool any_ind = false;
    for (const Indicator& ind : plan.indicators) {
        if (ind.node_id != n.id) continue;
        if (!any_ind) {
            ImGui::Spacing();
            text_wrapped_colored(dim_text_color(), L::node_indicators(lang));
            any_ind = true;
        }
        const std::string& name = lang == Lang::en && !ind.name_en.empty() ? ind.name_en : ind.name;
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        st.marked((ind.label.empty() ? ind.kind : ind.label) + "  " + name, "indicator", 0, ind.id);
        text_wrapped_colored(dim_text_color(), format(L::arrow_fmt(lang), point_text(ind.baseline, ind.unit, lang).c_str(),
                                                      point_text(ind.target, ind.unit, lang).c_str()));
        ImGui::EndGroup();
        source_tooltip(ind.source.empty() ? plan.source : ind.source, ctx.data.taxonomy, lang);
    }

    // Cross-SWOT strategies that became this node.
    bool any_tows = false;
    for (const TowsStrategy& t : plan.tows) {
        if (std::find(t.node_ids.begin(), t.node_ids.end(), n.id) == t.node_ids.end()) continue;
        if (!any_tows) {
            ImGui::Spacing();
            text_wrapped_colored(dim_text_color(), L::tows_links(lang));
            any_tows = true;
        }
        const std::string& text = lang == Lang::en && !t.text_en.empty() ? t.text_en : t.text;
        ImGui::Bullet();
        ImGui::SameLine();
        st.marked(std::string(to_string(t.type)) + "  " + text, "tows", 0, t.id);
        source_tooltip(t.source.empty() ? plan.source : t.source, ctx.data.taxonomy, lang);
    }
}

class ExplorerView final : public View {
public:
    const char* id() const override { return "explorer"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    bool shows_selected_plans() const override { return true; }
    void on_data(const Model&) override {
        st_.searched = false;
        st_.hits.clear();  // they point into the old data
        st_.filtered.invalidate();
        st_.list_stale = true;
        st_.similar = {};
        st_.marks.clear();
    }
    // The search box's text: a slide or `shot --view-option explorer.search=…` shows its hits marked.
    OptionValues save_options() const override { return {{"search", st_.query}}; }
    void restore_options(const OptionValues& values) override {
        st_.query.clear();
        read_option(values, "search", st_.query);
    }
    void draw(ViewContext& ctx) override;
    void append_strings(std::vector<const char*>& out) const override { WS_EXPLORER_STRINGS(WS_STR_COLLECT) }
    // The first node at the top of the tree's pane: "node NODE"; empty = the top.
    std::string save_anchor() const override { return st_.anchor; }
    void restore_anchor(const std::string& anchor) override {
        st_.anchor = anchor.starts_with("node ") && anchor.size() > 5 ? anchor : std::string();
        st_.scroll.set(st_.anchor);
    }

    std::optional<Table> table(ViewContext& ctx) override {
        const Plan* plan = current_plan(ctx);
        const int pi = plan ? ctx.model.index.plan_index(plan->id) : -1;
        if (pi < 0) return std::nullopt;
        return explorer_table(ctx.data, *plan, ctx.model.index.plans[static_cast<std::size_t>(pi)].tree, ctx.lang == Lang::en);
    }

private:
    ExplorerState st_;
    TableExport table_export_;
};

void ExplorerView::draw(ViewContext& ctx) {
    ExplorerState& st = st_;
    const DataIndex& index = ctx.model.index;
    if (ctx.data.plans.empty()) {
        text_wrapped(L::no_plans(ctx.lang));
        return;
    }
    const Plan* plan = current_plan(ctx);
    const bool is_front = plan && ctx.selection.is_front(plan->id);
    if (plan && (plan->id != st.last_plan || ctx.selection.node_id() != st.last_node)) {
        // Selection changed elsewhere (another view, the search): reveal the node.
        if (!ctx.selection.node_id().empty()) st.reveal = 3;
        st.last_plan = plan->id;
        st.last_node = ctx.selection.node_id();
    }

    const float height = ImGui::GetContentRegionAvail().y;
    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoSavedSettings;
    // The room sees the plan and the chosen item; the search and the plan list are the analyst's.
    const bool room = ctx.presenting;
    const int left = room ? 0 : 1;  // columns before the centre one
    if (!ImGui::BeginTable(room ? "##explorer_room" : "##explorer", 2 + left, flags, ImVec2(0, height))) return;
    if (!room) ImGui::TableSetupColumn("left", ImGuiTableColumnFlags_WidthStretch, 0.25f);
    ImGui::TableSetupColumn("centre", ImGuiTableColumnFlags_WidthStretch, room ? 0.58f : 0.45f);
    ImGui::TableSetupColumn("right", ImGuiTableColumnFlags_WidthStretch, room ? 0.42f : 0.30f);
    ImGui::TableNextRow();

    if (!room) {
        ImGui::TableSetColumnIndex(0);
        ImGui::BeginChild("##left", ImVec2(0, height - ImGui::GetStyle().CellPadding.y * 2), false);
        draw_left(ctx, st, index);
        ImGui::EndChild();
    }

    const int pi = plan ? index.plan_index(plan->id) : -1;
    ImGui::TableSetColumnIndex(left);
    ImGui::BeginChild("##centre", ImVec2(0, height - ImGui::GetStyle().CellPadding.y * 2), false);
    if (pi >= 0) draw_centre(ctx, *this, table_export_, st, *plan, index.plans[static_cast<std::size_t>(pi)], is_front);
    ImGui::EndChild();

    ImGui::TableSetColumnIndex(left + 1);
    ImGui::BeginChild("##right", ImVec2(0, height - ImGui::GetStyle().CellPadding.y * 2), false);
    if (pi >= 0) {
        const PlanInfo& info = index.plans[static_cast<std::size_t>(pi)];
        const int sel = is_front ? info.tree.find(ctx.selection.node_id()) : -1;
        draw_details(ctx, st, *plan, info, sel);
    }
    ImGui::EndChild();

    ImGui::EndTable();
    if (st.reveal > 0) --st.reveal;
}

}  // namespace

std::unique_ptr<View> make_explorer_view() { return std::make_unique<ExplorerView>(); }

}  // namespace wardscope::ui
