// Issue #12, fault 4: text with control characters never breaks the font.
#include <doctest/doctest.h>

#include <string>

#include "app/font_atlas.hpp"

using wardscope::app::GlyphSet;

TEST_CASE("glyph ranges skip control characters, so a NUL in the data cannot empty them") {
    GlyphSet glyphs;
    glyphs.add(std::string("計画\0\x01\x1b[31m\x7f", 14));
    glyphs.add("\xF0\x90\x80\x80");  // U+10000: past ImWchar, must not wrap to 0
    glyphs.add(std::string("\0", 1));
    const ImWchar* ranges = glyphs.ranges();
    REQUIRE(ranges[0] != 0);  // a 0 first is the terminator: no glyphs at all
    CHECK(ranges[0] == 0x20);
    bool has_kanji = false;
    for (const ImWchar* r = ranges; r[0]; r += 2) {
        CHECK(r[0] >= 0x20);
        CHECK(r[1] >= r[0]);
        if (r[0] <= 0x8A08 && 0x8A08 <= r[1]) has_kanji = true;  // 計
    }
    CHECK(has_kanji);
}
