// The PDF deck: one page per slide, the slide's image and below it the
// caption ("n / N  title", the source line) as real text in a CJK font, so
// that titles can be searched and copied; an outline entry per slide.
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <string>
#include <vector>

#include "deck/deck.hpp"
#include "deck/layout.hpp"
#include "wardscope/error.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::deck {
namespace {

constexpr double points_per_pixel = 0.75;  // 96 dpi

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// The font file itself (not a family name that fontconfig could map elsewhere).
cairo_font_face_t* load_face(const Font& font) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(font.path.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, font.face_index);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    if (cairo_font_face_status(face) != CAIRO_STATUS_SUCCESS) {
        cairo_font_face_destroy(face);
        throw Error(font.path.string() + ": cannot use the font for the PDF");
    }
    return face;
}

// Text from the database as cairo takes it: valid UTF-8 without control characters.
std::string drawable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = utf8_char_length_at(text, i);
        const bool control = length == 1 && (static_cast<unsigned char>(text[i]) < 0x20 || text[i] == 0x7F);
        if (length == 0 || control) out += "\xEF\xBF\xBD";  // U+FFFD
        else out.append(text.substr(i, length));
        i += std::max<std::size_t>(length, 1);
    }
    return out;
}

// The text cut to `max_width` with "…" (UTF-8 boundaries kept).
std::string fitted(cairo_t* cr, std::string text, double max_width) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    if (e.x_advance <= max_width) return text;
    while (!text.empty()) {
        std::size_t cut = text.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
        const std::string candidate = text + "…";
        cairo_text_extents(cr, candidate.c_str(), &e);
        if (e.x_advance <= max_width) return candidate;
    }
    return text;
}

// The colour just inside the image's bottom left corner (the window's
// padding): the caption band continues the slide's own background (light when
// presenting, dark otherwise).
struct Rgb {
    double r, g, b;
    double luminance() const { return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
};
Rgb bottom_left(const Page& page) {
    const int x = std::min(3, page.image_width - 1), y = std::max(0, page.image_height - 4);
    const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(page.image_width) + static_cast<std::size_t>(x)) * 4;
    return {page.rgba[at] / 255.0, page.rgba[at + 1] / 255.0, page.rgba[at + 2] / 255.0};
}

class PdfWriter final : public Writer {
public:
    PdfWriter(int width, int height, const Font& font, std::string_view deck_title)
        : width_(width), height_(height), face_(load_face(font)) {
        surface_ = cairo_pdf_surface_create_for_stream(append, &bytes_, width * points_per_pixel, height * points_per_pixel);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, std::string(deck_title).c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "wardscope");
        cr_ = cairo_create(surface_);
        check("cannot start the PDF");
    }
    ~PdfWriter() override {
        if (cr_) cairo_destroy(cr_);
        if (surface_) cairo_surface_destroy(surface_);
        cairo_font_face_destroy(face_);
    }

    void add(const Page& page) override {
        const Rect image = image_rect(Format::pdf, width_, height_);
        if (page.image_width != image.width || page.image_height != image.height ||
            page.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4)
            throw Error("PDF: slide " + std::to_string(page.number) + "'s image is not " + std::to_string(image.width) + "x" +
                        std::to_string(image.height));
        cairo_save(cr_);
        cairo_scale(cr_, points_per_pixel, points_per_pixel);
        draw_image(page, image);
        draw_caption(page);
        cairo_restore(cr_);
        cairo_show_page(cr_);
        const std::string title = std::to_string(page.number) + ". " + drawable(page.title);
        cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, title.c_str(),
                                      ("page=" + std::to_string(page.number)).c_str(), CAIRO_PDF_OUTLINE_FLAG_OPEN);
        check("cannot draw slide " + std::to_string(page.number));
    }

    std::string finish() override {
        cairo_destroy(cr_);
        cr_ = nullptr;
        cairo_surface_finish(surface_);
        const cairo_status_t status = cairo_surface_status(surface_);
        cairo_surface_destroy(surface_);
        surface_ = nullptr;
        if (status != CAIRO_STATUS_SUCCESS) throw Error(std::string("cannot finish the PDF: ") + cairo_status_to_string(status));
        return std::move(bytes_);
    }

private:
    void check(const std::string& what) {
        cairo_status_t status = cairo_status(cr_);
        if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface_);
        if (status != CAIRO_STATUS_SUCCESS) throw Error("PDF: " + what + ": " + cairo_status_to_string(status));
    }

    void draw_image(const Page& page, const Rect& at) {
        cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, page.image_width, page.image_height);
        if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(img);
            throw Error("PDF: out of memory for slide " + std::to_string(page.number) + "'s image");
        }
        cairo_surface_flush(img);
        unsigned char* data = cairo_image_surface_get_data(img);
        const int stride = cairo_image_surface_get_stride(img);
        for (int y = 0; y < page.image_height; ++y) {
            auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
            const std::uint8_t* src = page.rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(page.image_width) * 4;
            for (int x = 0; x < page.image_width; ++x, src += 4)
                row[x] = (std::uint32_t{src[0]} << 16) | (std::uint32_t{src[1]} << 8) | src[2];
        }
        cairo_surface_mark_dirty(img);
        cairo_set_source_surface(cr_, img, at.x, at.y);
        cairo_paint(cr_);
        cairo_surface_destroy(img);
    }

    void draw_caption(const Page& page) {
        const Rect band = pdf_caption_rect(width_, height_);
        const Rgb bg = bottom_left(page);
        const bool dark = bg.luminance() < 0.5;
        cairo_set_source_rgb(cr_, bg.r, bg.g, bg.b);
        cairo_rectangle(cr_, band.x, band.y, band.width, band.height);
        cairo_fill(cr_);
        // A rule between the view and its caption, as the PNG's separator.
        cairo_set_source_rgba(cr_, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.35);
        cairo_rectangle(cr_, band.x, band.y, band.width, std::max(1.0, band.height * 0.01));
        cairo_fill(cr_);
        const double margin = band.height * 0.3;
        const double max_width = band.width - 2 * margin;
        cairo_set_font_face(cr_, face_);
        const std::string heading = std::to_string(page.number) + " / " + std::to_string(page.count) + "  " + drawable(page.title);
        cairo_set_font_size(cr_, band.height * 0.36);
        cairo_set_source_rgb(cr_, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0);
        cairo_move_to(cr_, band.x + margin, band.y + band.height * 0.45);
        cairo_show_text(cr_, fitted(cr_, heading, max_width).c_str());
        cairo_set_font_size(cr_, band.height * 0.24);
        const double grey = dark ? 0.75 : 0.3;
        cairo_set_source_rgb(cr_, grey, grey, grey);
        cairo_move_to(cr_, band.x + margin, band.y + band.height * 0.84);
        cairo_show_text(cr_, fitted(cr_, drawable(page.source), max_width).c_str());
    }

    int width_, height_;
    cairo_font_face_t* face_;
    std::string bytes_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
};

}  // namespace

std::unique_ptr<Writer> pdf_writer(int width, int height, const Font& font, std::string_view deck_title) {
    return std::make_unique<PdfWriter>(width, height, font, deck_title);
}

}  // namespace wardscope::deck
