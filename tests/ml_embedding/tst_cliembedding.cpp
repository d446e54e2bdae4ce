// kindred-cli embed / verify / identify / eval-pairs end to end on shared/photos/bbt (8 people x 5 face
// crops), laid out at test time in a temporary folder in LFW's naming (name/name_0001.jpg).
#include "clirun.h"
#include "weights/npzreader.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <set>

namespace {

const QString kBbt = QStringLiteral(KINDRED_SHARED_DIR "/photos/bbt");

using Run = kindred::test::CliResult;

Run runCli(const QStringList& args)
{
    return kindred::test::runCli(QStringList{QStringLiteral("--threads"), QStringLiteral("2")} + args);
}

// The counts of the "Treatments: detected N, padded N, whole_image N, no_face N, unreadable N" line.
QMap<QString, int> treatmentCounts(const QByteArray& out)
{
    QMap<QString, int> counts;
    const QRegularExpression line(QStringLiteral("Treatments: (.*)"));
    const QRegularExpressionMatch m = line.match(QString::fromUtf8(out));
    if (!m.hasMatch())
        return counts;
    for (const QString& part : m.captured(1).split(QStringLiteral(", "))) {
        const QStringList kv = part.trimmed().split(QLatin1Char(' '));
        if (kv.size() == 2)
            counts[kv[0]] = kv[1].toInt();
    }
    return counts;
}

} // namespace

