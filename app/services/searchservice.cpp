#include "searchservice.h"

#include <QDir>
#include <QSqlQuery>

#include "catalog.h"
#include "sqlutil.h"

namespace kindred {

SearchService::SearchService(const QString& catalogPath) : m_catalogPath(catalogPath) {}

bool SearchService::search(const PersonQuery& query, QList<PhotoHit>* hits)
{
    hits->clear();
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;

    auto resolve = [&](const QStringList& names, QVariantList* ids) {
        for (const QString& name : names) {
            const QVariant id = SqlUtil::scalar(db, QStringLiteral("SELECT id FROM persons WHERE name = ? COLLATE NOCASE"),
                                                {name.simplified()});
            if (!id.isValid()) {
                m_error = QStringLiteral("no person named '%1'").arg(name);
                return false;
            }
            if (!ids->contains(id))
                ids->append(id);
        }
        return true;
    };
    QVariantList all, any, none;
    if (!resolve(query.allOf, &all) || !resolve(query.anyOf, &any) || !resolve(query.noneOf, &none))
        return false;

    QString sql = QStringLiteral("SELECT p.id, p.path, p.captured_at FROM photos p WHERE p.missing = 0");
    QVariantList binds;
    if (!all.isEmpty()) {
        sql += QStringLiteral(" AND p.id IN (SELECT photo_id FROM faces WHERE state = 'confirmed' AND person_id IN (%1) "
                              "GROUP BY photo_id HAVING count(DISTINCT person_id) = %2)")
                   .arg(SqlUtil::placeholders(int(all.size())))
                   .arg(all.size());
        binds += all;
    }
    if (!any.isEmpty()) {
        sql += QStringLiteral(" AND p.id IN (SELECT photo_id FROM faces WHERE state = 'confirmed' AND person_id IN (%1))")
                   .arg(SqlUtil::placeholders(int(any.size())));
        binds += any;
    }
    if (!none.isEmpty()) {
        sql += QStringLiteral(" AND p.id NOT IN (SELECT photo_id FROM faces WHERE state = 'confirmed' AND person_id IN (%1))")
                   .arg(SqlUtil::placeholders(int(none.size())));
        binds += none;
    }
    if (query.from.isValid()) {
        sql += QStringLiteral(" AND p.captured_at >= ?");
        binds << query.from.toString(Qt::ISODate);
    }
    if (query.to.isValid()) {
        sql += QStringLiteral(" AND p.captured_at < ?");
        binds << query.to.addDays(1).toString(Qt::ISODate);
    }
    if (!query.folder.isEmpty()) {
        QString prefix = QDir::cleanPath(QDir(query.folder).absolutePath());
        if (!prefix.endsWith(QLatin1Char('/')))
            prefix += QLatin1Char('/');
        // Every path under "dir/" sorts between "dir/" and "dir0" ('0' follows '/'): a range the path index serves.
        sql += QStringLiteral(" AND p.path >= ? AND p.path < ?");
        binds << prefix << prefix.chopped(1) + QLatin1Char('0');
    }
    sql += QStringLiteral(" ORDER BY p.captured_at IS NULL, p.captured_at, p.path");

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlUtil::exec(q, sql, binds, &m_error))
        return false;
    while (q.next())
        hits->append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return true;
}

} // namespace kindred
