#include "ui/view_options.hpp"

#include <charconv>

namespace wardscope::ui {
namespace {

// Sets `out` to the enum value whose name is `text`; leaves it otherwise.
template <typename E, typename Name, std::size_t N>
void read_enum(const std::map<std::string, std::string>& values, const char* key, const E (&choices)[N], Name name,
               E& out) {
    const auto it = values.find(key);
    if (it == values.end()) return;
    for (E e : choices)
        if (it->second == name(e)) out = e;
}

void read_string(const std::map<std::string, std::string>& values, const char* key, std::string& out) {
    if (const auto it = values.find(key); it != values.end()) out = it->second;
}

void read_int(const std::map<std::string, std::string>& values, const char* key, int& out) {
    const auto it = values.find(key);
    if (it == values.end()) return;
    int v = 0;
    const auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
    if (ec == std::errc() && end == it->second.data() + it->second.size()) out = v;
}

constexpr CoverageMode modes[] = {CoverageMode::count, CoverageMode::share, CoverageMode::present};
constexpr CoverageRowSort row_sorts[] = {CoverageRowSort::grouped, CoverageRowSort::name, CoverageRowSort::total,
                                         CoverageRowSort::similarity};
constexpr CoverageColSort col_sorts[] = {CoverageColSort::taxonomy, CoverageColSort::name, CoverageColSort::total,
                                         CoverageColSort::similarity};
constexpr plot::Colormap colormaps[] = {plot::Colormap::viridis, plot::Colormap::cividis};

std::string_view mode_name(CoverageMode m) { return to_string(m); }
std::string_view row_name(CoverageRowSort s) { return to_string(s); }
std::string_view col_name(CoverageColSort s) { return to_string(s); }
std::string_view colormap_name_of(plot::Colormap c) { return plot::colormap_name(c); }

}  // namespace

std::map<std::string, std::string> view_options_to_map(const ViewOptions& o) {
    return {
        {"heatmap.mode", std::string(to_string(o.heatmap.mode))},
        {"heatmap.rows", std::string(to_string(o.heatmap.row_sort))},
        {"heatmap.columns", std::string(to_string(o.heatmap.col_sort))},
        {"heatmap.colormap", plot::colormap_name(o.heatmap.colormap)},
        {"heatmap.cell_plan", o.heatmap.cell_plan},
        {"heatmap.cell_theme", o.heatmap.cell_theme},
        {"kpi.bars", o.kpi.bars ? "1" : "0"},
        {"kpi.focus_plan", o.kpi.focus_plan},
        {"kpi.focus_indicator", o.kpi.focus_indicator},
        {"notes.kind", std::to_string(o.notes.kind)},
        {"notes.min_vote", std::to_string(o.notes.min_vote)},
        {"notes.in_filter_only", o.notes.in_filter_only ? "1" : "0"},
    };
}

ViewOptions view_options_from_map(const std::map<std::string, std::string>& values) {
    ViewOptions o;
    read_enum(values, "heatmap.mode", modes, mode_name, o.heatmap.mode);
    read_enum(values, "heatmap.rows", row_sorts, row_name, o.heatmap.row_sort);
    read_enum(values, "heatmap.columns", col_sorts, col_name, o.heatmap.col_sort);
    read_enum(values, "heatmap.colormap", colormaps, colormap_name_of, o.heatmap.colormap);
    read_string(values, "heatmap.cell_plan", o.heatmap.cell_plan);
    read_string(values, "heatmap.cell_theme", o.heatmap.cell_theme);
    if (const auto it = values.find("kpi.bars"); it != values.end()) o.kpi.bars = it->second == "1";
    read_string(values, "kpi.focus_plan", o.kpi.focus_plan);
    read_string(values, "kpi.focus_indicator", o.kpi.focus_indicator);
    read_int(values, "notes.kind", o.notes.kind);
    read_int(values, "notes.min_vote", o.notes.min_vote);
    if (const auto it = values.find("notes.in_filter_only"); it != values.end()) o.notes.in_filter_only = it->second == "1";
    return o;
}

}  // namespace wardscope::ui
