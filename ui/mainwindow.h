#pragma once

#include <QMainWindow>
#include <QUrl>
#include <optional>

class QAbstractItemModel;
class QLabel;
class QListWidget;
class QStackedWidget;
class QUndoStack;

namespace kindred {

class EmptyStateView;
class FolderView;
class JobManager;
class JobStatusWidget;
class LibraryService;
class PeopleView;
class PhotoGridView;
class PhotoListModel;
class PhotoViewer;
class SearchView;
class ThumbnailProvider;

// The main window: a sidebar (Library, Folders, People, Unknown faces, Suggestions, Search), the views in
// a stack (plus the photo viewer), the background-job status area and the menus. Folders dropped on the
// window (or chosen with File ▸ Add folder…) become watched roots and are scanned at once.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Library, Folders, People, UnknownFaces, Suggestions, Search, Viewer };
    Q_ENUM(View)

    MainWindow(LibraryService* library, JobManager* jobs, ThumbnailProvider* thumbnails,
               QWidget* parent = nullptr);

    void showView(View view);
    View currentView() const;
    // "library", "folders", "people", "unknown", "suggestions", "search", "viewer".
    static std::optional<View> viewFromName(const QString& name);

    // Imports dropped/pasted URLs: folders become watched roots, image files add their folder; anything
    // else is refused with the reason in the status area. Returns the number of scans started.
    int importUrls(const QList<QUrl>& urls);
    void addFolderDialog();
    void rescan();
    void openPhoto(QAbstractItemModel* model, int row);
    void setCellSize(int size);

    PhotoGridView* libraryGrid() const { return m_libraryGrid; }
    PhotoListModel* libraryModel() const { return m_libraryModel; }
    FolderView* folderView() const { return m_folders; }
    PeopleView* peopleView() const { return m_people; }
    SearchView* searchView() const { return m_search; }
    PhotoViewer* viewer() const { return m_viewer; }
    JobStatusWidget* jobStatus() const { return m_jobStatus; }
    QListWidget* sidebar() const { return m_sidebar; }
    QUndoStack* undoStack() const { return m_undo; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void onPhotosLoaded();
    void onLibraryOpened();
    void showSettings();
    void showAbout();

    LibraryService* m_library;
    JobManager* m_jobs;
    ThumbnailProvider* m_thumbnails;
    QUndoStack* m_undo;
    QListWidget* m_sidebar;
    QStackedWidget* m_stack;
    PhotoListModel* m_libraryModel;
    PhotoGridView* m_libraryGrid;
    FolderView* m_folders;
    PeopleView* m_people;
    EmptyStateView* m_unknown;
    EmptyStateView* m_suggestions;
    SearchView* m_search;
    PhotoViewer* m_viewer;
    JobStatusWidget* m_jobStatus;
    QLabel* m_countLabel = nullptr;
    View m_viewerReturn = View::Library;
};

} // namespace kindred
