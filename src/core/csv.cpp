#include "wardscope/csv.hpp"

#include "wardscope/error.hpp"
#include "wardscope/utf8.hpp"

namespace wardscope {

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name) {
    if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        int line = 1;
        for (std::size_t i = 0; i < bad; ++i) line += text[i] == '\n';
        throw Error(file_name + ":" + std::to_string(line) + ": invalid UTF-8 (save the file as UTF-8)");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM written by spreadsheet programs
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    int line = 1;
    row.line = 1;
    bool quoted = false, row_has_data = false;
    int quote_line = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
            case '"':
                quoted = true;
                quote_line = line;
                row_has_data = true;
                break;
            case ',':
                row.fields.push_back(std::move(field));
                field.clear();
                row_has_data = true;
                break;
            case '\r': break;
            case '\n':
                if (row_has_data || !field.empty()) {
                    row.fields.push_back(std::move(field));
                    rows.push_back(std::move(row));
                }
                field.clear();
                row = {};
                row_has_data = false;
                row.line = ++line;
                break;
            default:
                field += c;
                row_has_data = true;
        }
    }
    if (quoted) throw Error(file_name + ":" + std::to_string(quote_line) + ": unterminated quoted field");
    if (row_has_data || !field.empty()) {
        row.fields.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    return out + "\n";
}

}  // namespace wardscope
