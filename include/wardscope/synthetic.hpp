// A deterministic synthetic data set at national scale, for benchmarks and
// load tests (`wardscope gen`). Every plan is flagged synthetic and every
// observation is flagged sample, so the UI always shows them as such.
#pragma once

#include <cstdint>
#include <vector>

#include "wardscope/model.hpp"
#include "wardscope/store.hpp"

namespace wardscope {

struct GenerateOptions {
    int municipalities = 62;  // Tokyo's count: 23 wards, 26 cities, 5 towns, 8 villages
    int plans_per_municipality = 4;  // plan generations of 5 fiscal years each, the last ending FY2025
    int measures_per_plan = 300;
    int indicators_per_plan = 40;
    int years = 20;  // observations per indicator, one per fiscal year up to the plan's end
    std::uint64_t seed = 1;
};

// Every municipality of Japan: the most `gen` makes.
inline constexpr int max_synthetic_municipalities = 1741;
// `gen --national`: 1,741 municipalities × 5 generations × 60 measures × 10 indicators × 10 years.
GenerateOptions national_generate_options();

// The first `count` of the 1,741 synthetic municipalities: Tokyo's 62 (23 区,
// 26 市, 5 町, 8 村), then the other 46 prefectures in JIS order with their
// real municipality counts. Each has its prefecture, kind, a reading and a
// 団体コード-shaped code with a valid check digit; names say 合成 (synthetic).
std::vector<Municipality> synthetic_municipalities(int count, const SourceRef& source);

// Throws Error naming the option when one is out of range.
void check_generate_options(const GenerateOptions& options);

// The same options and taxonomy always give the same plan files, on any
// platform (own PRNG, no std distributions, no libm). Theme tags are drawn
// from `taxonomy`; names use its keywords, so `rule` tags appear on import.
std::vector<PlanFile> generate_plan_files(const GenerateOptions& options, const Taxonomy& taxonomy);

// generate_plan_files + import_plans: one transaction.
ImportReport generate_database(Store& store, const Taxonomy& taxonomy, const GenerateOptions& options);

}  // namespace wardscope
