#include "wardscope/evaluation.hpp"

#include <map>

namespace wardscope {

std::vector<RatingSummary> rating_summaries(const Plan& plan) {
    std::map<int, RatingSummary> years;
    for (const Evaluation& e : plan.evaluations) {
        RatingSummary& y = years[e.fiscal_year];
        if (y.counts.empty()) {
            y.fiscal_year = e.fiscal_year;
            for (const std::string& r : plan.rating_scale) y.counts.push_back({r, 0});
        }
        ++y.items;
        for (RatingCount& c : y.counts)
            if (c.rating == e.rating) ++c.count;
    }
    std::vector<RatingSummary> out;
    for (auto& [year, summary] : years) out.push_back(std::move(summary));
    return out;
}

const Evaluation* latest_evaluation(const Plan& plan, std::string_view node_id) {
    const Evaluation* latest = nullptr;
    for (const Evaluation& e : plan.evaluations)
        if (e.node_id == node_id && (!latest || e.fiscal_year > latest->fiscal_year)) latest = &e;
    return latest;
}

}  // namespace wardscope
