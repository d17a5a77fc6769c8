#include "ui/widgets/table_tools.hpp"

#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>  // TableSetColumnSortDirection: a saved sort shown in the header
#include <imgui_stdlib.h>

#include "ui/data_editor.hpp"
#include "ui/widgets/probes.hpp"
#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/view_tables.hpp"

namespace wardscope::ui {

namespace {

// X(name, ja, en)
#define WS_TABLE_TOOL_STRINGS(X)                                                                     \
    X(export_table, "表を書き出す", "Export table")                                                  \
    X(export_tip, "この画面に表示している行と列を CSV または Excel (xlsx) に書き出します",          \
      "Writes the rows and columns this view shows as CSV or Excel (xlsx)")                          \
    X(export_to, "書き出し先", "Export to")                                                         \
    X(format_csv, "CSV", "CSV")                                                                      \
    X(format_xlsx, "Excel (xlsx)", "Excel (xlsx)")                                                   \
    X(write, "書き出す", "Write")                                                                    \
    X(close, "閉じる", "Close")                                                                      \
    X(no_table, "この画面には書き出す表がありません。", "This view has no table to export.")        \
    X(wrote_fmt, "%d 行を書き出しました: %s", "Wrote %d {row|rows} to %s")                                \
    X(failed, "書き出せません: ", "Cannot write: ")

namespace S {
WS_TABLE_TOOL_STRINGS(WS_STR_DECLARE)
}  // namespace S

std::string default_path(const char* view_id) {
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/wardscope-" + view_id;
}

bool ctrl_c(bool shift) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && io.KeyShift == shift && !io.WantTextInput &&
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false);
}

bool copy(std::string_view text) {
    ImGui::SetClipboardText(std::string(text).c_str());
    return true;
}

}  // namespace

void append_table_tool_strings(std::vector<const char*>& out) { WS_TABLE_TOOL_STRINGS(WS_STR_COLLECT) }

void export_table_button(ViewContext& ctx, View& view, TableExport& st) {
    if (!ctx.editor || ctx.presenting) return;  // the room sees the view, not its tools
    const Lang lang = ctx.lang;
    ImGui::PushID("##export_table");
    const bool open = ImGui::Button(S::export_table(lang));
    record_probe(std::string(view.id()) + ".export_table", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", S::export_tip(lang));
    if (open) {
        if (st.path.empty()) st.path = default_path(view.id());
        st.message.clear();
        ImGui::OpenPopup("##export_popup");
    }
    if (ImGui::BeginPopup("##export_popup")) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(S::export_to(lang));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(24 * em());
        ImGui::InputText("##path", &st.path);
        if (ImGui::IsItemActive()) ensure_glyphs(st.path);
        const std::string probe = probes_enabled() ? std::string(view.id()) + ".export_table." : std::string();
        ImGui::RadioButton(S::format_csv(lang), &st.format, 0);
        if (!probe.empty()) record_probe(probe + "csv", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), st.format == 0);
        ImGui::SameLine();
        ImGui::RadioButton(S::format_xlsx(lang), &st.format, 1);
        if (!probe.empty()) record_probe(probe + "xlsx", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), st.format == 1);
        ImGui::SameLine();
        const bool write = ImGui::Button(S::write(lang));
        if (!probe.empty()) record_probe(probe + "write", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), 0, 0, st.path);
        if (write) {
            const TableFormat file_format = st.format == 1 ? TableFormat::xlsx : TableFormat::csv;
            std::string path = st.path;
            const std::string_view ext = file_extension(file_format);
            if (path.size() < ext.size() || path.compare(path.size() - ext.size(), ext.size(), ext) != 0) path += ext;
            try {
                const std::optional<Table> table = view.table(ctx);
                if (!table) {
                    st.error = true;
                    st.message = S::no_table(lang);
                } else {
                    std::string problem = ctx.editor->write_export(path, table_file_bytes(*table, file_format, lang == Lang::en));
                    st.error = !problem.empty();
                    st.message = st.error ? S::failed(lang) + problem
                                          : format(S::wrote_fmt(lang), static_cast<int>(table->rows.size()), path.c_str());
                }
            } catch (const std::exception& e) {
                st.error = true;
                st.message = S::failed(lang) + std::string(e.what());
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(S::close(lang))) ImGui::CloseCurrentPopup();
        if (!st.message.empty()) {
            ImGui::PushTextWrapPos(34 * em());
            ImGui::TextColored(st.error ? ImVec4(1, 0.45f, 0.3f, 1) : ImVec4(0.4f, 0.8f, 0.6f, 1), "%s", st.message.c_str());
            if (!probe.empty())
                record_probe(probe + "message", ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), st.error ? 1 : 0, 0, st.message);
            ImGui::PopTextWrapPos();
        }
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

