// Deliberate selection, seen in one place: the selected plans as chips (×
// takes one out) with "clear all", and the one click rule every view uses
// (a click selects, Ctrl-click adds or takes out: ui::Selection).
#pragma once

#include <string>
#include <vector>

#include "ui/view_context.hpp"

namespace wardscope::ui {

void append_selection_chip_strings(std::vector<const char*>& out);

// A click on a plan (or an item of it) in any view: Ctrl held adds the plan
// to the selection or takes it out (Selection::toggle_plan), else it becomes
// the selection's current plan (Selection::select_plan, with `node_id`).
void click_plan(ViewContext& ctx, const std::string& plan_id, const std::string& node_id = {});

// One line: "選択中:" chips of the selected plans in their colours, each
// with ×, and "すべて解除". Probes "selection.chip/<plan id>", "selection.clear".
void draw_selection_chips(ViewContext& ctx);

}  // namespace wardscope::ui
