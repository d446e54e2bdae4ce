#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace kindred {

// What the file system says about a path without reading it, links followed: POSIX stat(), or Qt's file
// information on Windows (which has no stat() with nanosecond times and inodes). The scanner's walk and
// FileIdentity::of measure modification times the same way, which the scanner's "unchanged" test relies on.
struct FileStat {
    bool exists = false;
    bool directory = false;
    bool regular = false;
    qint64 size = 0;
    qint64 mtimeNs = 0;   // modification time, ns since the epoch (ms resolution on Windows)
    QByteArray folderKey; // the same for every path to a folder: device + inode (Windows: its canonical path)
    QString error;        // why the path could not be examined, when !exists
};

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

    // Paths as the operating system's byte API takes them: QFile::encodeName on Linux (the bytes as stored,
    // so names that are not valid UTF-8 are noticed), UTF-8 on Windows (whose 8-bit API is the ANSI code
    // page) and on macOS (QFile::encodeName's NFD would not round-trip names stored in NFC).
    static QByteArray nativePath(const QString& path);
    static QString fromNativePath(const QByteArray& path);
    static FileStat statPath(const QByteArray& nativePath);
};

} // namespace kindred
