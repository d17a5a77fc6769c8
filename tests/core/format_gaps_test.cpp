// Plan format 2's remaining gaps (issue #13): analysis items with no SWOT
// quadrant, indicator kinds outside the documented list, a heading's count
// with its cross-listed items, the docs' examples, and the "sample, all
// constructs" fixture (tests/data/sample-all-constructs.json) that the shot
// tests render every view from.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/plan_index.hpp"
#include "wardscope/progress.hpp"
#include "wardscope/records.hpp"
#include "wardscope/store.hpp"
#include "wardscope/view_tables.hpp"

namespace fs = std::filesystem;
using namespace wardscope;
using nlohmann::json;

namespace {

std::string sample_text() { return test::read_file(test::source_dir() / "tests" / "data" / "sample-all-constructs.json"); }

PlanFile sample_plan() {
    ParseResult r = parse_plan_file(sample_text(), "sample-all-constructs.json", test::bundled_taxonomy());
    for (const Problem& p : r.problems) MESSAGE(p.to_string());
    REQUIRE(r.ok());
    return r.plan_file;
}

// "pointer: message" of every problem of the sample after `edit`.
std::vector<std::string> problems_after(const std::function<void(json&)>& edit) { return test::problems_after_edit(sample_text(), edit); }

bool has_problem_text(const std::vector<std::string>& problems, const std::string& text) {
    const bool found =
        std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(text) != std::string::npos; });
    if (!found)
        for (const std::string& p : problems) MESSAGE(p);
    return found;
}

// A new database holding the sample.
Store sample_store(const test::TempDir& dir, const PlanFile& pf) {
    Store store = Store::open(dir / "w.db", OpenMode::create);
    import_plans(store, test::bundled_taxonomy(), {pf});
    return store;
}

const SwotItem* swot_item(const Plan& plan, std::string_view id) {
    for (const SwotItem& s : plan.swot)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace

TEST_CASE("the sample fixture holds every construct of format 2 and is marked synthetic and sample") {
    const PlanFile pf = sample_plan();
    const Plan& p = pf.plan;
    CHECK(p.is_synthetic);
    CHECK(p.title.find("サンプル") != std::string::npos);
    for (const Observation& o : pf.observations) CHECK(o.is_sample);
    CHECK(p.levels.size() == 5);
    CHECK(p.measure_level == "issue");
    CHECK(std::any_of(p.nodes.begin(), p.nodes.end(), [](const Node& n) { return !n.also_under.empty(); }));
    CHECK(std::any_of(p.nodes.begin(), p.nodes.end(), [](const Node& n) { return n.name_unknown(); }));
    CHECK(std::any_of(p.nodes.begin(), p.nodes.end(), [](const Node& n) { return n.is_new; }));
    CHECK(p.statements.size() == 3);
    CHECK(std::any_of(p.swot.begin(), p.swot.end(), [](const SwotItem& s) { return !s.mapped(); }));
    CHECK(std::any_of(p.swot.begin(), p.swot.end(), [](const SwotItem& s) { return s.mapped() && !s.label.empty(); }));
    CHECK(p.tows.size() == 2);
    for (const char* kind : {"KGI", "KPI", "成果指標"})
        CHECK(std::any_of(p.indicators.begin(), p.indicators.end(), [&](const Indicator& i) { return i.kind == kind; }));
    CHECK(std::any_of(p.indicators.begin(), p.indicators.end(), [](const Indicator& i) { return i.qualitative; }));
    CHECK(std::any_of(p.indicators.begin(), p.indicators.end(), [](const Indicator& i) { return !i.targets.empty(); }));
    CHECK(std::any_of(p.indicators.begin(), p.indicators.end(), [](const Indicator& i) { return !i.baseline.fiscal_year && i.baseline.value; }));
    CHECK_FALSE(p.rating_scale.empty());
    CHECK_FALSE(p.evaluations.empty());
    CHECK_FALSE(p.budget.empty());
    CHECK(p.authors.size() == 2);
    CHECK(p.approvals.size() == 2);
    CHECK(p.actual_end_fy == 2028);
    CHECK(pf.municipality.prefecture == "神奈川県");
    // Two evaluation rounds for one year: a revision.
    CHECK(std::count_if(pf.observations.begin(), pf.observations.end(),
                        [](const Observation& o) { return o.indicator_id == "kgi" && o.fiscal_year == 2022; }) == 2);
}

TEST_CASE("the sample fixture round-trips JSON → database → JSON, unmapped analysis items included") {
    const PlanFile pf = sample_plan();
    test::TempDir dir;
    Store store = sample_store(dir, pf);
    const Dataset data = load_dataset(store);
    REQUIRE(data.plans.size() == 1);
    const SwotItem* f1 = swot_item(data.plans[0], "f1");
    REQUIRE(f1);
    CHECK(f1->quadrant == Quadrant::none);
    CHECK(f1->label == "特徴");
    CHECK(swot_item(data.plans[0], "w1")->quadrant == Quadrant::weakness);
    CHECK(to_json_text(export_plan_files(data).at(0)) == to_json_text(pf));
    // Written back without a quadrant key for the unmapped items.
    const json written = json::parse(to_json_text(pf));
    for (const json& s : written["swot"]) CHECK(s.contains("quadrant") == (s["id"] != "f1" && s["id"] != "f2" && s["id"] != "c1"));
    // The SWOT table shows an unmapped item by its label alone, a mapped one as "課題 → 弱み".
    const Table t = swot_table(data, {&data.plans[0]}, false);
    std::vector<std::string> kinds;
    for (const auto& row : t.rows) kinds.push_back(row.at(1).text);
    CHECK(std::find(kinds.begin(), kinds.end(), "特徴") != kinds.end());
    CHECK(std::find(kinds.begin(), kinds.end(), "課題 → 弱み") != kinds.end());
    // A stored quadrant outside the four is refused by the table's CHECK.
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(store.handle(), "UPDATE swot_item SET quadrant = 'other' WHERE id = 'f1'", -1, &st, nullptr) == SQLITE_OK);
    CHECK(sqlite3_step(st) == SQLITE_CONSTRAINT);
    sqlite3_finalize(st);
}

