#include "ui/plot/plot.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/widget_state.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/text_wrap.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/era.hpp"

namespace wardscope::ui::plot {

// ---- Colours ---------------------------------------------------------------------------

ImU32 to_u32(Rgb c, float alpha) {
    auto ch = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return IM_COL32(ch(c.r), ch(c.g), ch(c.b), ch(alpha));
}

ImU32 colormap_u32(Colormap map, double t, float alpha) { return to_u32(sample(map, t), alpha); }

ImU32 value_u32(Colormap map, double value, double vmin, double vmax, float alpha) {
    return to_u32(value_color(map, value, vmin, vmax), alpha);
}

ImU32 contrast_text(ImU32 background) {
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
    // Contrast against black vs white (WCAG): pick the larger.
    const double l = luminance(Rgb{c.x, c.y, c.z});
    return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

ImU32 unknown_fill() { return ImGui::GetColorU32(ImGuiCol_FrameBg); }
ImU32 kind_stripes() { return IM_COL32(0, 0, 0, 120); }
ImU32 unknown_hatch() { return ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.55f); }
ImU32 grid_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.22f); }
ImU32 axis_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.85f); }

// ---- Drawing primitives ---------------------------------------------------------------------

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float dash, float gap) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len <= 0 || dash <= 0) return;
    const float ux = dx / len, uy = dy / len;
    const float period = dash + std::max(gap, 0.0f);
    for (float s = 0; s < len; s += period) {
        const float e = std::min(s + dash, len);
        dl->AddLine(ImVec2(a.x + ux * s, a.y + uy * s), ImVec2(a.x + ux * e, a.y + uy * e), color, thickness);
    }
}

void dashed_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color, float thickness, float dash, float gap) {
    dashed_line(dl, min, ImVec2(max.x, min.y), color, thickness, dash, gap);
    dashed_line(dl, ImVec2(max.x, min.y), max, color, thickness, dash, gap);
    dashed_line(dl, max, ImVec2(min.x, max.y), color, thickness, dash, gap);
    dashed_line(dl, ImVec2(min.x, max.y), min, color, thickness, dash, gap);
}

void hatch_rect(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 background, ImU32 lines, float spacing,
                float thickness) {
    if (max.x <= min.x || max.y <= min.y) return;
    if (background) dl->AddRectFilled(min, max, background);
    if (spacing <= 1) spacing = 1;
    dl->PushClipRect(min, max, true);
    const float h = max.y - min.y;
    // Lines from bottom-left to top-right: x at the bottom goes from min.x - h to max.x.
    for (float x = min.x - h; x < max.x; x += spacing)
        dl->AddLine(ImVec2(x, max.y), ImVec2(x + h, min.y), lines, thickness);
    dl->PopClipRect();
}

void draw_marker(ImDrawList* dl, ImVec2 c, Marker shape, float r, ImU32 fill, ImU32 outline) {
    switch (shape) {
    case Marker::none: return;
    case Marker::circle:
        dl->AddCircleFilled(c, r, fill, 12);
        if (outline) dl->AddCircle(c, r, outline, 12, 1.0f);
        return;
    case Marker::square:
        dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
        if (outline) dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), outline);
        return;
    case Marker::diamond: {
        const float k = r * 1.25f;
        dl->AddQuadFilled(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), fill);
        if (outline)
            dl->AddQuad(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), outline);
        return;
    }
    case Marker::triangle_up:
    case Marker::triangle_down: {
        // Equilateral around c, a little larger than the circle so that it looks as heavy.
        const float k = r * 1.25f, d = shape == Marker::triangle_up ? 1.0f : -1.0f;
        const ImVec2 a(c.x, c.y - d * k), b(c.x + 0.866f * k, c.y + d * 0.5f * k), e(c.x - 0.866f * k, c.y + d * 0.5f * k);
        dl->AddTriangleFilled(a, b, e, fill);
        if (outline) dl->AddTriangle(a, b, e, outline, 1.0f);
        return;
    }
    case Marker::question: {
        // "?" in a disc: the font's own glyph (ASCII is always in the atlas), sized to the disc.
        dl->AddCircleFilled(c, r, fill, 16);
        if (outline) dl->AddCircle(c, r, outline, 16, 1.0f);
        ImFont* font = ImGui::GetFont();
        const float size = 1.5f * r;
        const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, "?");
        dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(255, 255, 255, 255), "?");
        return;
    }
    }
}

namespace {

std::size_t prev_code_point(std::string_view s, std::size_t i) {
    if (i == 0) return 0;
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

float text_w(std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; }

}  // namespace

std::string ellipsize(std::string_view text, float max_width) {
    if (text_w(text) <= max_width) return std::string(text);
    static const std::string_view dots = "…";
    const float dots_w = text_w(dots);
    if (dots_w > max_width) return {};
    // Longest prefix (whole code points) whose width + "…" fits.
    const float room = max_width - dots_w;
    std::size_t end = text.size();
    // Quick estimate from the average glyph width, then walk.
    while (end > 0 && text_w(text.substr(0, end)) > room) {
        const float w = text_w(text.substr(0, end));
        std::size_t guess = static_cast<std::size_t>(static_cast<float>(end) * room / std::max(w, 1.0f));
        guess = std::min(guess, end - 1);
        // Snap to a code-point boundary; never move back less than one code point.
        std::size_t next = prev_code_point(text, end);
        if (guess < next) {
            while (guess > 0 && (static_cast<unsigned char>(text[guess]) & 0xC0) == 0x80) --guess;
            next = guess;
        }
        end = next;
    }
    // Grow back while it still fits (the estimate may have overshot).
    while (end < text.size()) {
        std::size_t n = end + 1;
        while (n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) ++n;
        if (text_w(text.substr(0, n)) > room) break;
        end = n;
    }
    // Drop trailing spaces before the ellipsis.
    while (end > 0 && text[end - 1] == ' ') --end;
    return std::string(text.substr(0, end)) + std::string(dots);
}

bool text_ellipsis(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text, float max_width) {
    const std::string s = ellipsize(text, max_width);
    if (!s.empty()) dl->AddText(pos, color, s.c_str());
    return s.size() != text.size() || s != text;
}

// ---- Tooltips -------------------------------------------------------------------------------------

bool hovered_rect(ImVec2 min, ImVec2 max) {
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return false;
    const ImVec2 m = ImGui::GetIO().MousePos;
    return m.x >= min.x && m.x < max.x && m.y >= min.y && m.y < max.y;
}

void begin_tooltip(float wrap_em) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(wrap_em * em());
}

