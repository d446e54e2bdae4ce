#include "clifaceindex.h"

#include "embedding/embedderfactory.h"
#include "faceindexer.h"
#include "faceservice.h"
#include "interrupt.h"
#include "modellocator.h"
#include "progressreporter.h"
#include "sqlutil.h"

#include <QJsonArray>

namespace kindred {

namespace {

QString setting(QSqlDatabase& db, const QString& key)
{
    return SqlUtil::setting(db, key).toString();
}

void setSetting(QSqlDatabase& db, const QString& key, const QString& value)
{
    SqlUtil::exec(db, QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
                  {key, value});
}

QJsonObject refreshJson(const FaceRefreshSummary& s)
{
    return QJsonObject{{QStringLiteral("model"), s.modelId},
                       {QStringLiteral("unknown_faces"), s.unknownFaces},
                       {QStringLiteral("clusters"), s.clusters},
                       {QStringLiteral("new_clusters"), s.newClusters},
                       {QStringLiteral("clustered_faces"), s.clusteredFaces},
                       {QStringLiteral("suggestions"), s.suggestions},
                       {QStringLiteral("suggestion_threshold"), s.suggestionThreshold},
                       {QStringLiteral("seconds"), s.seconds}};
}

} // namespace

bool CliFaceIndex::refresh(CliLibrary& library, CliContext& ctx, QJsonObject* json, bool recluster)
{
    FaceService faces(library.catalogPath(), library.paths());
    FaceRefreshSummary summary;
    // Thresholds are library settings (measured defaults in docs/clustering.md).
    FaceRefreshOptions options = faces.libraryOptions();
    options.recluster = recluster;
    if (!faces.refresh(options, &summary, Interrupt::flag())) {
        ctx.err << "kindred-cli: grouping faces failed: " << faces.errorString() << '\n';
        return false;
    }
    if (json)
        *json = refreshJson(summary);
    return true;
}

int CliFaceIndex::run(CliLibrary& library, CliContext& ctx, const CliFaceIndexOptions& options,
                      QJsonObject* json)
{
    QSqlDatabase db = library.catalog().database();
    const ModelLocator locator(ctx.globals.modelsDir);
    const QString pack = locator.findDefaultPack();
    if (pack.isEmpty()) {
        ctx.err << "kindred-cli: " << locator.missingMessage() << '\n';
        return ExitNoModels;
    }
    // The embedding model is a property of the library: remembered, and changing it re-embeds.
    QString model = options.model;
    const bool chosen =
        !model.isEmpty() || setting(db, QStringLiteral("faces.embedder_chosen")) == QLatin1String("1");
    if (model.isEmpty())
        model = FaceIndexer::chosenModel(setting(db, QStringLiteral("faces.embedder")), chosen);
    if (model.isEmpty())
        model = QString::fromStdString(EmbedderFactory::defaultModel());
    QString modelFile = options.modelFile;
    if (modelFile.isEmpty() && options.model.isEmpty())
        modelFile = setting(db, QStringLiteral("faces.embedder_file"));
    int minFace = options.minFaceSize;
    if (minFace <= 0)
        minFace = setting(db, QStringLiteral("faces.min_face_size")).toInt();

    FaceIndexOptions o;
    o.modelsDir = pack;
    o.embedderModel = model;
    o.embedderFile = modelFile;
    o.device = ctx.globals.device;
    o.threads = ctx.globals.threads; // 0: the free cores, following the load
    if (minFace > 0)
        o.minFaceSize = minFace;
    o.mirrorAverage = options.mirrorAverage;
    FaceIndexer indexer(library.catalogPath(), library.paths(), o);
    QString error;
    if (!indexer.prepare(&error)) {
        ctx.err << "kindred-cli: cannot load the face models: " << error << '\n';
        return ExitNoModels;
    }
    setSetting(db, QStringLiteral("faces.embedder"), model);
    setSetting(db, QStringLiteral("faces.embedder_chosen"),
               chosen ? QStringLiteral("1") : QStringLiteral("0"));
    setSetting(db, QStringLiteral("faces.embedder_file"), modelFile);
    if (options.minFaceSize > 0)
        setSetting(db, QStringLiteral("faces.min_face_size"), QString::number(options.minFaceSize));

    Interrupt::install();
    ProgressReporter progress(ctx.err, QStringLiteral("faces"));
    const FaceIndexSummary s = indexer.run(
        [&](const FaceIndexProgress& p) {
            if (options.quiet)
                return;
            if (p.reembedding)
                progress.update(
                    p.facesDone, p.facesTotal,
                    QStringLiteral("faces re-embedded with the new model  %1").arg(p.currentPath));
            else
                progress.update(p.photosDone, p.photosTotal,
                                QStringLiteral("%1 faces  %2").arg(p.facesFound).arg(p.currentPath));
        },
        Interrupt::flag());
    progress.finish();
    if (!s.error.isEmpty()) {
        ctx.err << "kindred-cli: face indexing failed: " << s.error << '\n';
        return ExitFailure;
    }
    QJsonArray failures;
    for (const FaceIndexFailure& f : s.failures)
        failures.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("reason"), f.reason}});
    QJsonObject out{
        {QStringLiteral("model"), indexer.embedderModelId()},
        {QStringLiteral("device"), indexer.deviceDescription()},
        {QStringLiteral("photos"), s.photosTotal},
        {QStringLiteral("photos_done"), s.photosDone},
        {QStringLiteral("faces"), s.facesFound},
        {QStringLiteral("reembedded"), s.reembedded},
        {QStringLiteral("named_from_files"), s.namedFromFiles},
        {QStringLiteral("not_faces"), s.notFaces},
        {QStringLiteral("shown_again"), s.shownAgain},
        {QStringLiteral("failed"), s.failed},
        {QStringLiteral("failures"), failures},
        {QStringLiteral("cancelled"), s.cancelled},
        {QStringLiteral("seconds"), s.seconds},
        {QStringLiteral("detect_seconds"), s.detectSeconds},
        {QStringLiteral("embed_seconds"), s.embedSeconds},
        {QStringLiteral("decode_wait_seconds"), s.decodeSeconds},
        {QStringLiteral("write_seconds"), s.writeSeconds},
        {QStringLiteral("threads_mean"), s.threadsMean},
        {QStringLiteral("stage_seconds"), QJsonObject{{QStringLiteral("decode"), s.decodeWorkSeconds},
                                                      {QStringLiteral("pnet"), s.pnetSeconds},
                                                      {QStringLiteral("rnet"), s.rnetSeconds},
                                                      {QStringLiteral("onet"), s.onetSeconds},
                                                      {QStringLiteral("face_check"), s.checkSeconds},
                                                      {QStringLiteral("crops"), s.cropSeconds},
                                                      {QStringLiteral("full_decode"), s.cropDecodeSeconds},
                                                      {QStringLiteral("embed"), s.embedSeconds},
                                                      {QStringLiteral("write"), s.writeSeconds}}}};
    if (s.cancelled) {
        if (json)
            *json = out;
        ctx.err << "kindred-cli: cancelled; what was done is saved, run `kindred-cli index` to resume\n";
        return ExitCancelled;
    }
    QJsonObject grouping;
    if (!refresh(library, ctx, &grouping, options.recluster))
        return ExitFailure;
    out.insert(QStringLiteral("grouping"), grouping);
    if (json)
        *json = out;
    return s.failed > 0 ? ExitFailure : ExitOk;
}

} // namespace kindred
