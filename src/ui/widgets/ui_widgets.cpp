#include "ui/widgets/ui_widgets.hpp"

#include "wardscope/count_words.hpp"
#include "wardscope/evaluation.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

#include <imgui_internal.h>

#include "ui/widget_state.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/spotlight.hpp"
#include "ui/widgets/selection_chips.hpp"
#include "ui/widgets/table_tools.hpp"
#include "ui/widgets/text_wrap.hpp"
#include "wardscope/era.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {

namespace {

// Strings of this file. X(name, ja, en)
#define WS_WIDGET_STRINGS(X)                                   \
    X(unknown, "未設定", "unknown")                            \
    X(copy_source_hint, "Ctrl+C: 項目をコピー · Ctrl+Shift+C: 出典をコピー", "Ctrl+C: copy the item · Ctrl+Shift+C: copy the source") \
    X(name_unknown, "（名称不明）", "(name unknown)")          \
    X(strength, "強み", "Strengths")                           \
    X(weakness, "弱み", "Weaknesses")                          \
    X(opportunity, "機会", "Opportunities")                    \
    X(threat, "脅威", "Threats")                               \
    X(unmapped, "SWOTの区分なし", "Not mapped to a quadrant")  \
    X(source, "出典", "Source")                                \
    X(section, "節", "Section")                                \
    X(file, "ファイル", "File")                                \
    X(page, "ページ", "Page")                                  \
    X(number_empty, "値が空です（不明な値は 0 と書かずに空けておいてください）",  \
      "The value is empty (leave unknown values out instead of writing 0)")      \
    X(number_invalid, "「%s」は数値ではありません（例: 45、４５、1,234）",     \
      "'%s' is not a number (e.g. 45, 1,234)")                                 \
    X(number_grouping, "「%s」: 桁区切りのカンマは3桁ごとです（1,234 または 1234）", \
      "'%s': thousands separators group three digits (1,234 or 1234)")        \
    X(number_range, "「%s」は大きすぎます", "'%s' is too large")              \
    X(translation, "（英訳）", " (translation)")                  \
    X(evaluation, "施策評価", "Evaluation")                                 \
    X(evaluation_summary_fmt, "施策評価（%s年度、%d件）: %s", "Evaluation (FY%s, %d {item|items}): %s") \
    X(evaluation_item_fmt, "%s年度 %s", "FY%s %s")                            \
    X(symbols, "→←↔·–—…§≈×▶▼▲●•■□◆›「」【】（）、。～〜：＋０１２３４５６７８９，．－−", "")

namespace S {
WS_WIDGET_STRINGS(WS_STR_DECLARE)
}  // namespace S

}  // namespace

std::string number_problem_text(NumberProblem problem, std::string_view text, Lang lang) {
    const std::string typed(text);
    switch (problem) {
        case NumberProblem::none: return {};
        case NumberProblem::empty: return S::number_empty(lang);
        case NumberProblem::bad_grouping: return format(S::number_grouping(lang), typed.c_str());
        case NumberProblem::out_of_range: return format(S::number_range(lang), typed.c_str());
        case NumberProblem::not_a_number: break;
    }
    return format(S::number_invalid(lang), typed.c_str());
}

void append_widget_strings(std::vector<const char*>& out) {
    WS_WIDGET_STRINGS(WS_STR_COLLECT)
    append_annotation_strings(out);
    append_table_tool_strings(out);
    append_selection_chip_strings(out);
    append_table_words(out);
}

