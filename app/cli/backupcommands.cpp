// kindred-cli check | backup | restore : the catalog's health and its backups (docs/reliability.md).
#include "backupservice.h"
#include "catalog.h"
#include "catalogbackup.h"
#include "catalogcheck.h"
#include "clicommand.h"
#include "clilibrary.h"
#include "libraryservice.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kindred {
namespace {

// The library's catalog file, or an empty string (said on stderr) when there is none.
QString existingCatalog(CliContext& ctx, const char* command)
{
    const QString catalog = CliLibrary::pathsFor(ctx).catalogFile();
    if (QFileInfo::exists(catalog))
        return catalog;
    ctx.err << "kindred-cli " << command << ": there is no catalog at " << QDir::toNativeSeparators(catalog)
            << '\n';
    return {};
}

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString contentsText(const CatalogBackup::Contents& c)
{
    return QStringLiteral("%1 photos, %2 faces, %3 people, %4 named faces")
        .arg(c.photos)
        .arg(c.faces)
        .arg(c.people)
        .arg(c.namedFaces);
}

QJsonObject contentsJson(const CatalogBackup::Contents& c)
{
    return {{QStringLiteral("schema_version"), c.schemaVersion},
            {QStringLiteral("photos"), c.photos},
            {QStringLiteral("faces"), c.faces},
            {QStringLiteral("people"), c.people},
            {QStringLiteral("named_faces"), c.namedFaces}};
}

QString whenText(const QDateTime& utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

int runCheck(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks the whole catalog (SQLite integrity_check and foreign_key_check) without "
                       "changing it. Exit code 0 when healthy, 5 when damaged."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parser.process(args);
    const QString catalog = existingCatalog(ctx, "check");
    if (catalog.isEmpty())
        return ExitLibraryError;
    const CatalogCheck::Result result = CatalogCheck::run(catalog, CatalogCheck::Level::Full);
    if (result.ok)
        QFile::remove(Catalog::checkNeededMarker(catalog)); // a full check passed
    const QList<CatalogBackup::Info> backups = CatalogBackup::list(CatalogBackup::defaultDirectory(catalog));
    const CatalogBackup::Contents contents =
        result.ok ? CatalogBackup::contents(catalog) : CatalogBackup::Contents{};
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("catalog"), catalog},
                      {QStringLiteral("ok"), result.ok},
                      {QStringLiteral("readable"), result.readable},
                      {QStringLiteral("problems"), QJsonArray::fromStringList(result.problems)},
                      {QStringLiteral("milliseconds"), result.elapsedMs},
                      {QStringLiteral("backups"), int(backups.size())}};
        if (result.ok)
            o.insert(QStringLiteral("contents"), contentsJson(contents));
        if (!backups.isEmpty())
            o.insert(QStringLiteral("newest_backup"), backups.first().path);
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    if (!result.ok && result.couldNotCheck) {
        ctx.err << "kindred-cli check: " << CatalogCheck::describe(result) << '\n';
        return ExitFailure;
    }
    if (!result.ok) {
        CliLibrary::explainDamage(ctx, catalog, result.problems);
        return ExitDamaged;
    }
    if (!parser.isSet(QStringLiteral("json"))) {
        ctx.out << "The catalog " << QDir::toNativeSeparators(catalog) << " is healthy (full check, "
                << result.elapsedMs << " ms): " << contentsText(contents) << ".\n";
        if (backups.isEmpty())
            ctx.out << "No backups yet (kindred-cli backup makes one).\n";
        else
            ctx.out << backups.size() << " backups in "
                    << QDir::toNativeSeparators(QFileInfo(backups.first().path).absolutePath())
                    << ", the newest from " << whenText(backups.first().created) << ".\n";
    }
    return ExitOk;
}

int runBackup(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Backs up the catalog (names, confirmations, rejections, faces) with SQLite's online backup, safe "
        "while Kindred runs. Without --to the backup goes into the library's backups folder, where "
        "kindred-cli restore finds it; manual backups are never removed automatically."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Write the backup into DIR instead."), QStringLiteral("DIR")});
    parser.process(args);
    const QString catalog = existingCatalog(ctx, "backup");
    if (catalog.isEmpty())
        return ExitLibraryError;
    const CatalogCheck::Result check = CatalogCheck::run(catalog, CatalogCheck::Level::Quick);
    if (!check.ok && check.couldNotCheck) {
        ctx.err << "kindred-cli backup: " << CatalogCheck::describe(check) << '\n';
        return ExitFailure;
    }
    if (!check.ok) {
        ctx.err << "kindred-cli backup: a copy of a damaged catalog is no backup; nothing was written.\n";
        CliLibrary::explainDamage(ctx, catalog, check.problems);
        return ExitDamaged;
    }
    QString error;
    QString path;
    if (parser.isSet(QStringLiteral("to"))) {
        path = QDir(parser.value(QStringLiteral("to")))
                   .absoluteFilePath(CatalogBackup::fileName(QDateTime::currentDateTimeUtc(),
                                                             CatalogBackup::Reason::Manual));
        if (!CatalogBackup::copy(catalog, path, &error))
            path.clear();
    } else {
        path = CatalogBackup::create(catalog, CatalogBackup::defaultDirectory(catalog),
                                     CatalogBackup::Reason::Manual, &error);
    }
    if (path.isEmpty()) {
        ctx.err << "kindred-cli backup: " << error << "; the catalog is unchanged.\n";
        return ExitFailure;
    }
    ctx.out << "Backed up to " << QDir::toNativeSeparators(path) << " (" << megabytes(QFileInfo(path).size())
            << ", " << contentsText(CatalogBackup::contents(path)) << ").\n";
    return ExitOk;
}

