#include "ui/filtered_plans.hpp"

namespace wardscope::ui {

bool FilteredPlans::update(const Dataset& data, const Filter& filter) {
    if (built_ && filter == filter_) return false;
    built_ = true;
    filter_ = filter;
    passing_.clear();
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (filter.passes(data, data.plans[i])) passing_.push_back(i);
    hidden_ = static_cast<int>(data.plans.size() - passing_.size());
    return true;
}

}  // namespace wardscope::ui
