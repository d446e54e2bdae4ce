#pragma once

#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace kindred {

struct NameWriteOptions {
    bool intoFiles = false; // false: XMP sidecars next to the photos; true: into the photos (JPEG, PNG,
                            // TIFF, WebP; other formats get a sidecar)
    bool all = false;       // write every photo with names, not only those whose names changed
};

struct NameWriteFailure {
    QString path;
    QString reason;
};

struct NameWriteSummary {
    int photosTotal = 0; // photos looked at: named faces now, or names written before
    int written = 0;
    int sidecars = 0;     // of `written`: as a sidecar (asked for, or the format cannot hold XMP safely)
    int unchanged = 0;    // the names written last time are still the catalog's
    int facesWritten = 0; // named faces in the files written
    int failed = 0;
    bool cancelled = false;
    QString error; // fatal (catalog); empty otherwise
    QList<NameWriteFailure> failures;
};

// Writes the family's names into the photos' XMP as MWG + Microsoft face regions (MetadataWriter), so that
// other photo managers (digiKam, Lightroom, Windows Photos, Immich, ...) and later re-imports see them.
// Only confirmed faces are written (suggestions never are); a photo whose names were all removed gets its
// face regions removed. Which names went where is kept in the catalog (name_writes), so a second run
// writes only photos whose names changed since.
//
// Into the files: the photo is rewritten only when the family asks (options.intoFiles), through a
// verified temporary copy; the catalog then takes the new size, time and content hash as the same photo
// (faces, names and face scans follow), so no rescan or face search is triggered by our own write.
// Missing photos are skipped; a photo whose content no longer matches the catalog (edited elsewhere since the
// last scan) is reported and left alone. Uses the calling thread's catalog connection.
class NameWriter {
public:
    explicit NameWriter(const QString& catalogPath);

    using Progress = std::function<void(int done, int total, const QString& path)>;
    NameWriteSummary run(const NameWriteOptions& options, const Progress& progress = {},
                         const std::atomic_bool* cancel = nullptr);

private:
    QString m_catalogPath;
};

} // namespace kindred
