#include "restoredialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kindred {

RestoreDialog::RestoreDialog(Mode mode, const QList<BackupEntry>& backups, const QString& details,
                             QWidget* parent)
    : QDialog(parent), m_backups(backups)
{
    setWindowTitle(mode == Mode::Damaged ? tr("The catalog is damaged") : tr("Restore a backup"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    QString message;
    if (mode == Mode::Damaged) {
        message =
            tr("<p><b>Kindred's catalog, where your names and groups are kept, is damaged.</b> This can "
               "happen after a disk error, a sync tool or a crash of the computer. Kindred has not "
               "changed it.</p>");
        message += backups.isEmpty()
                       ? tr("<p>There is no backup of it. Names that were written to the photos (File ▸ "
                            "Write names to files) come back when a new catalog scans them: choose <i>Start "
                            "a new catalog</i>. The damaged one is kept beside it.</p>")
                       : tr("<p>Choose a backup to go on from where it was made. The damaged catalog is kept "
                            "beside it.</p>");
    } else {
        message = tr("<p>Restoring replaces the catalog with the chosen backup: names given since then are "
                     "not in it. Today's catalog is backed up first and kept, so you can come back to it. "
                     "Kindred starts again to restore.</p>");
    }
    text->setText(message);
    layout->addWidget(text);
    if (!details.isEmpty()) {
        auto* detail = new QLabel(details, this);
        detail->setWordWrap(true);
        detail->setForegroundRole(QPalette::PlaceholderText);
        detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(detail);
    }
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("backups"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Made"), tr("Why"), tr("What it holds"), tr("Size")});
    const QLocale locale;
    for (const BackupEntry& b : std::as_const(m_backups)) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, locale.toString(b.created.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, b.reason);
        item->setText(2, b.readable ? summary(b) : tr("cannot be read"));
        item->setText(3, locale.formattedDataSize(b.bytes));
        item->setDisabled(!b.readable);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setVisible(!m_backups.isEmpty());
    layout->addWidget(m_list, 1);

    auto* buttons = new QDialogButtonBox(this);
    if (m_backups.isEmpty() && mode == Mode::Damaged) {
        m_restore = buttons->addButton(tr("Start a new catalog"), QDialogButtonBox::AcceptRole);
    } else {
        m_restore = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
        m_restore->setEnabled(false);
    }
    m_restore->setObjectName(QStringLiteral("restore"));
    buttons->addButton(mode == Mode::Damaged ? tr("Quit") : tr("Cancel"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_restore->setEnabled(m_list->currentItem() && !m_list->currentItem()->isDisabled()); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        if (item && !item->isDisabled())
            accept();
    });
    layout->addWidget(buttons);
    // The newest readable backup is the usual choice.
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_list->topLevelItem(i)->isDisabled()) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            break;
        }
    }
    resize(680, 420);
}

QString RestoreDialog::chosenPath() const
{
    const int row = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    return row >= 0 && row < m_backups.size() ? m_backups.at(row).path : QString();
}

void RestoreDialog::restartKindred()
{
    QProcess::startDetached(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
    QCoreApplication::quit();
}

QString RestoreDialog::summary(const BackupEntry& entry)
{
    return tr("%n people", nullptr, int(entry.people)) + QStringLiteral(", ") +
           tr("%n named faces", nullptr, int(entry.namedFaces)) + QStringLiteral(", ") +
           tr("%n photos", nullptr, int(entry.photos));
}

} // namespace kindred
