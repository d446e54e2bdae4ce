#include "photoview.h"

#include <QMouseEvent>
#include <QPainter>

namespace kindred {

PhotoView::PhotoView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(200, 150);
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
}

void PhotoView::setImage(const QImage& image, const QSize& fullSize)
{
    m_image = image;
    m_fullSize = fullSize.isValid() ? fullSize : image.size();
    m_message.clear();
    update();
}

void PhotoView::clear(const QString& message)
{
    m_image = QImage();
    m_fullSize = QSize();
    m_boxes.clear();
    m_message = message;
    update();
}

void PhotoView::setFaceBoxes(const QList<FaceBox>& boxes)
{
    m_boxes = boxes;
    update();
}

void PhotoView::setFacesVisible(bool visible)
{
    m_showFaces = visible;
    update();
}

void PhotoView::setDrawMode(bool on)
{
    m_drawMode = on;
    m_dragging = false;
    setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

QRectF PhotoView::imageRect() const
{
    if (m_image.isNull())
        return {};
    const QSizeF avail = QSizeF(size()).shrunkBy(QMarginsF(8, 8, 8, 8));
    QSizeF s = QSizeF(m_image.size()) / m_image.devicePixelRatio();
    s.scale(avail, Qt::KeepAspectRatio);
    if (s.width() > m_image.width() * 4 || s.height() > m_image.height() * 4)
        s = QSizeF(m_image.size()) * 4; // do not blow tiny images up beyond recognition
    return QRectF(QPointF((width() - s.width()) / 2.0, (height() - s.height()) / 2.0), s);
}

QRectF PhotoView::toWidget(const QRectF& r) const
{
    const QRectF ir = imageRect();
    if (ir.isEmpty() || m_fullSize.isEmpty())
        return {};
    const qreal sx = ir.width() / m_fullSize.width();
    const qreal sy = ir.height() / m_fullSize.height();
    return QRectF(ir.left() + r.left() * sx, ir.top() + r.top() * sy, r.width() * sx, r.height() * sy);
}

QRectF PhotoView::toImage(const QRectF& r) const
{
    const QRectF ir = imageRect();
    if (ir.isEmpty() || m_fullSize.isEmpty())
        return {};
    const qreal sx = m_fullSize.width() / ir.width();
    const qreal sy = m_fullSize.height() / ir.height();
    QRectF out((r.left() - ir.left()) * sx, (r.top() - ir.top()) * sy, r.width() * sx, r.height() * sy);
    return out.intersected(QRectF(QPointF(0, 0), QSizeF(m_fullSize)));
}

void PhotoView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRectF ir = imageRect();
    p.drawImage(ir, m_image);
    if (m_showFaces) {
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QFontMetrics fm(f);
        for (const FaceBox& box : std::as_const(m_boxes)) {
            const QRectF r = toWidget(box.rect);
            QPen pen(box.label.isEmpty() ? palette().color(QPalette::Highlight) : QColor(Qt::white), 2);
            if (box.suggestion)
                pen.setStyle(Qt::DashLine);
            p.setPen(QPen(QColor(0, 0, 0, 140), 4));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r, 3, 3);
            p.setPen(pen);
            p.drawRoundedRect(r, 3, 3);
            const QString text = box.label.isEmpty() ? tr("Who is this?") : box.label;
            const QRectF tag(r.left(), r.bottom() + 3, fm.horizontalAdvance(text) + 10, fm.height() + 4);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0, 0, 0, 170));
            p.drawRoundedRect(tag, 3, 3);
            p.setPen(Qt::white);
            p.drawText(tag, Qt::AlignCenter, text);
        }
    }
    if (m_dragging) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(m_dragStart, m_dragNow).normalized());
    }
}

void PhotoView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (m_drawMode && imageRect().contains(event->position())) {
        m_dragging = true;
        m_dragStart = m_dragNow = event->position();
        return;
    }
    if (m_showFaces) {
        for (int i = 0; i < m_boxes.size(); ++i) {
            if (toWidget(m_boxes.at(i).rect).contains(event->position())) {
                Q_EMIT faceClicked(m_boxes.at(i).faceId, i);
                return;
            }
        }
    }
    QWidget::mousePressEvent(event);
}

void PhotoView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        m_dragNow = event->position();
        update();
    }
}

void PhotoView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    m_dragging = false;
    const QRectF r = toImage(QRectF(m_dragStart, event->position()).normalized());
    update();
    if (r.width() >= 4 && r.height() >= 4)
        Q_EMIT faceDrawn(r);
}

} // namespace kindred
