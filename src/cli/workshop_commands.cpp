// `wardscope notes export`, `wardscope slides list` (read-only) and the
// scripted decks: `slides add`, `slides remove`, `slides move`, one
// transaction each, checked as the dashboard's slides panel checks its edits
// (wardscope/workshop.hpp). (`slides export` renders: src/app/run_slides_export.cpp.)
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/error.hpp"
#include "wardscope/store.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::cli {

int export_notes(const std::filesystem::path& db, const std::string& format, const std::filesystem::path& out) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    const std::vector<Annotation> annotations = load_annotations(store);
    write_export_file(db, out, format == "md" ? annotations_to_markdown(data, annotations) : annotations_to_csv(data, annotations));
    std::cout << "wrote " << out.string() << ": " << count_words(static_cast<long long>(annotations.size()), "note or vote", "notes and votes") << "\n";
    return 0;
}

int list_slides(const std::filesystem::path& db) {
    Store store = Store::open(db, OpenMode::read_only);
    const std::vector<Slide> slides = load_slides(store);
    for (const Slide& s : slides) {
        // Names and ids come from the database: no terminal escapes, no extra columns or lines.
        std::cout << s.position + 1 << "\t" << terminal_text(s.name) << "\t" << terminal_text(s.state.view);
        for (const std::string& id : s.state.plan_ids)
            std::cout << (&id == &s.state.plan_ids.front() ? "\t" : ",") << terminal_text(id);
        std::cout << "\n";
    }
    if (slides.empty()) std::cerr << "wardscope: " << db.string() << " holds no slides\n";
    return 0;
}

namespace {

// The slide a --name or --position (1-based, as `slides list` numbers them) picks.
const Slide& pick_slide(const std::vector<Slide>& slides, const SlideChoice& choice) {
    if (choice.position) {
        const int n = *choice.position;
        if (slides.empty()) throw Error("the deck holds no slides");
        if (n < 1 || n > static_cast<int>(slides.size()))
            throw Error("--position " + std::to_string(n) + ": the deck has slides 1 to " + std::to_string(slides.size()));
        return slides[static_cast<std::size_t>(n - 1)];
    }
    const auto it = std::find_if(slides.begin(), slides.end(), [&](const Slide& s) { return s.name == choice.name; });
    if (it != slides.end()) return *it;
    std::string names;
    for (const Slide& s : slides) names += (names.empty() ? "" : ", ") + std::string("'") + s.name + "'";
    throw Error("no slide named '" + choice.name + "'" + (names.empty() ? " (the deck holds no slides)" : " (slides: " + names + ")"));
}

std::string quoted(const Slide& s) { return std::to_string(s.position + 1) + " '" + terminal_text(s.name) + "'"; }

}  // namespace

int add_slide(const std::filesystem::path& db, const SlideAddition& addition, const std::vector<std::string>& known_views) {
    Store store = open_for_writing(db, OpenMode::read_write);
    check_slide_state(addition.state, load_dataset(store), known_views);
    const std::string name = addition.name ? *addition.name : unused_slide_name(load_slides(store), addition.state.lang);
    const std::int64_t id = wardscope::add_slide(store, name, addition.state, addition.notes);
    for (const Slide& s : load_slides(store))
        if (s.id == id) std::cout << "added slide " << quoted(s) << " (" << terminal_text(s.state.view) << ")\n";
    return 0;
}

int remove_slide(const std::filesystem::path& db, const SlideChoice& choice) {
    Store store = open_for_writing(db, OpenMode::read_write);
    const Slide slide = pick_slide(load_slides(store), choice);
    if (!delete_slide(store, slide.id)) throw Error("slide " + quoted(slide) + " was removed meanwhile by another program");
    std::cout << "removed slide " << quoted(slide) << "\n";
    return 0;
}

int move_slide(const std::filesystem::path& db, const SlideChoice& choice, int to) {
    Store store = open_for_writing(db, OpenMode::read_write);
    const std::vector<Slide> slides = load_slides(store);
    const Slide slide = pick_slide(slides, choice);
    if (to < 1 || to > static_cast<int>(slides.size()))
        throw Error("--to " + std::to_string(to) + ": the deck has slides 1 to " + std::to_string(slides.size()));
    wardscope::move_slide(store, slide.id, to - 1);
    std::cout << "moved slide " << quoted(slide) << " to " << to << "\n";
    return 0;
}

int set_slide_notes(const std::filesystem::path& db, const SlideChoice& choice, const std::string& notes) {
    Store store = open_for_writing(db, OpenMode::read_write);
    const Slide slide = pick_slide(load_slides(store), choice);
    wardscope::set_slide_notes(store, slide.id, notes);
    std::cout << (notes.empty() ? "removed the notes of slide " : "set the notes of slide ") << quoted(slide) << "\n";
    return 0;
}

}  // namespace wardscope::cli