void end_tooltip() {
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void tooltip(std::string_view text, float wrap_em) {
    begin_tooltip(wrap_em);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    end_tooltip();
}

void tooltip_dim(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void tooltip_swatch(ImU32 color, std::string_view text) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 0.15f * h), ImVec2(p.x + 0.7f * h, p.y + 0.85f * h),
                                              color, 0.1f * h);
    ImGui::Dummy(ImVec2(0.8f * h, h));
    ImGui::SameLine(0, 0.3f * em());
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

// ---- Axes -------------------------------------------------------------------------------------------

std::string fy_era_label(int fiscal_year) { return to_era_abbreviation(fiscal_year); }
std::string fy_year_label(int fiscal_year) { return std::to_string(fiscal_year); }

namespace {

float tick_len() { return 0.3f * em(); }

bool two_line(const AxisSpec& axis) { return axis.kind == AxisKind::fiscal_year && axis.era_labels && !axis.format; }

std::string linear_label(const AxisSpec& axis, double v, double step) {
    return axis.format ? axis.format(v) : format_tick(v, step);
}

std::string axis_title(const AxisSpec& axis) {
    if (axis.unit.empty()) return axis.title;
    if (axis.title.empty()) return axis.unit;
    // Japanese titles take full-width brackets.
    const bool ascii = std::all_of(axis.title.begin(), axis.title.end(), [](char c) { return (c & 0x80) == 0; });
    return ascii ? axis.title + " (" + axis.unit + ")" : axis.title + "（" + axis.unit + "）";
}

}  // namespace

float x_axis_height(const AxisSpec& axis) {
    return tick_len() + ImGui::GetTextLineHeight() * (two_line(axis) ? 2.0f : 1.0f) + 0.1f * em();
}

std::vector<Tick> axis_ticks(const AxisSpec& axis, const LinearScale& scale) {
    std::vector<Tick> out;
    const double lo = std::min(scale.d0, scale.d1), hi = std::max(scale.d0, scale.d1);
    const float pixels = static_cast<float>(std::fabs(scale.r1 - scale.r0));
    const bool vertical = scale.r1 < scale.r0;  // y axes run upwards
    if (axis.kind == AxisKind::fiscal_year) {
        // With a label offset, only ticks whose labels fall inside the domain.
        const int first = static_cast<int>(std::ceil(std::max(lo, lo - axis.label_offset) - 1e-9));
        const int last = static_cast<int>(std::floor(std::min(hi, hi - axis.label_offset) + 1e-9));
        float label_w = axis.format ? text_w(axis.format(last)) : text_w("2000");
        label_w += 0.8f * em();
        int max_ticks = std::max(1, static_cast<int>(pixels / (vertical ? 2.2f * em() : label_w)));
        if (axis.max_ticks > 0) max_ticks = std::min(max_ticks, axis.max_ticks);
        for (int y : fiscal_year_ticks(first, last, max_ticks)) {
            Tick t;
            t.value = y;
            if (axis.format) {
                t.label = axis.format(y);
            } else if (axis.era_labels) {
                t.label = fy_era_label(y);
                t.label2 = fy_year_label(y);
            } else {
                t.label = fy_year_label(y);
            }
            out.push_back(std::move(t));
        }
        return out;
    }
    int target;
    if (vertical) {
        target = static_cast<int>(pixels / (2.4f * em()));
    } else {
        const double step0 = nice_step(hi - lo, 5);
        const float w = std::max(text_w(linear_label(axis, lo, step0)), text_w(linear_label(axis, hi, step0)));
        target = static_cast<int>(pixels / (w + 1.5f * em()));
    }
    target = std::clamp(target, 1, 10);
    if (axis.max_ticks > 0) target = std::min(target, axis.max_ticks);
    const std::vector<double> values = nice_ticks(lo, hi, target);
    const double step = values.size() >= 2 ? values[1] - values[0] : nice_step(hi - lo, target);
    for (double v : values) out.push_back({v, linear_label(axis, v, step), {}});
    return out;
}

std::vector<Tick> draw_x_axis(ImDrawList* dl, const AxisSpec& axis, const LinearScale& scale, float y,
                              bool labels_above, float grid_to) {
    std::vector<Tick> ticks = axis_ticks(axis, scale);
    const float x0 = static_cast<float>(std::min(scale.r0, scale.r1));
    const float x1 = static_cast<float>(std::max(scale.r0, scale.r1));
    const float lh = ImGui::GetTextLineHeight();
    const float tl = tick_len();
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), axis_color());
    const ImU32 tc = text_color();
    const ImU32 dc = dim_text_color();
    for (const Tick& t : ticks) {
        const float x = std::round(scale.mapf(t.value));
        if (axis.grid && !std::isnan(grid_to) && grid_to != y) dl->AddLine(ImVec2(x, y), ImVec2(x, grid_to), grid_color());
        dl->AddLine(ImVec2(x, y), ImVec2(x, labels_above ? y - tl : y + tl), axis_color());
        const float w1 = text_w(t.label), w2 = text_w(t.label2);
        const int lines = t.label2.empty() ? 1 : 2;
        float ty = labels_above ? y - tl - lh * static_cast<float>(lines) : y + tl;
        const float lx = axis.label_offset != 0 ? scale.mapf(t.value + axis.label_offset) : x;
        auto clamp_x = [&](float w) { return std::clamp(lx - w * 0.5f, x0 - w * 0.5f, x1 - w * 0.5f); };
        const bool hl = !std::isnan(axis.highlight) && std::fabs(t.value - axis.highlight) < 1e-9;
        const ImU32 c1 = hl ? accent_color() : t.label2.empty() ? tc : dc;
        const ImU32 c2 = hl ? accent_color() : tc;
        dl->AddText(ImVec2(clamp_x(w1), ty), c1, t.label.c_str());
        if (!t.label2.empty()) dl->AddText(ImVec2(clamp_x(w2), ty + lh), c2, t.label2.c_str());
    }
    return ticks;
}

