#include "faceindexer.h"
#include "icons.h"
#include "jobmanager.h"
#include "libraryservice.h"
#include "mainwindow.h"
#include "screenshottour.h"
#include "settingsdialog.h"
#include "thumbnailprovider.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <cstdio>
#include <memory>

int main(int argc, char* argv[])
{
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
    const bool opened = library.open(parser.value(libraryOption), &error);
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
