#pragma once

#include <QString>

namespace kindred {

// Where a library's files live: the catalog database and the caches.
// Default: QStandardPaths AppDataLocation (catalog) and CacheLocation (thumbnails, face crops);
// an explicit directory (CLI --library, GUI setting) holds everything under one root instead.
class LibraryPaths {
public:
    LibraryPaths() = default;
    explicit LibraryPaths(const QString& root);
    static LibraryPaths standard();

    QString root() const { return m_root; }
    QString catalogFile() const;
    QString thumbnailDir() const;
    QString faceCropDir() const;
    QString modelsDir() const; // user-installed models (e.g. InceptionResnetV1 checkpoints)

    // Creates the directories. Returns false and sets error when one cannot be created.
    bool ensureExists(QString* error = nullptr) const;

private:
    QString m_root;
    QString m_cacheRoot;
};

} // namespace kindred
