#include "sqlutil.h"

#include <QSqlError>

namespace kindred {

bool SqlUtil::exec(QSqlQuery& query, const QString& sql, const QVariantList& binds, QString* error)
{
    if (!query.prepare(sql)) {
        if (error)
            *error = QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified().left(160));
        return false;
    }
    for (const QVariant& value : binds)
        query.addBindValue(value);
    if (!query.exec()) {
        if (error)
            *error = QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified().left(160));
        return false;
    }
    return true;
}

bool SqlUtil::exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds, QString* error)
{
    QSqlQuery query(db);
    return exec(query, sql, binds, error);
}

QVariant SqlUtil::scalar(QSqlDatabase& db, const QString& sql, const QVariantList& binds,
                         const QVariant& fallback)
{
    QSqlQuery query(db);
    if (!exec(query, sql, binds) || !query.next())
        return fallback;
    return query.value(0);
}

QVariant SqlUtil::setting(QSqlDatabase& db, const QString& key)
{
    return scalar(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
}

QString SqlUtil::placeholders(int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return s;
}

} // namespace kindred
