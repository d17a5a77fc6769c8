#include "wardscope/kpi_history.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "wardscope/csv.hpp"

namespace wardscope {

bool valid_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (t[i] < '0' || t[i] > '9') return false;
    const int year = std::stoi(std::string(t.substr(0, 4)));
    const int month = std::stoi(std::string(t.substr(5, 2)));
    const int day = std::stoi(std::string(t.substr(8, 2)));
    if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {
int origin_rank(ObservationOrigin o) {
    switch (o) {
        case ObservationOrigin::plan_file: return 0;
        case ObservationOrigin::csv: return 1;
        case ObservationOrigin::user: return 2;
    }
    return 0;
}
}  // namespace

bool supersedes(const Observation& a, const Observation& b) {
    if (a.as_of != b.as_of) return a.as_of > b.as_of;  // ISO dates compare as text; "" is the oldest
    if (a.origin != b.origin) return origin_rank(a.origin) > origin_rank(b.origin);
    return a.id > b.id;
}

bool same_result(const Observation& a, const Observation& b) {
    const bool numbers_equal = (std::isnan(a.value) && std::isnan(b.value)) || a.value == b.value;
    return numbers_equal && a.text == b.text;
}

std::vector<YearResults> year_results(std::vector<const Observation*> rows) {
    std::map<int, YearResults> years;
    for (const Observation* o : rows) {
        YearResults& y = years[o->fiscal_year];
        y.fiscal_year = o->fiscal_year;
        y.rows.push_back(o);
    }
    std::vector<YearResults> out;
    out.reserve(years.size());
    for (auto& [year, y] : years) {
        std::stable_sort(y.rows.begin(), y.rows.end(), [](const Observation* a, const Observation* b) { return supersedes(*b, *a); });
        y.current = y.rows.back();
        for (const Observation* o : y.rows) y.disagreement |= !same_result(*o, *y.current);
        out.push_back(std::move(y));
    }
    return out;
}

std::string result_text(const Observation& o, const std::string& unit) {
    if (std::isnan(o.value)) return o.text;
    return csv_number(o.value) + unit + (o.text.empty() ? "" : " (" + o.text + ")");
}

std::string disagreement_text(const YearResults& year, const std::string& unit) {
    std::string out = "FY" + std::to_string(year.fiscal_year) + ": ";
    for (std::size_t k = 0; k < year.rows.size(); ++k) {
        const Observation& o = *year.rows[k];
        if (k) out += " ≠ ";
        out += result_text(o, unit) + " (" + o.source + (o.as_of.empty() ? "" : ", as of " + o.as_of) +
               (&o == year.current ? ", current)" : ")");
    }
    return out;
}

}  // namespace wardscope