// ---- Plot frame ---------------------------------------------------------------------------------------

namespace {

PlotFrame& current_plot() { return widget_state().plot; }

LinearScale y_scale_for(const AxisSpec& y, float top, float bottom, Domain* out_domain) {
    double lo = std::isnan(y.min) ? 0 : y.min, hi = std::isnan(y.max) ? 1 : y.max;
    if (lo > hi) std::swap(lo, hi);
    if (y.kind == AxisKind::linear) {
        if (y.include_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
        const int target = std::clamp(static_cast<int>((bottom - top) / (2.4f * em())), 1, 10);
        if (y.nice || lo == hi) {
            // A little room so that points on the extremes are not cut by the frame.
            const double pad = (hi - lo) * 0.04;
            lo = lo >= 0 ? std::max(0.0, lo - pad) : lo - pad;
            hi = hi <= 0 ? std::min(0.0, hi + pad) : hi + pad;
            const Domain d = nice_domain(lo, hi, target);
            lo = d.lo, hi = d.hi;
        }
    } else {
        lo -= 0.5, hi += 0.5;
    }
    if (out_domain) *out_domain = {lo, hi};
    return LinearScale(lo, hi, bottom, top);
}

}  // namespace

bool begin_plot(const char* id, const PlotSpec& spec) {
    IM_ASSERT(!current_plot().open && "begin_plot: end_plot missing");
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();
    ImVec2 size = spec.size;
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = 14.0f * E;
    size.x = std::max(size.x, 6.0f * E);
    size.y = std::max(size.y, 5.0f * E);

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool released = ImGui::InvisibleButton(id, size);  // pressed and released over the frame
    if (!ImGui::IsItemVisible()) return false;
    const bool item_hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);

    PlotState& st = current_plot().state;
    st = PlotState{};
    current_plot().spec = spec;
    st.dl = ImGui::GetWindowDrawList();
    st.frame_min = pos;
    st.frame_max = ImVec2(pos.x + size.x, pos.y + size.y);

    const std::string ytitle = axis_title(spec.y);
    const std::string xtitle = axis_title(spec.x);
    const float top = pos.y + (ytitle.empty() ? 0.5f * E : lh + 0.4f * E);
    const float bottom = st.frame_max.y - x_axis_height(spec.x) - (xtitle.empty() ? 0.0f : lh + 0.1f * E);

    // y ticks first: their labels set the left margin.
    Domain yd;
    LinearScale ys = y_scale_for(spec.y, top, bottom, &yd);
    const std::vector<Tick> yticks = axis_ticks(spec.y, ys);
    float ylabel_w = 0;
    for (const Tick& t : yticks) ylabel_w = std::max(ylabel_w, text_w(t.label));
    const float left = pos.x + ylabel_w + tick_len() + 0.3f * E;
    const float right = st.frame_max.x - 1.0f * E;

    double xlo = std::isnan(spec.x.min) ? 0 : spec.x.min, xhi = std::isnan(spec.x.max) ? 1 : spec.x.max;
    if (xlo > xhi) std::swap(xlo, xhi);
    if (spec.x.kind == AxisKind::fiscal_year) {
        xlo -= 0.5, xhi += 0.5;
    } else if (spec.x.nice || xlo == xhi) {
        if (spec.x.include_zero) xlo = std::min(xlo, 0.0), xhi = std::max(xhi, 0.0);
        const Domain d = nice_domain(xlo, xhi, 5);
        xlo = d.lo, xhi = d.hi;
    }
    st.x = LinearScale(xlo, xhi, left, right);
    st.y = ys;
    st.plot_min = ImVec2(left, top);
    st.plot_max = ImVec2(right, bottom);

    ImDrawList* dl = st.dl;
    const ImU32 tc = text_color();
    // y axis: grid, ticks, labels (right-aligned).
    for (const Tick& t : yticks) {
        const float y = std::round(ys.mapf(t.value));
        if (spec.y.grid) dl->AddLine(ImVec2(left, y), ImVec2(right, y), grid_color());
        dl->AddLine(ImVec2(left - tick_len(), y), ImVec2(left, y), axis_color());
        dl->AddText(ImVec2(left - tick_len() - 0.15f * E - text_w(t.label), y - lh * 0.5f), tc, t.label.c_str());
    }
    dl->AddLine(ImVec2(left, top), ImVec2(left, bottom), axis_color());
    if (!ytitle.empty()) text_ellipsis(dl, ImVec2(pos.x, pos.y), dim_text_color(), ytitle, size.x);
    // x axis along the bottom, with its grid.
    draw_x_axis(dl, spec.x, st.x, bottom, false, spec.x.grid ? top : bottom);
    if (!xtitle.empty()) {
        const std::string t = ellipsize(xtitle, right - left);
        dl->AddText(ImVec2(right - text_w(t), st.frame_max.y - lh), dim_text_color(), t.c_str());
    }
    if (spec.border) dl->AddRect(st.plot_min, ImVec2(right + 1, bottom + 1), grid_color());

