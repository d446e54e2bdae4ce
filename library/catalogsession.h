#pragma once

#include <QString>
#include <QStringList>
#include <memory>

class QLockFile;

namespace kindred {

// Tells whether the last use of a catalog ended cleanly. Every open Catalog holds a lock file next to the
// catalog ("<catalog>.session-<pid>-<n>.lock", QLockFile: process id, host and application inside) and
// removes it on a clean close. A lock file whose process is gone (killed, crashed, power cut) means that
// session did not end cleanly: the next open finds it, runs the full integrity check and removes it.
// Lock files of processes that still run (the app while kindred-cli runs) are left alone and counted as
// other users of the catalog (restore refuses to replace a catalog in use).
class CatalogSession {
public:
    CatalogSession();
    ~CatalogSession();
    CatalogSession(const CatalogSession&) = delete;
    CatalogSession& operator=(const CatalogSession&) = delete;

    // Looks at the other sessions' lock files and starts this one. A folder where no lock file can be made
    // (read-only) is not an error: the session is then simply not recorded.
    void begin(const QString& catalogPath);
    // Ends the session cleanly (the lock file goes).
    void end();

    bool previousEndedUncleanly() const { return !m_stale.isEmpty(); }
    QStringList staleSessions() const { return m_stale; } // lock files of sessions that did not end

    // Lock files of sessions that are running now, in this process or another.
    static QStringList liveSessions(const QString& catalogPath);

private:
    std::unique_ptr<QLockFile> m_lock;
    QStringList m_stale;
};

} // namespace kindred
