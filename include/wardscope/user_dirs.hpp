// Where this program and its user's files are, per platform (src/core/user_dirs.cpp):
// Linux follows the XDG base directories, Windows the user's AppData folders.
#pragma once

#include <filesystem>
#include <optional>

namespace wardscope {

// The running executable's own path (/proc/self/exe; GetModuleFileNameW on Windows),
// or nullopt when the system does not say.
std::optional<std::filesystem::path> executable_path();

// Settings: $XDG_CONFIG_HOME/wardscope, else ~/.config/wardscope
// (Windows: %APPDATA%\wardscope). nullopt when none of these is set.
std::optional<std::filesystem::path> user_config_dir();

// The user's own data (the default database of an installed copy):
// $XDG_DATA_HOME/wardscope, else ~/.local/share/wardscope
// (Windows: %LOCALAPPDATA%\wardscope, else %APPDATA%\wardscope).
std::optional<std::filesystem::path> user_data_dir();

}  // namespace wardscope