bool copy_on_ctrl_c(std::string_view text) { return copy_on_ctrl_c(ImGui::IsItemHovered(), text); }

bool copy_on_ctrl_c(bool hovered, std::string_view text) { return hovered && ctrl_c(false) && copy(text); }

bool copy_source_on_ctrl_shift_c(bool hovered, const SourceRef& source, const Taxonomy& taxonomy) {
    if (!hovered || source.empty() || !ctrl_c(true)) return false;
    const std::string url = source_url(source, taxonomy);
    return copy(source_reference(source, taxonomy) + (url.empty() ? "" : " " + url));
}

int hovered_table_column() { return ImGui::TableGetHoveredColumn(); }

std::string to_option(const TableSort& sort) {
    if (sort.column < 0) return {};
    return std::to_string(sort.column) + (sort.descending ? ":desc" : ":asc");
}

TableSort table_sort_from(std::string_view option) {
    TableSort sort;
    const auto colon = option.find(':');
    if (colon == std::string_view::npos || colon == 0) return sort;
    int column = 0;
    for (char c : option.substr(0, colon)) {
        if (c < '0' || c > '9' || column > 1000) return sort;
        column = column * 10 + (c - '0');
    }
    const std::string_view dir = option.substr(colon + 1);
    if (dir != "asc" && dir != "desc") return sort;
    sort.column = column;
    sort.descending = dir == "desc";
    return sort;
}

bool update_table_sort(TableSort& sort, const std::vector<int>& table_columns) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs) return false;
    TableSort shown;
    if (specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
        if (s.ColumnIndex >= 0 && static_cast<std::size_t>(s.ColumnIndex) < table_columns.size())
            shown.column = table_columns[static_cast<std::size_t>(s.ColumnIndex)];
        shown.descending = s.SortDirection == ImGuiSortDirection_Descending;
    }
    bool changed = false;
    if (!sort.synced) {
        // A new or restored sort: the header shows it from now on.
        if (shown.column >= 0 && specs->SpecsCount > 0)
            ImGui::TableSetColumnSortDirection(specs->Specs[0].ColumnIndex, ImGuiSortDirection_None, false);
        for (std::size_t n = 0; n < table_columns.size(); ++n)
            if (sort.column >= 0 && table_columns[n] == sort.column)
                ImGui::TableSetColumnSortDirection(static_cast<int>(n),
                                                   sort.descending ? ImGuiSortDirection_Descending : ImGuiSortDirection_Ascending,
                                                   false);
        sort.synced = true;
    } else if (specs->SpecsDirty && !shown.same_as(sort)) {
        sort.column = shown.column;
        sort.descending = shown.descending;
        changed = true;
    }
    specs->SpecsDirty = false;
    return changed;
}

std::vector<std::size_t> table_row_order(const Table& table, const TableSort& sort) {
    return sorted_row_order(table, sort.column < 0 ? table.columns.size() : static_cast<std::size_t>(sort.column),
                            sort.descending);
}

}  // namespace wardscope::ui
