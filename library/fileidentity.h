#pragma once

#include <QString>
#include <optional>

namespace kindred {

// What the catalog identifies a file by: its size and modification time (the scanner's "unchanged"
// test) and the xxh3-64 content hash of the whole file (16 lowercase hex digits, the photo identity).
struct FileIdentity {
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QString hash;

    // Reads the whole file; nullopt (with *error) when it cannot be read.
    static std::optional<FileIdentity> of(const QString& path, QString* error = nullptr);
    static QString hashOf(const QByteArray& data);
    // The latest modification time of photoPath's XMP sidecars (MetadataReader::sidecarCandidates), 0 when
    // it has none.
    static qint64 sidecarMtimeNs(const QString& photoPath);
};

} // namespace kindred
