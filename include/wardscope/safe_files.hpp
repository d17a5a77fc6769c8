// Every file wardscope writes goes through here: written whole or not at all,
// named so that it stays inside the folder it belongs in, never over the database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

namespace wardscope {

enum class Durability {
    fsync,  // the file and its folder reach the disk before the call returns (user files)
    rename_only,  // still all or nothing, not flushed (files rewritten every frame for tests)
};

// Writes `bytes` to an unnamed temporary file in `path`'s folder, checks every
// write and the close, fsyncs it, then renames it over `path` and fsyncs the
// folder. On any failure `path` keeps its old content (or stays absent), no
// temporary file is left and Error says why ("PATH: cannot write: No space left
// on device"). A SIGKILL at any moment leaves the old file or the new one, whole.
// Test hooks (environment): WARDSCOPE_TEST_FAIL_WRITE_AFTER=N makes writes past
// N bytes of a file fail with ENOSPC; WARDSCOPE_TEST_STOP_WRITE_AFTER=N stops
// the process (SIGSTOP) once N bytes of a file are written, for a test to kill it;
// WARDSCOPE_TEST_NAMED_TEMP=1 uses the named temporary file (the fallback for
// file systems without O_TMPFILE) everywhere.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           Durability durability = Durability::fsync);
void write_file_atomically(const std::filesystem::path& path, std::span<const std::uint8_t> bytes,
                           Durability durability = Durability::fsync);

// Renames `from` to `to` only when no `to` exists, atomically (Linux: renameat2
// with RENAME_NOREPLACE; Windows: MoveFileExW without MOVEFILE_REPLACE_EXISTING).
// The error, if any; std::errc::file_exists when `to` exists.
std::error_code rename_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);

// Throws Error when `target` is the database `db` or one of its journals
// (-journal, -wal, -shm): by path after resolving links and `..`, or by inode.
void refuse_database_as_output(const std::filesystem::path& target, const std::filesystem::path& db);

// A file name made from data (a plan id, a slide name) that names a file in
// the folder it is joined to, on Linux, macOS and Windows: path separators,
// control characters, invalid UTF-8 and the characters Windows forbids become
// '_', leading dots become '_' (no "..", no hidden files), trailing dots and
// spaces are cut, reserved device names (CON, NUL, COM1 …) get a '_' prefix,
// and the result is at most `max_bytes` bytes, cut on a UTF-8 boundary.
// Empty names become "unnamed".
std::string safe_file_stem(std::string_view name, std::size_t max_bytes = 200);

// Names for the files of one export: safe stems, and two items that map to the
// same name (also differing only in case, for case-insensitive file systems)
// get "-2", "-3" … instead of overwriting each other.
class FileNamer {
public:
    // Reserves a fixed name the export also writes (e.g. "observations.csv").
    void reserve(std::string_view file_name);
    // A new, unique "stem.extension" (extension with its dot, e.g. ".json").
    std::string claim(std::string_view name, std::string_view extension);

private:
    std::set<std::string> taken_;  // file names claimed so far, ASCII lower-cased
};

}  // namespace wardscope
