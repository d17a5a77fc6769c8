// The `wardscope` subcommands. Each returns the process exit code and prints
// its own messages: results to stdout, problems to stderr.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "wardscope/store.hpp"
#include "wardscope/synthetic.hpp"

namespace wardscope::cli {

struct DataPaths {
    std::filesystem::path themes;  // data/themes.json
    std::filesystem::path actors;  // data/actors.json
};

// The bundled data/ folder and database, found next to the executable
// (build/wardscope → data/, build/wardscope.db) unless overridden.
std::filesystem::path default_data_dir();
std::filesystem::path default_database();
DataPaths data_paths(const std::filesystem::path& data_dir);

// Store::open for a command that writes; says so when it upgraded the schema.
// Throws Error naming the file when it cannot be written.
void write_text_file(const std::filesystem::path& path, const std::string& text);

Store open_for_writing(const std::filesystem::path& db, OpenMode mode);

int validate(const DataPaths& paths, const std::vector<std::string>& files);
int import_plans(const DataPaths& paths, const std::filesystem::path& db, const std::vector<std::string>& files);
int import_kpi_csv(const std::filesystem::path& db, const std::vector<std::string>& files, bool replace);
int export_data(const std::filesystem::path& db, const std::string& format, const std::filesystem::path& out_dir);
// The indicator table with baseline, target, latest observation and KPI check status, as CSV.
int export_kpi_table(const std::filesystem::path& db, const std::filesystem::path& out);
// Notes and votes as CSV or Markdown ("csv" / "md").
int export_notes(const std::filesystem::path& db, const std::string& format, const std::filesystem::path& out);
// One line per slide: number, name, view, plans (tab-separated).
int list_slides(const std::filesystem::path& db);
// `force`: replace an existing file (and any journal beside it).
int generate(const DataPaths& paths, const GenerateOptions& options, const std::filesystem::path& out, bool force);

}  // namespace wardscope::cli
