#include "ui/plot/plot_scale.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace wardscope::ui::plot {

// ---- Scales -------------------------------------------------------------------------

double LinearScale::map(double v) const {
    const double span = d1 - d0;
    if (span == 0 || !std::isfinite(span)) return 0.5 * (r0 + r1);
    return r0 + (v - d0) / span * (r1 - r0);
}

double LinearScale::invert(double px) const {
    const double range = r1 - r0;
    if (range == 0 || d1 == d0) return d0;
    return d0 + (px - r0) / range * (d1 - d0);
}

// ---- Ticks ---------------------------------------------------------------------------

double nice_step(double span, int target) {
    if (!(span > 0) || !std::isfinite(span)) return 0;
    target = std::max(target, 1);
    const double raw = span / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;  // 1 ≤ f < 10
    // Choose the nearest of 1, 2, 5, 10 (geometric midpoints).
    double nice = 10;
    if (f < std::sqrt(2.0)) nice = 1;
    else if (f < std::sqrt(10.0)) nice = 2;
    else if (f < std::sqrt(50.0)) nice = 5;
    return nice * mag;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
    std::vector<double> out;
    if (!std::isfinite(lo) || !std::isfinite(hi)) return out;
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) {
        out.push_back(lo);
        return out;
    }
    const double step = nice_step(hi - lo, target);
    if (step <= 0) return out;
    const double eps = step * 1e-9;
    const double first = std::ceil((lo - eps) / step);
    const double last = std::floor((hi + eps) / step);
    for (double k = first; k <= last && out.size() < 1000; k += 1) {
        double v = k * step;
        if (std::fabs(v) < eps) v = 0;
        out.push_back(v);
    }
    return out;
}

Domain nice_domain(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi) {
        if (lo == 0) return {0, 1};
        const double pad = nice_step(std::fabs(lo), target);  // 5 → 1: 4..6
        const double a = lo - pad, b = hi + pad;
        return {a, b};
    }
    // Widen to multiples of the step; the wider span may call for a larger step:
    // repeat until stable, so nice_ticks over the result starts and ends on its edges.
    double step = nice_step(hi - lo, target);
    Domain d{lo, hi};
    for (int round = 0; round < 4; ++round) {
        const double e = step * 1e-9;
        d = {std::floor((lo + e) / step) * step, std::ceil((hi - e) / step) * step};
        const double next = nice_step(d.hi - d.lo, target);
        if (next <= step * (1 + 1e-9)) break;
        step = next;
    }
    const double eps = step * 1e-9;
    if (std::fabs(d.lo) < eps) d.lo = 0;
    if (std::fabs(d.hi) < eps) d.hi = 0;
    return d;
}

int fiscal_year_step(int first, int last, int max_ticks) {
    if (last < first || max_ticks < 1) return 0;
    static const int steps[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000};
    for (int step : steps) {
        // Ticks on multiples of step within [first, last].
        const int a = static_cast<int>(std::ceil(static_cast<double>(first) / step)) * step;
        const int count = a > last ? 0 : (last - a) / step + 1;
        if (count <= max_ticks) return step;
    }
    return 1000;
}

std::vector<int> fiscal_year_ticks(int first, int last, int max_ticks) {
    std::vector<int> out;
    const int step = fiscal_year_step(first, last, max_ticks);
    if (step <= 0) return out;
    const int a = static_cast<int>(std::ceil(static_cast<double>(first) / step)) * step;
    for (int y = a; y <= last; y += step) out.push_back(y);
    return out;
}

namespace {
std::string group_thousands(const std::string& s) {
    // s: "-1234.5" style; ',' between groups of three in the integer part.
    const std::size_t start = (!s.empty() && s[0] == '-') ? 1 : 0;
    const std::size_t dot = s.find('.');
    const std::size_t int_end = dot == std::string::npos ? s.size() : dot;
    std::string out = s.substr(0, start);
    for (std::size_t i = start; i < int_end; ++i) {
        if (i > start && (int_end - i) % 3 == 0) out += ',';
        out += s[i];
    }
    out += s.substr(int_end);
    return out;
}
}  // namespace

