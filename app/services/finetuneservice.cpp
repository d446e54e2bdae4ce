#include "finetuneservice.h"

#include "catalog.h"
#include "catalogbackup.h"
#include "faceservice.h"
#include "sqlutil.h"
#include "training/projectionhead.h"
#include "training/triplettrainer.h"
#include "weights/npzreader.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <algorithm>
#include <map>
#include <random>

namespace kindred {

namespace {

const QString kHistoryKey = QStringLiteral("finetune.history");
const QString kActiveKey = QStringLiteral("finetune.active_stage");
const QString kLastConfirmedKey = QStringLiteral("finetune.last_confirmed");

// Defaults chosen by measurement (docs/finetuning.md).
constexpr double kDefaultMarginEuclidean = 0.2;
constexpr double kDefaultMarginCosine = 0.1;
constexpr int kDefaultEpochs = 30;
constexpr double kDefaultLearningRate = 1e-3;
constexpr int kDefaultMinFaces = 4;
// The unnamed faces keep their places (TrainingOptions::freeWeight): at most kMaxFreeFaces of them, spread
// over the library. 30 measured on the dev set's kinds (docs/quality.md, section 9, "Fine-tuning that keeps
// the unnamed faces in their places"): 3 let wrong suggestions through on the tightest slice, 10 and 30 none;
// 30 saved the most.
constexpr double kDefaultFreeWeight = 30.0;
constexpr int kMaxFreeFaces = 6000;
// And two of them at the pair bar stay together (TrainingOptions::togetherWeight): 10, 20 and 30 measured on
// the dev set's kinds (docs/quality.md, section 9, "Unnamed faces of one person kept together"): 30 made the
// tightest slice worse, 20 saved less; 10 was never worse at 95 % named and saved the most on CFP.
constexpr double kDefaultTogetherWeight = 10.0;

QJsonObject metricsJson(const FinetuneMetrics& m)
{
    return QJsonObject{{QStringLiteral("top1_error"), m.top1Error},
                       {QStringLiteral("tar_at_far"), m.tarAtFar},
                       {QStringLiteral("far"), m.far},
                       {QStringLiteral("auc"), m.auc},
                       {QStringLiteral("probes"), m.probes}};
}

FinetuneMetrics metricsFromJson(const QJsonObject& o)
{
    FinetuneMetrics m;
    m.top1Error = o.value(QStringLiteral("top1_error")).toDouble();
    m.tarAtFar = o.value(QStringLiteral("tar_at_far")).toDouble();
    m.far = o.value(QStringLiteral("far")).toDouble(1e-3);
    m.auc = o.value(QStringLiteral("auc")).toDouble(0.5);
    m.probes = o.value(QStringLiteral("probes")).toInt();
    return m;
}

FinetuneMetrics fromHead(const HeadMetrics& h, double far)
{
    FinetuneMetrics m;
    m.probes = static_cast<int>(h.identification.probes);
    m.top1Error = h.identification.top1Error;
    m.tarAtFar = h.verification.tar;
    m.far = far;
    m.auc = h.auc;
    return m;
}

QJsonObject experimentMetrics(const HeadMetrics& m3, const HeadMetrics& m2)
{
    return QJsonObject{{QStringLiteral("top1_error"), m3.identification.top1Error},
                       {QStringLiteral("misidentified"), m3.identification.misidentified},
                       {QStringLiteral("tar_at_far_1e-3"), m3.verification.tar},
                       {QStringLiteral("tar_at_far_1e-3_resolvable"), m3.verification.resolvable},
                       {QStringLiteral("tar_at_far_1e-2"), m2.verification.tar},
                       {QStringLiteral("auc"), m3.auc},
                       {QStringLiteral("mean_margin"), m3.identification.meanMargin}};
}

} // namespace

QJsonObject FinetuneRun::toJson(bool withCurve) const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("file"), file},
                  {QStringLiteral("date"), date},
                  {QStringLiteral("base_model"), baseModel},
                  {QStringLiteral("faces"), faces},
                  {QStringLiteral("people"), people},
                  {QStringLiteral("before"), metricsJson(before)},
                  {QStringLiteral("after"), metricsJson(after)},
                  {QStringLiteral("adopted"), adopted},
                  {QStringLiteral("reason"), reason},
                  {QStringLiteral("loss"), loss},
                  {QStringLiteral("mining"), mining},
                  {QStringLiteral("margin"), margin},
                  {QStringLiteral("epochs"), epochs},
                  {QStringLiteral("best_epoch"), bestEpoch},
                  {QStringLiteral("validation"), validation},
                  {QStringLiteral("seconds"), seconds}};
    if (withCurve) {
        QJsonArray curve;
        for (const double v : lossCurve)
            curve.append(v);
        o.insert(QStringLiteral("loss_curve"), curve);
    }
    return o;
}

