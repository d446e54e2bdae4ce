#pragma once

#include <QPersistentModelIndex>
#include <QWidget>

class QAbstractItemModel;
class QFormLayout;
class QLabel;
class QToolButton;

namespace kindred {

class PhotoView;
class ThumbnailProvider;

// The photo viewer page: the image (decoded on a worker by the ThumbnailProvider, EXIF orientation
// applied; the thumbnail is shown meanwhile), previous/next with the arrow keys (Home/End too), Escape to
// go back, and a metadata panel (date, camera, size, GPS, path). Face boxes: see PhotoView; they are
// wired when a face service provides them.
class PhotoViewer : public QWidget {
    Q_OBJECT
public:
    PhotoViewer(ThumbnailProvider* provider, QWidget* parent = nullptr);

    // Shows row `row` of `model` (a PhotoListModel or a proxy over one).
    void showPhoto(QAbstractItemModel* model, int row);
    int currentRow() const { return m_index.isValid() ? m_index.row() : -1; }
    qint64 currentPhotoId() const { return m_photoId; }
    PhotoView* photoView() const { return m_view; }
    bool next();
    bool previous();

Q_SIGNALS:
    void closeRequested();
    void currentRowChanged(int row);
    void imageShown(qint64 photoId); // the full image (not the thumbnail) is on screen

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void load();
    void updateMetadata();
    void onImageReady(qint64 id, const QImage& image, const QString& error);

    ThumbnailProvider* m_provider;
    QAbstractItemModel* m_model = nullptr;
    QPersistentModelIndex m_index;
    qint64 m_photoId = 0;
    PhotoView* m_view;
    QToolButton* m_back;
    QToolButton* m_prev;
    QToolButton* m_next;
    QToolButton* m_faces;
    QLabel* m_position;
    QWidget* m_panel;
    QFormLayout* m_form;
    QLabel* m_name;
    QLabel* m_date;
    QLabel* m_camera;
    QLabel* m_dims;
    QLabel* m_gps;
    QLabel* m_path;
};

} // namespace kindred
