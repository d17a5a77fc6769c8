#include "wardscope/file_names.hpp"

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace wardscope {

#ifdef _WIN32

std::string utf8_name(const std::filesystem::path& path) {
    const std::u8string name = path.u8string();
    return std::string(name.begin(), name.end());
}

std::FILE* open_file(const std::filesystem::path& path, const char* mode) {
    const std::wstring wide_mode(mode, mode + std::char_traits<char>::length(mode));
    return _wfopen(path.c_str(), wide_mode.c_str());
}

bool can_write(const std::filesystem::path& path) { return _waccess(path.c_str(), 2) == 0; }

#else

std::string utf8_name(const std::filesystem::path& path) { return path.string(); }

std::FILE* open_file(const std::filesystem::path& path, const char* mode) { return std::fopen(path.c_str(), mode); }

bool can_write(const std::filesystem::path& path) { return ::access(path.c_str(), W_OK) == 0; }

#endif

}  // namespace wardscope
