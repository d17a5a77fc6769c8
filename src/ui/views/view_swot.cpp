// SWOT: the 2×2 SWOT grid and the TOWS (cross-SWOT) matrix of one or two
// plans side by side. Hovering (or clicking, to pin) a SWOT item highlights the
// cross-SWOT strategies that combine it and the plan items they became, and
// vice versa (issue #3).
#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/widgets/annotations.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "ui/view.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en) — every UI string of this view.
#define WS_SWOT_STRINGS(X)                                                                                  \
    X(tab_title, "SWOT・クロスSWOT", "SWOT / TOWS")                                                       \
    X(plan_a, "計画", "Plan")                                                                                \
    X(plan_b, "並べて表示", "Side by side")                                                                  \
    X(none_option, "（なし）", "(none)")                                                                     \
    X(swot_mark, "［SWOTあり］ ", "[SWOT] ")                                                                 \
    X(no_swot, "この計画の原資料にはSWOT分析がありません", "The source of this plan contains no SWOT analysis") \
    X(plans_with_swot, "SWOT分析のある計画:", "Plans with a SWOT analysis:")                                \
    X(no_plans_with_swot, "SWOT分析のある計画は登録されていません。", "No loaded plan has a SWOT analysis.") \
    X(swot_title, "SWOT分析", "SWOT analysis")                                                               \
    X(tows_title, "クロスSWOT（TOWSマトリクス）", "Cross-SWOT (TOWS matrix)")                                \
    X(no_tows, "この計画の原資料にはクロスSWOT戦略がありません。",                                            \
      "The source of this plan contains no cross-SWOT strategies.")                                         \
    X(internal, "内部環境", "Internal")                                                                      \
    X(external, "外部環境", "External")                                                                      \
    X(positive, "プラス要因", "Helpful")                                                                     \
    X(negative, "マイナス要因", "Harmful")                                                                   \
    X(so, "SO  強みを活かして機会をつかむ", "SO  use strengths to seize opportunities")                       \
    X(wo, "WO  機会を活かして弱みを克服", "WO  use opportunities to overcome weaknesses")                    \
    X(st, "ST  強みを活かして脅威に備える", "ST  use strengths to counter threats")                           \
    X(wt, "WT  弱みと脅威を最小化", "WT  minimise weaknesses and threats")                                  \
    X(none_in_source, "（記載なし）", "(none in the source)")                                                \
    X(no_combination, "組み合わせたSWOT項目は原資料に記載がありません",                                       \
      "The source does not say which SWOT items this combines")                                             \
    X(hint, "項目にカーソルを合わせると、組み合わせたクロスSWOT戦略と、それが反映された計画の項目が強調されます。クリックで固定。", \
      "Hover an item to highlight the cross-SWOT strategies that combine it and the plan items they became; click to pin.") \
    X(linked_nodes, "反映された計画の項目", "Plan items they became")                                        \
    X(no_linked_nodes, "（関連する計画の項目はありません）", "(no linked plan items)")                       \
    X(pinned, "固定中 — もう一度クリックで解除", "Pinned — click again to release")                        \
    X(translated, "（英訳）", " (translation)")                                                              \
    X(synthetic, "合成データ", "synthetic data")                                                             \
    X(unmapped_title, "SWOTの区分なし — 出典の見出しのまま（クロスSWOTには使われません）",                   \
      "Not mapped to a quadrant — under the source's own headings (not used by the cross-SWOT)")             \
    X(bullet, "•\u00a0", "•\u00a0")

namespace L {
WS_SWOT_STRINGS(WS_STR_DECLARE)
}  // namespace L

enum class LinkKind { none, swot, tows, node };

struct Link {
    LinkKind kind = LinkKind::none;
    std::string id;
    bool operator==(const Link&) const = default;
};

