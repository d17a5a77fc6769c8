#include "wardscope/utf8.hpp"

#include <cstdint>

namespace wardscope {

std::size_t find_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (lead < 0x80) { ++i; continue; }
        if ((lead & 0xE0) == 0xC0) { length = 2; code = lead & 0x1F; }
        else if ((lead & 0xF0) == 0xE0) { length = 3; code = lead & 0x0F; }
        else if ((lead & 0xF8) == 0xF0) { length = 4; code = lead & 0x07; }
        else return i;
        if (i + length > size) return i;
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xC0) != 0x80) return i;
            code = (code << 6) | (bytes[i + k] & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
        const bool overlong = (length == 2 && code < 0x80) || (length == 3 && code < 0x800) ||
                              (length == 4 && code < 0x10000);
        if (overlong || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return i;
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace wardscope

namespace wardscope {
namespace {

constexpr std::string_view control_names[] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF",
                                              "VT",  "FF",  "CR",  "SO",  "SI",  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK",
                                              "SYN", "ETB", "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

}  // namespace

std::optional<std::string> control_character_problem(std::string_view text, TextKind kind) {
    std::size_t character = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80) ++character;
        if (!is_control(c)) continue;
        if (kind == TextKind::prose && (c == '\t' || c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')))
            continue;
        static constexpr char hex[] = "0123456789ABCDEF";
        const std::string name = c == 0x7F ? "DEL" : std::string(control_names[c]);
        std::string message = "contains the control character U+00";
        message += hex[c >> 4];
        message += hex[c & 15];
        message += " (" + name + ") at character " + std::to_string(character);
        if (kind == TextKind::one_line && (c == '\n' || c == '\r' || c == '\t'))
            message += " (this field is one line: no tabs or line breaks)";
        return message;
    }
    return std::nullopt;
}

bool has_hidden_control_characters(std::string_view text) {
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_control(c) && c != '\t' && c != '\n' && c != '\r') return true;
    }
    return false;
}

std::string visible_control_characters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_control(c) && c != '\t' && c != '\n' && c != '\r') out += "\xE3\x80\x93";  // 〓
        else out += ch;
    }
    return out;
}

}  // namespace wardscope
