#include "backuprotation.h"

#include <QSet>
#include <algorithm>

namespace kindred {

QStringList BackupRotation::toRemove(const QList<CatalogBackup::Info>& backups)
{
    QList<CatalogBackup::Info> automatic;
    for (const CatalogBackup::Info& b : backups)
        if (b.reason != CatalogBackup::Reason::Manual)
            automatic << b;
    std::sort(
        automatic.begin(), automatic.end(),
        [](const CatalogBackup::Info& a, const CatalogBackup::Info& b) { return a.created > b.created; });

    QSet<QString> keep;
    for (int i = 0; i < automatic.size() && i < kKeepLast; ++i)
        keep.insert(automatic.at(i).path);

    // Newest first, so the first backup seen in a bucket is the one kept.
    QSet<QString> days;
    QSet<QString> weeks;
    QSet<int> events;
    for (const CatalogBackup::Info& b : std::as_const(automatic)) {
        const QDate date = b.created.toLocalTime().date();
        const QString day = date.toString(Qt::ISODate);
        if (!days.contains(day) && days.size() < kKeepDaily) {
            days.insert(day);
            keep.insert(b.path);
        }
        int weekYear = 0;
        const int weekNumber = date.weekNumber(&weekYear);
        const QString week = QStringLiteral("%1-W%2").arg(weekYear).arg(weekNumber);
        if (!weeks.contains(week) && weeks.size() < kKeepWeekly) {
            weeks.insert(week);
            keep.insert(b.path);
        }
        const bool event =
            b.reason == CatalogBackup::Reason::Upgrade || b.reason == CatalogBackup::Reason::Model ||
            b.reason == CatalogBackup::Reason::Finetune || b.reason == CatalogBackup::Reason::Restore;
        if (event && !events.contains(static_cast<int>(b.reason))) {
            events.insert(static_cast<int>(b.reason));
            keep.insert(b.path);
        }
    }
    QStringList remove;
    for (const CatalogBackup::Info& b : std::as_const(automatic))
        if (!keep.contains(b.path))
            remove << b.path;
    return remove;
}

} // namespace kindred
