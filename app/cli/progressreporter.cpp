#include "progressreporter.h"

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace kindred {

ProgressReporter::ProgressReporter(QTextStream& err, QString label)
    : m_err(err), m_label(std::move(label)), m_tty(stderrIsTerminal())
{
    m_clock.start();
}

ProgressReporter::~ProgressReporter()
{
    finish();
}

bool ProgressReporter::stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return ::_isatty(::_fileno(stderr)) != 0;
#else
    return ::isatty(STDERR_FILENO) == 1;
#endif
}

void ProgressReporter::update(qint64 done, qint64 total, const QString& detail)
{
    const qint64 now = m_clock.elapsed();
    const bool last = total > 0 && done >= total;
    if (!last && now - m_lastDrawMs < (m_tty ? 100 : 1000))
        return;
    m_lastDrawMs = now;
    const double seconds = now / 1000.0;
    const double rate = seconds > 0 ? done / seconds : 0.0;
    QString eta;
    if (total > 0 && rate > 0 && done < total)
        eta = QStringLiteral(" ETA %1s").arg(qRound64((total - done) / rate));
    const QString counts = total > 0 ? QStringLiteral("%1/%2").arg(done).arg(total) : QString::number(done);
    if (m_tty) {
        const int width = 30;
        const int filled = total > 0 ? int(width * qMin<qint64>(done, total) / total) : 0;
        QString line =
            QStringLiteral("\r%1 [%2%3] %4 %5/s%6 ")
                .arg(m_label, QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('.')),
                     counts, QString::number(rate, 'f', 1), eta);
        if (!detail.isEmpty())
            line += detail.right(40);
        m_err << line.leftJustified(120) << Qt::flush;
        m_drawn = true;
    } else {
        m_err << m_label << ": " << counts << " (" << QString::number(rate, 'f', 1) << "/s" << eta << ")\n"
              << Qt::flush;
    }
}

void ProgressReporter::finish()
{
    if (m_tty && m_drawn) {
        m_err << '\n' << Qt::flush;
        m_drawn = false;
    }
}

} // namespace kindred
