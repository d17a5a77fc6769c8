// `wardscope notes export` and `wardscope slides list`: workshop data out of
// the database, read-only. (`slides export` renders: src/app/run_shot.cpp.)
#include <iostream>

#include "commands.hpp"
#include "wardscope/store.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::cli {

int export_notes(const std::filesystem::path& db, const std::string& format, const std::filesystem::path& out) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    const std::vector<Annotation> annotations = load_annotations(store);
    write_export_file(db, out, format == "md" ? annotations_to_markdown(data, annotations) : annotations_to_csv(data, annotations));
    std::cout << "wrote " << out.string() << ": " << annotations.size() << " notes and votes\n";
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

}  // namespace wardscope::cli