    st.mouse = ImGui::GetIO().MousePos;
    st.hovered = item_hovered && st.mouse.x >= left && st.mouse.x < right && st.mouse.y >= top && st.mouse.y < bottom;
    if (st.hovered) {
        st.mouse_x = st.x.invert(st.mouse.x);
        st.mouse_y = st.y.invert(st.mouse.y);
        st.clicked = released;
        if (spec.hover_guide) dl->AddLine(ImVec2(st.mouse.x, top), ImVec2(st.mouse.x, bottom), grid_color());
    }
    dl->PushClipRect(ImVec2(left, top - 1), ImVec2(right + 1, bottom + 1), true);
    current_plot().open = true;
    return true;
}

void end_plot() {
    IM_ASSERT(current_plot().open && "end_plot without a successful begin_plot");
    current_plot().state.dl->PopClipRect();
    current_plot().open = false;
}

const PlotState& plot_state() { return current_plot().state; }

ImVec2 to_pixels(double x, double y) { return ImVec2(current_plot().state.x.mapf(x), current_plot().state.y.mapf(y)); }

void plot_line(const double* xs, const double* ys, std::size_t n, const LineStyle& style) {
    if (!current_plot().open || n == 0) return;
    const PlotState& st = current_plot().state;
    const float E = em();
    const int columns = std::max(1, static_cast<int>(st.plot_max.x - st.plot_min.x));
    const double x0 = std::min(st.x.d0, st.x.d1), x1 = std::max(st.x.d0, st.x.d1);
    const std::vector<std::size_t> idx = downsample_minmax(xs, ys, n, x0, x1, columns);
    const float thick = std::max(1.0f, style.thickness * E);
    std::vector<ImVec2> run;
    auto flush = [&] {
        if (run.size() >= 2) {
            if (style.dashed) {
                for (std::size_t k = 1; k < run.size(); ++k)
                    dashed_line(st.dl, run[k - 1], run[k], style.color, thick, 0.5f * E, 0.3f * E);
            } else {
                st.dl->AddPolyline(run.data(), static_cast<int>(run.size()), style.color, 0, thick);
            }
        }
        run.clear();
    };
    std::size_t in_range = 0;
    for (std::size_t k = 0; k < idx.size(); ++k) {
        const std::size_t i = idx[k];
        if (k > 0) {
            // A NaN between two kept points breaks the line.
            bool gap = false;
            for (std::size_t j = idx[k - 1] + 1; j < i && !gap; ++j) gap = std::isnan(ys[j]);
            if (gap) flush();
        }
        run.push_back(to_pixels(xs[i], ys[i]));
        if (xs[i] >= x0 && xs[i] <= x1) ++in_range;
    }
    flush();
    if (style.marker == Marker::none) return;
    const float r = std::max(1.5f, style.marker_radius * E);
    if (static_cast<float>(in_range) * 2.0f * r > static_cast<float>(columns)) return;  // too dense
    for (std::size_t i : idx) {
        if (xs[i] < x0 || xs[i] > x1) continue;
        if (style.use_alternate && style.use_alternate[i])
            draw_marker(st.dl, to_pixels(xs[i], ys[i]), style.alternate, r * 1.1f, style.alternate_fill, style.color);
        else
            draw_marker(st.dl, to_pixels(xs[i], ys[i]), style.marker, r, style.color, style.marker_outline);
    }
}

int hovered_point(const double* xs, const double* ys, std::size_t n, float radius_em) {
    const PlotState& st = current_plot().state;
    if (!current_plot().open || !st.hovered || n == 0) return -1;
    const float r = radius_em * em();
    // Points within ±r px in x: a window found by binary search.
    const double xa = st.x.invert(st.mouse.x - r), xb = st.x.invert(st.mouse.x + r);
    const double lo = std::min(xa, xb), hi = std::max(xa, xb);
    const std::size_t b = static_cast<std::size_t>(std::lower_bound(xs, xs + n, lo) - xs);
    const std::size_t e = static_cast<std::size_t>(std::upper_bound(xs, xs + n, hi) - xs);
    int best = -1;
    float best_d = r * r;
    for (std::size_t i = b; i < e; ++i) {
        if (std::isnan(ys[i])) continue;
        const ImVec2 p = to_pixels(xs[i], ys[i]);
        const float dx = p.x - st.mouse.x, dy = p.y - st.mouse.y;
        const float d = dx * dx + dy * dy;
        if (d <= best_d) best_d = d, best = static_cast<int>(i);
    }
    return best;
}

void plot_bars(const double* xs, const double* ys, std::size_t n, double width, ImU32 color) {
    if (!current_plot().open) return;
    const PlotState& st = current_plot().state;
    const double base = std::clamp(0.0, std::min(st.y.d0, st.y.d1), std::max(st.y.d0, st.y.d1));
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(ys[i])) continue;
        ImVec2 a = to_pixels(xs[i] - width / 2, base), b = to_pixels(xs[i] + width / 2, ys[i]);
        if (a.x > b.x) std::swap(a.x, b.x);
        if (a.y > b.y) std::swap(a.y, b.y);
        st.dl->AddRectFilled(a, ImVec2(std::max(b.x, a.x + 1), std::max(b.y, a.y + 1)), color);
    }
}

