// File names handed to C APIs, per platform (src/core/file_names.cpp).
// SQLite and Dear ImGui take UTF-8; fopen and access take the system's own
// form, which on Windows is a wide string (the ANSI code page cannot hold
// every name a Japanese user has).
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>

namespace wardscope {

// The name as UTF-8 (on Linux: the bytes as they are).
std::string utf8_name(const std::filesystem::path& path);
// std::fopen of a path; nullptr when it cannot be opened.
std::FILE* open_file(const std::filesystem::path& path, const char* mode);
// Whether this process may write the file (access(W_OK)).
bool can_write(const std::filesystem::path& path);

}  // namespace wardscope
