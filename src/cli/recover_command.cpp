// `wardscope recover`: rolls back an interrupted write that commands which
// only display refuse to touch (include/wardscope/recover.hpp).
#include <iostream>

#include "commands.hpp"
#include "wardscope/recover.hpp"

namespace wardscope::cli {

int recover(const std::filesystem::path& db) {
    const RecoveryReport report = recover_database(db);
    if (report.rolled_back)
        std::cout << "rolled back the interrupted write in " << db.string() << "; the database and journal as found are kept as "
                  << report.backup.string() << " and " << report.backup_journal.string() << "\n";
    else if (report.backup.empty())
        std::cout << db.string() << ": no interrupted write to roll back\n";
    std::cout << "integrity_check: " << report.integrity << "\n";
    if (!report.ok()) {
        std::cerr << "wardscope: " << db.string() << " is damaged"
                  << (report.backup.empty() ? "" : "; the file as found is kept as " + report.backup.string())
                  << ": restore it from a backup or create it again with `wardscope import`\n";
        return 1;
    }
    return 0;
}

}  // namespace wardscope::cli
