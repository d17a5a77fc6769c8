// The plot module: the one place plot primitives live, drawn with ImDrawList in
// the current window (Dear ImGui 1.86, no ImPlot). In the spirit of ImPlot's API:
//
//   plot::PlotSpec spec;                       // axes, size, titles
//   spec.x = {plot::AxisKind::fiscal_year, "年度"};
//   spec.y.title = "件数"; spec.y.unit = "社";
//   spec.x.min = 2020; spec.x.max = 2030; spec.y.min = 0; spec.y.max = 457;
//   if (plot::begin_plot("##kpi", spec)) {
//       plot::plot_line(xs, ys, n, {series_color(0)});
//       plot::plot_vline(2026, accent_color());
//       plot::end_plot();                       // only when begin_plot returned true
//   }
//   plot::legend({{"実績", series_color(0), plot::Swatch::line_marker}});
//
// Standalone widgets (not between begin/end): grouped_bars, heatmap_grid, colorbar,
// legend. Every size scales with the font (em()), so presentation mode's large
// type enlarges plots too. Pure math (scales, ticks, colormaps, downsampling) is
// in ui/plot_scale.hpp.
#pragma once

#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/plot/plot_scale.hpp"

namespace wardscope::ui::plot {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// ---- Colours ---------------------------------------------------------------------------

ImU32 to_u32(Rgb c, float alpha = 1.0f);
ImU32 colormap_u32(Colormap map, double t, float alpha = 1.0f);                  // t ∈ [0, 1]
ImU32 value_u32(Colormap map, double value, double vmin, double vmax, float alpha = 1.0f);  // clamped
// Black or white, whichever reads better on `background` (by luminance).
ImU32 contrast_text(ImU32 background);
// Neutral fill of unknown / NaN cells and its hatch colour (theme-aware).
ImU32 unknown_fill();
// The stripes over a plan kind's colour once the palette's colours are used up (ui::kind_style).
ImU32 kind_stripes();
ImU32 unknown_hatch();
ImU32 grid_color();
ImU32 axis_color();

// ---- Drawing primitives (any draw list) -----------------------------------------------------

// triangle_up / triangle_down / question: the KPI status lights (a shape per
// status, so that colour is never the only difference).
enum class Marker { none, circle, square, diamond, triangle_up, triangle_down, question };

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float dash, float gap);
// Dashed rectangle outline.
void dashed_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float thickness, float dash, float gap);
// Filled with `background` (0 = none) and crossed by 45° lines every `spacing` px, clipped to the rect.
void hatch_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 background, ImU32 lines, float spacing,
                float thickness = 1.0f);
void draw_marker(ImDrawList* dl, ImVec2 center, Marker shape, float radius, ImU32 fill, ImU32 outline = 0);

// `text` cut to fit `max_width` px at the current font, with "…" when cut
// (whole UTF-8 code points; empty when not even "…" fits).
std::string ellipsize(std::string_view text, float max_width);
// Draws ellipsize(text, max_width) at `pos`; returns true when the text was cut.
bool text_ellipsis(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text, float max_width);

// ---- Tooltips ---------------------------------------------------------------------------------

// Mouse inside [min, max) of the current window, the window hovered, no popup or
// active item elsewhere in the way.
bool hovered_rect(ImVec2 min, ImVec2 max);
// A tooltip wrapped at `wrap_em` × em(); pair begin_tooltip with end_tooltip.
void begin_tooltip(float wrap_em = 30.0f);
void end_tooltip();
void tooltip(std::string_view text, float wrap_em = 30.0f);
// A dim caption line, a normal line, a coloured swatch + line; inside begin/end_tooltip.
void tooltip_dim(std::string_view text);
void tooltip_swatch(ImU32 color, std::string_view text);

// ---- Axes ---------------------------------------------------------------------------------------

enum class AxisKind {
    linear,       // nice ticks (1/2/5 × 10^k), labels by format_tick
    fiscal_year,  // integer ticks only, labelled "R8" over "2026" (era_labels) or "2026"
};

struct AxisSpec {
    AxisKind kind = AxisKind::linear;
    std::string title;      // e.g. "年度", "件数"; empty = none
    std::string unit;       // appended: "件数（社）" / "Count (companies)"; empty = none
    double min = nan;       // the domain; NaN = 0 … 1 (fiscal years: current ± 5)
    double max = nan;
    bool nice = true;       // linear: widen [min, max] outward to nice ticks
    bool include_zero = false;  // linear: stretch the domain to contain 0
    bool era_labels = true;     // fiscal_year: two-line labels (era over western year)
    bool grid = true;           // grid lines across the plot at the ticks
    int max_ticks = 0;          // 0 = as many as fit
    std::function<std::string(double)> format;  // tick labels; empty = format_tick / years
    double label_offset = 0;    // labels drawn at value + offset (0.5: centred in a year band)
    double highlight = nan;     // the tick with this value gets an accent-coloured label
};

