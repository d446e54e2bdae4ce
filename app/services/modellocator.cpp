#include "modellocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace kindred {

ModelLocator::ModelLocator(QString explicitDir) : m_explicitDir(std::move(explicitDir)) {}

QStringList ModelLocator::candidates() const
{
    QStringList dirs;
    if (!m_explicitDir.isEmpty())
        return {QDir(m_explicitDir).absolutePath()};
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    if (!appDir.isEmpty()) {
        dirs << QDir(appDir).filePath(QStringLiteral("models"))
             << QDir::cleanPath(appDir + QStringLiteral("/../share/kindred/models"))
             << QDir::cleanPath(appDir + QStringLiteral("/../Resources/models"));
    }
    dirs << QStringLiteral(KINDRED_BUILD_MODELS_DIR);
    return dirs;
}

bool ModelLocator::holdsDefaultPack(const QString& dir)
{
    const QDir d(dir);
    return QFileInfo::exists(d.filePath(QStringLiteral("mtcnn_model-weights_manifest.json"))) &&
           QFileInfo::exists(d.filePath(QStringLiteral("face_recognition_model-weights_manifest.json")));
}

QString ModelLocator::findDefaultPack() const
{
    for (const QString& dir : candidates()) {
        if (holdsDefaultPack(dir))
            return dir;
    }
    return {};
}

QString ModelLocator::missingMessage() const
{
    return QCoreApplication::translate("ModelLocator",
                                       "The face models were not found. Looked in: %1. Install them with "
                                       "scripts/fetch-models.sh or point --models at a folder holding them.")
        .arg(candidates().join(QStringLiteral(", ")));
}

} // namespace kindred
