// validate, import, kpi import, export.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/coverage.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/error.hpp"
#include "wardscope/plan_import.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/safe_files.hpp"
#include "wardscope/store.hpp"
#include "wardscope/text_escape.hpp"
#include "wardscope/theme_listing.hpp"

namespace wardscope::cli {

namespace fs = std::filesystem;

namespace {

// Parses every file and checks them as a set; prints every problem.
std::vector<ParseResult> read_all(const DataPaths& paths, const std::vector<std::string>& files, bool& ok) {
    const Taxonomy taxonomy = read_taxonomy(paths.themes, paths.actors);
    std::vector<ParseResult> results;
    ok = true;
    for (const auto& file : files) {
        results.push_back(read_plan_file(file, taxonomy));
        for (const Problem& w : results.back().warnings)
            std::cerr << "warning: " << terminal_text(w.to_string(), LineBreaks::keep) << "\n";
        for (const Problem& p : results.back().problems) {
            std::cerr << terminal_text(p.to_string(), LineBreaks::keep) << "\n";
            ok = false;
        }
    }
    for (const Problem& p : check_plan_set(results)) {
        std::cerr << terminal_text(p.to_string(), LineBreaks::keep) << "\n";
        ok = false;
    }
    return results;
}

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + terminal_text(id);
    return out;
}

}  // namespace

void write_export_file(const fs::path& db, const fs::path& path, std::string_view bytes) {
    refuse_database_as_output(path, db);
    write_file_atomically(path, bytes);
}

Store open_for_writing(const fs::path& db, OpenMode mode) {
    Store store = Store::open(db, mode);
    if (const auto& upgrade = store.upgrade())
        std::cerr << "wardscope: upgraded " << db.string() << " from schema version " << upgrade->from_version << " to "
                  << schema_version << "; the previous file is kept as " << upgrade->backup.string() << "\n";
    return store;
}

int validate(const DataPaths& paths, const std::vector<std::string>& files) {
    bool ok = false;
    const auto results = read_all(paths, files, ok);
    if (!ok) return 1;
    for (const auto& r : results)
        std::cout << r.file << ": ok (" << count_words(static_cast<long long>(r.plan_file.plan.nodes.size()), "node", "nodes") << ", "
                  << count_words(static_cast<long long>(r.plan_file.plan.indicators.size()), "indicator", "indicators") << ")\n";
    return 0;
}

int import_plans(const DataPaths& paths, const fs::path& db, const std::vector<std::string>& files) {
    const Taxonomy taxonomy = read_taxonomy(paths.themes, paths.actors);
    // A new database is built beside its name (DB.partial) and moved into
    // place only when whole, never over an existing file: a failed or killed
    // first import leaves no half-made database (issue #12). An existing one
    // is imported into in place, in one transaction.
    const bool db_existed = fs::exists(db);
    const fs::path target = db_existed ? db : fs::path(db) += ".partial";
    auto remove_partial = [&] {
        if (db_existed) return;
        std::error_code ec;
        fs::remove(target, ec);
        fs::remove(fs::path(target) += "-journal", ec);
    };
    remove_partial();  // left by a killed run
    ImportResult result;
    try {
        Store store = open_for_writing(target, OpenMode::create);
        result = import_plan_files(store, taxonomy, {files.begin(), files.end()});
    } catch (...) {
        remove_partial();
        throw;
    }
    if (result.ok() && !db_existed) {
        if (const std::error_code error = rename_no_replace(target, db)) {
            remove_partial();
            throw Error(db.string() + ": cannot put the new database in place (" + error.message() + ")" +
                        (error == std::errc::file_exists ? ": a file of that name appeared meanwhile and was left as it was" : ""));
        }
    }
    if (!result.ok()) {
        for (const Problem& p : result.problems) std::cerr << terminal_text(p.to_string(), LineBreaks::keep) << "\n";
        remove_partial();
        std::cerr << "nothing was imported: fix the problems above\n";
        return 1;
    }
    const ImportReport& report = result.report;
    std::cout << "imported into " << db.string() << ": " << report.added_plans.size() << " added, "
              << report.replaced_plans.size() << " replaced (" << count_words(report.nodes, "node", "nodes") << ", "
              << count_words(report.measures, "measure", "measures") << ", " << count_words(report.indicators, "indicator", "indicators")
              << ", " << count_words(report.swot_items, "SWOT item", "SWOT items") << ", "
              << count_words(report.observations, "observation", "observations") << ")\n";
    if (!report.added_plans.empty()) std::cout << "added: " << join_ids(report.added_plans) << "\n";
    if (!report.replaced_plans.empty()) std::cout << "replaced: " << join_ids(report.replaced_plans) << "\n";
    return 0;
}

int import_kpi_csv(const fs::path& db, const std::vector<std::string>& files, bool replace) {
    std::vector<CsvInput> inputs;
    for (const auto& file : files) inputs.push_back({file, {}, file});  // streamed: files of any size
    Store store = open_for_writing(db, OpenMode::read_write);
    // All files in one transaction: a problem anywhere imports nothing.
    const std::vector<CsvFileImport> results = import_observations_csv(store, inputs, replace);
    std::size_t total = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const CsvFileImport& r = results[i];
        std::cout << "read " << files[i] << " as " << to_string(r.encoding) << ": "
                  << count_words(static_cast<long long>(r.added + r.replaced), "observation", "observations") << " stored (" << r.added
                  << " new, " << r.replaced << " replaced)";
        if (r.unchanged) std::cout << ", " << r.unchanged << " already stored unchanged";
        std::cout << "\n";
        total += r.added + r.replaced;
    }
    if (files.size() > 1) std::cout << "total: " << count_words(static_cast<long long>(total), "observation", "observations") << " stored\n";
    return 0;
}

