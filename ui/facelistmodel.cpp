#include "facelistmodel.h"

#include "facecropcache.h"

#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPalette>
#include <QSet>

namespace kindred {

FaceListModel::FaceListModel(FaceCropCache* crops, QObject* parent)
    : QAbstractListModel(parent), m_crops(crops)
{
    connect(m_crops, &FaceCropCache::cropReady, this, [this](qint64 faceId) {
        const int row = m_rows.value(faceId, -1);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
    });
}

void FaceListModel::setFaces(const QList<FaceRecord>& faces)
{
    beginResetModel();
    m_faces = faces;
    reindex();
    endResetModel();
}

void FaceListModel::removeFaces(const QList<qint64>& faceIds)
{
    const QSet<qint64> gone(faceIds.cbegin(), faceIds.cend());
    for (int row = int(m_faces.size()) - 1; row >= 0; --row) {
        if (!gone.contains(m_faces.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_faces.removeAt(row);
        endRemoveRows();
    }
    reindex();
}

void FaceListModel::reindex()
{
    m_rows.clear();
    for (int i = 0; i < m_faces.size(); ++i)
        m_rows.insert(m_faces.at(i).id, i);
}

int FaceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_faces.size());
}

Qt::ItemFlags FaceListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant FaceListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_faces.size())
        return {};
    const FaceRecord& f = m_faces.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (!m_showNames || f.personName.isEmpty())
            return QString();
        return f.state == QLatin1String("suggested") ? tr("%1?").arg(f.personName) : f.personName;
    case Qt::DecorationRole: {
        QPixmap pm = m_crops->pixmap(f.id, f.cropPath, f.photoPath, f.box);
        if (pm.isNull())
            pm = FaceCropCache::placeholder(m_iconSize, QGuiApplication::palette());
        return QIcon(pm);
    }
    case Qt::ToolTipRole: {
        QString tip = f.photoPath;
        if (f.state == QLatin1String("suggested"))
            tip = tr("Is this %1? (%2 sure)")
                      .arg(f.personName,
                           QLocale().toString(qRound(f.suggestionScore * 100)) + QLatin1Char('%')) +
                  QLatin1Char('\n') + tip;
        else if (f.secondBox)
            tip = tr("A second box on a face found beside it") + QLatin1Char('\n') + tip;
        else if (f.notFace == 1)
            tip = tr("Hidden by the face check: unlike a face") + QLatin1Char('\n') + tip;
        return tip;
    }
    case FaceIdRole:
        return f.id;
    case FaceRole:
        return QVariant::fromValue(f);
    case PersonNameRole:
        return f.personName;
    case ScoreRole:
        return f.suggestionScore;
    default:
        return {};
    }
}

} // namespace kindred
