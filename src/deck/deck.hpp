// Deck export (`wardscope slides export --format pdf|pptx`): the slides'
// images with their caption as real text, as PDF pages (cairo) or as a
// PowerPoint package (libzip). No ImGui, no GL: the app renders the images
// (src/app/run_slides_export.cpp) and hands them over one slide at a time.
// docs/slides.md says what the PowerPoint writer covers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace wardscope::deck {

// A rectangle in pixels of the slide (--size).
struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
};

enum class Format { pdf, pptx };

// Where a format puts the slide's content image on a width × height slide:
// PDF, above a caption band; PowerPoint, between the title and the source line.
// The app renders the image at exactly this size.
Rect image_rect(Format format, int width, int height);

struct Page {
    int number = 0, count = 0;  // "3 / 12"
    std::string title;          // the slide's name
    std::string source;         // the source line ("出典: …")
    std::string notes;          // the speaker's notes (PowerPoint); may be empty
    int image_width = 0, image_height = 0;  // image_rect's size
    std::span<const std::uint8_t> rgba;     // PDF: the pixels, RGBA8, top row first
    std::span<const std::uint8_t> png;      // PowerPoint: the same image as PNG
};

// The text face: a CJK font (Noto Sans CJK, found with fontconfig by the app),
// so that Japanese titles are real text.
struct Font {
    std::filesystem::path path;
    int face_index = 0;
};

class Writer {
public:
    virtual ~Writer() = default;
    virtual void add(const Page& page) = 0;  // in order; throws Error
    virtual std::string finish() = 0;        // the whole file; throws Error
};

// width × height: the slide size in pixels (a PDF page of width × height at 96 dpi).
std::unique_ptr<Writer> pdf_writer(int width, int height, const Font& font, std::string_view deck_title);
std::unique_ptr<Writer> pptx_writer(int width, int height, std::string_view deck_title);

}  // namespace wardscope::deck
