// The one counting rule for themes: which items of a plan are counted, which
// themes an item carries, and whether a plan covers a theme. The filter bar,
// the heatmap (cells, totals, tooltips, drill-downs), compare's theme profile,
// the theme drill-across and every export count through these functions
// (docs/schema.md, "Counting themes", gives the same rule in SQL).
//
//  - Counted items: a plan's measure-level nodes, and every leaf above the
//    measure level (a heading under which the plan lists no measures stands
//    for itself). A plan without measures thus counts its leaves.
//  - An item carries theme T when T is tagged on the item itself or on any of
//    its ancestors (hand or keyword-rule tags alike). The plans state a theme
//    where they state it for everything beneath: 戦略4 「事業者間ネットワーク
//    の構築…」 is about networks, and so is each of its measures.
//  - A plan covers T when at least one of its counted items carries T.
//
// Every node is a counted item or has one beneath it (a non-leaf has a leaf
// below, and every leaf is counted), so a plan covers T exactly when some node
// of the plan is tagged T: no tag is ever invisible to the counts.
// Plain C++: no SQLite, no ImGui.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"
#include "wardscope/plan_index.hpp"

namespace wardscope {

// One theme an item carries.
struct CarriedTheme {
    std::string theme_id;
    int tagged_at = -1;    // the nearest node on the item's path (itself first) tagged with it; == item: its own tag
    bool by_hand = false;  // a tag for it on that path was assigned by a person (else only by a keyword rule)
};

// Whether `node` (an index into Plan::nodes) is a counted item.
bool is_counted_item(const Plan& plan, const PlanTree& tree, int node);

// The themes `node` carries, each once: its own tags in tag order, then its
// ancestors', nearest first.
std::vector<CarriedTheme> carried_themes(const Plan& plan, const PlanTree& tree, int node);

// Every counted item of a plan, in plan order, with the themes it carries.
struct CountedItems {
    struct Item {
        int node = -1;                      // into Plan::nodes
        std::vector<CarriedTheme> themes;   // carried_themes(node)
        const CarriedTheme* find(std::string_view theme_id) const;  // null when it does not carry it
    };
    std::vector<Item> items;
    bool has_measures = false;  // false: the plan has no measure level, its leaves are counted
};

CountedItems counted_items(const Plan& plan, const PlanTree& tree);
CountedItems counted_items(const Plan& plan);

// Whether the plan covers the theme. Cheap (no tree): by the argument above it
// is whether any node of the plan is tagged with it; a test checks that it
// agrees with counted_items on the bundled and the synthetic data.
bool plan_covers(const Plan& plan, std::string_view theme_id);

}  // namespace wardscope
