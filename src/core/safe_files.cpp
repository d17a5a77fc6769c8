#include "wardscope/safe_files.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <optional>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "wardscope/error.hpp"
#include "wardscope/file_names.hpp"
#include "wardscope/text_escape.hpp"

namespace wardscope {

namespace fs = std::filesystem;

namespace {

std::optional<std::size_t> env_bytes(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    char* end = nullptr;
    const unsigned long long n = std::strtoull(value, &end, 10);
    if (*end) return std::nullopt;
    return static_cast<std::size_t>(n);
}

#ifdef _WIN32

// "Access is denied." → "access is denied", to follow "cannot write: ".
std::string reason(DWORD err) {
    std::string text = std::system_category().message(static_cast<int>(err));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == '.')) text.pop_back();
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

Error write_error(const fs::path& path, DWORD err) {
    return Error(terminal_text(utf8_name(path)) + ": cannot write: " + reason(err));
}

// Writes everything; returns 0 or the Win32 error. WARDSCOPE_TEST_FAIL_WRITE_AFTER
// acts here as on Linux (there is no SIGSTOP to act on for the other hook).
DWORD write_all(HANDLE file, const char* data, std::size_t size) {
    const std::size_t fail_after = env_bytes("WARDSCOPE_TEST_FAIL_WRITE_AFTER").value_or(static_cast<std::size_t>(-1));
    std::size_t written = 0;
    while (written < size) {
        if (written >= fail_after) return ERROR_DISK_FULL;
        const std::size_t limit = std::min(size, fail_after);
        const auto chunk = static_cast<DWORD>(std::min<std::size_t>(limit - written, std::size_t{1} << 20));
        DWORD n = 0;
        if (!WriteFile(file, data + written, chunk, &n, nullptr)) return GetLastError();
        written += n;
    }
    return 0;
}

// A named temporary file beside the target (Windows has no unnamed files),
// deleted again unless it became the target.
struct TempFile {
    HANDLE handle = INVALID_HANDLE_VALUE;
    fs::path name;
    ~TempFile() {
        if (handle != INVALID_HANDLE_VALUE) CloseHandle(handle);
        if (!name.empty()) DeleteFileW(name.c_str());
    }
};

void open_temp(const fs::path& path, TempFile& temp) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path name = path;
        name += ".wardscope-tmp-" + std::to_string(GetCurrentProcessId()) + "-" + std::to_string(attempt);
        temp.handle = CreateFileW(name.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
        if (temp.handle != INVALID_HANDLE_VALUE) {
            temp.name = name;
            return;
        }
        if (GetLastError() != ERROR_FILE_EXISTS) throw write_error(path, GetLastError());
    }
    throw write_error(path, ERROR_FILE_EXISTS);
}

#else

// "No space left on device" → "no space left on device", to follow "cannot write: ".
std::string reason(int err) {
    std::string text = std::strerror(err);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

Error write_error(const fs::path& path, int err) {
    return Error(terminal_text(path.string()) + ": cannot write: " + reason(err));
}

// Writes everything, through short writes and EINTR; returns 0 or the errno.
// The test hooks (see the header) act here.
int write_all(int fd, const char* data, std::size_t size) {
    constexpr std::size_t never = static_cast<std::size_t>(-1);
    const std::size_t fail_after = env_bytes("WARDSCOPE_TEST_FAIL_WRITE_AFTER").value_or(never);
    std::size_t stop_after = env_bytes("WARDSCOPE_TEST_STOP_WRITE_AFTER").value_or(never);
    std::size_t written = 0;
    for (;;) {
        if (written >= stop_after) {
            std::raise(SIGSTOP);
            stop_after = never;
        }
        if (written == size) return 0;
        if (written >= fail_after) return ENOSPC;
        const std::size_t limit = std::min({size, stop_after, fail_after});
        const std::size_t chunk = std::min<std::size_t>(limit - written, std::size_t{1} << 20);
        const ssize_t n = ::write(fd, data + written, chunk);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
}

// The temporary file: unnamed (O_TMPFILE) where the file system allows, so
// that a killed process leaves nothing behind; otherwise a named one beside the target.
struct TempFile {
    int fd = -1;
    fs::path name;  // empty while unnamed
    ~TempFile() {
        if (fd >= 0) ::close(fd);
        if (!name.empty()) ::unlink(name.c_str());
    }
};

fs::path temp_name(const fs::path& path, int attempt) {
    fs::path temp = path;
    temp += ".wardscope-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(attempt);
    return temp;
}

void open_temp(const fs::path& path, const fs::path& dir, TempFile& temp) {
    if (!env_bytes("WARDSCOPE_TEST_NAMED_TEMP")) {
        temp.fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (temp.fd >= 0) return;
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) throw write_error(path, errno);
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path name = temp_name(path, attempt);
        temp.fd = ::open(name.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
        if (temp.fd >= 0) {
            temp.name = name;
            return;
        }
        if (errno != EEXIST) throw write_error(path, errno);
    }
    throw write_error(path, EEXIST);
}

// Gives the unnamed file a name beside the target, to rename it over the target.
void link_temp(const fs::path& path, TempFile& temp) {
    if (!temp.name.empty()) return;
    const std::string self = "/proc/self/fd/" + std::to_string(temp.fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path name = temp_name(path, attempt);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            temp.name = name;
            return;
        }
        if (errno != EEXIST) throw write_error(path, errno);
    }
    throw write_error(path, EEXIST);
}

void sync_folder(const fs::path& path, const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) throw write_error(path, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    // Some file systems cannot sync a folder; the rename is then as durable as they make it.
    if (rc != 0 && err != EINVAL && err != EROFS) throw write_error(path, err);
}

#endif

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::equivalent(a, b, ec) && !ec) return true;
    const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec), ec);
    if (ec) return false;
    const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec), ec);
    return !ec && ca == cb;
}

