// What every view receives each frame. Views read from the retained models
// here (built once per data change) and never query SQLite themselves.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ui/plot/plot_scale.hpp"
#include "wardscope/coverage.hpp"
#include "wardscope/model.hpp"

namespace wardscope::ui {

enum class Lang { ja, en };

enum class ViewId { timeline, explorer, swot, heatmap, compare, kpi, notes };
inline constexpr ViewId all_views[] = {ViewId::timeline, ViewId::explorer, ViewId::swot, ViewId::heatmap,
                                       ViewId::compare,  ViewId::kpi,      ViewId::notes};

// Linked selection: choosing a municipality or plan in any view selects it in all.
struct Selection {
    std::vector<std::string> plan_ids;  // ordered; first is the "current" plan
    std::string municipality_id;
    std::string node_id;                // within plan_ids.front(), may be empty
};

// The one filter bar, applied by every view.
struct Filter {
    std::set<std::string> municipality_ids;  // empty = all
    std::set<std::string> plan_kinds;        // empty = all
    std::string municipality_kind;           // "", "区", "市"
    int fiscal_year_from = 0;                // 0 = open
    int fiscal_year_to = 0;
    std::string theme_id;                    // "" = any
};

// The views' own choices, kept by the shell so that a slide can save and
// restore them (view_options.cpp names them for the slide's JSON).
struct HeatmapOptions {
    CoverageMode mode = CoverageMode::count;
    CoverageRowSort row_sort = CoverageRowSort::grouped;
    CoverageColSort col_sort = CoverageColSort::taxonomy;
    plot::Colormap colormap = plot::Colormap::viridis;
    std::string cell_plan, cell_theme;  // the drill-down cell; empty = none chosen
};
struct KpiOptions {
    bool bars = false;  // results as bars from zero instead of a line
    std::string focus_plan, focus_indicator;
};
struct NotesOptions {
    int kind = -1;      // -1 = every kind, else an ItemKind
    int min_vote = 0;   // 0 = with or without a vote
    bool in_filter_only = true;  // only plans passing the filter bar
};
struct ViewOptions {
    HeatmapOptions heatmap;
    KpiOptions kpi;
    NotesOptions notes;
};

struct DerivedModels;  // ui/derived_models.hpp: figures built once per data change

struct ViewContext {
    const Dataset& data;
    const DerivedModels& derived;
    Selection& selection;
    Filter& filter;
    ViewOptions& options;
    Lang lang = Lang::ja;
    float scale = 1.0f;     // UI scale (font size / base size)
    int current_fiscal_year = 0;
    bool screenshot = false;  // rendering for `wardscope shot`: no hover state, deterministic
    struct DataEditor* editor = nullptr;  // ui/data_editor.hpp; null: read-only (shots, tests)
    std::optional<ViewId> open_view = std::nullopt;  // set by a view to switch views after this frame
};

// One function per view, one source file per view (src/ui/view_<name>.cpp).
void draw_timeline_view(ViewContext& ctx);
void draw_explorer_view(ViewContext& ctx);
void draw_swot_view(ViewContext& ctx);
void draw_heatmap_view(ViewContext& ctx);
void draw_compare_view(ViewContext& ctx);
void draw_kpi_view(ViewContext& ctx);
void draw_notes_view(ViewContext& ctx);

}  // namespace wardscope::ui
