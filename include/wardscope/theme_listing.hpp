// Theme drill-across: every counted item carrying one theme across a set of
// plans, grouped by municipality and plan (the heatmap's grouped row order),
// with where each was read and where it got the theme from. Counts follow the
// one counting rule (theme_rule.hpp), so a plan's group holds exactly the
// items behind its heatmap cell. Plain C++: no SQLite, no ImGui.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

struct ThemeListingItem {
    int node_index = -1;                // into Plan::nodes
    int tagged_at = -1;                 // the node the theme is tagged on: the item itself, or an ancestor
    bool by_hand = false;               // tagged by a person (else only by a keyword rule)
    const SourceRef* source = nullptr;  // the item's source, else its nearest ancestor's, else the plan's; never null
    bool inherited_source = false;
};

struct ThemeListingPlan {
    std::size_t plan_index = 0;  // into Dataset::plans
    int plan_items = 0;          // the plan's counted items (the heatmap row's total)
    int carrying = 0;            // of them, carrying the theme (the heatmap cell), before the text filter
    std::vector<ThemeListingItem> items;  // carrying and matching the text filter, in plan order
};

struct ThemeListingGroup {
    std::string municipality_id;
    std::vector<ThemeListingPlan> plans;  // oldest first, as the heatmap's grouped rows
};

struct ThemeListing {
    std::string theme_id;
    std::vector<ThemeListingGroup> groups;  // municipalities with at least one listed item
    int items = 0;                          // listed items (after the text filter)
    int carrying = 0;                       // items carrying the theme in all the plans (before it)
    int plans_covering = 0;                 // plans with at least one carrying item
};

// Every item of `plans` (indices into data.plans; out of range and repeats
// ignored) carrying `theme_id`. `query` (blank = all) keeps the items whose
// label, name, English name or description, their plan's title or their
// municipality's name contain it, compared as search folds (NFKC, case).
ThemeListing list_theme_items(const Dataset& data, const std::vector<std::size_t>& plans, std::string_view theme_id,
                              std::string_view query = {});

// The listing as CSV (CsvWriter): one row per item with its municipality,
// plan, path, the node carrying the tag and the source. Japanese headers and
// names; `english` takes English names where there are any.
std::string theme_listing_to_csv(const Dataset& data, const ThemeListing& listing, bool english = false);

}  // namespace wardscope
