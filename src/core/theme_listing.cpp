#include "wardscope/theme_listing.hpp"

#include "wardscope/coverage.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/text_fold.hpp"
#include "wardscope/theme_rule.hpp"

namespace wardscope {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\u3000") == std::string_view::npos; }

bool contains_folded(std::string_view text, const std::string& folded_query) {
    return !text.empty() && fold_for_search(text).find(folded_query) != std::string::npos;
}

const std::string& name_for(const std::string& ja, const std::string& en, bool english) {
    return english && !en.empty() ? en : ja;
}

}  // namespace

ThemeListing list_theme_items(const Dataset& data, const std::vector<std::size_t>& plans, std::string_view theme_id,
                              std::string_view query) {
    ThemeListing out;
    out.theme_id = std::string(theme_id);
    const bool filtering = !blank(query);
    const std::string q = filtering ? fold_for_search(query) : std::string();
    for (std::size_t plan_index : grouped_plan_order(data, plans)) {
        const Plan& plan = data.plans[plan_index];
        const PlanTree tree = build_plan_tree(plan);
        const CountedItems counted = counted_items(plan, tree);
        ThemeListingPlan group;
        group.plan_index = plan_index;
        group.plan_items = static_cast<int>(counted.items.size());
        const Municipality* m = data.find_municipality(plan.municipality_id);
        const bool plan_matches = filtering && (contains_folded(plan.title, q) || contains_folded(plan.title_en, q) ||
                                                (m && (contains_folded(m->name_ja, q) || contains_folded(m->name_en, q))));
        for (const CountedItems::Item& item : counted.items) {
            const CarriedTheme* carried = item.find(theme_id);
            if (!carried) continue;
            ++group.carrying;
            const Node& n = plan.nodes[static_cast<std::size_t>(item.node)];
            if (filtering && !plan_matches && !contains_folded(n.label, q) && !contains_folded(n.name, q) &&
                !contains_folded(n.name_en, q) && !contains_folded(n.description, q))
                continue;
            ThemeListingItem li;
            li.node_index = item.node;
            li.tagged_at = carried->tagged_at;
            li.by_hand = carried->by_hand;
            li.source = nearest_source(plan, tree, item.node, &li.inherited_source);
            group.items.push_back(li);
        }
        out.carrying += group.carrying;
        out.plans_covering += group.carrying > 0 ? 1 : 0;
        if (group.items.empty()) continue;
        out.items += static_cast<int>(group.items.size());
        if (out.groups.empty() || out.groups.back().municipality_id != plan.municipality_id)
            out.groups.push_back({plan.municipality_id, {}});
        out.groups.back().plans.push_back(std::move(group));
    }
    return out;
}

std::string theme_listing_to_csv(const Dataset& data, const ThemeListing& listing, bool english) {
    CsvWriter csv({"theme_id", "theme", "municipality_id", "municipality", "plan_id", "plan", "node_id", "level",
                   "label", "name", "path", "tagged_on", "tag_origin", "source_file", "source_section", "source_url",
                   "source_inherited"});
    const Theme* theme = nullptr;
    for (const Theme& t : data.taxonomy.themes)
        if (t.id == listing.theme_id) theme = &t;
    const std::string theme_name = theme ? name_for(theme->label_ja, theme->label_en, english) : listing.theme_id;
    for (const ThemeListingGroup& g : listing.groups) {
        const Municipality* m = data.find_municipality(g.municipality_id);
        const std::string municipality = m ? name_for(m->name_ja, m->name_en, english) : g.municipality_id;
        for (const ThemeListingPlan& lp : g.plans) {
            const Plan& plan = data.plans[lp.plan_index];
            const PlanTree tree = build_plan_tree(plan);
            auto title = [&](int i) {
                const Node& n = plan.nodes[static_cast<std::size_t>(i)];
                const std::string& name = name_for(n.name, n.name_en, english);
                return n.label.empty() ? name : n.label + " " + name;
            };
            for (const ThemeListingItem& item : lp.items) {
                const Node& n = plan.nodes[static_cast<std::size_t>(item.node_index)];
                std::string path;
                const std::vector<int> chain = tree.path_to(item.node_index);
                for (std::size_t k = 0; k + 1 < chain.size(); ++k) path += (path.empty() ? "" : " › ") + title(chain[k]);
                csv.row({listing.theme_id, theme_name, g.municipality_id, municipality, plan.id,
                         name_for(plan.title, plan.title_en, english), n.id, n.level, n.label,
                         name_for(n.name, n.name_en, english), path,
                         item.tagged_at == item.node_index ? std::string() : plan.nodes[static_cast<std::size_t>(item.tagged_at)].id,
                         item.by_hand ? "hand" : "rule", item.source->file, item.source->section, item.source->url,
                         item.inherited_source ? "1" : "0"});
            }
        }
    }
    return csv.take();
}

}  // namespace wardscope
