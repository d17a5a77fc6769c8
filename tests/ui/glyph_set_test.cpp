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

namespace {

// The first glyph quad's top-left UV of `text` drawn by ImGui: what is on screen.
ImVec2 drawn_uv(const char* text) {
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushClipRectFullScreen();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.AddText(ImVec2(0, 0), IM_COL32_WHITE, text);
    REQUIRE(list.VtxBuffer.Size >= 4);
    return list.VtxBuffer[0].uv;
}

}  // namespace

TEST_CASE("every character of the data renders: ∼ and ≒ get glyphs, a character beyond the BMP shows the substitute mark") {
    const auto font_file = wardscope::app::find_japanese_font();
    REQUIRE_MESSAGE(font_file, "fonts-noto-cjk is needed (dev.sh PACKAGES)");
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    GlyphSet glyphs;
    glyphs.add("約∼10％、≒ 2割 𠮷野家");  // the data's strings
    wardscope::app::load_fonts(io, font_file, {}, glyphs.ranges(), 18.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::NewFrame();  // sets up the draw list data for the probe
    ImFont* font = io.Fonts->Fonts[0];
    CHECK(font->FindGlyphNoFallback(0x223C) != nullptr);  // ∼
    CHECK(font->FindGlyphNoFallback(0x2252) != nullptr);  // ≒
    CHECK(font->FindGlyphNoFallback(0x3013) != nullptr);  // 〓, the substitute mark
    CHECK(font->FallbackChar == wardscope::app::substitute_mark);
    const ImFontGlyph* mark = font->FindGlyphNoFallback(wardscope::app::substitute_mark);
    const ImFontGlyph* question = font->FindGlyphNoFallback('?');
    REQUIRE(mark);
    REQUIRE(question);
    // Drawn: 𠮷 is the substitute mark's glyph, never the "?" glyph; ∼ is its own glyph.
    const ImVec2 kichi = drawn_uv("𠮷");
    CHECK(kichi.x == doctest::Approx(mark->U0));
    CHECK(kichi.y == doctest::Approx(mark->V0));
    CHECK(kichi.x != doctest::Approx(question->U0));
    const ImVec2 tilde = drawn_uv("∼");
    CHECK(tilde.x == doctest::Approx(font->FindGlyphNoFallback(0x223C)->U0));
    CHECK(tilde.y == doctest::Approx(font->FindGlyphNoFallback(0x223C)->V0));
    ImGui::EndFrame();
    ImGui::DestroyContext();
}
