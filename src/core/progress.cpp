#include "wardscope/progress.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "wardscope/kpi_history.hpp"
#include "wardscope/plan_index.hpp"

namespace wardscope {

std::string_view to_string(ProgressStatus s) {
    switch (s) {
        case ProgressStatus::ahead: return "ahead";
        case ProgressStatus::on_track: return "on_track";
        case ProgressStatus::behind: return "behind";
        case ProgressStatus::no_data: return "no_data";
        case ProgressStatus::not_met: return "not_met";
        case ProgressStatus::qualitative: return "qualitative";
    }
    return "no_data";
}

std::string_view to_string(StatusRule r) {
    switch (r) {
        case StatusRule::no_results: return "R1";
        case StatusRule::qualitative: return "R2";
        case StatusRule::no_target: return "R3";
        case StatusRule::target_met: return "R4";
        case StatusRule::path: return "R5";
        case StatusRule::ratio_only: return "R6";
    }
    return "R1";
}

namespace {

// Higher is better unless the comparator (以下) or the direction says lower.
double sign_of(const Indicator& ind) {
    if (ind.comparator == Comparator::at_least) return 1.0;
    if (ind.comparator == Comparator::at_most) return -1.0;
    return ind.direction == Direction::lower_is_better ? -1.0 : 1.0;
}

// The result meets `target` as the comparator reads it (程度: within the tolerance of the target).
bool meets(const Indicator& ind, double result, double target) {
    switch (ind.comparator) {
        case Comparator::at_least: return result >= target;
        case Comparator::at_most: return result <= target;
        case Comparator::about: return std::fabs(result - target) <= on_track_tolerance * std::max(std::fabs(target), 1e-9);
        case Comparator::exact: return std::fabs(result - target) <= 1e-9 * std::max(std::fabs(target), 1.0);
        case Comparator::unspecified: break;
    }
    return sign_of(ind) * (result - target) >= 0;
}

// The known (year, value) points of the path: baseline, targets per year, final target. The final
// target's value wins over a year target of the same year.
std::map<int, double> path_points_of(const Indicator& ind) {
    std::map<int, double> points;
    if (ind.baseline.value && ind.baseline.fiscal_year) points[*ind.baseline.fiscal_year] = *ind.baseline.value;
    for (const YearTarget& t : ind.targets)
        if (t.value) points[t.fiscal_year] = *t.value;
    if (ind.target.value && ind.target.fiscal_year) points[*ind.target.fiscal_year] = *ind.target.value;
    return points;
}

// The target a result is held against without a path: the final one, else the last year target.
std::optional<double> final_target(const Indicator& ind) {
    if (ind.target.value) return ind.target.value;
    for (auto it = ind.targets.rbegin(); it != ind.targets.rend(); ++it)
        if (it->value) return it->value;
    return std::nullopt;
}

bool has_text_target(const Indicator& ind) {
    if (!ind.target.text.empty()) return true;
    return std::any_of(ind.targets.begin(), ind.targets.end(), [](const YearTarget& t) { return !t.text.empty(); });
}

// Why no on-track line can be drawn (R6).
std::string missing_for_path(const Indicator& ind, const std::map<int, double>& points) {
    if (!ind.baseline.value && !ind.baseline.text.empty()) return "the baseline is a text";
    if (!ind.baseline.value) return "no baseline";
    if (!ind.baseline.fiscal_year) return "no baseline year";
    if (ind.target.value && !ind.target.fiscal_year && points.size() < 2) return "no target year";
    return "only one year on the path";
}

}  // namespace

Progress classify_progress(const std::string& plan_id, const Indicator& indicator,
                           const std::vector<Observation>& observations) {
    Progress p;
    std::vector<const Observation*> rows;
    for (const Observation& o : observations)
        if (o.plan_id == plan_id && o.indicator_id == indicator.id && (std::isfinite(o.value) || !o.text.empty()))
            rows.push_back(&o);
    const std::vector<YearResults> years = year_results(rows);
    // R1
    if (years.empty()) {
        p.rule = StatusRule::no_results;
        p.reason = "no observations";
        return p;
    }
    for (const YearResults& y : years) p.disagreement |= y.disagreement;
    const YearResults& last = years.back();
    const Observation& latest = *last.current;
    p.latest_fiscal_year = latest.fiscal_year;
    p.latest_is_sample = latest.is_sample;
    p.latest_text = latest.text;
    p.latest_source = latest.source;
    p.latest_as_of = latest.as_of;
    p.latest_revisions = static_cast<int>(last.rows.size());
    const std::optional<double> target = final_target(indicator);
    // R2: read, not computed.
    if (indicator.qualitative || !std::isfinite(latest.value) || (!target && has_text_target(indicator))) {
        if (std::isfinite(latest.value)) p.latest_value = latest.value;
        p.status = ProgressStatus::qualitative;
        p.rule = StatusRule::qualitative;
        p.reason = "qualitative";
        return p;
    }
    const double value = latest.value;
    p.latest_value = value;
    if (indicator.baseline.value && indicator.target.value && *indicator.target.value != *indicator.baseline.value)
        p.target_share = (value - *indicator.baseline.value) / (*indicator.target.value - *indicator.baseline.value);
    // R3
    if (!target) {
        p.rule = StatusRule::no_target;
        p.reason = "target not set";
        return p;
    }
    // R4
    if (indicator.target.value && meets(indicator, value, *indicator.target.value)) {
        p.status = ProgressStatus::ahead;
        p.rule = StatusRule::target_met;
        p.expected = indicator.target.value;
        p.compared_target = indicator.target.value;
        p.reason = "target met";
        return p;
    }
    // R5: the path through the known points.
    // A target year before the baseline year (a database from elsewhere: plan files refuse it) gives no path.
    const bool years_reversed = indicator.baseline.fiscal_year && indicator.target.fiscal_year &&
                                *indicator.target.fiscal_year < *indicator.baseline.fiscal_year;
    const std::map<int, double> points = years_reversed ? std::map<int, double>{} : path_points_of(indicator);
    const bool on_a_point = points.count(latest.fiscal_year) > 0;
    if (points.size() >= 2 || on_a_point) {
        const int year = latest.fiscal_year;
        double expected = 0;
        if (on_a_point) expected = points.at(year);
        else if (year <= points.begin()->first) expected = points.begin()->second;
        else if (year >= points.rbegin()->first) expected = points.rbegin()->second;
        else {
            const auto hi = points.upper_bound(year);
            const auto lo = std::prev(hi);
            const double t = static_cast<double>(year - lo->first) / (hi->first - lo->first);
            expected = lo->second + t * (hi->second - lo->second);
        }
        double vmin = points.begin()->second, vmax = vmin;
        for (const auto& [y, v] : points) vmin = std::min(vmin, v), vmax = std::max(vmax, v);
        const double span = vmax - vmin;
        const double tolerance = on_track_tolerance * (span > 0 ? span : std::max(std::fabs(expected), 1.0));
        const double lead = sign_of(indicator) * (value - expected);
        p.expected = expected;
        p.rule = StatusRule::path;
        p.status = lead > tolerance ? ProgressStatus::ahead : lead < -tolerance ? ProgressStatus::behind : ProgressStatus::on_track;
        p.reason = year > points.rbegin()->first ? "target year passed"
                   : year < points.begin()->first ? "before the baseline year"
                                                  : "on the path from baseline to target";
        return p;
    }
    // R6: a target, but no line to be on.
    p.status = ProgressStatus::not_met;
    p.rule = StatusRule::ratio_only;
    p.compared_target = target;
    if (*target != 0) p.target_ratio = value / *target;
    p.missing = years_reversed ? "the target year is before the baseline year" : missing_for_path(indicator, points);
    p.reason = "target not met; " + p.missing;
    return p;
}

std::map<int, double> plan_path_points(const Indicator& indicator) { return path_points_of(indicator); }

bool has_known_values(const Indicator& indicator, const Progress& progress) {
    return indicator.baseline.value || indicator.target.value || progress.latest_value || !indicator.targets.empty() ||
           !indicator.target.text.empty() || !progress.latest_text.empty();
}

namespace {

std::string percent(double share) {
    char buf[32];
    const double pct = share * 100.0;
    std::snprintf(buf, sizeof buf, std::fabs(pct) < 10 ? "%.1f" : "%.0f", pct);
    return buf;
}

const char* comparator_sign(const Indicator& ind) {
    switch (ind.comparator) {
        case Comparator::at_least: return "≥";
        case Comparator::at_most: return "≤";
        case Comparator::about: return "≈";
        case Comparator::exact: return "=";
        case Comparator::unspecified: break;
    }
    return ind.direction == Direction::lower_is_better ? "≤" : "≥";
}

std::string missing_ja(const std::string& missing) {
    if (missing == "the baseline is a text") return "基準値が文章のため";
    if (missing == "no baseline") return "基準値がないため";
    if (missing == "no baseline year") return "基準値の年度がないため";
    if (missing == "no target year") return "目標年度がないため";
    if (missing == "the target year is before the baseline year") return "目標年度が基準年度より前のため";
    return "年度が一つしかないため";
}

}  // namespace

std::vector<std::string> explain_progress_samples() {
    std::vector<std::string> out;
    Indicator ind;
    ind.target.text = "x";
    Progress p;
    p.latest_value = p.expected = p.compared_target = p.target_ratio = 1;
    p.latest_fiscal_year = 2026;
    auto add = [&] {
        for (bool en : {false, true}) out.push_back(explain_progress(p, ind, en));
    };
    for (StatusRule rule : {StatusRule::no_results, StatusRule::qualitative, StatusRule::no_target, StatusRule::target_met}) {
        p.rule = rule;
        add();
    }
    p.rule = StatusRule::path;
    for (ProgressStatus s : {ProgressStatus::ahead, ProgressStatus::behind, ProgressStatus::on_track}) {
        p.status = s;
        add();
    }
    p.rule = StatusRule::ratio_only;
    for (const char* missing : {"the baseline is a text", "no baseline", "no baseline year", "no target year",
                                "the target year is before the baseline year", "one year"}) {
        p.missing = missing;
        add();
    }
    ind.target.text.clear();  // "未設定"
    p.rule = StatusRule::qualitative;
    add();
    return out;
}

std::string explain_progress(const Progress& p, const Indicator& ind, bool en) {
    const std::string& unit = ind.unit;
    auto num = [&](double v) { return format_value(v) + unit; };
    switch (p.rule) {
        case StatusRule::no_results: return en ? "No results yet, so no status." : "実績がないため判定なし。";
        case StatusRule::qualitative: {
            const std::string result = p.latest_text.empty() && p.latest_value ? num(*p.latest_value) : p.latest_text;
            const std::string target = !ind.target.text.empty() ? ind.target.text
                                       : ind.target.value       ? num(*ind.target.value)
                                                                : std::string(en ? "not set" : "未設定");
            return en ? "Qualitative: result \"" + result + "\" against target \"" + target + "\" is read, not computed."
                      : "定性指標: 実績「" + result + "」と目標「" + target + "」は読んで判断（数値判定なし）。";
        }
        case StatusRule::no_target:
            return en ? "No target value, so " + num(*p.latest_value) + " is not compared."
                      : "目標値がないため、実績 " + num(*p.latest_value) + " は比較できません。";
        case StatusRule::target_met:
            return en ? num(*p.latest_value) + " " + comparator_sign(ind) + " target " + num(*p.compared_target) + ": target met."
                      : "実績 " + num(*p.latest_value) + " " + comparator_sign(ind) + " 目標 " + num(*p.compared_target) + ": 目標達成。";
        case StatusRule::path: {
            const std::string verdict = p.status == ProgressStatus::ahead      ? (en ? "ahead" : "先行")
                                        : p.status == ProgressStatus::behind   ? (en ? "behind" : "遅れ")
                                                                              : (en ? "on track" : "順調");
            const std::string fy = std::to_string(*p.latest_fiscal_year);
            return en ? "FY" + fy + ": " + num(*p.latest_value) + " against " + num(*p.expected) +
                            " expected on the line through baseline and targets (±5 %): " + verdict + "."
                      : fy + "年度: 実績 " + num(*p.latest_value) + "、基準値と目標値を結ぶ線上の見込み " + num(*p.expected) +
                            "（±5%）に対し" + verdict + "。";
        }
        case StatusRule::ratio_only: {
            const std::string ratio = num(*p.latest_value) + " / " + num(*p.compared_target) +
                                      (p.target_ratio ? " = " + percent(*p.target_ratio) + " %" : std::string());
            return en ? ratio + (p.target_ratio ? " of target" : "") + "; " + p.missing + ", so no on-track line."
                      : ratio + (p.target_ratio ? "（目標比）" : "") + "。" + missing_ja(p.missing) + "、順調かどうかの線は引けません。";
        }
    }
    return {};
}

}  // namespace wardscope
