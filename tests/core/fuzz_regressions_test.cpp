// Every input the fuzzers found a bug with (fuzz/regressions/) and every seed
// (fuzz/corpus/) goes through the same checks as fuzz/fuzz_*.cpp, without
// libFuzzer: what was fixed stays fixed in the normal test run.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../../fuzz/fuzz_checks.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::is_directory(dir)) return files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

template <typename Check>
std::size_t replay(const std::vector<fs::path>& files, Check check) {
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        CHECK(check(wardscope::test::read_file(file)) == "");
    }
    return files.size();
}

}  // namespace

TEST_CASE("plan files the fuzzer found problems with are handled") {
    const fs::path root = wardscope::test::source_dir() / "fuzz";
    const auto regressions = files_in(root / "regressions" / "plan");
    CHECK(regressions.size() >= 5);  // the crashers of the first runs (docs/reliability.md)
    replay(regressions, wardscope::fuzz::check_plan_file);
    CHECK(replay(files_in(root / "corpus" / "plan"), wardscope::fuzz::check_plan_file) >= 1);
    CHECK(replay(files_in(wardscope::test::source_dir() / "data" / "plans"), wardscope::fuzz::check_plan_file) >= 1);
}

TEST_CASE("KPI CSV files the fuzzer found problems with are handled") {
    const fs::path root = wardscope::test::source_dir() / "fuzz";
    replay(files_in(root / "regressions" / "csv"), wardscope::fuzz::check_kpi_csv);
    CHECK(replay(files_in(root / "corpus" / "csv"), wardscope::fuzz::check_kpi_csv) >= 1);
}

TEST_CASE("what the plan-file fuzzer found is reported with a pointer to the spot") {
    const fs::path dir = wardscope::test::source_dir() / "fuzz" / "regressions" / "plan";
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"dup-actor.json", "/nodes/0/children/0/actors/1: actor 'municipality' is listed twice"},
        {"dup-theme.json", "/nodes/0/children/0/themes/1: theme 'startup' is listed twice"},
        {"dup-tows-swot.json", "/tows/0/swot/1: SWOT item 's1' is listed twice"},
        {"dup-tows-node.json", "/tows/0/nodes/1: node 'st1' is listed twice"},
        {"dup-obs.json", "a second value for 'kpi1' in fiscal year"},
        {"number-overflow-1e400.json", "/: malformed JSON: number overflow parsing '1e400'"},
    };
    for (const auto& entry : expected) {
        const std::string& file = entry.first;  // not a structured binding: CAPTURE's lambda cannot take one in clang 14
        const std::string& message = entry.second;
        CAPTURE(file);
        const auto result = wardscope::parse_plan_file(wardscope::test::read_file(dir / file), file,
                                                       wardscope::test::bundled_taxonomy());
        std::string problems;
        for (const auto& p : result.problems) problems += p.to_string() + "\n";
        CAPTURE(problems);
        CHECK(problems.find(message) != std::string::npos);
    }
}
