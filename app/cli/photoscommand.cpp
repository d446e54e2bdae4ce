// kindred-cli photos [--json] [--missing] : list the catalog.
#include "clicommand.h"
#include "clilibrary.h"
#include "photorepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kindred {
namespace {

QJsonObject photoJson(const PhotoRecord& p)
{
    QJsonObject o{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("path"), p.path},
        {QStringLiteral("hash"), p.hash},
        {QStringLiteral("size"), p.size},
        {QStringLiteral("format"), p.format},
        {QStringLiteral("width"), p.width},
        {QStringLiteral("height"), p.height},
        {QStringLiteral("orientation"), p.orientation},
        {QStringLiteral("captured_at"), p.capturedAt.isEmpty() ? QJsonValue() : QJsonValue(p.capturedAt)},
        {QStringLiteral("date_source"), p.dateSource},
        {QStringLiteral("camera_make"), p.cameraMake},
        {QStringLiteral("camera_model"), p.cameraModel},
        {QStringLiteral("missing"), p.missing}};
    if (p.gpsLat && p.gpsLon)
        o.insert(QStringLiteral("gps"), QJsonArray{*p.gpsLat, *p.gpsLon});
    return o;
}

int runPhotos(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the catalogued photos, ordered by path."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    parser.addOption({QStringLiteral("present"), QStringLiteral("Leave out photos whose file is missing.")});
    parser.process(args);

    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    PhotoRepository repository(library.catalogPath());
    const QList<PhotoRecord> photos = repository.photos(!parser.isSet(QStringLiteral("present")));
    if (!repository.lastError().isEmpty()) {
        ctx.err << "kindred-cli photos: " << repository.lastError() << '\n';
        return ExitLibraryError;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const PhotoRecord& p : photos)
            array.append(photoJson(p));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const PhotoRecord& p : photos) {
        ctx.out << p.path << '\t' << p.width << 'x' << p.height << '\t'
                << (p.capturedAt.isEmpty() ? QStringLiteral("-") : p.capturedAt) << '\t'
                << (p.cameraModel.isEmpty() ? QStringLiteral("-") : p.cameraModel)
                << (p.missing ? QStringLiteral("\tMISSING") : QString()) << '\n';
    }
    ctx.err << photos.size() << " photos\n";
    return ExitOk;
}

const bool registered =
    registerCliCommand({QStringLiteral("photos"), QStringLiteral("list the catalogued photos"), &runPhotos});

} // namespace
} // namespace kindred
