// migrate-plan: format-1 plan files rewritten in format 2, in place (atomic
// replace) or into another folder; all files checked before any is written.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "commands.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_migrate.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::cli {

namespace fs = std::filesystem;

namespace {

std::string read_file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (!in || !(bytes << in.rdbuf())) throw Error(path.string() + ": cannot read the file");
    return bytes.str();
}

}  // namespace

int migrate_plans(const DataPaths& paths, const std::vector<std::string>& files, const fs::path& out_dir) {
    const Taxonomy taxonomy = read_taxonomy(paths.themes, paths.actors);
    if (!out_dir.empty() && !fs::is_directory(out_dir))
        throw Error(out_dir.string() + ": --out must be an existing folder");
    struct Planned {
        fs::path target;
        MigratedPlan result;
    };
    std::vector<Planned> planned;
    std::map<fs::path, std::string> targets;  // where each file goes: two inputs never write one file
    bool ok = true;
    for (const std::string& file : files) {
        std::string text;
        try {
            text = read_file_text(file);
        } catch (const Error& e) {
            std::cerr << "wardscope: " << terminal_text(e.what(), LineBreaks::keep) << "\n";
            ok = false;
            continue;
        }
        Planned p{out_dir.empty() ? fs::path(file) : out_dir / fs::path(file).filename(), migrate_plan_text(text, file, taxonomy)};
        for (const Problem& problem : p.result.problems) std::cerr << terminal_text(problem.to_string(), LineBreaks::keep) << "\n";
        ok = ok && p.result.problems.empty();
        const fs::path key = fs::weakly_canonical(p.target);
        if (auto [it, inserted] = targets.emplace(key, file); !inserted) {
            std::cerr << "wardscope: " << terminal_text(file) << " and " << terminal_text(it->second) << " would both be written to "
                      << terminal_text(p.target.string()) << "\n";
            ok = false;
        }
        planned.push_back(std::move(p));
    }
    if (!ok) {
        std::cerr << "wardscope: nothing was written\n";
        return 1;
    }
    for (const Planned& p : planned) {
        if (p.result.already_format_2 && out_dir.empty()) {
            std::cout << terminal_text(p.target.string()) << ": already wardscope-plan/2, left as it is\n";
            continue;
        }
        write_file_atomically(p.target, p.result.text);
        std::cout << terminal_text(p.target.string()) << ": "
                  << (p.result.already_format_2 ? "already wardscope-plan/2, copied" : "written in wardscope-plan/2") << "\n";
    }
    return 0;
}

}  // namespace wardscope::cli
