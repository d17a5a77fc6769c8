#include "ui/widgets/text_wrap.hpp"

#include <imgui.h>

namespace wardscope::ui {
namespace {

// Decodes one UTF-8 code point at `i`, advancing it; U+FFFD for bad bytes.
unsigned next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = byte(i);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    const std::size_t need = extra > 0 ? static_cast<std::size_t>(extra) : 0;
    if (extra < 0 || (need > 0 && i + need >= s.size())) {
        ++i;
        return 0xFFFD;
    }
    unsigned cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool is_cjk(unsigned c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}

// Characters that must not start a line.
bool no_break_before(unsigned c) {
    static constexpr std::u32string_view closing =
        U"、。，．・：；？！ー）」』】〕｝〉》〙〗ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…‥％,.;:!?)]}";
    return closing.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// Characters that must not end a line.
bool no_break_after(unsigned c) {
    static constexpr std::u32string_view opening = U"（「『【〔｛〈《〘〖([{";
    return opening.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

bool is_space(unsigned c) { return c == ' ' || c == '\t' || c == 0x3000; }

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width,
                                         const std::function<float(unsigned)>& advance) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;         // current line's first byte
    std::size_t break_at = 0;      // best break so far: the line ends before this byte (0 = none)
    std::size_t resume_at = 0;     // where the next line starts when breaking at break_at
    float line_width = 0;
    unsigned previous = 0;
    std::size_t i = 0;
    const auto emit = [&](std::size_t end) {
        std::size_t e = end;
        while (e > start && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
        lines.push_back(text.substr(start, e - start));
    };
    while (i < text.size()) {
        const std::size_t at = i;
        const unsigned c = next_code_point(text, i);
        if (c == '\n') {
            emit(at);
            start = i, break_at = 0, line_width = 0, previous = 0;
            continue;
        }
        // A break opportunity before `c`?
        if (at > start && previous != 0) {
            const bool cjk_pair = (is_cjk(previous) || is_cjk(c)) && !is_space(c);
            if ((is_space(previous) || cjk_pair) && !no_break_before(c) && !no_break_after(previous)) {
                break_at = at;
                resume_at = at;
            }
        }
        const float w = advance(c);
        if (line_width + w > width && at > start && !is_space(c)) {
            std::size_t end = break_at > start ? break_at : at;  // no opportunity: cut here
            std::size_t next = break_at > start ? resume_at : at;
            emit(end);
            start = next;
            line_width = 0;  // re-measure what moved to the new line
            for (std::size_t k = start; k < at;) line_width += advance(next_code_point(text, k));
            break_at = 0;
        }
        if (at == start && is_space(c)) {  // no leading spaces on a wrapped line
            start = i;
            previous = c;
            continue;
        }
        line_width += w;
        previous = c;
    }
    if (start < text.size() || lines.empty()) emit(text.size());
    return lines;
}

std::vector<std::string_view> wrap_lines(std::string_view text, float width) {
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    return wrap_lines(text, width, [&](unsigned c) {
        return font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) * scale;
    });
}

}  // namespace wardscope::ui
