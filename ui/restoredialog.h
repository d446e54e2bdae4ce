#pragma once

#include "backupservice.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace kindred {

// Lists the catalog's backups (when, why, how many people and named faces each holds) and lets the family
// pick one to restore. Two uses: at start-up when the catalog is damaged (Damaged: the text says what
// happened and that nothing was changed; without backups it explains where names can still come from), and
// Settings ▸ Backups ▸ Restore… (Choose). The caller restores chosenPath() after exec() accepted.
class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Damaged, Choose };
    RestoreDialog(Mode mode, const QList<BackupEntry>& backups, const QString& details,
                  QWidget* parent = nullptr);

    QString chosenPath() const;
    // "3 people, 120 named faces, 2,400 photos" for a backup.
    static QString summary(const BackupEntry& entry);
    // Starts Kindred again with the same arguments and quits this one (a restore chosen in Settings, damage
    // found while running): the next start opens the catalog afresh.
    static void restartKindred();

private:
    QList<BackupEntry> m_backups;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_restore = nullptr;
};

} // namespace kindred
