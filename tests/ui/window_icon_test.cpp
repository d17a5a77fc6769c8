#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "app/window_icon.hpp"

using namespace wardscope::app;

TEST_CASE("window icon: every size rendered from assets/wardscope.svg is compiled in and decodes") {
    REQUIRE(embedded_icon_pngs().size() == 7);
    const std::vector<IconImage> images = window_icon_images();
    REQUIRE(images.size() == embedded_icon_pngs().size());
    std::set<int> sizes;
    for (const IconImage& image : images) {
        CHECK(image.width == image.height);
        CHECK(image.rgba.size() == static_cast<std::size_t>(image.width) * image.height * 4);
        sizes.insert(image.width);
    }
    CHECK(sizes == std::set<int>{16, 24, 32, 48, 64, 128, 256});
}

TEST_CASE("window icon: drawn, not blank — the corners are transparent, the middle opaque") {
    const std::vector<IconImage> images = window_icon_images();
    const auto it = std::find_if(images.begin(), images.end(), [](const IconImage& i) { return i.width == 256; });
    REQUIRE(it != images.end());
    const auto alpha = [&](int x, int y) { return it->rgba[(static_cast<std::size_t>(y) * 256 + x) * 4 + 3]; };
    CHECK(alpha(0, 0) == 0);
    CHECK(alpha(128, 128) == 255);
    // More than one colour: the heatmap cells differ from the background.
    const auto rgb = [&](int x, int y) {
        const std::size_t i = (static_cast<std::size_t>(y) * 256 + x) * 4;
        return (it->rgba[i] << 16) | (it->rgba[i + 1] << 8) | it->rgba[i + 2];
    };
    CHECK(rgb(60, 60) != rgb(20, 128));
}