namespace {

// What one printf conversion of a format printed: where it ends in the format,
// its integer (if it printed one), and whether it is a percentage ("%d%%").
struct Conversion {
    std::size_t end = 0;
    std::optional<long long> integer;
    bool percent = false;
};

// The conversions of `fmt` with the integers they take from `args` (the
// formats of this UI: flags, width, precision, length modifiers; no "%1$d").
std::vector<Conversion> conversions(const char* fmt, va_list args) {
    std::vector<Conversion> out;
    const auto digits = [](const char*& p) {
        while (*p >= '0' && *p <= '9') ++p;
    };
    for (const char* p = fmt; *p; ++p) {
        if (*p != '%') continue;
        if (*++p == '%') continue;
        while (*p && std::strchr("-+ #0'", *p)) ++p;
        if (*p == '*') (void)va_arg(args, int), ++p;
        else digits(p);
        if (*p == '.') {
            ++p;
            if (*p == '*') (void)va_arg(args, int), ++p;
            else digits(p);
        }
        std::string length;
        while (*p && std::strchr("hlzjtL", *p)) length += *p++;
        Conversion c;
        switch (*p) {
        case 'd': case 'i':
            c.integer = length == "ll" ? va_arg(args, long long) : length == "l" ? va_arg(args, long)
                      : length == "z" || length == "t" || length == "j" ? static_cast<long long>(va_arg(args, std::ptrdiff_t))
                                                                          : va_arg(args, int);
            break;
        case 'o': case 'u': case 'x': case 'X':
            c.integer = length == "ll" ? static_cast<long long>(va_arg(args, unsigned long long))
                      : length == "l" ? static_cast<long long>(va_arg(args, unsigned long))
                      : length == "z" || length == "t" || length == "j" ? static_cast<long long>(va_arg(args, std::size_t))
                                                                          : va_arg(args, unsigned);
            break;
        case 'c': (void)va_arg(args, int); break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            if (length == "L") (void)va_arg(args, long double);
            else (void)va_arg(args, double);
            break;
        case 's': case 'p': case 'n': (void)va_arg(args, void*); break;
        default: return out;  // not a conversion this reads: the forms after it follow the last one read
        }
        c.end = static_cast<std::size_t>(p + 1 - fmt);
        c.percent = p[1] == '%' && p[2] == '%';
        out.push_back(c);
    }
    return out;
}

// `fmt` with each "{one|other}" replaced by the form its count takes: the
// nearest integer printed before it that is not a percentage (else the first
// after it); "one" for 1, "other" for any other number.
std::string choose_forms(const char* fmt, const std::vector<Conversion>& printed) {
    std::string out;
    for (std::size_t i = 0; fmt[i];) {
        const char* open = fmt + i;
        const std::size_t bar = *open == '{' ? 1 + std::strcspn(open + 1, "|}%{\n") : 0;
        const std::size_t close = bar > 0 && open[bar] == '|' ? bar + 1 + std::strcspn(open + bar + 1, "|}%{\n") : 0;
        if (close == 0 || open[close] != '}') {
            out += fmt[i++];
            continue;
        }
        std::optional<long long> count;
        for (const Conversion& c : printed)
            if (c.integer && !c.percent && (c.end <= i || !count)) count = c.integer;
        const bool one = count && is_singular(*count);
        out.append(one ? std::string_view(open + 1, bar - 1) : std::string_view(open + bar + 1, close - bar - 1));
        i += close + 1;
    }
    return out;
}

}  // namespace

std::string format(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    std::string chosen;
    if (std::strchr(fmt, '{')) {  // English counts: "%d {plan|plans}"
        va_list walk;
        va_copy(walk, args);
        chosen = choose_forms(fmt, conversions(fmt, walk));
        va_end(walk);
        fmt = chosen.c_str();
    }
    char small[256];
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    std::string out;
    if (n < 0) {
        va_end(args);
        return out;
    }
    if (static_cast<std::size_t>(n) < sizeof small) {
        out.assign(small, static_cast<std::size_t>(n));
    } else {
        out.resize(static_cast<std::size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), fmt, args);
        out.resize(static_cast<std::size_t>(n));
    }
    va_end(args);
    return out;
}

// ---- Selection and filter ----------------------------------------------------------

const Plan* current_plan(const ViewContext& ctx) {
    if (const Plan* p = ctx.data.find_plan(ctx.selection.front_plan())) return p;
    for (const Plan& p : ctx.data.plans)
        if (ctx.filter.passes(ctx.data, p)) return &p;
    return ctx.data.plans.empty() ? nullptr : &ctx.data.plans.front();
}

// ---- Labels ----------------------------------------------------------------------------

const char* unknown_text(Lang lang) { return S::unknown(lang); }

std::string municipality_name(const Dataset& data, std::string_view id, Lang lang) {
    if (const Municipality* m = data.find_municipality(id)) {
        if (lang == Lang::en && !m->name_en.empty()) return m->name_en;
        return m->name_ja.empty() ? m->id : m->name_ja;
    }
    return std::string(id);
}

