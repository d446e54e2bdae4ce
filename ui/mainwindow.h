#pragma once

#include <QMainWindow>
#include <QUrl>
#include <optional>

class QAbstractItemModel;
class QLabel;
class QListWidget;
class QAction;
class QStackedWidget;

namespace kindred {

class FaceCropCache;
class FolderView;
class JobManager;
class JobStatusWidget;
class LibraryService;
class PeopleController;
class PeopleView;
class PhotoGridView;
class PhotoListModel;
class PhotoViewer;
class SearchView;
class QuestionsView;
class SuggestionsView;
class ThumbnailProvider;
class UnknownFacesView;

// The main window: a sidebar (Library, Folders, People, Unknown faces, Suggestions, Questions, Search), the
// views in a stack (plus the photo viewer), the background-job status area and the menus. Folders dropped on
// the window (or chosen with File ▸ Add folder…) become watched roots and are scanned at once.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class View { Library, Folders, People, UnknownFaces, Suggestions, Questions, Search, Viewer };
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
    void findFaces(); // File ▸ Find faces: the face job now
    // File ▸ Write names to files…: asks sidecars or into the photos (a message box named
    // "writeNamesBox", then "writeIntoPhotosBox" to confirm rewriting photos), then starts the job.
    void writeNamesDialog();
    void openPhoto(QAbstractItemModel* model, int row);
    void setCellSize(int size);

    PhotoGridView* libraryGrid() const { return m_libraryGrid; }
    PhotoListModel* libraryModel() const { return m_libraryModel; }
    FolderView* folderView() const { return m_folders; }
    PeopleView* peopleView() const { return m_people; }
    LibraryService* library() const { return m_library; }
    SearchView* searchView() const { return m_search; }
    PhotoViewer* viewer() const { return m_viewer; }
    JobStatusWidget* jobStatus() const { return m_jobStatus; }
    QListWidget* sidebar() const { return m_sidebar; }
    UnknownFacesView* unknownFacesView() const { return m_unknown; }
    SuggestionsView* suggestionsView() const { return m_suggestions; }
    QuestionsView* questionsView() const { return m_questions; }
    PeopleController* peopleController() const { return m_peopleCtl; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }

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
    void refreshPeopleViews();
    void updateUndoActions(const QString& undoLabel, const QString& redoLabel);

    LibraryService* m_library;
    JobManager* m_jobs;
    ThumbnailProvider* m_thumbnails;
    PeopleController* m_peopleCtl;
    FaceCropCache* m_crops;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QListWidget* m_sidebar;
    QStackedWidget* m_stack;
    PhotoListModel* m_libraryModel;
    PhotoGridView* m_libraryGrid;
    FolderView* m_folders;
    PeopleView* m_people;
    UnknownFacesView* m_unknown;
    SuggestionsView* m_suggestions;
    QuestionsView* m_questions;
    SearchView* m_search;
    PhotoViewer* m_viewer;
    JobStatusWidget* m_jobStatus;
    QLabel* m_countLabel = nullptr;
    View m_viewerReturn = View::Library;
};

} // namespace kindred
