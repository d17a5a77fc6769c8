#include <doctest/doctest.h>

#include "ui/widgets/spotlight.hpp"

using wardscope::ui::spotlight_pick;
using wardscope::ui::SpotlightItem;

TEST_CASE("spotlight picks the innermost item under the pointer") {
    const std::vector<SpotlightItem> items = {
        {"block", ImVec2(0, 0), ImVec2(400, 100)},
        {"cell", ImVec2(10, 10), ImVec2(40, 30)},
        {"other", ImVec2(500, 0), ImVec2(600, 50)},
    };
    REQUIRE(spotlight_pick(items, ImVec2(20, 20)) != nullptr);
    CHECK(spotlight_pick(items, ImVec2(20, 20))->id == "cell");
    CHECK(spotlight_pick(items, ImVec2(200, 50))->id == "block");
    CHECK(spotlight_pick(items, ImVec2(550, 10))->id == "other");
    CHECK(spotlight_pick(items, ImVec2(450, 10)) == nullptr);
    CHECK(spotlight_pick(items, ImVec2(400, 50)) == nullptr);  // max edges are outside
    CHECK(spotlight_pick({}, ImVec2(1, 1)) == nullptr);
}