const std::string& plan_title(const Plan& plan, Lang lang) {
    if (lang == Lang::en && !plan.title_en.empty()) return plan.title_en;
    return plan.title.empty() ? plan.id : plan.title;
}

std::string period_text(const Plan& plan, Lang lang) {
    if (!plan.start_fy && !plan.end_fy) return S::unknown(lang);
    std::string a = plan.start_fy ? fiscal_year_label(*plan.start_fy) : std::string(S::unknown(lang));
    std::string b = plan.end_fy ? fiscal_year_label(*plan.end_fy) : std::string(S::unknown(lang));
    return a + " – " + b;
}

std::string plan_long_label(const Dataset& data, const Plan& plan, Lang lang) {
    return municipality_name(data, plan.municipality_id, lang) + " · " + plan_title(plan, lang) + " · " +
           period_text(plan, lang);
}

std::string years_text(const Plan& p) {
    if (!p.start_fy && !p.end_fy) return {};
    return (p.start_fy ? std::to_string(*p.start_fy) : std::string("?")) + "–" +
           (p.end_fy ? std::to_string(*p.end_fy) : std::string("?"));
}

std::string plan_short_label(const Dataset& data, const Plan& plan, Lang lang) {
    const std::string& title = plan_title(plan, lang);
    std::string out;
    const std::string muni = municipality_name(data, plan.municipality_id, lang);
    const std::string muni_ja = municipality_name(data, plan.municipality_id, Lang::ja);
    if (title.find(muni) == std::string::npos && title.find(muni_ja) == std::string::npos) out = muni + " · ";
    out += title;
    const std::string years = years_text(plan);
    if (!years.empty()) out += " " + years;
    return out;
}

const char* evaluation_label(Lang lang) { return S::evaluation(lang); }

std::string evaluation_summary_text(const Plan& plan, Lang lang) {
    const std::vector<RatingSummary> years = rating_summaries(plan);
    if (years.empty()) return {};
    const RatingSummary& y = years.back();  // the latest evaluation year
    std::string counts;
    for (const RatingCount& c : y.counts) counts += (counts.empty() ? "" : lang == Lang::ja ? "・" : ", ") + c.rating + " " + std::to_string(c.count);
    const std::string fy = lang == Lang::ja ? to_era_abbreviation(y.fiscal_year) : std::to_string(y.fiscal_year);
    return format(S::evaluation_summary_fmt(lang), fy.c_str(), y.items, counts.c_str());
}

std::string evaluation_text(const Evaluation& e, Lang lang) {
    const std::string fy = lang == Lang::ja ? to_era_abbreviation(e.fiscal_year) : std::to_string(e.fiscal_year);
    std::string out = format(S::evaluation_item_fmt(lang), fy.c_str(), e.rating.c_str());
    if (!e.comment.empty()) out += (lang == Lang::ja ? "（" : " (") + e.comment + (lang == Lang::ja ? "）" : ")");
    return out;
}

std::string point_text(const IndicatorPoint& p, const std::string& unit, Lang lang) {
    std::string out = p.value ? format_value(*p.value) + unit : !p.text.empty() ? p.text : std::string(S::unknown(lang));
    if (p.fiscal_year) out += " · " + fiscal_year_label(*p.fiscal_year);
    else if (!p.note.empty() && (p.value || !p.text.empty())) out += "（" + p.note + "）";  // 現状（計画策定時）: no year, never one made up
    return out;
}

std::string node_title(const Node& n, Lang lang) {
    // A name the source does not show is said to be unknown, never made up.
    const std::string name = lang == Lang::en && !n.name_en.empty() ? n.name_en
                             : n.name_unknown()                     ? std::string(S::name_unknown(lang))
                                                                    : n.name;
    return n.label.empty() ? name : n.label + "\u00a0\u00a0" + name;
}

std::string level_name(const Plan& plan, std::string_view level_id, Lang lang) {
    return std::string(plan.level_name(level_id, lang == Lang::en));
}

const char* quadrant_name(Quadrant q, Lang lang) {
    switch (q) {
        case Quadrant::strength: return S::strength(lang);
        case Quadrant::weakness: return S::weakness(lang);
        case Quadrant::opportunity: return S::opportunity(lang);
        case Quadrant::threat: return S::threat(lang);
        case Quadrant::none: return S::unmapped(lang);
    }
    return "";
}