class TestCliEmbedding : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_people;

    QString lfwPath(const QString& name, int i) const
    {
        return QDir(m_dir.path())
            .filePath(QStringLiteral("lfw/%1/%1_%2.jpg").arg(name).arg(i, 4, 10, QLatin1Char('0')));
    }

    // 10 folds of n matched + n mismatched pairs, deterministic.
    QString writePairs(int perFold) const
    {
        QStringList matched;
        for (int i = 1; i <= 5; ++i) {
            for (int j = i + 1; j <= 5; ++j) {
                for (const QString& p : m_people)
                    matched << QStringLiteral("%1\t%2\t%3").arg(p).arg(i).arg(j);
            }
        }
        QStringList mismatched;
        for (int k = 0; mismatched.size() < matched.size(); ++k) {
            const QString& a = m_people.at(k % m_people.size());
            const QString& b = m_people.at((k / m_people.size() + 1 + k) % m_people.size());
            if (a == b)
                continue;
            mismatched << QStringLiteral("%1\t%2\t%3\t%4").arg(a).arg(k % 5 + 1).arg(b).arg((k / 3) % 5 + 1);
        }
        const QString file = QDir(m_dir.path()).filePath(QStringLiteral("pairs_%1.txt").arg(perFold));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Text))
            return {};
        f.write(QStringLiteral("10\t%1\n").arg(perFold).toUtf8());
        for (int fold = 0; fold < 10; ++fold) {
            for (int i = 0; i < perFold; ++i)
                f.write((matched.at(fold * perFold + i) + QLatin1Char('\n')).toUtf8());
            for (int i = 0; i < perFold; ++i)
                f.write((mismatched.at(fold * perFold + i) + QLatin1Char('\n')).toUtf8());
        }
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(QStringLiteral(KINDRED_CLI_PATH)));
        m_people = QDir(kBbt).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(m_people.size(), 8);
        for (const QString& p : m_people) {
            QVERIFY(QDir().mkpath(QDir(m_dir.path()).filePath(QStringLiteral("lfw/") + p)));
            for (int i = 1; i <= 5; ++i) {
                const QImage image(QStringLiteral("%1/%2/%2%3.png").arg(kBbt, p).arg(i));
                QVERIFY(!image.isNull());
                QVERIFY(image.convertToFormat(QImage::Format_RGB888).save(lfwPath(p, i), "JPG", 95));
            }
        }
    }

    void evalPairs()
    {
        const QString pairs = writePairs(4); // 80 pairs, 10 folds
        QVERIFY(!pairs.isEmpty());
        const Run run = runCli({QStringLiteral("eval-pairs"), QStringLiteral("--root"),
                                QDir(m_dir.path()).filePath(QStringLiteral("lfw")), QStringLiteral("--pairs"),
                                pairs, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        for (const char* key : {"accuracy", "std", "threshold", "auc", "tar_at_far_1e-3", "images", "no_face",
                                "padded", "whole_image", "detected"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        qInfo("eval-pairs (default network, bbt crops, 80 pairs): accuracy %.4f ± %.4f, AUC %.4f, TAR@1e-3 "
              "%.4f, "
              "threshold %.4f; images %d: %d detected, %d padded, %d whole",
              o[QStringLiteral("accuracy")].toDouble(), o[QStringLiteral("std")].toDouble(),
              o[QStringLiteral("auc")].toDouble(), o[QStringLiteral("tar_at_far_1e-3")].toDouble(),
              o[QStringLiteral("threshold")].toDouble(), o[QStringLiteral("images")].toInt(),
              o[QStringLiteral("detected")].toInt(), o[QStringLiteral("padded")].toInt(),
              o[QStringLiteral("whole_image")].toInt());
        QCOMPARE(o[QStringLiteral("pairs")].toInt(), 80);
        QCOMPARE(o[QStringLiteral("folds")].toInt(), 10);
        QVERIFY(o[QStringLiteral("images")].toInt() >= 30);
        QCOMPARE(o[QStringLiteral("detected")].toInt() + o[QStringLiteral("padded")].toInt() +
                     o[QStringLiteral("whole_image")].toInt(),
                 o[QStringLiteral("images")].toInt());
        QCOMPARE(o[QStringLiteral("no_face")].toInt(),
                 o[QStringLiteral("padded")].toInt() + o[QStringLiteral("whole_image")].toInt());
        // dlib's network tells these eight people apart
        QVERIFY(o[QStringLiteral("accuracy")].toDouble() >= 0.85);
        QVERIFY(o[QStringLiteral("auc")].toDouble() >= 0.9);
        QVERIFY(o[QStringLiteral("std")].toDouble() >= 0.0);
        QCOMPARE(o[QStringLiteral("fold_results")].toArray().size(), 10);
    }

    void evalPairsRejectsBadInput_data()
    {
        QTest::addColumn<QString>("pairsText");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("bad header") << "ten folds\nx 1 2\n" << 2;
        QTest::newRow("wrong line count") << "2 1\namy 1 2\namy 1 penny 2\n" << 2;
        QTest::newRow("bad line") << "1 1\namy one two\namy 1 penny 2\n" << 2;
    }

    void evalPairsRejectsBadInput()
    {
        QFETCH(QString, pairsText);
        QFETCH(int, exitCode);
        const QString file = QDir(m_dir.path()).filePath(QStringLiteral("bad_pairs.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(pairsText.toUtf8());
        f.close();
        const Run run =
            runCli({QStringLiteral("eval-pairs"), QStringLiteral("--root"),
                    QDir(m_dir.path()).filePath(QStringLiteral("lfw")), QStringLiteral("--pairs"), file});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.err.isEmpty());
    }

    void embedWritesNpz()
    {
        const QString out = QDir(m_dir.path()).filePath(QStringLiteral("bbt.npz"));
        const Run run = runCli({QStringLiteral("embed"), QDir(m_dir.path()).filePath(QStringLiteral("lfw")),
                                QStringLiteral("--largest"), QStringLiteral("--out"), out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("edgeface-xs@a31314377876ab9f")); // the default network
        const QMap<QString, int> counts = treatmentCounts(run.out);
        QCOMPARE(counts.value(QStringLiteral("detected")) + counts.value(QStringLiteral("padded")) +
                     counts.value(QStringLiteral("no_face")) + counts.value(QStringLiteral("whole_image")),
                 40);
        // numpy's layout, read back with our own reader
        const kindred::NpzReader npz(out.toStdString());
        for (const char* name : {"embeddings", "raw", "norms", "labels", "paths", "boxes", "probabilities",
                                 "quality", "treatments", "model_id"})
            QVERIFY2(npz.contains(name), name);
        QCOMPARE(npz.descr("embeddings"), std::string("<f4"));
        const torch::Tensor x = npz.tensor("embeddings");
        const int64_t n = x.size(0);
        QCOMPARE(n,
                 int64_t(counts.value(QStringLiteral("detected")) + counts.value(QStringLiteral("padded"))));
        QVERIFY(n >= 38);
        QCOMPARE(x.size(1), 512);
        QVERIFY(torch::allclose(x.norm(2, 1), torch::ones({n}), 1e-4, 1e-4));
        const std::vector<std::string> labels = npz.strings("labels");
        const std::vector<std::string> paths = npz.strings("paths");
        const std::vector<std::string> treatments = npz.strings("treatments");
        QCOMPARE(int64_t(labels.size()), n);
        QCOMPARE(int64_t(paths.size()), n);
        QCOMPARE(int64_t(treatments.size()), n);
        std::set<std::string> people;
        for (int64_t i = 0; i < n; ++i) {
            const QString path = QString::fromStdString(paths[size_t(i)]);
            QVERIFY(QFileInfo::exists(path));
            // the label is the ImageFolder class: the image's folder
            QCOMPARE(QString::fromStdString(labels[size_t(i)]), QFileInfo(path).dir().dirName());
            people.insert(labels[size_t(i)]);
            QVERIFY(treatments[size_t(i)] == "detected" || treatments[size_t(i)] == "padded");
        }
        QCOMPARE(people.size(), size_t(8));
        const torch::Tensor boxes = npz.tensor("boxes");
        QCOMPARE(boxes.sizes().vec(), (std::vector<int64_t>{n, 4}));
        QVERIFY((boxes.select(1, 2) > boxes.select(1, 0)).all().item<bool>());
        QVERIFY((boxes.select(1, 3) > boxes.select(1, 1)).all().item<bool>());
        const torch::Tensor quality = npz.tensor("quality");
        QVERIFY((quality >= 0).all().item<bool>() && (quality <= 1).all().item<bool>());
        QCOMPARE(npz.strings("model_id"), std::vector<std::string>{"edgeface-xs@a31314377876ab9f"});
    }

    // Already-cropped faces: tight crops (the face fills the image) are found after padding; an image with no
    // face at all is dropped, or embedded whole with --whole-image. The counts per treatment are reported.
    void embedTreatments_data()
    {
        QTest::addColumn<bool>("wholeImage");
        QTest::newRow("padded retry") << false;
        QTest::newRow("padded retry + whole image") << true;
    }

    void embedTreatments()
    {
        QFETCH(bool, wholeImage);
        int rows = 0;
        const QString dir = QDir(m_dir.path()).filePath(QStringLiteral("tight"));
        QVERIFY(QDir().mkpath(dir + QStringLiteral("/faces")));
        for (const QString& p : {QStringLiteral("sheldon"), QStringLiteral("penny"), QStringLiteral("raj")}) {
            const QImage crop(kBbt + QLatin1Char('/') + p + QLatin1Char('/') + p + QStringLiteral("1.png"));
            QVERIFY(!crop.isNull());
            // the central 60 %: the face fills the image, MTCNN sees no context
            const QRect inner(crop.width() / 5, crop.height() / 5, crop.width() * 3 / 5,
                              crop.height() * 3 / 5);
            QVERIFY(crop.copy(inner)
                        .convertToFormat(QImage::Format_RGB888)
                        .save(QStringLiteral("%1/faces/%2.png").arg(dir, p)));
        }
        QImage blank(120, 120, QImage::Format_RGB888);
        blank.fill(QColor(90, 140, 200));
        QVERIFY(blank.save(dir + QStringLiteral("/faces/sky.png")));
        const QString out = QDir(m_dir.path()).filePath(QStringLiteral("tight.npz"));
        QStringList args{QStringLiteral("embed"), dir, QStringLiteral("--out"), out};
        if (wholeImage)
            args << QStringLiteral("--whole-image");
        const Run run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QMap<QString, int> counts = treatmentCounts(run.out);
        qInfo("%s", run.out.constData());
        // Tight crops are found only with padding (some stay face-less even then); the sky never has a face.
        const int found = counts.value(QStringLiteral("detected")) + counts.value(QStringLiteral("padded"));
        QVERIFY(counts.value(QStringLiteral("padded")) >= 1);
        QCOMPARE(
            found + counts.value(QStringLiteral("whole_image")) + counts.value(QStringLiteral("no_face")), 4);
        QCOMPARE(counts.value(QStringLiteral("whole_image")), wholeImage ? 4 - found : 0);
        QCOMPARE(counts.value(QStringLiteral("no_face")), wholeImage ? 0 : 4 - found);
        rows = wholeImage ? 4 : found;
        const kindred::NpzReader npz(out.toStdString());
        QCOMPARE(npz.tensor("embeddings").size(0), int64_t(rows));
        const std::vector<std::string> treatments = npz.strings("treatments");
        QCOMPARE(std::count(treatments.begin(), treatments.end(), std::string("whole_image")),
                 long(counts.value(QStringLiteral("whole_image"))));
        QCOMPARE(std::count(treatments.begin(), treatments.end(), std::string("padded")),
                 long(counts.value(QStringLiteral("padded"))));
    }

    void verify_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("sheldon / sheldon") << "sheldon:1"
                                           << "sheldon:3" << true;
        QTest::newRow("penny / penny") << "penny:2"
                                       << "penny:4" << true;
        QTest::newRow("sheldon / penny") << "sheldon:1"
                                         << "penny:1" << false;
        QTest::newRow("raj / howard") << "raj:2"
                                      << "howard:2" << false;
    }

    void verify()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        const Run run =
            runCli({QStringLiteral("verify"), QStringLiteral("--json"),
                    lfwPath(a.section(QLatin1Char(':'), 0, 0), a.section(QLatin1Char(':'), 1).toInt()),
                    lfwPath(b.section(QLatin1Char(':'), 0, 0), b.section(QLatin1Char(':'), 1).toInt())});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        qInfo("%s: distance %.4f (threshold %.4f)", QTest::currentDataTag(),
              o[QStringLiteral("distance")].toDouble(), o[QStringLiteral("threshold")].toDouble());
        QCOMPARE(o[QStringLiteral("same")].toBool(), same);
    }

    void identify()
    {
        // gallery: crops 1-4 of each person; queries: crop 5
        const QString gallery = QDir(m_dir.path()).filePath(QStringLiteral("gallery"));
        QStringList queries;
        for (const QString& p : m_people) {
            QVERIFY(QDir().mkpath(gallery + QLatin1Char('/') + p));
            for (int i = 1; i <= 4; ++i)
                QVERIFY(QFile::copy(lfwPath(p, i), QStringLiteral("%1/%2/%3.jpg").arg(gallery, p).arg(i)));
            queries << lfwPath(p, 5);
        }
        const Run run = runCli(QStringList{QStringLiteral("identify"), QStringLiteral("--json"),
                                           QStringLiteral("--gallery"), gallery} +
                               queries);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray results =
            QJsonDocument::fromJson(run.out).object()[QStringLiteral("results")].toArray();
        QCOMPARE(results.size(), queries.size());
        int right = 0;
        for (qsizetype i = 0; i < results.size(); ++i) {
            const QJsonArray faces = results[i].toObject()[QStringLiteral("faces")].toArray();
            if (!faces.isEmpty() && faces[0].toObject()[QStringLiteral("person")].toString() == m_people[i])
                ++right;
        }
        qInfo("identify: %d of %lld queries named correctly", right, static_cast<long long>(queries.size()));
        QVERIFY(right >= 6);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("eval-pairs without options") << QStringList{QStringLiteral("eval-pairs")} << 2;
        QTest::newRow("embed without --out")
            << QStringList{QStringLiteral("embed"), QStringLiteral(".")} << 2;
        QTest::newRow("verify with one image")
            << QStringList{QStringLiteral("verify"), QStringLiteral("a.jpg")} << 2;
        QTest::newRow("unknown model")
            << QStringList{QStringLiteral("verify"), QStringLiteral("--model"), QStringLiteral("nope"),
                           QStringLiteral("a.jpg"), QStringLiteral("b.jpg")}
            << 2;
        QTest::newRow("irv1 without weights")
            << QStringList{QStringLiteral("verify"), QStringLiteral("--model"), QStringLiteral("irv1"),
                           QStringLiteral("a.jpg"), QStringLiteral("b.jpg")}
            << 3;
        QTest::newRow("bad align") << QStringList{QStringLiteral("verify"), QStringLiteral("--align"),
                                                  QStringLiteral("tilted"), QStringLiteral("a.jpg"),
                                                  QStringLiteral("b.jpg")}
                                   << 2;
        QTest::newRow("missing models folder")
            << QStringList{QStringLiteral("--models"), QStringLiteral("/nonexistent"),
                           QStringLiteral("verify"), QStringLiteral("a.jpg"), QStringLiteral("b.jpg")}
            << 3;
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliEmbedding)
#include "tst_cliembedding.moc"
