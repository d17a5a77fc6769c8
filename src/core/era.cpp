#include "wardscope/era.hpp"

#include <cctype>
#include <string>

namespace wardscope {
namespace {

struct Era {
    std::string_view kanji;
    char initial;
    int offset;      // fiscal year = offset + era year
    int first_year;  // first fiscal year written in this era
};
// 平成31年度 and 令和元年度 are both FY2019; documents drafted before the era
// change still write nominal Heisei years past 31 (平成33年度 = FY2021).
constexpr Era eras[] = {{"令和", 'R', 2018, 2019}, {"平成", 'H', 1988, 1989}, {"昭和", 'S', 1925, 1926}};

// Folds full-width digits and letters to ASCII and drops spaces, so that
// "令和８年度" and "令和 8 年度" read like "令和8年度".
std::string normalize(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            // U+FF01..U+FF5E map to ASCII 0x21..0x7E.
            if ((b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E)) {
                const int code = 0xFF00 + ((b1 & 0x3F) << 6) + (b2 & 0x3F);
                out += static_cast<char>(code - 0xFF00 + 0x20);
                i += 3;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) {  // U+3000 ideographic space
            i += 3;
            continue;
        }
        if (c != ' ' && c != '\t') out += static_cast<char>(c);
        ++i;
    }
    return out;
}

bool consume(std::string_view& s, std::string_view prefix) {
    if (s.substr(0, prefix.size()) != prefix) return false;
    s.remove_prefix(prefix.size());
    return true;
}

std::optional<int> consume_number(std::string_view& s) {
    int value = 0;
    std::size_t digits = 0;
    while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits])) && digits < 5) {
        value = value * 10 + (s[digits] - '0');
        ++digits;
    }
    if (digits == 0) return std::nullopt;
    s.remove_prefix(digits);
    return value;
}

// Accepts what may follow a year: "", "年度", "年", and an optional western
// year in brackets before it: "（2026）年度", "(2026)".
bool consume_suffix(std::string_view& s, int fiscal_year) {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
        if (consume(s, open)) {
            auto western = consume_number(s);
            if (!western || *western != fiscal_year || !consume(s, close)) return false;
            break;
        }
    }
    if (!consume(s, "年度")) consume(s, "年");
    return s.empty();
}

bool plausible(int fiscal_year) { return fiscal_year >= 1900 && fiscal_year <= 2200; }

}  // namespace

std::optional<int> parse_fiscal_year(std::string_view text) {
    const std::string normalized = normalize(text);
    std::string_view s = normalized;
    if (consume(s, "FY") || consume(s, "fy")) {
        auto year = consume_number(s);
        if (!year || !plausible(*year)) return std::nullopt;
        consume(s, "年度");
        return s.empty() ? year : std::nullopt;
    }
    if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
        auto year = consume_number(s);
        if (!year || !plausible(*year)) return std::nullopt;
        consume(s, "年度");
        return s.empty() ? year : std::nullopt;
    }
    for (const Era& era : eras) {
        std::string_view rest = s;
        const char upper[2] = {era.initial, 0};
        const char lower[2] = {static_cast<char>(std::tolower(era.initial)), 0};
        if (!consume(rest, era.kanji) && !consume(rest, upper) && !consume(rest, lower)) continue;
        std::optional<int> era_year = consume(rest, "元") ? std::optional<int>(1) : consume_number(rest);
        if (!era_year || *era_year < 1 || *era_year > 99) return std::nullopt;
        const int fiscal_year = era.offset + *era_year;
        if (!consume_suffix(rest, fiscal_year)) return std::nullopt;
        return fiscal_year;
    }
    return std::nullopt;
}

std::string to_japanese_fiscal_year(int fiscal_year) {
    for (const Era& era : eras) {
        if (fiscal_year < era.first_year) continue;
        const int n = fiscal_year - era.offset;
        return std::string(era.kanji) + (n == 1 ? std::string("元") : std::to_string(n)) + "年度";
    }
    return std::to_string(fiscal_year) + "年度";
}

std::string to_era_abbreviation(int fiscal_year) {
    for (const Era& era : eras)
        if (fiscal_year >= era.first_year) return era.initial + std::to_string(fiscal_year - era.offset);
    return std::to_string(fiscal_year);
}

std::string fiscal_year_label(int fiscal_year) {
    return to_era_abbreviation(fiscal_year) + " (" + std::to_string(fiscal_year) + ")";
}

int fiscal_year_of(int year, int month) { return month >= 4 ? year : year - 1; }

}  // namespace wardscope
