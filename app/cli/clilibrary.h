#pragma once

#include "catalog.h"
#include "clicommand.h"
#include "librarypaths.h"

#include <QString>
#include <memory>

namespace kindred {

// Opens the library named by the global options (--library DIR, else the per-user default) for a
// command: creates the folders, opens and migrates the catalog. On failure prints the reason and
// `exitCode()` says what to return.
class CliLibrary {
public:
    explicit CliLibrary(CliContext& ctx);
    // The library named by the global options: --library DIR, else the per-user default.
    static LibraryPaths pathsFor(const CliContext& ctx);

    bool isOpen() const { return m_catalog.isOpen(); }
    int exitCode() const { return m_exitCode; }
    const LibraryPaths& paths() const { return m_paths; }
    Catalog& catalog() { return m_catalog; }
    QString catalogPath() const { return m_paths.catalogFile(); }

    // What a family reads when the catalog is damaged: what happened, that nothing was changed, and the
    // way back (the newest backup and the restore command, or names in the photos' XMP when there is none).
    static void explainDamage(CliContext& ctx, const QString& catalogPath, const QStringList& problems);
    // After a naming command: a "names" backup unless one was made in the last
    // BackupService::kCliNamingAgeSecs. A failed backup is reported but does not fail the command.
    static void backupAfterNaming(CliContext& ctx, const QString& catalogPath);

private:
    LibraryPaths m_paths;
    Catalog m_catalog;
    int m_exitCode = ExitOk;
};

} // namespace kindred