TEST_CASE("an analysis item without a quadrant: format 2 only, with the source's label, never in a cross-SWOT strategy") {
    CHECK(has_problem_text(problems_after([](json& j) { j["swot"][4].erase("label"); }),
                           "/swot/4/label: an item without a quadrant needs the source's label"));
    CHECK(has_problem_text(problems_after([](json& j) { j["tows"][0]["swot"].push_back("f1"); }),
                           "/tows/0/swot/2: SWOT item 'f1' is not mapped to a quadrant"));
    CHECK(problems_after([](json& j) { j["swot"][4]["quadrant"] = nullptr; }).empty());  // null: not mapped either
    CHECK(has_problem_text(problems_after([](json& j) { j["swot"][4]["quadrant"] = "feature"; }),
                           "/swot/4/quadrant: unknown quadrant 'feature'"));
    // Format 1 still requires it.
    json one = json::parse(test::minimal_plan_json());
    one["swot"][0].erase("quadrant");
    const auto p = parse_plan_file(one.dump(), "p.json", test::bundled_taxonomy()).problems;
    REQUIRE(p.size() == 1);
    CHECK(p[0].pointer == "/swot/0/quadrant");
}

TEST_CASE("an indicator kind outside KGI, KPI and 成果指標 is an error with its pointer") {
    const auto problems = problems_after([](json& j) { j["indicators"][1]["kind"] = "KPl"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "/indicators/1/kind: unknown indicator kind 'KPl' (KGI, KPI or 成果指標)");
    CHECK(problems_after([](json& j) { j["indicators"][1]["kind"] = "成果指標"; }).empty());
}

TEST_CASE("a heading's measure count includes its cross-listed items, each once") {
    const PlanFile pf = sample_plan();
    const Plan& plan = pf.plan;
    const PlanTree tree = build_plan_tree(plan);
    auto measures = [&](const char* id) { return tree.measures[static_cast<std::size_t>(tree.find(id))]; };
    auto below = [&](const char* id) { return tree.descendants[static_cast<std::size_t>(tree.find(id))]; };
    CHECK(measures("bm4") == 2);  // i5, and i4 cross-listed from bm3
    CHECK(below("bm4") == 2);
    CHECK(measures("bm3") == 2);  // i3, i4
    CHECK(measures("d2") == 3);   // i3, i4, i5: i4 reached twice, counted once
    CHECK(measures("bp1") == 5);  // i1 … i5
    CHECK(measures("i1") == 1);   // a measure counts itself; j5 (a detail) is not a measure
    CHECK(below("i1") == 3);      // j1, j2 and j5 cross-listed
    CHECK(below("bp1") == static_cast<int>(plan.nodes.size()) - 1);
    // A plan without cross-listing: the sweep along the nesting, as before.
    PlanFile flat = pf;
    for (Node& n : flat.plan.nodes) n.also_under.clear();
    const PlanTree t2 = build_plan_tree(flat.plan);
    CHECK(t2.measures[static_cast<std::size_t>(t2.find("bm4"))] == 1);
    CHECK(t2.measures[static_cast<std::size_t>(t2.find("d2"))] == 3);
}

TEST_CASE("docs/plan-format.md's examples are valid-looking and never mark a translation themselves") {
    // The dashboard marks translations ((英訳) / (translation)): an example
    // writing "(translated)" into title_en would show "(translated) (英訳)".
    const std::string doc = test::read_file(test::source_dir() / "docs" / "plan-format.md");
    REQUIRE_FALSE(doc.empty());
    CHECK(doc.find("(translated)\"") == std::string::npos);
    CHECK(doc.find("(translation)\"") == std::string::npos);
    // The documented indicator kinds are the ones the validator takes.
    CHECK(doc.find("`KGI`, `KPI`, `成果指標`") != std::string::npos);
    // The statements and quadrant-less items are documented.
    CHECK(doc.find("### statement") != std::string::npos);
    CHECK(doc.find("not mapped to a quadrant") != std::string::npos);
    // The top-level keys added for real plans (issue #13) have their rows in the table.
    for (const char* key : {"rating_scale", "evaluations", "authors", "approvals", "budget", "statements", "levels"})
        CHECK_MESSAGE(doc.find("| `" + std::string(key) + "` |") != std::string::npos, key);
    CHECK(doc.find("### evaluation") != std::string::npos);
}

TEST_CASE("the version 5 step rebuilds swot_item as its field table declares it") {
    test::TempDir dir;
    Store store = Store::open(dir / "w.db", OpenMode::create);
    const std::string create = test::create_statement(store.handle(), "swot_item");
    int columns = 0;
    records::swot_item.for_each([&](const auto& entry) {
        const std::string declared = std::string(entry.column) + " " + entry.sql;
        CHECK_MESSAGE(create.find("  " + declared + ",\n") != std::string::npos, declared);
        ++columns;
    });
    CHECK(columns == 11);
    CHECK(create.find("quadrant TEXT CHECK (quadrant IS NULL OR") != std::string::npos);
}

TEST_CASE("the glyph walk holds every qualitative result's text, and every status sentence's words are listed for it") {
    const PlanFile pf = sample_plan();
    test::TempDir dir;
    Store store = sample_store(dir, pf);
    const Dataset data = load_dataset(store);
    // kpi1's and kpi2's results share a source: kpi2's text is still walked.
    std::set<std::string> walked;
    for_each_display_string(data, [&](std::string_view s) { walked.insert(std::string(s)); });
    CHECK(walked.contains("候補地の選定"));
    CHECK(walked.contains("第2回評価（サンプル）"));
    std::string samples;
    for (const std::string& s : explain_progress_samples()) samples += s;
    for (const char* words : {"基準値と目標値を結ぶ線上の見込み", "順調かどうかの線は引けません", "基準値の年度がないため", "未設定",
                              "expected on the line through baseline and targets", "so no on-track line"})
        CHECK_MESSAGE(samples.find(words) != std::string::npos, words);
}
