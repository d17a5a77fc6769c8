// `wardscope kpi export`: the indicator table with its KPI check status.
#include <iostream>

#include "commands.hpp"
#include "wardscope/csv.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/progress.hpp"
#include "wardscope/store.hpp"

namespace wardscope::cli {
namespace {

std::string value_text(const std::optional<double>& v) { return v ? csv_number(*v) : std::string(); }  // plain, for spreadsheets
std::string year_text(const std::optional<int>& y) { return y ? std::to_string(*y) : std::string(); }

}  // namespace

int export_kpi_table(const std::filesystem::path& db, const std::filesystem::path& out) {
    Store store = Store::open(db, OpenMode::read_only);
    const Dataset data = load_dataset(store);
    // Unknown values are empty cells, never 0.
    CsvWriter csv({"plan_id", "indicator_id", "kind", "label", "name", "unit", "direction", "baseline_value",
                   "baseline_fiscal_year", "target_value", "target_fiscal_year", "latest_value",
                   "latest_fiscal_year", "latest_is_sample", "expected_value", "status", "reason"});
    std::size_t rows = 0;
    for (const Plan& plan : data.plans)
        for (const Indicator& i : plan.indicators) {
            const Progress p = classify_progress(plan.id, i, data.observations);
            csv.row({plan.id, i.id, i.kind, i.label, i.name, i.unit, std::string(to_string(i.direction)),
                     value_text(i.baseline.value), year_text(i.baseline.fiscal_year), value_text(i.target.value),
                     year_text(i.target.fiscal_year), value_text(p.latest_value), year_text(p.latest_fiscal_year),
                     p.latest_value ? (p.latest_is_sample ? "1" : "0") : "", value_text(p.expected),
                     std::string(to_string(p.status)), p.reason});
            ++rows;
        }
    write_text_file(out, csv.text());
    std::cout << "wrote " << out.string() << ": " << rows << " indicators\n";
    return 0;
}

}  // namespace wardscope::cli
