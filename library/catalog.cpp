#include "catalog.h"

#include "catalogschema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace kindred {

namespace {

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

bool Catalog::open(const QString& path, int targetVersion)
{
    close();
    m_error.clear();
    if (path.isEmpty())
        return fail(QStringLiteral("no catalog path given"));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("cannot create directory %1").arg(info.absolutePath()));
    m_path = info.absoluteFilePath();
    QString err;
    int version = -1;
    {
        QSqlDatabase db = connectionForThread(m_path, &err);
        if (db.isOpen())
            version = userVersion(db); // a file that is not SQLite fails here, not at the first real query
    }
    if (!err.isEmpty()) {
        closeThreadConnection(m_path);
        return fail(err);
    }
    if (version < 0) {
        closeThreadConnection(m_path);
        return fail(QStringLiteral("%1 is not a Kindred catalog (not an SQLite database)").arg(m_path));
    }
    if (version > latestSchemaVersion()) {
        closeThreadConnection(m_path);
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
