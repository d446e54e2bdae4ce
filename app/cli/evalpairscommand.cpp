// kindred-cli eval-pairs --root DIR --pairs pairs.txt [--model ID|--model-file F] [--align M] [--json]
// Face verification accuracy on the LFW protocol. pairs.txt: a header "folds n" (or just "n" = one fold),
// then per fold n matched lines "name i j" and n mismatched lines "name1 i name2 j"; images are
// DIR/name/name_%04d.jpg. Reports 10-fold accuracy ± std (threshold chosen on the other folds), ROC AUC and
// TAR at FAR 1e-3, and how many images needed a detection fallback (padded image / whole image as face).
#include "clicommand.h"
#include "clifacepipeline.h"
#include "evaluation/lfwmetrics.h"
#include "interrupt.h"
#include "progressreporter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTextStream>

namespace kindred {
namespace {

struct PairLine {
    QString a;
    QString b;
    bool same = false;
    int fold = 0;
};

QString imagePath(const QDir& root, const QString& name, int index)
{
    return root.filePath(QStringLiteral("%1/%1_%2.jpg").arg(name).arg(index, 4, 10, QLatin1Char('0')));
}

// Parses pairs.txt. Returns false with *error set on a malformed file.
bool parsePairs(const QString& file, const QDir& root, std::vector<PairLine>* pairs, QString* error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: cannot open (%2)").arg(file, f.errorString());
        return false;
    }
    QTextStream in(&f);
    QStringList lines;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (!line.isEmpty())
            lines << line;
    }
    if (lines.isEmpty()) {
        *error = file + QStringLiteral(": empty");
        return false;
    }
    const QStringList header = lines.takeFirst().split(QRegularExpression(QStringLiteral("\\s+")));
    bool ok1 = false;
    bool ok2 = true;
    int folds = 1;
    int perFold = 0;
    if (header.size() == 2) {
        folds = header[0].toInt(&ok1);
        perFold = header[1].toInt(&ok2);
    } else if (header.size() == 1) {
        perFold = header[0].toInt(&ok1);
    }
    if (!ok1 || !ok2 || folds < 1 || perFold < 1) {
        *error = file + QStringLiteral(": the first line must be \"folds n\" (e.g. \"10 300\")");
        return false;
    }
    if (lines.size() != folds * perFold * 2) {
        *error = QStringLiteral(
                     "%1: the header announces %2 folds of %3 + %3 pairs (%4 lines) but %5 lines follow")
                     .arg(file)
                     .arg(folds)
                     .arg(perFold)
                     .arg(folds * perFold * 2)
                     .arg(lines.size());
        return false;
    }
    for (int i = 0; i < lines.size(); ++i) {
        const QStringList t = lines[i].split(QRegularExpression(QStringLiteral("\\s+")));
        PairLine pair;
        pair.fold = i / (2 * perFold);
        bool okA = false;
        bool okB = false;
        if (t.size() == 3) {
            pair.same = true;
            pair.a = imagePath(root, t[0], t[1].toInt(&okA));
            pair.b = imagePath(root, t[0], t[2].toInt(&okB));
        } else if (t.size() == 4) {
            pair.a = imagePath(root, t[0], t[1].toInt(&okA));
            pair.b = imagePath(root, t[2], t[3].toInt(&okB));
        }
        if (!okA || !okB) {
            *error = QStringLiteral("%1 line %2: expected \"name i j\" or \"name1 i name2 j\"")
                         .arg(file)
                         .arg(i + 2);
            return false;
        }
        pairs->push_back(pair);
    }
    return true;
}

