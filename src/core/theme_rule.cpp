#include "wardscope/theme_rule.hpp"

#include <algorithm>

namespace wardscope {

bool is_counted_item(const Plan& plan, const PlanTree& tree, int node) {
    if (node < 0 || static_cast<std::size_t>(node) >= plan.nodes.size()) return false;
    return plan.nodes[static_cast<std::size_t>(node)].level == NodeLevel::measure || tree.is_leaf(node);
}

std::vector<CarriedTheme> carried_themes(const Plan& plan, const PlanTree& tree, int node) {
    std::vector<CarriedTheme> out;
    if (node < 0 || static_cast<std::size_t>(node) >= plan.nodes.size()) return out;
    std::size_t steps = 0;  // defensive: the tree has no cycles by construction
    for (int k = node; k >= 0 && steps++ <= plan.nodes.size(); k = tree.parent[static_cast<std::size_t>(k)]) {
        for (const ThemeTag& tag : plan.nodes[static_cast<std::size_t>(k)].themes) {
            if (k != node && tag.origin != TagOrigin::hand) continue;  // ancestors pass on their hand tags only
            auto it = std::find_if(out.begin(), out.end(), [&](const CarriedTheme& c) { return c.theme_id == tag.theme_id; });
            if (it == out.end()) {
                out.push_back({tag.theme_id, k, tag.origin == TagOrigin::hand});
            } else if (tag.origin == TagOrigin::hand) {
                it->by_hand = true;
            }
        }
    }
    return out;
}

const CarriedTheme* CountedItems::Item::find(std::string_view theme_id) const {
    for (const CarriedTheme& c : themes)
        if (c.theme_id == theme_id) return &c;
    return nullptr;
}

CountedItems counted_items(const Plan& plan, const PlanTree& tree) {
    CountedItems out;
    out.has_measures = std::any_of(plan.nodes.begin(), plan.nodes.end(),
                                   [](const Node& n) { return n.level == NodeLevel::measure; });
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const int node = static_cast<int>(i);
        if (!is_counted_item(plan, tree, node)) continue;
        out.items.push_back({node, carried_themes(plan, tree, node)});
    }
    return out;
}

CountedItems counted_items(const Plan& plan) { return counted_items(plan, build_plan_tree(plan)); }

bool plan_covers(const Plan& plan, std::string_view theme_id) {
    // A hand tag anywhere reaches a counted item (the node itself or one beneath it).
    std::vector<std::string_view> rule_tagged;  // nodes with a keyword-rule tag only
    for (const Node& n : plan.nodes)
        for (const ThemeTag& t : n.themes)
            if (t.theme_id == theme_id) {
                if (t.origin == TagOrigin::hand) return true;
                rule_tagged.push_back(n.id);
            }
    // A keyword-rule tag counts on a counted item only: a measure, or a node without children.
    for (const Node& n : plan.nodes) {
        if (std::find(rule_tagged.begin(), rule_tagged.end(), n.id) == rule_tagged.end()) continue;
        if (n.level == NodeLevel::measure) return true;
        const bool has_child = std::any_of(plan.nodes.begin(), plan.nodes.end(),
                                           [&](const Node& c) { return c.parent_id == n.id; });
        if (!has_child) return true;
    }
    return false;
}

}  // namespace wardscope
