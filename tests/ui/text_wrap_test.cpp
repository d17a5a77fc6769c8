#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ui/widgets/text_wrap.hpp"

using wardscope::ui::wrap_lines;

namespace {
// Every character 10 px wide: widths are character counts × 10.
std::vector<std::string> wrap(std::string_view text, float width) {
    std::vector<std::string> out;
    for (auto line : wrap_lines(text, width, [](unsigned) { return 10.0f; })) out.emplace_back(line);
    return out;
}
}  // namespace

TEST_CASE("Japanese text breaks between characters, not at the last ASCII space") {
    // ImGui would break after "45 " and leave the rest of that line empty.
    // Nine characters fit; ー may not start a line, so ピー moves down together.
    const auto lines = wrap("昭和 45 年をピークに製造業", 95);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "昭和 45 年を");
    CHECK(lines[1] == "ピークに製造業");
}

TEST_CASE("closing punctuation and small kana do not start a line, and opening brackets do not end one") {
    const auto a = wrap("あいうえおかきくけこ。さしす", 100);
    REQUIRE(a.size() == 2);
    CHECK(a[0] == "あいうえおかきくけ");
    CHECK(a[1] == "こ。さしす");
    const auto b = wrap("あいうえおかきくけ「こさ」", 100);
    REQUIRE(b.size() == 2);
    CHECK(b[0] == "あいうえおかきくけ");
    CHECK(b[1] == "「こさ」");
}

TEST_CASE("Latin words break at spaces, and spaces do not lead or trail a line") {
    const auto lines = wrap("Regional industry plan of Sumida", 120);  // 12 characters a line
    CHECK(lines == std::vector<std::string>{"Regional", "industry", "plan of", "Sumida"});
}

TEST_CASE("newlines break, a word longer than the line is cut, empty text is one empty line") {
    CHECK(wrap("ab\ncd", 100) == std::vector<std::string>{"ab", "cd"});
    CHECK(wrap("abcdefghijkl", 50) == std::vector<std::string>{"abcde", "fghij", "kl"});
    CHECK(wrap("", 50) == std::vector<std::string>{""});
}
