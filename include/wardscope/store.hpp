// The SQLite store: schema, import, load. Every write is one transaction and
// every statement binds its parameters.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/csv.hpp"
#include "wardscope/model.hpp"

struct sqlite3;

namespace wardscope {

// PRAGMA user_version of the current schema (docs/schema.md). Older versions
// are upgraded by the first read-write open, after a backup copy is written
// beside the file (wardscope.db.v1-backup); newer ones are refused.
inline constexpr int schema_version = 5;
// PRAGMA application_id of a wardscope database ("WSCP"), since version 2.
inline constexpr std::int64_t application_id = 0x57534350;

enum class OpenMode {
    read_only,   // the dashboard displaying a database: never writes
    read_write,  // must already exist and hold a wardscope schema
    create,      // creates the file and schema when missing
};

class Store {
public:
    // Throws Error with a specific message: not a SQLite file, empty,
    // truncated, newer schema, missing file, locked, read-only file or folder…
    // The file is never modified on failure. A read-write open of an older
    // schema version migrates it (one transaction, after a backup copy); a
    // read-only open of a writable file rolls back an interrupted import.
    static Store open(const std::filesystem::path& path, OpenMode mode);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    sqlite3* handle() const { return db_; }
    const std::filesystem::path& path() const { return path_; }
    int user_version() const;

    // Set when open() upgraded an older schema: the version it had and the
    // backup copy written beside it before the upgrade.
    struct Upgrade {
        int from_version = 0;
        std::filesystem::path backup;
    };
    const std::optional<Upgrade>& upgrade() const { return upgrade_; }

private:
    Store(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    std::optional<Upgrade> upgrade_;
};

struct ImportReport {
    std::vector<std::string> added_plans;
    std::vector<std::string> replaced_plans;
    std::size_t nodes = 0, measures = 0, indicators = 0, swot_items = 0, observations = 0;
};

// Stores the taxonomy (themes, actors) and the plans in one transaction: all or
// nothing. A plan already present (same id) is replaced; user data (observations
// entered by users or from CSV, notes, votes, slides) is kept. Plan files still
// to be parsed go through import_plan_files (plan_import.hpp).
ImportReport import_plans(Store& store, const Taxonomy& taxonomy, const std::vector<PlanFile>& plan_files);

// KPI observations from CSV: header plan_id,indicator_id,fiscal_year,value,source[,sample].
// Errors name the line. All rows or none. Returns the rows stored.
std::size_t import_observations_csv(Store& store, std::string_view csv_text, const std::string& file_name);

// Several CSV files in one transaction: every file or none. Each file is read
// as a stream in the encoding it was saved in (csv.hpp). The first 100
// problems of all files are reported with the count of the rest. Two rows for
// the same plan, indicator and fiscal year (in any notation) are a problem
// naming both lines. A row equal to an observation already stored from CSV is
// left as it is; a different value for it is a problem, unless `replace`.
struct CsvInput {
    std::string name;             // as named in messages
    std::string text;             // the bytes, when path is empty
    std::filesystem::path path;   // read from here, a chunk at a time
};
struct CsvFileImport {
    CsvEncoding encoding = CsvEncoding::ascii;
    std::size_t added = 0, replaced = 0, unchanged = 0;  // rows stored anew, values changed, rows already there
};
std::vector<CsvFileImport> import_observations_csv(Store& store, const std::vector<CsvInput>& files, bool replace = false);

// One observation typed into the app (origin "user"), checked like a CSV row
// (plan, indicator, fiscal year in either notation, a finite number, a source).
// One transaction; a second value for the same indicator and year is refused.
// Returns the row id, for undo. Throws Error listing every problem.
std::int64_t add_user_observation(Store& store, const std::string& plan_id, const std::string& indicator_id,
                                  std::string_view fiscal_year, std::string_view value, std::string_view source);
// Undo: removes a user-entered observation; false when there was none with that id.
bool delete_user_observation(Store& store, std::int64_t id);

// Everything the dashboard shows, in one read.
Dataset load_dataset(const Store& store);

// The same read in two steps from one snapshot, for a dashboard that shows
// the plans before their KPI history (the bulk of the rows) has been read:
// plans() first, then observations(), which may run on another thread (never
// both at once). The store is opened read-only by the caller.
// HistoryRead::beside_plans: plans() starts reading the KPI history on a
// second connection, beside the plans (faster when the history is wanted
// soon: observations() takes it); later: observations() reads it then.
enum class HistoryRead { later, beside_plans };
class BesideRead;  // that second connection's read (store.cpp)

class DatasetReader {
public:
    explicit DatasetReader(Store store, HistoryRead history = HistoryRead::later);
    ~DatasetReader();  // ends the read when observations() was not called
    DatasetReader(const DatasetReader&) = delete;
    DatasetReader& operator=(const DatasetReader&) = delete;

    void begin();                              // the snapshot starts (plans() starts it too)
    Dataset plans();                           // everything but the observations
    bool any_sample_observations();            // cheap: whether the history holds sample values
    std::vector<Observation> observations();   // the KPI history; ends the read
    const Store& store() const { return store_; }  // more reads within the snapshot (notes, slides)

private:
    void end_read();
    Store store_;
    bool reading_ = false;
    HistoryRead history_;
    std::unique_ptr<BesideRead> beside_;  // the second connection's read (store.cpp)
};

// Plans back out as plan files (with their plan-file observations).
std::vector<PlanFile> export_plan_files(const Dataset& dataset);
std::string observations_to_csv(const std::vector<Observation>& observations);

}  // namespace wardscope
