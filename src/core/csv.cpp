#include "wardscope/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <sstream>

#include "utf16_decoder.hpp"
#include "wardscope/error.hpp"
#include "wardscope/utf8.hpp"

namespace wardscope {
namespace {

constexpr std::size_t chunk_bytes = 64 * 1024;

// Characters a spreadsheet may take as the start of a formula (OWASP, "CSV Injection").
bool formula_trigger(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Quotes, then a trigger: the cells the writer prefixes with one more quote.
bool neutralisable(std::string_view value) {
    const std::size_t quotes = value.find_first_not_of('\'');
    return quotes != std::string_view::npos && formula_trigger(value[quotes]);
}

// -12, 3.5, -1e-3: numbers are written as they are, so spreadsheets read them as numbers.
bool plain_number(std::string_view v) {
    std::size_t i = 0;
    if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
    const std::size_t digits_from = i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    bool any_digit = i > digits_from;
    if (i < v.size() && v[i] == '.') {
        const std::size_t from = ++i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
        any_digit = any_digit || i > from;
    }
    if (!any_digit) return false;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
        const std::size_t from = i;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
        if (i == from) return false;
    }
    return i == v.size();
}

std::size_t utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;  // invalid: find_invalid_utf8 reports it
}

// Bytes at the end of `bytes` that start a UTF-8 sequence the next chunk completes.
std::size_t incomplete_utf8_tail(std::string_view bytes) {
    for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
        const auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        return utf8_sequence_length(c) > back ? back : 0;
    }
    return 0;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

std::string_view to_string(CsvEncoding e) {
    switch (e) {
        case CsvEncoding::ascii: return "ASCII (UTF-8)";
        case CsvEncoding::utf8: return "UTF-8";
        case CsvEncoding::utf8_bom: return "UTF-8 with BOM";
        case CsvEncoding::utf16le: return "UTF-16LE";
        case CsvEncoding::utf16be: return "UTF-16BE";
        case CsvEncoding::shift_jis: return "Shift_JIS (CP932)";
    }
    return "?";
}

// Bytes in, UTF-8 text out, a chunk at a time. UTF-8 is checked and passed
// through; UTF-16 and Shift_JIS go through Utf16Decoder (ICU on Linux, Win32
// on Windows), where an invalid byte is an error instead of a silent U+FFFD.
struct CsvReader::Impl {
    ReadBytes read;
    std::string file;
    CsvEncoding encoding = CsvEncoding::ascii;
    bool started = false, decided = false, eof = false;
    std::string raw, carry;  // raw bytes of this chunk; an incomplete sequence kept for the next
    std::string text;        // decoded UTF-8 not yet parsed, from pos
    std::size_t pos = 0;
    long long lines_decoded = 0;  // line breaks decoded so far, for the line of an invalid byte
    std::unique_ptr<Utf16Decoder> decoder;  // for UTF-16 and Shift_JIS
    char16_t high_surrogate = 0;
    int line = 1;  // the parser's line

    [[noreturn]] void invalid(long long line_number, const std::string& what) const {
        throw Error(file + ":" + std::to_string(line_number) + ": " + what);
    }

    std::string encoding_error() const {
        if (encoding == CsvEncoding::shift_jis)
            return "bytes that are neither UTF-8 nor Shift_JIS (CP932): save the file as UTF-8 (CSV UTF-8 in Excel)";
        return "invalid " + std::string(to_string(encoding)) + " (the file was read as " + std::string(to_string(encoding)) +
               "): save it as UTF-8";
    }

    void emit(std::string_view decoded) {
        lines_decoded += std::count(decoded.begin(), decoded.end(), '\n');
        text += decoded;
    }

    void open_decoder(Utf16Decoder::Source source) { decoder = std::make_unique<Utf16Decoder>(source, file); }

    // The byte-order mark, or a guess from the first non-ASCII bytes.
    bool detect_bom() {
        if (raw.size() < 3 && !eof) return false;  // wait for more bytes
        started = true;
        const std::string_view head(raw);
        if (head.substr(0, 3) == utf8_bom) {
            raw.erase(0, 3);
            encoding = CsvEncoding::utf8_bom;
            decided = true;
        } else if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") {
            encoding = head[0] == '\xFF' ? CsvEncoding::utf16le : CsvEncoding::utf16be;
            raw.erase(0, 2);
            open_decoder(encoding == CsvEncoding::utf16le ? Utf16Decoder::Source::utf16le : Utf16Decoder::Source::utf16be);
            decided = true;
        } else if (head.size() >= 2 && (head[0] == '\0') != (head[1] == '\0')) {
            invalid(1, "NUL bytes: UTF-16 without a byte-order mark? Save the file as UTF-8 or UTF-16 with BOM");
        }
        return true;
    }

    void decide(std::size_t first_non_ascii) {
        std::string_view rest = std::string_view(raw).substr(first_non_ascii);
        if (!eof) rest.remove_suffix(incomplete_utf8_tail(rest));
        decided = true;
        // Valid UTF-8, or at least two Japanese characters of it before a bad
        // byte (then an error in UTF-8, not a Shift_JIS reading of UTF-8).
        const std::size_t bad = find_invalid_utf8(rest);
        if (bad == std::string_view::npos || bad >= 6) {
            encoding = CsvEncoding::utf8;
        } else {
            encoding = CsvEncoding::shift_jis;
            open_decoder(Utf16Decoder::Source::cp932);
        }
    }

    void decode_utf8() {
        std::string_view bytes(raw);
        const std::size_t tail = eof ? 0 : incomplete_utf8_tail(bytes);
        carry.assign(bytes.substr(bytes.size() - tail));
        bytes.remove_suffix(tail);
        if (auto bad = find_invalid_utf8(bytes); bad != std::string_view::npos)
            invalid(lines_decoded + std::count(bytes.begin(), bytes.begin() + static_cast<long>(bad), '\n') + 1,
                    encoding_error());
        emit(bytes);
    }

