#include "wardscope/text_escape.hpp"

#include <cstdint>
#include <cstdio>

#include "wardscope/utf8.hpp"

namespace wardscope {
namespace {

std::uint32_t decode(std::string_view text, std::size_t i, std::size_t length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (length == 1) return byte(0);
    std::uint32_t code = byte(0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (byte(k) & 0x3F);
    return code;
}

// C1 controls, and the bidirectional overrides and isolates that reorder what a
// terminal shows (a file name that reads differently from what it is).
bool is_hidden_control(std::uint32_t code) {
    return (code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
           code == 0x2028 || code == 0x2029;
}

std::string hex_escape(const char* format, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

}  // namespace

std::size_t utf8_char_length_at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return 0;
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    return find_invalid_utf8(text.substr(i, length)) == std::string_view::npos ? length : 0;
}

std::string terminal_text(std::string_view text, LineBreaks breaks) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_char_length_at(text, i);
        if (length == 0) {  // not UTF-8: show the byte
            out += hex_escape("\\x%02x", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        const std::uint32_t code = decode(text, i, length);
        const bool line_break = code == '\n' || code == '\t';
        if ((code < 0x20 && !(line_break && breaks == LineBreaks::keep)) || code == 0x7F)
            out += hex_escape("\\x%02x", code);
        else if (is_hidden_control(code))
            out += hex_escape("\\u%04x", code);
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string markdown_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_char_length_at(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
            continue;
        }
        const char c = text[i];
        if (length > 1) {
            if (is_hidden_control(decode(text, i, length))) out += "\xEF\xBF\xBD";
            else out.append(text.substr(i, length));
        } else if (c == '\n') {
            out += "<br>";
        } else if (c == '\r') {
            if (i + 1 >= text.size() || text[i + 1] != '\n') out += "<br>";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '&') {
            out += "&amp;";
        } else if (c == '|' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\t') {
            out += ' ';
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out += "\xEF\xBF\xBD";
        } else {
            out += c;
        }
        i += length;
    }
    return out;
}

}  // namespace wardscope

namespace wardscope {

std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_char_length_at(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD: not UTF-8
            ++i;
            continue;
        }
        const std::uint32_t code = decode(text, i, length);
        if ((code < 0x20 && code != '\t' && code != '\n' && code != '\r') || code == 0x7F || code == 0xFFFE || code == 0xFFFF ||
            is_hidden_control(code))
            out += "\xEF\xBF\xBD";  // not allowed in XML 1.0, or hidden
        else if (code == '&') out += "&amp;";
        else if (code == '<') out += "&lt;";
        else if (code == '>') out += "&gt;";
        else if (code == '"') out += "&quot;";
        else if (code == '\'') out += "&apos;";
        else out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

}  // namespace wardscope
