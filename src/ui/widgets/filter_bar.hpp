// The one filter bar (municipality, municipality kind, plan kind, period,
// theme) that every view applies through Filter::passes().
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ui/filtered_plans.hpp"
#include "ui/widgets/similar_municipalities.hpp"
#include "ui/view_context.hpp"
#include "wardscope/municipality.hpp"

namespace wardscope::ui {

// What the filter bar keeps between frames: the count of plans shown (once
// per data or filter change) and the municipality picker's index and query.
struct FilterBarState {
    FilteredPlans counted;
    std::optional<MunicipalityFinder> finder;  // built on first use after a data change
    std::string query;                         // typed in the municipality picker
    std::string found_query;
    std::vector<std::size_t> found;  // municipalities matching found_query
    GroupEditorState groups;         // the "similar" menu's group editor
    void on_data() {
        counted.invalidate();
        finder.reset();
        found_query = "\x01";  // matches nothing typed: searched again
    }
};

void draw_filter_bar(ViewContext& ctx, Filter& filter, FilterBarState& state);
// The type-ahead municipality picker (kanji, reading, code, English): a combo
// with a search field and a checkbox per match, clipped to the visible rows.
// True when `chosen` changed.
bool municipality_picker(const ViewContext& ctx, FilterBarState& state, std::set<std::string>& chosen, float width);
void append_filter_bar_strings(std::vector<const char*>& out);

}  // namespace wardscope::ui