    [[noreturn]] void unpaired_surrogate(const std::string& decoded_before) {
        emit(decoded_before);  // for the line number
        invalid(lines_decoded + 1, encoding_error());
    }

    void append_utf16(std::u16string_view units, std::string& out) {
        for (const char16_t u : units) {
            if (high_surrogate) {
                if (u < 0xDC00 || u > 0xDFFF) unpaired_surrogate(out);
                append_utf8(out, 0x10000 + ((static_cast<char32_t>(high_surrogate) - 0xD800) << 10) + (u - 0xDC00));
                high_surrogate = 0;
            } else if (u >= 0xD800 && u <= 0xDBFF) {
                high_surrogate = u;
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
                unpaired_surrogate(out);
            } else {
                append_utf8(out, u);
            }
        }
    }

    void decode_utf16() {
        std::string decoded;
        const bool valid = decoder->decode(raw, eof, [&](std::u16string_view units) {
            decoded.clear();
            append_utf16(units, decoded);
            emit(decoded);
        });
        if (!valid) invalid(lines_decoded + 1, encoding_error());
        if (eof && high_surrogate) invalid(lines_decoded + 1, encoding_error());
    }

    // Decodes the next chunk; false once everything is decoded.
    bool decode_more() {
        if (eof) return false;
        raw = std::move(carry);
        carry.clear();
        const std::size_t kept = raw.size();
        raw.resize(kept + chunk_bytes);
        const std::size_t n = read(raw.data() + kept, chunk_bytes);
        raw.resize(kept + n);
        eof = n == 0;
        if (!started && !detect_bom()) {
            carry = std::move(raw);
            return true;
        }
        if (!decided) {
            const auto first = std::find_if(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
            if (first == raw.end()) {
                emit(raw);
                return true;
            }
            decide(static_cast<std::size_t>(first - raw.begin()));
        }
        if (decoder) decode_utf16();
        else decode_utf8();
        return true;
    }

    // The next character of text, decoding as needed; false at the end.
    bool peek(char& c) {
        while (pos == text.size()) {
            text.clear();
            pos = 0;
            if (!decode_more()) return false;
        }
        c = text[pos];
        return true;
    }
};

CsvReader::CsvReader(ReadBytes read, std::string file_name) : impl_(std::make_unique<Impl>()) {
    impl_->read = std::move(read);
    impl_->file = std::move(file_name);
}

CsvReader::CsvReader(std::istream& in, std::string file_name)
    : CsvReader(
          [&in](char* buffer, std::size_t capacity) {
              in.read(buffer, static_cast<std::streamsize>(capacity));
              return static_cast<std::size_t>(in.gcount());
          },
          std::move(file_name)) {}

CsvReader::~CsvReader() = default;

CsvEncoding CsvReader::encoding() const { return impl_->encoding; }

std::optional<CsvRow> CsvReader::next() {
    Impl& s = *impl_;
    CsvRow row;
    row.line = s.line;
    std::string field;
    std::size_t row_bytes = 0;
    bool quoted = false, field_begun = false, row_has_data = false;
    int quote_line = 0;
    const auto end_field = [&] {
        row_bytes += field.size();
        row.fields.push_back(unneutralise_csv_cell(std::move(field)));
        field.clear();
        field_begun = false;
    };
    char c = 0;
    while (s.peek(c)) {
        ++s.pos;
        if (field.size() + row_bytes > CsvReader::max_row_bytes)
            s.invalid(row.line, "a row longer than " + std::to_string(CsvReader::max_row_bytes >> 20) +
                                    " MB (an unterminated quote?)");
        if (quoted) {
            if (c == '"') {
                char after = 0;
                if (s.peek(after) && after == '"') {
                    field += '"';
                    ++s.pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++s.line;
                field += c;
            }
            continue;
        }
        switch (c) {
            case '"':
                // Only a quote that opens a field quotes it; elsewhere it is text (5" floppy).
                if (field_begun) field += c;
                else quoted = true, quote_line = s.line;
                field_begun = row_has_data = true;
                break;
            case ',':
                end_field();
                row_has_data = true;
                break;
            case '\r': break;
            case '\n':
                ++s.line;
                if (row_has_data || !field.empty()) {
                    end_field();
                    return row;
                }
                row = {};
                row.line = s.line;
                row_bytes = 0;
                break;
            default:
                field += c;
                field_begun = row_has_data = true;
        }
    }
    if (quoted) s.invalid(quote_line, "unterminated quoted field");
    if (row_has_data || !field.empty()) {
        end_field();
        return row;
    }
    return std::nullopt;
}

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name) {
    std::size_t offset = 0;
    CsvReader reader(
        [&](char* buffer, std::size_t capacity) {
            const std::size_t n = std::min(capacity, text.size() - offset);
            std::memcpy(buffer, text.data() + offset, n);
            offset += n;
            return n;
        },
        file_name);
    std::vector<CsvRow> rows;
    while (auto row = reader.next()) rows.push_back(std::move(*row));
    return rows;
}

std::string csv_field(std::string_view value) {
    std::string cell;
    if (neutralisable(value) && !plain_number(value)) cell = "'";
    cell += value;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string unneutralise_csv_cell(std::string value) {
    if (!value.empty() && value[0] == '\'' && neutralisable(std::string_view(value).substr(1))) value.erase(0, 1);
    return value;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    return out + "\n";
}

std::string csv_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

CsvWriter::CsvWriter(const std::vector<std::string>& header) : text_(utf8_bom) { text_ += csv_line(header); }

}  // namespace wardscope
