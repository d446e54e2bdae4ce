#include "searchservice.h"

#include "catalog.h"
#include "sqlutil.h"

#include <QDir>
#include <QHash>
#include <QSqlQuery>
#include <algorithm>

namespace kindred {

SearchService::SearchService(const QString& catalogPath) : m_catalogPath(catalogPath) {}

bool SearchService::search(const PersonQuery& query, QList<PhotoHit>* hits)
{
    hits->clear();
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;

    // Names -> ids, case-insensitively with Unicode case folding (as PeopleService matches names).
    QHash<QString, qint64> idByName;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(q, QStringLiteral("SELECT id, name FROM persons"), {}, &m_error))
            return false;
        while (q.next())
            idByName.insert(q.value(1).toString().toCaseFolded(), q.value(0).toLongLong());
    }
    auto resolve = [&](const QStringList& names, QList<qint64>* ids) {
        for (const QString& name : names) {
            const auto it = idByName.constFind(name.simplified().toCaseFolded());
            if (it == idByName.cend()) {
                m_error = QStringLiteral("no person named '%1'").arg(name);
                return false;
            }
            if (!ids->contains(it.value()))
                ids->append(it.value());
        }
        return true;
    };
    QList<qint64> all, any, none;
    if (!resolve(query.allOf, &all) || !resolve(query.anyOf, &any) || !resolve(query.noneOf, &none))
        return false;
    const auto variants = [](const QList<qint64>& ids) {
        QVariantList list;
        for (qint64 id : ids)
            list.append(id);
        return list;
    };

    // Every condition reads the covering index faces_person_photo (person_id, state, photo_id).
    QString sql = QStringLiteral("SELECT p.id, p.path, p.captured_at FROM photos p WHERE p.missing = 0");
    QVariantList binds;
    if (!all.isEmpty()) {
        // AND: walk the photos of the person with the fewest confirmed faces and probe the index for each of
        // the others (cheaper than grouping the faces of all of them: the most frequent person may have tens
        // of thousands of faces).
        QList<QPair<qint64, qint64>> bySize; // (confirmed faces, person)
        for (qint64 id : all) {
            const QVariant n = SqlUtil::scalar(
                db, QStringLiteral("SELECT count(*) FROM faces WHERE person_id = ? AND state = 'confirmed'"),
                {id});
            bySize.append({n.toLongLong(), id});
        }
        std::sort(bySize.begin(), bySize.end());
        sql += QStringLiteral(
            " AND p.id IN (SELECT a.photo_id FROM faces a WHERE a.person_id = ? AND a.state = 'confirmed'");
        binds << bySize.first().second;
        for (qsizetype i = 1; i < bySize.size(); ++i) {
            sql += QStringLiteral(
                " AND EXISTS (SELECT 1 FROM faces b WHERE b.person_id = ? AND b.state = 'confirmed' "
                "AND b.photo_id = a.photo_id)");
            binds << bySize.at(i).second;
        }
        sql += QLatin1Char(')');
    }
    if (!any.isEmpty()) {
        if (all.isEmpty()) {
            sql += QStringLiteral(" AND p.id IN (SELECT photo_id FROM faces WHERE state = 'confirmed' AND "
                                  "person_id IN (%1))")
                       .arg(SqlUtil::placeholders(int(any.size())));
        } else { // the AND already narrowed the photos down: probe the index per candidate
            sql +=
                QStringLiteral(
                    " AND EXISTS (SELECT 1 FROM faces o WHERE o.person_id IN (%1) AND o.state = 'confirmed' "
                    "AND o.photo_id = p.id)")
                    .arg(SqlUtil::placeholders(int(any.size())));
        }
        binds += variants(any);
    }
    if (!none.isEmpty()) {
        if (all.isEmpty() && any.isEmpty()) { // every photo is a candidate: one set of excluded photos
            sql += QStringLiteral(" AND p.id NOT IN (SELECT photo_id FROM faces WHERE state = 'confirmed' "
                                  "AND person_id IN (%1))")
                       .arg(SqlUtil::placeholders(int(none.size())));
        } else {
            sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM faces n WHERE n.person_id IN (%1) AND "
                                  "n.state = 'confirmed' "
                                  "AND n.photo_id = p.id)")
                       .arg(SqlUtil::placeholders(int(none.size())));
        }
        binds += variants(none);
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
        // Every path under "dir/" sorts between "dir/" and "dir0" ('0' follows '/'): a range the path index
        // serves.
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
