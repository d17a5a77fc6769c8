// Hiragana folded to katakana for search (すみだ ≈ スミダ), in place on UTF-8:
// both are three-byte characters, so byte offsets into the text stay valid.
// Private to the core library; used by fold_for_search on every platform.
#pragma once

#include <string>
#include <string_view>

namespace wardscope {

// U+3041–U+3096 and ゝゞ (U+309D, U+309E): the hiragana with a katakana at +0x60.
inline bool is_foldable_hiragana(char32_t c) { return (c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E; }

inline char32_t three_byte_code_point(std::string_view s, std::size_t i) {
    return (static_cast<char32_t>(static_cast<unsigned char>(s[i]) & 0x0F) << 12) |
           (static_cast<char32_t>(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           static_cast<char32_t>(static_cast<unsigned char>(s[i + 2]) & 0x3F);
}

// Calls fn(position, code point) for every hiragana to fold (all are E3 xx xx).
template <typename Fn>
void for_each_foldable_hiragana(std::string_view s, Fn&& fn) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) == 0xE3 && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
            if (const char32_t c = three_byte_code_point(s, i); is_foldable_hiragana(c)) fn(i, c);
            i += 2;
        }
}

inline void fold_kana(std::string& s) {
    for_each_foldable_hiragana(s, [&](std::size_t i, char32_t c) {
        const char32_t k = c + 0x60;
        s[i] = static_cast<char>(0xE0 | (k >> 12));
        s[i + 1] = static_cast<char>(0x80 | ((k >> 6) & 0x3F));
        s[i + 2] = static_cast<char>(0x80 | (k & 0x3F));
    });
}

inline bool has_foldable_hiragana(std::string_view s) {
    bool found = false;
    for_each_foldable_hiragana(s, [&](std::size_t, char32_t) { found = true; });
    return found;
}

}  // namespace wardscope