void plot_vline(double x, ImU32 color, float thickness_em, std::string_view label, bool dashed) {
    if (!current_plot().open) return;
    const PlotState& st = current_plot().state;
    const float px = std::round(st.x.mapf(x));
    const float t = std::max(1.0f, thickness_em * em());
    if (dashed) dashed_line(st.dl, ImVec2(px, st.plot_min.y), ImVec2(px, st.plot_max.y), color, t, 0.4f * em(), 0.3f * em());
    else st.dl->AddLine(ImVec2(px, st.plot_min.y), ImVec2(px, st.plot_max.y), color, t);
    if (!label.empty()) {
        const float w = text_w(label);
        float lx = px + 0.25f * em();
        if (lx + w > st.plot_max.x) lx = px - 0.25f * em() - w;
        st.dl->AddText(ImVec2(lx, st.plot_min.y + 0.1f * em()), color, label.data(), label.data() + label.size());
    }
}

void plot_hline(double y, ImU32 color, float thickness_em, std::string_view label, bool dashed) {
    if (!current_plot().open) return;
    const PlotState& st = current_plot().state;
    const float py = std::round(st.y.mapf(y));
    const float t = std::max(1.0f, thickness_em * em());
    if (dashed) dashed_line(st.dl, ImVec2(st.plot_min.x, py), ImVec2(st.plot_max.x, py), color, t, 0.4f * em(), 0.3f * em());
    else st.dl->AddLine(ImVec2(st.plot_min.x, py), ImVec2(st.plot_max.x, py), color, t);
    if (!label.empty()) {
        const float w = text_w(label);
        const float lh = ImGui::GetTextLineHeight();
        float ly = py - lh - 0.05f * em();
        if (ly < st.plot_min.y) ly = py + 0.05f * em();
        st.dl->AddText(ImVec2(st.plot_max.x - w - 0.3f * em(), ly), color, label.data(), label.data() + label.size());
    }
}

PixelRect plot_hline_label_clear(double y, ImU32 color, float thickness_em, std::string_view label, bool dashed,
                                 const std::vector<PixelRect>& avoid) {
    if (!current_plot().open) return {};
    plot_hline(y, color, thickness_em, {}, dashed);
    if (label.empty()) return {};
    const PlotState& st = current_plot().state;
    const float py = std::round(st.y.mapf(y));
    const float w = text_w(label), lh = ImGui::GetTextLineHeight(), E = em();
    const float above = py - lh - 0.05f * E, below = py + 0.05f * E;
    const float right = st.plot_max.x - w - 0.3f * E, left = st.plot_min.x + 0.3f * E;
    PixelRect chosen{};
    bool found = false;
    for (const ImVec2 at : {ImVec2(right, above), ImVec2(right, below), ImVec2(left, above), ImVec2(left, below)}) {
        if (at.y < st.plot_min.y || at.y + lh > st.plot_max.y) continue;  // inside the plot
        const PixelRect r{at, ImVec2(at.x + w, at.y + lh)};
        if (std::none_of(avoid.begin(), avoid.end(), [&](const PixelRect& a) { return a.overlaps(r); })) {
            chosen = r;
            found = true;
            break;
        }
    }
    if (!found) {  // every place is taken: as plot_hline puts it
        const float ly = above < st.plot_min.y ? below : above;
        chosen = {ImVec2(right, ly), ImVec2(right + w, ly + lh)};
    }
    st.dl->AddText(chosen.min, color, label.data(), label.data() + label.size());
    return chosen;
}

void plot_text(double x, double y, std::string_view text, ImU32 color, ImVec2 offset) {
    if (!current_plot().open) return;
    const ImVec2 p = to_pixels(x, y);
    current_plot().state.dl->AddText(ImVec2(p.x + offset.x, p.y + offset.y), color, text.data(), text.data() + text.size());
}

void plot_message(std::string_view text, ImU32 color) {
    if (!current_plot().open) return;
    const PlotState& st = current_plot().state;
    const std::string t = ellipsize(text, st.plot_max.x - st.plot_min.x - em());
    const ImVec2 sz = ImGui::CalcTextSize(t.c_str());
    const ImVec2 c((st.plot_min.x + st.plot_max.x) * 0.5f, (st.plot_min.y + st.plot_max.y) * 0.5f);
    st.dl->AddText(ImVec2(c.x - sz.x * 0.5f, c.y - sz.y * 0.5f), color, t.c_str());
}

// ---- Legend ------------------------------------------------------------------------------------------------

void draw_swatch(ImDrawList* dl, ImVec2 min, ImVec2 max, const LegendEntry& entry) {
    const float E = em();
    const float cy = (min.y + max.y) * 0.5f;
    const ImU32 color = entry.color;
    const ImVec2 mid((min.x + max.x) * 0.5f, cy);
    auto marker = [&](float r) {
        if (entry.marker_fill) draw_marker(dl, mid, entry.marker, r, entry.marker_fill, color);
        else draw_marker(dl, mid, entry.marker, r, color);
    };
    switch (entry.swatch) {
    case Swatch::box: dl->AddRectFilled(min, max, color, 0.1f * E); break;
    case Swatch::line: dl->AddLine(ImVec2(min.x, cy), ImVec2(max.x, cy), color, std::max(1.0f, 0.15f * E)); break;
    case Swatch::dashed_line:
        dashed_line(dl, ImVec2(min.x, cy), ImVec2(max.x, cy), color, std::max(1.0f, 0.15f * E), 0.35f * E, 0.2f * E);
        break;
    case Swatch::line_marker:
        dl->AddLine(ImVec2(min.x, cy), ImVec2(max.x, cy), color, std::max(1.0f, 0.15f * E));
        marker(0.25f * E);
        break;
    case Swatch::marker: marker(entry.marker == Marker::question ? 0.48f * E : 0.32f * E); break;  // the "?" stays above the room's minimum text height
    case Swatch::hatched: hatch_rect(dl, min, max, unknown_fill(), color, 0.3f * E); break;
    case Swatch::box_striped: hatch_rect(dl, min, max, color, kind_stripes(), 0.35f * E, 1.5f); break;
    case Swatch::dashed_box: dashed_rect(dl, min, max, color, 1.0f, 0.3f * E, 0.15f * E); break;
    case Swatch::outline: dl->AddRect(min, max, color, 0.1f * E, 0, std::max(2.0f, 0.12f * E)); break;
    }
}

