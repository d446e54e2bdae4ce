// kindred-cli detect end to end: the JSON shape of issue 3, --min-face, --full-res, --draw and errors.
#include "clirun.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kDev = QStringLiteral(KINDRED_SHARED_DIR "/photos/dev");

using Run = kindred::test::CliResult;

Run runCli(const QStringList& args)
{
    return kindred::test::runCli(QStringList{QStringLiteral("--threads"), QStringLiteral("2")} + args);
}

bool isNumberArray(const QJsonValue& v, qsizetype size)
{
    if (!v.isArray() || v.toArray().size() != size)
        return false;
    for (const QJsonValue& x : v.toArray())
        if (!x.isDouble())
            return false;
    return true;
}

} // namespace

class TestCliDetect : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::exists(QStringLiteral(KINDRED_CLI_PATH)));
    }

    void jsonShape_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<bool>("fullRes");
        QTest::addColumn<int>("minFaces");
        QTest::newRow("group photo") << "faces.jpg" << false << 6;
        QTest::newRow("portrait, fast decode") << "kate_siegel/1.jpg" << false << 1;
        QTest::newRow("portrait, full resolution") << "kate_siegel/1.jpg" << true << 1;
    }

    void jsonShape()
    {
        QFETCH(QString, image);
        QFETCH(bool, fullRes);
        QFETCH(int, minFaces);
        const QString path = QDir(kDev).filePath(image);
        QStringList args{QStringLiteral("detect"), QStringLiteral("--json")};
        if (fullRes)
            args << QStringLiteral("--full-res");
        const Run run = runCli(args << path);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonDocument doc = QJsonDocument::fromJson(run.out);
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 1);
        const QJsonObject entry = doc.array().first().toObject();
        QCOMPARE(entry[QStringLiteral("image")].toString(), path); // the path as given
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QImage picture = reader.read();
        QCOMPARE(entry[QStringLiteral("width")].toInt(), picture.width());
        QCOMPARE(entry[QStringLiteral("height")].toInt(), picture.height());
        const QJsonArray faces = entry[QStringLiteral("faces")].toArray();
        QVERIFY2(faces.size() >= minFaces, qPrintable(QString::number(faces.size())));
        for (const QJsonValue& v : faces) {
            const QJsonObject face = v.toObject();
            QVERIFY(isNumberArray(face[QStringLiteral("box")], 4));
            const QJsonArray box = face[QStringLiteral("box")].toArray();
            const double w = box[2].toDouble() - box[0].toDouble();
            const double h = box[3].toDouble() - box[1].toDouble();
            QVERIFY(w > 0 && h > 0);
            // in full-resolution coordinates: inside the image (MTCNN boxes may overhang a little)
            QVERIFY(box[0].toDouble() > -0.2 * w && box[2].toDouble() < picture.width() + 0.2 * w);
            QVERIFY(box[1].toDouble() > -0.2 * h && box[3].toDouble() < picture.height() + 0.2 * h);
            const double p = face[QStringLiteral("probability")].toDouble(-1);
            QVERIFY(p >= 0.7 && p <= 1.0);
            const QJsonArray marks = face[QStringLiteral("landmarks")].toArray();
            QCOMPARE(marks.size(), 5);
            for (const QJsonValue& m : marks) {
                QVERIFY(isNumberArray(m, 2));
                const double x = m.toArray()[0].toDouble();
                const double y = m.toArray()[1].toDouble();
                QVERIFY(x >= box[0].toDouble() - 0.1 * w && x <= box[2].toDouble() + 0.1 * w);
                QVERIFY(y >= box[1].toDouble() - 0.1 * h && y <= box[3].toDouble() + 0.1 * h);
            }
        }
    }

    void minFace_data()
    {
        QTest::addColumn<int>("minFace");
        QTest::addColumn<int>("expectedAtMost");
        // faces.jpg (710 x 473) shows six faces of about 90-110 px
        QTest::newRow("default 20") << 20 << 100;
        QTest::newRow("300 px: larger than every face") << 300 << 0;
    }

    void minFace()
    {
        QFETCH(int, minFace);
        QFETCH(int, expectedAtMost);
        const Run run =
            runCli({QStringLiteral("detect"), QStringLiteral("--json"), QStringLiteral("--min-face"),
                    QString::number(minFace), QDir(kDev).filePath(QStringLiteral("faces.jpg"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray faces =
            QJsonDocument::fromJson(run.out).array().first().toObject()[QStringLiteral("faces")].toArray();
        QVERIFY2(faces.size() <= expectedAtMost, qPrintable(QString::number(faces.size())));
        if (expectedAtMost > 0)
            QVERIFY(faces.size() >= 6);
    }

    void draw()
    {
        const QString out = QDir(m_dir.path()).filePath(QStringLiteral("drawn"));
        const QString image = QDir(kDev).filePath(QStringLiteral("faces.jpg"));
        const Run run = runCli(
            {QStringLiteral("detect"), QStringLiteral("--json"), QStringLiteral("--draw"), out, image});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString drawn = QDir(out).filePath(QStringLiteral("faces.detect.jpg"));
        QVERIFY(QFileInfo::exists(drawn));
        const QImage original = QImage(image).convertToFormat(QImage::Format_RGB888);
        const QImage annotated = QImage(drawn).convertToFormat(QImage::Format_RGB888);
        QCOMPARE(annotated.size(), original.size());
        // The box outlines are green: the middle of each box's top edge is now clearly green.
        const QJsonArray faces =
            QJsonDocument::fromJson(run.out).array().first().toObject()[QStringLiteral("faces")].toArray();
        QVERIFY(!faces.isEmpty());
        for (const QJsonValue& v : faces) {
            const QJsonArray box = v.toObject()[QStringLiteral("box")].toArray();
            const int x = int((box[0].toDouble() + box[2].toDouble()) / 2);
            const int y = std::max(0, int(box[1].toDouble()));
            const QColor c = annotated.pixelColor(x, y);
            QVERIFY2(c.green() > 150 && c.red() < 120 && c.blue() < 120,
                     qPrintable(QStringLiteral("%1,%2: %3").arg(x).arg(y).arg(c.name())));
        }
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no image") << QStringList{QStringLiteral("detect")} << 2;
        QTest::newRow("bad --min-face") << QStringList{QStringLiteral("detect"), QStringLiteral("--min-face"),
                                                       QStringLiteral("zero"), QStringLiteral("x.jpg")}
                                        << 2;
        QTest::newRow("missing file") << QStringList{QStringLiteral("detect"), QStringLiteral("--json"),
                                                     QStringLiteral("/nonexistent/x.jpg")}
                                      << 1;
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(!run.err.isEmpty());
        if (exitCode == 1) {
            const QJsonArray results = QJsonDocument::fromJson(run.out).array();
            QCOMPARE(results.size(), 1);
            QVERIFY(results.first().toObject().contains(QStringLiteral("error")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliDetect)
#include "tst_clidetect.moc"
