// A small synthetic database for the UI tests (`wardscope gen` at a small
// scale): Tokyo's 62 municipalities come first, then Hokkaido's, so 70 span two
// prefectures; two measures per plan, no indicators.
#pragma once

#include <filesystem>

#include "wardscope/model.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

namespace wardscope::test {

inline Dataset synthetic_sample(const std::filesystem::path& db, int municipalities, int plans_per_municipality = 1) {
    const std::filesystem::path data_dir = std::filesystem::path(WARDSCOPE_SOURCE_DIR) / "data";
    GenerateOptions o;
    o.municipalities = municipalities;
    o.plans_per_municipality = plans_per_municipality;
    o.measures_per_plan = 2;
    o.indicators_per_plan = 0;
    o.years = 1;
    Store store = Store::open(db, OpenMode::create);
    generate_database(store, read_taxonomy(data_dir / "themes.json", data_dir / "actors.json"), o);
    return load_dataset(store);
}

}  // namespace wardscope::test
