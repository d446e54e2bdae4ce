#pragma once

#include <QString>
#include <QStringList>

namespace kindred {

// Checks a catalog file with SQLite's own consistency checks, on a separate read-only connection (safe
// while the app and other kindred-cli processes have the catalog open).
//
// Quick: `PRAGMA quick_check` — every page, record and b-tree structure (O(file size)), not the contents of
// the indexes. Full: `PRAGMA integrity_check` (also every index against its table) and
// `PRAGMA foreign_key_check`. Catalog::open runs the quick check on every open and the full one after a
// session that did not end cleanly; `kindred-cli check` runs the full one.
class CatalogCheck {
public:
    enum class Level { Quick, Full };

    struct Result {
        bool ok = false;       // the file is a readable SQLite database with no problem found
        bool readable = false; // false: the file could not be opened or read at all (missing, not SQLite)
        // The check could not run to the end for a reason outside the file's contents (an I/O error, no
        // space for SQLite's shared-memory file, a lock held too long): not a verdict on the catalog.
        bool couldNotCheck = false;
        Level level = Level::Quick;
        QStringList problems; // SQLite's own messages (at most kMaxProblems), empty when ok
        qint64 elapsedMs = 0;
    };
    static constexpr int kMaxProblems = 20;

    static Result run(const QString& catalogPath, Level level);
    // PRAGMA user_version read on a read-only connection (-1 when the file cannot be read as SQLite).
    static int schemaVersion(const QString& catalogPath);
    // A sentence for a family: what is wrong and what to do (the problems list stays for the details).
    static QString describe(const Result& result);
};

} // namespace kindred