struct PanelState {
    std::string plan_id;  // the state belongs to this plan
    Link hovered_prev;    // hovered in the previous frame (drawing order: grid before matrix)
    Link hovered_now;
    Link pinned;
};

struct SwotState {
    PanelState panels[2];
    // The scroll anchor: the section at the top of plan A's panel, "tows"
    // (the cross-SWOT matrix); empty = the top.
    std::string anchor;
    PendingScroll scroll[2];  // a slide's anchor on its way back, per panel
};

// What the active link highlights.
struct Linked {
    Link active;
    std::vector<std::string> swot, tows, nodes;
    bool has(const std::vector<std::string>& v, const std::string& id) const {
        return std::find(v.begin(), v.end(), id) != v.end();
    }
};

void add_line(std::string& text, std::string_view line) {
    if (!text.empty()) text += "\n";
    text += line;
}

void add_unique(std::vector<std::string>& v, const std::string& id) {
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

Linked linked_for(const Plan& plan, const Link& active) {
    Linked l;
    l.active = active;
    auto contains = [](const std::vector<std::string>& v, const std::string& id) {
        return std::find(v.begin(), v.end(), id) != v.end();
    };
    switch (active.kind) {
        case LinkKind::none: break;
        case LinkKind::swot:
            add_unique(l.swot, active.id);
            for (const TowsStrategy& t : plan.tows)
                if (contains(t.swot_ids, active.id)) {
                    add_unique(l.tows, t.id);
                    for (const auto& n : t.node_ids) add_unique(l.nodes, n);
                }
            break;
        case LinkKind::tows:
            for (const TowsStrategy& t : plan.tows)
                if (t.id == active.id) {
                    add_unique(l.tows, t.id);
                    for (const auto& s : t.swot_ids) add_unique(l.swot, s);
                    for (const auto& n : t.node_ids) add_unique(l.nodes, n);
                }
            break;
        case LinkKind::node:
            add_unique(l.nodes, active.id);
            for (const TowsStrategy& t : plan.tows)
                if (contains(t.node_ids, active.id)) {
                    add_unique(l.tows, t.id);
                    for (const auto& s : t.swot_ids) add_unique(l.swot, s);
                }
            break;
    }
    return l;
}

ImU32 highlight_bg(const Linked& l, LinkKind kind, const std::string& id, const std::vector<std::string>& set) {
    if (l.active.kind == kind && l.active.id == id) return accent_color(0.65f);
    if (l.has(set, id)) return accent_color(0.35f);
    return 0;
}

// Hover, click-to-pin, tooltip for one linkable block.
void handle_link(ViewContext& ctx, PanelState& ps, const BlockState& b, Link link, const SourceRef& src,
                 std::string_view extra) {
    if (ctx.screenshot) return;
    if (b.hovered) {
        ps.hovered_now = link;
        source_tooltip_for(true, src, ctx.data.taxonomy, ctx.lang, extra);
    }
    if (b.clicked) ps.pinned = ps.pinned == link ? Link{} : link;
}

// One analysis item: its text (translation in English), the source's label as a badge, notes, links.
void draw_swot_item(ViewContext& ctx, PanelState& ps, const Plan& plan, const Linked& linked, std::size_t i) {
    const Lang lang = ctx.lang;
    const SwotItem& s = plan.swot[i];
    ImGui::PushID(static_cast<int>(i));
    const std::string& text = lang == Lang::en && !s.text_en.empty() ? s.text_en : s.text;
    BlockOptions opt;
    opt.background = highlight_bg(linked, LinkKind::swot, s.id, linked.swot);
    if (!s.label.empty()) {  // the label the source gives the item, as written
        opt.badge = s.label;
        opt.badge_color = quadrant_color(s.quadrant);
    }
    std::string mark;
    mark_annotation(ctx, opt, mark, plan.id, ItemKind::swot, s.id);
    const BlockState b = text_block("##swot", {{L::bullet(lang) + text}}, opt);
    if (probes_enabled()) record_probe("swot.item/" + plan.id + "/" + s.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0, s.label);
    annotatable(ctx, plan.id, ItemKind::swot, s.id);
    std::string extra = lang == Lang::en ? s.text : std::string();  // as written, under the translation
    if (lang == Lang::ja && !s.text_en.empty()) extra = s.text_en + L::translated(lang);
    if (ps.pinned == Link{LinkKind::swot, s.id}) add_line(extra, L::pinned(lang));
    handle_link(ctx, ps, b, Link{LinkKind::swot, s.id}, s.source.empty() ? plan.source : s.source, extra);
    ImGui::PopID();
}

void draw_quadrant_cell(ViewContext& ctx, PanelState& ps, const Plan& plan, const Linked& linked, Quadrant q) {
    const Lang lang = ctx.lang;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, quadrant_color(q, 0.13f));
    static const char letters[] = {'S', 'W', 'O', 'T'};
    // The source's own labels (課題, 特徴 …) beside the quadrant they are mapped to.
    std::string labels;
    for (const SwotItem& s : plan.swot)
        if (s.quadrant == q && !s.label.empty() && s.label != quadrant_name(q, Lang::ja) &&
            labels.find(s.label) == std::string::npos)
            labels += (labels.empty() ? "" : "・") + s.label;
    const std::string title = std::string(quadrant_name(q, lang)) + " (" + letters[static_cast<int>(q)] + ")" +
                              (labels.empty() ? "" : " · " + labels);
    text_wrapped_colored(quadrant_color(q), title);
    bool any = false;
    for (std::size_t i = 0; i < plan.swot.size(); ++i) {
        if (plan.swot[i].quadrant != q) continue;
        any = true;
        draw_swot_item(ctx, ps, plan, linked, i);
    }
    if (!any) text_wrapped_colored(dim_text_color(), L::none_in_source(lang));
}

