// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wardscope {

struct CsvRow {
    int line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
};

// Throws Error("FILE:LINE: …") on an unterminated quote or invalid UTF-8.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name);

// Quotes a field when it holds a comma, quote or line break.
std::string csv_field(std::string_view value);
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace wardscope
