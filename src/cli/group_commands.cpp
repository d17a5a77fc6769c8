// `wardscope groups list|add|remove`: a user's groups of municipalities
// (wardscope/municipality_groups.hpp). list is read-only; add and remove are
// one transaction each, all or nothing.
#include <iostream>

#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/municipality_groups.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::cli {

int list_groups(const std::filesystem::path& db) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    const std::vector<MunicipalityGroup> groups = read_municipality_groups(store);
    for (const MunicipalityGroup& g : groups)
        for (const std::string& id : g.municipality_ids) {
            // Names and ids come from the database: no terminal escapes, no extra columns or lines.
            const Municipality* m = data.find_municipality(id);
            std::cout << terminal_text(g.name) << "\t" << terminal_text(id) << "\t"
                      << (m ? terminal_text(m->name_ja) : std::string("(not in the database)")) << "\n";
        }
    if (groups.empty()) std::cerr << "wardscope: " << db.string() << " holds no groups\n";
    return 0;
}

int change_group(const std::filesystem::path& db, const GroupChange& change, bool add) {
    Store store = open_for_writing(db, OpenMode::read_write);
    const std::string name = terminal_text(group_name_of(change.group));
    if (add) {
        const std::size_t added = add_group_members(store, change.group, change.municipality_ids).size();
        std::cout << "added " << count_words(static_cast<long long>(added), "municipality", "municipalities") << " to the group '" << name << "'";
        if (added < change.municipality_ids.size()) std::cout << " (" << count_words(static_cast<long long>(change.municipality_ids.size() - added), "was a member", "were members") << " already)";
        std::cout << "\n";
    } else {
        const std::size_t removed = remove_group_members(store, change.group, change.municipality_ids).size();
        std::cout << "removed " << count_words(static_cast<long long>(removed), "municipality", "municipalities") << " from the group '" << name << "'\n";
    }
    return 0;
}

}  // namespace wardscope::cli
