// Compare's generation diff (issue #15): two plans of one municipality, each
// measure as 継続 / 変更 / 新規 / 廃止 with its similarity, and the controls
// that confirm, change or break a match (through the DataEditor: one
// transaction and an undo step each). The diff is computed once per data
// change and pair of plans (wardscope/generation_diff.hpp), never per frame.
#pragma once

#include <string>
#include <vector>

#include "ui/view_context.hpp"
#include "wardscope/generation_diff.hpp"

namespace wardscope::ui {

class GenerationDiffPanel {
public:
    void on_data() { built_ = false; }
    // `first` and `second` in any order: the earlier generation goes on the left.
    void draw(ViewContext& ctx, const Plan& first, const Plan& second);
    static void append_strings(std::vector<const char*>& out);

private:
    const GenerationDiff& diff_for(const ViewContext& ctx, std::size_t a, std::size_t b);
    void draw_actions(ViewContext& ctx, const DiffRow& row, const Plan& a, const Plan& b);

    bool built_ = false;
    std::size_t a_ = 0, b_ = 0;
    GenerationDiff diff_;
    std::string message_;  // the last edit's error
};

}  // namespace wardscope::ui
