// `wardscope slides export`: every slide rendered offscreen in its own mode,
// showing its content and caption only (no tabs, filter bar or status bar),
// as numbered PNG files, one PDF (src/deck, cairo) or one PowerPoint file
// (src/deck, libzip). PDF and PowerPoint set the caption as text of their own.
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "app/app.hpp"
#include "app/frame.hpp"
#include "app/frame_capture.hpp"
#include "app/offscreen.hpp"
#include "deck/deck.hpp"
#include "wardscope/error.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::app {
namespace {

namespace fs = std::filesystem;

// "01-カバレッジ.png": the slide's number, then its name made a safe file name
// (wardscope/safe_files.hpp: no separators, "..", control characters …).
std::string slide_file_name(FileNamer& names, int number, const std::string& name, std::size_t count) {
    const int digits = count >= 100 ? 3 : 2;
    std::string n = std::to_string(number);
    n.insert(0, static_cast<std::size_t>(std::max(0, digits - static_cast<int>(n.size()))), '0');
    return names.claim(n + "-" + name, ".png");
}

// The writer of a PDF or PowerPoint deck; checked before anything is rendered.
std::unique_ptr<deck::Writer> deck_writer(const SlidesExportOptions& options) {
    const std::string title = "wardscope: " + options.db_path.stem().string();
    if (options.format == "pptx") return deck::pptx_writer(options.width, options.height, title);
    const std::optional<FontFile> font = find_japanese_font();
    if (!font) throw Error(std::string("no Japanese font for the PDF's text: ") + japanese_font_install_hint());
    return deck::pdf_writer(options.width, options.height, {font->path, font->face_index}, title);
}

}  // namespace

int run_slides_export(const SlidesExportOptions& options) {
    try {
        const bool png = options.format == "png";
        std::unique_ptr<deck::Writer> writer;
        if (!png) {
            refuse_database_as_output(options.out, options.db_path);
            if (fs::is_directory(options.out))
                throw Error(options.out.string() + " is a folder: --out names the " + options.format + " file to write");
            writer = deck_writer(options);
        }
        std::unique_ptr<GlSession> session;
        Prepared prepared = prepare_while_gl_starts(options.db_path, KpiHistoryLoad::with_plans, offscreen_spec("wardscope slides"),
                                                    [&](const Dashboard& loaded) {
            // An export shows every row or none: what the dashboard would leave out stops it.
            if (!loaded.skipped_rows.empty())
                throw Error(options.db_path.string() + ": nothing was exported: " + loaded.skipped_rows.front());
            if (loaded.model().slides.empty())
                throw Error(options.db_path.string() + " holds no slides: add some in the dashboard (Slides) or with `wardscope slides add`");
        }, session);
        Dashboard& dashboard = *prepared.dashboard;
        DashboardFonts& fonts = *prepared.fonts;
        dashboard.set_screenshot(true);
        dashboard.set_slide_frame(png ? SlideFrame::content_and_caption : SlideFrame::content_only);
        const std::vector<Slide> slides = dashboard.model().slides;
        for (const fs::path& dir : {png ? options.out : fs::path(), options.layout_dir}) {
            std::error_code ec;
            if (!dir.empty()) fs::create_directories(dir, ec);
            if (ec) throw Error("cannot create " + dir.string() + ": " + ec.message());
        }
        // PNG: the whole slide; PDF and PowerPoint: the part their caption leaves.
        const deck::Rect area = png ? deck::Rect{0, 0, options.width, options.height}
                                    : deck::image_rect(options.format == "pdf" ? deck::Format::pdf : deck::Format::pptx,
                                                       options.width, options.height);
        OffscreenTarget target(area.width, area.height);
        fonts.rebuild(dashboard, *session, 1.0f);
        FileNamer names;
        for (std::size_t i = 0; i < slides.size(); ++i) {
            dashboard.go_to_slide(static_cast<int>(i), true);
            const bool layout = !options.layout_dir.empty();
            render_settled_frame(dashboard, *session, target, fonts, area.width, area.height, layout);
            if (layout) {
                const auto path = options.layout_dir / (std::to_string(i + 1) + ".json");
                refuse_database_as_output(path, options.db_path);
                write_layout_json(path, area.width, area.height, dashboard.widgets().probes);
            }
            const std::vector<std::uint8_t> pixels = target.read_pixels();
            if (png) {
                const auto path = options.out / slide_file_name(names, static_cast<int>(i) + 1, slides[i].name, slides.size());
                refuse_database_as_output(path, options.db_path);
                write_png(path, area.width, area.height, pixels);
                std::cout << "wrote " << terminal_text(path.string()) << " (" << terminal_text(slides[i].state.view) << ")\n";
                continue;
            }
            const SlideCaption caption = dashboard.slide_caption();
            const std::vector<std::uint8_t> png_bytes = options.format == "pptx" ? encode_png(area.width, area.height, pixels)
                                                                                 : std::vector<std::uint8_t>{};
            writer->add({caption.number, caption.count, caption.title, caption.source, slides[i].notes, area.width,
                         area.height, pixels, png_bytes});
        }
        if (!png) {
            write_file_atomically(options.out, writer->finish());
            std::cout << "wrote " << terminal_text(options.out.string()) << " (" << slides.size() << " slides, "
                      << options.format << ", " << options.width << "x" << options.height << ")\n";
        }
        return 0;
    } catch (const Error& e) {
        std::cerr << "wardscope slides export: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
        return 1;
    }
}

}  // namespace wardscope::app
