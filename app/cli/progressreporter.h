#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace kindred {

// Progress on stderr: a redrawn bar with rate and ETA on a terminal, plain lines (at most one a second)
// otherwise, so that logs and pipes stay readable.
class ProgressReporter {
public:
    ProgressReporter(QTextStream& err, QString label);
    ~ProgressReporter();
    ProgressReporter(const ProgressReporter&) = delete;
    ProgressReporter& operator=(const ProgressReporter&) = delete;

    void update(qint64 done, qint64 total, const QString& detail = {});
    void finish();

    static bool stderrIsTerminal();

private:
    QTextStream& m_err;
    QString m_label;
    QElapsedTimer m_clock;
    qint64 m_lastDrawMs = -1000000;
    bool m_tty;
    bool m_drawn = false;
};

} // namespace kindred
