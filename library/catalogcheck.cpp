#include "catalogcheck.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <sqlite3.h>

namespace kindred {

namespace {

// Runs a PRAGMA that returns rows of text and appends them to `rows` (at most `limit`). Returns the
// sqlite result code of the statement.
int collectRows(sqlite3* db, const char* sql, QStringList* rows, int limit)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        rows->append(QString::fromUtf8(sqlite3_errmsg(db)));
        return rc;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (rows->size() >= limit)
            continue;
        QStringList columns;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            columns << (text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
        }
        rows->append(columns.join(QLatin1Char(' ')));
    }
    if (rc != SQLITE_DONE)
        rows->append(QString::fromUtf8(sqlite3_errmsg(db)));
    sqlite3_finalize(stmt);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

} // namespace

CatalogCheck::Result CatalogCheck::run(const QString& catalogPath, Level level)
{
    Result result;
    result.level = level;
    QElapsedTimer timer;
    timer.start();
    const QFileInfo info(catalogPath);
    if (!info.exists()) {
        result.problems << QStringLiteral("the catalog file %1 does not exist").arg(catalogPath);
        return result;
    }
    sqlite3* db = nullptr;
    const QByteArray path = info.absoluteFilePath().toUtf8();
    // Read-only, but not immutable: a WAL left by a crash is read like any reader does.
    int rc = sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        result.couldNotCheck = true;
        result.problems << QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        result.elapsedMs = timer.elapsed();
        return result;
    }
    sqlite3_busy_timeout(db, 10000);
    // Read the file through a memory map: half the time of copying every page into SQLite's cache
    // (bench_catalog: quick_check of a 1 GB catalog 1.2 -> 0.66 s).
    sqlite3_exec(db, "PRAGMA mmap_size=2147418112", nullptr, nullptr, nullptr);
    QStringList rows;
    const char* sql = level == Level::Full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)";
    rc = collectRows(db, sql, &rows, kMaxProblems);
    result.readable = rc == SQLITE_OK || !rows.isEmpty();
    if (rc == SQLITE_NOTADB)
        result.readable = false;
    const int primary = rc & 0xff;
    result.couldNotCheck = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL ||
                           primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_NOMEM ||
                           primary == SQLITE_READONLY || primary == SQLITE_PERM;
    if (rc == SQLITE_OK && rows == QStringList{QStringLiteral("ok")}) {
        rows.clear();
        if (level == Level::Full) {
            QStringList fk;
            rc = collectRows(db, "PRAGMA foreign_key_check", &fk, kMaxProblems);
            for (const QString& row : std::as_const(fk))
                rows << QStringLiteral("foreign key violation: %1").arg(row);
        }
    }
    sqlite3_close(db);
    result.problems = rows.mid(0, kMaxProblems);
    result.ok = rc == SQLITE_OK && result.problems.isEmpty();
    result.elapsedMs = timer.elapsed();
    return result;
}

int CatalogCheck::schemaVersion(const QString& catalogPath)
{
    sqlite3* db = nullptr;
    int version = -1;
    if (sqlite3_open_v2(QFileInfo(catalogPath).absoluteFilePath().toUtf8().constData(), &db,
                        SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 10000);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            version = sqlite3_column_int(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return version;
}

QString CatalogCheck::describe(const Result& result)
{
    if (result.ok)
        return QStringLiteral("The catalog is healthy.");
    if (result.couldNotCheck)
        return QStringLiteral("The catalog could not be read to the end (%1); nothing was changed.")
            .arg(result.problems.value(0));
    if (!result.readable)
        return QStringLiteral("The catalog file cannot be read as a database (it is missing, cut short or "
                              "overwritten). Kindred has not changed it.");
    return QStringLiteral(
               "The catalog file is damaged (SQLite found %1 problem(s), e.g. from a disk error, a "
               "sync tool or a crash of the computer). Kindred has not changed it.")
        .arg(result.problems.size());
}

} // namespace kindred
