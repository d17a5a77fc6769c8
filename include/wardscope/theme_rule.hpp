// The one counting rule for themes: which items of a plan are counted, which
// themes an item carries, and whether a plan covers a theme. The filter bar,
// the heatmap (cells, totals, tooltips, drill-downs), compare's theme profile,
// the theme drill-across and every export count through these functions
// (docs/schema.md, "Counting themes", gives the same rule in SQL).
//
//  - Levels: a plan declares its levels, top first, and which one is the
//    measure level (format 1: pillar, strategy, policy, measure). Headings
//    are nodes above the measure level with something beneath them; details
//    are nodes below the measure level that belong to a counted item above
//    them (事務事業 under a 施策課題 that is the measure).
//  - Counted items: the nodes at the measure level; every leaf above it (a
//    heading under which the plan lists nothing stands for itself); and a
//    node below it whose parent is above it (nothing at the measure level
//    between). So a 5-level plan counts each path once: never a measure and
//    its 事務事業 both. A plan without a measure level counts its leaves.
//  - An item carries theme T when T is tagged on the item itself or on one
//    of its details (by hand or by a keyword rule), or tagged by hand on any
//    of its ancestors — through every parent of a cross-listed item (再掲),
//    which is one item and counted once. The plans state a theme where they
//    state it for everything beneath: 戦略4 「事業者間ネットワークの構築…」 is
//    about networks, and so is each of its measures. A keyword rule is a
//    match in one node's text; a heading's long text matches keywords of
//    themes its measures need not pursue, so a heading's rule tags are not
//    passed on (they would count 33 of Kita's 41 measures as 教育).
//  - A plan covers T when at least one of its counted items carries T.
//
// Every node is a counted item, a detail of one, or a heading with one
// beneath it, so a plan covers T exactly when some node carries a hand tag T
// or some node that is not a heading its own rule tag T.
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
    bool by_hand = false;  // tagged by a person (else: the item's own keyword-rule tag)
};

// Whether `node` (an index into Plan::nodes) is a counted item.
bool is_counted_item(const Plan& plan, const PlanTree& tree, int node);
// Whether `node` is a detail: below the measure level, part of a counted item above it.
bool is_detail(const Plan& plan, const PlanTree& tree, int node);

// The themes `node` carries, each once: its own tags in tag order, then its
// ancestors' hand tags, nearest first, then its details' tags.
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

// Whether the plan covers the theme. Cheap (no tree, for the filter bar every
// frame): by the argument above; a test checks that it agrees with
// counted_items on the bundled and the synthetic data.
bool plan_covers(const Plan& plan, std::string_view theme_id);

}  // namespace wardscope
