// The benchmark's in-process measurements, each run in a child process of its
// own (`wardscope_bench --child MODE …`) so that its peak RSS is its own and the
// orchestrating process stays small. Results go to stdout as key=value lines.
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "inprocess.hpp"
#include "process.hpp"
#include "wardscope/error.hpp"
#include "wardscope/measure_similarity.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/plan_import.hpp"
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

// CPU time of the whole process (every thread: the load reads on two, the import parses beside its writer).
double process_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// CPU time of this thread: what a keystroke costs whatever else runs on the machine.
double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

int gen(const fs::path& data_dir, const fs::path& out, bool national) {
    fs::path partial = out;
    partial += ".partial";
    fs::remove(partial);
    const double start = now_ms();
    {
        Store store = Store::open(partial, OpenMode::create);
        const ImportReport report = generate_database(store, taxonomy_in(data_dir), national ? national_generate_options() : GenerateOptions{});
        std::cout << "measures=" << report.measures << "\n";
    }
    fs::rename(partial, out);
    std::cout << "run_ms=" << now_ms() - start << "\n";
    return 0;
}

// Plan files → SQLite as `wardscope import` does it (import_plan_*: parse,
// validate and write overlapped, one transaction, committed), `runs` times
// into a new file. Then, once, the two halves on their own: parse & validate
// every file, and write the parsed plans (import_plans). Beside each wall
// time its CPU time (cpu_ms: both threads; the halves run on one), which
// holds still while others use the machine.
int time_imports(const Taxonomy& taxonomy, const fs::path& db, int runs, const std::function<ImportResult(Store&)>& import,
                 const std::function<ParseResult(std::size_t)>& parse, std::size_t count) {
    for (int r = 0; r < runs; ++r) {
        fs::remove(db);
        const double start = now_ms(), cpu_start = process_cpu_ms();
        Store store = Store::open(db, OpenMode::create);
        const ImportResult result = import(store);
        if (!result.ok()) throw Error("a plan does not validate: " + result.problems.front().to_string());
        std::cout << "run_ms=" << now_ms() - start << "\ncpu_ms=" << process_cpu_ms() - cpu_start << "\n";
        if (r == 0) std::cout << "measures=" << result.report.measures << "\n";
    }
    fs::remove(db);
    const double start = now_ms(), cpu_start = thread_cpu_ms();
    std::vector<PlanFile> files;
    for (std::size_t i = 0; i < count; ++i) files.push_back(parse(i).plan_file);
    const double parsed = now_ms(), parsed_cpu = thread_cpu_ms();
    Store store = Store::open(db, OpenMode::create);
    const double opened = now_ms(), opened_cpu = thread_cpu_ms();
    import_plans(store, taxonomy, files);
    std::cout << "parse_ms=" << parsed - start << "\nwrite_ms=" << now_ms() - opened << "\n";
    std::cout << "parse_cpu_ms=" << parsed_cpu - cpu_start << "\nwrite_cpu_ms=" << thread_cpu_ms() - opened_cpu << "\n";
    fs::remove(db);
    return 0;
}

// The synthetic plans as plan-file text in memory, so that disk reads are not timed.
int import_synthetic(const fs::path& data_dir, const fs::path& db, int runs) {
    const Taxonomy taxonomy = taxonomy_in(data_dir);
    std::vector<PlanText> texts;
    for (const PlanFile& pf : generate_plan_files(GenerateOptions{}, taxonomy))
        texts.push_back({pf.plan.id + ".json", to_json_text(pf)});
    std::size_t bytes = 0;
    for (const auto& t : texts) bytes += t.text.size();
    std::cout << "json_bytes=" << bytes << "\n";
    return time_imports(
        taxonomy, db, runs, [&](Store& store) { return import_plan_texts(store, taxonomy, texts); },
        [&](std::size_t i) { return parse_plan_file(texts[i].text, texts[i].name, taxonomy); }, texts.size());
}

int import_files(const fs::path& data_dir, const fs::path& db, int runs, const std::vector<std::string>& paths) {
    const Taxonomy taxonomy = taxonomy_in(data_dir);
    const std::vector<fs::path> files(paths.begin(), paths.end());
    return time_imports(
        taxonomy, db, runs, [&](Store& store) { return import_plan_files(store, taxonomy, files); },
        [&](std::size_t i) { return read_plan_file(files[i], taxonomy); }, files.size());
}