std::string swot_label(const SwotItem& item, Lang lang) {
    return item.label.empty() ? std::string(quadrant_name(item.quadrant, lang)) : item.label;
}

std::string theme_label(const Taxonomy& taxonomy, std::string_view id, Lang lang) {
    if (const Theme* t = taxonomy.find_theme(id)) {
        const std::string& s = lang == Lang::en && !t->label_en.empty() ? t->label_en : t->label_ja;
        if (!s.empty()) return s;
    }
    return std::string(id);
}

std::string theme_short_label(const Taxonomy& taxonomy, std::string_view id, Lang lang) {
    if (const Theme* t = taxonomy.find_theme(id)) {
        const std::string& s = lang == Lang::en ? t->short_en : t->short_ja;
        if (!s.empty()) return s;
    }
    return theme_label(taxonomy, id, lang);
}

std::string actor_label(const Taxonomy& taxonomy, std::string_view id, Lang lang) {
    if (const Actor* a = taxonomy.find_actor(id)) {
        const std::string& s = lang == Lang::en && !a->label_en.empty() ? a->label_en : a->label_ja;
        if (!s.empty()) return s;
    }
    return std::string(id);
}

std::string source_text(const Taxonomy& taxonomy, const SourceRef& s) { return source_reference(s, taxonomy); }

const SourceRef& node_source(const Plan& plan, const PlanTree& tree, int index) {
    for (int i = index; i >= 0 && static_cast<std::size_t>(i) < plan.nodes.size();
         i = tree.parent[static_cast<std::size_t>(i)]) {
        if (!plan.nodes[static_cast<std::size_t>(i)].source.empty()) return plan.nodes[static_cast<std::size_t>(i)].source;
    }
    return plan.source;
}

// ---- Colours -----------------------------------------------------------------------------

namespace {
ImU32 rgb(unsigned hex, float alpha) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, static_cast<int>(alpha * 255.0f + 0.5f));
}
}  // namespace

ImU32 series_color(std::size_t i, float alpha) {
    // Okabe–Ito: blue, orange, bluish green, reddish purple, vermillion, sky blue.
    static const unsigned palette[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9};
    return rgb(palette[i % (sizeof palette / sizeof palette[0])], alpha);
}

KindStyle kind_style(std::size_t i) {
    // Okabe–Ito's seven (series_color's six, then yellow), then Paul Tol's wine,
    // olive, indigo, brown and grey: twelve colours told apart side by side.
    static const unsigned palette[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9,
                                       0xF0E442, 0x882255, 0x999933, 0x332288, 0x996633, 0x888888};
    constexpr std::size_t n = sizeof palette / sizeof palette[0];
    return {rgb(palette[i % n], 1.0f), (i / n) % 2 == 1};
}

ImU32 quadrant_color(Quadrant q, float alpha) {
    switch (q) {
        case Quadrant::strength: return rgb(0x009E73, alpha);
        case Quadrant::weakness: return rgb(0xE69F00, alpha);
        case Quadrant::opportunity: return rgb(0x0072B2, alpha);
        case Quadrant::threat: return rgb(0xD55E00, alpha);
        case Quadrant::none: break;
    }
    return rgb(0x808080, alpha);
}

const char* progress_text(const Progress& p, Lang lang) { return progress_label(p, lang == Lang::en); }

// Colour-blind safe (Okabe–Ito): blue ahead, bluish green on track, orange behind.
ImU32 progress_color(const Progress& p) {
    switch (p.status) {
        case ProgressStatus::ahead: return IM_COL32(86, 180, 233, 255);
        case ProgressStatus::on_track: return IM_COL32(0, 158, 115, 255);
        case ProgressStatus::behind: return IM_COL32(230, 159, 0, 255);
        case ProgressStatus::not_met: return IM_COL32(204, 121, 167, 255);  // reddish purple: below target, no path
        case ProgressStatus::qualitative: return IM_COL32(160, 160, 210, 255);
        case ProgressStatus::no_data: break;
    }
    return dim_text_color();
}

ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 dim_text_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 accent_color(float alpha) { return rgb(0xF0B400, alpha); }
ImU32 heading_color() { return ImGui::GetColorU32(ImGuiCol_CheckMark); }