// Label lines of a fiscal-year tick: "R8" and "2026".
std::string fy_era_label(int fiscal_year);
std::string fy_year_label(int fiscal_year);

// Height of an x axis's tick labels (one or two lines) plus the tick length, px.
float x_axis_height(const AxisSpec& axis);
// Tick values and labels of an axis over `scale` (its domain), thinned to fit
// `pixels` of length given labels of `label_extent` px (width for x, height for y).
struct Tick {
    double value = 0;
    std::string label;   // first line ("R8" or "400")
    std::string label2;  // second line of fiscal years ("2026"), else empty
};
std::vector<Tick> axis_ticks(const AxisSpec& axis, const LinearScale& scale);

// Draws an x axis along y = `y` across [scale.r0, scale.r1]: the axis line, ticks and
// labels (below the line, or above when `labels_above`). With `grid_to` ≠ y, grid lines
// run from y to grid_to. Returns the ticks drawn.
std::vector<Tick> draw_x_axis(ImDrawList* dl, const AxisSpec& axis, const LinearScale& scale, float y,
                              bool labels_above = false,
                              float grid_to = std::numeric_limits<float>::quiet_NaN());

// ---- Plot frame (begin_plot … end_plot) ---------------------------------------------------------

struct PlotSpec {
    ImVec2 size{0, 0};  // 0 width = available width; 0 height = 14 em
    AxisSpec x;
    AxisSpec y;
    bool border = true;     // frame around the data area
    bool hover_guide = true;  // a thin vertical guide at the mouse
};

// The current plot, valid between begin_plot and end_plot.
struct PlotState {
    ImDrawList* dl = nullptr;
    ImVec2 frame_min, frame_max;  // the whole widget
    ImVec2 plot_min, plot_max;    // the data area
    LinearScale x, y;             // data → screen px (y: minimum at the bottom)
    bool hovered = false;         // mouse over the data area
    ImVec2 mouse;                 // screen px
    double mouse_x = nan, mouse_y = nan;  // in data coordinates (NaN when not hovered)
    bool clicked = false;         // left click released over the data area this frame
};

// The plot being drawn in a window: owned by its WidgetState (ui/widget_state.hpp).
struct PlotFrame {
    PlotState state;
    PlotSpec spec;
    bool open = false;
};

// Lays out the frame at the cursor (axes, ticks, labels, titles), reserves its
// space and clips drawing to the data area. Returns false when the frame is
// entirely outside the visible region: then draw nothing and do not call end_plot.
bool begin_plot(const char* id, const PlotSpec& spec);
void end_plot();
const PlotState& plot_state();
ImVec2 to_pixels(double x, double y);

struct LineStyle {
    ImU32 color = IM_COL32(80, 160, 230, 255);
    float thickness = 0.12f;     // em
    bool dashed = false;
    Marker marker = Marker::circle;
    float marker_radius = 0.25f;  // em; markers are skipped when points are closer than 2 radii
    ImU32 marker_outline = 0;     // 0 = none
    // Per point (n entries, or null): 1 draws `alternate` instead of `marker`,
    // hollow (filled with `alternate_fill`, outlined in the line's colour):
    // sample values look different from real ones by shape, not only colour.
    const unsigned char* use_alternate = nullptr;
    Marker alternate = Marker::square;
    ImU32 alternate_fill = 0;
};

