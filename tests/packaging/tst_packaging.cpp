// Installation: `cmake --install` into a temporary prefix gives working programs that find their face
// models under <prefix>/share/kindred/models, plus the desktop entry and icons.
#include "clirun.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace kindred::test;

class TestPackaging : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void installedFiles_data();
    void installedFiles();
    void installedCliFindsItsModels();
    void desktopEntry();

private:
    CliResult runInstalled(const QStringList& args);
    QTemporaryDir m_prefix;
    QString m_prefixPath;
};

void TestPackaging::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    m_prefixPath = m_prefix.path();
    QProcess install;
    install.start(QStringLiteral(KINDRED_CMAKE_COMMAND),
                  {QStringLiteral("--install"), QStringLiteral(KINDRED_BUILD_DIR), QStringLiteral("--prefix"),
                   m_prefixPath});
    QVERIFY(install.waitForFinished(240000));
    QVERIFY2(install.exitStatus() == QProcess::NormalExit && install.exitCode() == 0,
             install.readAllStandardError().constData());
}

void TestPackaging::installedFiles_data()
{
    QTest::addColumn<QString>("path"); // relative to the prefix
    QTest::newRow("desktop app") << "bin/kindred";
    QTest::newRow("command line") << "bin/kindred-cli";
    QTest::newRow("detector weights") << "share/kindred/models/mtcnn_model-weights_manifest.json";
    QTest::newRow("embedder weights") << "share/kindred/models/face_recognition_model-weights_manifest.json";
    QTest::newRow("EdgeFace-XS weights") << "share/kindred/models/edgeface_xs_q.pt";
    QTest::newRow("EdgeFace-XXS weights") << "share/kindred/models/edgeface_xxs_q.pt";
    QTest::newRow("EdgeFace licence") << "share/kindred/models/edgeface-LICENSE.txt";
    QTest::newRow("desktop entry") << "share/applications/kindred.desktop";
    QTest::newRow("scalable icon") << "share/icons/hicolor/scalable/apps/kindred.svg";
    QTest::newRow("48 px icon") << "share/icons/hicolor/48x48/apps/kindred.png";
    QTest::newRow("256 px icon") << "share/icons/hicolor/256x256/apps/kindred.png";
}

void TestPackaging::installedFiles()
{
    QFETCH(QString, path);
    const QFileInfo info(m_prefixPath + QLatin1Char('/') + path);
    QVERIFY2(info.isFile(), qPrintable(info.filePath()));
    if (path.startsWith(QLatin1String("bin/")))
        QVERIFY(info.isExecutable());
    if (path.endsWith(QLatin1String(".png"))) { // .../<N>x<N>/apps/kindred.png holds an N x N image
        const int size = path.section(QLatin1Char('/'), -3, -3).section(QLatin1Char('x'), 0, 0).toInt();
        QVERIFY(size > 0);
        QCOMPARE(QImageReader(info.filePath()).size(), QSize(size, size));
    }
}

CliResult TestPackaging::runInstalled(const QStringList& args)
{
    return runProgram(m_prefixPath + QStringLiteral("/bin/kindred-cli"), args, 240000);
}

void TestPackaging::installedCliFindsItsModels()
{
    QTemporaryDir library;
    CliResult r = runInstalled(
        {QStringLiteral("--library"), library.path(), QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The installed copy, not the build tree's pack.
    QCOMPARE(r.json().object().value(QStringLiteral("models")).toString(),
             QDir(m_prefixPath + QStringLiteral("/share/kindred/models")).absolutePath());
    r = runInstalled({QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("detect"),
                      QStringLiteral("--json"),
                      QStringLiteral(KINDRED_SHARED_DIR "/photos/dev/multiface.jpg")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray images = r.json().array();
    QCOMPARE(images.size(), 1);
    QVERIFY(images.first().toObject().value(QStringLiteral("faces")).toArray().size() >= 5);
}

void TestPackaging::desktopEntry()
{
    QSettings entry(m_prefixPath + QStringLiteral("/share/applications/kindred.desktop"),
                    QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("kindred"));
    QCOMPARE(entry.value(QStringLiteral("Icon")).toString(), QStringLiteral("kindred"));
    QVERIFY(QFileInfo::exists(m_prefixPath + QStringLiteral("/bin/") +
                              entry.value(QStringLiteral("Exec")).toString()));
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
