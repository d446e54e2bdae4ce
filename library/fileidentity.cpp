#include "fileidentity.h"

#include "metadatareader.h"

#include <QFile>
#include <algorithm>
#include <sys/stat.h>
#include <xxhash.h>

namespace kindred {

QString FileIdentity::hashOf(const QByteArray& data)
{
    return QStringLiteral("%1").arg(quint64(XXH3_64bits(data.constData(), size_t(data.size()))), 16, 16,
                                    QLatin1Char('0'));
}

qint64 FileIdentity::sidecarMtimeNs(const QString& photoPath)
{
    qint64 latest = 0;
    for (const QString& c : MetadataReader::sidecarCandidates(photoPath)) {
        struct stat st {};
        if (::stat(QFile::encodeName(c).constData(), &st) == 0 && S_ISREG(st.st_mode))
            latest = std::max(latest, qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec);
    }
    return latest;
}

std::optional<FileIdentity> FileIdentity::of(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    struct stat st {};
    if (file.error() != QFileDevice::NoError || ::fstat(file.handle(), &st) != 0) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    FileIdentity id;
    id.size = qint64(st.st_size);
    id.mtimeNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    id.hash = hashOf(data);
    return id;
}

} // namespace kindred