int legend(const std::vector<LegendEntry>& entries) {
    const float E = em();
    const float sw = 1.4f * E, gap = 0.35f * E, lh = ImGui::GetTextLineHeight();
    int hovered = -1;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const LegendEntry& e = entries[i];
        const float avail = ImGui::GetContentRegionAvail().x;
        const float w = sw + gap + text_w(e.label);
        if (i > 0) same_line_if_fits(w, 1.0f * E);
        ImGui::PushID(static_cast<int>(i));
        ImGui::BeginGroup();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(sw, lh));
        draw_swatch(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + 0.2f * lh), ImVec2(p.x + sw, p.y + 0.8f * lh), e);
        ImGui::SameLine(0, gap);
        // Labels longer than the line are cut with an ellipsis.
        const std::string label = ellipsize(e.label, std::max(avail - sw - gap, 2.0f * E));
        ImGui::TextUnformatted(label.c_str());
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) hovered = static_cast<int>(i);
        ImGui::PopID();
    }
    return hovered;
}

// ---- Grouped bars -------------------------------------------------------------------------------------------

BarHit grouped_bars(const char* id, const GroupedBarsSpec& spec) {
    BarHit hit;
    const std::size_t nseries = spec.series_colors.size();
    const std::size_t ncats = spec.categories.size();
    if (ncats == 0 || nseries == 0 || !spec.value) return hit;
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();

    std::vector<BarValue> values(ncats * nseries);
    double max_v = 0;
    for (std::size_t k = 0; k < ncats; ++k)
        for (std::size_t c = 0; c < nseries; ++c) {
            values[k * nseries + c] = spec.value(k, c);
            const double v = values[k * nseries + c].value;
            if (!std::isnan(v)) max_v = std::max(max_v, v);
        }
    double axis_max = spec.axis_max;
    if (std::isnan(axis_max) || axis_max <= 0) axis_max = std::max(nice_domain(0, std::max(max_v, spec.min_axis_max), 5).hi, spec.min_axis_max);
    if (!(axis_max > 0)) axis_max = 1;

    const float avail = ImGui::GetContentRegionAvail().x;
    float label_w = 0;
    for (const std::string& cat : spec.categories) label_w = std::max(label_w, text_w(cat));
    label_w = std::min(label_w + 0.8f * E, avail * spec.max_label_fraction);
    const float value_w = spec.value_labels ? text_w(spec.value_label_sample) + 0.6f * E : 0.8f * E;
    const float bar_area = std::max(avail - label_w - value_w, 4.0f * E);
    const float bar_h = spec.bar_height * E;
    const float group_gap = 0.5f * E;
    const float top_pad = 0.3f * E;
    const float wrap = std::max(label_w - 0.4f * E, 1.0f);
    const float bars_h = static_cast<float>(nseries) * (bar_h + 1.0f);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Category labels wrap with the Japanese-aware rules (ui/widgets/text_wrap.hpp).
    std::vector<std::vector<std::string_view>> label_lines(ncats);
    std::vector<float> group_y(ncats + 1, origin.y + top_pad);
    for (std::size_t k = 0; k < ncats; ++k) {
        label_lines[k] = wrap_lines(spec.categories[k], wrap);
        const float h = lh * static_cast<float>(std::max<std::size_t>(label_lines[k].size(), 1));
        group_y[k + 1] = group_y[k] + std::max(bars_h, h) + group_gap;
    }
    const float axis_y = group_y.back();
    const float total_h = axis_y - origin.y + lh + tick_len();
    ImGui::PushID(id);
    ImGui::InvisibleButton("##bars", ImVec2(std::max(avail, 1.0f), total_h));
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const bool chart_hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (!ImGui::IsItemVisible()) return hit;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x0 = origin.x + label_w;

    // Value axis: grid lines from the top, ticks and labels under the last group.
    AxisSpec axis;
    axis.format = spec.tick_format;
    axis.max_ticks = spec.max_ticks > 0 ? spec.max_ticks : 6;
    const LinearScale xs(0, axis_max, x0, x0 + bar_area);
    for (const Tick& t : axis_ticks(axis, xs)) {
        const float x = std::round(xs.mapf(t.value));
        dl->AddLine(ImVec2(x, origin.y), ImVec2(x, axis_y), grid_color());
        dl->AddLine(ImVec2(x, axis_y), ImVec2(x, axis_y + tick_len()), axis_color());
        const float tw = text_w(t.label);
        dl->AddText(ImVec2(std::min(x - tw * 0.5f, origin.x + avail - tw), axis_y + tick_len()), dim_text_color(),
                    t.label.c_str());
    }
    dl->AddLine(ImVec2(x0, origin.y), ImVec2(x0, axis_y), axis_color());

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (std::size_t k = 0; k < ncats; ++k) {
        const float gy = group_y[k];
        const float group_h = group_y[k + 1] - gy;
        const float label_h = lh * static_cast<float>(std::max<std::size_t>(label_lines[k].size(), 1));
        float ly = gy + std::max(0.0f, (group_h - group_gap - label_h) * 0.5f);
        dl->PushClipRect(ImVec2(origin.x, gy), ImVec2(x0 - 0.2f * E, gy + group_h), true);
        for (std::string_view line : label_lines[k]) {
            dl->AddText(ImVec2(origin.x, ly), text_color(), line.data(), line.data() + line.size());
            ly += lh;
        }
        dl->PopClipRect();
        for (std::size_t c = 0; c < nseries; ++c) {
            const BarValue& v = values[k * nseries + c];
            const float y = gy + std::max(0.0f, (group_h - group_gap - bars_h) * 0.5f) + static_cast<float>(c) * (bar_h + 1.0f);
            float len = 0;
            if (!std::isnan(v.value) && v.value > 0) {
                len = static_cast<float>(std::min(v.value, axis_max) / axis_max) * bar_area;
                dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + std::max(len, 1.5f), y + bar_h), spec.series_colors[c]);
            }
            if (spec.value_labels && !v.label.empty())
                dl->AddText(ImVec2(x0 + len + 0.3f * E, y + (bar_h - lh) * 0.5f), v.dim ? dim_text_color() : text_color(),
                            v.label.c_str());
            if (chart_hovered && mouse.y >= y && mouse.y < y + bar_h + 1.0f && mouse.x >= origin.x) {
                hit.category = static_cast<int>(k);
                hit.series = static_cast<int>(c);
                hit.clicked = clicked;
            }
        }
    }
    return hit;
}

