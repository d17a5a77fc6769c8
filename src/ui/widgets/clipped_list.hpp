// A vertical list whose rows differ in height (wrapped text blocks), drawn
// only where the window shows them: the frame costs the rows on screen, not
// the length of the list (issue #16: the explorer drew all 4,995 plans).
// A row's height is measured when it is drawn and kept; rows not drawn yet
// count as `estimate`. Call reset() when the rows, the width or the font change.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace wardscope::ui {

class ClippedList {
public:
    void reset(std::size_t rows, float estimate);
    std::size_t size() const { return heights_.size(); }
    // Draws the visible rows with draw_row(i) in the current window, and
    // keeps the space of the others (the scroll bar stays true).
    void draw(const std::function<void(std::size_t)>& draw_row);
    // Scrolls the current window so that row i is in view (e.g. the selected plan).
    void scroll_to(std::size_t row);

private:
    void update_tops();
    std::vector<float> heights_;  // per row: the cursor advance it took, spacing included
    std::vector<float> tops_;     // prefix sums of heights_ (size + 1)
    bool tops_dirty_ = true;
    float list_top_ = 0;          // cursor y of the first row at the last draw
    float width_ = -1;            // content width at the last draw: a new width re-measures
};

}  // namespace wardscope::ui
