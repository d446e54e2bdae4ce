#include "photodelegate.h"

#include "photolistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace kindred {

PhotoDelegate::PhotoDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QSize PhotoDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const
{
    return QSize(m_cell, m_cell);
}

void PhotoDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QPalette& pal = option.palette;
    const QRectF cell =
        QRectF(option.rect).adjusted(kSpacing / 2.0, kSpacing / 2.0, -kSpacing / 2.0, -kSpacing / 2.0);
    const bool selected = option.state & QStyle::State_Selected;

    QPainterPath clip;
    clip.addRoundedRect(cell, 4, 4);
    const QVariant deco = index.data(Qt::DecorationRole);
    const auto state = PhotoListModel::ThumbnailState(index.data(PhotoListModel::ThumbnailStateRole).toInt());
    if (deco.canConvert<QPixmap>() && !deco.value<QPixmap>().isNull()) {
        const QPixmap pm = deco.value<QPixmap>();
        // Crop to a centred square, like most photo grids.
        const qreal side = qMin(pm.width(), pm.height());
        const QRectF source((pm.width() - side) / 2.0, (pm.height() - side) / 2.0, side, side);
        painter->setClipPath(clip);
        painter->drawPixmap(cell, pm, source);
        painter->setClipping(false);
    } else {
        QColor placeholder = pal.color(QPalette::Mid);
        placeholder.setAlphaF(0.35f);
        painter->fillPath(clip, placeholder);
        if (state == PhotoListModel::ThumbnailState::Failed) {
            painter->setPen(pal.color(QPalette::WindowText));
            painter->drawText(cell.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextWordWrap,
                              index.data(Qt::DisplayRole).toString() + QLatin1Char('\n') +
                                  PhotoListModel::tr("(no preview)"));
        }
    }

    if (index.data(PhotoListModel::FirstOfMonthRole).toBool()) {
        const QString label = index.data(PhotoListModel::MonthLabelRole).toString();
        QFont f = option.font;
        f.setBold(true);
        painter->setFont(f);
        const QFontMetrics fm(f);
        const qreal w = qMin<qreal>(fm.horizontalAdvance(label) + 14, cell.width() - 8);
        const QRectF pill(cell.left() + 4, cell.top() + 4, w, fm.height() + 6);
        QColor bg = pal.color(QPalette::Window);
        bg.setAlphaF(0.85f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(bg);
        painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
        painter->setPen(pal.color(QPalette::WindowText));
        painter->drawText(pill, Qt::AlignCenter,
                          fm.elidedText(label, Qt::ElideRight, int(pill.width()) - 10));
    }

    if (selected || (option.state & QStyle::State_HasFocus)) {
        QPen pen(pal.color(QPalette::Highlight), selected ? 3 : 1.5);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell.adjusted(1, 1, -1, -1), 4, 4);
        if (selected) {
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlphaF(0.18f);
            painter->fillPath(clip, tint);
        }
    }
    painter->restore();
}

} // namespace kindred