// The analysis items the source does not map to a SWOT quadrant (特徴, 現況 …):
// in their own labelled area under the grid, grouped by the source's label.
void draw_unmapped_items(ViewContext& ctx, PanelState& ps, const Plan& plan, const Linked& linked) {
    const Lang lang = ctx.lang;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    text_wrapped_colored(quadrant_color(Quadrant::none), L::unmapped_title(lang));
    std::vector<std::string> labels;  // in source order
    for (const SwotItem& s : plan.swot)
        if (!s.mapped() && std::find(labels.begin(), labels.end(), s.label) == labels.end()) labels.push_back(s.label);
    for (const std::string& label : labels) {
        text_wrapped_colored(dim_text_color(), "【" + label + "】");
        for (std::size_t i = 0; i < plan.swot.size(); ++i)
            if (!plan.swot[i].mapped() && plan.swot[i].label == label) draw_swot_item(ctx, ps, plan, linked, i);
    }
    ImGui::EndGroup();
    if (probes_enabled()) record_probe("swot.unmapped/" + plan.id, top, ImGui::GetItemRectMax(), static_cast<double>(labels.size()));
}

void draw_swot_grid(ViewContext& ctx, PanelState& ps, const Plan& plan, const Linked& linked) {
    const Lang lang = ctx.lang;
    const float head_w = std::max(ImGui::CalcTextSize(L::internal(lang)).x, ImGui::CalcTextSize(L::external(lang)).x) +
                         0.6f * em();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInner | ImGuiTableFlags_SizingStretchSame |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##swot_grid", 3, flags)) return;
    ImGui::TableSetupColumn("##h", ImGuiTableColumnFlags_WidthFixed, head_w);
    ImGui::TableSetupColumn("##pos", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##neg", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    text_wrapped_colored(dim_text_color(), L::positive(lang));
    ImGui::TableSetColumnIndex(2);
    text_wrapped_colored(dim_text_color(), L::negative(lang));

    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(dim_text_color(), L::internal(lang));
    ImGui::TableSetColumnIndex(1);
    draw_quadrant_cell(ctx, ps, plan, linked, Quadrant::strength);
    ImGui::TableSetColumnIndex(2);
    draw_quadrant_cell(ctx, ps, plan, linked, Quadrant::weakness);

    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(dim_text_color(), L::external(lang));
    ImGui::TableSetColumnIndex(1);
    draw_quadrant_cell(ctx, ps, plan, linked, Quadrant::opportunity);
    ImGui::TableSetColumnIndex(2);
    draw_quadrant_cell(ctx, ps, plan, linked, Quadrant::threat);
    ImGui::EndTable();
}

void draw_tows_cell(ViewContext& ctx, PanelState& ps, const Plan& plan, const PlanInfo& info, const Linked& linked,
                    TowsType type, const Str& title, bool is_front) {
    const Lang lang = ctx.lang;
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableRowBgAlt));
    text_wrapped_colored(heading_color(), title(lang));
    bool any = false;
    for (std::size_t i = 0; i < plan.tows.size(); ++i) {
        const TowsStrategy& t = plan.tows[i];
        if (t.type != type) continue;
        any = true;
        ImGui::PushID(static_cast<int>(i));
        const std::string& text = lang == Lang::en && !t.text_en.empty() ? t.text_en : t.text;
        BlockOptions opt;
        opt.background = highlight_bg(linked, LinkKind::tows, t.id, linked.tows);
        std::string mark;
        mark_annotation(ctx, opt, mark, plan.id, ItemKind::tows, t.id);
        const BlockState b = text_block("##tows", {{L::bullet(lang) + text}}, opt);
        annotatable(ctx, plan.id, ItemKind::tows, t.id);
        std::string extra = lang == Lang::en ? t.text : std::string();
        if (lang == Lang::ja && !t.text_en.empty()) extra = t.text_en + L::translated(lang);
        if (t.swot_ids.empty()) add_line(extra, L::no_combination(lang));
        for (const std::string& sid : t.swot_ids)
            for (const SwotItem& s : plan.swot)
                if (s.id == sid) add_line(extra, swot_label(s, lang) + ": " + s.text);
        if (ps.pinned == Link{LinkKind::tows, t.id}) add_line(extra, L::pinned(lang));
        handle_link(ctx, ps, b, Link{LinkKind::tows, t.id}, t.source.empty() ? plan.source : t.source, extra);

        // The plan items it became.
        ImGui::Indent(1.0f * em());
        for (std::size_t j = 0; j < t.node_ids.size(); ++j) {
            const int n = info.tree.find(t.node_ids[j]);
            if (n < 0) continue;
            const Node& node = plan.nodes[static_cast<std::size_t>(n)];
            ImGui::PushID(static_cast<int>(j));
            BlockOptions nopt;
            nopt.background = highlight_bg(linked, LinkKind::node, node.id, linked.nodes);
            std::string node_mark;
            mark_annotation(ctx, nopt, node_mark, plan.id, ItemKind::node, node.id);
            const BlockState nb = text_block("##node", {{"→\u00a0" + node_title(node, lang),
                                                        nopt.background ? text_color() : dim_text_color()}}, nopt);
            annotatable(ctx, plan.id, ItemKind::node, node.id);
            handle_link(ctx, ps, nb, Link{LinkKind::node, node.id}, node_source(plan, info.tree, n), node.name);
            if (nb.clicked && is_front && !ctx.screenshot) ctx.selection.select_node(node.id);
            ImGui::PopID();
        }
        ImGui::Unindent(1.0f * em());
        ImGui::PopID();
    }
    if (!any) text_wrapped_colored(dim_text_color(), L::none_in_source(lang));
}

