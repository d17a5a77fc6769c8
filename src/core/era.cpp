#include "wardscope/era.hpp"

#include <cctype>
#include <string>

namespace wardscope {
namespace {

struct Era {
    std::string_view kanji;
    char initial;
    int offset;        // fiscal year = offset + era year
    int first_year;    // first fiscal year written in this era
    int last_year;     // the era's last year (0: still running)
    int nominal_until; // the last era year accepted (documented in docs/plan-format.md)
};
// 平成31年度 and 令和元年度 are both FY2019; documents drafted before the era
// change still write nominal Heisei years past 31 (the seeds' 平成33年度 =
// FY2021): plans then ran up to ten years ahead, so 平成 is read up to 平成40年度
// (FY2028) and 昭和 up to 昭和73年度; later years are mistakes, not plans.
constexpr Era eras[] = {{"令和", 'R', 2018, 2019, 0, 99},
                        {"平成", 'H', 1988, 1989, 31, 40},
                        {"昭和", 'S', 1925, 1926, 64, 73}};

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

bool plausible(int fiscal_year) { return fiscal_year >= 1900 && fiscal_year <= 2200; }

// One year, in one notation, with no brackets: "2026", "FY2026", "令和8年度",
// "R8", "令和8". `calendar` is set when it ended in 年 without 度.
struct Reading {
    std::optional<int> year;
    std::string problem;
    bool calendar = false;
};

Reading fail(std::string problem) { return {std::nullopt, std::move(problem), false}; }

// What follows a year: "年度", "年" (a calendar year), or nothing.
void consume_year_suffix(std::string_view& s, Reading& r) {
    if (consume(s, "年度")) return;
    if (consume(s, "年")) r.calendar = true;
}

Reading read_one(std::string_view s, std::string_view text) {
    const bool fy = consume(s, "FY") || consume(s, "fy");
    if (fy || (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0])))) {
        Reading r;
        r.year = consume_number(s);
        if (!r.year || !plausible(*r.year)) return fail("");
        consume_year_suffix(s, r);
        if (!s.empty()) return fail("");
        return r;
    }
    for (const Era& era : eras) {
        std::string_view rest = s;
        const char upper[2] = {era.initial, 0};
        const char lower[2] = {static_cast<char>(std::tolower(era.initial)), 0};
        if (!consume(rest, era.kanji) && !consume(rest, upper) && !consume(rest, lower)) continue;
        std::optional<int> era_year = consume(rest, "元") ? std::optional<int>(1) : consume_number(rest);
        if (!era_year || *era_year < 1) return fail("");
        Reading r;
        r.year = era.offset + *era_year;
        consume_year_suffix(rest, r);
        if (!rest.empty()) return fail("");
        if (*era_year > era.nominal_until && era.last_year == 0)  // the running era: no era follows it
            return fail(std::string(text) + ": " + std::string(era.kanji) + std::to_string(*era_year) + "年度 would be FY" +
                        std::to_string(era.offset + *era_year) + ", past any plan (" + std::string(era.kanji) +
                        " years are read up to " + std::string(era.kanji) + std::to_string(era.nominal_until) +
                        "年度); write a western year as 2028 or FY2028");
        if (*era_year > era.nominal_until) {
            const Era& next = *(&era - 1);  // eras[] runs newest first, and only the first is still running
            return fail(std::string(text) + ": " + std::string(era.kanji) + " ended in its " + std::to_string(era.last_year) +
                        (era.last_year % 10 == 1 && era.last_year != 11 ? "st" : "th") + " year (" +
                        std::to_string(era.offset + era.last_year) + "); " + std::string(next.kanji) + " began in " +
                        std::to_string(next.first_year) + " (nominal years after the end are read up to " +
                        std::string(era.kanji) + std::to_string(era.nominal_until) + "年度)");
        }
        return r;
    }
    return fail("");
}

}  // namespace

std::optional<int> parse_fiscal_year(std::string_view text, std::string* problem) {
    auto fail_with = [&](std::string message) -> std::optional<int> {
        if (problem) *problem = std::move(message);
        return std::nullopt;
    };
    const std::string normalized = normalize(text);
    std::string_view s = normalized;
    // "令和6年度（2024年度）", "令和8（2026）年度", "2024年度(令和6年度)": a second
    // notation in brackets must name the same year.
    std::string_view main = s, alternative, after;
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
        const auto o = s.find(open);
        if (o == std::string_view::npos) continue;
        const auto c = s.find(close, o);
        if (c == std::string_view::npos) return fail_with("");
        main = s.substr(0, o);
        alternative = s.substr(o + open.size(), c - o - open.size());
        after = s.substr(c + close.size());
        break;
    }
    if (!after.empty() && after != "年度" && after != "年") return fail_with("");
    const std::string main_text = std::string(main) + std::string(after);  // 令和8（2026）年度: the suffix is both's
    Reading first = read_one(main_text, text);
    if (!first.year) return fail_with(first.problem);
    if (!alternative.empty()) {
        const std::string alt_text = std::string(alternative) + std::string(after);
        Reading second = read_one(alt_text, text);
        if (!second.year) return fail_with(second.problem);
        if (*second.year != *first.year)
            return fail_with(std::string(text) + ": the two notations name different years (FY" + std::to_string(*first.year) +
                             " and FY" + std::to_string(*second.year) + ")");
        first.calendar = first.calendar && second.calendar;
    }
    if (first.calendar)
        return fail_with(std::string(text) + ": a calendar year (" + std::to_string(*first.year) +
                         "), not a fiscal year: write 年度 for fiscal year " + std::to_string(*first.year) +
                         " (April–March)");
    return first.year;
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
