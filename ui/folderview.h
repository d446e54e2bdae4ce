#pragma once

#include "libraryservice.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace kindred {

class PhotoGridView;
class PhotoListModel;
class ThumbnailProvider;

// Folders: the watched roots and their sub-folders (with photo counts) on the left, the photos of the
// selected folder (recursive) in a grid on the right.
class FolderView : public QWidget {
    Q_OBJECT
public:
    FolderView(ThumbnailProvider* provider, QWidget* parent = nullptr);

    void setPhotos(const QList<LibraryPhoto>& photos, const QStringList& roots);
    void selectFolder(const QString& folder);
    QTreeWidget* tree() const { return m_tree; }
    PhotoGridView* grid() const { return m_grid; }
    PhotoListModel* model() const { return m_model; }

Q_SIGNALS:
    void photoActivated(int row);

private:
    void rebuildTree();

    QTreeWidget* m_tree;
    PhotoListModel* m_model;
    PhotoGridView* m_grid;
    QList<LibraryPhoto> m_photos;
    QStringList m_roots;
};

} // namespace kindred
