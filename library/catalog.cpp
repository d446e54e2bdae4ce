#include "catalog.h"

#include "catalogbackup.h"
#include "catalogschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace kindred {

namespace {

// Appends why to "<catalog>.check-needed" (see Catalog::checkNeededMarker).
void markCheckNeeded(const QString& catalogPath, const QByteArray& why)
{
    QFile file(Catalog::checkNeededMarker(catalogPath));
    if (file.open(QIODevice::WriteOnly | QIODevice::Append))
        file.write(why + '\n');
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (!q.exec(sql)) {
        if (error)
            *error = QStringLiteral("%1 (in: %2)").arg(q.lastError().text(), sql.simplified().left(120));
        return false;
    }
    return true;
}

int userVersion(QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

Catalog::~Catalog()
{
    close();
}

int Catalog::latestSchemaVersion()
{
    return static_cast<int>(CatalogSchema::migrations().size());
}

QString Catalog::connectionName(const QString& path)
{
    return QStringLiteral("kindred:%1:%2")
        .arg(QFileInfo(path).absoluteFilePath())
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase Catalog::connectionForThread(const QString& path, QString* error)
{
    const QString name = connectionName(path);
    // The connections this thread made. A name already taken but not made here is the connection of a
    // thread that ended without closing it and whose id the system gave to this one: it cannot be used from
    // here (Qt refuses a connection of another thread), so it is dropped and made again.
    thread_local QSet<QString> madeHere;
    if (QSqlDatabase::contains(name) && !madeHere.contains(name))
        QSqlDatabase::removeDatabase(name);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
        if (db.open())
            return db;
        if (error)
            *error = db.lastError().text();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    madeHere.insert(name);
    db.setDatabaseName(QFileInfo(path).absoluteFilePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("cannot open catalog %1: %2").arg(path, db.lastError().text());
        return db;
    }
    QString err;
    const bool ok = exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &err) &&
                    exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), &err) &&
                    exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"), &err) &&
                    exec(db, QStringLiteral("PRAGMA busy_timeout=10000"), &err);
    if (!ok) {
        if (error)
            *error = QStringLiteral("cannot configure catalog %1: %2").arg(path, err);
        db.close();
    }
    return db;
}

void Catalog::closeThreadConnection(const QString& path)
{
    const QString name = connectionName(path);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool Catalog::fail(const QString& message)
{
    m_error = message;
    return false;
}

QString Catalog::checkNeededMarker(const QString& catalogPath)
{
    return QFileInfo(catalogPath).absoluteFilePath() + QStringLiteral(".check-needed");
}

CatalogCheck::Result Catalog::verify(const QString& catalogPath)
{
    const QString marker = checkNeededMarker(catalogPath);
    const bool full = QFileInfo::exists(marker);
    CatalogCheck::Result result =
        CatalogCheck::run(catalogPath, full ? CatalogCheck::Level::Full : CatalogCheck::Level::Quick);
    if (result.ok && full) {
        QFile::remove(marker);
    } else if (!result.ok && !result.couldNotCheck && result.readable) {
        // A later open looks again with the full check, whatever happens in between.
        markCheckNeeded(catalogPath, "a check found damage");
    }
    return result;
}

bool Catalog::checkBeforeUse(int targetVersion)
{
    m_session.begin(m_path);
    m_unclean = m_session.previousEndedUncleanly();
    if (m_unclean) {
        // Remembered until a full check passes: a crash during the check itself still leads to one.
        markCheckNeeded(m_path, QByteArray::number(m_session.staleSessions().size()) +
                                    " session(s) did not end cleanly");
    }
    const QFileInfo info(m_path);
    if (!m_checkOnOpen || !info.exists() || info.size() == 0)
        return true;
    if (m_deferCheck && !QFileInfo::exists(checkNeededMarker(m_path))) {
        // Deferred unless a migration is about to write (the version is read without a Qt connection).
        const int target = targetVersion < 0 ? latestSchemaVersion() : targetVersion;
        if (CatalogCheck::schemaVersion(m_path) >= target) {
            m_checkDeferred = true;
            return true;
        }
    }
    m_check = verify(m_path);
    if (m_check.ok)
        return true;
    if (m_check.couldNotCheck)
        return fail(QStringLiteral("cannot read the catalog %1 to check it (%2); nothing was changed")
                        .arg(m_path, m_check.problems.value(0)));
    if (!m_check.readable)
        return fail(QStringLiteral("%1 is not a Kindred catalog (not an SQLite database)").arg(m_path));
    m_damaged = true;
    return fail(QStringLiteral("the catalog %1 is damaged (SQLite: %2); nothing was changed")
                    .arg(m_path, m_check.problems.mid(0, 3).join(QStringLiteral("; "))));
}

bool Catalog::open(const QString& path, int targetVersion)
{
    close();
    m_error.clear();
    m_damaged = false;
    m_unclean = false;
    m_checkDeferred = false;
    m_check = {};
    if (path.isEmpty())
        return fail(QStringLiteral("no catalog path given"));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("cannot create directory %1").arg(info.absolutePath()));
    m_path = info.absoluteFilePath();
    // SQLite would open a read-only catalog and fail at the first write, or not open a WAL catalog in a
    // read-only folder at all ("unable to open database file"): say what is wrong instead.
    const QFileInfo folder(info.absolutePath());
    if (!folder.isWritable() || (info.exists() && !info.isWritable()))
        return fail(
            QStringLiteral("the library folder %1 or its catalog is read-only; Kindred needs to write "
                           "there (choose another library folder, or make this one writable)")
                .arg(QDir::toNativeSeparators(info.absolutePath())));
    if (!checkBeforeUse(targetVersion)) {
        m_session.end(); // no connection was opened: another Catalog of this thread may share it
        return false;
    }
    QString err;
    int version = -1;
    {
        QSqlDatabase db = connectionForThread(m_path, &err);
        if (db.isOpen())
            version = userVersion(db); // a file that is not SQLite fails here, not at the first real query
    }
    if (!err.isEmpty()) {
        close();
        return fail(err);
    }
    if (version < 0) {
        close();
        return fail(QStringLiteral("%1 is not a Kindred catalog (not an SQLite database)").arg(m_path));
    }
    if (version > latestSchemaVersion()) {
        close();
        return fail(QStringLiteral("catalog %1 has schema version %2, newer than this Kindred supports (%3)")
                        .arg(m_path)
                        .arg(version)
                        .arg(latestSchemaVersion()));
    }
    m_open = true;
    if (!migrateTo(targetVersion < 0 ? latestSchemaVersion() : targetVersion)) {
        const QString message = m_error;
        close();
        m_error = message;
        return false;
    }
    return true;
}

