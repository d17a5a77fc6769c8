// Theme drill-across: every measure carrying one theme across the plans a
// view shows, grouped by municipality and plan, with sources, a text filter
// and a CSV export (the listing is the core's: wardscope/theme_listing.hpp).
// The heatmap opens it from a column heading.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ui/view_context.hpp"
#include "wardscope/theme_listing.hpp"

namespace wardscope::ui {

// What a view keeps (and saves with its options): the theme and the filter text.
struct ThemeAcrossState {
    std::string theme_id;  // "" = closed
    std::string query;
};

// What the widget builds and keeps between frames: the listing for the state
// and the plans, and the export's path and last message. Reset it on a data change.
struct ThemeAcrossCache {
    bool valid = false;
    std::string theme_id, query;
    std::vector<std::size_t> plans;
    ThemeListing listing;
    std::string export_path;  // "" = the default beside the user's home
    std::string message;
    bool message_error = false;
};

// The listing, rebuilt only when the theme, the text or the plans change.
const ThemeListing& theme_across_listing(const ViewContext& ctx, const ThemeAcrossState& st, ThemeAcrossCache& cache,
                                         const std::vector<std::size_t>& plans);

// Draws the panel in the current window; clears st.theme_id when closed.
// `plans`: indices into ctx.data.plans (the view's rows).
void draw_theme_across(ViewContext& ctx, ThemeAcrossState& st, ThemeAcrossCache& cache,
                       const std::vector<std::size_t>& plans);

void append_theme_across_strings(std::vector<const char*>& out);

}  // namespace wardscope::ui
