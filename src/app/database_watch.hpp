// Whether another process changed the database file (an import, another
// wardscope): its modification time and size, and those of its WAL. The
// dashboard owns the one watch; its own writes are taken as the new state.
#pragma once

#include <cstdint>
#include <filesystem>

namespace wardscope::app {

class DatabaseWatch {
public:
    explicit DatabaseWatch(std::filesystem::path db);
    // True when the file changed since the last call or accept().
    bool changed();
    // Takes the file as it is now (after our own write).
    void accept();

private:
    struct Stamp {
        std::filesystem::file_time_type db_time{}, wal_time{};
        std::uintmax_t db_size = 0, wal_size = 0;
        bool operator==(const Stamp&) const = default;
    };
    Stamp now() const;

    std::filesystem::path db_;
    Stamp stamp_;
};

}  // namespace wardscope::app
