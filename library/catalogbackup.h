#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace kindred {

// Copies of the catalog made with SQLite's online backup API: a consistent snapshot even while the app
// and kindred-cli read and write the catalog (WAL), written to a temporary file, checked
// (`PRAGMA quick_check`) and then renamed into place, so a backup is either whole or not there.
//
// Automatic backups live in the library folder ("<catalog folder>/backups", see defaultDirectory()) as
// "catalog-<yyyyMMdd-HHmmss>-<reason>.sqlite"; BackupRotation decides which of them to keep.
class CatalogBackup {
public:
    // Why a backup was made (the file name says it; "manual" backups are never removed automatically).
    enum class Reason { Manual, Daily, Names, Upgrade, Model, Finetune, Restore };

    struct Info {
        QString path;
        QDateTime created; // UTC, from the file name
        Reason reason = Reason::Manual;
        qint64 bytes = 0;
    };
    // What a catalog holds, for a family choosing a backup (read from the backup itself).
    struct Contents {
        bool ok = false;
        int schemaVersion = 0;
        qint64 photos = 0;
        qint64 faces = 0;
        qint64 people = 0;
        qint64 namedFaces = 0; // faces confirmed as someone
    };

    static QString defaultDirectory(const QString& catalogPath);
    static QString reasonName(Reason reason);
    static bool reasonFromName(const QString& name, Reason* reason);
    static QString fileName(const QDateTime& createdUtc, Reason reason);

    // Copies the catalog at `catalogPath` to the file `destination` (replacing it only once the copy is
    // complete and checked). Returns false with *error set; then nothing is left at `destination` that was
    // not there before.
    static bool copy(const QString& catalogPath, const QString& destination, QString* error);
    // A new backup in `directory` named for `now` and `reason`, then the directory's rotation applied.
    // Returns the backup's path, or an empty string with *error set.
    static QString create(const QString& catalogPath, const QString& directory, Reason reason, QString* error,
                          const QDateTime& nowUtc = QDateTime::currentDateTimeUtc());
    // Backups in `directory`, newest first (files that do not follow the naming are ignored).
    static QList<Info> list(const QString& directory);
    static Contents contents(const QString& catalogOrBackupPath);

    // Replaces the catalog with the backup: the backup is checked first; the current catalog (and its WAL)
    // is kept beside it as "<catalog>.replaced-<yyyyMMdd-HHmmss>" (nothing is deleted), and the backup is
    // copied in through a temporary file. The catalog must not be open anywhere (CatalogSession says).
    // *keptAs receives the path the replaced catalog was moved to (empty when there was none).
    static bool restore(const QString& backupPath, const QString& catalogPath, QString* keptAs,
                        QString* error);
    // Renames a catalog file together with its WAL and shared-memory files ("-wal", "-shm"), so the moved
    // copy stays whole. False with *error set when the catalog file itself cannot be renamed.
    static bool moveWithJournal(const QString& from, const QString& to, QString* error);
};

} // namespace kindred
