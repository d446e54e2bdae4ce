#pragma once

#include <QImage>
#include <QList>
#include <QRectF>
#include <QWidget>

namespace kindred {

// A face rectangle over a photo, in pixels of the full displayed (oriented) image.
struct FaceBox {
    QRectF rect;
    QString label; // a person's name, or empty for an unknown face
    qint64 faceId = 0;
    bool suggestion = false; // drawn dashed: "Is this X?"
};

// Shows one image fitted to the widget, with optional face boxes. Clicking a box emits faceClicked();
// in draw mode, dragging a rectangle emits faceDrawn() with the rectangle in image pixels.
class PhotoView : public QWidget {
    Q_OBJECT
public:
    explicit PhotoView(QWidget* parent = nullptr);

    // `fullSize`: the photo's displayed size, the coordinate space of face boxes (the image may be a
    // reduced decode). Invalid = the image's own size.
    void setImage(const QImage& image, const QSize& fullSize = QSize());
    void clear(const QString& message = {});
    QImage image() const { return m_image; }
    void setFaceBoxes(const QList<FaceBox>& boxes);
    QList<FaceBox> faceBoxes() const { return m_boxes; }
    void setFacesVisible(bool visible);
    bool facesVisible() const { return m_showFaces; }
    void setDrawMode(bool on);
    bool drawMode() const { return m_drawMode; }

    // Where the image is drawn, and the mapping from image pixels to widget coordinates.
    QRectF imageRect() const;
    QRectF toWidget(const QRectF& imageRect) const;
    QRectF toImage(const QRectF& widgetRect) const;

Q_SIGNALS:
    void faceClicked(qint64 faceId, int index);
    void faceDrawn(const QRectF& imageRect);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QImage m_image;
    QSize m_fullSize;
    QString m_message;
    QList<FaceBox> m_boxes;
    bool m_showFaces = true;
    bool m_drawMode = false;
    bool m_dragging = false;
    QPointF m_dragStart;
    QPointF m_dragNow;
};

} // namespace kindred
