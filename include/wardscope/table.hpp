// The data behind a view as one value: typed columns with Japanese and English
// headers, rows of typed cells. Every view builds its table once here in the
// core (wardscope/view_tables.hpp); `wardscope table`, the views' "Export
// table" action and the sortable tables (notes, KPI) all read it. Written as
// CSV (CsvWriter: BOM, neutralised formulas) or xlsx (libxlsxwriter: numbers as
// numbers, fiscal years as integers, a frozen header row, column widths).
// Unknown values stay empty: never 0.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wardscope {

enum class CellType { text, integer, number, fiscal_year, unknown };

struct TableCell {
    CellType type = CellType::unknown;
    std::string text;   // text cells
    double number = 0;  // integer, number and fiscal-year cells

    static TableCell of_text(std::string text);
    static TableCell of_integer(std::int64_t value);
    static TableCell of_number(double value);
    static TableCell of_fiscal_year(int year);
    static TableCell unknown() { return {}; }
    // Unknown when empty.
    static TableCell of_number(const std::optional<double>& value);
    static TableCell of_fiscal_year(const std::optional<int>& year);
    bool operator==(const TableCell&) const = default;
};

struct TableColumn {
    std::string header_ja, header_en;
    CellType type = CellType::text;  // what its cells usually are (unknown cells may appear in any column)
    double width = 12;               // in characters, for spreadsheets
    const std::string& header(bool english) const { return english ? header_en : header_ja; }
};

struct Table {
    std::string name;  // "heatmap", … (the xlsx sheet's name)
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;  // each as long as `columns`

    void add_column(std::string header_ja, std::string header_en, CellType type, double width = 12);
    // Throws std::logic_error when the row's length differs from the columns'.
    void add_row(std::vector<TableCell> cells);
};

// A cell as text: "" for unknown, "2026" for a fiscal year, numbers in their
// shortest exact form ("12.5", "-3").
std::string cell_text(const TableCell& cell);

// Row order sorted by `column`: numbers numerically, text by its bytes,
// unknown cells last in both directions; ties keep the table's order.
std::vector<std::size_t> sorted_row_order(const Table& table, std::size_t column, bool descending);

enum class TableFormat { csv, xlsx };
std::optional<TableFormat> table_format_from(std::string_view name);  // "csv" / "xlsx"
std::string_view file_extension(TableFormat);                          // ".csv" / ".xlsx"

// The whole file's bytes, headers in Japanese or English. xlsx throws Error
// when libxlsxwriter fails (the message says why).
std::string table_to_csv(const Table& table, bool english);
std::string table_to_xlsx(const Table& table, bool english);
std::string table_file_bytes(const Table& table, TableFormat format, bool english);

}  // namespace wardscope