// ---- Heatmap ------------------------------------------------------------------------------------------------

namespace {

struct HeatLayout {
    ImVec2 cell;
    ImVec2 size;
};

HeatLayout heat_layout(const HeatmapSpec& spec) {
    const float E = em();
    HeatLayout l;
    l.cell = spec.cell_size;
    if (l.cell.x < 0 && spec.cols > 0)
        l.cell.x = std::max(4.0f, ImGui::GetContentRegionAvail().x / static_cast<float>(spec.cols));
    else if (l.cell.x == 0)
        l.cell.x = 3.0f * E;
    if (l.cell.y <= 0) l.cell.y = 1.6f * E;
    l.size = ImVec2(l.cell.x * static_cast<float>(std::max(spec.cols, 0)), l.cell.y * static_cast<float>(std::max(spec.rows, 0)));
    return l;
}

}  // namespace

ImVec2 heatmap_size(const HeatmapSpec& spec) { return heat_layout(spec).size; }

HeatmapHit heatmap_grid(const char* id, const HeatmapSpec& spec) {
    HeatmapHit hit;
    if (spec.rows <= 0 || spec.cols <= 0) return hit;
    const float E = em();
    const HeatLayout l = heat_layout(spec);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(std::max(l.size.x, 1.0f), std::max(l.size.y, 1.0f)));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    if (!ImGui::IsItemVisible()) return hit;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 grid = origin;
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();

    // Visible rows / columns only.
    const int r0 = std::clamp(static_cast<int>(std::floor((clip_min.y - grid.y) / l.cell.y)), 0, spec.rows);
    const int r1 = std::clamp(static_cast<int>(std::ceil((clip_max.y - grid.y) / l.cell.y)), 0, spec.rows);
    const int c0 = std::clamp(static_cast<int>(std::floor((clip_min.x - grid.x) / l.cell.x)), 0, spec.cols);
    const int c1 = std::clamp(static_cast<int>(std::ceil((clip_max.x - grid.x) / l.cell.x)), 0, spec.cols);
    const float gap = std::max(spec.gap, 0.0f);

    // Cells.
    for (int r = r0; r < r1; ++r) {
        for (int c = c0; c < c1; ++c) {
            const double v = spec.values ? spec.values[static_cast<std::size_t>(r) * static_cast<std::size_t>(spec.cols) +
                                                       static_cast<std::size_t>(c)]
                                         : nan;
            const ImVec2 a(grid.x + l.cell.x * static_cast<float>(c), grid.y + l.cell.y * static_cast<float>(r));
            const ImVec2 b(a.x + l.cell.x - gap, a.y + l.cell.y - gap);
            ImU32 bg;
            std::string text;
            if (std::isnan(v)) {
                bg = unknown_fill();
                hatch_rect(dl, a, b, bg, unknown_hatch(), std::max(3.0f, 0.35f * E));
                text = spec.unknown_text;
            } else {
                bg = value_u32(spec.colormap, v, spec.vmin, spec.vmax);
                dl->AddRectFilled(a, b, bg);
                if (spec.cell_text) text = spec.cell_text(r, c, v);
                else if (spec.show_values) text = format_tick(v, spec.value_step);
            }
            if (spec.cell_text && std::isnan(v)) {
                const std::string t = spec.cell_text(r, c, v);
                if (!t.empty()) text = t;
            }
            if (!text.empty()) {
                const std::string t = ellipsize(text, b.x - a.x - 0.2f * E);
                const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
                const ImU32 fg = std::isnan(v) ? text_color() : contrast_text(bg);
                dl->AddText(ImVec2(a.x + (b.x - a.x - ts.x) * 0.5f, a.y + (b.y - a.y - ts.y) * 0.5f), fg, t.c_str());
            }
            if (spec.on_cell) spec.on_cell(r, c, a, b);
        }
    }
    // Highlight.
    const ImU32 hl = accent_color();
    const float ht = std::max(2.0f, 0.12f * E);
    if (spec.highlight_row >= 0 && spec.highlight_row < spec.rows) {
        const float y = grid.y + l.cell.y * static_cast<float>(spec.highlight_row);
        if (spec.highlight_col >= 0 && spec.highlight_col < spec.cols) {
            const float x = grid.x + l.cell.x * static_cast<float>(spec.highlight_col);
            dl->AddRect(ImVec2(x - 1, y - 1), ImVec2(x + l.cell.x - gap + 1, y + l.cell.y - gap + 1), hl, 0, 0, ht);
        } else {
            dl->AddRect(ImVec2(grid.x - 1, y - 1), ImVec2(grid.x + l.cell.x * static_cast<float>(spec.cols) - gap + 1, y + l.cell.y - gap + 1),
                        hl, 0, 0, ht);
        }
    } else if (spec.highlight_col >= 0 && spec.highlight_col < spec.cols) {
        const float x = grid.x + l.cell.x * static_cast<float>(spec.highlight_col);
        dl->AddRect(ImVec2(x - 1, grid.y - 1), ImVec2(x + l.cell.x - gap + 1, grid.y + l.cell.y * static_cast<float>(spec.rows) - gap + 1),
                    hl, 0, 0, ht);
    }
    // Hit test.
    if (hovered) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const int r = static_cast<int>(std::floor((m.y - grid.y) / l.cell.y));
        const int c = static_cast<int>(std::floor((m.x - grid.x) / l.cell.x));
        if (r >= 0 && r < spec.rows) {
            hit.row = r;
            hit.clicked = clicked;
            if (c >= 0 && c < spec.cols) {
                hit.col = c;
                hit.cell_min = ImVec2(grid.x + l.cell.x * static_cast<float>(c), grid.y + l.cell.y * static_cast<float>(r));
                hit.cell_max = ImVec2(hit.cell_min.x + l.cell.x - gap, hit.cell_min.y + l.cell.y - gap);
                dl->AddRect(ImVec2(hit.cell_min.x - 1, hit.cell_min.y - 1), ImVec2(hit.cell_max.x + 1, hit.cell_max.y + 1),
                            text_color(), 0, 0, 1.5f);
            } else {
                hit.row = -1;  // beside the grid: nothing
                hit.clicked = false;
            }
        }
    }
    return hit;
}

