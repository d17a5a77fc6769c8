// Plan files → database: parsed, validated and written in one transaction, all
// or nothing. Files are parsed on a second thread while the writer stores the
// ones before them, so reading JSON and writing SQLite overlap.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "wardscope/plan_json.hpp"
#include "wardscope/store.hpp"

namespace wardscope {

struct ImportResult {
    ImportReport report;            // what was written (empty unless ok())
    std::vector<Problem> problems;  // every problem of every file, and of the files as a set
    bool ok() const { return problems.empty(); }
};

// Plan-file text already in memory, named for messages.
struct PlanText {
    std::string name;
    std::string text;
};

// When any file has a problem nothing is written (the transaction is rolled
// back) and every problem is returned. Database failures throw Error.
ImportResult import_plan_files(Store& store, const Taxonomy& taxonomy, const std::vector<std::filesystem::path>& files);
ImportResult import_plan_texts(Store& store, const Taxonomy& taxonomy, const std::vector<PlanText>& texts);
// The same for any source: parse(i) gives file i; it runs on another thread.
ImportResult import_parsed(Store& store, const Taxonomy& taxonomy, std::size_t count,
                           const std::function<ParseResult(std::size_t)>& parse);

}  // namespace wardscope
