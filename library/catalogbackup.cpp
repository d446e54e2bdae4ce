#include "catalogbackup.h"

#include "backuprotation.h"
#include "catalogcheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <filesystem>
#include <sqlite3.h>
#include <system_error>

namespace kindred {

namespace {

constexpr auto kTimeFormat = "yyyyMMdd-HHmmss-zzz";

struct Reasons {
    CatalogBackup::Reason reason;
    const char* name;
};
constexpr Reasons kReasons[] = {
    {CatalogBackup::Reason::Manual, "manual"},
    {CatalogBackup::Reason::Daily, "daily"},
    {CatalogBackup::Reason::Names, "names"},
    {CatalogBackup::Reason::Upgrade, "before-upgrade"},
    {CatalogBackup::Reason::Model, "before-model"},
    {CatalogBackup::Reason::Finetune, "before-finetune"},
    {CatalogBackup::Reason::Restore, "before-restore"},
};

QString sqliteError(sqlite3* db, int rc)
{
    if (rc == SQLITE_FULL)
        return QStringLiteral("the disk is full");
    return QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

bool renameReplacing(const QString& from, const QString& to, QString* error)
{
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(from.toStdU16String()),
                            std::filesystem::path(to.toStdU16String()), ec);
    if (ec) {
        if (error)
            *error = QStringLiteral("cannot rename %1 to %2: %3")
                         .arg(from, to, QString::fromStdString(ec.message()));
        return false;
    }
    return true;
}

qint64 countOf(sqlite3* db, const char* sql, bool* ok)
{
    sqlite3_stmt* stmt = nullptr;
    qint64 value = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    else
        *ok = false;
    sqlite3_finalize(stmt);
    return value;
}

} // namespace

QString CatalogBackup::defaultDirectory(const QString& catalogPath)
{
    return QFileInfo(catalogPath).absoluteDir().absoluteFilePath(QStringLiteral("backups"));
}

QString CatalogBackup::reasonName(Reason reason)
{
    for (const Reasons& r : kReasons)
        if (r.reason == reason)
            return QString::fromLatin1(r.name);
    return QStringLiteral("manual");
}

bool CatalogBackup::reasonFromName(const QString& name, Reason* reason)
{
    for (const Reasons& r : kReasons) {
        if (name == QLatin1String(r.name)) {
            *reason = r.reason;
            return true;
        }
    }
    return false;
}

QString CatalogBackup::fileName(const QDateTime& createdUtc, Reason reason)
{
    return QStringLiteral("catalog-%1-%2.sqlite")
        .arg(createdUtc.toUTC().toString(QLatin1String(kTimeFormat)), reasonName(reason));
}

bool CatalogBackup::copy(const QString& catalogPath, const QString& destination, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QFileInfo source(catalogPath);
    if (!source.exists())
        return fail(QStringLiteral("%1 does not exist").arg(catalogPath));
    const QFileInfo target(destination);
    if (!QDir().mkpath(target.absolutePath()))
        return fail(QStringLiteral("cannot create the folder %1").arg(target.absolutePath()));
    const QString part = target.absoluteFilePath() + QStringLiteral(".part");
    QFile::remove(part);
    QFile::remove(part + QStringLiteral("-journal"));

    sqlite3* from = nullptr;
    sqlite3* to = nullptr;
    QString message;
    int rc =
        sqlite3_open_v2(source.absoluteFilePath().toUtf8().constData(), &from, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        message = QStringLiteral("cannot read %1: %2").arg(catalogPath, sqliteError(from, rc));
    } else {
        sqlite3_busy_timeout(from, 10000);
        rc = sqlite3_open_v2(part.toUtf8().constData(), &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
        if (rc != SQLITE_OK)
            message = QStringLiteral("cannot create %1: %2").arg(part, sqliteError(to, rc));
    }
    if (message.isEmpty()) {
        sqlite3_busy_timeout(to, 10000);
        sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
        if (!backup) {
            message = QStringLiteral("cannot start the backup: %1").arg(sqliteError(to, sqlite3_errcode(to)));
        } else {
            // One step copies every page under one read transaction: a consistent snapshot of a WAL
            // catalog while writers go on.
            do {
                rc = sqlite3_backup_step(backup, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            const int finish = sqlite3_backup_finish(backup);
            if (rc != SQLITE_DONE)
                message = QStringLiteral("the backup stopped: %1").arg(sqliteError(to, rc));
            else if (finish != SQLITE_OK)
                message = QStringLiteral("the backup stopped: %1").arg(sqliteError(to, finish));
        }
    }
    if (message.isEmpty()) {
        // Leave the copy as one self-contained file (no WAL beside it).
        char* err = nullptr;
        if (sqlite3_exec(to, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &err) != SQLITE_OK)
            message = QStringLiteral("cannot finish the copy: %1").arg(QString::fromUtf8(err ? err : ""));
        sqlite3_free(err);
    }
    sqlite3_close(from);
    sqlite3_close(to);
    if (message.isEmpty()) {
        const CatalogCheck::Result check = CatalogCheck::run(part, CatalogCheck::Level::Quick);
        if (!check.ok)
            message = QStringLiteral("the copy does not check out: %1")
                          .arg(check.problems.join(QStringLiteral("; ")));
    }
    if (message.isEmpty())
        renameReplacing(part, target.absoluteFilePath(), &message);
    if (!message.isEmpty()) {
        QFile::remove(part);
        QFile::remove(part + QStringLiteral("-journal"));
        QFile::remove(part + QStringLiteral("-wal"));
        QFile::remove(part + QStringLiteral("-shm"));
        return fail(message);
    }
    return true;
}

QString CatalogBackup::create(const QString& catalogPath, const QString& directory, Reason reason,
                              QString* error, const QDateTime& nowUtc)
{
    QDateTime when = nowUtc.toUTC();
    QString path = QDir(directory).absoluteFilePath(fileName(when, reason));
    while (QFileInfo::exists(path)) {
        when = when.addMSecs(1);
        path = QDir(directory).absoluteFilePath(fileName(when, reason));
    }
    if (!copy(catalogPath, path, error))
        return {};
    for (const QString& old : BackupRotation::toRemove(list(directory)))
        QFile::remove(old);
    return path;
}

QList<CatalogBackup::Info> CatalogBackup::list(const QString& directory)
{
    static const QRegularExpression pattern(
        QStringLiteral("^catalog-(\\d{8}-\\d{6}-\\d{3})-([a-z-]+)\\.sqlite$"));
    QList<Info> backups;
    const QDir dir(directory);
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("catalog-*.sqlite")}, QDir::Files);
    for (const QFileInfo& file : files) {
        const QRegularExpressionMatch m = pattern.match(file.fileName());
        if (!m.hasMatch())
            continue;
        Info info;
        if (!reasonFromName(m.captured(2), &info.reason))
            continue;
        const QDateTime local = QDateTime::fromString(m.captured(1), QLatin1String(kTimeFormat));
        info.created = QDateTime(local.date(), local.time(), Qt::UTC);
        if (!info.created.isValid())
            continue;
        info.path = file.absoluteFilePath();
        info.bytes = file.size();
        backups << info;
    }
    std::sort(backups.begin(), backups.end(),
              [](const Info& a, const Info& b) { return a.created > b.created; });
    return backups;
}

CatalogBackup::Contents CatalogBackup::contents(const QString& path)
{
    Contents c;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(QFileInfo(path).absoluteFilePath().toUtf8().constData(), &db, SQLITE_OPEN_READONLY,
                        nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return c;
    }
    sqlite3_busy_timeout(db, 10000);
    bool ok = true;
    c.schemaVersion = static_cast<int>(countOf(db, "PRAGMA user_version", &ok));
    if (ok && c.schemaVersion >= 2) {
        c.photos = countOf(db, "SELECT count(*) FROM photos", &ok);
        c.faces = countOf(db, "SELECT count(*) FROM faces", &ok);
        c.people = countOf(db, "SELECT count(*) FROM persons", &ok);
        c.namedFaces = countOf(
            db, "SELECT count(*) FROM faces WHERE person_id IS NOT NULL AND state = 'confirmed'", &ok);
    }
    sqlite3_close(db);
    c.ok = ok;
    return c;
}

bool CatalogBackup::restore(const QString& backupPath, const QString& catalogPath, QString* keptAs,
                            QString* error)
{
    if (keptAs)
        keptAs->clear();
    const CatalogCheck::Result check = CatalogCheck::run(backupPath, CatalogCheck::Level::Full);
    if (!check.ok) {
        if (error)
            *error = QStringLiteral("the backup %1 is not usable: %2")
                         .arg(backupPath, check.problems.join(QStringLiteral("; ")));
        return false;
    }
    const QString catalog = QFileInfo(catalogPath).absoluteFilePath();
    QString aside;
    if (QFileInfo::exists(catalog)) {
        aside = catalog + QStringLiteral(".replaced-") +
                QDateTime::currentDateTimeUtc().toString(QLatin1String(kTimeFormat));
        if (!moveWithJournal(catalog, aside, error))
            return false;
    }
    QString why;
    if (!copy(backupPath, catalog, &why)) {
        if (!aside.isEmpty()) // put the catalog back as it was
            moveWithJournal(aside, catalog, nullptr);
        if (error)
            *error = QStringLiteral("cannot restore %1: %2").arg(backupPath, why);
        return false;
    }
    if (keptAs)
        *keptAs = aside;
    return true;
}

bool CatalogBackup::moveWithJournal(const QString& from, const QString& to, QString* error)
{
    if (!renameReplacing(from, to, error))
        return false;
    for (const char* suffix : {"-wal", "-shm"})
        if (QFileInfo::exists(from + QLatin1String(suffix)))
            renameReplacing(from + QLatin1String(suffix), to + QLatin1String(suffix), nullptr);
    return true;
}

} // namespace kindred
