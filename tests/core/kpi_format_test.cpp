// Plan format: indicators with comparators, targets per year, qualitative
// texts and baselines without a year; results with as_of and text (issue #13 B).
// Validation messages with their pointers, and the JSON → DB → JSON round trip.
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "database_helpers.hpp"
#include "test_support.hpp"
#include "wardscope/evaluation.hpp"
#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"

using namespace wardscope;

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

const std::string kpi_line = R"("baseline": {"value": 10, "fiscal_year": "R7"}, "target": {"value": 30, "fiscal_year": "R11"}})";
const std::string obs_line = R"("observations": [{"indicator": "kpi1", "fiscal_year": 2026, "value": 12, "source": "試験データ", "sample": true}])";

// The minimal plan with its indicator's baseline/target and its observations replaced.
std::string plan_with(const std::string& indicator_rest, const std::string& observations = obs_line) {
    return replace_once(replace_once(test::minimal_plan_json(), kpi_line, indicator_rest), obs_line, observations);
}

std::vector<Problem> problems_of(const std::string& text) {
    return parse_plan_file(text, "p.json", test::bundled_taxonomy()).problems;
}

bool has_problem(const std::vector<Problem>& problems, const std::string& pointer, const std::string& words) {
    for (const Problem& p : problems)
        if (p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
    return false;
}

// Every construct at once: 以上, a trajectory, a baseline 現状（計画策定時） without a year,
// a qualitative indicator, and two evaluation rounds for one year (788 vs 700) plus a text result.
const std::string full_indicators =
    R"("comparator": "at_least", "baseline": {"value": 4, "note": "現状（計画策定時）"},
       "target": {"value": 8, "fiscal_year": 2029},
       "targets": [{"fiscal_year": 2027, "value": 6, "note": "中間目標"}, {"fiscal_year": 2026, "value": 5}]},
    {"id": "q1", "kind": "成果指標", "name": "拠点整備", "qualitative": true,
     "baseline": {"text": "未整備"}, "target": {"text": "拠点の開設", "fiscal_year": 2029}})";
const std::string full_observations =
    R"("observations": [
      {"indicator": "kpi1", "fiscal_year": 2026, "value": 788, "source": "第1回評価", "as_of": "2027-06-30"},
      {"indicator": "kpi1", "fiscal_year": 2026, "value": 700, "source": "第2回評価", "as_of": "2028-06-30"},
      {"indicator": "q1", "fiscal_year": 2026, "text": "開設準備中", "source": "第2回評価", "as_of": "2028-06-30"}])";

}  // namespace

TEST_CASE("plan file: comparator, targets per year, qualitative texts and as_of are read") {
    const ParseResult r = parse_plan_file(plan_with(full_indicators, full_observations), "p.json", test::bundled_taxonomy());
    REQUIRE(r.problems.empty());
    const Indicator& k = r.plan_file.plan.indicators.at(0);
    CHECK(k.comparator == Comparator::at_least);
    CHECK(*k.baseline.value == 4);
    CHECK_FALSE(k.baseline.fiscal_year.has_value());  // never the plan's start year
    CHECK(k.baseline.note == "現状（計画策定時）");
    REQUIRE(k.targets.size() == 2);
    CHECK(k.targets[0].fiscal_year == 2026);  // in year order
    CHECK(k.targets[1].note == "中間目標");
    const Indicator& q = r.plan_file.plan.indicators.at(1);
    CHECK(q.qualitative);
    CHECK(q.target.text == "拠点の開設");
    const auto& obs = r.plan_file.observations;
    REQUIRE(obs.size() == 3);
    CHECK(obs[1].as_of == "2028-06-30");
    CHECK(std::isnan(obs[2].value));
    CHECK(obs[2].text == "開設準備中");
}

