#include "ui/widgets/theme_across.hpp"

#include <algorithm>
#include <cstdlib>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/plot/plot.hpp"
#include "ui/widgets/annotations.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/safe_files.hpp"

namespace wardscope::ui {
namespace {

// X(name, ja, en)
#define WS_ACROSS_STRINGS(X)                                                                                   \
    X(title_fmt, "「%s」の施策（全計画）", "“%s” measures across plans")                                      \
    X(count_fmt, "施策 %d · %d計画", "%d {measure|measures} · %d {plan|plans}")                                                 \
    X(shown_fmt, "（うち %d 件を表示）", " (%d shown)")                                                          \
    X(filter_hint, "絞り込み（施策名・計画・自治体）", "Filter (measure, plan, municipality)")                  \
    X(plan_count_fmt, "%d / %d施策", "%d of %d {measure|measures}")                                                       \
    X(inherited_fmt, "%s から", "from %s")                                                                      \
    X(inherited_tip, "見出しに付いたテーマ: その下の施策はすべてこのテーマを含みます",                            \
      "Theme tagged on a heading: every measure beneath it carries the theme")                                  \
    X(keyword, "キーワード", "keyword")                                                                         \
    X(none, "このテーマを含む施策はありません。", "No measure carries this theme.")                             \
    X(no_match, "絞り込みに合う施策はありません。", "No measure matches the filter.")                           \
    X(close, "閉じる", "Close")                                                                                 \
    X(export_to, "書き出し先", "Export to")                                                                      \
    X(export_csv, "CSV 書き出し", "Export CSV")                                                                  \
    X(wrote_fmt, "%d 件を書き出しました: %s", "Wrote %d {item|items}: %s")                                              \
    X(write_failed, "書き出せませんでした: ", "Could not write: ")                                              \
    X(select_tip, "クリックでこの施策を選択", "Click to select this measure")                                    \
    X(source_fmt, "出典: %s", "Source: %s")

namespace S {
WS_ACROSS_STRINGS(WS_STR_DECLARE)
}  // namespace S

std::string default_export_path(const std::string& theme_id) {
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/wardscope-theme-" + theme_id + ".csv";
}

void write_export(const ViewContext& ctx, ThemeAcrossCache& cache) {
    std::string path = cache.export_path;
    const std::string ext = ".csv";
    if (path.size() < ext.size() || path.compare(path.size() - ext.size(), ext.size(), ext) != 0) path += ext;
    try {  // whole or not at all (wardscope/safe_files.hpp)
        write_file_atomically(path, theme_listing_to_csv(ctx.data, cache.listing, ctx.lang == Lang::en));
        cache.message_error = false;
        cache.message = format(S::wrote_fmt(ctx.lang), cache.listing.items, path.c_str());
    } catch (const Error& e) {
        cache.message_error = true;
        cache.message = std::string(S::write_failed(ctx.lang)) + e.what();
    }
}

void draw_item(ViewContext& ctx, const Plan& plan, const PlanTree& tree, const ThemeListingItem& item, int k) {
    const Lang lang = ctx.lang;
    const Node& node = plan.nodes[static_cast<std::size_t>(item.node_index)];
    std::string path;  // the headings above, by label ("戦略1 › 方針2"), the parent also by name
    const std::vector<int> chain = tree.path_to(item.node_index);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        const Node& an = plan.nodes[static_cast<std::size_t>(chain[i])];
        if (!path.empty()) path += " › ";
        path += i + 2 == chain.size() || an.label.empty() ? node_title(an, lang) : an.label;
    }
    const std::string source = format(S::source_fmt(lang), source_text(ctx.data.taxonomy, *item.source).c_str());
    std::string note;
    if (item.tagged_at != item.node_index) {
        const Node& from = plan.nodes[static_cast<std::size_t>(item.tagged_at)];
        note = format(S::inherited_fmt(lang), (from.label.empty() ? node_title(from, lang) : from.label).c_str());
    }
    if (!item.by_hand) note += (note.empty() ? "" : " · ") + std::string(S::keyword(lang));
    BlockOptions opt;
    opt.note = note;
    if (ctx.selection.is_front(plan.id) && ctx.selection.node_id() == node.id) opt.background = accent_color(0.25f);
    std::string mark;
    mark_annotation(ctx, opt, mark, plan.id, ItemKind::node, node.id);
    ImGui::PushID(k);
    const BlockState b = text_block("##item", {{path, dim_text_color()}, {node_title(node, lang), 0}, {source, dim_text_color()}}, opt);
    ImGui::PopID();
    annotatable(ctx, plan.id, ItemKind::node, node.id);
    if (probes_enabled())
        record_probe("heatmap.across.item/" + plan.id + "/" + node.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (b.hovered && !ctx.screenshot) {
        std::string tip = S::select_tip(lang);
        if (item.tagged_at != item.node_index) tip += std::string("\n") + S::inherited_tip(lang);
        plot::tooltip(tip);
    }
    if (b.clicked) ctx.selection.select_plan(ctx.data, plan.id, node.id);
}

}  // namespace

void append_theme_across_strings(std::vector<const char*>& out) { WS_ACROSS_STRINGS(WS_STR_COLLECT) }

const ThemeListing& theme_across_listing(const ViewContext& ctx, const ThemeAcrossState& st, ThemeAcrossCache& cache,
                                         const std::vector<std::size_t>& plans) {
    if (!cache.valid || cache.theme_id != st.theme_id || cache.query != st.query || cache.plans != plans) {
        cache.valid = true;
        if (cache.theme_id != st.theme_id) {  // another theme: its own default file, unless the user typed one
            cache.message.clear();
            if (cache.export_path == default_export_path(cache.theme_id)) cache.export_path.clear();
        }
        cache.theme_id = st.theme_id;
        cache.query = st.query;
        cache.plans = plans;
        cache.listing = list_theme_items(ctx.data, plans, st.theme_id, st.query);
    }
    return cache.listing;
}

void draw_theme_across(ViewContext& ctx, ThemeAcrossState& st, ThemeAcrossCache& cache,
                       const std::vector<std::size_t>& plans) {
    const Lang lang = ctx.lang;
    const float E = em();
    const ThemeListing& listing = theme_across_listing(ctx, st, cache, plans);
    heading(format(S::title_fmt(lang), theme_label(ctx.data.taxonomy, st.theme_id, lang).c_str()));
    {
        const float w = ImGui::CalcTextSize(S::close(lang)).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SameLine(std::max(ImGui::GetWindowContentRegionMax().x - w, ImGui::GetCursorPosX()));
        const bool close = ImGui::SmallButton(S::close(lang));
        if (probes_enabled()) record_probe("heatmap.across.close", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        if (close) {
            st.theme_id.clear();
            return;
        }
    }
    std::string count = format(S::count_fmt(lang), listing.carrying, listing.plans_covering);
    if (listing.items != listing.carrying) count += format(S::shown_fmt(lang), listing.items);
    text_wrapped_colored(dim_text_color(), count);
    // End-to-end tests read what is listed.
    if (probes_enabled())
        record_probe("heatmap.across", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), listing.items, listing.carrying,
                     st.theme_id);
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##across_filter", S::filter_hint(lang), &st.query);
    if (ImGui::IsItemActive()) ensure_glyphs(st.query);
    if (!ctx.screenshot) {
        if (cache.export_path.empty()) cache.export_path = default_export_path(st.theme_id);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(S::export_to(lang));
        ImGui::SameLine();
        const float bw = ImGui::CalcTextSize(S::export_csv(lang)).x + 2 * ImGui::GetStyle().FramePadding.x + 0.5f * E;
        ImGui::SetNextItemWidth(std::max(6 * E, ImGui::GetContentRegionAvail().x - bw));
        ImGui::InputText("##across_path", &cache.export_path);
        if (ImGui::IsItemActive()) ensure_glyphs(cache.export_path);
        ImGui::SameLine();
        if (ImGui::Button(S::export_csv(lang))) write_export(ctx, cache);
        if (!cache.message.empty())
            text_wrapped_colored(cache.message_error ? IM_COL32(255, 110, 80, 255) : dim_text_color(), cache.message);
    }
    ImGui::Spacing();
    if (listing.items == 0) {
        text_wrapped_colored(dim_text_color(), listing.carrying == 0 ? S::none(lang) : S::no_match(lang));
        return;
    }
    int k = 0;
    for (const ThemeListingGroup& g : listing.groups) {
        ImGui::Spacing();
        heading(municipality_name(ctx.data, g.municipality_id, lang));
        for (const ThemeListingPlan& lp : g.plans) {
            const Plan& plan = ctx.data.plans[lp.plan_index];
            const std::string years = years_text(plan);
            text_wrapped(plan_title(plan, lang) + (years.empty() ? "" : "  " + years));
            text_wrapped_colored(dim_text_color(), format(S::plan_count_fmt(lang), lp.carrying, lp.plan_items));
            if (probes_enabled())
                record_probe("heatmap.across.plan/" + plan.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                             static_cast<double>(lp.items.size()), lp.carrying);
            const PlanTree& tree = ctx.model.index.plans[lp.plan_index].tree;
            ImGui::Indent(0.6f * E);
            for (const ThemeListingItem& item : lp.items) draw_item(ctx, plan, tree, item, k++);
            ImGui::Unindent(0.6f * E);
        }
    }
}

}  // namespace wardscope::ui
