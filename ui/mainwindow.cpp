#include "mainwindow.h"

#include "facecropcache.h"
#include "folderview.h"
#include "icons.h"
#include "jobmanager.h"
#include "jobstatuswidget.h"
#include "libraryservice.h"
#include "peoplecontroller.h"
#include "peopleview.h"
#include "photogridview.h"
#include "photolistmodel.h"
#include "photoviewer.h"
#include "questionsview.h"
#include "searchview.h"
#include "settingsdialog.h"
#include "suggestionsview.h"
#include "thumbnailprovider.h"
#include "unknownfacesview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace kindred {

MainWindow::MainWindow(LibraryService* library, JobManager* jobs, ThumbnailProvider* thumbnails,
                       QWidget* parent)
    : QMainWindow(parent), m_library(library), m_jobs(jobs), m_thumbnails(thumbnails),
      m_peopleCtl(new PeopleController(this)), m_crops(new FaceCropCache(this))
{
    setWindowTitle(tr("Kindred"));
    setWindowIcon(Icons::icon(Icons::Name::App));
    setAcceptDrops(true);

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    m_sidebar->setMinimumWidth(170);
    m_sidebar->setMaximumWidth(240);
    const QList<QPair<Icons::Name, QString>> entries{{Icons::Name::Library, tr("Library")},
                                                     {Icons::Name::Folder, tr("Folders")},
                                                     {Icons::Name::People, tr("People")},
                                                     {Icons::Name::UnknownFace, tr("Unknown faces")},
                                                     {Icons::Name::Suggestions, tr("Suggestions")},
                                                     {Icons::Name::Faces, tr("Questions")},
                                                     {Icons::Name::Search, tr("Search")}};
    for (const auto& [icon, text] : entries)
        new QListWidgetItem(Icons::icon(icon), text, m_sidebar);

    m_stack = new QStackedWidget(this);
    m_libraryModel = new PhotoListModel(m_thumbnails, this);
    m_libraryGrid = new PhotoGridView(m_libraryModel, m_stack);
    m_libraryGrid->setTitle(tr("Library"));
    m_libraryGrid->setEmptyState(tr("No photos yet.\nDrop a folder of photos here, or add one."),
                                 tr("Add folder…"));
    m_folders = new FolderView(m_thumbnails, m_stack);
    m_people = new PeopleView(m_peopleCtl, m_crops, m_stack);
    m_unknown = new UnknownFacesView(m_peopleCtl, m_crops, m_stack);
    m_suggestions = new SuggestionsView(m_peopleCtl, m_crops, m_stack);
    m_questions = new QuestionsView(m_peopleCtl, m_crops, m_stack);
    m_search = new SearchView(m_thumbnails, m_stack);
    m_viewer = new PhotoViewer(m_thumbnails, m_stack);
    for (QWidget* w : std::initializer_list<QWidget*>{m_libraryGrid, m_folders, m_people, m_unknown,
                                                      m_suggestions, m_questions, m_search, m_viewer})
        m_stack->addWidget(w);

    m_jobStatus = new JobStatusWidget(m_jobs, this);

    auto* split = new QSplitter(this);
    split->addWidget(m_sidebar);
    split->addWidget(m_stack);
    split->setStretchFactor(1, 1);
    split->setCollapsible(1, false);
    split->setSizes({190, 1000});
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(split, 1);
    layout->addWidget(m_jobStatus);
    setCentralWidget(central);

    createMenus();
    m_countLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_countLabel);

    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row != m_stack->currentIndex())
            m_stack->setCurrentIndex(row);
        if (row == int(View::People))
            m_people->refresh();
        if (row == int(View::Search))
            m_search->refreshPeople();
        if (row == int(View::UnknownFaces))
            m_unknown->refresh();
        if (row == int(View::Suggestions))
            m_suggestions->refresh();
        if (row == int(View::Questions)) {
            m_questions->refresh();
            m_questions->setFocus();
        }
    });
    connect(m_peopleCtl, &PeopleController::changed, this, &MainWindow::refreshPeopleViews);
    // New labels may make a background fine-tuning run worthwhile (after a quiet period).
    connect(m_peopleCtl, &PeopleController::changed, m_library, &LibraryService::labelsChanged);
    connect(m_peopleCtl, &PeopleController::failed, this,
            [this](const QString& message) { m_jobStatus->showNotice(message, true); });
    connect(m_peopleCtl, &PeopleController::undoStateChanged, this, &MainWindow::updateUndoActions);
    connect(m_library, &LibraryService::facesChanged, this, [this] {
        m_crops->clear();
        refreshPeopleViews();
        m_viewer->reloadFaces();
    });
    connect(m_libraryGrid, &PhotoGridView::photoActivated, this,
            [this](int row) { openPhoto(m_libraryModel, row); });
    connect(m_libraryGrid, &PhotoGridView::emptyActionTriggered, this, &MainWindow::addFolderDialog);
    connect(m_folders, &FolderView::photoActivated, this,
            [this](int row) { openPhoto(m_folders->model(), row); });
    connect(m_search, &SearchView::photoActivated, this,
            [this](int row) { openPhoto(m_search->model(), row); });
    connect(m_people, &PeopleView::personActivated, this, [this](const QString& name) {
        showView(View::Search);
        m_search->searchFor({name});
    });
    connect(m_viewer, &PhotoViewer::closeRequested, this, [this] { showView(m_viewerReturn); });
    for (PhotoGridView* grid : {m_libraryGrid, m_folders->grid(), m_search->grid()})
        connect(grid, &PhotoGridView::cellSizeChanged, this, &MainWindow::setCellSize);
    connect(m_library, &LibraryService::photosLoaded, this, &MainWindow::onPhotosLoaded);
    connect(m_library, &LibraryService::opened, this, &MainWindow::onLibraryOpened);

    setCellSize(QSettings().value(SettingsKeys::thumbnailSize, 160).toInt());
    m_sidebar->setCurrentRow(0);
    if (m_library->isOpen())
        onLibraryOpened();
    resize(1200, 780);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* add = file->addAction(Icons::icon(Icons::Name::AddFolder), tr("&Add folder…"), this,
                                   &MainWindow::addFolderDialog);
    add->setShortcut(QKeySequence::Open);
    add->setObjectName(QStringLiteral("actionAddFolder"));
    QAction* rescanAction = file->addAction(tr("&Rescan folders"), this, &MainWindow::rescan);
    rescanAction->setShortcut(QKeySequence::Refresh);
    rescanAction->setObjectName(QStringLiteral("actionRescan"));
    file->addSeparator();
    QAction* faces =
        file->addAction(Icons::icon(Icons::Name::Faces), tr("Find &faces"), this, &MainWindow::findFaces);
    faces->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    faces->setObjectName(QStringLiteral("actionFindFaces"));
    QAction* personalise = file->addAction(tr("&Personalise face recognition"), this, [this] {
        QString error;
        if (m_library->personaliseFaces(&error) < 0)
            m_jobStatus->showNotice(error, true);
    });
    personalise->setToolTip(tr("Learn from the faces you named to tell your family apart better"));
    personalise->setObjectName(QStringLiteral("actionPersonalise"));
    QAction* writeNames = file->addAction(tr("&Write names to files…"), this, &MainWindow::writeNamesDialog);
    writeNames->setToolTip(tr("Save the names as tags other photo programs can read"));
    writeNames->setObjectName(QStringLiteral("actionWriteNames"));
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(tr("&Undo"), m_peopleCtl, &PeopleController::undo);
    m_undoAction->setShortcuts({QKeySequence::Undo});
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_redoAction = edit->addAction(tr("&Redo"), m_peopleCtl, &PeopleController::redo);
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    updateUndoActions({}, {});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* larger = view->addAction(tr("&Larger thumbnails"), this,
                                      [this] { setCellSize(m_libraryGrid->cellSize() + 40); });
    larger->setShortcut(QKeySequence::ZoomIn);
    QAction* smaller = view->addAction(tr("&Smaller thumbnails"), this,
                                       [this] { setCellSize(m_libraryGrid->cellSize() - 40); });
    smaller->setShortcut(QKeySequence::ZoomOut);
    view->addSeparator();
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QAction* a = view->addAction(m_sidebar->item(i)->icon(), m_sidebar->item(i)->text(), this,
                                     [this, i] { showView(View(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Kindred"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showView(View view)
{
    if (view == View::Viewer) {
        m_stack->setCurrentWidget(m_viewer);
        return;
    }
    m_sidebar->setCurrentRow(int(view));
    m_stack->setCurrentIndex(int(view));
}

MainWindow::View MainWindow::currentView() const
{
    return View(m_stack->currentIndex());
}

std::optional<MainWindow::View> MainWindow::viewFromName(const QString& name)
{
    static const QMap<QString, View> names{
        {QStringLiteral("library"), View::Library},         {QStringLiteral("folders"), View::Folders},
        {QStringLiteral("people"), View::People},           {QStringLiteral("unknown"), View::UnknownFaces},
        {QStringLiteral("suggestions"), View::Suggestions}, {QStringLiteral("questions"), View::Questions},
        {QStringLiteral("search"), View::Search},           {QStringLiteral("viewer"), View::Viewer}};
    const auto it = names.find(name.toLower());
    if (it == names.end())
        return std::nullopt;
    return *it;
}

void MainWindow::openPhoto(QAbstractItemModel* model, int row)
{
    if (!model || row < 0 || row >= model->rowCount())
        return;
    if (currentView() != View::Viewer)
        m_viewerReturn = currentView();
    m_viewer->showPhoto(model, row);
    showView(View::Viewer);
    m_viewer->setFocus();
}

void MainWindow::setCellSize(int size)
{
    size = qBound(PhotoGridView::kMinCell, size, PhotoGridView::kMaxCell);
    for (PhotoGridView* grid : {m_libraryGrid, m_folders->grid(), m_search->grid()})
        grid->setCellSize(size);
    QSettings().setValue(SettingsKeys::thumbnailSize, size);
}

int MainWindow::importUrls(const QList<QUrl>& urls)
{
    QStringList folders;
    QStringList problems;
    for (const QUrl& url : urls) {
        if (!url.isLocalFile()) {
            problems.append(tr("%1 is not a file on this computer.").arg(url.toDisplayString()));
            continue;
        }
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        const QString shown = QDir::toNativeSeparators(path);
        if (!info.exists()) {
            problems.append(tr("%1 does not exist.").arg(shown));
        } else if (info.isDir()) {
            folders.append(info.absoluteFilePath());
        } else if (LibraryService::isImageFileName(info.fileName())) {
            // Kindred keeps whole folders in sync: a photo brings its folder.
            folders.append(info.absolutePath());
        } else {
            problems.append(tr("%1 is not a photo or a folder.").arg(shown));
        }
    }
    folders.removeDuplicates();
    int started = 0;
    for (const QString& folder : std::as_const(folders)) {
        QString error;
        if (m_library->addFolder(folder, &error) > 0)
            ++started;
        else
            problems.append(error);
    }
    if (!problems.isEmpty())
        m_jobStatus->showNotice(tr("Could not add: %1").arg(problems.join(QLatin1Char(' '))), true);
    else if (started > 0)
        m_jobStatus->clearNotice();
    if (started > 0 && currentView() != View::Library && currentView() != View::Folders)
        showView(View::Library);
    return started;
}

void MainWindow::addFolderDialog()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Add a folder of photos"), QDir::homePath());
    if (!dir.isEmpty())
        importUrls({QUrl::fromLocalFile(dir)});
}

void MainWindow::rescan()
{
    QString error;
    if (m_library->rescan(&error) < 0)
        m_jobStatus->showNotice(error, true);
}

void MainWindow::findFaces()
{
    QString error;
    if (m_library->indexFaces(&error) < 0)
        m_jobStatus->showNotice(error, true);
}

void MainWindow::writeNamesDialog()
{
    QMessageBox box(QMessageBox::Question, tr("Write names to files"),
                    tr("Save the names you gave as face tags that other photo programs (digiKam, Lightroom, "
                       "Windows Photos, …) and a new Kindred library can read?"),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("writeNamesBox"));
    box.setInformativeText(
        tr("Sidecar files are small .xmp files saved next to each photo; your photos stay "
           "exactly as they are. Writing into the photos changes the photo files themselves "
           "(JPEG, PNG, TIFF, WebP; the picture is checked to stay identical). Only photos "
           "whose names changed are written."));
    QPushButton* sidecars = box.addButton(tr("Write &sidecar files"), QMessageBox::AcceptRole);
    sidecars->setObjectName(QStringLiteral("sidecarsButton"));
    QPushButton* into = box.addButton(tr("Write &into the photos"), QMessageBox::ActionRole);
    into->setObjectName(QStringLiteral("intoPhotosButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(sidecars);
    box.exec();
    const bool intoFiles = box.clickedButton() == into;
    if (!intoFiles && box.clickedButton() != sidecars)
        return;
    if (intoFiles) {
        QMessageBox confirm(QMessageBox::Warning, tr("Change your photo files?"),
                            tr("Kindred will rewrite the photos that have names, adding the names to their "
                               "metadata. Make sure you have a backup of your photos first."),
                            QMessageBox::Cancel, this);
        confirm.setObjectName(QStringLiteral("writeIntoPhotosBox"));
        QPushButton* go = confirm.addButton(tr("&Rewrite photos"), QMessageBox::DestructiveRole);
        go->setObjectName(QStringLiteral("rewriteButton"));
        confirm.setDefaultButton(QMessageBox::Cancel);
        confirm.exec();
        if (confirm.clickedButton() != go)
            return;
    }
    QString error;
    if (m_library->writeNamesToFiles(intoFiles, &error) < 0)
        m_jobStatus->showNotice(error, true);
}

void MainWindow::refreshPeopleViews()
{
    m_people->refresh();
    m_unknown->refresh();
    m_suggestions->refresh();
    m_questions->refresh();
    m_search->refreshPeople();
}

void MainWindow::updateUndoActions(const QString& undoLabel, const QString& redoLabel)
{
    m_undoAction->setEnabled(!undoLabel.isEmpty());
    m_undoAction->setText(undoLabel.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoLabel));
    m_redoAction->setEnabled(!redoLabel.isEmpty());
    m_redoAction->setText(redoLabel.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoLabel));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (!event->mimeData()->hasUrls()) {
        m_jobStatus->showNotice(tr("Only folders and photos can be dropped here."), true);
        return;
    }
    event->acceptProposedAction();
    importUrls(event->mimeData()->urls());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_jobs->cancelAll();
    QMainWindow::closeEvent(event);
}

void MainWindow::onLibraryOpened()
{
    setWindowTitle(tr("Kindred — %1").arg(QDir::toNativeSeparators(m_library->libraryRoot())));
    const QString catalog = m_library->catalogPath();
    const LibraryPaths paths = m_library->paths();
    m_crops->clear();
    m_peopleCtl->setCatalogCheck(m_library->catalogCheck());
    m_peopleCtl->setCatalogPath(catalog);
    m_people->setLibrary(catalog, paths);
    m_unknown->setLibrary(catalog, paths);
    m_suggestions->setLibrary(catalog, paths);
    m_questions->setLibrary(catalog, paths);
    m_search->setCatalogPath(catalog);
    m_viewer->setFaceContext(m_peopleCtl, catalog, paths);
}

void MainWindow::onPhotosLoaded()
{
    const QList<LibraryPhoto>& photos = m_library->photos();
    m_libraryModel->setPhotos(photos);
    m_folders->setPhotos(photos, m_library->roots());
    m_search->setLibrary(photos, m_library->roots());
    m_countLabel->setText(tr("%n photo(s) in the library", nullptr, int(photos.size())));
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (m_library->isOpen())
        dialog.setBackups(m_library->backups());
    if (dialog.exec() == QDialog::Accepted && dialog.needsRestart())
        m_jobStatus->showNotice(tr("Restart Kindred to use the new library location or language."), false);
}

void MainWindow::showAbout()
{
    // As QMessageBox::about, plus the licence notices of the bundled models under Show Details.
    QMessageBox box(QMessageBox::NoIcon, tr("About Kindred"),
                    tr("<h3>Kindred %1</h3><p>An offline family photo library that finds the people in "
                       "your pictures. Your photos never leave this computer.</p>")
                            .arg(QStringLiteral(KINDRED_VERSION)) +
                        tr("<p>The EdgeFace face recognition weights are by the Idiap Research Institute, "
                           "under the BSD 3-Clause licence (its notice is in the details).</p>"),
                    QMessageBox::Ok, this);
    const QIcon icon = box.windowIcon();
    box.setIconPixmap(icon.pixmap(icon.actualSize(QSize(64, 64))));
    // EdgeFace's licence (models/edgeface-LICENSE.txt), which binary redistributions must reproduce:
    // legal text, kept verbatim and not translated (its paragraphs unwrapped for the details box).
    const QString edgeFaceLicence = QStringLiteral(
        "BSD 3-Clause License\n\n"
        "Copyright (c) 2024, Anjith George, Christophe Ecabert, Hatef Otroshi Shahreza, Ketan Kotwal, "
        "S\u00e9bastien Marcel\nIdiap Research Institute, Martigny 1920, Switzerland.\n\n"
        "Redistribution and use in source and binary forms, with or without modification, are permitted "
        "provided that the following conditions are met:\n\n"
        "1. Redistributions of source code must retain the above copyright notice, this list of conditions "
        "and the following disclaimer.\n\n"
        "2. Redistributions in binary form must reproduce the above copyright notice, this list of "
        "conditions and the following disclaimer in the documentation and/or other materials provided with "
        "the distribution.\n\n"
        "3. Neither the name of the copyright holder nor the names of its contributors may be used to "
        "endorse or promote products derived from this software without specific prior written "
        "permission.\n\n"
        "THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS \"AS IS\" AND ANY EXPRESS OR "
        "IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND "
        "FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR "
        "CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL "
        "DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, "
        "DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER "
        "IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT "
        "OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.");
    box.setDetailedText(tr("EdgeFace face recognition weights (edgeface_xs_q.pt, edgeface_xxs_q.pt):") +
                        QStringLiteral("\n\n") + edgeFaceLicence);
    box.exec();
}

} // namespace kindred