// ---- Widgets -------------------------------------------------------------------------------

float em() { return ImGui::GetFontSize(); }

void text_wrapped(std::string_view text) {
    const float width = std::max(ImGui::GetContentRegionAvail().x, em());
    for (std::string_view line : wrap_lines(text, width)) ImGui::TextUnformatted(line.data(), line.data() + line.size());
}

void text_wrapped_colored(ImU32 color, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    text_wrapped(text);
    ImGui::PopStyleColor();
}

void heading(std::string_view text) {
    text_wrapped_colored(heading_color(), text);
}

ImU32 search_mark_color() { return rgb(0xF0B400, 0.45f); }

void text_wrapped_marked(std::string_view text, const std::vector<TextMatch>& marks, ImU32 color, std::string_view probe) {
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    const float width = std::max(ImGui::GetContentRegionAvail().x, em());
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool probing = probes_enabled() && !probe.empty();
    int piece = 0;
    for (std::string_view line : wrap_lines(text, width)) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const std::size_t line_begin = static_cast<std::size_t>(line.data() - text.data());
        const std::size_t line_end = line_begin + line.size();
        for (const TextMatch& m : marks) {
            const std::size_t b = std::max(m.begin, line_begin), e = std::min(m.end, line_end);
            if (b >= e) continue;
            const char* start = text.data() + line_begin;
            const ImVec2 min(pos.x + ImGui::CalcTextSize(start, text.data() + b).x, pos.y);
            const ImVec2 max(pos.x + ImGui::CalcTextSize(start, text.data() + e).x, pos.y + ImGui::GetTextLineHeight());
            draw->AddRectFilled(min, max, search_mark_color(), 0.15f * em());  // before the text: beneath it
            if (probing) record_probe(std::string(probe) + "/" + std::to_string(piece++), min, max, 0, 0, text.substr(b, e - b));
        }
        ImGui::TextUnformatted(line.data(), line.data() + line.size());
    }
    if (color) ImGui::PopStyleColor();
}

bool badge(std::string_view text, ImU32 background, ImU32 foreground) {
    const char* b = text.data();
    const char* e = text.data() + text.size();
    const ImVec2 ts = ImGui::CalcTextSize(b, e);
    const float padx = 0.35f * em();
    const ImVec2 size(ts.x + 2 * padx, ts.y);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pady = 0.08f * em();
    dl->AddRectFilled(ImVec2(pos.x, pos.y - pady), ImVec2(pos.x + size.x, pos.y + size.y + pady), background,
                      0.3f * em());
    dl->AddText(ImVec2(pos.x + padx, pos.y), foreground ? foreground : IM_COL32(255, 255, 255, 255), b, e);
    return ImGui::IsItemHovered();
}

BadgeFlow::BadgeFlow() = default;

bool BadgeFlow::add(std::string_view text, ImU32 background, ImU32 foreground) {
    const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x + 0.7f * em();
    if (!first_) same_line_if_fits(w, 0.35f * em());
    first_ = false;
    return badge(text, background, foreground);
}

void BadgeFlow::end() { first_ = true; }