FinetuneRun FinetuneRun::fromJson(const QJsonObject& o)
{
    FinetuneRun r;
    r.id = o.value(QStringLiteral("id")).toInt();
    r.file = o.value(QStringLiteral("file")).toString();
    r.date = o.value(QStringLiteral("date")).toString();
    r.baseModel = o.value(QStringLiteral("base_model")).toString();
    r.faces = o.value(QStringLiteral("faces")).toInt();
    r.people = o.value(QStringLiteral("people")).toInt();
    r.before = metricsFromJson(o.value(QStringLiteral("before")).toObject());
    r.after = metricsFromJson(o.value(QStringLiteral("after")).toObject());
    r.adopted = o.value(QStringLiteral("adopted")).toBool();
    r.reason = o.value(QStringLiteral("reason")).toString();
    r.loss = o.value(QStringLiteral("loss")).toString();
    r.mining = o.value(QStringLiteral("mining")).toString();
    r.margin = o.value(QStringLiteral("margin")).toDouble();
    r.epochs = o.value(QStringLiteral("epochs")).toInt();
    r.bestEpoch = o.value(QStringLiteral("best_epoch")).toInt();
    r.validation = o.value(QStringLiteral("validation")).toString();
    r.seconds = o.value(QStringLiteral("seconds")).toDouble();
    for (const QJsonValue& v : o.value(QStringLiteral("loss_curve")).toArray())
        r.lossCurve.append(v.toDouble());
    return r;
}

FinetuneService::FinetuneService(const QString& catalogPath, const LibraryPaths& paths)
    : m_catalogPath(catalogPath), m_paths(paths)
{
}

bool FinetuneService::fail(const QString& message)
{
    m_error = message;
    return false;
}

QString FinetuneService::stagesDir(const LibraryPaths& paths)
{
    return QDir(paths.root()).filePath(QStringLiteral("stages"));
}

bool FinetuneService::trainingOptions(const FinetuneOptions& o, TrainingOptions* out, QString* error)
{
    TrainingOptions t;
    if (o.loss == QLatin1String("triplet-euclidean")) {
        t.distance = TripletDistance::SquaredEuclidean;
        t.margin = kDefaultMarginEuclidean;
    } else if (o.loss == QLatin1String("triplet-cosine")) {
        t.distance = TripletDistance::Cosine;
        t.margin = kDefaultMarginCosine;
    } else {
        *error = QStringLiteral("unknown loss '%1' (triplet-euclidean, triplet-cosine)").arg(o.loss);
        return false;
    }
    if (o.mining == QLatin1String("semi-hard")) {
        t.mining = MiningStrategy::SemiHard;
    } else if (o.mining == QLatin1String("batch-hard")) {
        t.mining = MiningStrategy::BatchHard;
    } else {
        *error = QStringLiteral("unknown mining '%1' (semi-hard, batch-hard)").arg(o.mining);
        return false;
    }
    if (o.margin >= 0)
        t.margin = o.margin;
    t.epochs = o.epochs > 0 ? o.epochs : kDefaultEpochs;
    t.learningRate = o.learningRate > 0 ? o.learningRate : kDefaultLearningRate;
    t.minFacesPerPerson = o.minFacesPerPerson > 0 ? o.minFacesPerPerson : kDefaultMinFaces;
    t.seed = o.seed;
    t.freeWeight = o.freeWeight >= 0 ? o.freeWeight : kDefaultFreeWeight;
    t.togetherWeight = o.togetherWeight >= 0 ? o.togetherWeight : kDefaultTogetherWeight;
    if (t.minFacesPerPerson < 3) {
        *error = QStringLiteral("at least 3 faces per person are needed (two to train, one to validate)");
        return false;
    }
    *out = t;
    return true;
}

