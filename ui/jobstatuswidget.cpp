#include "jobstatuswidget.h"

#include "icons.h"
#include "joberrorsdialog.h"
#include "jobmanager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace kindred {

namespace {
QToolButton* smallButton(QWidget* parent, Icons::Name icon, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setIcon(Icons::icon(icon));
    b->setIconSize(QSize(16, 16));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}
} // namespace

JobStatusWidget::JobStatusWidget(JobManager* jobs, QWidget* parent) : QWidget(parent), m_jobs(jobs)
{
    setObjectName(QStringLiteral("jobStatus"));
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(10, 4, 10, 4);
    m_layout->setSpacing(2);

    m_notice = new QWidget(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_noticeIcon = new QLabel(m_notice);
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setObjectName(QStringLiteral("noticeText"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = smallButton(m_notice, Icons::Name::Close, tr("Dismiss"));
    auto* nl = new QHBoxLayout(m_notice);
    nl->setContentsMargins(0, 0, 0, 0);
    nl->addWidget(m_noticeIcon);
    nl->addWidget(m_noticeText, 1);
    nl->addWidget(close);
    m_notice->hide();
    m_layout->addWidget(m_notice);
    connect(close, &QToolButton::clicked, this, &JobStatusWidget::clearNotice);

    connect(m_jobs, &JobManager::jobAdded, this, &JobStatusWidget::addRow);
    connect(m_jobs, &JobManager::jobChanged, this, &JobStatusWidget::updateRow);
    connect(m_jobs, &JobManager::jobRemoved, this, &JobStatusWidget::removeRow);
    const QList<JobInfo> existing = m_jobs->jobs();
    for (const JobInfo& j : existing)
        addRow(j.id);
    updateVisibility();
}

void JobStatusWidget::showNotice(const QString& text, bool error)
{
    m_noticeText->setText(text);
    m_noticeIcon->setPixmap(Icons::pixmap(error ? Icons::Name::Error : Icons::Name::Suggestions, 16, QColor(),
                                          devicePixelRatioF()));
    m_notice->show();
    updateVisibility();
}

void JobStatusWidget::clearNotice()
{
    m_noticeText->clear();
    m_notice->hide();
    updateVisibility();
}

QString JobStatusWidget::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_noticeText->text();
}

void JobStatusWidget::showErrors(int jobId)
{
    if (!m_jobs->contains(jobId))
        return;
    auto* dialog = new JobErrorsDialog(m_jobs->job(jobId), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void JobStatusWidget::addRow(int id)
{
    if (m_rows.contains(id))
        return;
    Row row;
    row.widget = new QWidget(this);
    row.widget->setObjectName(QStringLiteral("job-%1").arg(id));
    row.title = new QLabel(row.widget);
    row.title->setMinimumWidth(160);
    row.bar = new QProgressBar(row.widget);
    row.bar->setMaximumWidth(260);
    row.bar->setMinimumWidth(120);
    row.bar->setTextVisible(true);
    row.detail = new QLabel(row.widget);
    row.detail->setForegroundRole(QPalette::PlaceholderText);
    row.detail->setMinimumWidth(50);
    row.detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row.pause = smallButton(row.widget, Icons::Name::Pause, tr("Pause"));
    row.pause->setObjectName(QStringLiteral("pause"));
    row.cancel = smallButton(row.widget, Icons::Name::Cancel, tr("Cancel"));
    row.cancel->setObjectName(QStringLiteral("cancel"));
    row.errors = new QToolButton(row.widget);
    row.errors->setObjectName(QStringLiteral("errors"));
    row.errors->setIcon(Icons::icon(Icons::Name::Error));
    row.errors->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    row.errors->setAutoRaise(true);
    row.errors->setToolTip(tr("Show the files that could not be read"));
    row.dismiss = smallButton(row.widget, Icons::Name::Close, tr("Dismiss"));
    row.dismiss->setObjectName(QStringLiteral("dismiss"));
    auto* l = new QHBoxLayout(row.widget);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(row.title);
    l->addWidget(row.bar);
    l->addWidget(row.detail, 1);
    l->addWidget(row.errors);
    l->addWidget(row.pause);
    l->addWidget(row.cancel);
    l->addWidget(row.dismiss);
    m_layout->addWidget(row.widget);
    connect(row.pause, &QToolButton::clicked, this, [this, id] {
        if (m_jobs->job(id).state == JobState::Paused)
            m_jobs->resume(id);
        else
            m_jobs->pause(id);
    });
    connect(row.cancel, &QToolButton::clicked, this, [this, id] { m_jobs->cancel(id); });
    connect(row.errors, &QToolButton::clicked, this, [this, id] { showErrors(id); });
    connect(row.dismiss, &QToolButton::clicked, this, [this, id] { m_jobs->remove(id); });
    m_rows.insert(id, row);
    updateRow(id);
    updateVisibility();
}

void JobStatusWidget::updateRow(int id)
{
    auto it = m_rows.find(id);
    if (it == m_rows.end() || !m_jobs->contains(id))
        return;
    const JobInfo job = m_jobs->job(id);
    Row& row = *it;
    row.title->setText(job.title);
    if (job.isFinished()) {
        row.bar->setRange(0, 1);
        row.bar->setValue(job.state == JobState::Done ? 1 : 0);
        row.bar->setFormat(JobManager::stateName(job.state));
        row.detail->setText(job.message);
        row.detail->setToolTip(job.message);
    } else {
        if (job.total > 0) {
            row.bar->setRange(0, job.total);
            row.bar->setValue(job.done);
            row.bar->setFormat(job.state == JobState::Paused ? JobManager::stateName(job.state)
                                                             : tr("%1 of %2").arg(job.done).arg(job.total));
        } else {
            row.bar->setRange(0, 0); // busy
        }
        const QString detail = job.state == JobState::Queued ? JobManager::stateName(job.state) : job.detail;
        row.detail->setText(
            row.detail->fontMetrics().elidedText(detail, Qt::ElideMiddle, qMax(80, row.detail->width())));
        row.detail->setToolTip(detail);
    }
    row.pause->setVisible(job.canPause && !job.isFinished());
    row.pause->setIcon(Icons::icon(job.state == JobState::Paused ? Icons::Name::Resume : Icons::Name::Pause));
    row.pause->setToolTip(job.state == JobState::Paused ? tr("Resume") : tr("Pause"));
    row.cancel->setVisible(!job.isFinished());
    row.dismiss->setVisible(job.isFinished());
    row.errors->setVisible(!job.errors.isEmpty());
    row.errors->setText(tr("%n problem(s)", nullptr, int(job.errors.size())));
}

void JobStatusWidget::removeRow(int id)
{
    auto it = m_rows.find(id);
    if (it == m_rows.end())
        return;
    it->widget->deleteLater();
    m_rows.erase(it);
    updateVisibility();
}

void JobStatusWidget::updateVisibility()
{
    setVisible(!m_rows.isEmpty() || !m_notice->isHidden());
}

} // namespace kindred
