#include "icons.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace kindred {

namespace {

// All glyphs are drawn in a 24 x 24 box.
void drawGlyph(QPainter& p, Icons::Name name, const QColor& c)
{
    QPen pen(c, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (name) {
    case Icons::Name::Library:
        for (int r = 0; r < 2; ++r)
            for (int col = 0; col < 2; ++col)
                p.drawRoundedRect(QRectF(3.5 + col * 9.5, 3.5 + r * 9.5, 7.5, 7.5), 1.5, 1.5);
        break;
    case Icons::Name::Folder:
    case Icons::Name::AddFolder: {
        QPainterPath path;
        path.moveTo(3, 6.5);
        path.lineTo(3, 18.5);
        path.lineTo(21, 18.5);
        path.lineTo(21, 8.5);
        path.lineTo(11.5, 8.5);
        path.lineTo(9.5, 5.5);
        path.lineTo(4, 5.5);
        path.closeSubpath();
        p.drawPath(path);
        if (name == Icons::Name::AddFolder) {
            p.drawLine(QPointF(12, 10.5), QPointF(12, 16.5));
            p.drawLine(QPointF(9, 13.5), QPointF(15, 13.5));
        }
        break;
    }
    case Icons::Name::People:
        p.drawEllipse(QPointF(9, 8), 3.2, 3.2);
        p.drawArc(QRectF(3, 13, 12, 10), 0, 180 * 16);
        p.drawEllipse(QPointF(16.5, 9), 2.6, 2.6);
        p.drawArc(QRectF(13, 14, 9, 8), 0, 180 * 16);
        break;
    case Icons::Name::UnknownFace: {
        p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
        QPainterPath q;
        q.moveTo(9.5, 10);
        q.cubicTo(9.5, 6.8, 14.5, 6.8, 14.5, 10);
        q.cubicTo(14.5, 12, 12, 12, 12, 14);
        p.drawPath(q);
        p.setBrush(c);
        p.drawEllipse(QPointF(12, 16.8), 0.6, 0.6);
        break;
    }
    case Icons::Name::Suggestions: {
        QPainterPath star;
        star.moveTo(12, 3);
        star.quadTo(13, 11, 21, 12);
        star.quadTo(13, 13, 12, 21);
        star.quadTo(11, 13, 3, 12);
        star.quadTo(11, 11, 12, 3);
        p.drawPath(star);
        break;
    }
    case Icons::Name::Search:
        p.drawEllipse(QPointF(10.5, 10.5), 6, 6);
        p.drawLine(QPointF(15, 15), QPointF(20.5, 20.5));
        break;
    case Icons::Name::Pause:
        p.drawLine(QPointF(9, 6), QPointF(9, 18));
        p.drawLine(QPointF(15, 6), QPointF(15, 18));
        break;
    case Icons::Name::Resume: {
        QPainterPath tri;
        tri.moveTo(8, 5.5);
        tri.lineTo(18.5, 12);
        tri.lineTo(8, 18.5);
        tri.closeSubpath();
        p.drawPath(tri);
        break;
    }
    case Icons::Name::Cancel:
        p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
        p.drawLine(QPointF(9, 9), QPointF(15, 15));
        p.drawLine(QPointF(15, 9), QPointF(9, 15));
        break;
    case Icons::Name::Close:
        p.drawLine(QPointF(7, 7), QPointF(17, 17));
        p.drawLine(QPointF(17, 7), QPointF(7, 17));
        break;
    case Icons::Name::Error: {
        QPainterPath tri;
        tri.moveTo(12, 3.5);
        tri.lineTo(21, 19.5);
        tri.lineTo(3, 19.5);
        tri.closeSubpath();
        p.drawPath(tri);
        p.drawLine(QPointF(12, 9), QPointF(12, 14));
        p.setBrush(c);
        p.drawEllipse(QPointF(12, 16.8), 0.6, 0.6);
        break;
    }
    case Icons::Name::Previous:
    case Icons::Name::Back:
        p.drawLine(QPointF(15, 5), QPointF(8, 12));
        p.drawLine(QPointF(8, 12), QPointF(15, 19));
        break;
    case Icons::Name::Next:
        p.drawLine(QPointF(9, 5), QPointF(16, 12));
        p.drawLine(QPointF(16, 12), QPointF(9, 19));
        break;
    case Icons::Name::Faces:
        p.drawRect(QRectF(4, 4, 16, 16));
        p.drawEllipse(QPointF(12, 11), 3, 3.5);
        p.drawArc(QRectF(6.5, 15, 11, 8), 20 * 16, 140 * 16);
        break;
    case Icons::Name::App: {
        p.drawRoundedRect(QRectF(2.5, 4.5, 19, 15), 3, 3);
        p.drawEllipse(QPointF(9, 11), 2.3, 2.3);
        p.drawEllipse(QPointF(15.5, 11.5), 2, 2);
        p.drawArc(QRectF(5, 14, 8, 7), 0, 180 * 16);
        p.drawArc(QRectF(12.3, 14.5, 6.5, 6), 0, 180 * 16);
        break;
    }
    }
}

} // namespace

QPixmap Icons::pixmap(Name name, int size, const QColor& colour, qreal dpr)
{
    const QColor c = colour.isValid() ? colour : QApplication::palette().color(QPalette::WindowText);
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    drawGlyph(p, name, c);
    return pm;
}

QIcon Icons::icon(Name name, const QColor& colour)
{
    QIcon icon;
    const QColor c = colour.isValid() ? colour : QApplication::palette().color(QPalette::WindowText);
    const QColor disabled = QApplication::palette().color(QPalette::Disabled, QPalette::WindowText);
    const QColor selected = QApplication::palette().color(QPalette::HighlightedText);
    for (int size : {16, 22, 24, 32, 48, 64}) {
        icon.addPixmap(pixmap(name, size, c), QIcon::Normal);
        icon.addPixmap(pixmap(name, size, disabled), QIcon::Disabled);
        icon.addPixmap(pixmap(name, size, selected), QIcon::Selected);
    }
    return icon;
}

QIcon Icons::appIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/kindred-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace kindred
