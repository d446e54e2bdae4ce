#pragma once

#include "catalogcheck.h"
#include "catalogsession.h"

#include <QSqlDatabase>
#include <QString>

namespace kindred {

// The photo catalog: one SQLite file (WAL journal, foreign keys ON, busy timeout 10 s) whose schema is
// upgraded by numbered migrations tracked in `PRAGMA user_version`.
//
// Threads: Qt SQL connections must never cross threads. Every thread that touches the catalog gets its
// own named connection from Catalog::connectionForThread(path) (name = "kindred:<path>:<thread id>");
// the first call on a thread opens it, later calls return the same connection. A worker thread that is
// about to finish should call Catalog::closeThreadConnection(path) after its last query object is gone.
// Writes go through explicit transactions (the scanner commits in batches).
//
// Catalog::open() creates the file if needed, checks it, migrates it to latestSchemaVersion() (or to an
// explicit older version, which only tests use) and keeps the opening thread's connection.
//
// Safety (docs/reliability.md): before anything is written, an existing catalog is checked
// (CatalogCheck: the quick check, or the full integrity check when a session of it did not end cleanly,
// see CatalogSession, or an earlier check failed). A damaged catalog is not opened (isDamaged(), with
// lastCheck() saying what SQLite found) and never written to. Before a schema migration of an existing
// catalog a backup is made (CatalogBackup, reason "before-upgrade") and the migration refused when that
// backup cannot be made.
class Catalog {
public:
    Catalog() = default;
    ~Catalog();
    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

    // Opens (creating if needed) and migrates. targetVersion -1 = latest; tests pass an older version to
    // build a catalog "as an older Kindred left it". Fails on a catalog newer than this build knows.
    bool open(const QString& path, int targetVersion = -1);
    bool isOpen() const { return m_open; }
    void close();

    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    // open() failed because the catalog is damaged (not merely missing or in use): restore a backup.
    bool isDamaged() const { return m_damaged; }
    CatalogCheck::Result lastCheck() const { return m_check; }
    // The previous session of this catalog ended without closing it (a crash, a kill, a power cut).
    bool previousSessionEndedUncleanly() const { return m_unclean; }
    // Tests of old catalogs and the CLI's `check` command, which runs its own check, turn this off.
    void setCheckOnOpen(bool check) { m_checkOnOpen = check; }
    // The desktop app: after a clean end, open() leaves the quick check to the caller (checkDeferred(),
    // then verify() on a worker while nothing writes); after an unclean end, before a migration or when an
    // earlier check found damage it still checks first, as always.
    void setDeferCheck(bool defer) { m_deferCheck = defer; }
    bool checkDeferred() const { return m_checkDeferred; }
    // The check open() runs: the full one while "<catalog>.check-needed" exists (removed when it passes,
    // written when damage is found), else the quick one. Any thread; touches no Qt SQL connection.
    static CatalogCheck::Result verify(const QString& catalogPath);
    // "<catalog>.check-needed": present from an unclean end until a full check has passed.
    static QString checkNeededMarker(const QString& catalogPath);
    int schemaVersion() const; // PRAGMA user_version of the open file, -1 when not open

    // Migrates an open catalog further (tests: open at version k, then migrate to latest).
    bool migrateTo(int targetVersion);

    // The calling thread's connection to this catalog (opened on first use).
    QSqlDatabase database() const;

    static int latestSchemaVersion();

    // Per-thread connection to the catalog at `path`, configured (WAL, foreign keys, busy timeout).
    // Does not migrate: open a Catalog once (e.g. at start-up) before handing the path to workers.
    // Returns an invalid/closed QSqlDatabase and sets *error on failure.
    static QSqlDatabase connectionForThread(const QString& path, QString* error = nullptr);
    // Closes and removes the calling thread's connection to `path` (no-op if it has none).
    static void closeThreadConnection(const QString& path);
    static QString connectionName(const QString& path);

private:
    bool fail(const QString& message);

    bool checkBeforeUse(int targetVersion);

    QString m_path;
    QString m_error;
    CatalogCheck::Result m_check;
    CatalogSession m_session;
    bool m_open = false;
    bool m_damaged = false;
    bool m_unclean = false;
    bool m_checkOnOpen = true;
    bool m_deferCheck = false;
    bool m_checkDeferred = false;
};

} // namespace kindred