int load(const fs::path& db, int runs) {
    for (int r = 0; r < runs; ++r) {
        const double start = now_ms(), cpu_start = process_cpu_ms();
        Store store = Store::open(db, OpenMode::read_only);
        const Dataset data = load_dataset(store);
        std::cout << "run_ms=" << now_ms() - start << "\ncpu_ms=" << process_cpu_ms() - cpu_start << "\n";
        if (r == 0) std::cout << "vmhwm_kb=" << own_peak_rss_kb() << "\n";  // one dataset in memory
    }
    return 0;
}

// The similar-measures index (issue #15), built once per data change by the
// dashboard's Model: `runs` builds, then the five most similar measures
// elsewhere for `queries` measures spread over the dataset (what a selection
// in the explorer computes once). Prints build_ms= per build, query_ms= per
// query, measures=, and first_plan= / first_measure= (a measure with
// results, for the explorer's frame figure).
int similarity(const fs::path& db, int runs, int queries) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    MeasureSimilarity index;
    for (int r = 0; r < runs; ++r) {
        const double start = now_ms();
        index = MeasureSimilarity(data);
        std::cout << "build_ms=" << now_ms() - start << "\n";
    }
    std::cout << "measures=" << index.size() << "\n";
    if (index.size() == 0) return 0;
    const std::size_t step = std::max<std::size_t>(1, index.size() / static_cast<std::size_t>(std::max(1, queries)));
    bool named = false;
    for (std::size_t k = 0; k < index.size(); k += step) {
        const double start = now_ms();
        const auto similar = index.most_similar_elsewhere(data, k, 5);
        std::cout << "query_ms=" << now_ms() - start << "\n";
        if (!named && !similar.empty()) {
            const auto& m = index.measure(k);
            std::cout << "first_plan=" << data.plans[m.plan].id << "\nfirst_measure=" << data.plans[m.plan].nodes[m.node].id << "\n";
            named = true;
        }
    }
    return 0;
}

// What the explorer's search box answers per keystroke (issue #16): each
// query typed a character at a time, search_plans run on every prefix (as
// the explorer does, at most 300 hits, with the index the Model builds once
// per data change). Prints index_ms=, key_ms= and key_cpu_ms= per keystroke
// and hits= per query.
int search(const fs::path& db) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    const double build_start = now_ms();
    const SearchIndex index(data);
    std::cout << "index_ms=" << now_ms() - build_start << "\n";
    const std::vector<std::string> queries = {"創業支援", "ものづくり", "デジタル化", "観光振興", "DX", "Startup", "商店街の活性化",
                                              "存在しない語句", "zzqx", "合成の記述"};
    for (const std::string& query : queries) {
        std::size_t hits = 0;
        for (std::size_t end = 1; end <= query.size(); ++end) {
            if (end < query.size() && (static_cast<unsigned char>(query[end]) & 0xC0) == 0x80) continue;  // whole characters
            const double start = now_ms(), cpu_start = thread_cpu_ms();
            hits = search_plans(data, std::string_view(query).substr(0, end), {}, {}, &index).size();
            std::cout << "key_ms=" << now_ms() - start << "\nkey_cpu_ms=" << thread_cpu_ms() - cpu_start << "\n";
        }
        std::cout << "hits=" << hits << " " << query << "\n";
    }
    return 0;
}

}  // namespace

int child_main(const std::vector<std::string>& args) {
    try {
        const std::string& mode = args.at(0);
        if (mode == "gen") return gen(args.at(1), args.at(2), args.size() > 3 && args[3] == "national");
        if (mode == "import-synthetic") return import_synthetic(args.at(1), args.at(2), std::stoi(args.at(3)));
        if (mode == "import-files")
            return import_files(args.at(1), args.at(2), std::stoi(args.at(3)), {args.begin() + 4, args.end()});
        if (mode == "load") return load(args.at(1), std::stoi(args.at(2)));
        if (mode == "search") return search(args.at(1));
        if (mode == "similarity") return similarity(args.at(1), std::stoi(args.at(2)), std::stoi(args.at(3)));
        std::cerr << "unknown child mode " << mode << "\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
    }
    return 1;
}

}  // namespace bench