TEST_CASE("plan file: the new indicator fields are validated with their pointers") {
    CHECK(has_problem(problems_of(plan_with(R"("comparator": "more", "target": {"value": 8}})")), "/indicators/0/comparator",
                      "unknown comparator 'more' (at_least = 以上, at_most = 以下, about = 程度, or exact)"));
    CHECK(has_problem(problems_of(plan_with(R"("comparator": "at_least", "direction": "lower_is_better", "target": {"value": 8}})")),
                      "/indicators/0/comparator", "comparator 'at_least' contradicts direction 'lower_is_better'"));
    CHECK(has_problem(problems_of(plan_with(R"("baseline": {"value": 1, "fiscal_year": 2026}, "targets": [{"fiscal_year": 2027, "value": 2}, {"fiscal_year": "R9", "value": 3}]})")),
                      "/indicators/0/targets/1/fiscal_year", "a second target for fiscal year 2027 (the first is /indicators/0/targets/0)"));
    CHECK(has_problem(problems_of(plan_with(R"("baseline": {"value": 1, "fiscal_year": 2026}, "targets": [{"fiscal_year": 2025, "value": 2}]})")),
                      "/indicators/0/targets/0/fiscal_year", "target year 2025 is before baseline year 2026"));
    CHECK(has_problem(problems_of(plan_with(R"("targets": [{"fiscal_year": 2027}]})")), "/indicators/0/targets/0/value",
                      "a year's target needs a value or a text"));
    CHECK(has_problem(problems_of(plan_with(R"("targets": [{"fiscal_year": 2027, "value": 1, "goal": 2}]})")),
                      "/indicators/0/targets/0/goal", "unknown field"));
    CHECK(has_problem(problems_of(plan_with(R"("qualitative": true, "target": {"value": 8}})")), "/indicators/0/target/value",
                      "a qualitative indicator has a text target"));
    // Results: as_of is a date; a result needs a value unless it is a text; duplicates only per source and as_of.
    CHECK(has_problem(problems_of(plan_with(R"("target": {"value": 8}})", R"("observations": [{"indicator": "kpi1", "fiscal_year": 2026, "value": 1, "source": "a", "as_of": "2026/06/30"}])")),
                      "/observations/0/as_of", "'2026/06/30' is not a date (YYYY-MM-DD"));
    CHECK(has_problem(problems_of(plan_with(R"("target": {"value": 8}})", R"("observations": [{"indicator": "kpi1", "fiscal_year": 2026, "source": "a"}])")),
                      "/observations/0/value", "missing required number"));
    CHECK(has_problem(problems_of(plan_with(R"("target": {"value": 8}})", R"("observations": [{"indicator": "kpi1", "fiscal_year": 2026, "value": 1, "source": "a"}, {"indicator": "kpi1", "fiscal_year": "R8", "value": 2, "source": "a"}])")),
                      "/observations/1/fiscal_year", "a second value for 'kpi1' in fiscal year 2026 from the same source and as_of"));
    CHECK(problems_of(plan_with(R"("target": {"value": 8}})", R"("observations": [{"indicator": "kpi1", "fiscal_year": 2026, "value": 1, "source": "a"}, {"indicator": "kpi1", "fiscal_year": 2026, "value": 2, "source": "b"}])")).empty());
    // A format-1 file without any of them is unchanged.
    CHECK(problems_of(test::minimal_plan_json()).empty());
}

TEST_CASE("plan file → database → plan file keeps comparators, trajectories, texts and revisions") {
    test::TempDir dir;
    const ParseResult r = parse_plan_file(plan_with(full_indicators, full_observations), "p.json", test::bundled_taxonomy());
    REQUIRE(r.problems.empty());
    {
        Store store = Store::open(dir / "w.db", OpenMode::create);
        import_plans(store, test::bundled_taxonomy(), {r.plan_file});
    }
    Store store = Store::open(dir / "w.db", OpenMode::read_only);
    const Dataset data = load_dataset(store);
    const std::vector<PlanFile> back = export_plan_files(data);
    REQUIRE(back.size() == 1);
    CHECK(to_json(back[0]) == to_json(r.plan_file));
    // And written out, read again: the same file.
    const ParseResult again = parse_plan_file(to_json_text(back[0]), "again.json", test::bundled_taxonomy());
    REQUIRE(again.problems.empty());
    CHECK(to_json_text(again.plan_file) == to_json_text(r.plan_file));
    // A format-1 plan writes no new keys.
    const ParseResult plain = parse_plan_file(test::minimal_plan_json(), "m.json", test::bundled_taxonomy());
    const nlohmann::json written = to_json(plain.plan_file);
    CHECK_FALSE(written["indicators"][0].contains("comparator"));
    CHECK_FALSE(written["indicators"][0].contains("targets"));
    CHECK_FALSE(written["observations"][0].contains("as_of"));
}