int runEvalPairs(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate face verification on LFW-style pairs: accuracy ± std over the folds (threshold from the "
        "other folds), ROC AUC, TAR at FAR 1e-3."));
    parser.addHelpOption();
    CliFacePipeline::addOptions(parser);
    parser.addOption({QStringLiteral("root"), QStringLiteral("Image folder (DIR/name/name_0001.jpg)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("pairs"), QStringLiteral("The pairs file (LFW pairs.txt format)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON object.")});
    parser.process(args);
    const QString rootDir = parser.value(QStringLiteral("root"));
    const QString pairsFile = parser.value(QStringLiteral("pairs"));
    if (rootDir.isEmpty() || pairsFile.isEmpty()) {
        ctx.err << "kindred-cli eval-pairs: give --root DIR and --pairs FILE\n";
        return ExitUsage;
    }
    if (!QFileInfo(rootDir).isDir()) {
        ctx.err << "kindred-cli eval-pairs: " << rootDir << ": no such folder\n";
        return ExitUsage;
    }
    std::vector<PairLine> pairs;
    QString error;
    if (!parsePairs(pairsFile, QDir(rootDir), &pairs, &error)) {
        ctx.err << "kindred-cli eval-pairs: " << error << '\n';
        return ExitUsage;
    }
    int exitCode = ExitOk;
    auto pipeline = CliFacePipeline::create(parser, ctx, QStringLiteral("eval-pairs"), &exitCode);
    if (!pipeline)
        return exitCode;

    // Every distinct image once.
    QMap<QString, int> index;
    QStringList images;
    for (const PairLine& p : pairs) {
        for (const QString& path : {p.a, p.b}) {
            if (!index.contains(path)) {
                index.insert(path, static_cast<int>(images.size()));
                images << path;
            }
        }
    }
    Interrupt::install();
    ProgressReporter progress(ctx.err, QStringLiteral("eval-pairs"));
    QMap<CliFacePipeline::Treatment, int> treatments;
    QStringList unreadable;
    std::vector<std::vector<float>> embeddings(static_cast<size_t>(images.size()));
    std::vector<cv::Mat> pending;
    std::vector<int> pendingIndex;
    auto flush = [&] {
        if (pending.empty())
            return;
        const EmbeddingBatch batch = pipeline->embed(pending);
        for (size_t k = 0; k < pendingIndex.size(); ++k)
            embeddings[static_cast<size_t>(pendingIndex[k])] = batch.vector(static_cast<int64_t>(k));
        pending.clear();
        pendingIndex.clear();
    };
    try {
        for (int i = 0; i < images.size(); ++i) {
            if (Interrupt::flag()->load()) {
                ctx.err << "kindred-cli eval-pairs: cancelled\n";
                return ExitCancelled;
            }
            progress.update(i, images.size(), images[i]);
            const CliFacePipeline::ImageFaces faces = pipeline->facesOf(images[i], true, true);
            treatments[faces.treatment] += 1;
            if (faces.faces.empty()) {
                unreadable << images[i] + QStringLiteral(": ") + faces.error;
                continue;
            }
            pending.push_back(faces.faces.front().crop);
            pendingIndex.push_back(i);
            if (static_cast<int>(pending.size()) >= pipeline->embedder().batchSize())
                flush();
        }
        flush();
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli eval-pairs: " << e.what() << '\n';
        return ExitFailure;
    }
    progress.finish();

    std::vector<ScoredPair> scored;
    int skipped = 0;
    for (const PairLine& p : pairs) {
        const auto& a = embeddings[static_cast<size_t>(index.value(p.a))];
        const auto& b = embeddings[static_cast<size_t>(index.value(p.b))];
        if (a.empty() || b.empty()) {
            ++skipped;
            continue;
        }
        scored.push_back({pipeline->embedder().distance(a, b), p.same, p.fold});
    }
    if (scored.empty()) {
        ctx.err << "kindred-cli eval-pairs: no pair could be evaluated\n";
        for (const QString& u : unreadable)
            ctx.err << "  " << u << '\n';
        return ExitFailure;
    }
    const LfwReport report = LfwMetrics::evaluate(scored, 1e-3);
    const int detected = treatments.value(CliFacePipeline::Treatment::Detected);
    const int padded = treatments.value(CliFacePipeline::Treatment::Padded);
    const int whole = treatments.value(CliFacePipeline::Treatment::WholeImage);
    const int noFace = padded + whole; // images MTCNN found no face in as given
    const QString model = QString::fromStdString(pipeline->embedder().modelId());
    const QString metric = QString::fromStdString(toString(pipeline->embedder().metric()));

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray folds;
        for (size_t i = 0; i < report.foldAccuracies.size(); ++i)
            folds.append(QJsonObject{{QStringLiteral("accuracy"), report.foldAccuracies[i]},
                                     {QStringLiteral("threshold"), report.foldThresholds[i]}});
        const QJsonObject o{{QStringLiteral("model"), model},
                            {QStringLiteral("metric"), metric},
                            {QStringLiteral("align"), pipeline->alignName()},
                            {QStringLiteral("pairs"), report.pairs},
                            {QStringLiteral("pairs_skipped"), skipped},
                            {QStringLiteral("folds"), report.folds},
                            {QStringLiteral("accuracy"), report.accuracy},
                            {QStringLiteral("std"), report.std},
                            {QStringLiteral("threshold"), report.threshold},
                            {QStringLiteral("auc"), report.auc},
                            {QStringLiteral("tar_at_far_1e-3"), report.tarAtFar},
                            {QStringLiteral("images"), static_cast<int>(images.size())},
                            {QStringLiteral("detected"), detected},
                            {QStringLiteral("no_face"), noFace},
                            {QStringLiteral("padded"), padded},
                            {QStringLiteral("whole_image"), whole},
                            {QStringLiteral("unreadable"), static_cast<int>(unreadable.size())},
                            {QStringLiteral("fold_results"), folds}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Model:      " << model << " (" << metric << ", align " << pipeline->alignName() << ")\n"
                << "Pairs:      " << report.pairs << " in " << report.folds << " folds"
                << (skipped ? QStringLiteral(" (%1 skipped: image unreadable)").arg(skipped) : QString())
                << '\n'
                << "Accuracy:   " << QString::number(100.0 * report.accuracy, 'f', 2) << "% ± "
                << QString::number(100.0 * report.std, 'f', 2) << "%\n"
                << "Threshold:  " << QString::number(report.threshold, 'f', 4) << " (mean over folds)\n"
                << "ROC AUC:    " << QString::number(report.auc, 'f', 4) << '\n'
                << "TAR@FAR=1e-3: " << QString::number(100.0 * report.tarAtFar, 'f', 2) << "%\n"
                << "Images:     " << images.size() << " (" << detected << " detected, " << padded
                << " only after padding, " << whole << " used whole, " << unreadable.size()
                << " unreadable)\n";
        for (const QString& u : unreadable)
            ctx.out << "unreadable: " << u << '\n';
    }
    return unreadable.isEmpty() ? ExitOk : ExitFailure;
}

const bool registered =
    registerCliCommand({QStringLiteral("eval-pairs"),
                        QStringLiteral("Face verification accuracy on LFW-style pairs"), &runEvalPairs});

} // namespace
} // namespace kindred
