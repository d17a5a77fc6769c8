// CSV as spreadsheets write and read it: RFC 4180 (quoted fields, doubled
// quotes, CRLF or LF line ends) in the encodings Japanese Excel uses, and
// OWASP's CSV-injection neutralisation on the way out (docs/plan-format.md,
// "CSV files").
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wardscope {

struct CsvRow {
    int line = 0;  // 1-based line where the row starts
    std::vector<std::string> fields;
};

// What a CSV file was read as: a byte-order mark decides, otherwise the first
// non-ASCII bytes (valid UTF-8, else Shift_JIS as Japanese Excel saves it).
enum class CsvEncoding { ascii, utf8, utf8_bom, utf16le, utf16be, shift_jis };
std::string_view to_string(CsvEncoding);  // "UTF-8", "Shift_JIS (CP932)" …

// Reads rows one at a time from a byte stream: memory stays bounded by the
// longest row, whatever the file's size. Fields come out as UTF-8; a field
// that wardscope's writer neutralised ('=…) comes back as it was (=…).
// next() throws Error("FILE:LINE: …") on bytes invalid in the detected
// encoding, an unterminated quote or a row over max_row_bytes.
class CsvReader {
public:
    using ReadBytes = std::function<std::size_t(char* buffer, std::size_t capacity)>;  // 0 at the end
    CsvReader(ReadBytes read, std::string file_name);
    CsvReader(std::istream& in, std::string file_name);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    std::optional<CsvRow> next();
    CsvEncoding encoding() const;  // ascii until the first non-ASCII byte decides

    static constexpr std::size_t max_row_bytes = 1 << 20;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The whole text at once (tests, small files).
std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name);

// One cell as wardscope writes it: quoted when it holds a comma, quote or line
// break; neutralised against formula injection when it begins with = + - @
// tab or CR: a single quote is put in front ('=SUM(A1) is shown as text).
// A plain number (-12.5, 3e-4) is written as it is. So that reading back is
// exact, a cell that already begins with quotes before such a character gets
// one more; the reader takes exactly one off (unneutralise_csv_cell).
std::string csv_field(std::string_view value);
std::string csv_line(const std::vector<std::string>& fields);
std::string unneutralise_csv_cell(std::string value);

// A number as CSV cells hold it: the shortest text that reads back as the same
// double, no thousands separators ("1234.5", "-3", "1e+21").
std::string csv_number(double value);

// Every CSV file wardscope writes: a UTF-8 byte-order mark (Japanese Excel
// reads a file without one as CP932), then the rows. The caller writes
// text() to its file (atomically).
class CsvWriter {
public:
    explicit CsvWriter(const std::vector<std::string>& header);
    void row(const std::vector<std::string>& fields) { text_ += csv_line(fields); }
    const std::string& text() const { return text_; }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

}  // namespace wardscope
