#include "app/database_watch.hpp"

namespace wardscope::app {

DatabaseWatch::DatabaseWatch(std::filesystem::path db) : db_(std::move(db)), stamp_(now()) {}

DatabaseWatch::Stamp DatabaseWatch::now() const {
    Stamp s;
    std::error_code ec;
    s.db_time = std::filesystem::last_write_time(db_, ec);
    s.db_size = std::filesystem::file_size(db_, ec);
    auto wal = db_;
    wal += "-wal";
    s.wal_time = std::filesystem::last_write_time(wal, ec);
    s.wal_size = std::filesystem::file_size(wal, ec);
    if (ec) s.wal_size = 0;
    return s;
}

bool DatabaseWatch::changed() {
    const Stamp latest = now();
    if (latest == stamp_) return false;
    stamp_ = latest;
    return true;
}

void DatabaseWatch::accept() { stamp_ = now(); }

}  // namespace wardscope::app