// A polyline through (xs[i], ys[i]) sorted by x; NaN y breaks the line. Long series
// are culled to the x range and downsampled to the pixel columns (min/max per column).
void plot_line(const double* xs, const double* ys, std::size_t n, const LineStyle& style);
// Nearest point to the mouse within `radius_em`; -1 when none (or not hovered).
int hovered_point(const double* xs, const double* ys, std::size_t n, float radius_em = 0.6f);
// Vertical bars centred on xs of `width` in x units, from 0 (or the y minimum) to ys.
void plot_bars(const double* xs, const double* ys, std::size_t n, double width, ImU32 color);
// A full-height / full-width guide line with an optional label at its top / right end.
void plot_vline(double x, ImU32 color, float thickness_em = 0.1f, std::string_view label = {}, bool dashed = false);
void plot_hline(double y, ImU32 color, float thickness_em = 0.1f, std::string_view label = {}, bool dashed = false);
// A screen rectangle a label must not cover (a marker, another label).
struct PixelRect {
    ImVec2 min, max;
    bool overlaps(const PixelRect& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};
// plot_hline whose label takes the first place of right-above, right-below,
// left-above, left-below that covers none of `avoid`; returns where it went
// (an empty rect without a label).
PixelRect plot_hline_label_clear(double y, ImU32 color, float thickness_em, std::string_view label, bool dashed,
                                 const std::vector<PixelRect>& avoid);
// Text at a data point, offset in px; clipped to the data area.
void plot_text(double x, double y, std::string_view text, ImU32 color, ImVec2 offset = {0, 0});
// A message centred in the data area (e.g. "値が未設定").
void plot_message(std::string_view text, ImU32 color);

// ---- Legend -------------------------------------------------------------------------------------

// box_striped: a box with dark stripes (the plan kinds after the palette's colours).
enum class Swatch { box, line, dashed_line, line_marker, marker, hatched, dashed_box, outline, box_striped };

struct LegendEntry {
    std::string label;
    ImU32 color = 0;
    Swatch swatch = Swatch::box;
    Marker marker = Marker::circle;  // Swatch::marker and Swatch::line_marker draw this shape
    ImU32 marker_fill = 0;           // 0: filled with `color`; else hollow: this fill, outlined in `color`
};

// Swatch + label entries laid out left to right at the cursor, wrapping to new lines.
// Returns the index of the hovered entry or -1.
int legend(const std::vector<LegendEntry>& entries);
void draw_swatch(ImDrawList* dl, ImVec2 min, ImVec2 max, const LegendEntry& entry);

// ---- Grouped bars (horizontal) --------------------------------------------------------------------

struct BarValue {
    double value = nan;      // NaN = no bar
    std::string label;       // drawn after the bar when value_labels; may be empty
    bool dim = false;        // label in the dim text colour
};

// Categories down the left (wrapped labels), for each a group of one bar per
// series, a value axis along the bottom with grid lines.
struct GroupedBarsSpec {
    std::vector<std::string> categories;
    std::vector<ImU32> series_colors;  // one per series
    std::function<BarValue(std::size_t category, std::size_t series)> value;
    double axis_max = nan;             // NaN = nice maximum of the values (≥ min_axis_max)
    double min_axis_max = 0;           // lower bound of the automatic maximum
    bool value_labels = true;
    std::string value_label_sample = "000 · 100%";  // width reserved for the labels
    float max_label_fraction = 0.3f;   // of the width, for category labels
    float bar_height = 1.0f;           // em
    std::function<std::string(double)> tick_format;  // empty = format_tick
    int max_ticks = 0;                 // 0 = as many as fit (at most 6)
};

struct BarHit {
    int category = -1, series = -1;  // the hovered bar row (series within category)
    bool clicked = false;
};

BarHit grouped_bars(const char* id, const GroupedBarsSpec& spec);

// ---- Heatmap ---------------------------------------------------------------------------------------

struct HeatmapSpec {
    int rows = 0, cols = 0;
    const double* values = nullptr;  // rows × cols, row-major; NaN = unknown (hatched, neutral)
    double vmin = 0, vmax = 1;
    Colormap colormap = Colormap::viridis;
    ImVec2 cell_size{0, 0};           // px; 0 = 3 em × 1.6 em; width < 0 = fit columns to the available width
    float gap = 1.0f;                 // px between cells
    // Row and column headings are the view's (the coverage view lays out
    // Japanese headings with ui/widgets/text_wrap.hpp): the grid is cells only.
    // Cell text: cell_text(row, col, value) when set (empty string = none), else
    // format_tick(value, value_step) when show_values; unknown cells get unknown_text.
    bool show_values = false;
    double value_step = 1;
    std::function<std::string(int row, int col, double value)> cell_text;
    std::string unknown_text;         // e.g. "—"; empty = none
    int highlight_row = -1, highlight_col = -1;  // outlined (accent)
    // Called for every cell drawn (visible rows only), with its screen rect: views record probes here.
    std::function<void(int row, int col, ImVec2 min, ImVec2 max)> on_cell;
};

struct HeatmapHit {
    int row = -1, col = -1;     // hovered cell (-1 when none)
    bool clicked = false;       // left click on the hovered cell / label
    ImVec2 cell_min, cell_max;  // hovered cell rect
};

// The grid at the cursor; reserves its space. Rows outside the
// visible region are skipped.
HeatmapHit heatmap_grid(const char* id, const HeatmapSpec& spec);
// Size heatmap_grid would take.
ImVec2 heatmap_size(const HeatmapSpec& spec);

// ---- Colour bar ----------------------------------------------------------------------------------------

struct ColorbarSpec {
    double vmin = 0, vmax = 1;
    Colormap colormap = Colormap::viridis;
    ImVec2 size{0, 0};               // gradient thickness × length px; 0 = 1 em × 10 em
    std::string title;               // above the bar (e.g. unit); empty = none
    std::function<std::string(double)> tick_format;  // empty = format_tick
    std::string unknown_label;       // non-empty: a hatched "unknown" swatch below the bar with this label
};

// A vertical colour bar at the cursor (minimum at the bottom) with value ticks on
// its right; reserves its space. Records ui::record_probe("<id>.colorbar",
// gradient min, gradient max, vmin, vmax, "vertical"). `id` is used as given
// (e.g. "heatmap" → probe "heatmap.colorbar").
void colorbar(const char* id, const ColorbarSpec& spec);
ImVec2 colorbar_size(const ColorbarSpec& spec);

}  // namespace wardscope::ui::plot
