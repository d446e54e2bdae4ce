// kindred-cli eval-clusters end to end on small labelled .npz files written with NpzWriter.
#include "clirun.h"
#include "weights/npzwriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = kindred::test::CliResult;

Run runCli(const QStringList& args)
{
    return kindred::test::runCli(args, 120000);
}

// `identities` tight groups of `perIdentity` faces (cosine ~0.99 within, ~0 between) in 32-d, then
// `strangers` random faces with an empty label.
struct Set {
    torch::Tensor embeddings;
    std::vector<std::string> labels;
};

Set makeSet(int identities, int perIdentity, int strangers, double spread)
{
    torch::manual_seed(5);
    const int64_t dim = 32;
    std::vector<torch::Tensor> rows;
    Set set;
    const torch::Tensor centroids = torch::nn::functional::normalize(
        torch::randn({identities, dim}), torch::nn::functional::NormalizeFuncOptions().dim(1));
    for (int f = 0; f < perIdentity; ++f) {
        for (int i = 0; i < identities; ++i) {
            rows.push_back(centroids[i] + spread * torch::randn({dim}) / std::sqrt(double(dim)));
            set.labels.push_back("person" + std::to_string(i));
        }
    }
    for (int s = 0; s < strangers; ++s) {
        rows.push_back(torch::randn({dim}));
        set.labels.emplace_back();
    }
    set.embeddings = torch::nn::functional::normalize(torch::stack(rows),
                                                      torch::nn::functional::NormalizeFuncOptions().dim(1));
    return set;
}

} // namespace

