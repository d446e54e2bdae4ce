#include "photolistmodel.h"

#include "thumbnailprovider.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>

namespace kindred {

PhotoListModel::PhotoListModel(ThumbnailProvider* provider, QObject* parent)
    : QAbstractListModel(parent), m_provider(provider)
{
    m_cache.setMaxCost(256 * 1024); // 256 MiB of pixmaps
    if (m_provider) {
        connect(m_provider, &ThumbnailProvider::thumbnailReady, this, &PhotoListModel::onThumbnailReady);
        connect(m_provider, &ThumbnailProvider::thumbnailFailed, this, &PhotoListModel::onThumbnailFailed);
        connect(m_provider, &ThumbnailProvider::thumbnailDropped, this, &PhotoListModel::onThumbnailDropped);
    }
}

int PhotoListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PhotoListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LibraryPhoto& p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(p.path).fileName();
    case Qt::ToolTipRole:
        return QDir::toNativeSeparators(p.path);
    case Qt::DecorationRole: {
        const Thumb* t = m_cache.object(p.id);
        if (m_provider && !m_requested.contains(p.id) && !m_failed.contains(p.id) &&
            (!t || t->longSide < m_thumbSize)) {
            m_requested.insert(p.id);
            m_provider->requestThumbnail(p.id, p.path, p.hash, m_thumbSize);
        }
        return t ? QVariant(t->pixmap) : QVariant();
    }
    case PhotoIdRole:
        return p.id;
    case PathRole:
        return p.path;
    case HashRole:
        return p.hash;
    case CapturedAtRole:
        return p.capturedAt;
    case MonthRole:
        return p.capturedAt.left(7);
    case MonthLabelRole:
        return monthLabel(p.capturedAt.left(7));
    case FirstOfMonthRole:
        if (m_order == SortOrder::Name)
            return false;
        return index.row() == 0 || m_rows.at(index.row() - 1).capturedAt.left(7) != p.capturedAt.left(7);
    case PhotoRole:
        return QVariant::fromValue(p);
    case ThumbnailStateRole:
        if (m_failed.contains(p.id))
            return int(ThumbnailState::Failed);
        return int(m_cache.contains(p.id) ? ThumbnailState::Ready : ThumbnailState::Loading);
    default:
        return {};
    }
}

QHash<int, QByteArray> PhotoListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PhotoIdRole, "photoId");
    names.insert(PathRole, "path");
    names.insert(HashRole, "hash");
    names.insert(CapturedAtRole, "capturedAt");
    names.insert(MonthRole, "month");
    names.insert(MonthLabelRole, "monthLabel");
    names.insert(FirstOfMonthRole, "firstOfMonth");
    names.insert(PhotoRole, "photo");
    names.insert(ThumbnailStateRole, "thumbnailState");
    return names;
}

QString PhotoListModel::monthLabel(const QString& month)
{
    if (month.isEmpty())
        return tr("No date");
    const QDate date = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!date.isValid())
        return month;
    return QLocale().toString(date, QStringLiteral("MMMM yyyy"));
}

bool PhotoListModel::lessThan(const LibraryPhoto& a, const LibraryPhoto& b) const
{
    switch (m_order) {
    case SortOrder::Name: {
        const int c =
            QString::compare(QFileInfo(a.path).fileName(), QFileInfo(b.path).fileName(), Qt::CaseInsensitive);
        if (c != 0)
            return c < 0;
        return a.path < b.path;
    }
    case SortOrder::NewestFirst:
    case SortOrder::OldestFirst:
        // Undated photos go last in both directions.
        if (a.capturedAt.isEmpty() != b.capturedAt.isEmpty())
            return b.capturedAt.isEmpty();
        if (a.capturedAt != b.capturedAt)
            return m_order == SortOrder::NewestFirst ? a.capturedAt > b.capturedAt
                                                     : a.capturedAt < b.capturedAt;
        return a.path < b.path;
    }
    return a.id < b.id;
}