QString FinetuneService::setting(const QString& key)
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    return SqlUtil::setting(db, key).toString();
}

bool FinetuneService::setSetting(const QString& key, const QString& value)
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;
    return SqlUtil::exec(db, QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
                         {key, value}, &m_error);
}

QString FinetuneService::currentModel()
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    return SqlUtil::scalar(db, QStringLiteral("SELECT model_id FROM faces WHERE embedding IS NOT NULL "
                                              "GROUP BY model_id ORDER BY count(*) DESC, model_id LIMIT 1"))
        .toString();
}

int FinetuneService::confirmedCount(const QString& model)
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    return SqlUtil::scalar(
               db,
               QStringLiteral("SELECT count(*) FROM faces WHERE state = 'confirmed' AND person_id IS "
                              "NOT NULL AND embedding IS NOT NULL AND model_id = ?"),
               {model}, 0)
        .toInt();
}

QList<FinetuneRun> FinetuneService::history()
{
    QList<FinetuneRun> runs;
    const QJsonArray array = QJsonDocument::fromJson(setting(kHistoryKey).toUtf8()).array();
    for (const QJsonValue& v : array)
        runs.append(FinetuneRun::fromJson(v.toObject()));
    return runs;
}

bool FinetuneService::saveHistory(const QList<FinetuneRun>& runs)
{
    QJsonArray array;
    for (const FinetuneRun& r : runs)
        array.append(r.toJson(false));
    return setSetting(kHistoryKey, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

QString FinetuneService::activeStage()
{
    return setting(kActiveKey);
}

int FinetuneService::activeStageId()
{
    const QString active = activeStage();
    if (active.isEmpty())
        return 0;
    const QList<FinetuneRun> runs = history();
    for (const FinetuneRun& r : runs) {
        if (r.adopted && r.file == active)
            return r.id;
    }
    return 0;
}

QString FinetuneService::checkData(const FinetuneOptions& options)
{
    TrainingOptions t;
    QString error;
    if (!trainingOptions(options, &t, &error))
        return error;
    const QString model = currentModel();
    if (model.isEmpty())
        return QStringLiteral("no faces with embeddings yet: index faces and confirm people first");
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    QSqlQuery q(db);
    if (!SqlUtil::exec(
            q,
            QStringLiteral("SELECT f.person_id, p.name FROM faces f JOIN persons p ON p.id = f.person_id "
                           "WHERE f.state = 'confirmed' AND f.embedding IS NOT NULL AND f.model_id = ?"),
            {model}, &m_error))
        return m_error;
    std::map<qint64, int> index;
    std::vector<std::string> names;
    std::vector<int> labels;
    while (q.next()) {
        const qint64 person = q.value(0).toLongLong();
        auto it = index.find(person);
        if (it == index.end()) {
            it = index.emplace(person, static_cast<int>(names.size())).first;
            names.push_back(q.value(1).toString().toStdString());
        }
        labels.push_back(it->second);
    }
    return QString::fromStdString(TripletTrainer(t).checkData(labels, names));
}

bool FinetuneService::shouldRun(const FinetuneOptions& options)
{
    const QString model = currentModel();
    if (model.isEmpty())
        return false;
    const int confirmed = confirmedCount(model);
    const int last = setting(kLastConfirmedKey).toInt();
    if (confirmed - last < kNewConfirmedFacesToRun)
        return false;
    return checkData(options).isEmpty();
}

bool FinetuneService::refreshFaces()
{
    m_refreshNote.clear();
    // Clusters and suggestions follow the new embedding space (FaceService projects through
    // "finetune.active_stage"); confirmed and ignored faces are never touched by a refresh.
    FaceService faces(m_catalogPath, m_paths);
    FaceRefreshSummary summary;
    if (!faces.refresh(faces.libraryOptions(), &summary)) {
        m_refreshNote = QStringLiteral("clusters not refreshed: %1").arg(faces.errorString());
        return false;
    }
    m_refreshNote = QStringLiteral("clusters refreshed: %1 clusters, %2 suggestions")
                        .arg(summary.clusters)
                        .arg(summary.suggestions);
    return true;
}

FinetuneStatus FinetuneService::run(const FinetuneOptions& options, FinetuneRun* result,
                                    const FinetuneProgress& progress, const std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    m_error.clear();
    m_refreshNote.clear();
    *result = FinetuneRun{};
    TrainingOptions t;
    if (!trainingOptions(options, &t, &m_error))
        return FinetuneStatus::Failed;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return FinetuneStatus::Failed;
    const QString model = currentModel();
    if (model.isEmpty()) {
        m_error = QStringLiteral("no faces with embeddings yet: index faces and confirm people first");
        return FinetuneStatus::NotEnoughData;
    }
    // The bars the app compares faces at: a stage that brings more faces of different people over them
    // is not adopted (TrainingOptions::pairBar).
    FaceService(m_catalogPath, m_paths).comparisonBars(model, &t.pairBar, &t.prototypeBar);

    // Confirmed faces of the current model: stored (backbone) embeddings and their people.
    QSqlQuery q(db);
    if (!SqlUtil::exec(q,
                       QStringLiteral("SELECT f.embedding, f.dim, f.person_id, p.name FROM faces f "
                                      "JOIN persons p ON p.id = f.person_id WHERE f.state = 'confirmed' AND "
                                      "f.embedding IS NOT NULL AND f.model_id = ? ORDER BY f.id"),
                       {model}, &m_error))
        return FinetuneStatus::Failed;
    std::vector<float> data;
    std::vector<int> labels;
    std::vector<std::string> names;
    std::map<qint64, int> index;
    int64_t dim = 0;
    while (q.next()) {
        const QByteArray blob = q.value(0).toByteArray();
        const int64_t d = q.value(1).toLongLong();
        if (d <= 0 || blob.size() != 4 * d || (dim != 0 && d != dim))
            continue; // malformed row: the schema forbids it, skip rather than crash
        dim = d;
        const qint64 person = q.value(2).toLongLong();
        auto it = index.find(person);
        if (it == index.end()) {
            it = index.emplace(person, static_cast<int>(names.size())).first;
            names.push_back(q.value(3).toString().toStdString());
        }
        labels.push_back(it->second);
        const auto* f = reinterpret_cast<const float*>(blob.constData());
        data.insert(data.end(), f, f + d);
    }
    q.finish();
    const TripletTrainer trainer(t);
    if (const std::string missing = trainer.checkData(labels, names); !missing.empty()) {
        m_error = QString::fromStdString(missing);
        return FinetuneStatus::NotEnoughData;
    }
    const auto named = static_cast<int64_t>(labels.size());
    if (t.usesUnnamedFaces()) {
        // The faces nobody named (strangers, people not named yet; not the faces hidden as not a face), every
        // k-th by id so that at most kMaxFreeFaces are spread over the whole library.
        if (!SqlUtil::exec(
                q,
                QStringLiteral("SELECT COUNT(*) FROM faces WHERE state <> 'confirmed' AND "
                               "not_face <= 0 AND embedding IS NOT NULL AND model_id = ? AND dim = ?"),
                {model, qlonglong(dim)}, &m_error) ||
            !q.next())
            return FinetuneStatus::Failed;
        const qint64 step =
            std::max<qint64>(1, (q.value(0).toLongLong() + kMaxFreeFaces - 1) / kMaxFreeFaces);
        q.finish();
        q.setForwardOnly(true); // a large library's vectors: one row in memory at a time
        if (!SqlUtil::exec(
                q,
                QStringLiteral("SELECT embedding FROM faces WHERE state <> 'confirmed' AND not_face <= 0 "
                               "AND embedding IS NOT NULL AND model_id = ? AND dim = ? ORDER BY id"),
                {model, qlonglong(dim)}, &m_error))
            return FinetuneStatus::Failed;
        for (qint64 row = 0; q.next(); ++row) {
            if (row % step != 0)
                continue;
            const QByteArray blob = q.value(0).toByteArray();
            if (blob.size() != 4 * dim)
                continue;
            const auto* f = reinterpret_cast<const float*>(blob.constData());
            data.insert(data.end(), f, f + dim);
            labels.push_back(-1);
        }
        q.finish();
    }

    const auto n = static_cast<int64_t>(labels.size());
    const torch::Tensor x = torch::from_blob(data.data(), {n, dim}, torch::kFloat32).clone();
    TrainingResult trained;
    try {
        trained = trainer.train(
            x, labels,
            [&](int epoch, double loss, const HeadMetrics& m) {
                if (progress)
                    progress(epoch, t.epochs, loss, m.identification.top1Error);
            },
            cancel);
    } catch (const std::exception& e) {
        m_error = QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()));
        return FinetuneStatus::Failed;
    }
    if (trained.cancelled) {
        m_error = QStringLiteral("fine-tuning cancelled: nothing changed");
        return FinetuneStatus::Cancelled;
    }

    FinetuneRun& r = *result;
    r.date = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    r.baseModel = model;
    r.faces = static_cast<int>(named);
    r.people = static_cast<int>(names.size());
    r.before = fromHead(trained.before, trained.far);
    r.after = fromHead(trained.after, trained.far);
    r.adopted = trained.adopted;
    r.reason = QString::fromStdString(trained.reason);
    r.loss = options.loss;
    r.mining = options.mining;
    r.margin = t.margin;
    r.epochs = trained.epochsRun;
    r.bestEpoch = trained.bestEpoch;
    r.validation = QString::fromStdString(trained.validation);
    for (const double v : trained.lossCurve)
        r.lossCurve.append(v);
    if (options.dryRun) {
        r.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        return FinetuneStatus::Ok;
    }

    QList<FinetuneRun> runs = history();
    int id = 1;
    for (const FinetuneRun& old : runs)
        id = std::max(id, old.id + 1);
    r.id = id;
    if (r.adopted) {
        // The catalog as it was before the new stage changes every face's vector (docs/reliability.md).
        QString why;
        if (CatalogBackup::create(m_catalogPath, CatalogBackup::defaultDirectory(m_catalogPath),
                                  CatalogBackup::Reason::Finetune, &why)
                .isEmpty()) {
            m_error = QStringLiteral("cannot back up the catalog before adopting the new stage: %1").arg(why);
            return FinetuneStatus::Failed;
        }
        const QString dir = stagesDir(m_paths);
        if (!QDir().mkpath(dir)) {
            m_error = QStringLiteral("cannot create %1").arg(dir);
            return FinetuneStatus::Failed;
        }
        r.file = QDir(dir).absoluteFilePath(QStringLiteral("stage-%1.pt").arg(id));
        const std::map<std::string, std::string> meta{
            {"date", r.date.toStdString()},
            {"base_model", model.toStdString()},
            {"faces", std::to_string(r.faces)},
            {"people", std::to_string(r.people)},
            {"loss", r.loss.toStdString()},
            {"mining", r.mining.toStdString()},
            {"margin", std::to_string(r.margin)},
            {"epochs", std::to_string(trained.bestEpoch)},
            {"validation", trained.validation},
            {"metrics_before",
             QJsonDocument(metricsJson(r.before)).toJson(QJsonDocument::Compact).toStdString()},
            {"metrics_after",
             QJsonDocument(metricsJson(r.after)).toJson(QJsonDocument::Compact).toStdString()},
            {"reason", trained.reason}};
        try {
            saveProjectionHead(trained.head, r.file.toStdString(), meta);
        } catch (const std::exception& e) {
            m_error = QString::fromUtf8(e.what());
            return FinetuneStatus::Failed;
        }
    }
    r.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    runs.append(r);
    if (!db.transaction()) {
        m_error = QStringLiteral("cannot start a transaction on the catalog");
        return FinetuneStatus::Failed;
    }
    const bool saved = saveHistory(runs) && setSetting(kLastConfirmedKey, QString::number(n)) &&
                       (!r.adopted || setSetting(kActiveKey, r.file));
    if (!saved || !db.commit()) {
        db.rollback();
        if (m_error.isEmpty())
            m_error = QStringLiteral("cannot record the run in the catalog");
        return FinetuneStatus::Failed;
    }
    if (r.adopted && options.refresh)
        refreshFaces();
    return FinetuneStatus::Ok;
}

