// English counts in the UI's format(): "1 plan", "2 plans" (issue #16: the
// prefecture rows said "1 municipalities"). The strings name both forms after
// the count as {one|other}; the Japanese ones need none.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>

#include "ui/widgets/ui_widgets.hpp"
#include "wardscope/count_words.hpp"

using wardscope::ui::format;

TEST_CASE("format: {one|other} follows the count before it") {
    CHECK(format("%d {plan|plans} · %d {municipality|municipalities}", 1, 1) == "1 plan · 1 municipality");
    CHECK(format("%d {plan|plans} · %d {municipality|municipalities}", 8705, 1741) == "8705 plans · 1741 municipalities");
    CHECK(format("%d {plan|plans} · %d {municipality|municipalities}", 0, 2) == "0 plans · 2 municipalities");
    CHECK(format("%s (%d {municipality|municipalities}, %d {plan|plans})", "Hokkaido", 1, 5) == "Hokkaido (1 municipality, 5 plans)");
    // "of": the total governs the noun.
    CHECK(format("%d of %d {measure|measures} (%d%%)", 0, 1, 0) == "0 of 1 measure (0%)");
    CHECK(format("%d of %d {measure|measures} (%d%%)", 1, 3, 33) == "1 of 3 measures (33%)");
    // A percentage never governs: the verb follows the count of plans, not "(100%)".
    CHECK(format("of %s's %d {plan|plans}, %d (%d%%) {covers|cover} it", "Aomori", 1, 1, 100) == "of Aomori's 1 plan, 1 (100%) covers it");
    CHECK(format("of %s's %d {plan|plans}, %d (%d%%) {covers|cover} it", "Aomori", 4, 2, 50) == "of Aomori's 4 plans, 2 (50%) cover it");
    // Before any count: the first one after it.
    CHECK(format("{indicator|indicators} %d (%d with a target)", 1, 0) == "indicator 1 (0 with a target)");
    // Other integer sizes and conversions read in their place.
    CHECK(format("%zu {row|rows} to %s", std::size_t{1}, "a.csv") == "1 row to a.csv");
    CHECK(format("%.1f%% · %lld {item|items}", 2.5, 1LL) == "2.5% · 1 item");
    CHECK(format("%s %*d {vote|votes}", "x", 4, 1) == "x    1 vote");
}

TEST_CASE("format: text that is not a choice stays as it is, and so does the text it prints") {
    CHECK(format("{x} %d", 2) == "{x} 2");
    CHECK(format("%d {a|b", 1) == "1 {a|b");
    CHECK(format("%d {a%%|b}", 1) == "1 {a%|b}");
    // A brace in an argument (a user's note, a file name) is printed, never chosen from.
    CHECK(format("%s %d {plan|plans}", "{a|b}", 2) == "{a|b} 2 plans");
    CHECK(format("%d計画 · %d自治体", 1, 1) == "1計画 · 1自治体");
    CHECK(format("%s", "plain") == "plain");
}

TEST_CASE("count_words (the CLI's messages): the same rule") {
    CHECK(wardscope::count_words(1, "municipality", "municipalities") == "1 municipality");
    CHECK(wardscope::count_words(0, "municipality", "municipalities") == "0 municipalities");
    CHECK(wardscope::count_words(1741, "municipality", "municipalities") == "1741 municipalities");
}
