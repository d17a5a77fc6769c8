// What every view receives each frame. Views read from the retained models
// here (built once per data change) and never query SQLite themselves.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope::ui {

enum class Lang { ja, en };

enum class ViewId { timeline, explorer, swot, heatmap, compare, kpi };
inline constexpr ViewId all_views[] = {ViewId::timeline, ViewId::explorer, ViewId::swot,
                                       ViewId::heatmap,  ViewId::compare,  ViewId::kpi};

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

struct DerivedModels;  // ui/derived_models.hpp: figures built once per data change

struct ViewContext {
    const Dataset& data;
    const DerivedModels& derived;
    Selection& selection;
    Filter& filter;
    Lang lang = Lang::ja;
    float scale = 1.0f;     // UI scale (font size / base size)
    int current_fiscal_year = 0;
    bool screenshot = false;  // rendering for `wardscope shot`: no hover state, deterministic
    struct DataEditor* editor = nullptr;  // ui/data_editor.hpp; null: read-only (shots, tests)
};

// One function per view, one source file per view (src/ui/view_<name>.cpp).
void draw_timeline_view(ViewContext& ctx);
void draw_explorer_view(ViewContext& ctx);
void draw_swot_view(ViewContext& ctx);
void draw_heatmap_view(ViewContext& ctx);
void draw_compare_view(ViewContext& ctx);
void draw_kpi_view(ViewContext& ctx);

}  // namespace wardscope::ui
