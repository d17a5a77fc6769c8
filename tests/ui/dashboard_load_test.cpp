// How the dashboard reads its database (no window needed): the KPI history
// with the plans, in the background after them, or not at all (shots of views
// that show none of it).
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "app/dashboard.hpp"
#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/workshop.hpp"

namespace fs = std::filesystem;
using namespace wardscope;

namespace {

// A small generated database: every plan synthetic, every observation sample.
struct GeneratedDatabase {
    fs::path dir, path;
    GeneratedDatabase() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("wardscope-load-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(dir);
        path = dir / "w.db";
        Store store = Store::open(path, OpenMode::create);
        Taxonomy taxonomy;
        taxonomy.themes = {{"startup", "創業", "Startups", {"創業"}, "", ""}, {"tourism", "観光", "Tourism", {"観光"}, "", ""}};
        GenerateOptions options;
        options.municipalities = 2;
        options.plans_per_municipality = 2;
        options.measures_per_plan = 20;
        options.indicators_per_plan = 4;
        options.years = 5;
        generate_database(store, taxonomy, options);
    }
    ~GeneratedDatabase() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

}  // namespace

TEST_CASE("the KPI history read in the background arrives whole, with its progress and sample count") {
    GeneratedDatabase db;
    const app::Dashboard reference(db.path);
    REQUIRE(reference.model().kpi_history_loaded);
    REQUIRE(reference.data().observations.size() == 2u * 2u * 4u * 5u);
    REQUIRE(reference.model().sample_observations == static_cast<int>(reference.data().observations.size()));

    app::Dashboard d(db.path, app::KpiHistoryLoad::in_background);
    CHECK(d.data().plans.size() == reference.data().plans.size());
    CHECK(d.model().any_sample_observations);  // known with the plans: the status bar's badge shows at once
    if (!d.model().kpi_history_loaded) {
        CHECK(d.kpi_history_pending());
        CHECK(d.receive_kpi_history(true));
    }
    CHECK_FALSE(d.kpi_history_pending());
    CHECK(d.model().kpi_history_loaded);
    REQUIRE(d.data().observations.size() == reference.data().observations.size());
    for (std::size_t i = 0; i < d.data().observations.size(); ++i) {
        CHECK(d.data().observations[i].id == reference.data().observations[i].id);
        CHECK(d.data().observations[i].value == reference.data().observations[i].value);
    }
    CHECK(d.model().sample_observations == reference.model().sample_observations);
    REQUIRE(d.model().progress.size() == reference.model().progress.size());
    for (const auto& [key, progress] : reference.model().progress) {
        const auto it = d.model().progress.find(key);
        REQUIRE(it != d.model().progress.end());
        CHECK(it->second.status == progress.status);
        CHECK(it->second.latest_value == progress.latest_value);
    }
    CHECK_FALSE(d.receive_kpi_history(true));  // nothing more to take
}

TEST_CASE("an edit or a reload while the history is still being read waits for it, then reads everything") {
    GeneratedDatabase db;
    app::Dashboard d(db.path, app::KpiHistoryLoad::in_background);
    const Plan& plan = d.data().plans.front();
    const ItemRef item{plan.id, ItemKind::node, plan.nodes.front().id};
    CHECK(d.set_annotation(item, "まず確認", 4).empty());
    d.reload();  // what the next frame does after an edit
    CHECK_FALSE(d.kpi_history_pending());
    CHECK(d.model().kpi_history_loaded);
    CHECK(d.data().observations.size() == 2u * 2u * 4u * 5u);
    REQUIRE(d.model().annotations.size() == 1);
    CHECK(d.model().annotations[0].note == "まず確認");
}

TEST_CASE("a dashboard for a view without KPIs skips the history but still knows it holds sample values") {
    GeneratedDatabase db;
    const app::Dashboard d(db.path, app::KpiHistoryLoad::skipped);
    CHECK(d.data().observations.empty());
    CHECK_FALSE(d.kpi_history_pending());
    CHECK_FALSE(d.model().kpi_history_loaded);
    CHECK(d.model().any_sample_observations);
    CHECK(d.model().synthetic_plans == 4);
    for (const auto& view : d.views())
        CHECK(view->needs_kpi_history() == (std::string(view->id()) == "kpi" || std::string(view->id()) == "compare"));
}

TEST_CASE("at start-up the search and similar-measures indexes follow the first frame, and are what a full load builds") {
    GeneratedDatabase db;
    const app::Dashboard reference(db.path);
    REQUIRE(reference.model().indexes_ready);
    REQUIRE(reference.model().similarity.size() > 0);

    app::Dashboard d(db.path, app::KpiHistoryLoad::in_background);
    CHECK(d.model().plan_count == reference.model().plan_count);  // the first frame has everything else
    if (!d.model().indexes_ready) {
        CHECK(d.indexes_pending());
        CHECK(d.receive_indexes(true));
    }
    CHECK_FALSE(d.indexes_pending());
    CHECK(d.model().indexes_ready);
    CHECK(d.model().similarity.size() == reference.model().similarity.size());
    CHECK(d.model().search_index.block_count() == reference.model().search_index.block_count());
    CHECK_FALSE(d.receive_indexes(true));  // nothing more to take
}

TEST_CASE("a note edit rereads the user's rows only: the plans, the history and the indexes stay") {
    GeneratedDatabase db;
    app::Dashboard d(db.path);
    const Plan* plans = d.data().plans.data();
    const Observation* history = d.data().observations.data();
    const unsigned version = d.model().data_version;
    const Plan& plan = d.data().plans.front();
    const ItemRef item{plan.id, ItemKind::node, plan.nodes.front().id};

    REQUIRE(d.set_annotation(item, "次回までに確認", 3).empty());
    d.apply_pending_reread();  // what the next frame does
    CHECK(d.data().plans.data() == plans);
    CHECK(d.data().observations.data() == history);
    CHECK(d.model().indexes_ready);
    CHECK(d.model().kpi_history_loaded);
    CHECK(d.model().data_version == version + 1);  // the views' caches know the rows changed
    const Annotation* a = d.model().find_annotation(item.plan_id, item.kind, item.item_id);
    REQUIRE(a != nullptr);
    CHECK(a->note == "次回までに確認");
    CHECK(d.model().plan_annotations(item.plan_id).notes == 1);

    CHECK(d.undo().empty());
    d.apply_pending_reread();
    CHECK(d.data().plans.data() == plans);
    CHECK(d.model().find_annotation(item.plan_id, item.kind, item.item_id) == nullptr);
    CHECK(d.model().plan_annotations(item.plan_id).notes == 0);
}

TEST_CASE("an entered KPI result rereads the history with it, not the plans") {
    GeneratedDatabase db;
    app::Dashboard d(db.path);
    const Plan* plans = d.data().plans.data();
    const std::size_t rows = d.data().observations.size();
    const Plan& plan = d.data().plans.front();
    const Indicator& indicator = plan.indicators.front();

    REQUIRE(d.add_observation(plan.id, indicator.id, "2099", "42.5", "区の集計").empty());
    d.apply_pending_reread();
    CHECK(d.data().plans.data() == plans);
    REQUIRE(d.data().observations.size() == rows + 1);
    const ui::Series* series = d.model().observations.find(plan.id, indicator.id);
    REQUIRE(series != nullptr);
    REQUIRE_FALSE(series->xs.empty());
    CHECK(series->xs.back() == 2099);
    CHECK(series->ys.back() == 42.5);

    CHECK(d.undo().empty());
    d.apply_pending_reread();
    CHECK(d.data().observations.size() == rows);
    CHECK(d.model().observations.find(plan.id, indicator.id)->xs.back() != 2099);
}

TEST_CASE("a note edit while the start-up's history is still being read keeps that history") {
    GeneratedDatabase db;
    app::Dashboard d(db.path, app::KpiHistoryLoad::in_background);
    const Plan& plan = d.data().plans.front();
    REQUIRE(d.set_annotation({plan.id, ItemKind::node, plan.nodes.front().id}, "履歴の読み込み中に", std::nullopt).empty());
    d.apply_pending_reread();
    CHECK_FALSE(d.kpi_history_pending());
    CHECK(d.model().kpi_history_loaded);
    CHECK(d.data().observations.size() == 2u * 2u * 4u * 5u);
    CHECK(d.model().progress.size() == 2u * 2u * 4u);
    CHECK(d.model().plan_annotations(plan.id).notes == 1);
}
