#include "screenshottour.h"

#include "clusterlistmodel.h"
#include "libraryservice.h"
#include "mainwindow.h"
#include "questionsview.h"
#include "peopleview.h"
#include "photolistmodel.h"
#include "photoview.h"
#include "photoviewer.h"
#include "searchview.h"
#include "settingsdialog.h"
#include "suggestionsview.h"
#include "unknownfacesview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QListView>
#include <QListWidget>
#include <QPixmap>
#include <QTimer>
#include <cstdio>

namespace kindred {

namespace {
constexpr int kPollMs = 100;
constexpr int kTimeoutMs = 30000;
constexpr int kSettleMs = 700; // face crops and thumbnails of a view that just appeared

int photoRowNamed(const PhotoListModel* model, const QString& fileName)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString path = model->index(row, 0).data(PhotoListModel::PathRole).toString();
        if (QFileInfo(path).fileName() == fileName)
            return row;
    }
    return -1;
}
} // namespace

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& outDir, const QStringList& only,
                               const QString& suffix, QObject* parent)
    : QObject(parent), m_window(window), m_outDir(outDir), m_only(only), m_suffix(suffix)
{
    connect(m_window->viewer(), &PhotoViewer::facesShown, this, [this] { m_facesShown = true; });
    connect(m_window->searchView(), &SearchView::searchFinished, this, [this] { m_searchDone = true; });
}

QStringList ScreenshotTour::allNames()
{
    return {QStringLiteral("empty-library"), QStringLiteral("main-window"), QStringLiteral("folders"),
            QStringLiteral("viewer"),        QStringLiteral("people"),      QStringLiteral("unknown-faces"),
            QStringLiteral("suggestions"),   QStringLiteral("search"),      QStringLiteral("settings"),
            QStringLiteral("write-names")};
}

void ScreenshotTour::buildSteps()
{
    MainWindow* w = m_window;
    PhotoListModel* library = w->libraryModel();
    if (library->rowCount() == 0) {
        m_steps.append({QStringLiteral("empty-library"), [w] { w->showView(MainWindow::View::Library); },
                        [] { return true; }, nullptr});
        return;
    }
    auto thumbnailsReady = [library] { return library->thumbnailsCached() >= library->rowCount(); };
    m_steps.append({QStringLiteral("main-window"), [w] { w->showView(MainWindow::View::Library); },
                    thumbnailsReady, nullptr});
    m_steps.append({QStringLiteral("folders"), [w] { w->showView(MainWindow::View::Folders); },
                    [] { return true; }, nullptr});
    m_steps.append({QStringLiteral("viewer"),
                    [this, w, library] {
                        w->showView(MainWindow::View::Library);
                        // A group photo when present (dev set, bbt fixture): the most face boxes.
                        int row = photoRowNamed(library, QStringLiteral("multiface.jpg"));
                        if (row < 0)
                            row = photoRowNamed(library, QStringLiteral("bbt2.jpg"));
                        m_facesShown = false;
                        w->openPhoto(library, row < 0 ? 0 : row);
                    },
                    [this, w] { return m_facesShown && !w->viewer()->photoView()->image().isNull(); },
                    nullptr});
    m_steps.append({QStringLiteral("people"), [w] { w->showView(MainWindow::View::People); },
                    [] { return true; }, nullptr});
    m_steps.append({QStringLiteral("unknown-faces"),
                    [w] {
                        w->showView(MainWindow::View::UnknownFaces);
                        QListView* clusters = w->unknownFacesView()->clusterList();
                        if (clusters->model()->rowCount() > 0)
                            clusters->setCurrentIndex(clusters->model()->index(0, 0));
                    },
                    [] { return true; }, nullptr});
    m_steps.append({QStringLiteral("suggestions"), [w] { w->showView(MainWindow::View::Suggestions); },
                    [] { return true; }, nullptr});
    m_steps.append({QStringLiteral("questions"), [w] { w->showView(MainWindow::View::Questions); },
                    [w] { return w->questionsView()->current() != nullptr; }, nullptr});
    m_steps.append({QStringLiteral("search"),
                    [this, w] {
                        w->showView(MainWindow::View::Search);
                        const QStringList names = w->peopleView()->names();
                        m_searchDone = false;
                        if (!names.isEmpty())
                            w->searchView()->searchFor({names.first()});
                        else
                            m_searchDone = true;
                    },
                    [this] { return m_searchDone; }, nullptr});
    m_steps.append({QStringLiteral("settings"),
                    [this, w] {
                        w->showView(MainWindow::View::Library);
                        auto* dialog = new SettingsDialog(w);
                        if (w->library()->isOpen())
                            dialog->setBackups(w->library()->backups());
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->show();
                        m_dialog = dialog;
                    },
                    [] { return true; }, [this] { return m_dialog; }});
    // File ▸ Write names to files…: its question is modal, so it is opened from the event loop and grabbed
    // once shown; next() closes it (Cancel).
    m_steps.append({QStringLiteral("write-names"),
                    [w] {
                        if (QAction* action = w->findChild<QAction*>(QStringLiteral("actionWriteNames")))
                            QTimer::singleShot(0, action, &QAction::trigger);
                    },
                    [this] {
                        QWidget* box = QApplication::activeModalWidget();
                        if (box && box->objectName() == QLatin1String("writeNamesBox"))
                            m_dialog = box;
                        return m_dialog != nullptr;
                    },
                    [this] { return m_dialog; }});
}

void ScreenshotTour::start()
{
    buildSteps();
    if (!m_only.isEmpty()) {
        QList<Step> kept;
        for (const Step& s : std::as_const(m_steps))
            if (m_only.contains(s.name))
                kept.append(s);
        m_steps = kept;
    }
    QDir().mkpath(m_outDir);
    m_current = -1;
    next();
}

void ScreenshotTour::next()
{
    if (m_dialog) {
        m_dialog->close();
        m_dialog = nullptr;
    }
    ++m_current;
    if (m_current >= m_steps.size()) {
        Q_EMIT finished(m_failures);
        return;
    }
    m_waitedMs = 0;
    m_steps[m_current].prepare();
    QTimer::singleShot(kPollMs, this, &ScreenshotTour::poll);
}

void ScreenshotTour::poll()
{
    const Step& step = m_steps[m_current];
    if (!step.ready() && m_waitedMs < kTimeoutMs) {
        m_waitedMs += kPollMs;
        QTimer::singleShot(kPollMs, this, &ScreenshotTour::poll);
        return;
    }
    if (m_waitedMs >= kTimeoutMs)
        std::fprintf(stderr, "screenshots: %s: gave up waiting after %d s\n", qPrintable(step.name),
                     kTimeoutMs / 1000);
    QTimer::singleShot(kSettleMs, this, [this] {
        save(m_steps[m_current]);
        next();
    });
}

void ScreenshotTour::save(const Step& step)
{
    QWidget* target = step.target ? step.target() : nullptr;
    if (!target)
        target = m_window;
    const QString file = QDir(m_outDir).filePath(step.name + m_suffix + QStringLiteral(".png"));
    if (!target->grab().save(file)) {
        std::fprintf(stderr, "screenshots: could not write %s\n", qPrintable(file));
        ++m_failures;
        return;
    }
    std::fprintf(stdout, "screenshots: %s\n", qPrintable(file));
    std::fflush(stdout);
}

} // namespace kindred