BlockState text_block(const char* id, std::initializer_list<Line> lines, const BlockOptions& opt) {
    BlockState state;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = std::max(opt.width > 0 ? std::min(opt.width, avail) : avail, em());
    const float padx = std::max(2.0f, style.FramePadding.x * 0.5f);
    const float pady = std::max(1.0f, style.FramePadding.y * 0.5f);
    const float gap = 0.4f * em();
    const float note_w = opt.note.empty() ? 0.0f
                         : ImGui::CalcTextSize(opt.note.data(), opt.note.data() + opt.note.size()).x + gap;
    const auto pill_w = [&](std::string_view text) {
        return text.empty() ? 0.0f : ImGui::CalcTextSize(text.data(), text.data() + text.size()).x + 0.7f * em() + gap;
    };
    const float badge_w = pill_w(opt.badge) + pill_w(opt.mark);
    const float wrap = std::max(w - 2 * padx - note_w - badge_w, 2.0f * em());
    std::vector<std::pair<std::vector<std::string_view>, ImU32>> wrapped;
    float h = 0;
    for (const Line& line : lines) {
        if (line.text.empty()) continue;
        wrapped.emplace_back(wrap_lines(line.text, wrap), line.color ? line.color : text_color());
        h += static_cast<float>(wrapped.back().first.size()) * em();
    }
    h = std::max(h, em()) + 2 * pady;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    state.clicked = ImGui::InvisibleButton(id, ImVec2(w, h));
    state.hovered = ImGui::IsItemHovered();
    if (state.hovered) {  // Ctrl+C: the block's text, a line each
        std::string text;
        for (const Line& l : lines)
            if (!l.text.empty()) text.append(text.empty() ? "" : "\n").append(l.text);
        copy_on_ctrl_c(true, text);
    }
    if (spotlight_collecting()) offer_spotlight(std::to_string(ImGui::GetID(id)), pos, ImVec2(pos.x + w, pos.y + h));
    if (!ImGui::IsItemVisible()) return state;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + w, pos.y + h);
    const float rounding = 0.2f * em();
    if (opt.background) dl->AddRectFilled(pos, max, opt.background, rounding);
    if (state.hovered) dl->AddRectFilled(pos, max, ImGui::GetColorU32(ImGuiCol_HeaderHovered), rounding);
    float y = pos.y + pady;
    ImFont* font = ImGui::GetFont();
    for (const auto& [line_parts, color] : wrapped)
        for (std::string_view part : line_parts) {
            dl->AddText(font, em(), ImVec2(pos.x + padx, y), color, part.data(), part.data() + part.size());
            y += em();
        }
    float right = max.x - padx;
    const auto pill = [&](std::string_view text, ImU32 color) {
        if (text.empty()) return;
        const char* b = text.data();
        const char* e = b + text.size();
        const float bw = ImGui::CalcTextSize(b, e).x + 0.7f * em();
        const ImVec2 p0(right - bw, pos.y + pady);
        dl->AddRectFilled(ImVec2(p0.x, p0.y - 0.05f * em()), ImVec2(right, p0.y + em() + 0.05f * em()), color, 0.3f * em());
        dl->AddText(ImVec2(p0.x + 0.35f * em(), p0.y), IM_COL32(255, 255, 255, 255), b, e);
        right -= bw + gap;
    };
    pill(opt.badge, opt.badge_color ? opt.badge_color : accent_color());
    pill(opt.mark, opt.mark_color ? opt.mark_color : accent_color());
    if (!opt.note.empty()) {
        const char* b = opt.note.data();
        const char* e = b + opt.note.size();
        const float nw = ImGui::CalcTextSize(b, e).x;
        dl->AddText(ImVec2(right - nw, pos.y + pady), dim_text_color(), b, e);
    }
    return state;
}

void source_tooltip_for(bool hovered, const SourceRef& source, const Taxonomy& taxonomy, Lang lang, std::string_view extra) {
    if (!hovered) return;
    if (source.empty() && extra.empty()) return;
    copy_source_on_ctrl_shift_c(true, source, taxonomy);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(32.0f * em());
    if (!extra.empty()) {
        ImGui::TextUnformatted(extra.data(), extra.data() + extra.size());
        if (!source.empty()) ImGui::Separator();
    }
    if (!source.empty()) {
        ImGui::TextDisabled("%s", S::source(lang));
        // The document by its title (data/documents.json); its file name only when it has none.
        if (const SourceDocument* doc = taxonomy.find_document(source.file)) {
            const std::string& title = lang == Lang::en && !doc->title_en.empty() ? doc->title_en : doc->title;
            ImGui::TextWrapped("%s", title.c_str());
            std::string by = doc->publisher;
            if (!doc->published.empty()) by += (by.empty() ? "" : ", ") + doc->published;
            if (!by.empty()) ImGui::TextDisabled("%s", by.c_str());
        } else if (!source.file.empty()) {
            ImGui::Text("%s: %s", S::file(lang), source.file.c_str());
        }
        if (!source.section.empty()) ImGui::Text("%s: %s", S::section(lang), source.section.c_str());
        if (!source.page.empty()) ImGui::Text("%s: %s", S::page(lang), source.page.c_str());
        if (const std::string url = source_url(source, taxonomy); !url.empty()) ImGui::Text("URL: %s", url.c_str());
        ImGui::TextDisabled("%s", S::copy_source_hint(lang));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void source_tooltip(const SourceRef& source, const Taxonomy& taxonomy, Lang lang, std::string_view extra) {
    source_tooltip_for(ImGui::IsItemHovered(), source, taxonomy, lang, extra);
}

void plan_statement_block(const PlanStatement& st, const Taxonomy& taxonomy, Lang lang, bool tooltips,
                          const std::string& probe_id) {
    const std::string label = lang == Lang::en && !st.label_en.empty() ? st.label_en + " (" + st.label + ")" : st.label;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    text_wrapped_colored(accent_color(), "【" + label + "】");
    text_wrapped(st.text);
    if (lang == Lang::en && !st.text_en.empty()) text_wrapped_colored(dim_text_color(), st.text_en + S::translation(lang));
    if (!st.source.empty()) text_wrapped_colored(dim_text_color(), source_text(taxonomy, st.source));
    ImGui::EndGroup();
    source_tooltip_for(tooltips && ImGui::IsItemHovered(), st.source, taxonomy, lang);
    if (probes_enabled()) record_probe(probe_id, top, ImGui::GetItemRectMax(), 0, 0, st.label + " " + st.text);
}

bool begin_fields(const char* id, float label_width) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX)) return false;
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthFixed, label_width);
    ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void field(const char* label, std::string_view value, ImU32 color) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    text_wrapped_colored(dim_text_color(), label);
    ImGui::TableSetColumnIndex(1);
    if (color)
        text_wrapped_colored(color, value);
    else
        text_wrapped(value);
}

