#include "joberrorsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace kindred {

JobErrorsDialog::JobErrorsDialog(const JobInfo& job, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Problems: %1").arg(job.title));
    resize(760, 420);
    auto* intro = new QLabel(tr("%n file(s) could not be read.", nullptr, int(job.errors.size())), this);
    intro->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("errorList"));
    m_tree->setHeaderLabels({tr("File"), tr("Reason")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    QList<QTreeWidgetItem*> items;
    items.reserve(job.errors.size());
    for (const JobError& e : job.errors) {
        auto* item = new QTreeWidgetItem({QDir::toNativeSeparators(e.path), e.reason});
        item->setToolTip(0, item->text(0));
        item->setToolTip(1, e.reason);
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->setColumnWidth(0, 420);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("Copy list"), QDialogButtonBox::ActionRole);
    auto* reveal = buttons->addButton(tr("Open folder"), QDialogButtonBox::ActionRole);
    reveal->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [job] {
        QStringList lines;
        for (const JobError& e : job.errors)
            lines.append(QDir::toNativeSeparators(e.path) + QLatin1Char('\t') + e.reason);
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [reveal](QTreeWidgetItem* item) { reveal->setEnabled(item && !item->text(0).isEmpty()); });
    connect(reveal, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem* item = m_tree->currentItem())
            QDesktopServices::openUrl(
                QUrl::fromLocalFile(QFileInfo(QDir::fromNativeSeparators(item->text(0))).absolutePath()));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
}

} // namespace kindred