class TestCliEvalClusters : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clean;   // well separated, string labels
    QString m_numeric; // the same with int64 labels (-1 = stranger)
    QString m_noLabels;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Set set = makeSet(4, 6, 3, 0.15);
        kindred::NpzWriter npz;
        npz.add("embeddings", set.embeddings);
        npz.addStrings("labels", set.labels);
        npz.add("quality", torch::full({set.embeddings.size(0)}, 0.9F));
        m_clean = QDir(m_dir.path()).filePath(QStringLiteral("clean.npz"));
        npz.save(m_clean.toStdString());

        std::vector<int64_t> numbers;
        for (const std::string& label : set.labels)
            numbers.push_back(label.empty() ? -1 : std::stoll(label.substr(6)));
        kindred::NpzWriter numeric;
        numeric.add("embeddings", set.embeddings);
        numeric.add("labels", torch::tensor(numbers, torch::kInt64));
        m_numeric = QDir(m_dir.path()).filePath(QStringLiteral("numeric.npz"));
        numeric.save(m_numeric.toStdString());

        kindred::NpzWriter unlabelled;
        unlabelled.add("embeddings", set.embeddings);
        m_noLabels = QDir(m_dir.path()).filePath(QStringLiteral("nolabels.npz"));
        unlabelled.save(m_noLabels.toStdString());
    }

    void perfectClusters_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<int>("results");
        QTest::newRow("string labels, all") << "clean"
                                            << "all" << 2;
        QTest::newRow("string labels, dbscan") << "clean"
                                               << "dbscan" << 1;
        QTest::newRow("int labels, chinese whispers") << "numeric"
                                                      << "chinese-whispers" << 1;
    }

    void perfectClusters()
    {
        QFETCH(QString, file);
        QFETCH(QString, algorithm);
        QFETCH(int, results);
        const Run run = runCli({QStringLiteral("eval-clusters"), QStringLiteral("--npz"),
                                file == QLatin1String("clean") ? m_clean : m_numeric,
                                QStringLiteral("--algorithm"), algorithm, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o[QStringLiteral("faces")].toInt(), 27);
        QCOMPARE(o[QStringLiteral("identities")].toInt(), 4);
        QCOMPARE(o[QStringLiteral("unlabelled")].toInt(), 3);
        QCOMPARE(o[QStringLiteral("dimension")].toInt(), 32);
        const QJsonArray list = o[QStringLiteral("results")].toArray();
        QCOMPARE(list.size(), results);
        for (const QJsonValue& v : list) {
            const QJsonObject r = v.toObject();
            for (const char* key : {"algorithm", "precision", "recall", "f", "clusters", "unclustered_share",
                                    "similarity", "min_cluster_size", "seconds"})
                QVERIFY2(r.contains(QLatin1String(key)), key);
            // four tight identities and three strangers: clustered exactly
            QCOMPARE(r[QStringLiteral("clusters")].toInt(), 4);
            QCOMPARE(r[QStringLiteral("precision")].toDouble(), 1.0);
            QCOMPARE(r[QStringLiteral("recall")].toDouble(), 1.0);
            QCOMPARE(r[QStringLiteral("unclustered_share")].toDouble(), 3.0 / 27.0);
        }
        const QJsonObject pairs = o[QStringLiteral("pairs")].toObject();
        QCOMPARE(pairs[QStringLiteral("auc")].toDouble(), 1.0);
        QVERIFY(pairs[QStringLiteral("same_mean_similarity")].toDouble() >
                pairs[QStringLiteral("different_mean_similarity")].toDouble() + 0.5);
    }

    // A threshold that joins everything ruins precision; the scores must show it.
    void looseThreshold()
    {
        const Run run = runCli(
            {QStringLiteral("eval-clusters"), QStringLiteral("--npz"), m_clean, QStringLiteral("--algorithm"),
             QStringLiteral("dbscan"), QStringLiteral("--eps"), QStringLiteral("1.5"),
             QStringLiteral("--min-points"), QStringLiteral("2"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject r =
            QJsonDocument::fromJson(run.out).object()[QStringLiteral("results")].toArray().first().toObject();
        QCOMPARE(r[QStringLiteral("clusters")].toInt(), 1);
        QVERIFY(r[QStringLiteral("precision")].toDouble() < 0.4);
        QCOMPARE(r[QStringLiteral("recall")].toDouble(), 1.0);
    }

    void sweepAndSuggestions()
    {
        const Run run =
            runCli({QStringLiteral("eval-clusters"), QStringLiteral("--npz"), m_clean,
                    QStringLiteral("--sweep"), QStringLiteral("--suggestions"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        // dbscan: 28 eps x 2 min-points x 2 sizes; chinese whispers: 28 similarities x 2 sizes
        QCOMPARE(o[QStringLiteral("results")].toArray().size(), 112 + 56);
        const QJsonObject best = o[QStringLiteral("best")].toObject();
        QCOMPARE(best[QStringLiteral("dbscan")].toObject()[QStringLiteral("f")].toDouble(), 1.0);
        QCOMPARE(best[QStringLiteral("chinese-whispers")].toObject()[QStringLiteral("f")].toDouble(), 1.0);
        const QJsonArray suggestions = o[QStringLiteral("suggestions")].toArray();
        QCOMPARE(suggestions.size(), 2);
        for (const QJsonValue& v : suggestions) {
            const QJsonObject s = v.toObject();
            QCOMPARE(s[QStringLiteral("confirmed")].toInt(), 12); // every other face of each identity
            QCOMPARE(s[QStringLiteral("held_out")].toInt(), 15);
            QCOMPARE(s[QStringLiteral("known_faces")].toInt(), 12);
            QCOMPARE(s[QStringLiteral("strangers")].toInt(), 3);
            QVERIFY(s[QStringLiteral("precision")].toDouble() >= 0.99);
            QCOMPARE(s[QStringLiteral("strangers_suggested")].toInt(), 0);
        }
    }

    void textOutput()
    {
        const Run run = runCli({QStringLiteral("eval-clusters"), QStringLiteral("--npz"), m_clean});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("| dbscan |"));
        QVERIFY(run.out.contains("| chinese-whispers |"));
        QVERIFY(run.out.contains("AUC"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no --npz") << QStringList{QStringLiteral("eval-clusters")} << 2;
        QTest::newRow("bad algorithm")
            << QStringList{QStringLiteral("eval-clusters"), QStringLiteral("--npz"), QStringLiteral("clean"),
                           QStringLiteral("--algorithm"), QStringLiteral("kmeans")}
            << 2;
        QTest::newRow("bad eps") << QStringList{QStringLiteral("eval-clusters"), QStringLiteral("--npz"),
                                                QStringLiteral("clean"), QStringLiteral("--eps"),
                                                QStringLiteral("x")}
                                 << 2;
        QTest::newRow("missing file") << QStringList{QStringLiteral("eval-clusters"), QStringLiteral("--npz"),
                                                     QStringLiteral("/nonexistent.npz")}
                                      << 1;
        QTest::newRow("no labels") << QStringList{QStringLiteral("eval-clusters"), QStringLiteral("--npz"),
                                                  QStringLiteral("nolabels")}
                                   << 1;
        QTest::newRow("min-quality without quality")
            << QStringList{QStringLiteral("eval-clusters"), QStringLiteral("--npz"),
                           QStringLiteral("numeric"), QStringLiteral("--min-quality"), QStringLiteral("0.5")}
            << 2;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        for (QString& a : args) {
            if (a == QLatin1String("clean"))
                a = m_clean;
            else if (a == QLatin1String("numeric"))
                a = m_numeric;
            else if (a == QLatin1String("nolabels"))
                a = m_noLabels;
        }
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliEvalClusters)
#include "tst_clievalclusters.moc"