void Catalog::close()
{
    if (!m_path.isEmpty())
        closeThreadConnection(m_path);
    m_open = false;
    m_session.end();
}

int Catalog::schemaVersion() const
{
    if (!m_open)
        return -1;
    QSqlDatabase db = database();
    return userVersion(db);
}

QSqlDatabase Catalog::database() const
{
    return connectionForThread(m_path);
}

bool Catalog::migrateTo(int targetVersion)
{
    if (!m_open)
        return fail(QStringLiteral("catalog is not open"));
    if (targetVersion < 0 || targetVersion > latestSchemaVersion())
        return fail(QStringLiteral("no schema version %1 (latest is %2)")
                        .arg(targetVersion)
                        .arg(latestSchemaVersion()));
    QSqlDatabase db = database();
    int version = userVersion(db);
    if (version > targetVersion)
        return fail(QStringLiteral("catalog is at schema version %1; cannot go back to %2")
                        .arg(version)
                        .arg(targetVersion));
    if (version >= 1 && version < targetVersion) {
        // The family's work before a schema change: a failed or faulty migration can always be undone.
        QString why;
        if (CatalogBackup::create(m_path, CatalogBackup::defaultDirectory(m_path),
                                  CatalogBackup::Reason::Upgrade, &why)
                .isEmpty())
            return fail(
                QStringLiteral("cannot back up the catalog before upgrading it from schema version %1 "
                               "(%2); nothing was changed")
                    .arg(version)
                    .arg(why));
    }
    const auto& steps = CatalogSchema::migrations();
    while (version < targetVersion) {
        // Each step runs in one transaction together with its user_version bump: a crash leaves the file
        // at the previous version, never half-migrated.
        QString err;
        if (!db.transaction())
            return fail(QStringLiteral("cannot start migration transaction: %1").arg(db.lastError().text()));
        bool ok = true;
        for (const QString& statement : steps[static_cast<size_t>(version)]) {
            if (!exec(db, statement, &err)) {
                ok = false;
                break;
            }
        }
        if (ok)
            ok = exec(db, QStringLiteral("PRAGMA user_version=%1").arg(version + 1), &err);
        if (ok) {
            QSqlQuery check(db);
            if (check.exec(QStringLiteral("PRAGMA foreign_key_check")) && check.next()) {
                ok = false;
                err = QStringLiteral("foreign key violation in table %1").arg(check.value(0).toString());
            }
        }
        if (!ok) {
            db.rollback();
            return fail(
                QStringLiteral("migration to schema version %1 failed: %2").arg(version + 1).arg(err));
        }
        if (!db.commit())
            return fail(
                QStringLiteral("cannot commit migration %1: %2").arg(version + 1).arg(db.lastError().text()));
        ++version;
    }
    return true;
}

} // namespace kindred
