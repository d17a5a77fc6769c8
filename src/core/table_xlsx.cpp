// Tables as xlsx, with libxlsxwriter (Debian's libxlsxwriter-dev). It writes
// to a file only: the workbook goes to a private temporary folder and its
// bytes are returned, for the caller to write atomically.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "wardscope/error.hpp"
#include "wardscope/table.hpp"

#ifndef _WIN32
#include <xlsxwriter.h>
#endif

namespace wardscope {

namespace fs = std::filesystem;

#ifdef _WIN32

std::string table_to_xlsx(const Table&, bool) {
    throw Error("this Windows build writes tables as CSV only (--format csv)");
}

#else

namespace {

// A folder only this call uses, removed with what is in it.
struct TempFolder {
    fs::path path;
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "wardscope-xlsx-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw Error("cannot create a temporary folder for the xlsx file in " +
                                                  fs::temp_directory_path().string());
        path = pattern;
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) throw Error(std::string("xlsx: cannot ") + what + ": " + lxw_strerror(error));
}

// Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules).
std::string sheet_name(const std::string& name) {
    std::string out;
    for (char c : name)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos && static_cast<unsigned char>(c) < 0x80) out += c;
    if (out.size() > 31) out.resize(31);
    return out.empty() ? "table" : out;
}

// Excel holds at most 32,767 characters in a cell; longer text is cut on a UTF-8 boundary.
std::string cell_string(std::string text) {
    constexpr std::size_t max_bytes = 32767;
    if (text.size() <= max_bytes) return text;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    text.resize(n);
    return text;
}

}  // namespace

std::string table_to_xlsx(const Table& table, bool english) {
    TempFolder temp;
    const fs::path file = temp.path / "table.xlsx";
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>(temp.path.c_str());
    lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
    if (!book) throw Error("xlsx: cannot start a workbook in " + temp.path.string());
    try {
        lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name(table.name).c_str());
        lxw_format* header = workbook_add_format(book);
        if (!sheet || !header) throw Error("xlsx: cannot add a worksheet");
        format_set_bold(header);
        worksheet_freeze_panes(sheet, 1, 0);  // the header row stays in view
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            check(worksheet_set_column(sheet, col, col, table.columns[c].width, nullptr), "set a column width");
            check(worksheet_write_string(sheet, 0, col, cell_string(table.columns[c].header(english)).c_str(), header),
                  "write a header");
        }
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
                const TableCell& cell = table.rows[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                switch (cell.type) {
                case CellType::text:  // always a string: text beginning with = is never a formula here
                    if (!cell.text.empty())
                        check(worksheet_write_string(sheet, row, col, cell_string(cell.text).c_str(), nullptr), "write a cell");
                    break;
                case CellType::integer:
                case CellType::number:
                case CellType::fiscal_year:
                    check(worksheet_write_number(sheet, row, col, cell.number, nullptr), "write a cell");
                    break;
                case CellType::unknown: break;  // empty, never 0
                }
            }
        }
    } catch (...) {
        workbook_close(book);
        throw;
    }
    check(workbook_close(book), "write the workbook");
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw Error("xlsx: cannot read back " + file.string());
    if (bytes.empty()) throw Error("xlsx: the workbook came out empty");
    return bytes;
}

#endif

}  // namespace wardscope