int runRestore(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Without BACKUP: lists the catalog's backups, newest first. With BACKUP (a number from that list, "
        "'latest' or a file): replaces the catalog with it. The replaced catalog is kept beside it, and "
        "backed up first when it is healthy. Close Kindred before restoring."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("List as JSON on stdout.")});
    parser.addPositionalArgument(QStringLiteral("backup"), QStringLiteral("N, latest or a backup file."),
                                 QStringLiteral("[BACKUP]"));
    parser.process(args);
    const QString catalog = CliLibrary::pathsFor(ctx).catalogFile();
    const QList<CatalogBackup::Info> backups = CatalogBackup::list(CatalogBackup::defaultDirectory(catalog));
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const CatalogBackup::Info& b : backups) {
                QJsonObject o{{QStringLiteral("path"), b.path},
                              {QStringLiteral("created"), b.created.toString(Qt::ISODate)},
                              {QStringLiteral("reason"), CatalogBackup::reasonName(b.reason)},
                              {QStringLiteral("bytes"), b.bytes}};
                o.insert(QStringLiteral("contents"), contentsJson(CatalogBackup::contents(b.path)));
                list.append(o);
            }
            ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (backups.isEmpty()) {
            ctx.out << "No backups of " << QDir::toNativeSeparators(catalog)
                    << " yet. kindred-cli backup makes one; Kindred makes them daily and after naming.\n";
            return ExitOk;
        }
        ctx.out << "Backups of " << QDir::toNativeSeparators(catalog) << ", newest first:\n";
        int n = 0;
        for (const CatalogBackup::Info& b : backups)
            ctx.out << QStringLiteral("%1  %2  %3  %4  %5\n")
                           .arg(++n, 3)
                           .arg(whenText(b.created), CatalogBackup::reasonName(b.reason).leftJustified(15),
                                megabytes(b.bytes).rightJustified(9),
                                contentsText(CatalogBackup::contents(b.path)));
        ctx.out << "Restore one with: kindred-cli restore N (or latest, or a file)\n";
        return ExitOk;
    }
    const QString which = positional.first();
    QString backup;
    bool isNumber = false;
    const int index = which.toInt(&isNumber);
    if (which == QLatin1String("latest")) {
        if (backups.isEmpty()) {
            ctx.err << "kindred-cli restore: there are no backups of " << QDir::toNativeSeparators(catalog)
                    << '\n';
            return ExitFailure;
        }
        backup = backups.first().path;
    } else if (isNumber) {
        if (index < 1 || index > backups.size()) {
            ctx.err << "kindred-cli restore: there is no backup number " << which
                    << " (see kindred-cli restore)\n";
            return ExitUsage;
        }
        backup = backups.at(index - 1).path;
    } else {
        backup = QFileInfo(which).absoluteFilePath();
        if (!QFileInfo::exists(backup)) {
            ctx.err << "kindred-cli restore: " << which << " does not exist\n";
            return ExitUsage;
        }
    }
    QString keptAs;
    QString error;
    if (!LibraryService::restoreBackup(catalog, backup, &keptAs, &error)) {
        ctx.err << "kindred-cli restore: " << error << ". Nothing was changed.\n";
        return ExitFailure;
    }
    Catalog reopened; // brings a backup of an older schema up to date (with its own backup first)
    if (!reopened.open(catalog)) {
        ctx.err << "kindred-cli restore: the restored catalog cannot be opened: " << reopened.errorString()
                << '\n';
        return ExitLibraryError;
    }
    reopened.close();
    ctx.out << "Restored " << QDir::toNativeSeparators(backup) << " ("
            << contentsText(CatalogBackup::contents(catalog)) << ").\n";
    if (!keptAs.isEmpty())
        ctx.out << "The replaced catalog is kept as " << QDir::toNativeSeparators(keptAs) << ".\n";
    return ExitOk;
}

const bool registered =
    registerCliCommand(
        {QStringLiteral("check"), QStringLiteral("check the catalog for damage"), &runCheck}) &&
    registerCliCommand({QStringLiteral("backup"), QStringLiteral("back up the catalog"), &runBackup}) &&
    registerCliCommand(
        {QStringLiteral("restore"), QStringLiteral("list backups or restore one"), &runRestore});

} // namespace
} // namespace kindred
