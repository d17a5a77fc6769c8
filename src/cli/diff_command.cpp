// `wardscope diff`: the generation diff of two plans of one municipality,
// read-only, as Markdown or CSV (include/wardscope/generation_diff.hpp).
#include <iostream>

#include <unistd.h>

#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/error.hpp"
#include "wardscope/generation_diff.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope::cli {

namespace {

std::size_t plan_position(const Dataset& data, const std::string& id, const std::filesystem::path& db) {
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (data.plans[i].id == id) return i;
    std::string known;
    for (const Plan& p : data.plans) known += (known.empty() ? "" : ", ") + p.id;
    throw Error(db.string() + " has no plan '" + id + "'" + (known.empty() ? std::string(" (it holds no plans)") : " (plans: " + known + ")"));
}

std::string municipality_label(const Dataset& data, const Plan& plan) {
    const Municipality* m = data.find_municipality(plan.municipality_id);
    return m ? m->name_ja + " (" + m->id + ")" : plan.municipality_id;
}

}  // namespace

int diff_plans(const std::filesystem::path& db, const std::string& plan_a, const std::string& plan_b, const std::string& format,
               const std::filesystem::path& out) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    const std::size_t a = plan_position(data, plan_a, db), b = plan_position(data, plan_b, db);
    if (a == b) throw Error("PLAN_A and PLAN_B are the same plan '" + plan_a + "': name two generations of one municipality's plan");
    const Plan& pa = data.plans[a];
    const Plan& pb = data.plans[b];
    if (pa.municipality_id != pb.municipality_id)
        throw Error("'" + pa.id + "' is a plan of " + municipality_label(data, pa) + " and '" + pb.id + "' one of " +
                    municipality_label(data, pb) +
                    ": a generation diff compares two plans of one municipality (the explorer lists similar measures "
                    "across municipalities)");
    const std::vector<MatchOverride> decisions = load_match_overrides(store);
    const MeasureSimilarity index(data);
    const GenerationDiff diff = diff_generations(data, index, a, b, decisions);
    const std::string text = format == "csv" ? diff_to_csv(data, diff) : diff_to_markdown(data, diff);
    if (out.empty()) {
        // Text from the database: no terminal escapes reach a terminal.
        std::cout << (isatty(STDOUT_FILENO) ? terminal_text(text, LineBreaks::keep) : text);
        return 0;
    }
    write_export_file(db, out, text);
    std::cout << "wrote " << out.string() << ": " << count_words(static_cast<long long>(diff.rows.size()), "measure", "measures") << " (継続 "
              << diff.count(DiffStatus::continued) << ", 変更 " << diff.count(DiffStatus::changed) << ", 新規 "
              << diff.count(DiffStatus::added) << ", 廃止 " << diff.count(DiffStatus::dropped) << ")\n";
    return 0;
}

}  // namespace wardscope::cli