TEST_CASE("schema 4: a version-3 database keeps every result through the rebuild of observation") {
    test::TempDir dir;
    const auto path = test::minimal_database(dir);
    {
        Store store = Store::open(path, OpenMode::read_write);
        import_observations_csv(store, "plan_id,indicator_id,fiscal_year,value,source\ntest-plan,kpi1,2027,20,調査\n", "a.csv");
    }
    test::run_sql(path, test::down_to_version_3_sql());
    {  // Read-only: read as it is (no as_of, no targets per year).
        Store old = Store::open(path, OpenMode::read_only);
        const Dataset data = load_dataset(old);
        CHECK(data.observations.size() == 2);
        CHECK(data.plans.at(0).indicators.at(0).comparator == Comparator::unspecified);
    }
    Store store = Store::open(path, OpenMode::read_write);
    CHECK(store.user_version() == schema_version);
    REQUIRE(store.upgrade().has_value());
    const Dataset data = load_dataset(store);
    REQUIRE(data.observations.size() == 2);
    for (const Observation& o : data.observations) CHECK(o.as_of.empty());
    // Another round for the year is now a revision, not a conflict.
    import_observations_csv(store, "plan_id,indicator_id,fiscal_year,value,source,as_of\ntest-plan,kpi1,2027,22,再調査,2028-06-30\n",
                            "b.csv");
    CHECK(load_dataset(store).observations.size() == 3);
}

namespace {
const std::string evaluations_json =
    R"("rating_scale": ["A", "B", "C", "D"],
  "evaluations": [{"node": "m1", "fiscal_year": 2024, "rating": "B", "comment": "概ね順調"},
                  {"node": "m1", "fiscal_year": "R7", "rating": "A"},
                  {"node": "m2", "fiscal_year": 2025, "rating": "C"}],
  "indicators": [)";
std::string with_evaluations(const std::string& block = evaluations_json) {
    return replace_once(test::minimal_plan_json(), R"("indicators": [)", block);
}
}  // namespace

TEST_CASE("evaluations (施策評価): a plan's rating scale, ratings per item per year, counted per plan") {
    const ParseResult r = parse_plan_file(with_evaluations(), "p.json", test::bundled_taxonomy());
    REQUIRE(r.problems.empty());
    const Plan& plan = r.plan_file.plan;
    CHECK(plan.rating_scale == std::vector<std::string>{"A", "B", "C", "D"});
    REQUIRE(plan.evaluations.size() == 3);
    CHECK(plan.evaluations[0].comment == "概ね順調");
    const std::vector<RatingSummary> years = rating_summaries(plan);
    REQUIRE(years.size() == 2);
    CHECK(years[1].fiscal_year == 2025);
    CHECK(years[1].items == 2);
    CHECK(years[1].counts.size() == 4);  // every rating of the scale, zeros kept
    CHECK(years[1].counts[0].rating == "A");
    CHECK(years[1].counts[0].count == 1);
    CHECK(years[1].counts[2].count == 1);
    CHECK(years[1].counts[3].count == 0);
    CHECK(latest_evaluation(plan, "m1")->rating == "A");
    CHECK(latest_evaluation(plan, "st1") == nullptr);

    // Validation, with pointers.
    auto problems = [&](const std::string& from, const std::string& to) { return problems_of(replace_once(with_evaluations(), from, to)); };
    CHECK(has_problem(problems(R"("rating": "C"})", R"("rating": "E"})"), "/evaluations/2/rating", "rating 'E' is not on the plan's rating scale"));
    CHECK(has_problem(problems(R"("node": "m2")", R"("node": "m9")"), "/evaluations/2/node", "unknown node 'm9'"));
    CHECK(has_problem(problems(R"("fiscal_year": "R7")", R"("fiscal_year": 2024)"), "/evaluations/1/fiscal_year",
                      "a second rating of 'm1' for fiscal year 2024 (the first is /evaluations/0)"));
    CHECK(has_problem(problems(R"(["A", "B", "C", "D"])", R"(["A", "B", "A", "C", "D"])"), "/rating_scale/2", "rating 'A' is listed twice"));
    CHECK(has_problem(problems(R"("rating_scale": ["A", "B", "C", "D"],)", ""), "/rating_scale", "evaluations need the plan's rating scale"));

    // JSON → DB → JSON.
    test::TempDir dir;
    {
        Store store = Store::open(dir / "w.db", OpenMode::create);
        import_plans(store, test::bundled_taxonomy(), {r.plan_file});
    }
    const Dataset data = load_dataset(Store::open(dir / "w.db", OpenMode::read_only));
    const std::vector<PlanFile> back = export_plan_files(data);
    REQUIRE(back.size() == 1);
    CHECK(to_json(back[0]) == to_json(r.plan_file));
    CHECK(rating_summaries(back[0].plan).back().items == 2);
}
