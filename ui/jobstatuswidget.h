#pragma once

#include <QMap>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;
class QVBoxLayout;

namespace kindred {

class JobManager;

// The status area: one row per background job (title, progress bar, current file, pause/resume,
// cancel, "N problems" that opens the list, dismiss when finished) and a notice line for messages such
// as "Cannot import: not a folder". Hidden when there is nothing to show.
class JobStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobStatusWidget(JobManager* jobs, QWidget* parent = nullptr);

    // A message in the notice line; errors get a warning icon. Stays until dismissed or replaced.
    void showNotice(const QString& text, bool error);
    void clearNotice();
    QString noticeText() const;
    // Opens the dialog listing a job's errors (what the "problems" button does).
    void showErrors(int jobId);

private:
    struct Row {
        QWidget* widget = nullptr;
        QLabel* title = nullptr;
        QProgressBar* bar = nullptr;
        QLabel* detail = nullptr;
        QToolButton* pause = nullptr;
        QToolButton* cancel = nullptr;
        QToolButton* errors = nullptr;
        QToolButton* dismiss = nullptr;
    };
    void addRow(int id);
    void updateRow(int id);
    void removeRow(int id);
    void updateVisibility();

    JobManager* m_jobs;
    QVBoxLayout* m_layout;
    QWidget* m_notice;
    QLabel* m_noticeIcon;
    QLabel* m_noticeText;
    QMap<int, Row> m_rows;
};

} // namespace kindred
