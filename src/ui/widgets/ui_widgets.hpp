// Small generic widgets and helpers shared by the dashboard views (explorer,
// SWOT, compare; reusable by any view): bilingual strings, wrapped and
// clickable text blocks, badges, source-reference tooltips, plan labels.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include <imgui.h>

#include "ui/view_context.hpp"
#include "wardscope/model.hpp"
#include "wardscope/number_text.hpp"
#include "ui/model.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/progress.hpp"

namespace wardscope::ui {

// ---- Strings ------------------------------------------------------------------

// A UI string in both languages. Japanese literals are plain "..." (UTF-8).
struct Str {
    const char* ja;
    const char* en;
    const char* operator()(Lang lang) const { return lang == Lang::ja ? ja : en; }
};

// Each file keeps its strings in one X-macro table, X(name, ja, en):
//   namespace S { WS_FOO_STRINGS(WS_STR_DECLARE) }        constants S::name
//   WS_FOO_STRINGS(WS_STR_COLLECT)                        inside append_foo_strings(out)
#define WS_STR_DECLARE(name, ja, en) constexpr ::wardscope::ui::Str name{ja, en};
#define WS_STR_COLLECT(name, ja, en) \
    out.push_back(ja);               \
    out.push_back(en);

// The strings of the shared widgets (labels, symbols, the annotation editor),
// for building the font's glyph ranges; each view appends its own.
void append_widget_strings(std::vector<const char*>& out);
void append_annotation_strings(std::vector<const char*>& out);

// printf into a std::string. A count's words name both forms as {one|other}
// ("%d {plan|plans}", "%d of %d {measure|measures}"): the form follows the
// nearest integer printed before it that is not a percentage ("%d%%"); the
// Japanese strings need none.
std::string format(const char* fmt, ...) IM_FMTARGS(1);

// ---- Selection and filter ---------------------------------------------------------

// The plan a view shows by default: selection front if present, else the first
// plan passing the filter, else the first plan; nullptr when there are none.
const Plan* current_plan(const ViewContext& ctx);

// ---- Labels ------------------------------------------------------------------------

std::string municipality_name(const Dataset& data, std::string_view municipality_id, Lang lang);
// Title in the UI language (English translation when present in en, else as written).
const std::string& plan_title(const Plan& plan, Lang lang);
// "R8 (2026) – R17 (2035)"; unknown ends shown as such.
std::string period_text(const Plan& plan, Lang lang);
// "板橋区 · 板橋区産業振興構想2035 · R8 (2026) – R17 (2035)"
std::string plan_long_label(const Dataset& data, const Plan& plan, Lang lang);
// "2026–2035" ("2026–?" when an end is unknown; empty when both are).
std::string years_text(const Plan& plan);
// Title (prefixed with the municipality when the title does not name it) and years:
// "板橋区地域産業活性化計画 2019–2021". Tells plan generations apart.
std::string plan_short_label(const Dataset& data, const Plan& plan, Lang lang);
// "46% · R7 (2025)" / "未設定"; never prints 0 for an unknown value.
std::string point_text(const IndicatorPoint& point, const std::string& unit, Lang lang);
// 施策評価: "施策評価（R6年度、6件）: A 3・B 2・C 1" for the plan's latest evaluation year (empty without
// evaluations), and one rating "R6年度 A（comment）".
const char* evaluation_label(Lang lang);
std::string evaluation_summary_text(const Plan& plan, Lang lang);
std::string evaluation_text(const Evaluation& evaluation, Lang lang);
// The level's name as its plan declares it (柱, 基本施策 …).
std::string level_name(const Plan& plan, std::string_view level_id, Lang lang);
// Label and name ("戦略1  区内産業を…"), the name in the UI language (English
// translation in en when present). The label is joined with no-break spaces so
// wrapping never leaves it alone on a line.
std::string node_title(const Node& node, Lang lang);
const char* quadrant_name(Quadrant q, Lang lang);
// The label the source gives a SWOT item (課題, 特徴 …), else its quadrant's name.
std::string swot_label(const SwotItem& item, Lang lang);
std::string theme_label(const Taxonomy& taxonomy, std::string_view theme_id, Lang lang);
// The theme's short heading (themes.json short_ja / short_en), else its label.
std::string theme_short_label(const Taxonomy& taxonomy, std::string_view theme_id, Lang lang);
std::string actor_label(const Taxonomy& taxonomy, std::string_view actor_id, Lang lang);
// "document title § 4. 調査・分析, p. 3" (the file name when the document is
// not in data/documents.json) or the URL; empty when the reference is empty.
std::string source_text(const Taxonomy& taxonomy, const SourceRef& source);
// The node's own source, else its nearest ancestor's, else the plan's.
const SourceRef& node_source(const Plan& plan, const PlanTree& tree, int node_index);
const char* unknown_text(Lang lang);

// ---- Colours -------------------------------------------------------------------------

ImU32 series_color(std::size_t i, float alpha = 1.0f);  // plan columns (colour-blind safe)
// The i-th plan kind's look: twelve distinct colours, then the same colours
// striped (plot::kind_stripes), so 24 kinds stay apart (issue #13).
struct KindStyle {
    ImU32 color;
    bool striped;
};
KindStyle kind_style(std::size_t i);
ImU32 quadrant_color(Quadrant q, float alpha = 1.0f);
ImU32 text_color();
// KPI check status: "順調" / "on track" …, and its colour.
const char* progress_text(const Progress& progress, Lang lang);
ImU32 progress_color(const Progress& progress);
ImU32 dim_text_color();
ImU32 accent_color(float alpha = 1.0f);  // highlight of linked items
ImU32 heading_color();                   // headings, upper tree levels

// ---- Widgets ---------------------------------------------------------------------------

float em();  // current font size: use for scale-aware sizes

// Wrapped text at the content region's right edge; no format parsing.
void text_wrapped(std::string_view text);
void text_wrapped_colored(ImU32 color, std::string_view text);
// Heading-style line (accent text colour), wrapped.
void heading(std::string_view text);
// Wrapped text with the byte ranges `marks` of it (search hits, find_matches)
// on a highlight background. With probes on, each drawn piece of a mark is
// recorded as "PROBE/N" (N from 0 in text order; a mark a line break splits
// gives one piece per line), its text the piece's bytes. color 0: text colour.
void text_wrapped_marked(std::string_view text, const std::vector<TextMatch>& marks, ImU32 color = 0,
                         std::string_view probe = {});
ImU32 search_mark_color();

// Small rounded label on the current line; use ImGui::SameLine() between badges.
// Returns true when hovered.
bool badge(std::string_view text, ImU32 background, ImU32 foreground = 0);
// Badges laid out left to right, wrapping to a new line when the next would not fit.
class BadgeFlow {
public:
    BadgeFlow();
    bool add(std::string_view text, ImU32 background, ImU32 foreground = 0);  // true when hovered
    void end();  // finishes the line
private:
    bool first_ = true;
    float right_ = 0;
};

// One line of a text block: text and colour (0 = default text colour).
struct Line {
    std::string_view text;
    ImU32 color = 0;
};

struct BlockState {
    bool hovered = false;
    bool clicked = false;
};

struct BlockOptions {
    ImU32 background = 0;     // 0 = none
    float width = 0;          // 0 = the available width
    std::string_view note;    // dim text at the top right (e.g. a count)
    std::string_view badge;   // pill at the top right (e.g. 新規)
    ImU32 badge_color = 0;
    std::string_view mark = {};  // a second pill left of it (a note or vote: "★4 メモ")
    ImU32 mark_color = 0;
};

// A clickable block of wrapped lines spanning the available width; hovered
// blocks get the hover colour. Each call needs a unique id within the current
// ID scope. Text left of the note/badge wraps before them.
BlockState text_block(const char* id, std::initializer_list<Line> lines, const BlockOptions& options = {});

// Tooltip on the last item: the source reference (file + section / URL) and any extra text.
void source_tooltip(const SourceRef& source, const Taxonomy& taxonomy, Lang lang, std::string_view extra = {});
void source_tooltip_for(bool hovered, const SourceRef& source, const Taxonomy& taxonomy, Lang lang,
                        std::string_view extra = {});

// A plan's statement about itself (PlanStatement): the source's label (its
// translation first in English), the text as written (and its translation,
// marked so), then its source in dim; hovering shows the source and the
// layout probe `probe_id` records its rectangle and text (tests).
void plan_statement_block(const PlanStatement& statement, const Taxonomy& taxonomy, Lang lang, bool tooltips,
                          const std::string& probe_id);

// "label  value" rows of a two-column key/value table; call between
// begin_fields / end_fields.
bool begin_fields(const char* id, float label_width);
void field(const char* label, std::string_view value, ImU32 color = 0);
void end_fields();

// Horizontal bar of `fraction` of the available width (0…1), with text after it.
void hbar(float fraction, ImU32 color, std::string_view text, float height);

// Text the user is typing may hold characters the font atlas lacks (it holds
// only what the data and the UI use): call after an input field; the shell
// takes the request and rebuilds the atlas with them between frames.
void ensure_glyphs(std::string_view typed);

// The characters typed that the font lacks, each asked for once (a font may
// lack one for good). Owned by the window's WidgetState (ui/widget_state.hpp).
class GlyphRequest {
public:
    void ensure(std::string_view typed);
    std::string take() { return std::exchange(request_, std::string()); }  // the shell: "" when nothing is missing

private:
    std::string request_;
    std::unordered_set<unsigned int> requested_;
};

// A label over everything in a bottom corner of the display (dark text on
// white, for presentation mode); returns its rectangle.
std::pair<ImVec2, ImVec2> corner_label(std::string_view text, bool right);

// Why a number field's text is not a number (wardscope/number_text.hpp), in
// the UI language, quoting what was typed; empty for NumberProblem::none.
std::string number_problem_text(NumberProblem problem, std::string_view text, Lang lang);

// A scroll anchor on its way back (View::restore_anchor): the view scrolls
// its child window to the anchor's offset on the next few frames (the first
// frame of a view has no content size to scroll in yet).
class PendingScroll {
public:
    void set(std::string anchor) {
        anchor_ = std::move(anchor);
        frames_ = 3;
    }
    bool pending() const { return frames_ > 0; }
    const std::string& anchor() const { return anchor_; }
    void scroll_to(float y);  // inside the child window; counts a frame
    void cancel() { frames_ = 0; }  // the user scrolls or picks something else

private:
    std::string anchor_;
    int frames_ = 0;
};

// Closes the topmost open popup (a dropdown, menu or dialog: Esc); false
// when none is open. Call between NewFrame and the popups' Begin.
bool close_topmost_popup();

// Places the next item on the same line when it fits within the content region, else on a new line.
void same_line_if_fits(float next_width, float spacing = -1.0f);

}  // namespace wardscope::ui
