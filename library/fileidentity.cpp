#include "fileidentity.h"

#include "metadatareader.h"

#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <xxhash.h>

#ifndef Q_OS_WIN
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#endif

namespace kindred {

namespace {

#ifndef Q_OS_WIN
qint64 mtimeNsOf(const struct stat& st)
{
#ifdef Q_OS_DARWIN
    return qint64(st.st_mtimespec.tv_sec) * 1'000'000'000 + st.st_mtimespec.tv_nsec;
#else
    return qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
#endif
}
#endif

} // namespace

QByteArray FileIdentity::nativePath(const QString& path)
{
#if defined(Q_OS_WIN) || defined(Q_OS_DARWIN)
    return path.toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

QString FileIdentity::fromNativePath(const QByteArray& path)
{
#if defined(Q_OS_WIN) || defined(Q_OS_DARWIN)
    return QString::fromUtf8(path);
#else
    return QFile::decodeName(path);
#endif
}

FileStat FileIdentity::statPath(const QByteArray& nativePath)
{
    FileStat s;
#ifdef Q_OS_WIN
    const QFileInfo info(fromNativePath(nativePath));
    if (!info.exists()) {
        s.error = QStringLiteral("no such file or folder");
        return s;
    }
    s.exists = true;
    s.directory = info.isDir();
    s.regular = info.isFile();
    s.size = info.size();
    s.mtimeNs = info.lastModified().toMSecsSinceEpoch() * 1'000'000;
    if (s.directory) // NTFS names are case-insensitive
        s.folderKey = info.canonicalFilePath().toCaseFolded().toUtf8();
#else
    struct stat st {};
    if (::stat(nativePath.constData(), &st) != 0) {
        s.error = QString::fromLocal8Bit(std::strerror(errno));
        return s;
    }
    s.exists = true;
    s.directory = S_ISDIR(st.st_mode);
    s.regular = S_ISREG(st.st_mode);
    s.size = qint64(st.st_size);
    s.mtimeNs = mtimeNsOf(st);
    if (s.directory)
        s.folderKey = QByteArray::number(quint64(st.st_dev)) + ':' + QByteArray::number(quint64(st.st_ino));
#endif
    return s;
}

QString FileIdentity::hashOf(const QByteArray& data)
{
    return QStringLiteral("%1").arg(quint64(XXH3_64bits(data.constData(), size_t(data.size()))), 16, 16,
                                    QLatin1Char('0'));
}

qint64 FileIdentity::sidecarMtimeNs(const QString& photoPath)
{
    qint64 latest = 0;
    for (const QString& c : MetadataReader::sidecarCandidates(photoPath)) {
        const FileStat s = statPath(nativePath(c));
        if (s.exists && s.regular)
            latest = std::max(latest, s.mtimeNs);
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
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = file.errorString();
        return std::nullopt;
    }
    FileIdentity id;
#ifdef Q_OS_WIN
    // QFile::handle() is no C runtime descriptor there: the path's times, read right after the content.
    const FileStat s = statPath(nativePath(path));
    if (!s.exists) {
        if (error)
            *error = s.error;
        return std::nullopt;
    }
    id.size = s.size;
    id.mtimeNs = s.mtimeNs;
#else
    struct stat st {}; // of the open file: the times belong to the content just read
    if (::fstat(file.handle(), &st) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return std::nullopt;
    }
    id.size = qint64(st.st_size);
    id.mtimeNs = mtimeNsOf(st);
#endif
    id.hash = hashOf(data);
    return id;
}

} // namespace kindred