std::string format_tick(double value, double step) {
    if (!std::isfinite(value)) return "—";
    int decimals = 0;
    if (step > 0 && std::isfinite(step)) {
        // Decimals needed to print multiples of step exactly (0.25 → 2, 0.2 → 1, 5 → 0).
        double s = step;
        while (decimals < 8 && std::fabs(s - std::round(s)) > 1e-9 * std::max(1.0, std::fabs(s))) {
            s *= 10;
            ++decimals;
        }
    } else if (value != std::round(value)) {
        decimals = 2;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    // "-0", "-0.0" → "0"
    bool all_zero = true;
    for (char c : s)
        if (c != '-' && c != '0' && c != '.') all_zero = false;
    if (all_zero && !s.empty() && s[0] == '-') s.erase(0, 1);
    return group_thousands(s);
}

// ---- Colormaps -----------------------------------------------------------------------

namespace {

struct Anchor {
    float t;
    Rgb c;
};

// matplotlib's viridis / cividis (_cm_listed.py), entries 0, 16, 32, … 239, 255 of 256;
// t = index / 255.
constexpr Anchor viridis_anchors[] = {
    {0 / 255.0f, {0.267004f, 0.004874f, 0.329415f}},   {16 / 255.0f, {0.282327f, 0.094955f, 0.417331f}},
    {32 / 255.0f, {0.278826f, 0.175490f, 0.483397f}},  {48 / 255.0f, {0.258965f, 0.251537f, 0.524736f}},
    {64 / 255.0f, {0.229739f, 0.322361f, 0.545706f}},  {80 / 255.0f, {0.199430f, 0.387607f, 0.554642f}},
    {96 / 255.0f, {0.172719f, 0.448791f, 0.557885f}},  {112 / 255.0f, {0.149039f, 0.508051f, 0.557250f}},
    {128 / 255.0f, {0.127568f, 0.566949f, 0.550556f}}, {143 / 255.0f, {0.120081f, 0.622161f, 0.534946f}},
    {159 / 255.0f, {0.153894f, 0.680203f, 0.504172f}}, {175 / 255.0f, {0.239374f, 0.735588f, 0.455688f}},
    {191 / 255.0f, {0.360741f, 0.785964f, 0.387814f}}, {207 / 255.0f, {0.506271f, 0.828786f, 0.300362f}},
    {223 / 255.0f, {0.668054f, 0.861999f, 0.196293f}}, {239 / 255.0f, {0.835270f, 0.886029f, 0.102646f}},
    {255 / 255.0f, {0.993248f, 0.906157f, 0.143936f}},
};

constexpr Anchor cividis_anchors[] = {
    {0 / 255.0f, {0.000000f, 0.135112f, 0.304751f}},   {16 / 255.0f, {0.000000f, 0.178802f, 0.414764f}},
    {32 / 255.0f, {0.103401f, 0.220406f, 0.435790f}},  {48 / 255.0f, {0.195057f, 0.264372f, 0.425924f}},
    {64 / 255.0f, {0.263738f, 0.307831f, 0.422789f}},  {80 / 255.0f, {0.324250f, 0.351289f, 0.426250f}},
    {96 / 255.0f, {0.380830f, 0.395164f, 0.435653f}},  {112 / 255.0f, {0.435168f, 0.439763f, 0.451134f}},
    {128 / 255.0f, {0.488697f, 0.485318f, 0.471008f}}, {143 / 255.0f, {0.544069f, 0.528948f, 0.471947f}},
    {159 / 255.0f, {0.605211f, 0.576777f, 0.464441f}}, {175 / 255.0f, {0.668008f, 0.626171f, 0.449270f}},
    {191 / 255.0f, {0.732422f, 0.677364f, 0.425717f}}, {207 / 255.0f, {0.798480f, 0.730580f, 0.392597f}},
    {223 / 255.0f, {0.866421f, 0.786028f, 0.346571f}}, {239 / 255.0f, {0.936660f, 0.843841f, 0.280876f}},
    {255 / 255.0f, {0.995737f, 0.909344f, 0.217772f}},
};

double linearize(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

}  // namespace

Rgb sample(Colormap map, double t) {
    const Anchor* a = map == Colormap::cividis ? cividis_anchors : viridis_anchors;
    constexpr std::size_t n = std::size(viridis_anchors);
    if (!(t > 0)) return a[0].c;  // NaN and t ≤ 0
    if (t >= 1) return a[n - 1].c;
    std::size_t i = 1;
    while (i < n - 1 && a[i].t < t) ++i;
    const Anchor& lo = a[i - 1];
    const Anchor& hi = a[i];
    const float f = static_cast<float>((t - lo.t) / (hi.t - lo.t));
    return {lo.c.r + (hi.c.r - lo.c.r) * f, lo.c.g + (hi.c.g - lo.c.g) * f, lo.c.b + (hi.c.b - lo.c.b) * f};
}

double luminance(Rgb c) {
    return 0.2126 * linearize(c.r) + 0.7152 * linearize(c.g) + 0.0722 * linearize(c.b);
}

double normalize(double value, double vmin, double vmax) {
    if (std::isnan(value)) return value;
    if (vmin == vmax || !std::isfinite(vmax - vmin)) return 0.5;
    const double t = (value - vmin) / (vmax - vmin);
    return std::clamp(t, 0.0, 1.0);
}

Rgb value_color(Colormap map, double value, double vmin, double vmax) {
    return sample(map, normalize(value, vmin, vmax));
}

const char* colormap_name(Colormap map) { return map == Colormap::cividis ? "cividis" : "viridis"; }

// ---- Downsampling ----------------------------------------------------------------------

std::vector<std::size_t> downsample_minmax(const double* xs, const double* ys, std::size_t n, double x0,
                                           double x1, int columns) {
    std::vector<std::size_t> out;
    if (n == 0 || xs == nullptr || ys == nullptr) return out;
    if (x0 > x1) std::swap(x0, x1);
    columns = std::max(columns, 1);
    // In-range slice [b, e) by binary search (xs sorted).
    const std::size_t b = static_cast<std::size_t>(std::lower_bound(xs, xs + n, x0) - xs);
    const std::size_t e = static_cast<std::size_t>(std::upper_bound(xs, xs + n, x1) - xs);
    auto push_valid_before = [&](std::size_t i) {  // nearest valid point before index i
        while (i > 0) {
            --i;
            if (!std::isnan(ys[i])) {
                out.push_back(i);
                return;
            }
        }
    };
    push_valid_before(b);
    if (e - b <= static_cast<std::size_t>(columns) * 4) {
        for (std::size_t i = b; i < e; ++i)
            if (!std::isnan(ys[i])) out.push_back(i);
    } else {
        const double span = x1 - x0;
        std::size_t i = b;
        while (i < e) {
            const int col = span > 0 ? std::min(columns - 1, static_cast<int>((xs[i] - x0) / span * columns)) : 0;
            std::size_t first = n, last = n, lo = n, hi = n;
            for (; i < e; ++i) {
                const int c = span > 0 ? std::min(columns - 1, static_cast<int>((xs[i] - x0) / span * columns)) : 0;
                if (c != col) break;
                if (std::isnan(ys[i])) continue;
                if (first == n) first = i;
                last = i;
                if (lo == n || ys[i] < ys[lo]) lo = i;
                if (hi == n || ys[i] > ys[hi]) hi = i;
            }
            if (first == n) continue;
            std::size_t pick[4] = {first, lo, hi, last};
            std::sort(pick, pick + 4);
            for (std::size_t k = 0; k < 4; ++k)
                if (k == 0 || pick[k] != pick[k - 1]) out.push_back(pick[k]);
        }
    }
    for (std::size_t i = e; i < n; ++i)
        if (!std::isnan(ys[i])) {
            out.push_back(i);
            break;
        }
    return out;
}

}  // namespace wardscope::ui::plot
