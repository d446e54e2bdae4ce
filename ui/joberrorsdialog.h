#pragma once

#include "jobmanager.h"

#include <QDialog>

class QTreeWidget;

namespace kindred {

// Lists the problems of one job (path + reason), with copy-to-clipboard and "show in folder".
class JobErrorsDialog : public QDialog {
    Q_OBJECT
public:
    JobErrorsDialog(const JobInfo& job, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }

private:
    QTreeWidget* m_tree;
};

} // namespace kindred
