#include "app/font_atlas.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <iterator>

#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "wardscope/file_names.hpp"

namespace wardscope::app {

// ImFontAtlas::GetGlyphRangesDefault() (Basic Latin + Latin-1 Supplement),
// spelled out so that a GlyphSet can be filled before any ImGui context exists
// (`shot` collects the glyphs on its loading thread while GL starts); then
// what anyone typing Japanese goes through before any kanji: CJK punctuation,
// hiragana, katakana and full-width forms. Kanji typed by users that no data
// string has are added as they are typed (ui::ensure_glyphs).
const ImWchar default_ranges[] = {0x0020, 0x00FF, 0x3000, 0x30FF, 0xFF01, 0xFF5E, 0};

GlyphSet::GlyphSet() {
    builder_.AddRanges(default_ranges);
}

// What ImFontGlyphRangesBuilder::AddText does, with the common cases inline
// (ASCII, well-formed 2- and 3-byte sequences: all of Japanese); anything else
// goes through ImGui's own decoder, so the glyphs collected are the same. The
// synthetic national database has ≈ 80,000 nodes of text (issue #5).
void GlyphSet::add(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    const auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    while (p < end) {
        const unsigned c = *p;
        if (c < 0x80) {
            // Control characters are never drawn (the model shows them as 〓):
            // a NUL here would start the ranges with their 0 terminator and
            // leave the atlas with no glyphs at all (issue #12).
            if (c >= 0x20 && c != 0x7F) builder_.SetBit(c);
            ++p;
        } else if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && continuation(p[1])) {
            builder_.SetBit(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu));
            p += 2;
        } else if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && end - p >= 3 && continuation(p[1]) && continuation(p[2])) {
            builder_.SetBit(((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu));
            p += 3;
        } else {
            unsigned int decoded = 0;
            const int length = ImTextCharFromUtf8(&decoded, reinterpret_cast<const char*>(p), reinterpret_cast<const char*>(end));
            if (length == 0) break;
            if (decoded >= 0xA0 && decoded <= 0xFFFF) builder_.AddChar(static_cast<ImWchar>(decoded));  // not C1 controls
            p += length;
        }
    }
}

void GlyphSet::add(const std::vector<const char*>& texts) {
    for (const char* text : texts)
        if (text) add(std::string_view(text));
}

const ImWchar* GlyphSet::ranges() {
    ranges_.clear();
    builder_.BuildRanges(&ranges_);
    count_ = 0;
    for (int i = 0; i + 1 < ranges_.Size; i += 2) count_ += static_cast<std::size_t>(ranges_[i + 1] - ranges_[i] + 1);
    return ranges_.Data;
}

int presentation_font_preset(float display_height) {
    const float wanted = 36.0f * display_height / 1080.0f;
    int preset = default_font_preset + 1;
    for (int i = preset; i < static_cast<int>(std::size(font_size_presets)); ++i)
        if (font_size_presets[i] <= wanted + 0.5f) preset = i;
    return preset;
}

FontBytes::FontBytes(const std::filesystem::path& path) {
    std::FILE* f = open_file(path, "rb");
    if (!f) return;
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0 && size < INT32_MAX && std::fseek(f, 0, SEEK_SET) == 0) {
            data_ = IM_ALLOC(static_cast<std::size_t>(size));
            size_ = static_cast<int>(size);
            if (std::fread(data_, 1, static_cast<std::size_t>(size), f) != static_cast<std::size_t>(size)) {
                IM_FREE(data_);
                data_ = nullptr;
                size_ = 0;
            }
        }
    }
    std::fclose(f);
}

FontBytes::~FontBytes() {
    if (data_) IM_FREE(data_);
}

FontBytes::FontBytes(FontBytes&& other) noexcept : data_(std::exchange(other.data_, nullptr)), size_(other.size_) {}

FontBytes& FontBytes::operator=(FontBytes&& other) noexcept {
    if (this != &other) {
        if (data_) IM_FREE(data_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = other.size_;
    }
    return *this;
}

void* FontBytes::release(int& size) {
    size = size_;
    return std::exchange(data_, nullptr);
}

std::string load_fonts(ImGuiIO& io, const std::optional<FontFile>& font, FontBytes bytes, const ImWchar* ranges,
                       float pixel_size) {
    io.Fonts->Clear();
    const float size = std::round(pixel_size);
    if (font) {
        ImFontConfig config;
        config.FontNo = font->face_index;
        config.OversampleH = 1;  // CJK glyphs are dense: keep the atlas small
        config.OversampleV = 1;
        config.PixelSnapH = true;
        ImFont* added = nullptr;
        if (!bytes.empty()) {
            int byte_count = 0;
            void* data = bytes.release(byte_count);  // the atlas owns them now (FontDataOwnedByAtlas)
            added = io.Fonts->AddFontFromMemoryTTF(data, byte_count, size, &config, ranges);
        } else {
            added = io.Fonts->AddFontFromFileTTF(utf8_name(font->path).c_str(), size, &config, ranges);
        }
        if (added) {
            // What cannot be drawn shows as 〓 (the geta mark of Japanese typesetting), not
            // as a "?" that reads as text: characters outside the BMP, which ImGui 1.86's
            // 16-bit ImWchar decodes as U+FFFD, a glyph Noto Sans CJK lacks.
            added->FallbackChar = substitute_mark;
            return font->path.filename().string();
        }
        io.Fonts->Clear();
    }
    ImFontConfig config;
    config.SizePixels = size;
    io.Fonts->AddFontDefault(&config);
    return "ImGui default font";
}

}  // namespace wardscope::app