void end_fields() { ImGui::EndTable(); }

void hbar(float fraction, ImU32 color, std::string_view text, float height) {
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float avail = std::max(ImGui::GetContentRegionAvail().x, em());
    const float tw = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    const float gap = 0.3f * em();
    const float bar_max = std::max(avail - tw - gap, em());
    const float h = std::max(height, 1.0f);
    const float line_h = std::max(h, em());
    ImGui::Dummy(ImVec2(avail, line_h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y0 = pos.y + (line_h - h) * 0.5f;
    const float len = fraction * bar_max;
    if (len > 0) dl->AddRectFilled(ImVec2(pos.x, y0), ImVec2(pos.x + std::max(len, 1.0f), y0 + h), color);
    dl->AddText(ImVec2(pos.x + len + gap, pos.y + (line_h - em()) * 0.5f), text_color(), text.data(),
                text.data() + text.size());
}

void same_line_if_fits(float next_width, float spacing) {
    ImGui::SameLine(0.0f, spacing);
    if (ImGui::GetContentRegionAvail().x < next_width) ImGui::NewLine();
}

void ensure_glyphs(std::string_view typed) { widget_state().glyphs.ensure(typed); }

void GlyphRequest::ensure(std::string_view typed) {
    const ImFont* font = ImGui::GetFont();
    const char* p = typed.data();
    const char* end = p + typed.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        // ImWchar is 16-bit here: characters beyond the BMP cannot be drawn at all.
        if (c >= 0x20 && c <= 0xFFFF && !font->FindGlyphNoFallback(static_cast<ImWchar>(c)) &&
            requested_.insert(c).second)
            request_.append(p, static_cast<std::size_t>(n));
        p += n;
    }
}

std::pair<ImVec2, ImVec2> corner_label(std::string_view text, bool right) {
    const char* b = text.data();
    const char* e = b + text.size();
    const ImVec2 size = ImGui::CalcTextSize(b, e);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float pad = 0.3f * em();
    const float w = size.x + 2 * pad, h = size.y + 2 * pad;
    const ImVec2 p0(right ? display.x - pad - w : pad, display.y - pad - h);
    const ImVec2 p1(p0.x + w, p0.y + h);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 230), pad);
    dl->AddText(ImVec2(p0.x + pad, p0.y + pad), IM_COL32(60, 60, 60, 255), b, e);
    return {p0, p1};
}

void PendingScroll::scroll_to(float y) {
    if (frames_ <= 0) return;
    ImGui::SetScrollY(std::max(0.0f, y));
    --frames_;
}

bool close_topmost_popup() {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.OpenPopupStack.Size == 0) return false;
    ImGui::ClosePopupToLevel(g.OpenPopupStack.Size - 1, true);
    return true;
}


}  // namespace wardscope::ui
