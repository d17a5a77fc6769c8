// The one place that knows how each platform names the executable and the
// user's folders (include/wardscope/user_dirs.hpp).
#include "wardscope/user_dirs.hpp"

#include <cstdlib>

#ifdef _WIN32
#include <windows.h>
#endif

namespace wardscope {

namespace fs = std::filesystem;

namespace {

#ifdef _WIN32
// Environment values as wide strings: user names and folders may be Japanese.
std::optional<fs::path> env_path(const wchar_t* name) {
    const wchar_t* value = _wgetenv(name);
    if (!value || !*value) return std::nullopt;
    return fs::path(value);
}
#else
std::optional<fs::path> env_path(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return fs::path(value);
}

// $XDG_..._HOME, else ~/<fallback>; the wardscope folder inside it.
std::optional<fs::path> xdg_dir(const char* variable, const char* home_fallback) {
    if (auto xdg = env_path(variable)) return *xdg / "wardscope";
    if (auto home = env_path("HOME")) return *home / home_fallback / "wardscope";
    return std::nullopt;
}
#endif

}  // namespace

#ifdef _WIN32

std::optional<fs::path> executable_path() {
    std::wstring buffer(MAX_PATH, L'\0');
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
        if (n == 0) return std::nullopt;
        if (n < buffer.size()) return fs::path(buffer.substr(0, n));
        if (buffer.size() >= 32768) return std::nullopt;
        buffer.resize(buffer.size() * 2);
    }
}

std::optional<fs::path> user_config_dir() {
    if (auto appdata = env_path(L"APPDATA")) return *appdata / "wardscope";
    return std::nullopt;
}

std::optional<fs::path> user_data_dir() {
    for (const wchar_t* name : {L"LOCALAPPDATA", L"APPDATA"})
        if (auto dir = env_path(name)) return *dir / "wardscope";
    return std::nullopt;
}

#else

std::optional<fs::path> executable_path() {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return self;
}

std::optional<fs::path> user_config_dir() { return xdg_dir("XDG_CONFIG_HOME", ".config"); }

std::optional<fs::path> user_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share"); }

#endif

}  // namespace wardscope
