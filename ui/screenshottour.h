#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace kindred {

class MainWindow;

// Walks the main window through its views and saves a PNG of each (QWidget::grab, so it works on any
// platform plugin, Xvfb included) — the docs/screenshots procedure (scripts/screenshots.sh). Views:
// main-window, folders, viewer (the photo with the most faces, boxes and names shown), people,
// unknown-faces, suggestions, search (a chip for the first person), settings, write-names (File ▸ Write names
// to files…); an empty library gives
// empty-library only. Each step waits until its data has landed (or 30 s), then a short settle.
// Emits finished() when done; failures are printed on stderr and counted.
class ScreenshotTour : public QObject {
    Q_OBJECT
public:
    // `only`: names to save (empty = all); `suffix` is appended to each file name ("-de").
    ScreenshotTour(MainWindow* window, const QString& outDir, const QStringList& only, const QString& suffix,
                   QObject* parent = nullptr);
    void start();
    int failures() const { return m_failures; }

    static QStringList allNames();

Q_SIGNALS:
    void finished(int failures);

private:
    struct Step {
        QString name;
        std::function<void()> prepare;
        std::function<bool()> ready;
        std::function<QWidget*()> target; // what to grab (null = the main window)
    };
    void buildSteps();
    void next();
    void poll();
    void save(const Step& step);

    MainWindow* m_window;
    QString m_outDir;
    QStringList m_only;
    QString m_suffix;
    QList<Step> m_steps;
    int m_current = -1;
    int m_waitedMs = 0;
    int m_failures = 0;
    bool m_facesShown = false;
    bool m_searchDone = false;
    QWidget* m_dialog = nullptr;
};

} // namespace kindred
