// The one filter bar (municipality, municipality kind, plan kind, period,
// theme) that every view applies through Filter::passes().
#pragma once

#include <vector>

#include "ui/view_context.hpp"

namespace wardscope::ui {

void draw_filter_bar(ViewContext& ctx, Filter& filter);
void append_filter_bar_strings(std::vector<const char*>& out);

}  // namespace wardscope::ui
