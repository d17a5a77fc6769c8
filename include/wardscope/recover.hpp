// `wardscope recover`: an interrupted write (a hot journal beside the
// database) rolled back on purpose, never by a command that only displays.
#pragma once

#include <filesystem>
#include <string>

namespace wardscope {

struct RecoveryReport {
    bool rolled_back = false;                  // a hot journal was rolled back
    std::filesystem::path backup;              // the database as found (empty when nothing was rolled back)
    std::filesystem::path backup_journal;      // the journal as found
    std::string integrity;                     // PRAGMA integrity_check: "ok" or its first problems
    bool ok() const { return integrity == "ok"; }
};

// When a hot journal lies beside `db`: copies the database and the journal
// aside (DB.before-recover, DB.before-recover-journal), rolls the journal back
// on a trial copy first, and only when that gives an intact wardscope
// database rolls it back into `db` itself; then runs PRAGMA integrity_check.
// Without a journal it only runs the check. Throws Error (the database
// unchanged) when the journal does not fit the database: a stale journal of
// another file, e.g. one copied over this one.
RecoveryReport recover_database(const std::filesystem::path& db);

}  // namespace wardscope
