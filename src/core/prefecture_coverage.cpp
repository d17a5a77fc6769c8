#include "wardscope/prefecture_coverage.hpp"

#include <unordered_map>
#include <unordered_set>

#include "wardscope/theme_rule.hpp"

namespace wardscope {

double PrefectureCoverage::share(std::size_t c) const {
    return rows.empty() || c >= covering.size() ? 0.0 : static_cast<double>(covering[c]) / static_cast<double>(rows.size());
}

std::vector<PrefectureCoverage> coverage_by_prefecture(const Dataset& data, const CoverageMatrix& matrix) {
    // One lookup per municipality, not a walk of the list per row (1,741 municipalities, 8,705 plans).
    std::unordered_map<std::string, const std::string*> prefecture_of;
    for (const Municipality& m : data.municipalities) prefecture_of.emplace(m.id, &m.prefecture);
    const std::string unknown;
    std::vector<PrefectureCoverage> out;
    std::unordered_map<std::string, std::size_t> index_of;
    std::vector<std::unordered_set<std::string>> seen;  // per prefecture: its municipalities
    for (std::size_t r = 0; r < matrix.rows.size(); ++r) {
        const CoverageRow& row = matrix.rows[r];
        const auto p = prefecture_of.find(row.municipality_id);
        const std::string& prefecture = p == prefecture_of.end() ? unknown : *p->second;
        auto [it, added] = index_of.emplace(prefecture, out.size());
        if (added) {
            out.emplace_back().prefecture = prefecture;
            out.back().covering.assign(matrix.columns.size(), 0);
            seen.emplace_back();
        }
        PrefectureCoverage& g = out[it->second];
        g.rows.push_back(r);
        if (seen[it->second].insert(row.municipality_id).second) ++g.municipalities;
        const Plan& plan = data.plans[row.plan_index];
        for (std::size_t c = 0; c < matrix.columns.size(); ++c)
            if (plan_covers(plan, matrix.columns[c].theme_id)) ++g.covering[c];
    }
    return out;
}

}  // namespace wardscope
