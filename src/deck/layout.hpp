// The places of the caption texts on a slide, in pixels of the slide (deck.hpp's image_rect places the image).
#pragma once

#include "deck/deck.hpp"

namespace wardscope::deck {

inline constexpr double pdf_caption_share = 0.1;  // of the page's height, below the image
int scaled(int length, double fraction);
Rect pdf_caption_rect(int width, int height);
Rect pptx_title_rect(int width, int height);
Rect pptx_source_rect(int width, int height);

}  // namespace wardscope::deck
