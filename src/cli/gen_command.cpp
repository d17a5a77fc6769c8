// gen: a synthetic database at national scale (issue #5).
#include <chrono>
#include <iostream>
#include <vector>

#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

namespace wardscope::cli {

namespace fs = std::filesystem;

int generate(const DataPaths& paths, const GenerateOptions& options, const fs::path& out, bool force) {
    check_generate_options(options);
    // A journal or WAL left beside the target belongs to the file being
    // replaced: SQLite would replay it into the new database.
    std::vector<fs::path> side_files;
    for (const char* suffix : {"-journal", "-wal", "-shm"}) {
        fs::path side = out;
        side += suffix;
        side_files.push_back(side);
    }
    if (!force) {
        for (const fs::path& p : side_files)
            if (fs::exists(p)) throw Error(p.string() + " exists (a database was open or interrupted there): use --force to replace it");
        if (fs::exists(out)) throw Error(out.string() + " already exists (use --force to replace it)");
    }
    const Taxonomy taxonomy = read_taxonomy(paths.themes, paths.actors);
    // Built beside the target and renamed over it: a failed run leaves no
    // half-written database, and an existing one stays until the new one is whole.
    fs::path partial = out;
    partial += ".partial";
    std::error_code ec;
    fs::remove(partial, ec);
    fs::remove(fs::path(partial) += "-journal", ec);  // from a run that was killed
    const auto started = std::chrono::steady_clock::now();
    ImportReport report;
    try {
        Store store = Store::open(partial, OpenMode::create);
        report = generate_database(store, taxonomy, options);
    } catch (...) {
        fs::remove(partial, ec);
        throw;
    }
    for (const fs::path& p : side_files) fs::remove(p, ec);
    fs::rename(partial, out, ec);
    if (ec) {
        fs::remove(partial, ec);
        throw Error(out.string() + ": cannot write the database (" + ec.message() + ")");
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "wrote synthetic database " << out.string() << " (seed " << options.seed << "): "
              << count_words(static_cast<long long>(report.added_plans.size()), "plan", "plans") << ", " << count_words(static_cast<long long>(report.nodes), "node", "nodes") << ", "
              << count_words(static_cast<long long>(report.measures), "measure", "measures") << ", " << count_words(static_cast<long long>(report.indicators), "indicator", "indicators") << ", "
              << count_words(static_cast<long long>(report.observations), "sample observation", "sample observations") << " in " << seconds
              << " s\n";
    return 0;
}

}  // namespace wardscope::cli
