#include "librarypaths.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace kindred {

LibraryPaths::LibraryPaths(const QString& root)
    : m_root(QDir(root).absolutePath()), m_cacheRoot(QDir(m_root).filePath(QStringLiteral("cache")))
{
}

LibraryPaths LibraryPaths::standard()
{
    LibraryPaths paths;
    paths.m_root = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    paths.m_cacheRoot = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (paths.m_root.isEmpty())
        paths.m_root = QDir::home().filePath(QStringLiteral(".kindred"));
    if (paths.m_cacheRoot.isEmpty())
        paths.m_cacheRoot = QDir(paths.m_root).filePath(QStringLiteral("cache"));
    return paths;
}

QString LibraryPaths::catalogFile() const
{
    return QDir(m_root).filePath(QStringLiteral("catalog.sqlite"));
}

QString LibraryPaths::thumbnailDir() const
{
    return QDir(m_cacheRoot).filePath(QStringLiteral("thumbnails"));
}

QString LibraryPaths::faceCropDir() const
{
    return QDir(m_cacheRoot).filePath(QStringLiteral("faces"));
}

QString LibraryPaths::modelsDir() const
{
    return QDir(m_root).filePath(QStringLiteral("models"));
}

bool LibraryPaths::ensureExists(QString* error) const
{
    for (const QString& dir : {m_root, thumbnailDir(), faceCropDir()}) {
        if (!QDir().mkpath(dir)) {
            // Say why when it is plain: the nearest existing folder above cannot be written to.
            QFileInfo above(dir);
            while (!above.exists() && above.absolutePath() != above.absoluteFilePath())
                above.setFile(above.absolutePath());
            if (error)
                *error =
                    above.exists() && !above.isWritable()
                        ? QStringLiteral("cannot create directory %1: %2 is read-only (choose another "
                                         "library folder, or make this one writable)")
                              .arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(above.filePath()))
                        : QStringLiteral("cannot create directory %1").arg(QDir::toNativeSeparators(dir));
            return false;
        }
    }
    return true;
}

} // namespace kindred