bool is_reserved_on_windows(std::string_view stem) {
    std::string upper(stem.substr(0, stem.find('.')));
    while (!upper.empty() && upper.back() == ' ') upper.pop_back();
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (upper == "CON" || upper == "PRN" || upper == "AUX" || upper == "NUL" || upper == "CONIN$" || upper == "CONOUT$")
        return true;
    return upper.size() == 4 && (upper.starts_with("COM") || upper.starts_with("LPT")) && upper[3] >= '0' && upper[3] <= '9';
}

// Cuts at most `max_bytes` bytes on a character boundary, then trailing dots and spaces.
void cut(std::string& name, std::size_t max_bytes) {
    if (name.size() > max_bytes) {
        std::size_t end = max_bytes;
        while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
        name.resize(end);
    }
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();
}

std::string lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return text;
}

}  // namespace

#ifdef _WIN32

// Windows: written to a named temporary file beside the target, flushed
// (FlushFileBuffers), then moved over the target with MoveFileExW
// (MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH). NTFS has no folder
// fsync; the write-through move is as durable as Windows makes a rename.
void write_file_atomically(const fs::path& path, std::string_view bytes, Durability durability) {
    TempFile temp;
    open_temp(path, temp);
    if (const DWORD err = write_all(temp.handle, bytes.data(), bytes.size())) throw write_error(path, err);
    if (durability == Durability::fsync && !FlushFileBuffers(temp.handle)) throw write_error(path, GetLastError());
    const BOOL closed = CloseHandle(temp.handle);
    temp.handle = INVALID_HANDLE_VALUE;
    if (!closed) throw write_error(path, GetLastError());
    const DWORD flags = MOVEFILE_REPLACE_EXISTING | (durability == Durability::fsync ? MOVEFILE_WRITE_THROUGH : 0);
    if (!MoveFileExW(temp.name.c_str(), path.c_str(), flags)) throw write_error(path, GetLastError());
    temp.name.clear();  // it is the target now
}

#else

void write_file_atomically(const fs::path& path, std::string_view bytes, Durability durability) {
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    TempFile temp;
    open_temp(path, dir, temp);
    // A file replaced keeps its permissions.
    struct stat old {};
    if (::stat(path.c_str(), &old) == 0) ::fchmod(temp.fd, old.st_mode & 07777);
    if (const int err = write_all(temp.fd, bytes.data(), bytes.size())) throw write_error(path, err);
    if (durability == Durability::fsync && ::fsync(temp.fd) != 0) throw write_error(path, errno);
    link_temp(path, temp);
    const int rc = ::close(temp.fd);
    temp.fd = -1;
    if (rc != 0) throw write_error(path, errno);
    if (::rename(temp.name.c_str(), path.c_str()) != 0) throw write_error(path, errno);
    temp.name.clear();  // it is the target now
    if (durability == Durability::fsync) sync_folder(path, dir);
}

#endif

#ifdef _WIN32

std::error_code rename_no_replace(const fs::path& from, const fs::path& to) {
    if (MoveFileExW(from.c_str(), to.c_str(), MOVEFILE_WRITE_THROUGH)) return {};
    const DWORD err = GetLastError();
    if (err == ERROR_ALREADY_EXISTS || err == ERROR_FILE_EXISTS) return std::make_error_code(std::errc::file_exists);
    return {static_cast<int>(err), std::system_category()};
}

#else

std::error_code rename_no_replace(const fs::path& from, const fs::path& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return {};
    return {errno, std::generic_category()};
}

#endif

void write_file_atomically(const fs::path& path, std::span<const std::uint8_t> bytes, Durability durability) {
    write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()), durability);
}

void refuse_database_as_output(const fs::path& target, const fs::path& db) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
        fs::path file = db;
        file += suffix;
        if (same_file(target, file))
            throw Error(terminal_text(target.string()) + " is " +
                        (*suffix ? std::string("the ") + suffix + " file of " : std::string()) + "the database " +
                        terminal_text(db.string()) + ": refusing to overwrite it, choose another output");
    }
}

std::string safe_file_stem(std::string_view name, std::size_t max_bytes) {
    std::string out;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t length = utf8_char_length_at(name, i);
        const auto c = static_cast<unsigned char>(name[i]);
        if (length == 0) {
            out += '_';
            ++i;
            continue;
        }
        const bool c1_control = length == 2 && c == 0xC2 && static_cast<unsigned char>(name[i + 1]) < 0xA0;
        if (c1_control || (length == 1 && (c < 0x20 || c == 0x7F || std::strchr("/\\:*?\"<>|", c))))
            out += '_';
        else
            out.append(name.substr(i, length));
        i += length;
    }
    for (char& c : out) {  // no "..", no hidden files
        if (c != '.') break;
        c = '_';
    }
    cut(out, max_bytes);
    if (out.empty()) out = "unnamed";
    if (is_reserved_on_windows(out)) {
        out.insert(0, "_");
        cut(out, max_bytes);
    }
    return out;
}

void FileNamer::reserve(std::string_view file_name) { taken_.insert(lower_ascii(std::string(file_name))); }

std::string FileNamer::claim(std::string_view name, std::string_view extension) {
    constexpr std::size_t max_bytes = 200;
    const std::size_t room = max_bytes > extension.size() ? max_bytes - extension.size() : 1;
    std::string file = safe_file_stem(name, room) + std::string(extension);
    for (int n = 2; taken_.contains(lower_ascii(file)); ++n) {
        const std::string suffix = "-" + std::to_string(n);
        file = safe_file_stem(name, room - suffix.size()) + suffix + std::string(extension);
    }
    taken_.insert(lower_ascii(file));
    return file;
}

}  // namespace wardscope
