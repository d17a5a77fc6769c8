// `wardscope kpi export`: the indicator table with its KPI check status, the
// rule that gave it (docs/kpi-status.md) and the years whose results disagree;
// with --results, every result that `kpi import` took or a user typed in,
// each revision, in the import's own format (a round trip without loss).
#include <algorithm>
#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "wardscope/count_words.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/kpi_history.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/progress.hpp"
#include "wardscope/store.hpp"

namespace wardscope::cli {
namespace {

std::string value_text(const std::optional<double>& v) { return v ? csv_number(*v) : std::string(); }  // plain, for spreadsheets
std::string year_text(const std::optional<int>& y) { return y ? std::to_string(*y) : std::string(); }

// The years of one indicator whose rows give different results, "; "-separated.
std::string disagreements(const Dataset& data, const Plan& plan, const Indicator& ind) {
    std::vector<const Observation*> rows;
    for (const Observation& o : data.observations)
        if (o.plan_id == plan.id && o.indicator_id == ind.id) rows.push_back(&o);
    std::string out;
    for (const YearResults& y : year_results(rows))
        if (y.disagreement) out += (out.empty() ? "" : "; ") + disagreement_text(y, ind.unit);
    return out;
}

}  // namespace

int export_kpi_table(const std::filesystem::path& db, const std::filesystem::path& out, const std::filesystem::path& results) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    // Unknown values are empty cells, never 0.
    // The columns of earlier versions first, in their order; then those of revisions and rules.
    CsvWriter csv({"plan_id", "indicator_id", "kind", "label", "name", "unit", "direction", "baseline_value",
                   "baseline_fiscal_year", "target_value", "target_fiscal_year", "latest_value", "latest_fiscal_year",
                   "latest_is_sample", "expected_value", "status", "reason", "comparator", "qualitative", "baseline_text",
                   "target_text", "latest_text", "latest_source", "latest_as_of", "latest_revisions", "rule", "rule_text",
                   "disagreements"});
    std::size_t rows = 0, disagreeing = 0;
    for (const Plan& plan : data.plans)
        for (const Indicator& i : plan.indicators) {
            const Progress p = classify_progress(plan.id, i, data.observations);
            const std::string differ = p.disagreement ? disagreements(data, plan, i) : std::string();
            disagreeing += differ.empty() ? 0 : 1;
            const bool any = p.latest_fiscal_year.has_value();
            csv.row({plan.id, i.id, i.kind, i.label, i.name, i.unit, std::string(to_string(i.direction)),
                     value_text(i.baseline.value), year_text(i.baseline.fiscal_year), value_text(i.target.value),
                     year_text(i.target.fiscal_year), value_text(p.latest_value), year_text(p.latest_fiscal_year),
                     p.latest_value ? (p.latest_is_sample ? "1" : "0") : "", value_text(p.expected),
                     std::string(to_string(p.status)), p.reason, std::string(to_string(i.comparator)),
                     i.qualitative ? "1" : "0", i.baseline.text, i.target.text, p.latest_text, p.latest_source,
                     p.latest_as_of, any ? std::to_string(p.latest_revisions) : "", std::string(to_string(p.rule)),
                     explain_progress(p, i, true), differ});
            ++rows;
        }
    write_export_file(db, out, csv.text());
    std::cout << "wrote " << out.string() << ": " << count_words(static_cast<long long>(rows), "indicator", "indicators");
    if (disagreeing) std::cout << " (" << disagreeing << " with results that disagree between sources or rounds)";
    std::cout << "\n";
    if (!results.empty()) {
        // Results from plan files come back with their plan file (`export`), not here.
        std::vector<Observation> kept;
        std::copy_if(data.observations.begin(), data.observations.end(), std::back_inserter(kept),
                     [](const Observation& o) { return o.origin != ObservationOrigin::plan_file; });
        write_export_file(db, results, observations_to_csv(kept));
        std::cout << "wrote " << results.string() << ": " << count_words(static_cast<long long>(kept.size()), "result", "results") << "\n";
    }
    return 0;
}

}  // namespace wardscope::cli
