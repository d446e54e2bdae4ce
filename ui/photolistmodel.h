#pragma once

#include "libraryservice.h"

#include <QAbstractListModel>
#include <QCache>
#include <QHash>
#include <QPixmap>
#include <QSet>

namespace kindred {

class ThumbnailProvider;

// The photos of a grid (the whole library, a folder, search results), sorted, with thumbnails loaded
// asynchronously through a ThumbnailProvider and kept in an LRU cache. Rows without a thumbnail yet have
// no DecorationRole (the delegate draws a placeholder). Updating the photo list is a diff (inserts,
// removals, changes), so the grid fills progressively during a scan without jumping.
class PhotoListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PhotoIdRole = Qt::UserRole + 1,
        PathRole,
        HashRole,
        CapturedAtRole,    // "yyyy-MM-ddTHH:mm:ss" or empty
        MonthRole,         // "yyyy-MM" or empty when undated
        MonthLabelRole,    // "March 2021" (locale) or "No date"
        FirstOfMonthRole,  // true for the first row of a month group (date order only)
        PhotoRole,         // QVariant<LibraryPhoto>
        ThumbnailStateRole // ThumbnailState
    };
    enum class SortOrder { NewestFirst, OldestFirst, Name };
    Q_ENUM(SortOrder)
    enum class ThumbnailState { Loading, Ready, Failed };

    explicit PhotoListModel(ThumbnailProvider* provider, QObject* parent = nullptr);

    // setPhotos() diffs the new list against the rows shown (rows removed and inserted, the view keeps its
    // place) when the change comes in at most this many runs of rows; otherwise it resets the model.
    static constexpr int kMaxDiffRuns = 32;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the photo list (filtered by folder, then sorted); a diff against the current rows.
    void setPhotos(const QList<LibraryPhoto>& photos);
    // Only photos under this folder (recursive); empty = all.
    void setFolder(const QString& folder);
    QString folder() const { return m_folder; }
    void setSortOrder(SortOrder order);
    SortOrder sortOrder() const { return m_order; }
    // The long side (device pixels) thumbnails are requested at.
    void setThumbnailSize(int longSide);
    int thumbnailSize() const { return m_thumbSize; }

    const LibraryPhoto& photoAt(int row) const { return m_rows.at(row); }
    int rowOfId(qint64 id) const { return m_rowOf.value(id, -1); }
    // Month groups in display order: ("2021-03", first row). Undated photos are one group with key "".
    QList<QPair<QString, int>> months() const;
    static QString monthLabel(const QString& month);
    int thumbnailsCached() const { return m_cache.count(); }

Q_SIGNALS:
    void monthsChanged();

private:
    void onThumbnailReady(qint64 id, int longSide, const QImage& image);
    void onThumbnailFailed(qint64 id, const QString& error);
    void onThumbnailDropped(qint64 id);
    void rebuildIndex();
    QList<LibraryPhoto> filteredSorted(const QList<LibraryPhoto>& photos) const;

    struct Thumb {
        QPixmap pixmap;
        int longSide = 0;
    };

    ThumbnailProvider* m_provider;
    QList<LibraryPhoto> m_all;
    QList<LibraryPhoto> m_rows;
    QHash<qint64, int> m_rowOf;
    QString m_folder;
    SortOrder m_order = SortOrder::NewestFirst;
    int m_thumbSize = 256;
    mutable QCache<qint64, Thumb> m_cache; // cost: KiB
    mutable QSet<qint64> m_requested;
    QHash<qint64, QString> m_failed;
};

} // namespace kindred

Q_DECLARE_METATYPE(kindred::LibraryPhoto)
