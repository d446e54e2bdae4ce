#include "clilibrary.h"

#include "backupservice.h"
#include "catalogbackup.h"

#include <QDir>

namespace kindred {

LibraryPaths CliLibrary::pathsFor(const CliContext& ctx)
{
    return ctx.globals.libraryDir.isEmpty() ? LibraryPaths::standard() : LibraryPaths(ctx.globals.libraryDir);
}

CliLibrary::CliLibrary(CliContext& ctx) : m_paths(pathsFor(ctx))
{
    QString error;
    if (!m_paths.ensureExists(&error)) {
        ctx.err << "kindred-cli: library " << m_paths.root() << ": " << error << '\n';
        m_exitCode = ExitLibraryError;
        return;
    }
    if (!m_catalog.open(m_paths.catalogFile())) {
        if (m_catalog.isDamaged()) {
            explainDamage(ctx, m_paths.catalogFile(), m_catalog.lastCheck().problems);
            m_exitCode = ExitDamaged;
            return;
        }
        ctx.err << "kindred-cli: cannot open the catalog " << m_paths.catalogFile() << ": "
                << m_catalog.errorString() << '\n';
        m_exitCode = ExitLibraryError;
    }
}

void CliLibrary::explainDamage(CliContext& ctx, const QString& catalogPath, const QStringList& problems)
{
    ctx.err << "kindred-cli: the catalog " << QDir::toNativeSeparators(catalogPath)
            << " is damaged (a disk error, a sync tool or a crash can do this). Nothing was changed.\n";
    int shown = 0;
    for (const QString& p : problems)
        for (const QString& line : p.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (shown++ < 5)
                ctx.err << "  SQLite: " << line << '\n';
    const QList<CatalogBackup::Info> backups =
        CatalogBackup::list(CatalogBackup::defaultDirectory(catalogPath));
    if (backups.isEmpty()) {
        ctx.err
            << "There is no backup of this catalog. Names written to the photos (kindred-cli write-names) "
               "come back when a new library scans them: move the damaged catalog aside and scan the "
               "folders again.\n";
        return;
    }
    const CatalogBackup::Info& newest = backups.first();
    const CatalogBackup::Contents c = CatalogBackup::contents(newest.path);
    ctx.err << "To go back to the newest backup (" << newest.created.toLocalTime().toString(Qt::ISODate)
            << ", " << c.people << " people, " << c.namedFaces << " named faces):\n"
            << "  kindred-cli restore latest\n"
            << "All " << backups.size() << " backups: kindred-cli restore\n";
}

void CliLibrary::backupAfterNaming(CliContext& ctx, const QString& catalogPath)
{
    QString error;
    BackupService::backupIfDue(catalogPath, CatalogBackup::Reason::Names, BackupService::kCliNamingAgeSecs,
                               &error);
    if (!error.isEmpty())
        ctx.err << "kindred-cli: warning: the names are saved, but the catalog could not be backed up: "
                << error << '\n';
}

} // namespace kindred
