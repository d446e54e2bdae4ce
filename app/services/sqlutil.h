#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace kindred {

// Small helpers for the services' SQL: prepare + bind + exec with a readable error.
class SqlUtil {
public:
    // Runs `sql` with positional binds; on failure sets *error (if given) and returns false.
    static bool exec(QSqlQuery& query, const QString& sql, const QVariantList& binds = {},
                     QString* error = nullptr);
    static bool exec(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {},
                     QString* error = nullptr);
    // First column of the first row, or `fallback`.
    static QVariant scalar(QSqlDatabase& db, const QString& sql, const QVariantList& binds = {},
                           const QVariant& fallback = {});
    // The value of a catalog setting (table settings), or an invalid QVariant when it is not set.
    static QVariant setting(QSqlDatabase& db, const QString& key);
    // "?, ?, ?" for n values.
    static QString placeholders(int n);
};

} // namespace kindred
