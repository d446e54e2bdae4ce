#include "backupservice.h"
#include "catalog.h"
#include "catalogbackup.h"
#include "catalogsession.h"
#include "faceindexer.h"
#include "icons.h"
#include "jobmanager.h"
#include "libraryservice.h"
#include "mainwindow.h"
#include "restoredialog.h"
#include "screenshottour.h"
#include "settingsdialog.h"
#include "thumbnailprovider.h"
#include "translations.h"
#include "waitpolicy.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace {

// Waits (up to 15 s) for other processes to let go of the catalog: Settings ▸ Restore starts the new
// Kindred while the old one is still closing.
void waitUntilUnused(const QString& catalog)
{
    QElapsedTimer clock;
    clock.start();
    while (!kindred::CatalogSession::liveSessions(catalog).isEmpty() && clock.elapsed() < 15000)
        QThread::msleep(100);
}

// A restore the family chose in Settings (kept in QSettings across the restart). Returns what to tell them.
QString restorePending(const QString& libraryDir)
{
    QSettings settings;
    const QString backup = settings.value(kindred::LibraryService::pendingRestoreKey()).toString();
    if (backup.isEmpty())
        return {};
    settings.remove(kindred::LibraryService::pendingRestoreKey());
    const QString catalog = kindred::LibraryService::catalogPathFor(libraryDir);
    waitUntilUnused(catalog);
    QString keptAs;
    QString error;
    if (!kindred::LibraryService::restoreBackup(catalog, backup, &keptAs, &error))
        return QApplication::translate("main", "The backup could not be restored: %1").arg(error);
    return QApplication::translate("main", "The backup was restored. The catalog it replaced is kept as %1.")
        .arg(QDir::toNativeSeparators(keptAs));
}

// The catalog is damaged: offer its backups (or a new catalog when there are none), then open again.
bool offerRestore(kindred::LibraryService& library, const QString& libraryDir, const QString& details,
                  QString* error)
{
    const QString catalog = library.lastOpenCatalogPath();
    const QList<kindred::BackupEntry> backups = kindred::BackupService::entriesFor(catalog);
    kindred::RestoreDialog dialog(kindred::RestoreDialog::Mode::Damaged, backups, details);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    QString why;
    if (backups.isEmpty()) {
        // A new catalog; the damaged one stays beside it for whoever can repair it.
        const QString aside = catalog + QStringLiteral(".damaged-") +
                              QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        if (!kindred::CatalogBackup::moveWithJournal(catalog, aside, nullptr)) {
            *error = QApplication::translate("main", "The damaged catalog could not be moved aside.");
            return false;
        }
        QFile::remove(kindred::Catalog::checkNeededMarker(catalog));
    } else if (!kindred::LibraryService::restoreBackup(catalog, dialog.chosenPath(), nullptr, &why)) {
        *error = why;
        return false;
    }
    return library.open(libraryDir, error);
}

} // namespace

