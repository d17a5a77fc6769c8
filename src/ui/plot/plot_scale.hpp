// The plot module's pure math (no ImGui): linear scales, "nice" tick placement,
// fiscal-year ticks, tick-label formatting, the viridis and cividis colormaps,
// value → colour mapping and min/max downsampling of long series to pixel columns.
// Drawing lives in ui/plot.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wardscope::ui::plot {

// ---- Scales -------------------------------------------------------------------------

// Maps the domain [d0, d1] linearly onto the pixel range [r0, r1] (either may be
// reversed: a y axis maps its minimum to the bottom pixel). A degenerate domain
// (d0 == d1) maps everything to the middle of the range.
struct LinearScale {
    double d0 = 0, d1 = 1;
    double r0 = 0, r1 = 1;

    LinearScale() = default;
    LinearScale(double domain0, double domain1, double range0, double range1)
        : d0(domain0), d1(domain1), r0(range0), r1(range1) {}

    double map(double v) const;      // domain → pixel (not clamped)
    double invert(double px) const;  // pixel → domain (d0 when degenerate)
    float mapf(double v) const { return static_cast<float>(map(v)); }
    double domain_span() const { return d1 - d0; }
};

// ---- Ticks ---------------------------------------------------------------------------

// The "nice" step (1, 2 or 5 × 10^k) giving about `target` intervals over `span`.
// 0 for a non-positive or non-finite span.
double nice_step(double span, int target = 5);

// Ticks at multiples of the nice step lying inside [lo, hi] (order of lo/hi does
// not matter; output ascending). lo == hi gives that single value. Values within
// 1e-9 step of zero are snapped to exactly 0.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

struct Domain {
    double lo = 0, hi = 1;
};
// [lo, hi] widened outward to multiples of the nice step (0..457 → 0..500).
// A degenerate range is widened around the value (5 → 4..6, 0 → 0..1).
Domain nice_domain(double lo, double hi, int target = 5);

// Integer fiscal years from `first` to `last` (inclusive) at a step of 1, 2, 5, 10,
// 20 … chosen so that at most `max_ticks` are shown; ticks sit on multiples of the
// step (… 2020, 2025, 2030 …), or on every year when they all fit. Empty when
// last < first or max_ticks < 1.
std::vector<int> fiscal_year_ticks(int first, int last, int max_ticks);
// The step fiscal_year_ticks would use.
int fiscal_year_step(int first, int last, int max_ticks);

// A tick label: enough decimals for `step` (0.2 → "0.4", 100 → "400"), thousands
// separators, "-0" printed as "0", large values shortened only by separators
// ("12,000"). Non-finite values print as "—".
std::string format_tick(double value, double step);

// ---- Colormaps -----------------------------------------------------------------------

enum class Colormap { viridis, cividis };

struct Rgb {
    float r = 0, g = 0, b = 0;  // 0…1
};

// The colour at t ∈ [0, 1] (clamped; NaN → t = 0), interpolated linearly between
// the published anchors (matplotlib's viridis and cividis, 17 anchors each).
Rgb sample(Colormap map, double t);

// Relative luminance (sRGB, ITU-R BT.709 weights on linearised channels).
double luminance(Rgb c);

// t of `value` within [vmin, vmax], clamped to [0, 1]; 0.5 when vmin == vmax;
// NaN for a NaN value.
double normalize(double value, double vmin, double vmax);

// sample(map, normalize(value, vmin, vmax)); values outside are clamped to the ends.
Rgb value_color(Colormap map, double value, double vmin, double vmax);

const char* colormap_name(Colormap map);  // "viridis" / "cividis"

// ---- Downsampling ----------------------------------------------------------------------

// Indices of the points to draw for a series sorted by x, when it is drawn over
// `columns` pixel columns covering the x range [x0, x1]: in every column the
// first, the minimum, the maximum and the last point (in x order, duplicates
// removed), plus the nearest point on each side outside the range so that lines
// continue to the edges. Series with at most 4 × columns points in range are
// returned whole (every in-range index plus the neighbours). NaN y values are skipped.
std::vector<std::size_t> downsample_minmax(const double* xs, const double* ys, std::size_t n, double x0,
                                           double x1, int columns);

}  // namespace wardscope::ui::plot
