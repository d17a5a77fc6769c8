#include "wardscope/progress.hpp"

#include <algorithm>
#include <cmath>

namespace wardscope {

std::string_view to_string(ProgressStatus s) {
    switch (s) {
        case ProgressStatus::ahead: return "ahead";
        case ProgressStatus::on_track: return "on_track";
        case ProgressStatus::behind: return "behind";
        case ProgressStatus::no_data: return "no_data";
    }
    return "no_data";
}

Progress classify_progress(const std::string& plan_id, const Indicator& indicator,
                           const std::vector<Observation>& observations) {
    Progress p;
    const Observation* latest = nullptr;
    for (const Observation& o : observations)
        if (o.plan_id == plan_id && o.indicator_id == indicator.id && std::isfinite(o.value) &&
            (!latest || o.fiscal_year >= latest->fiscal_year))
            latest = &o;
    if (!latest) {
        p.reason = "no observations";
        return p;
    }
    p.latest_value = latest->value;
    p.latest_fiscal_year = latest->fiscal_year;
    p.latest_is_sample = latest->is_sample;
    if (indicator.baseline.value && indicator.target.value && *indicator.target.value != *indicator.baseline.value)
        p.target_share = (latest->value - *indicator.baseline.value) / (*indicator.target.value - *indicator.baseline.value);
    const double sign = indicator.direction == Direction::lower_is_better ? -1.0 : 1.0;
    const auto& base = indicator.baseline;
    const auto& target = indicator.target;
    if (target.value && sign * (latest->value - *target.value) >= 0) {
        p.status = ProgressStatus::ahead;
        p.expected = target.value;
        p.reason = "target met";
        return p;
    }
    if (!base.value || !base.fiscal_year || !target.value || !target.fiscal_year) {
        p.reason = !base.value || !base.fiscal_year ? "baseline not set" : "target not set";
        return p;
    }
    if (*target.fiscal_year <= *base.fiscal_year) {
        p.reason = "target year not after baseline year";
        return p;
    }
    const int year = std::clamp(latest->fiscal_year, *base.fiscal_year, *target.fiscal_year);
    const double t = static_cast<double>(year - *base.fiscal_year) / (*target.fiscal_year - *base.fiscal_year);
    const double expected = *base.value + t * (*target.value - *base.value);
    p.expected = expected;
    const double span = std::fabs(*target.value - *base.value);
    const double tolerance = on_track_tolerance * (span > 0 ? span : std::max(std::fabs(*base.value), 1.0));
    const double lead = sign * (latest->value - expected);
    p.status = lead > tolerance ? ProgressStatus::ahead : lead < -tolerance ? ProgressStatus::behind : ProgressStatus::on_track;
    p.reason = latest->fiscal_year > *target.fiscal_year ? "target year passed"
               : latest->fiscal_year < *base.fiscal_year ? "before the baseline year"
                                                         : "on the path from baseline to target";
    return p;
}

bool has_known_values(const Indicator& indicator, const Progress& progress) {
    return indicator.baseline.value || indicator.target.value || progress.latest_value;
}

}  // namespace wardscope
