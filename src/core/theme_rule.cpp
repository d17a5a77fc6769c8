#include "wardscope/theme_rule.hpp"

#include <algorithm>

namespace wardscope {

namespace {

const Node& at(const Plan& plan, int node) { return plan.nodes[static_cast<std::size_t>(node)]; }

// A level the plan does not declare (never in a valid file) ranks at the top.
int rank_of(const Plan& plan, const Node& node) { return std::max(plan.level_rank(node.level), 0); }

bool valid(const Plan& plan, int node) { return node >= 0 && static_cast<std::size_t>(node) < plan.nodes.size(); }

}  // namespace

bool is_counted_item(const Plan& plan, const PlanTree& tree, int node) {
    if (!valid(plan, node)) return false;
    const int m = plan.measure_rank();
    const int r = rank_of(plan, at(plan, node));
    if (r == m) return true;
    if (r < m) return tree.is_leaf(node);
    const int parent = tree.parent[static_cast<std::size_t>(node)];
    return parent < 0 || rank_of(plan, at(plan, parent)) < m;
}

bool is_detail(const Plan& plan, const PlanTree& tree, int node) {
    return valid(plan, node) && rank_of(plan, at(plan, node)) > plan.measure_rank() && !is_counted_item(plan, tree, node);
}

namespace {

// The walks of carried_themes, with their scratch space kept between the
// items of one plan: counted_items walks every item, and allocating per item
// was most of the model's start-up cost (issue #11).
class ThemeWalk {
public:
    ThemeWalk(const Plan& plan, const PlanTree& tree) : plan_(plan), tree_(tree), seen_(plan.nodes.size(), 0) {}

    std::vector<CarriedTheme> carried(int node) {
        std::vector<CarriedTheme> out;
        if (!valid(plan_, node)) return out;
        auto carry = [&](int k, const ThemeTag& tag) {
            auto it = std::find_if(out.begin(), out.end(), [&](const CarriedTheme& c) { return c.theme_id == tag.theme_id; });
            if (it == out.end()) out.push_back({tag.theme_id, k, tag.origin == TagOrigin::hand});
            else if (tag.origin == TagOrigin::hand) it->by_hand = true;
        };
        for (const ThemeTag& tag : at(plan_, node).themes) carry(node, tag);
        // Its ancestors' hand tags, nearest first, through every parent (a cross-listed item has several).
        mark(node);
        wave_.assign(1, node);
        while (!wave_.empty()) {
            next_.clear();
            for (int k : wave_) {
                auto visit = [&](int p) {
                    if (p < 0 || seen_[static_cast<std::size_t>(p)]) return;
                    mark(p);
                    next_.push_back(p);
                    for (const ThemeTag& tag : at(plan_, p).themes)
                        if (tag.origin == TagOrigin::hand) carry(p, tag);
                };
                visit(tree_.parent[static_cast<std::size_t>(k)]);
                for (int p : tree_.also_under[static_cast<std::size_t>(k)]) visit(p);
            }
            std::swap(wave_, next_);
        }
        // The details below it (below the measure level): parts of the item, every tag.
        below_.assign(1, node);
        while (!below_.empty()) {
            const int k = below_.back();
            below_.pop_back();
            for (int c : tree_.children[static_cast<std::size_t>(k)])
                if (is_detail(plan_, tree_, c) && !seen_[static_cast<std::size_t>(c)]) {
                    mark(c);
                    for (const ThemeTag& tag : at(plan_, c).themes) carry(c, tag);
                    below_.push_back(c);
                }
        }
        for (int k : marked_) seen_[static_cast<std::size_t>(k)] = 0;  // clean for the next item
        marked_.clear();
        return out;
    }

private:
    void mark(int k) {
        seen_[static_cast<std::size_t>(k)] = 1;
        marked_.push_back(k);
    }
    const Plan& plan_;
    const PlanTree& tree_;
    std::vector<char> seen_;
    std::vector<int> marked_, wave_, next_, below_;
};

}  // namespace

std::vector<CarriedTheme> carried_themes(const Plan& plan, const PlanTree& tree, int node) {
    return ThemeWalk(plan, tree).carried(node);
}

const CarriedTheme* CountedItems::Item::find(std::string_view theme_id) const {
    for (const CarriedTheme& c : themes)
        if (c.theme_id == theme_id) return &c;
    return nullptr;
}

CountedItems counted_items(const Plan& plan, const PlanTree& tree) {
    CountedItems out;
    out.has_measures = std::any_of(plan.nodes.begin(), plan.nodes.end(),
                                   [&](const Node& n) { return !plan.measure_level.empty() && n.level == plan.measure_level; });
    ThemeWalk walk(plan, tree);
    for (std::size_t i = 0; i < plan.nodes.size(); ++i) {
        const int node = static_cast<int>(i);
        if (!is_counted_item(plan, tree, node)) continue;
        out.items.push_back({node, walk.carried(node)});
    }
    return out;
}

CountedItems counted_items(const Plan& plan) { return counted_items(plan, build_plan_tree(plan)); }

bool plan_covers(const Plan& plan, std::string_view theme_id) {
    // A hand tag anywhere reaches a counted item (the node itself, one beneath
    // it, or the item it is a detail of).
    std::vector<std::string_view> rule_tagged;  // nodes with a keyword-rule tag only
    for (const Node& n : plan.nodes)
        for (const ThemeTag& t : n.themes)
            if (t.theme_id == theme_id) {
                if (t.origin == TagOrigin::hand) return true;
                rule_tagged.push_back(n.id);
            }
    // A keyword-rule tag counts on any node but a heading: a node above the
    // measure level with something beneath it.
    const int m = plan.measure_rank();
    for (const Node& n : plan.nodes) {
        if (std::find(rule_tagged.begin(), rule_tagged.end(), n.id) == rule_tagged.end()) continue;
        if (rank_of(plan, n) >= m) return true;
        const bool has_child = std::any_of(plan.nodes.begin(), plan.nodes.end(), [&](const Node& c) {
            return c.parent_id == n.id || std::find(c.also_under.begin(), c.also_under.end(), n.id) != c.also_under.end();
        });
        if (!has_child) return true;
    }
    return false;
}

}  // namespace wardscope
