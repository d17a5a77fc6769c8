#include "wardscope/number_text.hpp"

#include <charconv>
#include <cmath>

namespace wardscope {
namespace {

// The characters a number may be typed with, folded to ASCII: full-width
// digits, signs, point and comma (U+FF0B…U+FF19), the minus sign U+2212, the
// ideographic space U+3000. Anything else is kept as it is (and then refused).
std::string fold_number_characters(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            if (b2 >= 0x8B && b2 <= 0x99) {  // U+FF0B ＋ … U+FF19 ９ → '+' … '9'
                out += static_cast<char>(b2 - 0x8B + '+');
                i += 3;
                continue;
            }
        }
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x88 &&
            static_cast<unsigned char>(text[i + 2]) == 0x92) {  // U+2212 −
            out += '-';
            i += 3;
            continue;
        }
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) {  // U+3000 ideographic space
            out += ' ';
            i += 3;
            continue;
        }
        out += static_cast<char>(c);
        ++i;
    }
    return out;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Drops the thousands separators of the integer part, which must group three
// digits each ("12,345"); false when they do not. Separators elsewhere (in
// the fraction or the exponent) are refused too.
bool drop_separators(std::string_view s, std::string& out) {
    std::size_t start = (!s.empty() && (s.front() == '-' || s.front() == '+')) ? 1 : 0;
    std::size_t int_end = start;
    while (int_end < s.size() && (is_digit(s[int_end]) || s[int_end] == ',')) ++int_end;
    const std::string_view integer = s.substr(start, int_end - start);
    if (s.substr(int_end).find(',') != std::string_view::npos) return false;
    if (integer.find(',') != std::string_view::npos) {
        // The first group has 1–3 digits, every later one exactly 3.
        std::size_t group = 0, groups = 0;
        for (char ch : integer) {
            if (ch == ',') {
                if (group == 0 || group > 3 || (groups > 0 && group != 3)) return false;
                group = 0;
                ++groups;
            } else {
                ++group;
            }
        }
        if (group != 3) return false;
    }
    out.assign(s.substr(0, start));
    for (char ch : integer)
        if (ch != ',') out += ch;
    out.append(s.substr(int_end));
    return true;
}

}  // namespace

NumberText parse_number_text(std::string_view text) {
    const std::string folded = fold_number_characters(text);
    const std::string_view s = trim_spaces(folded);
    if (s.empty()) return {std::nullopt, NumberProblem::empty};
    std::string plain;
    if (!drop_separators(s, plain)) return {std::nullopt, NumberProblem::bad_grouping};
    // from_chars takes no '+' and reads "inf"/"nan": only digits, one point, an exponent.
    std::string_view digits = plain;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    if (digits.empty() || !(is_digit(digits.front()) || digits.front() == '-' || digits.front() == '.'))
        return {std::nullopt, NumberProblem::not_a_number};
    for (char ch : digits)
        if (!(is_digit(ch) || ch == '-' || ch == '+' || ch == '.' || ch == 'e' || ch == 'E'))
            return {std::nullopt, NumberProblem::not_a_number};
    double value = 0;
    const char* end = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(digits.data(), end, value);
    if (ec == std::errc::result_out_of_range) return {std::nullopt, NumberProblem::out_of_range};
    if (ec != std::errc() || ptr != end) return {std::nullopt, NumberProblem::not_a_number};
    if (!std::isfinite(value)) return {std::nullopt, NumberProblem::out_of_range};
    return {value, NumberProblem::none};
}

std::string number_problem_message(NumberProblem problem, std::string_view text) {
    const std::string quoted = "'" + std::string(text) + "'";
    switch (problem) {
        case NumberProblem::none: return {};
        case NumberProblem::empty: return "the value is empty (leave unknown values out instead of writing 0)";
        case NumberProblem::bad_grouping:
            return quoted + " is not a number: thousands separators group three digits (1,234 or 1234)";
        case NumberProblem::out_of_range: return quoted + " is out of range";
        case NumberProblem::not_a_number: break;
    }
    return quoted + " is not a number (leave unknown values out instead of writing 0)";
}

}  // namespace wardscope