int export_data(const fs::path& db, const std::string& format, const fs::path& out_dir) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw Error(out_dir.string() + ": cannot create the folder (" + ec.message() + ")");
    std::vector<Observation> user_observations;
    std::copy_if(data.observations.begin(), data.observations.end(), std::back_inserter(user_observations),
                 [](const Observation& o) { return o.origin != ObservationOrigin::plan_file; });
    if (format == "json") {
        // Plan ids come from the database: each names a file inside out_dir, and no two the same file.
        FileNamer names;
        names.reserve("observations.csv");
        for (const PlanFile& pf : export_plan_files(data))
            write_export_file(db, out_dir / names.claim(pf.plan.id, ".json"), to_json_text(pf));
        write_export_file(db, out_dir / "observations.csv", observations_to_csv(user_observations));
        std::cout << "wrote " << count_words(static_cast<long long>(data.plans.size()), "plan file", "plan files") << " and observations.csv ("
                  << count_words(static_cast<long long>(user_observations.size()), "observation", "observations") << ") to " << out_dir.string() << "\n";
        return 0;
    }
    // CSV: one table per kind, for spreadsheets.
    CsvWriter plans({"plan_id", "municipality_id", "municipality", "title", "kind", "status", "start_fy", "end_fy",
                     "synthetic", "source_file", "source_section", "source_url"});
    CsvWriter nodes({"plan_id", "node_id", "parent_id", "level", "label", "name", "name_en", "new", "themes",
                     "actors", "source_file", "source_section", "source_url"});
    CsvWriter indicators({"plan_id", "indicator_id", "kind", "label", "name", "unit", "direction", "node_id",
                          "baseline_value", "baseline_fy", "target_value", "target_fy", "source_file", "source_section",
                          "source_url", "comparator", "qualitative", "baseline_text", "baseline_note", "target_text",
                          "target_note"});
    CsvWriter year_targets({"plan_id", "indicator_id", "fiscal_year", "value", "text", "note"});
    auto opt = [](const auto& v) { return v ? std::to_string(*v) : std::string(); };
    for (const Plan& p : data.plans) {
        const Municipality* m = data.find_municipality(p.municipality_id);
        plans.row({p.id, p.municipality_id, m ? m->name_ja : "", p.title, p.kind, p.status, opt(p.start_fy),
                   opt(p.end_fy), p.is_synthetic ? "1" : "0", p.source.file, p.source.section, p.source.url});
        for (const Node& n : p.nodes) {
            std::string themes, actors;
            for (const auto& t : n.themes) themes += (themes.empty() ? "" : ";") + t.theme_id + (t.origin == TagOrigin::rule ? "(rule)" : "");
            for (const auto& a : n.actors) actors += (actors.empty() ? "" : ";") + a;
            nodes.row({p.id, n.id, n.parent_id, n.level, n.label, n.name, n.name_en,
                       n.is_new ? "1" : "0", themes, actors, n.source.file, n.source.section, n.source.url});
        }
        for (const Indicator& i : p.indicators) {
            auto num = [](const std::optional<double>& v) { return v ? csv_number(*v) : std::string(); };
            indicators.row({p.id, i.id, i.kind, i.label, i.name, i.unit, std::string(to_string(i.direction)), i.node_id,
                            num(i.baseline.value), opt(i.baseline.fiscal_year), num(i.target.value),
                            opt(i.target.fiscal_year), i.source.file, i.source.section, i.source.url,
                            std::string(to_string(i.comparator)), i.qualitative ? "1" : "0", i.baseline.text,
                            i.baseline.note, i.target.text, i.target.note});
            for (const YearTarget& t : i.targets)
                year_targets.row({p.id, i.id, std::to_string(t.fiscal_year), num(t.value), t.text, t.note});
        }
    }
    write_export_file(db, out_dir / "plans.csv", plans.text());
    write_export_file(db, out_dir / "nodes.csv", nodes.text());
    write_export_file(db, out_dir / "indicators.csv", indicators.text());
    write_export_file(db, out_dir / "indicator_targets.csv", year_targets.text());
    write_export_file(db, out_dir / "observations.csv", observations_to_csv(data.observations));
    // Theme coverage by the one counting rule (wardscope/theme_rule.hpp): the heatmap's numbers.
    write_export_file(db, out_dir / "coverage.csv",
                      coverage_to_csv(data, build_coverage(data, std::function<bool(const Plan&)>{})));
    std::cout << "wrote plans.csv, nodes.csv, indicators.csv, indicator_targets.csv, observations.csv and coverage.csv to " << out_dir.string()
              << "\n";
    return 0;
}

int export_theme_items(const fs::path& db, const ThemeItemsOptions& options) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    if (std::none_of(data.taxonomy.themes.begin(), data.taxonomy.themes.end(),
                     [&](const Theme& t) { return t.id == options.theme_id; }))
        throw Error("--theme " + options.theme_id + ": no such theme in " + db.string());
    std::vector<std::size_t> plans;
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (options.plan_ids.empty()) plans.push_back(i);
    for (const std::string& id : options.plan_ids) {
        const Plan* p = data.find_plan(id);
        if (!p) throw Error("--plans: no plan " + id + " in " + db.string());
        plans.push_back(static_cast<std::size_t>(p - data.plans.data()));
    }
    const ThemeListing listing = list_theme_items(data, plans, options.theme_id, options.query);
    write_export_file(db, options.out, theme_listing_to_csv(data, listing, options.lang == "en"));
    std::cout << "wrote " << count_words(static_cast<long long>(listing.items), "item", "items") << " carrying " << options.theme_id << " in "
              << count_words(static_cast<long long>(listing.plans_covering), "plan", "plans") << " to " << options.out.string() << "\n";
    return 0;
}

}  // namespace wardscope::cli