int main(int argc, char* argv[])
{
    kindred::WaitPolicy::applyBeforeMain(argv); // before anything else: may execute the program again
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kindred"));
    QApplication::setOrganizationName(QStringLiteral("Kindred"));
    QApplication::setApplicationVersion(QStringLiteral(KINDRED_VERSION));
    QApplication::setWindowIcon(kindred::Icons::appIcon());
    QGuiApplication::setDesktopFileName(QStringLiteral("kindred")); // packaging/kindred.desktop

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kindred: an offline family photo library"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption libraryOption(QStringLiteral("library"),
                                           QStringLiteral("Use the library in <dir> instead of the default."),
                                           QStringLiteral("dir"));
    const QCommandLineOption viewOption(
        QStringLiteral("view"),
        QStringLiteral("Open <view> at start: library, folders, people, unknown, suggestions, search."),
        QStringLiteral("view"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("User interface language (de, es, fr, zh_CN, en)."),
                                        QStringLiteral("code"));
    // For docs/screenshots (scripts/screenshots.sh); not shown in --help.
    QCommandLineOption screenshotsOption(QStringLiteral("screenshots"),
                                         QStringLiteral("Save a PNG of each view into <dir>, then quit."),
                                         QStringLiteral("dir"));
    QCommandLineOption screenshotNamesOption(QStringLiteral("screenshot-names"),
                                             QStringLiteral("Only these screenshots (comma-separated)."),
                                             QStringLiteral("names"));
    QCommandLineOption screenshotSuffixOption(QStringLiteral("screenshot-suffix"),
                                              QStringLiteral("Append <suffix> to each screenshot's name."),
                                              QStringLiteral("suffix"));
    for (QCommandLineOption* o : {&screenshotsOption, &screenshotNamesOption, &screenshotSuffixOption})
        o->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({libraryOption, viewOption, langOption, screenshotsOption, screenshotNamesOption,
                       screenshotSuffixOption});
    parser.process(app);

    const QString language = parser.isSet(langOption)
                                 ? parser.value(langOption)
                                 : QSettings().value(kindred::SettingsKeys::language).toString();
    kindred::Translations::install(language);

    kindred::SettingsDialog::setCudaAvailable(kindred::FaceIndexer::cudaAvailable());
    kindred::JobManager jobs;
    kindred::LibraryService library(&jobs);
    QString error;
    const QString libraryDir = parser.value(libraryOption);
    const QString restoredNotice = restorePending(libraryDir);
    bool opened = library.open(libraryDir, &error);
    if (!opened && library.lastOpenFoundDamage() && !parser.isSet(screenshotsOption))
        opened =
            offerRestore(library, libraryDir,
                         QApplication::translate("main", "Catalog: %1\nWhat SQLite found: %2")
                             .arg(QDir::toNativeSeparators(library.lastOpenCatalogPath()),
                                  library.lastOpenProblems().join(QLatin1Char(' ')).simplified().left(300)),
                         &error);
    kindred::ThumbnailProvider thumbnails(library.thumbnailDir());
    kindred::MainWindow window(&library, &jobs, &thumbnails);
    if (parser.isSet(viewOption)) {
        if (const auto view = kindred::MainWindow::viewFromName(parser.value(viewOption)))
            window.showView(*view);
    }
    const bool touring = parser.isSet(screenshotsOption);
    if (touring)
        window.resize(1280, 800);
    window.show();
    std::unique_ptr<kindred::ScreenshotTour> tour;
    if (touring && opened) {
        tour = std::make_unique<kindred::ScreenshotTour>(
            &window, parser.value(screenshotsOption),
            parser.value(screenshotNamesOption).split(QLatin1Char(','), Qt::SkipEmptyParts),
            parser.value(screenshotSuffixOption));
        QObject::connect(tour.get(), &kindred::ScreenshotTour::finished, &app,
                         [](int failures) { QCoreApplication::exit(failures == 0 ? 0 : 1); });
        // The first photo list decides between the library tour and the empty-library picture.
        auto started = std::make_shared<bool>(false);
        QObject::connect(&library, &kindred::LibraryService::photosLoaded, tour.get(), [started, &tour] {
            if (!*started) {
                *started = true;
                QTimer::singleShot(500, tour.get(), &kindred::ScreenshotTour::start);
            }
        });
    }
    if (!opened && touring) {
        std::fprintf(stderr, "The photo library could not be opened: %s\n", qPrintable(error));
        return 1;
    }
    // Damage found by the check that follows a clean start: nothing more is written; the next start runs
    // the full check first and offers the backups.
    QObject::connect(
        &library, &kindred::LibraryService::damagedWhileOpen, &window, [&window](const QString& text) {
            QMessageBox box(QMessageBox::Critical, QApplication::translate("main", "Kindred"), text,
                            QMessageBox::NoButton, &window);
            QPushButton* restart =
                box.addButton(QApplication::translate("main", "Start again"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Close);
            box.exec();
            if (box.clickedButton() == restart)
                kindred::RestoreDialog::restartKindred();
            else
                QCoreApplication::quit();
        });
    if (opened && !restoredNotice.isEmpty())
        QMessageBox::information(&window, QApplication::translate("main", "Kindred"), restoredNotice);
    if (!opened) {
        QMessageBox::critical(
            &window, QApplication::translate("main", "Kindred"),
            QApplication::translate("main", "The photo library could not be opened.\n%1").arg(error));
    } else if (QSettings().value(kindred::SettingsKeys::rescanAtStart, false).toBool()) {
        QObject::connect(&library, &kindred::LibraryService::photosLoaded, &window, [&library, &window] {
            static bool done = false;
            if (!done && !library.roots().isEmpty()) {
                done = true;
                window.rescan();
            }
        });
    }
    const int rc = QApplication::exec();
    jobs.cancelAll();
    return rc;
}
