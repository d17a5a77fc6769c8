// A view of the dashboard (timeline, explorer, …): one object per view, its
// state and caches its members. The views are listed once, in tab order, by
// make_views() (src/ui/views/registry.cpp); the tab bar, shortcuts, settings,
// slides, `shot --view`, the bench and the tests all take them from there.
//
// A view's life: on_data(model) after every data change (drop what was built
// from the old data), then draw(ctx) once per frame while it is shown.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/model.hpp"
#include "ui/view_context.hpp"
#include "wardscope/table.hpp"

namespace wardscope::ui {

// A view's own choices as named strings ("mode" → "share"), saved in the
// settings and in slides. Unknown names and values are ignored on the way
// back: a slide saved by a newer wardscope still opens.
using OptionValues = std::map<std::string, std::string>;

class View {
public:
    virtual ~View() = default;
    virtual const char* id() const = 0;            // "timeline": settings, slides, `shot --view`
    virtual const char* title(Lang lang) const = 0;  // the tab's label
    virtual void on_data(const Model&) {}
    virtual void draw(ViewContext& ctx) = 0;
    // Choices to save and restore; restore starts from the defaults.
    virtual OptionValues save_options() const { return {}; }
    virtual void restore_options(const OptionValues&) {}
    // Where the view is scrolled to, as an anchor that survives other window
    // sizes ("card kita-vision-2026/ind2": the card of indicator X at the top,
    // not a pixel offset); empty = the top. Saved beside the options (as
    // "VIEW.anchor") in slides and settings; restore_anchor scrolls there over
    // the next frames, and an empty anchor (an older slide) to the top.
    virtual std::string save_anchor() const { return {}; }
    virtual void restore_anchor(const std::string&) {}
    // Presenting, a view with more than fits the screen shows it in pages that
    // the clicker steps through before the slides: true when it moved to the
    // page `direction` (+1 / -1) away (its anchor follows); false at either end.
    virtual bool step_page(int /*direction*/) { return false; }
    // What the room caption adds to the view's name: which part is shown
    // ("rows 14–26 of 40"); empty when all of it is.
    virtual std::string caption_detail(Lang) const { return {}; }
    // Every string the view can draw (both languages, format strings
    // included), for the font's glyph ranges.
    virtual void append_strings(std::vector<const char*>& out) const = 0;
    // The data behind what the view shows under the current selection, filter
    // and options (wardscope/view_tables.hpp): its "Export table" and
    // `wardscope table` write it. No ImGui calls: the CLI runs it without a frame.
    virtual std::optional<Table> table(ViewContext&) { return std::nullopt; }
    // Whether it shows the KPI history (a shot of any other view skips reading it).
    virtual bool needs_kpi_history() const { return false; }
    // Whether it is about the selected plans (explorer, SWOT, compare, KPI)
    // rather than all that pass the filter: the room caption names them.
    virtual bool shows_selected_plans() const { return false; }
};

using Views = std::vector<std::unique_ptr<View>>;

// Every view, in tab order.
Views make_views();
// The position of the view called `id` in `views`; -1 when there is none.
int find_view(const Views& views, std::string_view id);
// The ids of make_views(), in tab order.
std::vector<std::string> view_ids();

// Every view's options as one map, "heatmap.mode" → "share" (the form the
// settings and slides store), its scroll anchor as "kpi.anchor", and back (a
// view absent from the map gets its defaults, and the top).
std::map<std::string, std::string> save_view_options(const Views& views);
void restore_view_options(Views& views, const std::map<std::string, std::string>& values);
// The same for options a person names (`wardscope table --option`): every
// name must be one the views save (anchors aside) and every value one the
// view keeps; else nothing is restored and the message names the known
// names, or the value not taken. Returns "" when all were taken.
std::string restore_view_options_checked(Views& views, const std::map<std::string, std::string>& values);

// Reading OptionValues: each leaves `out` unchanged when the name is absent or its value unknown.
void read_option(const OptionValues& values, const char* name, std::string& out);
void read_option(const OptionValues& values, const char* name, int& out);
void read_option(const OptionValues& values, const char* name, bool& out);  // "1" / "0"
template <typename E, std::size_t N, typename NameOf>
void read_option(const OptionValues& values, const char* name, const E (&choices)[N], NameOf name_of, E& out) {
    const auto it = values.find(name);
    if (it == values.end()) return;
    for (E e : choices)
        if (it->second == name_of(e)) out = e;
}

}  // namespace wardscope::ui
