#include <doctest/doctest.h>

#include "wardscope/progress.hpp"

using namespace wardscope;

namespace {

Indicator indicator(std::optional<double> base, std::optional<int> base_fy, std::optional<double> target,
                    std::optional<int> target_fy, Direction direction = Direction::higher_is_better) {
    Indicator i;
    i.id = "k1";
    i.direction = direction;
    i.baseline = {base, base_fy, ""};
    i.target = {target, target_fy, ""};
    return i;
}

Observation obs(int fy, double value, bool sample = false, std::string indicator_id = "k1") {
    Observation o;
    o.plan_id = "p";
    o.indicator_id = std::move(indicator_id);
    o.fiscal_year = fy;
    o.value = value;
    o.is_sample = sample;
    return o;
}

}  // namespace

TEST_CASE("progress along the straight path: ahead, on track, behind") {
    // Kita: 46 % (FY2024) → 50 % (FY2029): 0.8 points a year, tolerance 0.2 points.
    const Indicator k = indicator(46, 2024, 50, 2029);
    auto at = [&](double v) { return classify_progress("p", k, {obs(2026, v)}); };
    CHECK(at(47.6).status == ProgressStatus::on_track);
    CHECK(*at(47.6).expected == doctest::Approx(47.6));
    CHECK(at(47.7).status == ProgressStatus::on_track);
    CHECK(at(47.9).status == ProgressStatus::ahead);
    CHECK(at(47.3).status == ProgressStatus::behind);
    CHECK(at(46).status == ProgressStatus::behind);
}

TEST_CASE("the latest observation counts, and other plans' and indicators' rows do not") {
    const Indicator k = indicator(193, 2025, 457, 2029);
    Observation other_plan = obs(2028, 1000);
    other_plan.plan_id = "q";
    const Progress p = classify_progress("p", k, {obs(2027, 330, true), obs(2026, 200), other_plan, obs(2028, 999, false, "k2")});
    CHECK(*p.latest_fiscal_year == 2027);
    CHECK(*p.latest_value == 330);
    CHECK(p.latest_is_sample);
    CHECK(*p.expected == doctest::Approx(325));
    CHECK(p.status == ProgressStatus::on_track);
}

TEST_CASE("no observations, no baseline or no target: no data, and why") {
    CHECK(classify_progress("p", indicator(46, 2024, 50, 2029), {}).status == ProgressStatus::no_data);
    CHECK(classify_progress("p", indicator(46, 2024, 50, 2029), {}).reason == "no observations");
    // Kita's first indicator: baseline — (unknown), target 21.
    const Progress no_base = classify_progress("p", indicator(std::nullopt, 2025, 21, 2029), {obs(2026, 5)});
    CHECK(no_base.status == ProgressStatus::no_data);
    CHECK(no_base.reason == "baseline not set");
    CHECK_FALSE(no_base.expected.has_value());
    // Itabashi 2035's KPIs: nothing set yet.
    const Progress nothing = classify_progress("p", indicator(std::nullopt, std::nullopt, std::nullopt, std::nullopt), {obs(2026, 5)});
    CHECK(nothing.status == ProgressStatus::no_data);
    CHECK(*nothing.latest_value == 5);  // the observation is still reported, never turned into 0
    CHECK(classify_progress("p", indicator(10, 2024, std::nullopt, 2029), {obs(2026, 5)}).reason == "target not set");
}

TEST_CASE("a target already met is ahead, even without a baseline or before its year") {
    const Progress met = classify_progress("p", indicator(std::nullopt, std::nullopt, 21, 2029), {obs(2026, 21)});
    CHECK(met.status == ProgressStatus::ahead);
    CHECK(met.reason == "target met");
    CHECK(classify_progress("p", indicator(46, 2024, 50, 2029), {obs(2025, 52)}).status == ProgressStatus::ahead);
}

