#include <cstdlib>
#include <unistd.h>

#include "commands.hpp"

namespace wardscope::cli {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir() {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::current_path() : self.parent_path();
}

}  // namespace

fs::path default_data_dir() {
    if (const char* env = std::getenv("WARDSCOPE_DATA"); env && *env) return env;
    for (const fs::path& candidate : {executable_dir() / ".." / "data", executable_dir() / "data", fs::current_path() / "data"})
        if (fs::exists(candidate / "themes.json")) return fs::weakly_canonical(candidate);
    return fs::current_path() / "data";
}

fs::path default_database() {
    if (const char* env = std::getenv("WARDSCOPE_DB"); env && *env) return env;
    return executable_dir() / "wardscope.db";
}

DataPaths data_paths(const fs::path& data_dir) { return {data_dir / "themes.json", data_dir / "actors.json"}; }

}  // namespace wardscope::cli
