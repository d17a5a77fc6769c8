// The SQLite store: schema, import, load. Every write is one transaction and
// every statement binds its parameters.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "wardscope/model.hpp"

struct sqlite3;

namespace wardscope {

inline constexpr int schema_version = 1;

enum class OpenMode {
    read_only,   // the dashboard displaying a database: never writes
    read_write,  // must already exist and hold a wardscope schema
    create,      // creates the file and schema when missing
};

class Store {
public:
    // Throws Error with a specific message: not a SQLite file, newer schema,
    // missing file, locked, read-only… The file is never modified on failure.
    static Store open(const std::filesystem::path& path, OpenMode mode);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    sqlite3* handle() const { return db_; }
    const std::filesystem::path& path() const { return path_; }
    int user_version() const;

private:
    Store(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

struct ImportReport {
    std::vector<std::string> added_plans;
    std::vector<std::string> replaced_plans;
    std::size_t nodes = 0, measures = 0, indicators = 0, swot_items = 0, observations = 0;
};

// Stores the taxonomy (themes, actors) and the plans in one transaction: all or
// nothing. A plan already present (same id) is replaced; user data (observations
// entered by users or from CSV, notes, votes, slides) is kept.
ImportReport import_plans(Store& store, const Taxonomy& taxonomy, const std::vector<PlanFile>& plan_files);

// KPI observations from CSV: header plan_id,indicator_id,fiscal_year,value,source[,sample].
// Errors name the line. All rows or none.
std::size_t import_observations_csv(Store& store, std::string_view csv_text, const std::string& file_name);

// Everything the dashboard shows, in one read.
Dataset load_dataset(const Store& store);

// Plans back out as plan files (with their plan-file observations).
std::vector<PlanFile> export_plan_files(const Dataset& dataset);
std::string observations_to_csv(const std::vector<Observation>& observations);

}  // namespace wardscope