// ---- Colour bar ------------------------------------------------------------------------------------------------

namespace {

struct BarLayout {
    ImVec2 bar;          // thickness × length
    float title_h = 0;
    float labels_w = 0;
    float unknown_h = 0;
    ImVec2 size;
    std::vector<double> ticks;
    double step = 0;
};

std::string bar_label(const ColorbarSpec& spec, double v, double step) {
    return spec.tick_format ? spec.tick_format(v) : format_tick(v, step);
}

BarLayout bar_layout(const ColorbarSpec& spec) {
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();
    BarLayout l;
    l.bar = ImVec2(spec.size.x > 0 ? spec.size.x : 1.0f * E, spec.size.y > 0 ? spec.size.y : 10.0f * E);
    l.title_h = spec.title.empty() ? 0.5f * lh : lh + 0.5f * lh;
    const int target = std::clamp(static_cast<int>(l.bar.y / (2.0f * lh)), 1, 8);
    l.ticks = nice_ticks(spec.vmin, spec.vmax, target);
    l.step = l.ticks.size() >= 2 ? l.ticks[1] - l.ticks[0] : nice_step(std::fabs(spec.vmax - spec.vmin), target);
    for (double t : l.ticks) l.labels_w = std::max(l.labels_w, text_w(bar_label(spec, t, l.step)));
    l.unknown_h = spec.unknown_label.empty() ? 0 : lh + 0.8f * E;
    float w = l.bar.x + tick_len() + 0.2f * E + l.labels_w;
    if (!spec.title.empty()) w = std::max(w, text_w(spec.title));
    if (!spec.unknown_label.empty()) w = std::max(w, 1.0f * E + 0.4f * E + text_w(spec.unknown_label));
    l.size = ImVec2(w, l.title_h + l.bar.y + 0.5f * lh + l.unknown_h);
    return l;
}

}  // namespace

ImVec2 colorbar_size(const ColorbarSpec& spec) { return bar_layout(spec).size; }

void colorbar(const char* id, const ColorbarSpec& spec) {
    const float E = em();
    const float lh = ImGui::GetTextLineHeight();
    const BarLayout l = bar_layout(spec);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(l.size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (!spec.title.empty()) dl->AddText(origin, dim_text_color(), spec.title.c_str());
    const ImVec2 gmin(origin.x, origin.y + l.title_h);
    const ImVec2 gmax(gmin.x + l.bar.x, gmin.y + l.bar.y);
    // The gradient: one two-colour rect per anchor interval (the colormap is linear between anchors).
    constexpr int segments = 64;
    for (int s = 0; s < segments; ++s) {
        const double t0 = static_cast<double>(s) / segments, t1 = static_cast<double>(s + 1) / segments;
        const float yb = gmax.y - static_cast<float>(t0) * l.bar.y;  // bottom of the segment
        const float yt = gmax.y - static_cast<float>(t1) * l.bar.y;
        const ImU32 cb = colormap_u32(spec.colormap, t0), ct = colormap_u32(spec.colormap, t1);
        dl->AddRectFilledMultiColor(ImVec2(gmin.x, yt), ImVec2(gmax.x, yb), ct, ct, cb, cb);
    }
    dl->AddRect(ImVec2(gmin.x - 1, gmin.y - 1), ImVec2(gmax.x + 1, gmax.y + 1), axis_color());
    const LinearScale ys(spec.vmin, spec.vmax, gmax.y, gmin.y);
    for (double t : l.ticks) {
        const float y = std::round(ys.mapf(t));
        dl->AddLine(ImVec2(gmax.x, y), ImVec2(gmax.x + tick_len(), y), axis_color());
        const std::string s = bar_label(spec, t, l.step);
        dl->AddText(ImVec2(gmax.x + tick_len() + 0.2f * E, y - lh * 0.5f), text_color(), s.c_str());
    }
    if (!spec.unknown_label.empty()) {
        const ImVec2 a(origin.x, gmax.y + 0.5f * lh + 0.4f * E);
        hatch_rect(dl, a, ImVec2(a.x + 1.0f * E, a.y + lh), unknown_fill(), unknown_hatch(), std::max(3.0f, 0.35f * E));
        dl->AddText(ImVec2(a.x + 1.4f * E, a.y), text_color(), spec.unknown_label.c_str());
    }
    if (probes_enabled()) record_probe(std::string(id) + ".colorbar", gmin, gmax, spec.vmin, spec.vmax, "vertical");
}

}  // namespace wardscope::ui::plot
