#include "jobmanager.h"
#include "libraryservice.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "thumbnailprovider.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kindred"));
    QApplication::setOrganizationName(QStringLiteral("Kindred"));
    QApplication::setApplicationVersion(QStringLiteral(KINDRED_VERSION));

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
    parser.addOptions({libraryOption, viewOption, langOption});
    parser.process(app);

    const QString language = parser.isSet(langOption)
                                 ? parser.value(langOption)
                                 : QSettings().value(kindred::SettingsKeys::language).toString();
    kindred::Translations::install(language);

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
    window.show();
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
