#include "wardscope/table.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "wardscope/csv.hpp"

namespace wardscope {

TableCell TableCell::of_text(std::string text) { return {CellType::text, std::move(text), 0}; }
TableCell TableCell::of_integer(std::int64_t value) { return {CellType::integer, {}, static_cast<double>(value)}; }
TableCell TableCell::of_number(double value) { return {CellType::number, {}, value}; }
TableCell TableCell::of_fiscal_year(int year) { return {CellType::fiscal_year, {}, static_cast<double>(year)}; }
TableCell TableCell::of_number(const std::optional<double>& value) { return value ? of_number(*value) : unknown(); }
TableCell TableCell::of_fiscal_year(const std::optional<int>& year) { return year ? of_fiscal_year(*year) : unknown(); }

void Table::add_column(std::string header_ja, std::string header_en, CellType type, double width) {
    columns.push_back({std::move(header_ja), std::move(header_en), type, width});
}

void Table::add_row(std::vector<TableCell> cells) {
    if (cells.size() != columns.size())
        throw std::logic_error("table " + name + ": a row of " + std::to_string(cells.size()) + " cells for " +
                               std::to_string(columns.size()) + " columns");
    rows.push_back(std::move(cells));
}

std::string cell_text(const TableCell& cell) {
    switch (cell.type) {
    case CellType::text: return cell.text;
    case CellType::integer:
    case CellType::fiscal_year: return std::to_string(static_cast<std::int64_t>(cell.number));
    case CellType::number: return csv_number(cell.number);
    case CellType::unknown: break;
    }
    return {};
}

namespace {

bool is_numeric(CellType t) { return t == CellType::integer || t == CellType::number || t == CellType::fiscal_year; }

// -1, 0, 1: numbers before text; unknown handled by the caller.
int compare_cells(const TableCell& a, const TableCell& b) {
    const bool na = is_numeric(a.type), nb = is_numeric(b.type);
    if (na != nb) return na ? -1 : 1;
    if (na) return a.number < b.number ? -1 : b.number < a.number ? 1 : 0;
    return a.text.compare(b.text) < 0 ? -1 : b.text.compare(a.text) < 0 ? 1 : 0;
}

}  // namespace

std::vector<std::size_t> sorted_row_order(const Table& table, std::size_t column, bool descending) {
    std::vector<std::size_t> order(table.rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (column >= table.columns.size()) return order;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        const TableCell& a = table.rows[i][column];
        const TableCell& b = table.rows[j][column];
        const bool ua = a.type == CellType::unknown, ub = b.type == CellType::unknown;
        if (ua || ub) return !ua && ub;  // unknown last, whichever the direction
        const int c = compare_cells(a, b);
        return descending ? c > 0 : c < 0;
    });
    return order;
}

std::optional<TableFormat> table_format_from(std::string_view name) {
    if (name == "csv") return TableFormat::csv;
    if (name == "xlsx") return TableFormat::xlsx;
    return std::nullopt;
}

std::string_view file_extension(TableFormat format) { return format == TableFormat::csv ? ".csv" : ".xlsx"; }

std::string table_to_csv(const Table& table, bool english) {
    std::vector<std::string> header;
    for (const TableColumn& c : table.columns) header.push_back(c.header(english));
    CsvWriter out(header);
    std::vector<std::string> fields;
    for (const auto& row : table.rows) {
        fields.clear();
        for (const TableCell& cell : row) fields.push_back(cell_text(cell));
        out.row(fields);
    }
    return out.take();
}

std::string table_file_bytes(const Table& table, TableFormat format, bool english) {
    return format == TableFormat::csv ? table_to_csv(table, english) : table_to_xlsx(table, english);
}

}  // namespace wardscope
