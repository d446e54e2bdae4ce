#include "photolistmodel.h"

#include "thumbnailprovider.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>
#include <limits>

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

namespace {

// "yyyy-MM-ddTHH:mm:ss" as the number yyyyMMddHHmmss (the catalog's format); -1 when undated or malformed.
qint64 dateKey(const QString& capturedAt)
{
    if (capturedAt.size() < 19)
        return -1;
    qint64 key = 0;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
        const char16_t c = capturedAt.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        key = key * 10 + (c - u'0');
    }
    return key;
}

} // namespace

QList<LibraryPhoto> PhotoListModel::filteredSorted(const QList<LibraryPhoto>& photos) const
{
    // Sorts positions by keys computed once (a number for the date, the case-folded file name), not
    // 100-byte records by comparing their strings: a 100k library sorts in tens of milliseconds. Ties go by
    // path; the library's list arrives sorted by path, so a stable sort keeps that order for free.
    std::vector<qsizetype> order;
    order.reserve(size_t(photos.size()));
    const QString prefix =
        m_folder.isEmpty() || m_folder.endsWith(QLatin1Char('/')) ? m_folder : m_folder + QLatin1Char('/');
    for (qsizetype i = 0; i < photos.size(); ++i)
        if (prefix.isEmpty() || photos.at(i).path.startsWith(prefix))
            order.push_back(i);
    bool byPath = true;
    for (size_t k = 1; k < order.size() && byPath; ++k)
        byPath = !(photos.at(order[k]).path < photos.at(order[k - 1]).path);
    const auto tieBreak = [&](qsizetype a, qsizetype b) {
        return !byPath && photos.at(a).path < photos.at(b).path;
    };
    if (m_order == SortOrder::Name) {
        std::vector<QString> names(size_t(photos.size()));
        for (qsizetype i : order) {
            const QString& path = photos.at(i).path;
            names[size_t(i)] = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1).toCaseFolded();
        }
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            const int c = names[size_t(a)].compare(names[size_t(b)]);
            return c != 0 ? c < 0 : tieBreak(a, b);
        });
    } else {
        // Undated photos last in both directions.
        std::vector<qint64> keys(size_t(photos.size()));
        for (qsizetype i : order) {
            const qint64 key = dateKey(photos.at(i).capturedAt);
            keys[size_t(i)] = key < 0 ? std::numeric_limits<qint64>::max()
                                      : (m_order == SortOrder::NewestFirst ? -key : key);
        }
        std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
            const qint64 ka = keys[size_t(a)], kb = keys[size_t(b)];
            return ka != kb ? ka < kb : tieBreak(a, b);
        });
    }
    QList<LibraryPhoto> out;
    out.reserve(qsizetype(order.size()));
    for (qsizetype i : order)
        out.append(photos.at(i));
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
    // Each run of removed or inserted rows moves the rows after it once; photos landing all over the list
    // (a rescan adding to every month) are cheaper as one reset, and the grid keeps its place across resets.
    if (simple) {
        int runs = 0;
        bool inRun = false;
        for (const LibraryPhoto& p : std::as_const(m_rows)) {
            const bool gone = !nextIds.contains(p.id);
            runs += gone && !inRun;
            inRun = gone;
        }
        inRun = false;
        for (const LibraryPhoto& p : next) {
            const bool added = !m_rowOf.contains(p.id);
            runs += added && !inRun;
            inRun = added;
        }
        simple = runs <= kMaxDiffRuns;
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
        m_rows.insert(j, last - j + 1, LibraryPhoto());
        std::copy(next.begin() + j, next.begin() + last + 1, m_rows.begin() + j);
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
