// Text from data (a database file is untrusted input) made safe for where it goes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wardscope {

enum class LineBreaks { escape, keep };

// Length of the valid UTF-8 character starting at `i`, or 0 when the bytes
// there are not one (a stray continuation byte, an overlong form …).
std::size_t utf8_char_length_at(std::string_view text, std::size_t i);

// For a terminal or a log: C0 and C1 control characters (ESC sequences, BEL,
// CR …), DEL, bidirectional overrides and invalid UTF-8 bytes become visible
// "\x1b" / "\u202e" escapes. Line breaks and tabs are kept when
// asked (whole messages), escaped otherwise (one field on one line).
std::string terminal_text(std::string_view text, LineBreaks breaks = LineBreaks::escape);

// For Markdown text and table cells: characters that would end a cell ('|'),
// start HTML ('<', '>', '&'), code, emphasis or links ('`', '*', '_', '[', ']',
// '\\') are escaped; line breaks become <br>; other control characters become
// U+FFFD.
std::string markdown_text(std::string_view text);

// For XML element text and attribute values (the PowerPoint writer): & < > " '
// become entities; characters XML 1.0 forbids (C0 controls but tab, LF, CR;
// DEL, U+FFFE, U+FFFF), hidden controls (as terminal_text's) and invalid UTF-8
// bytes become U+FFFD.
std::string xml_text(std::string_view text);

}  // namespace wardscope
