#include <doctest/doctest.h>

#include <limits>

#include "wardscope/progress.hpp"

using namespace wardscope;

namespace {

Indicator indicator(std::optional<double> base, std::optional<int> base_fy, std::optional<double> target,
                    std::optional<int> target_fy, Direction direction = Direction::higher_is_better) {
    Indicator i;
    i.id = "k1";
    i.direction = direction;
    i.baseline = {base, base_fy, "", ""};
    i.target = {target, target_fy, "", ""};
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
    // (issue #13: it used to say "no data, baseline not set"; now R6: 5 / 21, and what is missing for a path.)
    const Progress no_base = classify_progress("p", indicator(std::nullopt, 2025, 21, 2029), {obs(2026, 5)});
    CHECK(no_base.status == ProgressStatus::not_met);
    CHECK(no_base.rule == StatusRule::ratio_only);
    CHECK(no_base.missing == "no baseline");
    CHECK(*no_base.target_ratio == doctest::Approx(5.0 / 21.0));
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
    const Progress reversed = classify_progress("p", indicator(46, 2029, 50, 2024), {obs(2026, 47)});
    CHECK(reversed.status == ProgressStatus::not_met);
    CHECK(reversed.missing == "the target year is before the baseline year");
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

// ---- The status table of docs/kpi-status.md: one test case per row ----

namespace {
Observation text_obs(int fy, std::string text) {
    Observation o = obs(fy, std::numeric_limits<double>::quiet_NaN());
    o.text = std::move(text);
    return o;
}
}  // namespace

TEST_CASE("status rule R1: no result, no status") {
    const Indicator k = indicator(46, 2024, 50, 2029);
    const Progress p = classify_progress("p", k, {obs(2026, 5, false, "other")});
    CHECK(p.status == ProgressStatus::no_data);
    CHECK(p.rule == StatusRule::no_results);
    CHECK(explain_progress(p, k, true) == "No results yet, so no status.");
    CHECK(explain_progress(p, k, false) == "実績がないため判定なし。");
}

TEST_CASE("status rule R2: qualitative indicators and text results are read, not computed") {
    Indicator q = indicator(std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    q.qualitative = true;
    q.target.text = "拠点の開設";
    const Progress p = classify_progress("p", q, {text_obs(2025, "開設準備中")});
    CHECK(p.status == ProgressStatus::qualitative);
    CHECK(p.rule == StatusRule::qualitative);
    CHECK(p.latest_text == "開設準備中");
    CHECK_FALSE(p.latest_value.has_value());  // never turned into 0
    CHECK(explain_progress(p, q, true) == "Qualitative: result \"開設準備中\" against target \"拠点の開設\" is read, not computed.");
    // A numeric indicator whose latest result is a text, and an indicator whose only target is a text.
    CHECK(classify_progress("p", indicator(46, 2024, 50, 2029), {obs(2025, 47), text_obs(2026, "集計中")}).rule ==
          StatusRule::qualitative);
    Indicator text_target = indicator(std::nullopt, std::nullopt, std::nullopt, std::nullopt);
    text_target.targets = {{2027, std::nullopt, "全地区で実施", ""}};
    CHECK(classify_progress("p", text_target, {obs(2026, 3)}).status == ProgressStatus::qualitative);
}

TEST_CASE("status rule R3: a result without any target value is not compared") {
    const Indicator k = indicator(10, 2024, std::nullopt, std::nullopt);
    const Progress p = classify_progress("p", k, {obs(2026, 12)});
    CHECK(p.status == ProgressStatus::no_data);
    CHECK(p.rule == StatusRule::no_target);
    CHECK(*p.latest_value == 12);
    CHECK(explain_progress(p, k, true) == "No target value, so 12 is not compared.");
}

TEST_CASE("status rule R4: the final target met by its comparator, even before its year") {
    Indicator k = indicator(std::nullopt, std::nullopt, 8, std::nullopt);
    k.unit = "件";
    k.comparator = Comparator::at_least;  // 8件以上
    const Progress p = classify_progress("p", k, {obs(2025, 8)});
    CHECK(p.status == ProgressStatus::ahead);
    CHECK(p.rule == StatusRule::target_met);
    CHECK(explain_progress(p, k, true) == "8件 ≥ target 8件: target met.");
    // 以下: lower is better; 程度: within 5 %; exact: only the value itself.
    Indicator at_most = indicator(std::nullopt, std::nullopt, 5, 2029);
    at_most.comparator = Comparator::at_most;
    CHECK(classify_progress("p", at_most, {obs(2026, 4.9)}).rule == StatusRule::target_met);
    CHECK(classify_progress("p", at_most, {obs(2026, 5.1)}).rule == StatusRule::ratio_only);
    Indicator about = indicator(std::nullopt, std::nullopt, 100, 2029);
    about.comparator = Comparator::about;
    CHECK(classify_progress("p", about, {obs(2026, 104)}).rule == StatusRule::target_met);
    CHECK(classify_progress("p", about, {obs(2026, 96)}).rule == StatusRule::target_met);
    CHECK(classify_progress("p", about, {obs(2026, 90)}).rule == StatusRule::ratio_only);
    Indicator exact = indicator(std::nullopt, std::nullopt, 3, 2029);
    exact.comparator = Comparator::exact;
    CHECK(classify_progress("p", exact, {obs(2026, 3)}).rule == StatusRule::target_met);
    CHECK(classify_progress("p", exact, {obs(2026, 2)}).rule == StatusRule::ratio_only);
}

TEST_CASE("status rule R5: the path through baseline, targets per year and the final target") {
    // A trajectory: baseline 100 (FY2024), 110 in FY2025, 130 in FY2026, final 150 in FY2028.
    Indicator k = indicator(100, 2024, 150, 2028);
    k.targets = {{2025, 110.0, "", ""}, {2026, 130.0, "", ""}};
    const Progress on_point = classify_progress("p", k, {obs(2026, 129)});
    CHECK(on_point.rule == StatusRule::path);
    CHECK(*on_point.expected == 130);  // that year's target, not the straight line's 125
    CHECK(on_point.status == ProgressStatus::on_track);  // 1 below, tolerance 5 % of 50 = 2.5
    CHECK(classify_progress("p", k, {obs(2026, 126)}).status == ProgressStatus::behind);
    const Progress between = classify_progress("p", k, {obs(2027, 140)});
    CHECK(*between.expected == 140);  // between 130 (FY2026) and 150 (FY2028)
    CHECK(explain_progress(between, k, true) ==
          "FY2027: 140 against 140 expected on the line through baseline and targets (±5 %): on track.");
    // One point in the result's year is a path too: a year target without a baseline.
    Indicator year_only = indicator(std::nullopt, std::nullopt, 20, std::nullopt);
    year_only.targets = {{2026, 8.0, "", ""}};
    const Progress p = classify_progress("p", year_only, {obs(2026, 6)});
    CHECK(p.rule == StatusRule::path);
    CHECK(p.status == ProgressStatus::behind);
}

TEST_CASE("status rule R6: a target but no path gives result / target and says what is missing") {
    // Issue #13: an actual of 4 against a target of 8, the baseline 現状（計画策定時） without a year.
    Indicator k = indicator(2, std::nullopt, 8, 2029);
    k.baseline.note = "現状（計画策定時）";
    const Progress p = classify_progress("p", k, {obs(2026, 4)});
    CHECK(p.status == ProgressStatus::not_met);
    CHECK(p.rule == StatusRule::ratio_only);
    CHECK(*p.target_ratio == doctest::Approx(0.5));
    CHECK_FALSE(p.expected.has_value());  // no year is invented for the baseline
    CHECK(explain_progress(p, k, true) == "4 / 8 = 50 % of target; no baseline year, so no on-track line.");
    CHECK(explain_progress(p, k, false) == "4 / 8 = 50 %（目標比）。基準値の年度がないため、順調かどうかの線は引けません。");
    CHECK(classify_progress("p", indicator(2, 2024, 8, std::nullopt), {obs(2026, 4)}).missing == "no target year");
    Indicator text_base = indicator(std::nullopt, std::nullopt, 8, 2029);
    text_base.baseline.text = "未実施";
    CHECK(classify_progress("p", text_base, {obs(2026, 4)}).missing == "the baseline is a text");
    const Progress zero = classify_progress("p", indicator(std::nullopt, std::nullopt, 0, 2029, Direction::lower_is_better),
                                            {obs(2026, 3)});
    CHECK(zero.rule == StatusRule::ratio_only);
    CHECK_FALSE(zero.target_ratio.has_value());  // no ratio against 0
}

TEST_CASE("revisions: the current result of a year is the latest as_of, and a disagreement is flagged") {
    const Indicator k = indicator(std::nullopt, std::nullopt, 800, std::nullopt);
    Observation first = obs(2023, 788), second = obs(2023, 700);
    first.source = "第1回評価", first.as_of = "2024-06-30";
    second.source = "第2回評価", second.as_of = "2025-06-30";
    const Progress p = classify_progress("p", k, {second, first});
    CHECK(*p.latest_value == 700);
    CHECK(p.latest_source == "第2回評価");
    CHECK(p.latest_revisions == 2);
    CHECK(p.disagreement);
    Observation agree = first;
    agree.as_of = "2025-01-01", agree.source = "別資料";
    CHECK_FALSE(classify_progress("p", k, {first, agree}).disagreement);
}