bool FinetuneService::rollback(int id, bool refresh)
{
    m_error.clear();
    m_refreshNote.clear();
    QString target;
    if (id != 0) {
        const QList<FinetuneRun> runs = history();
        const auto it =
            std::find_if(runs.begin(), runs.end(), [id](const FinetuneRun& r) { return r.id == id; });
        if (it == runs.end())
            return fail(QStringLiteral("no fine-tuning run with id %1 (see finetune --history)").arg(id));
        if (!it->adopted || it->file.isEmpty())
            return fail(QStringLiteral("run %1 was not adopted: it has no stage to return to").arg(id));
        try {
            std::map<std::string, std::string> meta;
            (void)loadProjectionHead(it->file.toStdString(), &meta);
        } catch (const std::exception& e) {
            return fail(
                QStringLiteral("stage %1 cannot be used: %2").arg(id).arg(QString::fromUtf8(e.what())));
        }
        target = it->file;
    }
    if (!setSetting(kActiveKey, target))
        return false;
    if (refresh)
        refreshFaces();
    return true;
}

bool FinetuneService::experiment(const QString& npzFile, int perPerson, const FinetuneOptions& options,
                                 QJsonObject* result, QString* error, const FinetuneProgress& progress,
                                 const std::atomic_bool* cancel)
{
    QElapsedTimer timer;
    timer.start();
    TrainingOptions t;
    if (!trainingOptions(options, &t, error))
        return false;
    if (perPerson < 1) {
        *error = QStringLiteral("--per-person must be at least 1");
        return false;
    }
    torch::Tensor x;
    std::vector<std::string> names;
    std::string modelId;
    try {
        const NpzReader npz(npzFile.toStdString());
        x = npz.tensor("embeddings").to(torch::kFloat32);
        names = npz.strings("labels");
        if (npz.contains("model_id")) {
            const std::vector<std::string> m = npz.strings("model_id");
            modelId = m.empty() ? std::string() : m.front();
        }
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    if (x.dim() != 2 || x.size(0) != static_cast<int64_t>(names.size())) {
        *error = QStringLiteral("%1: 'embeddings' must be N x D with one label per row").arg(npzFile);
        return false;
    }
    x = torch::nn::functional::normalize(x, torch::nn::functional::NormalizeFuncOptions().dim(1));

    // Faces of each labelled person (empty label: a face outside the person folders, not used).
    std::map<std::string, std::vector<int64_t>> byPerson;
    for (size_t i = 0; i < names.size(); ++i) {
        if (!names[i].empty())
            byPerson[names[i]].push_back(static_cast<int64_t>(i));
    }
    std::mt19937_64 rng(options.seed);
    std::vector<int64_t> familyRows, probeRows;
    std::vector<int> familyLabels, probeLabels;
    QJsonArray excluded;
    int people = 0;
    for (auto& [name, rows] : byPerson) {
        if (static_cast<int>(rows.size()) <= perPerson) {
            excluded.append(
                QStringLiteral("%1 (%2 faces)").arg(QString::fromStdString(name)).arg(rows.size()));
            continue;
        }
        std::shuffle(rows.begin(), rows.end(), rng);
        for (size_t i = 0; i < rows.size(); ++i) {
            const bool family = static_cast<int>(i) < perPerson;
            (family ? familyRows : probeRows).push_back(rows[i]);
            (family ? familyLabels : probeLabels).push_back(people);
        }
        ++people;
    }
    if (people < 2) {
        *error =
            QStringLiteral("%1: fewer than 2 people have more than %2 faces (K labelled plus at least one "
                           "to measure on); %3 labelled people in the file")
                .arg(npzFile)
                .arg(perPerson)
                .arg(byPerson.size());
        return false;
    }
    const auto rowsOf = [&x](const std::vector<int64_t>& rows) {
        return x.index_select(0, torch::tensor(rows, torch::kInt64));
    };
    const torch::Tensor family = rowsOf(familyRows);
    const torch::Tensor probes = rowsOf(probeRows);

    // Exactly what the background job does with the family's labels.
    const TripletTrainer trainer(t);
    TrainingResult trained;
    QString reason;
    bool adopted = false;
    const std::string missing = trainer.checkData(familyLabels);
    ProjectionHeadOptions identity;
    identity.dim = x.size(1);
    ProjectionHead head(identity);
    if (!missing.empty()) {
        reason = QStringLiteral("not run: %1").arg(QString::fromStdString(missing));
    } else {
        try {
            trained = trainer.train(
                family, familyLabels,
                [&](int epoch, double loss, const HeadMetrics& m) {
                    if (progress)
                        progress(epoch, t.epochs, loss, m.identification.top1Error);
                },
                cancel);
        } catch (const std::exception& e) {
            *error = QStringLiteral("training failed: %1").arg(QString::fromUtf8(e.what()));
            return false;
        }
        if (trained.cancelled) {
            *error = QStringLiteral("cancelled");
            return false;
        }
        adopted = trained.adopted;
        reason = QString::fromStdString(trained.reason);
        head = trained.head;
    }
    const auto measure = [&](const torch::Tensor& g, const torch::Tensor& p) {
        return std::make_pair(TripletTrainer::evaluate(g, familyLabels, p, probeLabels, 1e-3, t.rejectBelow),
                              TripletTrainer::evaluate(g, familyLabels, p, probeLabels, 1e-2, t.rejectBelow));
    };
    const auto before = measure(family, probes);
    // Not adopted: the embeddings stay exactly as they are.
    const auto after = adopted ? measure(head->project(family), head->project(probes)) : before;

    QJsonObject o;
    o.insert(QStringLiteral("npz"), npzFile);
    o.insert(QStringLiteral("model_id"), QString::fromStdString(modelId));
    o.insert(QStringLiteral("per_person"), perPerson);
    o.insert(QStringLiteral("people"), people);
    o.insert(QStringLiteral("excluded_people"), excluded);
    o.insert(QStringLiteral("family_faces"), static_cast<int>(familyRows.size()));
    o.insert(QStringLiteral("probes"), static_cast<int>(probeRows.size()));
    o.insert(QStringLiteral("pairs"), static_cast<qint64>(before.first.pairs));
    o.insert(QStringLiteral("before"), experimentMetrics(before.first, before.second));
    o.insert(QStringLiteral("after"), experimentMetrics(after.first, after.second));
    o.insert(QStringLiteral("adopted"), adopted);
    o.insert(QStringLiteral("reason"), reason);
    if (missing.empty()) {
        o.insert(QStringLiteral("validation"), QString::fromStdString(trained.validation));
        o.insert(QStringLiteral("validation_before"), metricsJson(fromHead(trained.before, trained.far)));
        o.insert(QStringLiteral("validation_after"), metricsJson(fromHead(trained.after, trained.far)));
        o.insert(QStringLiteral("best_epoch"), trained.bestEpoch);
        o.insert(QStringLiteral("epochs_run"), trained.epochsRun);
        QJsonArray curve;
        for (const double v : trained.lossCurve)
            curve.append(v);
        o.insert(QStringLiteral("loss_curve"), curve);
    }
    o.insert(QStringLiteral("options"),
             QJsonObject{{QStringLiteral("loss"), options.loss},
                         {QStringLiteral("mining"), options.mining},
                         {QStringLiteral("margin"), t.margin},
                         {QStringLiteral("epochs"), t.epochs},
                         {QStringLiteral("lr"), t.learningRate},
                         {QStringLiteral("min_faces_per_person"), t.minFacesPerPerson},
                         {QStringLiteral("seed"), static_cast<qint64>(options.seed)}});
    o.insert(QStringLiteral("seconds"), static_cast<double>(timer.elapsed()) / 1000.0);
    *result = o;
    return true;
}

} // namespace kindred