TEST_CASE("lower-is-better indicators mirror the comparison") {
    // Vacancy rate 10 % → 5 %: 1 point a year, tolerance 0.25 points.
    const Indicator v = indicator(10, 2020, 5, 2025, Direction::lower_is_better);
    CHECK(classify_progress("p", v, {obs(2022, 8)}).status == ProgressStatus::on_track);
    CHECK(classify_progress("p", v, {obs(2022, 7)}).status == ProgressStatus::ahead);
    CHECK(classify_progress("p", v, {obs(2022, 9)}).status == ProgressStatus::behind);
    CHECK(classify_progress("p", v, {obs(2023, 4.5)}).reason == "target met");
}

TEST_CASE("after the target year the path expects the target, and before the baseline year, the baseline") {
    const Indicator k = indicator(46, 2024, 50, 2029);
    const Progress late = classify_progress("p", k, {obs(2031, 49)});
    CHECK(*late.expected == 50);
    CHECK(late.status == ProgressStatus::behind);
    CHECK(late.reason == "target year passed");
    const Progress early = classify_progress("p", k, {obs(2022, 46.1)});
    CHECK(*early.expected == 46);
    CHECK(early.status == ProgressStatus::on_track);
    CHECK(classify_progress("p", indicator(46, 2029, 50, 2024), {obs(2026, 47)}).status == ProgressStatus::no_data);
}

TEST_CASE("a flat path (target equals baseline) uses a tolerance of the value itself") {
    const Indicator keep = indicator(100, 2024, 100, 2029);
    CHECK(classify_progress("p", keep, {obs(2026, 97)}).status == ProgressStatus::on_track);
    CHECK(classify_progress("p", keep, {obs(2026, 90)}).status == ProgressStatus::behind);
}

TEST_CASE("a scorecard's figures: the latest value, its fiscal year and the share of the way to the target") {
    // Kita's KPI 3: 193 (R7) → 457 (R11); 330 in FY2027 is 137 / 264 of the way.
    const Indicator k = indicator(193, 2025, 457, 2029);
    const Progress p = classify_progress("p", k, {obs(2026, 250), obs(2027, 330, true)});
    CHECK(*p.latest_value == 330);
    CHECK(*p.latest_fiscal_year == 2027);
    CHECK(p.latest_is_sample);
    REQUIRE(p.target_share.has_value());
    CHECK(*p.target_share == doctest::Approx(137.0 / 264.0));
    // Beyond the target and below the baseline are said as they are.
    CHECK(*classify_progress("p", k, {obs(2028, 500)}).target_share == doctest::Approx(307.0 / 264.0));
    CHECK(*classify_progress("p", k, {obs(2026, 150)}).target_share < 0);
    // Lower is better: 10 → 5, at 8 the share is 40 %.
    const Indicator v = indicator(10, 2020, 5, 2025, Direction::lower_is_better);
    CHECK(*classify_progress("p", v, {obs(2022, 8)}).target_share == doctest::Approx(0.4));
}

TEST_CASE("a scorecard never invents: the share is unknown without a baseline, a target or a result") {
    // Kita's KPI 1: baseline "—" (unknown), target 21.
    const Progress no_base = classify_progress("p", indicator(std::nullopt, 2025, 21, 2029), {obs(2026, 5)});
    CHECK(*no_base.latest_value == 5);
    CHECK_FALSE(no_base.target_share.has_value());
    CHECK_FALSE(classify_progress("p", indicator(46, 2024, std::nullopt, 2029), {obs(2026, 47)}).target_share.has_value());
    CHECK_FALSE(classify_progress("p", indicator(46, 2024, 50, 2029), {}).target_share.has_value());
    CHECK_FALSE(classify_progress("p", indicator(100, 2024, 100, 2029), {obs(2026, 97)}).target_share.has_value());
}

TEST_CASE("a card has values when a baseline, a target or a result is known") {
    const Indicator nothing = indicator(std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    CHECK_FALSE(has_known_values(nothing, classify_progress("p", nothing, {})));
    CHECK(has_known_values(nothing, classify_progress("p", nothing, {obs(2026, 0)})));  // a result of 0 is a value
    const Indicator target_only = indicator(std::nullopt, std::nullopt, 21, 2029);
    CHECK(has_known_values(target_only, classify_progress("p", target_only, {})));
}
