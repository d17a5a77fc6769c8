#include <cmath>

#include "deck/deck.hpp"
#include "deck/layout.hpp"

namespace wardscope::deck {

int scaled(int length, double fraction) { return static_cast<int>(std::lround(length * fraction)); }

Rect pdf_caption_rect(int width, int height) {
    const int band = scaled(height, pdf_caption_share);
    return {0, height - band, width, band};
}

Rect pptx_title_rect(int width, int height) {
    return {scaled(width, 0.03), scaled(height, 0.015), scaled(width, 0.94), scaled(height, 0.095)};
}

Rect pptx_source_rect(int width, int height) {
    return {scaled(width, 0.03), scaled(height, 0.955), scaled(width, 0.94), scaled(height, 0.04)};
}

Rect image_rect(Format format, int width, int height) {
    if (format == Format::pdf) return {0, 0, width, height - pdf_caption_rect(width, height).height};
    const int top = scaled(height, 0.12);
    return {0, top, width, scaled(height, 0.95) - top};
}

}  // namespace wardscope::deck
