// Each view's table (wardscope/table.hpp): the rows and columns the view
// shows, built here once so that `wardscope table`, the view's "Export table"
// and its sortable table read the same value. Text follows the UI language
// (`english`: translations where the data has them, as the view shows them);
// names as written stay in their own columns.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "wardscope/coverage.hpp"
#include "wardscope/model.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/progress.hpp"
#include "wardscope/table.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope {

// `--view plans`: the plans (indices into data.plans, in the given order) with
// their period, counts and source.
Table plans_table(const Dataset& data, const std::vector<std::size_t>& plans, bool english);

// The timeline: one row per bar, in the timeline's order.
Table timeline_table(const Dataset& data, const std::vector<std::size_t>& plans, bool english);

// SWOT: the SWOT items, then the cross-SWOT strategies, of each plan shown.
Table swot_table(const Dataset& data, const std::vector<const Plan*>& plans, bool english);

// The explorer: the plan's hierarchy, one row per node in plan order.
Table explorer_table(const Dataset& data, const Plan& plan, const PlanTree& tree, bool english);

// The heatmap: one row per matrix row, one column per theme, the cells in the
// matrix's mode (count: integers, share: numbers 0…1, present: 1 or 0).
Table coverage_table(const Dataset& data, const CoverageMatrix& matrix, bool english);

// Compare: one column per plan, a row per attribute, one per aligned strategy
// row and one per theme of the profiles (share of the plan's counted items).
struct CompareTableInput {
    std::vector<const Plan*> plans;
    std::vector<const PlanCounts*> counts;       // parallel to plans
    std::vector<const PlanTree*> trees;          // parallel to plans
    std::vector<const ThemeProfile*> profiles;   // parallel to plans
    const std::vector<AlignedRow>* strategies = nullptr;
};
Table compare_table(const Dataset& data, const CompareTableInput& input, bool english);

// The KPI table: one row per indicator of the shown plans.
struct KpiTableRow {
    const Plan* plan = nullptr;
    const Indicator* indicator = nullptr;
    const Progress* progress = nullptr;  // null while the history is not loaded
};
Table kpi_table(const Dataset& data, const std::vector<KpiTableRow>& rows, bool english);
// Columns of kpi_table, for the view's sort.
enum class KpiColumn { plan, kind, label, name, unit, baseline, baseline_fy, target, target_fy, direction, node, status,
                       latest, latest_fy, source };

// The notes view: one row per note or vote.
Table notes_table(const Dataset& data, const std::vector<const Annotation*>& annotations, bool english);
enum class NotesColumn { vote, kind, item, note, plan, updated, item_id, source };

// Words the tables and the views share (one copy: the views show these too).
const char* item_kind_label(ItemKind kind, bool english);     // "施策体系" / "Plan item" …
const char* progress_label(const Progress& progress, bool english);  // "順調", "目標達成" …
// Every word above in both languages (for the font's glyph ranges).
void append_table_words(std::vector<const char*>& out);

// "file § section" or the URL; "" when empty (what "copy source" copies too).
std::string source_reference(const SourceRef& source);
// The same with the document's title for the file when data/documents.json
// names it: "title § section, p. 3".
std::string source_reference(const SourceRef& source, const Taxonomy& taxonomy);
// The item's own URL, else its document's; "" when neither is known.
std::string source_url(const SourceRef& source, const Taxonomy& taxonomy);

}  // namespace wardscope
