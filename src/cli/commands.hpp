// The `wardscope` subcommands. Each returns the process exit code and prints
// its own messages: results to stdout, problems to stderr.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"
#include "wardscope/workshop.hpp"

namespace wardscope::cli {

struct DataPaths {
    std::filesystem::path themes;  // data/themes.json
    std::filesystem::path actors;  // data/actors.json
};

// The bundled data folder and the default database (src/cli/paths.cpp): in a
// build tree data/ and build/wardscope.db; installed, share/wardscope and the
// user's data folder; WARDSCOPE_DATA and WARDSCOPE_DB override them.
std::filesystem::path default_data_dir();
std::filesystem::path default_database();
DataPaths data_paths(const std::filesystem::path& data_dir);
// data_dir/plans/*.json, sorted.
std::vector<std::string> bundled_plan_files(const std::filesystem::path& data_dir);
// First run: the default database made from the bundled plans (never over an
// existing file: the caller checks that it is missing).
int create_default_database(const std::filesystem::path& data_dir, const std::filesystem::path& db);

// Store::open for a command that writes; says so when it upgraded the schema.
Store open_for_writing(const std::filesystem::path& db, OpenMode mode);

int validate(const DataPaths& paths, const std::vector<std::string>& files);
// Format-1 plan files written in format 2: in place (atomic replace) or into out_dir.
int migrate_plans(const DataPaths& paths, const std::vector<std::string>& files, const std::filesystem::path& out_dir);
int import_plans(const DataPaths& paths, const std::filesystem::path& db, const std::vector<std::string>& files);
int import_kpi_csv(const std::filesystem::path& db, const std::vector<std::string>& files, bool replace);
int export_data(const std::filesystem::path& db, const std::string& format, const std::filesystem::path& out_dir);
// The indicator table with baseline, target, latest observation and KPI check status, as CSV.
// `results` (optional): the CSV and user results, every revision, as `kpi import` reads them.
int export_kpi_table(const std::filesystem::path& db, const std::filesystem::path& out, const std::filesystem::path& results);
// Notes and votes as CSV or Markdown ("csv" / "md").
int export_notes(const std::filesystem::path& db, const std::string& format, const std::filesystem::path& out);
// Every item carrying a theme across plans (wardscope/theme_listing.hpp), as CSV.
struct ThemeItemsOptions {
    std::string theme_id;
    std::vector<std::string> plan_ids;  // empty: every plan
    std::string query;                  // text filter; empty: all
    std::string lang = "ja";
    std::filesystem::path out;
};
int export_theme_items(const std::filesystem::path& db, const ThemeItemsOptions& options);
// The generation diff of two plans of one municipality, as Markdown or CSV ("md" / "csv"), to
// stdout or `out` (empty: stdout). Plans of different municipalities are refused.
int diff_plans(const std::filesystem::path& db, const std::string& plan_a, const std::string& plan_b, const std::string& format,
               const std::filesystem::path& out);
// Rolls back an interrupted write after copying the database and journal aside; integrity_check.
int recover(const std::filesystem::path& db);
// One line per slide: number, name, view, plans (tab-separated).
int list_slides(const std::filesystem::path& db);

// `wardscope groups list|add|remove` (wardscope/municipality_groups.hpp).
struct GroupChange {
    std::string group;
    std::vector<std::string> municipality_ids;
};
int list_groups(const std::filesystem::path& db);
// Adds (or removes) every municipality in one transaction: all or nothing.
int change_group(const std::filesystem::path& db, const GroupChange& change, bool add);
// Scripted decks, one transaction each; checked as the dashboard's slides panel checks its edits.
struct SlideAddition {
    SlideState state;                 // view, plans, language (presenting, as slides are shown)
    std::optional<std::string> name;  // none: "スライド N" / "Slide N", the first unused
    std::string notes;                // the speaker's
};
struct SlideChoice {                  // a slide by its name or by its 1-based position
    std::string name;
    std::optional<int> position;
};
int add_slide(const std::filesystem::path& db, const SlideAddition& addition, const std::vector<std::string>& known_views);
int remove_slide(const std::filesystem::path& db, const SlideChoice& choice);
// `to`: the 1-based position the slide ends at, the others shifting.
int move_slide(const std::filesystem::path& db, const SlideChoice& choice, int to);
int set_slide_notes(const std::filesystem::path& db, const SlideChoice& choice, const std::string& notes);
// Writes an export file (wardscope/safe_files.hpp): whole or not at all, never over `db` or its journals.
void write_export_file(const std::filesystem::path& db, const std::filesystem::path& path, std::string_view bytes);
// `wardscope table`: the table of a view (or "plans": the plans the filter keeps).
struct TableRequest {
    std::filesystem::path db;
    std::string view;
    std::vector<std::string> plan_ids;  // the selection (compare, KPI, explorer …)
    std::string theme_id;               // the filter bar's theme
    std::string lang = "ja";
    std::string format = "csv";         // csv / xlsx
    std::filesystem::path out;
    std::map<std::string, std::string> view_options;  // "heatmap.mode" → "share", as slides save them
};
int write_view_table(const TableRequest& request);
// `force`: replace an existing file (and any journal beside it).
int generate(const DataPaths& paths, const GenerateOptions& options, const std::filesystem::path& out, bool force);

}  // namespace wardscope::cli
