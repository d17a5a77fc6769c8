// The benchmark's in-process measurements, each run in a child process of its
// own (`wardscope_bench --child MODE …`) so that its peak RSS is its own and the
// orchestrating process stays small. Results go to stdout as key=value lines.
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "inprocess.hpp"
#include "process.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

namespace bench {

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

Taxonomy taxonomy_in(const fs::path& data_dir) { return read_taxonomy(data_dir / "themes.json", data_dir / "actors.json"); }

long own_peak_rss_kb() {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

std::size_t count_measures(const std::vector<PlanFile>& files) {
    std::size_t n = 0;
    for (const PlanFile& pf : files)
        for (const Node& node : pf.plan.nodes) n += node.level == NodeLevel::measure ? 1 : 0;
    return n;
}

// import_plans into a new file, `runs` times: what `wardscope import` does after
// validation (rule tags, one transaction, commit to disk).
void time_imports(const Taxonomy& taxonomy, const std::vector<PlanFile>& files, const fs::path& db, int runs) {
    std::cout << "measures=" << count_measures(files) << "\n";
    for (int r = 0; r < runs; ++r) {
        fs::remove(db);
        Store store = Store::open(db, OpenMode::create);
        const double start = now_ms();
        import_plans(store, taxonomy, files);
        std::cout << "run_ms=" << now_ms() - start << "\n";
    }
    fs::remove(db);
}

int gen(const fs::path& data_dir, const fs::path& out) {
    fs::path partial = out;
    partial += ".partial";
    fs::remove(partial);
    const double start = now_ms();
    {
        Store store = Store::open(partial, OpenMode::create);
        const ImportReport report = generate_database(store, taxonomy_in(data_dir), GenerateOptions{});
        std::cout << "measures=" << report.measures << "\n";
    }
    fs::rename(partial, out);
    std::cout << "run_ms=" << now_ms() - start << "\n";
    return 0;
}

// Plan files → SQLite as `wardscope import` does it: the synthetic plans as
// plan-file text (in memory, so disk reads are not timed), then per run
// parse + validate + import into a new file. write_ms is the import alone.
int import_synthetic(const fs::path& data_dir, const fs::path& db, int runs) {
    const Taxonomy taxonomy = taxonomy_in(data_dir);
    std::vector<std::string> texts;
    {
        const std::vector<PlanFile> generated = generate_plan_files(GenerateOptions{}, taxonomy);
        std::cout << "measures=" << count_measures(generated) << "\n";
        for (const PlanFile& pf : generated) texts.push_back(to_json_text(pf));
    }
    std::size_t bytes = 0;
    for (const auto& t : texts) bytes += t.size();
    std::cout << "json_bytes=" << bytes << "\n";
    for (int r = 0; r < runs; ++r) {
        fs::remove(db);
        const double start = now_ms();
        std::vector<PlanFile> files;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            ParseResult result = parse_plan_file(texts[i], std::to_string(i) + ".json", taxonomy);
            if (!result.ok()) throw Error("a generated plan does not validate: " + result.problems.front().to_string());
            files.push_back(std::move(result.plan_file));
        }
        const double parsed = now_ms();
        Store store = Store::open(db, OpenMode::create);
        const double opened = now_ms();
        import_plans(store, taxonomy, files);
        const double done = now_ms();
        std::cout << "parse_ms=" << parsed - start << "\nwrite_ms=" << done - opened << "\nrun_ms=" << (parsed - start) + (done - opened)
                  << "\n";
    }
    fs::remove(db);
    return 0;
}

int import_files(const fs::path& data_dir, const fs::path& db, int runs, const std::vector<std::string>& paths) {
    const Taxonomy taxonomy = taxonomy_in(data_dir);
    const double start = now_ms();
    std::vector<PlanFile> files;
    for (const auto& path : paths) {
        ParseResult result = read_plan_file(path, taxonomy);
        if (!result.ok()) {
            std::cerr << path << ": invalid plan file, skipped\n";
            continue;
        }
        files.push_back(std::move(result.plan_file));
    }
    std::cout << "parse_ms=" << now_ms() - start << "\n";
    time_imports(taxonomy, files, db, runs);
    return 0;
}

int load(const fs::path& db, int runs) {
    for (int r = 0; r < runs; ++r) {
        const double start = now_ms();
        Store store = Store::open(db, OpenMode::read_only);
        const Dataset data = load_dataset(store);
        std::cout << "run_ms=" << now_ms() - start << "\n";
        if (r == 0) std::cout << "vmhwm_kb=" << own_peak_rss_kb() << "\n";  // one dataset in memory
    }
    return 0;
}

}  // namespace

int child_main(const std::vector<std::string>& args) {
    try {
        const std::string& mode = args.at(0);
        if (mode == "gen") return gen(args.at(1), args.at(2));
        if (mode == "import-synthetic") return import_synthetic(args.at(1), args.at(2), std::stoi(args.at(3)));
        if (mode == "import-files")
            return import_files(args.at(1), args.at(2), std::stoi(args.at(3)), {args.begin() + 4, args.end()});
        if (mode == "load") return load(args.at(1), std::stoi(args.at(2)));
        std::cerr << "unknown child mode " << mode << "\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
    }
    return 1;
}

}  // namespace bench
