// Fonts for the dashboard: a Japanese font (fontconfig; on Windows the fonts
// folder: font_lookup.cpp) and glyph
// ranges built from every string that can be drawn (ImGui's built-in Japanese
// range lacks kanji these plans use, and loading it is slower).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace wardscope::app {

struct FontFile {
    std::filesystem::path path;
    int face_index = 0;  // the face inside a .ttc (Noto Sans CJK: 0 is JP)
};

// Noto Sans CJK JP first, then any installed font that covers Japanese
// (Windows: Yu Gothic, Meiryo, MS Gothic, then Noto Sans CJK JP).
std::optional<FontFile> find_japanese_font();
// What to install when none is found (said with the fallback warning).
const char* japanese_font_install_hint();

// Collects the characters of every string handed to it, then yields ranges.
class GlyphSet {
public:
    GlyphSet();
    void add(std::string_view utf8_text);
    void add(const std::vector<const char*>& texts);
    // ImGui keeps a pointer to the ranges until the atlas is rebuilt: the
    // returned storage lives in this object.
    const ImWchar* ranges();
    std::size_t glyph_count() const { return count_; }

private:
    ImFontGlyphRangesBuilder builder_;
    ImVector<ImWchar> ranges_;
    std::size_t count_ = 0;
};

// The visible mark for a character the font cannot draw (〓, U+3013, always in
// the glyph ranges): ImFont::FallbackChar of the Japanese font.
inline constexpr ImWchar substitute_mark = 0x3013;

// Sizes the user steps through with Ctrl+= / Ctrl+- (Ctrl+0 resets).
inline constexpr float font_size_presets[] = {13, 15, 17, 19, 22, 26, 30, 36, 44};
inline constexpr int default_font_preset = 3;
// The text size of presentation mode on a screen `display_height` logical
// pixels high: 36 px at 1080 (≥ 28 px body text for the back of a room),
// scaled with the screen so that a 1280×800 projector shows as much of a view
// as a 1920×1080 one; never below the size after the default.
int presentation_font_preset(float display_height);

// A font file's bytes, read ahead of the atlas build that takes them (the
// 19 MB of Noto Sans CJK take ≈ 10 ms to read). Held in ImGui's allocator:
// the atlas frees them once it is built.
class FontBytes {
public:
    FontBytes() = default;
    explicit FontBytes(const std::filesystem::path& path);  // empty() when it cannot be read
    ~FontBytes();
    FontBytes(FontBytes&& other) noexcept;
    FontBytes& operator=(FontBytes&& other) noexcept;
    bool empty() const { return data_ == nullptr; }
    // Hands the bytes over (to ImFontAtlas::AddFontFromMemoryTTF, which frees them).
    void* release(int& size);

private:
    void* data_ = nullptr;
    int size_ = 0;
};

// Clears the atlas and adds the font at `pixel_size` with `ranges` (or ImGui's
// default font when `font` is empty), from `bytes` when they were read ahead,
// else from its file. Returns the font's name for the log. The caller rebuilds
// the GL texture afterwards.
std::string load_fonts(ImGuiIO& io, const std::optional<FontFile>& font, FontBytes bytes, const ImWchar* ranges,
                       float pixel_size);

}  // namespace wardscope::app
