#pragma once

#include "catalogbackup.h"

#include <QList>
#include <QStringList>

namespace kindred {

// Which automatic catalog backups to keep (like `restic forget --keep-last 3 --keep-daily 7
// --keep-weekly 4`, each rule picks on its own and whatever one rule keeps stays):
// - the newest kKeepLast backups;
// - the newest backup of each of the kKeepDaily most recent days that have one (local time);
// - the newest backup of each of the kKeepWeekly most recent ISO weeks that have one;
// - the newest backup of each event (before an upgrade, a change of network, a fine-tuning adoption, a
//   restore), so the state before the last such step is always there.
// Manual backups ("kindred-cli backup", "Back up now") are never removed. At most 3 + 7 + 4 + 4 automatic
// backups remain.
class BackupRotation {
public:
    static constexpr int kKeepLast = 3;
    static constexpr int kKeepDaily = 7;
    static constexpr int kKeepWeekly = 4;

    // The paths of the backups to delete.
    static QStringList toRemove(const QList<CatalogBackup::Info>& backups);
};

} // namespace kindred
