#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "wardscope/user_dirs.hpp"

namespace wardscope::cli {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
    const auto self = executable_path();
    return self ? self->parent_path() : fs::current_path();
}

// A build tree (build/wardscope beside CMakeCache.txt) keeps its database
// beside the executable, as the README's commands expect; an installed copy
// never writes into its prefix.
bool running_from_build_tree() { return fs::exists(executable_dir() / "CMakeCache.txt"); }

bool is_data_dir(const fs::path& dir) { return fs::exists(dir / "themes.json"); }

}  // namespace

// WARDSCOPE_DATA, else the first folder holding themes.json of: the source
// tree's data/ (build/wardscope → ../data), an installed copy's
// ../share/wardscope (bin/wardscope), data/ beside the executable (the
// Windows zip), data/ in the current folder.
fs::path default_data_dir() {
    if (const char* env = std::getenv("WARDSCOPE_DATA"); env && *env) return env;
    const fs::path exe = executable_dir();
    for (const fs::path& candidate : {exe / ".." / "data", exe / ".." / "share" / "wardscope", exe / "data",
                                      fs::current_path() / "data"})
        if (is_data_dir(candidate)) return fs::weakly_canonical(candidate);
    return fs::current_path() / "data";
}

// WARDSCOPE_DB, else build/wardscope.db in a build tree, else the user's data
// folder ($XDG_DATA_HOME/wardscope/wardscope.db; %LOCALAPPDATA% on Windows).
fs::path default_database() {
    if (const char* env = std::getenv("WARDSCOPE_DB"); env && *env) return env;
    if (!running_from_build_tree())
        if (const auto dir = user_data_dir()) return *dir / "wardscope.db";
    return executable_dir() / "wardscope.db";
}

DataPaths data_paths(const fs::path& data_dir) { return {data_dir / "themes.json", data_dir / "actors.json"}; }

std::vector<std::string> bundled_plan_files(const fs::path& data_dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(data_dir / "plans", ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// Imported beside the final name and renamed into place, so that an
// interrupted first run never leaves a half-filled database that later runs
// would take for the user's own.
int create_default_database(const fs::path& data_dir, const fs::path& db) {
    const std::vector<std::string> plans = bundled_plan_files(data_dir);
    if (plans.empty()) {
        std::cerr << "wardscope: no database at " << db.string() << " and no bundled plans in "
                  << (data_dir / "plans").string() << "\n  create one with: wardscope import --db "
                  << db.string() << " PLAN.json...\n";
        return 1;
    }
    std::cerr << "wardscope: no database yet: creating " << db.string() << " from the " << plans.size()
              << " bundled plans in " << (data_dir / "plans").string() << "\n";
    std::error_code ec;
    fs::create_directories(db.parent_path(), ec);
    fs::path staging = db;
    staging += ".new";
    fs::remove(staging, ec);
    if (const int rc = import_plans(data_paths(data_dir), staging, plans); rc != 0) return rc;
    fs::rename(staging, db);
    return 0;
}

}  // namespace wardscope::cli