QList<LibraryPhoto> PhotoListModel::filteredSorted(const QList<LibraryPhoto>& photos) const
{
    QList<LibraryPhoto> out;
    if (m_folder.isEmpty()) {
        out = photos;
    } else {
        const QString prefix = m_folder.endsWith(QLatin1Char('/')) ? m_folder : m_folder + QLatin1Char('/');
        for (const LibraryPhoto& p : photos) {
            if (p.path.startsWith(prefix))
                out.append(p);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [this](const LibraryPhoto& a, const LibraryPhoto& b) { return lessThan(a, b); });
    return out;
}

void PhotoListModel::setPhotos(const QList<LibraryPhoto>& photos)
{
    m_all = photos;
    const QList<LibraryPhoto> next = filteredSorted(photos);

    // Diff old rows against the new ones. Both are in the same order, so walking them together finds the
    // runs to remove and insert; anything else (a reordering) falls back to a reset.
    QSet<qint64> nextIds;
    nextIds.reserve(next.size());
    for (const LibraryPhoto& p : next)
        nextIds.insert(p.id);
    bool simple = true;
    {
        QList<qint64> kept;
        for (const LibraryPhoto& p : std::as_const(m_rows)) {
            if (nextIds.contains(p.id))
                kept.append(p.id);
        }
        int k = 0;
        for (const LibraryPhoto& p : next) {
            if (m_rowOf.contains(p.id)) {
                if (k >= kept.size() || kept.at(k) != p.id) {
                    simple = false;
                    break;
                }
                ++k;
            }
        }
    }
    if (!simple || m_rows.isEmpty() || next.isEmpty()) {
        beginResetModel();
        m_rows = next;
        rebuildIndex();
        endResetModel();
        Q_EMIT monthsChanged();
        return;
    }
    // Removals first (from the end, so row numbers stay valid), then insertions in order.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (nextIds.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !nextIds.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    QSet<qint64> present;
    for (const LibraryPhoto& p : std::as_const(m_rows))
        present.insert(p.id);
    for (int j = 0; j < next.size();) {
        if (present.contains(next.at(j).id)) {
            if (j < m_rows.size() && m_rows.at(j).id == next.at(j).id) {
                const LibraryPhoto& old = m_rows.at(j);
                const LibraryPhoto& neu = next.at(j);
                if (old.hash != neu.hash || old.capturedAt != neu.capturedAt || old.path != neu.path) {
                    if (old.hash != neu.hash)
                        m_cache.remove(neu.id);
                    m_rows[j] = neu;
                    const QModelIndex idx = index(j);
                    Q_EMIT dataChanged(idx, idx);
                }
            }
            ++j;
            continue;
        }
        int last = j;
        while (last + 1 < next.size() && !present.contains(next.at(last + 1).id))
            ++last;
        beginInsertRows(QModelIndex(), j, last);
        for (int i = j; i <= last; ++i)
            m_rows.insert(i, next.at(i));
        endInsertRows();
        j = last + 1;
    }
    rebuildIndex();
    // Month headers depend on the neighbour row.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {FirstOfMonthRole});
    Q_EMIT monthsChanged();
}

void PhotoListModel::rebuildIndex()
{
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows.at(i).id, i);
}

void PhotoListModel::setFolder(const QString& folder)
{
    if (folder == m_folder)
        return;
    m_folder = folder;
    beginResetModel();
    m_rows = filteredSorted(m_all);
    rebuildIndex();
    endResetModel();
    Q_EMIT monthsChanged();
}

void PhotoListModel::setSortOrder(SortOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    beginResetModel();
    m_rows = filteredSorted(m_all);
    rebuildIndex();
    endResetModel();
    Q_EMIT monthsChanged();
}

void PhotoListModel::setThumbnailSize(int longSide)
{
    if (longSide == m_thumbSize || longSide <= 0)
        return;
    m_thumbSize = longSide;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {Qt::DecorationRole});
}

QList<QPair<QString, int>> PhotoListModel::months() const
{
    QList<QPair<QString, int>> out;
    if (m_order == SortOrder::Name)
        return out;
    QString current;
    for (int i = 0; i < m_rows.size(); ++i) {
        const QString month = m_rows.at(i).capturedAt.left(7);
        if (i == 0 || month != current) {
            out.append({month, i});
            current = month;
        }
    }
    return out;
}

void PhotoListModel::onThumbnailReady(qint64 id, int longSide, const QImage& image)
{
    m_requested.remove(id);
    const int row = m_rowOf.value(id, -1);
    if (row < 0)
        return;
    auto* t = new Thumb{QPixmap::fromImage(image), longSide};
    const int costKiB = qMax(1, int(image.sizeInBytes() / 1024));
    m_cache.insert(id, t, costKiB);
    const QModelIndex idx = index(row);
    Q_EMIT dataChanged(idx, idx, {Qt::DecorationRole, ThumbnailStateRole});
}

void PhotoListModel::onThumbnailFailed(qint64 id, const QString& error)
{
    if (!m_requested.remove(id))
        return;
    m_failed.insert(id, error);
    const int row = m_rowOf.value(id, -1);
    if (row >= 0) {
        const QModelIndex idx = index(row);
        Q_EMIT dataChanged(idx, idx, {Qt::DecorationRole, ThumbnailStateRole});
    }
}

void PhotoListModel::onThumbnailDropped(qint64 id)
{
    m_requested.remove(id); // asked again the next time the row is painted
}

} // namespace kindred
