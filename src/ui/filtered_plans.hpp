// The plans that pass the filter, kept between frames: rebuilt when the data
// (invalidate(), from on_data) or the filter changed, so no view walks every
// plan through Filter::passes each frame (issue #16).
#pragma once

#include <cstddef>
#include <vector>

#include "ui/selection.hpp"
#include "wardscope/model.hpp"

namespace wardscope::ui {

class FilteredPlans {
public:
    void invalidate() { built_ = false; }
    // True when the list was rebuilt by this call (what depends on it is stale).
    bool update(const Dataset& data, const Filter& filter);
    const std::vector<std::size_t>& passing() const { return passing_; }  // plan indexes, in data order
    int hidden() const { return hidden_; }

private:
    bool built_ = false;
    Filter filter_;
    std::vector<std::size_t> passing_;
    int hidden_ = 0;
};

}  // namespace wardscope::ui
