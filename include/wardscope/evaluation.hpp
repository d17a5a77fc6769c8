// 施策評価: a plan's ratings of its items per evaluation year, counted on the
// plan's own scale (docs/plan-format.md, "evaluations").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wardscope/model.hpp"

namespace wardscope {

struct RatingCount {
    std::string rating;
    int count = 0;
};

// One evaluation year: how many items got each rating of the scale (best
// first, zeros kept), and how many items were rated.
struct RatingSummary {
    int fiscal_year = 0;
    std::vector<RatingCount> counts;
    int items = 0;
};

// One summary per evaluation year, in year order; empty without evaluations.
std::vector<RatingSummary> rating_summaries(const Plan& plan);

// The rating of the latest evaluation year of one item, or nullptr.
const Evaluation* latest_evaluation(const Plan& plan, std::string_view node_id);

}  // namespace wardscope
