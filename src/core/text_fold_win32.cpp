// Windows: folding for search with the Win32 API, where Linux uses ICU's
// NFKC_Casefold (text_fold.cpp): NormalizeString(NormalizationKC), then
// LCMapStringEx(LOCALE_NAME_INVARIANT, LCMAP_LOWERCASE). The difference:
// lower-casing is not full case folding, so ß stays ß (ICU: ss), ς stays ς
// (ICU: σ), and default-ignorable characters (soft hyphen, zero-width space)
// are kept where ICU drops them. Width (ＳＵＭＩＤＡ, ｶﾀｶﾅ), the ideographic
// space and ASCII/Latin/Greek/Cyrillic case fold the same on both.
#ifdef _WIN32

#include <windows.h>

#include <algorithm>

#include "wardscope/error.hpp"
#include "kana_fold.hpp"
#include "wardscope/text_fold.hpp"

namespace wardscope {
namespace {

std::wstring to_utf16(std::string_view text) {  // invalid UTF-8 becomes U+FFFD
    if (text.empty()) return {};
    const int size = static_cast<int>(text.size());
    std::wstring out(static_cast<std::size_t>(MultiByteToWideChar(CP_UTF8, 0, text.data(), size, nullptr, 0)), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.data(), size, out.data(), static_cast<int>(out.size()));
    return out;
}

void append_utf8(const std::wstring& text, std::string& out) {
    if (text.empty()) return;
    const int size = static_cast<int>(text.size());
    const int bytes = WideCharToMultiByte(CP_UTF8, 0, text.data(), size, nullptr, 0, nullptr, nullptr);
    const std::size_t before = out.size();
    out.resize(before + static_cast<std::size_t>(bytes));
    WideCharToMultiByte(CP_UTF8, 0, text.data(), size, out.data() + before, bytes, nullptr, nullptr);
}

std::wstring nfkc(const std::wstring& text) {
    if (text.empty()) return text;
    const int size = static_cast<int>(text.size());
    int capacity = NormalizeString(NormalizationKC, text.data(), size, nullptr, 0);
    for (int attempt = 0; attempt < 10 && capacity > 0; ++attempt) {
        std::wstring out(static_cast<std::size_t>(capacity), L'\0');
        const int n = NormalizeString(NormalizationKC, text.data(), size, out.data(), capacity);
        if (n > 0) {
            out.resize(static_cast<std::size_t>(n));
            return out;
        }
        if (GetLastError() != ERROR_INSUFFICIENT_BUFFER) break;
        capacity = -n;
    }
    throw Error("Windows: cannot fold text (NormalizeString: error " + std::to_string(GetLastError()) + ")");
}

std::wstring lower(const std::wstring& text) {
    if (text.empty()) return text;
    const int size = static_cast<int>(text.size());
    const int n = LCMapStringEx(LOCALE_NAME_INVARIANT, LCMAP_LOWERCASE, text.data(), size, nullptr, 0, nullptr, nullptr, 0);
    std::wstring out(static_cast<std::size_t>(n > 0 ? n : 0), L'\0');
    if (n <= 0 || LCMapStringEx(LOCALE_NAME_INVARIANT, LCMAP_LOWERCASE, text.data(), size, out.data(), n, nullptr, nullptr,
                                0) != n)
        throw Error("Windows: cannot fold text (LCMapStringEx: error " + std::to_string(GetLastError()) + ")");
    return out;
}

void fold_into(std::string_view piece, std::string& out) { append_utf8(lower(nfkc(to_utf16(piece))), out); }

std::size_t utf8_length(unsigned char lead) {
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// The code point at `i` (enough to tell marks apart; malformed input gives a base character).
char32_t code_point_at(std::string_view text, std::size_t i, std::size_t length) {
    if (length == 1 || i + length > text.size()) return static_cast<unsigned char>(text[i]);
    char32_t c = static_cast<unsigned char>(text[i]) & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) c = c << 6 | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    return c;
}

// Characters that NFKC may join with the one before them (ICU asks its data:
// hasBoundaryBefore): combining marks, kana voicing marks (also halfwidth ﾞﾟ),
// Hangul medial and final jamo.
bool joins_previous(char32_t c) {
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
        (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || c == 0x3099 || c == 0x309A || c == 0xFF9E ||
        c == 0xFF9F || (c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FF))
        return true;
    if (c >= 0x10000 || c < 0x80) return false;
    const auto unit = static_cast<wchar_t>(c);
    WORD type = 0;
    return GetStringTypeW(CT_CTYPE3, &unit, 1, &type) && (type & C3_NONSPACING);
}

}  // namespace

std::string fold_for_search(std::string_view text, std::vector<std::size_t>* offsets) {
    std::string out;
    out.reserve(text.size());
    if (!offsets) {
        fold_into(text, out);
        fold_kana(out);
        return out;
    }
    offsets->clear();
    offsets->reserve(text.size() + 1);
    // Segment by segment, so each folded byte knows where in `text` it came from.
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = start + std::min(utf8_length(static_cast<unsigned char>(text[start])), text.size() - start);
        while (end < text.size()) {
            const std::size_t length = std::min(utf8_length(static_cast<unsigned char>(text[end])), text.size() - end);
            if (!joins_previous(code_point_at(text, end, length))) break;
            end += length;
        }
        const std::size_t before = out.size();
        fold_into(text.substr(start, end - start), out);
        offsets->insert(offsets->end(), out.size() - before, start);
        start = end;
    }
    offsets->push_back(text.size());
    fold_kana(out);
    return out;
}

bool is_folded_for_search(std::string_view text) { return fold_for_search(text) == text; }

}  // namespace wardscope

#endif
