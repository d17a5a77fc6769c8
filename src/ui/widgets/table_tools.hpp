// What every view offers for the data it shows: "Export table" (the view's
// wardscope/table.hpp value as CSV or xlsx), Ctrl+C on a hovered cell or item
// (and Ctrl+Shift+C for its source reference), and the sort of a sortable
// table (click a header to sort, again to reverse), kept in the view's options.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ui/view.hpp"
#include "ui/view_context.hpp"
#include "wardscope/model.hpp"
#include "wardscope/table.hpp"

namespace wardscope::ui {

void append_table_tool_strings(std::vector<const char*>& out);

// ---- Export table --------------------------------------------------------------------------

// Kept by each view: the path typed, the format chosen, the last message.
struct TableExport {
    std::string path;  // "" = ~/wardscope-<view id>
    int format = 0;    // 0: CSV, 1: xlsx
    std::string message;
    bool error = false;
};

// The "Export table" button and its popup, writing view.table(ctx) through
// ctx.editor (atomically, never over the database). Draws nothing without an
// editor (shots, read-only tests). Records the probe "<view id>.export_table".
void export_table_button(ViewContext& ctx, View& view, TableExport& state);

// ---- Copy -----------------------------------------------------------------------------------

// Ctrl+C while the mouse is over the last item (or `hovered`) copies `text` to
// the clipboard; true when it did.
bool copy_on_ctrl_c(std::string_view text);
bool copy_on_ctrl_c(bool hovered, std::string_view text);
// Ctrl+Shift+C over the last item (or `hovered`) copies the source reference
// (wardscope::source_reference); true when it did.
bool copy_source_on_ctrl_shift_c(bool hovered, const SourceRef& source, const Taxonomy& taxonomy);

// The column of the current ImGui table under the mouse; -1 when none.
int hovered_table_column();

// ---- Sortable tables ----------------------------------------------------------------------

// A table's sort: a column of its wardscope::Table (-1: the view's own order).
struct TableSort {
    int column = -1;
    bool descending = false;
    bool synced = false;  // pushed into the ImGui table's sort specs (not saved)
    bool same_as(const TableSort& o) const { return column == o.column && (column < 0 || descending == o.descending); }
};
// Saved as "col:asc" / "col:desc" / "" in the view's options.
std::string to_option(const TableSort& sort);
TableSort table_sort_from(std::string_view option);

// Between BeginTable (with ImGuiTableFlags_Sortable | SortTristate) and the
// rows, after the columns are set up; `table_columns[n]` is the Table column
// that ImGui column n shows (-1: not sortable). Takes a header click into
// `sort` (true when it changed); the first time (and after a restore) pushes
// `sort` into the ImGui table so that its header shows the saved sort.
bool update_table_sort(TableSort& sort, const std::vector<int>& table_columns);
// Row order for `sort` over `table` (identity when column is -1).
std::vector<std::size_t> table_row_order(const Table& table, const TableSort& sort);

}  // namespace wardscope::ui