void draw_tows_matrix(ViewContext& ctx, PanelState& ps, const Plan& plan, const PlanInfo& info, const Linked& linked,
                      bool is_front) {
    const Lang lang = ctx.lang;
    if (plan.tows.empty()) {
        text_wrapped_colored(dim_text_color(), L::no_tows(lang));
        return;
    }
    const float head_w = std::max(ImGui::CalcTextSize(quadrant_name(Quadrant::opportunity, lang)).x,
                                  ImGui::CalcTextSize(quadrant_name(Quadrant::threat, lang)).x) +
                         ImGui::CalcTextSize(" (O)").x + 0.6f * em();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInner | ImGuiTableFlags_SizingStretchSame |
                                  ImGuiTableFlags_PadOuterX | ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##tows_matrix", 3, flags)) return;
    ImGui::TableSetupColumn("##h", ImGuiTableColumnFlags_WidthFixed, std::min(head_w, 7.0f * em()));
    ImGui::TableSetupColumn("##s", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##w", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(1);
    text_wrapped_colored(quadrant_color(Quadrant::strength), std::string(quadrant_name(Quadrant::strength, lang)) + " (S)");
    ImGui::TableSetColumnIndex(2);
    text_wrapped_colored(quadrant_color(Quadrant::weakness), std::string(quadrant_name(Quadrant::weakness, lang)) + " (W)");

    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(quadrant_color(Quadrant::opportunity),
                         std::string(quadrant_name(Quadrant::opportunity, lang)) + " (O)");
    ImGui::TableSetColumnIndex(1);
    draw_tows_cell(ctx, ps, plan, info, linked, TowsType::SO, L::so, is_front);
    ImGui::TableSetColumnIndex(2);
    draw_tows_cell(ctx, ps, plan, info, linked, TowsType::WO, L::wo, is_front);

    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(quadrant_color(Quadrant::threat), std::string(quadrant_name(Quadrant::threat, lang)) + " (T)");
    ImGui::TableSetColumnIndex(1);
    draw_tows_cell(ctx, ps, plan, info, linked, TowsType::ST, L::st, is_front);
    ImGui::TableSetColumnIndex(2);
    draw_tows_cell(ctx, ps, plan, info, linked, TowsType::WT, L::wt, is_front);
    ImGui::EndTable();
}

void draw_linked_nodes(ViewContext& ctx, const Plan& plan, const PlanInfo& info, const Linked& linked, bool is_front) {
    const Lang lang = ctx.lang;
    if (linked.active.kind == LinkKind::none) {
        text_wrapped_colored(dim_text_color(), L::hint(lang));
        return;
    }
    text_wrapped_colored(dim_text_color(), L::linked_nodes(lang));
    if (linked.nodes.empty()) {
        text_wrapped_colored(dim_text_color(), L::no_linked_nodes(lang));
        return;
    }
    for (std::size_t j = 0; j < linked.nodes.size(); ++j) {
        const int n = info.tree.find(linked.nodes[j]);
        if (n < 0) continue;
        std::string path;
        for (int a : info.tree.path_to(n)) {
            const Node& an = plan.nodes[static_cast<std::size_t>(a)];
            if (!path.empty()) path += " › ";
            path += an.label.empty() ? an.name : an.label;
        }
        const Node& node = plan.nodes[static_cast<std::size_t>(n)];
        ImGui::PushID(static_cast<int>(j));
        BlockOptions opt;
        opt.background = accent_color(0.2f);
        std::string mark;
        mark_annotation(ctx, opt, mark, plan.id, ItemKind::node, node.id);
        const BlockState b = text_block("##linked", {{path, dim_text_color()}, {node_title(node, lang)}}, opt);
        annotatable(ctx, plan.id, ItemKind::node, node.id);
        source_tooltip_for(b.hovered && !ctx.screenshot, node_source(plan, info.tree, n), ctx.data.taxonomy, lang);
        if (b.clicked && is_front && !ctx.screenshot) ctx.selection.select_node(node.id);
        ImGui::PopID();
    }
}

void draw_panel(ViewContext& ctx, SwotState& st, int panel, const Plan& plan, const PlanInfo& info, bool is_front,
                const std::string& other_panel_plan) {
    const Lang lang = ctx.lang;
    const DataIndex& index = ctx.model.index;
    PanelState& ps = st.panels[panel];
    if (ps.plan_id != plan.id) ps = PanelState{plan.id, {}, {}, {}};

    // Active link: hover (last frame), else the pin, else the selected node of the current plan.
    Link active = ps.hovered_prev.kind != LinkKind::none ? ps.hovered_prev : ps.pinned;
    if (active.kind == LinkKind::none && is_front && !ctx.selection.node_id().empty()) {
        for (const TowsStrategy& t : plan.tows)
            if (std::find(t.node_ids.begin(), t.node_ids.end(), ctx.selection.node_id()) != t.node_ids.end())
                active = Link{LinkKind::node, ctx.selection.node_id()};
    }
    const Linked linked = linked_for(plan, active);
    ps.hovered_now = Link{};

    if (plan.is_synthetic) {
        badge(L::synthetic(lang), IM_COL32(200, 60, 60, 255));
    }
    heading(plan_title(plan, lang));
    text_wrapped_colored(dim_text_color(), municipality_name(ctx.data, plan.municipality_id, lang) + " · " +
                                               period_text(plan, lang) + (plan.status.empty() ? "" : " · " + plan.status));
    source_tooltip(plan.source, ctx.data.taxonomy, lang);
    ImGui::Spacing();

    if (plan.swot.empty() && plan.tows.empty()) {
        // Plainly: most plans have no SWOT in their source.
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::Indent(0.5f * em());
        ImGui::Dummy(ImVec2(0, 0.3f * em()));
        text_wrapped(L::no_swot(lang));
        ImGui::Dummy(ImVec2(0, 0.3f * em()));
        ImGui::Unindent(0.5f * em());
        const ImVec2 end(pos.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
        ImGui::GetWindowDrawList()->AddRect(pos, end, ImGui::GetColorU32(ImGuiCol_Border), 0.3f * em());
        ImGui::Spacing();
        // Plans that have one, except the one the other panel shows.
        std::vector<std::size_t> candidates;
        for (std::size_t k : index.plans_with_swot)
            if (ctx.data.plans[k].id != other_panel_plan) candidates.push_back(k);
        if (index.plans_with_swot.empty()) {
            text_wrapped_colored(dim_text_color(), L::no_plans_with_swot(lang));
        } else if (!candidates.empty()) {
            text_wrapped_colored(dim_text_color(), L::plans_with_swot(lang));
            for (std::size_t k = 0; k < candidates.size(); ++k) {
                const Plan& other = ctx.data.plans[candidates[k]];
                ImGui::PushID(static_cast<int>(k));
                const BlockState b = text_block("##goto", {{plan_long_label(ctx.data, other, lang)}},
                                                BlockOptions{ImGui::GetColorU32(ImGuiCol_Button), 0, {}, {}, 0});
                if (b.clicked) {
                    if (panel == 0) ctx.selection.select_plan(ctx.data, other.id);
                    else if (ctx.selection.plan_ids().size() >= 2) ctx.selection.select_second(ctx.data, {}, other.id);
                }
                ImGui::PopID();
            }
        }
        ps.hovered_prev = Link{};
        return;
    }

    text_wrapped_colored(heading_color(), L::swot_title(lang));
    if (!plan.swot.empty()) {
        draw_swot_grid(ctx, ps, plan, linked);
        if (std::any_of(plan.swot.begin(), plan.swot.end(), [](const SwotItem& s) { return !s.mapped(); })) {
            ImGui::Spacing();
            draw_unmapped_items(ctx, ps, plan, linked);
        }
    } else
        text_wrapped_colored(dim_text_color(), L::none_in_source(lang));
    ImGui::Spacing();
    const float tows_y = ImGui::GetCursorPosY();
    text_wrapped_colored(heading_color(), L::tows_title(lang));
    draw_tows_matrix(ctx, ps, plan, info, linked, is_front);
    ImGui::Spacing();
    draw_linked_nodes(ctx, plan, info, linked, is_front);
    ps.hovered_prev = ps.hovered_now;

    // The scroll anchor, by section (so it survives another screen size): a
    // slide's scrolls both panels there; plan A's scroll position names it.
    PendingScroll& scroll = st.scroll[panel];
    if (scroll.pending()) {
        scroll.scroll_to(scroll.anchor() == "tows" ? tows_y : 0.0f);
    } else if (panel == 0) {
        // Scrolled to the end, the lowest section in sight (scrolling to it comes back to the end).
        const float y = ImGui::GetScrollY();
        const float top = y >= ImGui::GetScrollMaxY() - 1.0f ? y + ImGui::GetWindowHeight() - 2.0f * ImGui::GetTextLineHeight() : y;
        st.anchor = y >= 1.0f && top >= tows_y - 1.0f ? "tows" : "";
    }
}

// A combo over all plans passing the filter (plus the current one); returns the chosen id.
bool plan_combo(ViewContext& ctx, const char* id, const Plan* current, bool allow_none, std::string& chosen) {
    const Lang lang = ctx.lang;
    const DataIndex& index = ctx.model.index;
    const std::string preview = current ? plan_long_label(ctx.data, *current, lang) : std::string(L::none_option(lang));
    bool changed = false;
    if (ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (allow_none && ImGui::Selectable(L::none_option(lang), current == nullptr)) {
            chosen.clear();
            changed = true;
        }
        for (std::size_t i = 0; i < ctx.data.plans.size(); ++i) {
            const Plan& p = ctx.data.plans[i];
            if (&p != current && !ctx.filter.passes(ctx.data, p)) continue;
            const bool has = index.plans[i].counts.swot_items > 0 || index.plans[i].counts.tows_strategies > 0;
            std::string label = (has ? std::string(L::swot_mark(lang)) : std::string()) + plan_long_label(ctx.data, p, lang);
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(label.c_str(), &p == current)) {
                chosen = p.id;
                changed = true;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

// Plan A: the current plan; by default the first plan with a SWOT when nothing
// is selected. Plan B: the second selected plan, if any.
std::pair<const Plan*, const Plan*> shown_plans(const ViewContext& ctx) {
    const DataIndex& index = ctx.model.index;
    const Plan* a = nullptr;
    if (!ctx.selection.plan_ids().empty()) a = ctx.data.find_plan(ctx.selection.front_plan());
    if (!a && !index.plans_with_swot.empty()) a = &ctx.data.plans[index.plans_with_swot.front()];
    if (!a) a = current_plan(ctx);
    const Plan* b = ctx.selection.plan_ids().size() >= 2 ? ctx.data.find_plan(ctx.selection.plan_ids()[1]) : nullptr;
    if (b == a) b = nullptr;
    return {a, b};
}

// The two plan pickers: the plan (A) and the one beside it (B, optional); then "Export table".
void draw_pickers(ViewContext& ctx, const Plan* a, const Plan* b, View& view, TableExport& table_export) {
    const Lang lang = ctx.lang;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float label_a = ImGui::CalcTextSize(L::plan_a(lang)).x;
    const float label_b = ImGui::CalcTextSize(L::plan_b(lang)).x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float combo_w = std::max((avail - label_a - label_b - 4 * spacing - 1.0f * em()) * 0.5f, 8.0f * em());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(L::plan_a(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(combo_w);
    std::string chosen;
    if (plan_combo(ctx, "##plan_a", a, false, chosen) && !chosen.empty()) {
        const auto& ids = ctx.selection.plan_ids();
        if (ids.size() >= 2 && ids[1] == chosen) ctx.selection.swap_first_two(ctx.data);
        else {
            ctx.selection.select_plan(ctx.data, chosen);
            if (b && b->id != chosen) ctx.selection.select_second(ctx.data, chosen, b->id);  // B stays beside it
        }
    }
    same_line_if_fits(label_b + combo_w + spacing, 1.0f * em());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(L::plan_b(lang));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(combo_w);
    if (plan_combo(ctx, "##plan_b", b, true, chosen)) {
        if (chosen.empty()) ctx.selection.drop_second();
        else if (!a || chosen != a->id) ctx.selection.select_second(ctx.data, a ? a->id : std::string(), chosen);
    }
    same_line_if_fits(8 * em(), 1.0f * em());
    export_table_button(ctx, view, table_export);
    ImGui::Separator();
}

class SwotView final : public View {
public:
    const char* id() const override { return "swot"; }
    const char* title(Lang lang) const override { return L::tab_title(lang); }
    bool shows_selected_plans() const override { return true; }
    void draw(ViewContext& ctx) override;
    // The section at the top of plan A's panel: "tows"; empty = the top.
    std::string save_anchor() const override { return st_.anchor; }
    void restore_anchor(const std::string& anchor) override {
        st_.anchor = anchor == "tows" ? anchor : std::string();
        for (PendingScroll& scroll : st_.scroll) scroll.set(st_.anchor);
    }
    void append_strings(std::vector<const char*>& out) const override { WS_SWOT_STRINGS(WS_STR_COLLECT) }
    std::optional<Table> table(ViewContext& ctx) override {
        const auto [a, b] = shown_plans(ctx);
        std::vector<const Plan*> plans;
        if (a) plans.push_back(a);
        if (b) plans.push_back(b);
        return swot_table(ctx.data, plans, ctx.lang == Lang::en);
    }

private:
    SwotState st_;
    TableExport table_export_;
};

void SwotView::draw(ViewContext& ctx) {
    const DataIndex& index = ctx.model.index;
    if (ctx.data.plans.empty()) return;

    const auto [a, b] = shown_plans(ctx);

    // Pickers (not for the room: each panel names its plan).
    if (!ctx.presenting) draw_pickers(ctx, a, b, *this, table_export_);

    const bool a_front = a && ctx.selection.is_front(a->id);
    const int ia = a ? index.plan_index(a->id) : -1;
    const int ib = b ? index.plan_index(b->id) : -1;
    const float height = ImGui::GetContentRegionAvail().y;
    if (ib < 0) {
        st_.scroll[1].cancel();  // no second panel to scroll
        ImGui::BeginChild("##swot_a", ImVec2(0, height), false);
        if (ia >= 0) draw_panel(ctx, st_, 0, *a, index.plans[static_cast<std::size_t>(ia)], a_front, {});
        ImGui::EndChild();
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame |
        ImGuiTableFlags_NoSavedSettings;
    if (!ImGui::BeginTable("##swot_panels", 2, flags, ImVec2(0, height))) return;
    ImGui::TableNextRow();
    const float child_h = height - 2 * ImGui::GetStyle().CellPadding.y;
    ImGui::TableSetColumnIndex(0);
    ImGui::BeginChild("##swot_a", ImVec2(0, child_h), false);
    if (ia >= 0) draw_panel(ctx, st_, 0, *a, index.plans[static_cast<std::size_t>(ia)], a_front, b->id);
    ImGui::EndChild();
    ImGui::TableSetColumnIndex(1);
    ImGui::BeginChild("##swot_b", ImVec2(0, child_h), false);
    draw_panel(ctx, st_, 1, *b, index.plans[static_cast<std::size_t>(ib)], false, a ? a->id : std::string());
    ImGui::EndChild();
    ImGui::EndTable();
}

}  // namespace

std::unique_ptr<View> make_swot_view() { return std::make_unique<SwotView>(); }

}  // namespace wardscope::ui
