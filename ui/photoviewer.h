#pragma once

#include "faceservice.h"
#include "librarypaths.h"

#include <QPersistentModelIndex>
#include <QThreadPool>
#include <QWidget>
#include <functional>
#include <memory>

class QAbstractItemModel;
class QFormLayout;
class QLabel;
class QToolButton;

namespace kindred {

class FaceIndexer;
class PeopleController;
class PhotoView;
class ThumbnailProvider;

// The photo viewer page: the image (decoded on a worker by the ThumbnailProvider, EXIF orientation
// applied; the thumbnail is shown meanwhile), previous/next with the arrow keys (Home/End too), Escape to
// go back, and a metadata panel (date, camera, size, GPS, path). Face boxes with names (F toggles them;
// read from FaceService on a worker): clicking one offers to name it, confirm or reject a suggestion, or
// ignore it; "Add a face" (D) lets the user draw a box around a face the detector missed
// (FaceIndexer::addManualFace on a worker), then name it.
class PhotoViewer : public QWidget {
    Q_OBJECT
public:
    PhotoViewer(ThumbnailProvider* provider, QWidget* parent = nullptr);
    ~PhotoViewer() override;

    // Where faces come from and where naming goes (until called, no face boxes are shown).
    void setFaceContext(PeopleController* people, const QString& catalogPath, const LibraryPaths& paths);
    void reloadFaces();
    QList<FaceRecord> faces() const { return m_faceRecords; }
    // The actions of the face menu (tests call them directly).
    void nameFace(qint64 faceId, const QString& name);
    void confirmFace(qint64 faceId);
    void rejectFace(qint64 faceId);
    void ignoreFace(qint64 faceId);
    // What clicking a face box offers: yes/no for a suggestion, name (or rename) it, "not X" for a
    // confirmed face, ignore it.
    enum class FaceAction { Confirm, Reject, Name, Unassign, Ignore, NotAFace };
    QList<FaceAction> faceActions(qint64 faceId) const;
    // Runs one of them (Name asks for a name unless `name` is given).
    void runFaceAction(qint64 faceId, FaceAction action, const QString& name = {});
    // Picks the action for a clicked face (and, for Name, may give the name; empty = ask); the default
    // shows the face menu at the cursor. Tests replace it so a click is driven without a modal menu.
    // Returns false when nothing was chosen.
    using FaceActionChooser = std::function<bool(const FaceRecord& face, const QList<FaceAction>& offered,
                                                 FaceAction* chosen, QString* name)>;
    void setFaceActionChooser(FaceActionChooser chooser) { m_chooser = std::move(chooser); }

    // A box drawn by the user (image pixels): added on a worker; `name` (may be empty: ask) follows.
    void addManualFace(const QRectF& box, const QString& name = {});

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
    void facesShown(qint64 photoId, int faces);
    void manualFaceAdded(qint64 faceId, const QString& error);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void load();
    void updateMetadata();
    void onImageReady(qint64 id, const QImage& image, const QString& error);
    void showFaces(qint64 photoId, const QList<FaceRecord>& faces, const QStringList& names, quint64 serial);
    void onFaceClicked(qint64 faceId);
    bool chooseFromMenu(const FaceRecord& face, const QList<FaceAction>& offered, FaceAction* chosen);
    QString askName(const QString& title, const QString& current);

    ThumbnailProvider* m_provider;
    QAbstractItemModel* m_model = nullptr;
    QPersistentModelIndex m_index;
    qint64 m_photoId = 0;
    PhotoView* m_view;
    QToolButton* m_back;
    QToolButton* m_prev;
    QToolButton* m_next;
    QToolButton* m_faces;
    QToolButton* m_draw;
    PeopleController* m_people = nullptr;
    QString m_catalogPath;
    LibraryPaths m_paths;
    QList<FaceRecord> m_faceRecords;
    QStringList m_names;
    QThreadPool m_facePool;   // reads of the faces of a photo
    QThreadPool m_manualPool; // one thread that owns m_indexer (models loaded on first use)
    std::shared_ptr<FaceIndexer> m_indexer;
    quint64 m_faceSerial = 0;
    QLabel* m_position;
    QWidget* m_panel;
    QFormLayout* m_form;
    QLabel* m_name;
    QLabel* m_date;
    QLabel* m_camera;
    QLabel* m_dims;
    QLabel* m_gps;
    QLabel* m_path;
    FaceActionChooser m_chooser;
};

} // namespace kindred
