#pragma once

#include <cstddef>
#include <string_view>

namespace wardscope {

// Offset of the first byte that is not valid UTF-8, or npos when all is valid.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace wardscope

#include <optional>
#include <string>

namespace wardscope {

// What a text field may hold besides printable characters. Names, ids,
// titles, sources and other one-line fields hold no control characters at
// all; prose (descriptions, notes) may hold tabs and line breaks (LF, CRLF).
enum class TextKind { one_line, prose };

// The first C0 control character or DEL that `kind` does not allow, as a
// message: "contains the control character U+0000 (NUL) at character 7".
std::optional<std::string> control_character_problem(std::string_view text, TextKind kind);

// For display: every C0 control character and DEL except tab, LF and CR (which
// ImGui lays out or skips) becomes
// 〓 (U+3013 GETA MARK, the Japanese typesetter's mark for a character that
// cannot be shown, present in every Japanese font). Text written into a
// database by another tool can hold anything; ImGui and the glyph builder
// must never see a NUL inside a string.
std::string visible_control_characters(std::string_view text);
bool has_hidden_control_characters(std::string_view text);  // what the above would replace
inline void make_visible(std::string& text) {
    if (has_hidden_control_characters(text)) text = visible_control_characters(text);
}

}  // namespace wardscope
