// The views' own choices as named strings ("heatmap.mode" = "share"), for a
// slide's saved state. Unknown names and values are ignored on the way back:
// a slide saved by a newer wardscope still opens.
#pragma once

#include <map>
#include <string>

#include "ui/view_context.hpp"

namespace wardscope::ui {

std::map<std::string, std::string> view_options_to_map(const ViewOptions& options);
ViewOptions view_options_from_map(const std::map<std::string, std::string>& values);

}  // namespace wardscope::ui
