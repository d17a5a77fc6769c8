// The generation diff's decisions through the dashboard's edit path: one
// transaction each, shown after the reload, undone newest first; the Model
// holds the similarity index and the decisions.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "app/dashboard.hpp"
#include "wardscope/generation_diff.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

struct SumidaDatabase {
    fs::path dir, path;
    SumidaDatabase() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("wardscope-diff-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir);
        path = dir / "w.db";
        Store store = Store::open(path, OpenMode::create);
        const fs::path data_dir = fs::path(WARDSCOPE_SOURCE_DIR) / "data";
        const Taxonomy taxonomy = read_taxonomy(data_dir / "themes.json", data_dir / "actors.json");
        std::vector<PlanFile> files;
        for (const char* id : {"sumida-regional-2019", "sumida-regional-2022", "arakawa-regional-2022"}) {
            auto result = read_plan_file(fs::path(WARDSCOPE_SOURCE_DIR) / "data" / "plans" / (std::string(id) + ".json"), taxonomy);
            INFO(id);
            REQUIRE(result.ok());
            files.push_back(result.plan_file);
        }
        import_plans(store, taxonomy, files);
    }
    ~SumidaDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::size_t plan_at(const Dataset& data, const std::string& id) {
    for (std::size_t i = 0; i < data.plans.size(); ++i)
        if (data.plans[i].id == id) return i;
    FAIL("no plan " << id);
    return 0;
}

// The node the diff pairs with `item_a` of the 2019 plan ("" when dropped).
std::string partner(const app::Dashboard& d, const std::string& item_a) {
    const Dataset& data = d.data();
    const std::size_t a = plan_at(data, "sumida-regional-2019"), b = plan_at(data, "sumida-regional-2022");
    const GenerationDiff diff = diff_generations(data, d.model().similarity, a, b, d.model().match_overrides);
    for (const DiffRow& r : diff.rows)
        if (r.node_a >= 0 && data.plans[a].nodes[static_cast<std::size_t>(r.node_a)].id == item_a)
            return r.node_b >= 0 ? data.plans[b].nodes[static_cast<std::size_t>(r.node_b)].id : std::string();
    return "?";
}

}  // namespace

TEST_CASE("diff decisions through the dashboard: stored, shown after the reload, undone newest first") {
    SumidaDatabase db;
    app::Dashboard d(db.path);
    CHECK(d.model().similarity.size() == 4 + 6 + 9);  // the measures of the three plans
    CHECK(d.model().match_overrides.empty());
    const std::string automatic = partner(d, "st2-m1");
    CHECK(automatic == "st3-m1");

    using Edit = ui::DataEditor::MatchEdit;
    CHECK(d.decide_match(Edit::confirm, "sumida-regional-2019", "st2-m1", "sumida-regional-2022", "st1-m2").empty());
    d.reload();
    CHECK(d.model().match_overrides.size() == 1);
    CHECK(partner(d, "st2-m1") == "st1-m2");

    CHECK(d.decide_match(Edit::break_match, "sumida-regional-2019", "st2-m1", "sumida-regional-2022", "st1-m2").empty());
    d.reload();
    CHECK(partner(d, "st2-m1") == "st3-m1");  // broken: the automatic match again

    // Refused with the reason, nothing written, no undo step.
    const std::string refused =
        d.decide_match(Edit::confirm, "sumida-regional-2019", "st1-m1", "arakawa-regional-2022", "st1-m1");
    CHECK(refused.find("different municipalities") != std::string::npos);

    CHECK(d.undo().empty());  // the break
    d.reload();
    CHECK(partner(d, "st2-m1") == "st1-m2");
    CHECK(d.undo().empty());  // the confirmation
    d.reload();
    CHECK(partner(d, "st2-m1") == automatic);
    CHECK(d.model().match_overrides.empty());
    CHECK_FALSE(d.can_undo());
}
