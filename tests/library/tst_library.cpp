// Tests for kindred_library: catalog migrations, format sniffing, decoding, metadata, the scanner and
// the thumbnail cache. Every fixture is generated here (QImage + Exiv2 + libheif).
#include "catalog.h"
#include "fixtures.h"
#include "imagedecoder.h"
#include "imageformat.h"
#include "metadatareader.h"
#include "metadatawriter.h"
#include "photorepository.h"
#include "rawfile.h"
#include "scanner.h"
#include "thumbnailcache.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>
#include <atomic>
#include <sys/stat.h>
#include <unistd.h>

using namespace kindred;
using namespace kindred::test;

using StringMap = QMap<QString, QString>;

namespace {

// Mean absolute difference per channel of two RGB888 images of the same size (255 when they differ in size).
double meanAbsDiff(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return 255.0;
    const QImage x = a.convertToFormat(QImage::Format_RGB888);
    const QImage y = b.convertToFormat(QImage::Format_RGB888);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const uchar* p = x.constScanLine(row);
        const uchar* q = y.constScanLine(row);
        for (int i = 0; i < 3 * x.width(); ++i)
            sum += std::abs(int(p[i]) - int(q[i]));
    }
    return sum / (3.0 * x.width() * x.height());
}

QSqlQuery run(const QString& catalogPath, const QString& sql)
{
    QSqlQuery q(Catalog::connectionForThread(catalogPath));
    if (!q.exec(sql))
        qWarning() << "SQL failed:" << sql << q.lastError().text();
    return q;
}

QVariant scalar(const QString& catalogPath, const QString& sql)
{
    QSqlQuery q = run(catalogPath, sql);
    return q.next() ? q.value(0) : QVariant();
}

QStringList columns(const QString& catalogPath, const QString& table)
{
    QStringList out;
    QSqlQuery q = run(catalogPath, QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (q.next())
        out << q.value(1).toString();
    return out;
}

QColor pixel(const QImage& image, int x, int y)
{
    return image.pixelColor(x, y);
}

QByteArray tinyGif()
{
    // A 1x1 GIF89a (Qt has no GIF writer).
    static const unsigned char bytes[] = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80,
                                          0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x21, 0xF9, 0x04,
                                          0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01,
                                          0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B};
    return QByteArray(reinterpret_cast<const char*>(bytes), sizeof(bytes));
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A progressive JPEG of `image` (empty when Qt cannot write one).
QByteArray progressiveJpeg(const QImage& image, int quality)
{
    QByteArray data;
    QBuffer out(&data);
    out.open(QIODevice::WriteOnly);
    QImageWriter writer(&out, "jpeg");
    writer.setProgressiveScanWrite(true);
    writer.setQuality(quality);
    return writer.write(image) ? data : QByteArray();
}

bool near(const QColor& a, const QColor& b)
{
    return std::abs(a.red() - b.red()) < 60 && std::abs(a.green() - b.green()) < 60 &&
           std::abs(a.blue() - b.blue()) < 60;
}

} // namespace

class TestLibrary : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_counter = 0;

    // A fresh catalog + photo folder for one test.
    struct Fixture {
        QString catalog;
        QString root;
    };
    Fixture fresh()
    {
        const QString dir = m_tmp.filePath(QString::number(++m_counter));
        QDir().mkpath(dir + QStringLiteral("/photos"));
        Catalog catalog;
        if (!catalog.open(dir + QStringLiteral("/catalog.sqlite")))
            qFatal("cannot open catalog: %s", qPrintable(catalog.errorString()));
        return {catalog.path(), dir + QStringLiteral("/photos")};
    }
    QString jpeg(const QString& path, int seed, const QSize& size = QSize(64, 48))
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (!writeFile(path, encode(patternImage(size, seed), "JPEG")))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    ScanSummary scan(const Fixture& f, Scanner::Options options = {})
    {
        Scanner scanner(f.catalog, options);
        const ScanSummary s = scanner.scan({f.root});
        if (!s.error.isEmpty())
            qWarning() << "scan error" << s.error;
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    // ---- catalog -----------------------------------------------------------------------------------
    void migrations_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Catalog::latestSchemaVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }
    void migrations()
    {
        QFETCH(int, from);
        const QString path = m_tmp.filePath(QStringLiteral("migrate-%1.sqlite").arg(from));
        {
            Catalog old;
            QVERIFY2(old.open(path, from), qPrintable(old.errorString()));
            QCOMPARE(old.schemaVersion(), from);
            // Data an older Kindred would have written.
            if (from >= 1) {
                QSqlQuery q(old.database());
                QVERIFY(q.exec("INSERT INTO roots(path) VALUES('/r')"));
                QVERIFY(q.exec(
                    "INSERT INTO photos(path, root_id, hash, size, mtime_ns, format, mime, width, height, "
                    "date_source) VALUES('/r/a.jpg', 1, '0123456789abcdef', 10, 5, 'jpeg', 'image/jpeg', "
                    "4, 3, 'file-mtime')"));
            }
            if (from >= 2) {
                QSqlQuery q(old.database());
                QVERIFY(q.exec("INSERT INTO persons(name) VALUES('Ada')"));
                QVERIFY2(q.exec("INSERT INTO faces(photo_id, x1, y1, x2, y2, person_id, state, embedding, "
                                "model_id, dim) "
                                "VALUES(1, 0, 0, 2, 2, 1, 'confirmed', zeroblob(8), 'm', 2)"),
                         qPrintable(q.lastError().text()));
            }
        }
        Catalog catalog;
        QVERIFY2(catalog.open(path), qPrintable(catalog.errorString()));
        QCOMPARE(catalog.schemaVersion(), Catalog::latestSchemaVersion());
        for (const char* table : {"roots", "photos", "failures", "faces", "persons", "clusters",
                                  "face_rejections", "xmp_regions", "jobs"})
            QVERIFY2(!columns(path, QString::fromLatin1(table)).isEmpty(), table);
        const QStringList faceColumns = columns(path, QStringLiteral("faces"));
        for (const char* c :
             {"x1", "y1", "x2", "y2", "lm_nose_x", "lm_mouth_right_y", "score", "source", "embedding",
              "model_id", "dim", "quality", "norm", "person_id", "cluster_id", "state", "created_at"})
            QVERIFY2(faceColumns.contains(QString::fromLatin1(c)), c);
        QVERIFY(columns(path, QStringLiteral("photos")).contains(QStringLiteral("faces_hash")));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        if (from >= 1)
            QCOMPARE(scalar(path, QStringLiteral("SELECT path FROM photos WHERE id = 1")).toString(),
                     QStringLiteral("/r/a.jpg"));
        if (from >= 2)
            QCOMPARE(scalar(path, QStringLiteral("SELECT state FROM faces WHERE person_id = 1")).toString(),
                     QStringLiteral("confirmed"));
        // The migrated schema enforces its constraints.
        QSqlQuery bad(catalog.database());
        QVERIFY(
            !bad.exec("INSERT INTO faces(photo_id, x1, y1, x2, y2) VALUES(999, 0, 0, 1, 1)")); // no photo 999
        QVERIFY(
            !bad.exec("INSERT INTO faces(photo_id, x1, y1, x2, y2, state) VALUES(1, 0, 0, 1, 1, 'bogus')"));
    }

    void catalogRejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not sqlite") << QByteArray("this is not a database, just text....", 38) << "not";
        QTest::addRow("newer schema") << QByteArray() << "newer";
    }
    void catalogRejectsBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = m_tmp.filePath(QStringLiteral("bad-%1.sqlite").arg(++m_counter));
        if (content.isEmpty()) {
            Catalog c;
            QVERIFY(c.open(path));
            {
                QSqlQuery q(c.database());
                QVERIFY(
                    q.exec(QStringLiteral("PRAGMA user_version=%1").arg(Catalog::latestSchemaVersion() + 1)));
            }
            c.close();
        } else {
            QVERIFY(writeFile(path, content.repeated(200)));
        }
        Catalog catalog;
        QVERIFY(!catalog.open(path));
        QVERIFY2(catalog.errorString().contains(expected), qPrintable(catalog.errorString()));
    }

    void connectionPerThread()
    {
        const Fixture f = fresh();
        const QString mine = Catalog::connectionForThread(f.catalog).connectionName();
        QCOMPARE(Catalog::connectionForThread(f.catalog).connectionName(), mine);
        QString other;
        int count = -1;
        QThread* thread = QThread::create([&] {
            QSqlDatabase db = Catalog::connectionForThread(f.catalog);
            other = db.connectionName();
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM photos")) && q.next())
                count = q.value(0).toInt();
            q.finish();
            q = QSqlQuery();
            db = QSqlDatabase();
            Catalog::closeThreadConnection(f.catalog);
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(!other.isEmpty());
        QVERIFY(other != mine);
        QCOMPARE(count, 0);
    }

    // ---- formats and decoding ----------------------------------------------------------------------
    void sniff_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format");
        const QImage img = patternImage(QSize(8, 8), 1);
        QTest::addRow("jpeg") << encode(img, "JPEG") << int(ImageFormat::Jpeg);
        QTest::addRow("png") << encode(img, "PNG") << int(ImageFormat::Png);
        QTest::addRow("webp") << encode(img, "WEBP") << int(ImageFormat::WebP);
        QTest::addRow("tiff") << encode(img, "TIFF") << int(ImageFormat::Tiff);
        QTest::addRow("bmp") << encode(img, "BMP") << int(ImageFormat::Bmp);
        QTest::addRow("gif") << tinyGif() << int(ImageFormat::Gif);
        QTest::addRow("heic brand") << QByteArray("\0\0\0\x18"
                                                  "ftypheic\0\0\0\0mif1heic",
                                                  24)
                                    << int(ImageFormat::Heif);
        QTest::addRow("mp4 is not heif") << QByteArray("\0\0\0\x18"
                                                       "ftypisom\0\0\0\0isomiso2",
                                                       24)
                                         << int(ImageFormat::Unknown);
        QTest::addRow("text starting with BM")
            << QByteArray("BMW is a car brand, not a bitmap") << int(ImageFormat::Unknown);
        QTest::addRow("empty") << QByteArray() << int(ImageFormat::Unknown);
    }
    void sniff()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        QCOMPARE(int(ImageFormats::sniff(bytes)), format);
    }

    void orientation_data()
    {
        QTest::addColumn<int>("orientation");
        for (int o = 1; o <= 8; ++o)
            QTest::addRow("orientation %d", o) << o;
    }
    void orientation()
    {
        QFETCH(int, orientation);
        const QString path = m_tmp.filePath(QStringLiteral("orient-%1.jpg").arg(orientation));
        QVERIFY(writeFile(path, encode(cornerMarkerImage(), "JPEG", 95)));
        MetadataSpec spec;
        spec.orientation = orientation;
        QString error;
        QVERIFY2(writeMetadata(path, spec, &error), qPrintable(error));
        QCOMPARE(MetadataReader::readFile(path).orientation, orientation);

        const ImageDecoder::Result r = ImageDecoder::decodeFile(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const int W = 64, H = 32;
        const bool transposed = orientation >= 5;
        QCOMPARE(r.image.size(), transposed ? QSize(H, W) : QSize(W, H));
        QCOMPARE(r.header.displaySize, r.image.size());
        // EXIF definition: where the stored pixel (x, y) lands on screen.
        const auto display = [&](int x, int y) -> QPoint {
            switch (orientation) {
            case 2:
                return {W - 1 - x, y};
            case 3:
                return {W - 1 - x, H - 1 - y};
            case 4:
                return {x, H - 1 - y};
            case 5:
                return {y, x};
            case 6:
                return {H - 1 - y, x};
            case 7:
                return {H - 1 - y, W - 1 - x};
            case 8:
                return {y, W - 1 - x};
            default:
                return {x, y};
            }
        };
        const QPoint red = display(8, 8);
        const QPoint green = display(W - 9, 8);
        QVERIFY2(near(pixel(r.image, red.x(), red.y()), Qt::red),
                 qPrintable(pixel(r.image, red.x(), red.y()).name()));
        QVERIFY2(near(pixel(r.image, green.x(), green.y()), Qt::green),
                 qPrintable(pixel(r.image, green.x(), green.y()).name()));

        // The scanner stores the orientation and the displayed size.
        const Fixture f = fresh();
        QVERIFY(QFile::copy(path, f.root + QStringLiteral("/o.jpg")));
        QCOMPARE(scan(f).newPhotos, 1);
        const auto photo = PhotoRepository(f.catalog).photoByPath(f.root + QStringLiteral("/o.jpg"));
        QVERIFY(photo);
        QCOMPARE(photo->orientation, orientation);
        QCOMPARE(QSize(photo->width, photo->height), r.image.size());
    }

    void decoderLimitsAndScaling()
    {
        const QByteArray data = encode(patternImage(QSize(800, 600), 3), "JPEG");
        ImageDecoder::Options small;
        small.boundingSize = QSize(100, 100);
        const ImageDecoder::Result scaled = ImageDecoder::decodeData(data, small);
        QVERIFY2(scaled.ok(), qPrintable(scaled.error));
        QCOMPARE(scaled.image.size(), QSize(100, 75));
        QCOMPARE(scaled.header.storedSize, QSize(800, 600));
        QCOMPARE(scaled.image.format(), QImage::Format_RGB888);
        ImageDecoder::Options limited;
        limited.maxPixels = 100'000;
        const ImageDecoder::Result refused = ImageDecoder::decodeData(data, limited);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error.contains(QStringLiteral("too large")), qPrintable(refused.error));
        // Alpha survives as ARGB32.
        QImage alpha(10, 10, QImage::Format_ARGB32);
        alpha.fill(qRgba(10, 20, 30, 40));
        const ImageDecoder::Result png = ImageDecoder::decodeData(encode(alpha, "PNG"));
        QVERIFY(png.ok());
        QCOMPARE(png.image.format(), QImage::Format_ARGB32);
    }

    // JPEGs are decoded with libjpeg straight to RGB: at full size the very pixels Qt's reader gives, reduced
    // sizes smooth-scaled from a DCT-scaled decode; what libjpeg cannot make RGB (CMYK) goes to Qt's reader.
    void jpegDecoding_data()
    {
        QTest::addColumn<QString>("source"); // a shared photo, or "" for a generated pattern
        QTest::addColumn<QString>("kind");   // plain, gray (one-channel JPEG), progressive, cmyk
        QTest::addColumn<int>("bound");      // boundingSize (0 = full size)
        // Reduced sizes: mean difference per channel from the full decode smooth-scaled (a swapped channel or
        // a misplaced row makes tens). libjpeg's 1/8 scale is the block average, Qt's reader (CMYK) scales
        // reduced decodes by nearest pixel.
        QTest::addColumn<double>("tolerance");
        const QString dev = QStringLiteral(KINDRED_SHARED_DIR "/photos/dev/multiface.jpg");
        QTest::newRow("colour photo, full size") << dev << "plain" << 0 << 0.0;
        QTest::newRow("grayscale photo, full size") << dev << "gray" << 0 << 0.0;
        QTest::newRow("progressive, full size") << QString() << "progressive" << 0 << 0.0;
        QTest::newRow("colour photo, reduced to 500") << dev << "plain" << 500 << 2.5;
        QTest::newRow("colour photo, reduced to 150 (1/8 scale)") << dev << "plain" << 150 << 5.0;
        QTest::newRow("grayscale photo, reduced to 60") << dev << "gray" << 60 << 5.0;
        QTest::newRow("cmyk, full size") << dev << "cmyk" << 0 << 0.0;
        QTest::newRow("cmyk, reduced to 300") << dev << "cmyk" << 300 << 8.0;
    }
    void jpegDecoding()
    {
        QFETCH(QString, source);
        QFETCH(QString, kind);
        QFETCH(int, bound);
        QFETCH(double, tolerance);
        QByteArray data;
        if (kind == QLatin1String("progressive")) {
            data = progressiveJpeg(patternImage(QSize(333, 250), 5), 90);
            QVERIFY(!data.isEmpty());
        } else if (kind == QLatin1String("cmyk")) {
            const QString convert = QStandardPaths::findExecutable(QStringLiteral("convert"));
            if (convert.isEmpty())
                QSKIP("ImageMagick's convert is not installed");
            const QString path = m_tmp.filePath(QStringLiteral("cmyk.jpg"));
            QProcess process;
            process.start(convert, {source, QStringLiteral("-colorspace"), QStringLiteral("CMYK"), path});
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitCode(), 0);
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            data = f.readAll();
        } else {
            if (!QFileInfo::exists(source))
                QSKIP("shared photos not present");
            QFile f(source);
            QVERIFY(f.open(QIODevice::ReadOnly));
            data = f.readAll();
            if (kind == QLatin1String("gray")) {
                data = encode(QImage::fromData(data).convertToFormat(QImage::Format_Grayscale8), "JPEG", 90);
                QBuffer check(&data);
                QCOMPARE(QImageReader(&check, "jpeg").read().format(), QImage::Format_Grayscale8);
            }
        }
        ImageDecoder::Options options;
        if (bound > 0)
            options.boundingSize = QSize(bound, bound);
        const ImageDecoder::Result r = ImageDecoder::decodeData(data, options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image.format(), QImage::Format_RGB888);
        QBuffer in(&data);
        in.open(QIODevice::ReadOnly);
        QImageReader reader(&in, "jpeg");
        reader.setAutoTransform(false);
        const QImage qt = reader.read().convertToFormat(QImage::Format_RGB888);
        QVERIFY(!qt.isNull());
        QCOMPARE(r.header.storedSize, qt.size());
        if (bound == 0) {
            QCOMPARE(r.image, qt); // the same pixels as Qt's own reader
            return;
        }
        QCOMPARE(r.image.size(), ImageDecoder::fitInside(qt.size(), QSize(bound, bound)));
        // Reduced: close to the full decode smooth-scaled (the DCT scaling and fast IDCT differ a little).
        const QImage expected = qt.scaled(r.image.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                    .convertToFormat(QImage::Format_RGB888);
        double sum = 0;
        for (int y = 0; y < expected.height(); ++y) {
            const uchar* a = r.image.constScanLine(y);
            const uchar* b = expected.constScanLine(y);
            for (int x = 0; x < expected.width() * 3; ++x)
                sum += std::abs(int(a[x]) - int(b[x]));
        }
        const double mean = sum / (expected.width() * expected.height() * 3.0);
        QVERIFY2(mean < tolerance, qPrintable(QString::number(mean)));
    }

    // The scan proves a file decodes without decoding a single-scan JPEG's pixels
    // (ImageDecoder::validateData): on damaged files it must refuse exactly what decoding refuses, with the
    // same reason. Damage of every kind, at seeded random places: bytes changed in the headers or in the
    // entropy-coded data, the file cut short, markers put into the data.
    void validationAgreesWithDecoding_data()
    {
        QTest::addColumn<QString>("kind"); // pattern (4:2:0), gray, progressive, photo (the dev photo, EXIF)
        QTest::addColumn<QString>("damage"); // header, data, cut, marker
        QTest::addColumn<int>("count");      // damaged copies
        for (const char* kind : {"pattern", "gray", "progressive", "photo"})
            for (const char* damage : {"header", "data", "cut", "marker"})
                QTest::addRow("%s, %s", kind, damage)
                    << kind << damage << (QByteArray(kind) == "photo" ? 120 : 300);
    }
    void validationAgreesWithDecoding()
    {
        QFETCH(QString, kind);
        QFETCH(QString, damage);
        QFETCH(int, count);
        QByteArray data;
        const QImage pattern = patternImage(QSize(301, 203), 3).convertToFormat(QImage::Format_RGB888);
        if (kind == QLatin1String("progressive")) {
            data = progressiveJpeg(pattern, 90);
            QVERIFY(!data.isEmpty());
        } else if (kind == QLatin1String("gray")) {
            data = encode(pattern.convertToFormat(QImage::Format_Grayscale8), "JPEG", 90);
        } else if (kind == QLatin1String("photo")) {
            QFile f(QStringLiteral(KINDRED_SHARED_DIR "/photos/dev/faces.jpg"));
            if (!f.open(QIODevice::ReadOnly))
                QSKIP("shared photos not present");
            data = f.readAll();
        } else {
            data = encode(pattern, "JPEG", 90);
        }
        QVERIFY(ImageDecoder::validateData(data).ok());
        // Qt's reader (the header probe) warns about every damaged copy.
        QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio.jpeg=false"));
        const auto quiet = qScopeGuard([] { QLoggingCategory::setFilterRules(QString()); });
        // Where the entropy-coded data of the (first) scan begins.
        const qsizetype sos = data.indexOf(QByteArray("\xFF\xDA", 2));
        QVERIFY(sos > 0);
        const qsizetype begin = sos + 2 + ((uchar(data[sos + 2]) << 8) | uchar(data[sos + 3]));
        const qsizetype end = data.size() - 2;                                       // EOI
        QRandomGenerator random(qChecksum(QByteArrayView(QTest::currentDataTag()))); // the same everywhere
        static const uchar markers[] = {0xD9, 0xD8, 0xD0, 0xD5, 0xC0, 0xC2, 0xC4, 0xDA, 0xDB,
                                        0xDD, 0xDC, 0xE1, 0xFE, 0x01, 0xFF, 0x00, 0xC8, 0xF0};
        ImageDecoder::Options reduced;
        reduced.boundingSize = QSize(32, 32);
        int refused = 0;
        for (int i = 0; i < count; ++i) {
            QByteArray copy = data;
            if (damage == QLatin1String("header")) {
                for (int k = 0, n = 1 + random.bounded(3); k < n; ++k)
                    copy[2 + random.bounded(begin - 2)] = char(random.bounded(256));
            } else if (damage == QLatin1String("data")) {
                for (int k = 0, n = 1 + random.bounded(8); k < n; ++k)
                    copy[begin + random.bounded(end - begin)] = char(random.bounded(256));
            } else if (damage == QLatin1String("cut")) {
                copy.truncate(random.bounded(2, int(data.size())));
            } else {
                const qsizetype at = begin + random.bounded(end - begin);
                copy[at] = char(0xFF);
                copy[at + 1] = char(markers[random.bounded(int(sizeof markers))]);
            }
            const ImageDecoder::Result decoded = ImageDecoder::decodeData(copy, reduced);
            const ImageDecoder::Header validated = ImageDecoder::validateData(copy);
            QVERIFY2(validated.ok() == decoded.ok(),
                     qPrintable(QStringLiteral("copy %1: validated '%2', decoded '%3'")
                                    .arg(i)
                                    .arg(validated.error, decoded.error)));
            QCOMPARE(validated.error, decoded.error);
            if (!decoded.ok())
                ++refused;
            else
                QCOMPARE(validated.displaySize, decoded.header.displaySize);
        }
        // Damage that decoding refuses was made (cuts and header bytes are refused most of the time).
        if (damage == QLatin1String("cut") || damage == QLatin1String("header"))
            QVERIFY2(refused > count / 10, qPrintable(QString::number(refused)));
    }

    // A region of a photo (the crops of small faces in a camera photo) decodes to the very pixels of that
    // region in the whole decode, whatever the orientation, the chroma subsampling or where the region lies.
    void regionDecoding_data()
    {
        // baseline (4:2:0), progressive, gray (one channel), png: the dev photo; pattern: a generated image
        // (runs without the shared photos)
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QRect>("region");   // displayed pixels
        QTest::addColumn<QRect>("expected"); // region ∩ image
        // The photo is cut to 1195 x 627 so that its edges are not on a whole number of blocks.
        const QRect inside(301, 157, 230, 181), all(0, 0, 1195, 627);
        for (const char* kind : {"baseline", "progressive", "gray", "png", "pattern"}) {
            for (int o : {1, 2, 3, 4, 5, 6, 7, 8}) {
                const QSize display = o >= 5 ? QSize(627, 1195) : QSize(1195, 627);
                QTest::addRow("%s, orientation %d, inside", kind, o) << kind << o << inside << inside;
                // Over the right and bottom edges: clipped to the image.
                const QRect corner(display.width() - 100, display.height() - 70, 300, 300);
                QTest::addRow("%s, orientation %d, past the corner", kind, o)
                    << kind << o << corner << QRect(display.width() - 100, display.height() - 70, 100, 70);
            }
            QTest::addRow("%s, top-left, from the edge", kind)
                << kind << 1 << QRect(-20, -5, 77, 40) << QRect(0, 0, 57, 35);
            QTest::addRow("%s, one pixel", kind) << kind << 6 << QRect(17, 900, 1, 1) << QRect(17, 900, 1, 1);
            QTest::addRow("%s, a full-width band", kind)
                << kind << 1 << QRect(0, 400, 1195, 9) << QRect(0, 400, 1195, 9);
            QTest::addRow("%s, the whole photo", kind) << kind << 1 << all << all;
        }
    }
    void regionDecoding()
    {
        QFETCH(QString, kind);
        QFETCH(int, orientation);
        QFETCH(QRect, region);
        QFETCH(QRect, expected);
        const QString dev = QStringLiteral(KINDRED_SHARED_DIR "/photos/dev/multiface.jpg");
        const bool pattern = kind == QLatin1String("pattern");
        if (!pattern && !QFileInfo::exists(dev))
            QSKIP("shared photos not present");
        const QImage photo = (pattern ? patternImage(QSize(1195, 627), 7) : QImage(dev).copy(0, 0, 1195, 627))
                                 .convertToFormat(QImage::Format_RGB888);
        QByteArray data;
        if (kind == QLatin1String("progressive")) {
            data = progressiveJpeg(photo, 95);
            QVERIFY(!data.isEmpty());
        } else if (kind == QLatin1String("gray")) {
            data = encode(photo.convertToFormat(QImage::Format_Grayscale8), "JPEG", 90);
        } else {
            data = encode(photo, kind == QLatin1String("png") ? "PNG" : "JPEG", 90);
        }
        const QString path = m_tmp.filePath(QStringLiteral("region-%1-%2.%3")
                                                .arg(kind)
                                                .arg(orientation)
                                                .arg(kind == QLatin1String("png") ? "png" : "jpg"));
        QVERIFY(writeFile(path, data));
        if (orientation != 1) {
            MetadataSpec spec;
            spec.orientation = orientation;
            QString error;
            QVERIFY2(writeMetadata(path, spec, &error), qPrintable(error));
        }
        const ImageDecoder::Result whole = ImageDecoder::decodeFile(path);
        QVERIFY2(whole.ok(), qPrintable(whole.error));
        QCOMPARE(whole.header.orientation, orientation);
        ImageDecoder::Options options;
        options.region = region;
        options.boundingSize = QSize(100, 100); // ignored with a region
        const ImageDecoder::Result part = ImageDecoder::decodeFile(path, options);
        QVERIFY2(part.ok(), qPrintable(part.error));
        QCOMPARE(part.offset, expected.topLeft());
        QCOMPARE(part.image.size(), expected.size());
        QCOMPARE(part.image.format(), whole.image.format());
        QCOMPARE(part.header.displaySize, whole.image.size());
        int worst = 0;
        for (int y = 0; y < expected.height(); ++y) {
            const uchar* a = part.image.constScanLine(y);
            const uchar* b = whole.image.constScanLine(expected.y() + y) + expected.x() * 3;
            for (int x = 0; x < expected.width() * 3; ++x)
                worst = std::max(worst, std::abs(int(a[x]) - int(b[x])));
        }
        QCOMPARE(worst, 0);
    }

    void regionOutsideTheImage()
    {
        ImageDecoder::Options options;
        options.region = QRect(900, 10, 50, 50);
        const ImageDecoder::Result r =
            ImageDecoder::decodeData(encode(patternImage(QSize(800, 600), 4), "JPEG"), options);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QStringLiteral("outside")), qPrintable(r.error));
    }

    // ---- metadata through the scanner --------------------------------------------------------------
    void captureDate_data()
    {
        QTest::addColumn<StringMap>("exif");
        QTest::addColumn<StringMap>("xmp");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("source");
        using M = QMap<QString, QString>;
        QTest::addRow("original wins") << M{{"Exif.Photo.DateTimeOriginal", "2019:05:04 10:20:30"},
                                            {"Exif.Photo.DateTimeDigitized", "2019:05:05 00:00:00"},
                                            {"Exif.Image.DateTime", "2020:01:01 00:00:00"}}
                                       << M{} << "2019-05-04T10:20:30"
                                       << "exif-original";
        QTest::addRow("digitized") << M{{"Exif.Photo.DateTimeDigitized", "2018:02:03 04:05:06"},
                                        {"Exif.Image.DateTime", "2020:01:01 00:00:00"}}
                                   << M{} << "2018-02-03T04:05:06"
                                   << "exif-digitized";
        QTest::addRow("image datetime")
            << M{{"Exif.Image.DateTime", "2017:12:31 23:59:58"}} << M{} << "2017-12-31T23:59:58"
            << "exif-datetime";
        QTest::addRow("zero exif date, xmp")
            << M{{"Exif.Photo.DateTimeOriginal", "0000:00:00 00:00:00"}}
            << M{{"Xmp.xmp.CreateDate", "2016-07-08T09:10:11+02:00"}} << "2016-07-08T09:10:11"
            << "xmp";
        QTest::addRow("mtime fallback")
            << M{} << M{} << QDateTime::fromSecsSinceEpoch(1'500'000'000).toString("yyyy-MM-ddTHH:mm:ss")
            << "file-mtime";
    }
    void captureDate()
    {
        QFETCH(StringMap, exif);
        QFETCH(StringMap, xmp);
        QFETCH(QString, expected);
        QFETCH(QString, source);
        const Fixture f = fresh();
        const QString path = jpeg(f.root + QStringLiteral("/d.jpg"), 1);
        MetadataSpec spec;
        spec.exif = exif;
        spec.xmp = xmp;
        QString error;
        if (!exif.isEmpty() || !xmp.isEmpty())
            QVERIFY2(writeMetadata(path, spec, &error), qPrintable(error));
        QVERIFY(setMtime(path, 1'500'000'000));
        QCOMPARE(scan(f).newPhotos, 1);
        const auto photo = PhotoRepository(f.catalog).photoByPath(path);
        QVERIFY(photo);
        QCOMPARE(photo->capturedAt, expected);
        QCOMPARE(photo->dateSource, source);
    }

    void cameraGpsAndRegions_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addRow("north east") << 48.8584 << 2.2945;
        QTest::addRow("south west") << -33.8568 << -151.2153;
    }
    void cameraGpsAndRegions()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        const Fixture f = fresh();
        const QString path = jpeg(f.root + QStringLiteral("/g.jpg"), 2, QSize(200, 100));
        MetadataSpec spec;
        spec.make = QStringLiteral("Canon");
        spec.model = QStringLiteral("EOS 5D");
        spec.lat = lat;
        spec.lon = lon;
        spec.mwgRegions = {{0.1, 0.2, 0.3, 0.4, QStringLiteral("Alice")}};
        spec.mpRegions = {{0.5, 0.1, 0.25, 0.5, QStringLiteral("Bob")}};
        QString error;
        QVERIFY2(writeMetadata(path, spec, &error), qPrintable(error));
        const ScanSummary s = scan(f);
        QCOMPARE(s.newPhotos, 1);
        PhotoRepository repo(f.catalog);
        const auto photo = repo.photoByPath(path);
        QVERIFY(photo);
        QCOMPARE(photo->cameraMake, QStringLiteral("Canon"));
        QCOMPARE(photo->cameraModel, QStringLiteral("EOS 5D"));
        QVERIFY(photo->gpsLat && photo->gpsLon);
        QVERIFY2(std::abs(*photo->gpsLat - lat) < 1e-4, qPrintable(QString::number(*photo->gpsLat)));
        QVERIFY2(std::abs(*photo->gpsLon - lon) < 1e-4, qPrintable(QString::number(*photo->gpsLon)));
        QCOMPARE(photo->format, QStringLiteral("jpeg"));
        QCOMPARE(photo->mime, QStringLiteral("image/jpeg"));
        QCOMPARE(QSize(photo->width, photo->height), QSize(200, 100));
        const QList<XmpRegionRecord> regions = repo.xmpRegions(photo->id);
        QCOMPARE(regions.size(), 2);
        QCOMPARE(regions[0].scheme, QStringLiteral("mwg"));
        QCOMPARE(regions[0].name, QStringLiteral("Alice"));
        QVERIFY(std::abs(regions[0].x - 0.1) < 1e-6 && std::abs(regions[0].y - 0.2) < 1e-6);
        QVERIFY(std::abs(regions[0].w - 0.3) < 1e-6 && std::abs(regions[0].h - 0.4) < 1e-6);
        QCOMPARE(regions[1].scheme, QStringLiteral("mp"));
        QCOMPARE(regions[1].name, QStringLiteral("Bob"));
        QVERIFY(std::abs(regions[1].x - 0.5) < 1e-6 && std::abs(regions[1].w - 0.25) < 1e-6);
    }

    // ---- writing names into files and sidecars ------------------------------------------------------
    void writeNames_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("intoFile");
        QTest::addColumn<QString>(
            "existingSidecar"); // "" none, else the sidecar's name relative to the photo
        QTest::addRow("jpeg, into the file") << "JPEG" << true << "";
        QTest::addRow("png, into the file") << "PNG" << true << "";
        QTest::addRow("tiff, into the file") << "TIFF" << true << "";
        QTest::addRow("webp, into the file") << "WEBP" << true << "";
        QTest::addRow("jpeg, new sidecar") << "JPEG" << false << "";
        QTest::addRow("jpeg, digiKam sidecar") << "JPEG" << false << "p.jpeg.xmp";
        QTest::addRow("jpeg, Lightroom sidecar") << "JPEG" << false << "p.xmp";
    }
    void writeNames()
    {
        QFETCH(QString, format);
        QFETCH(bool, intoFile);
        QFETCH(QString, existingSidecar);
        const Fixture f = fresh();
        const QString path = f.root + QStringLiteral("/p.") + format.toLower();
        const QImage image = patternImage(QSize(120, 80), 7);
        QVERIFY(writeFile(path, encode(image, format.toLatin1().constData(), 95)));
        MetadataSpec spec;
        spec.make = QStringLiteral("Canon");
        spec.exif.insert(QStringLiteral("Exif.Photo.DateTimeOriginal"),
                         QStringLiteral("2019:05:04 10:20:30"));
        spec.mwgRegions = {{0.1, 0.1, 0.2, 0.3, QStringLiteral("Old Name")}};
        QString error;
        if (format != QLatin1String("WEBP")) // Exiv2 0.27 writes WebP XMP but no EXIF fixtures into it
            QVERIFY2(writeMetadata(path, spec, &error), qPrintable(error));
        const QString sidecar =
            existingSidecar.isEmpty() ? QString() : f.root + QLatin1Char('/') + existingSidecar;
        if (!sidecar.isEmpty()) {
            // A sidecar another program wrote: a keyword and a pet region that must survive.
            const QByteArray xmp =
                "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
                "rdf:about='' "
                "xmlns:dc='http://purl.org/dc/elements/1.1/' "
                "xmlns:mwg-rs='http://www.metadataworkinggroup.com/"
                "schemas/regions/' xmlns:stArea='http://ns.adobe.com/xmp/sType/Area#'><dc:subject><rdf:Bag>"
                "<rdf:li>holiday</rdf:li></rdf:Bag></dc:subject><mwg-rs:Regions rdf:parseType='Resource'>"
                "<mwg-rs:RegionList><rdf:Bag><rdf:li rdf:parseType='Resource'><mwg-rs:Name>Rex</mwg-rs:Name>"
                "<mwg-rs:Type>Pet</mwg-rs:Type><mwg-rs:Area stArea:x='0.5' stArea:y='0.5' stArea:w='0.2' "
                "stArea:h='0.2' stArea:unit='normalized'/></rdf:li><rdf:li rdf:parseType='Resource'>"
                "<mwg-rs:Name>Stale</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type><mwg-rs:Area stArea:x='0.3' "
                "stArea:y='0.3' stArea:w='0.1' stArea:h='0.1' stArea:unit='normalized'/></rdf:li></rdf:Bag>"
                "</mwg-rs:RegionList></mwg-rs:Regions></rdf:Description></rdf:RDF></x:xmpmeta>"
                "<?xpacket end='w'?>";
            QVERIFY(writeFile(sidecar, xmp));
            QCOMPARE(MetadataReader::readSidecarRegions(path).size(), 1);
        }
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();

        const QList<NamedFaceRegion> names = {{0.25, 0.125, 0.2, 0.3, QStringLiteral("Zoë Ångström")},
                                              {0.6, 0.2, 0.15, 0.25, QStringLiteral("Bob")}};
        const auto target = intoFile ? MetadataWriter::Target::File : MetadataWriter::Target::Sidecar;
        QCOMPARE(MetadataWriter::canWriteInto(path), true);
        QVERIFY2(MetadataWriter::writeFaceRegions(path, names, QSize(120, 80), target, &error),
                 qPrintable(error));

        const QString written = intoFile ? path : MetadataWriter::sidecarPath(path);
        if (!intoFile) {
            QCOMPARE(written, sidecar.isEmpty() ? path + QStringLiteral(".xmp") : sidecar);
            QFile again(path);
            QVERIFY(again.open(QIODevice::ReadOnly));
            QCOMPARE(again.readAll(), before); // the photo itself is untouched
        }
        const PhotoMetadata meta = MetadataReader::readFile(written);
        QVERIFY2(meta.error.isEmpty(), qPrintable(meta.error));
        QCOMPARE(meta.regions.size(), names.size()); // the old face is gone; MP copies are not doubled
        for (qsizetype i = 0; i < names.size(); ++i) {
            QCOMPARE(meta.regions[i].name, names[i].name);
            QCOMPARE(meta.regions[i].scheme, QStringLiteral("mwg"));
            QVERIFY(std::abs(meta.regions[i].x - names[i].x) < 1e-5 &&
                    std::abs(meta.regions[i].y - names[i].y) < 1e-5);
            QVERIFY(std::abs(meta.regions[i].w - names[i].w) < 1e-5 &&
                    std::abs(meta.regions[i].h - names[i].h) < 1e-5);
        }
        if (intoFile) {
            const ImageDecoder::Result decoded = ImageDecoder::decodeFile(path);
            QVERIFY2(decoded.ok(), qPrintable(decoded.error));
            QCOMPARE(decoded.image, ImageDecoder::decodeData(before).image); // same pixels
            if (format != QLatin1String("WEBP")) {
                QCOMPARE(meta.cameraMake, QStringLiteral("Canon")); // other metadata kept
                QCOMPARE(meta.capturedAt, QStringLiteral("2019-05-04T10:20:30"));
            }
            QVERIFY(!QFileInfo::exists(path + QStringLiteral(".xmp")));
        } else if (!sidecar.isEmpty()) {
            QFile file(sidecar);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            QVERIFY2(text.contains("holiday") && text.contains("Rex") && text.contains("Pet"),
                     text.constData());
            QVERIFY(!text.contains("Stale"));
        }
        // The sidecar (or file) is read by the scanner: its names replace the file's own.
        const ScanSummary s = scan(f);
        QCOMPARE(s.newPhotos, 1);
        QCOMPARE(s.failed, 0); // a sidecar is not a photo that failed
        PhotoRepository repo(f.catalog);
        const auto photo = repo.photoByPath(path);
        QVERIFY(photo);
        const QList<XmpRegionRecord> stored = repo.xmpRegions(photo->id);
        QCOMPARE(stored.size(), names.size());
        QCOMPARE(stored[0].name, names[0].name);

        // Writing no names removes them again.
        QVERIFY2(MetadataWriter::writeFaceRegions(path, {}, QSize(120, 80), target, &error),
                 qPrintable(error));
        QVERIFY(MetadataReader::readFile(written).regions.isEmpty());
    }

    // Names another program writes into a sidecar after the photo was catalogued are read on the next scan
    // (the sidecar's time is part of the "unchanged" test); the photo keeps its identity.
    void sidecarWrittenLater_data()
    {
        QTest::addColumn<QString>("sidecarName"); // relative to the photo's folder
        QTest::addRow("digiKam style") << "shot.jpg.xmp";
        QTest::addRow("Lightroom style") << "shot.xmp";
        QTest::addRow("upper case") << "shot.XMP";
    }
    void sidecarWrittenLater()
    {
        QFETCH(QString, sidecarName);
        const Fixture f = fresh();
        const QString path = jpeg(f.root + QStringLiteral("/shot.jpg"), 11);
        jpeg(f.root + QStringLiteral("/other.jpg"), 12);
        QCOMPARE(scan(f).newPhotos, 2);
        PhotoRepository repo(f.catalog);
        const qint64 id = repo.photoByPath(path)->id;
        QVERIFY(repo.xmpRegions(id).isEmpty());

        const QByteArray xmp = MetadataWriter::withFaceRegions(
            {}, {{0.2, 0.2, 0.3, 0.4, QStringLiteral("Dana")}}, QSize(64, 48), nullptr);
        QVERIFY(!xmp.isEmpty());
        QVERIFY(writeFile(f.root + QLatin1Char('/') + sidecarName, xmp));
        ScanSummary s = scan(f);
        QCOMPARE(s.changed, 1); // only the photo with the new sidecar is read again
        QCOMPARE(s.unchanged, 1);
        QCOMPARE(repo.photoByPath(path)->id, id);
        QList<XmpRegionRecord> regions = repo.xmpRegions(id);
        QCOMPARE(regions.size(), 1);
        QCOMPARE(regions.first().name, QStringLiteral("Dana"));
        s = scan(f);
        QCOMPARE(s.changed, 0);
        QCOMPARE(s.unchanged, 2);

        // Edited again later, then removed.
        QVERIFY(setMtime(f.root + QLatin1Char('/') + sidecarName, QDateTime::currentSecsSinceEpoch() + 60));
        QCOMPARE(scan(f).changed, 1);
        QVERIFY(QFile::remove(f.root + QLatin1Char('/') + sidecarName));
        QCOMPARE(scan(f).changed, 1);
        QVERIFY(repo.xmpRegions(id).isEmpty());
        QCOMPARE(scan(f).changed, 0);
    }

    void writeNamesRefusals()
    {
        const Fixture f = fresh();
        QString error;
        // RAW files are never rewritten: sidecar only.
        const QString raw = f.root + QStringLiteral("/shot.nef");
        QVERIFY(writeFile(raw, rawFile(encode(patternImage(QSize(64, 48), 3), "JPEG"), QSize(64, 48), 1,
                                       QStringLiteral("2020:01:02 03:04:05"))));
        QVERIFY(!MetadataWriter::canWriteInto(raw));
        QVERIFY(!MetadataWriter::writeFaceRegions(raw, {{0.1, 0.1, 0.2, 0.2, QStringLiteral("A")}},
                                                  QSize(64, 48), MetadataWriter::Target::File, &error));
        QVERIFY2(error.contains(QLatin1String("sidecar")), qPrintable(error));
        QVERIFY2(MetadataWriter::writeFaceRegions(raw, {{0.1, 0.1, 0.2, 0.2, QStringLiteral("A")}},
                                                  QSize(64, 48), MetadataWriter::Target::Sidecar, &error),
                 qPrintable(error));
        QCOMPARE(MetadataReader::readSidecarRegions(raw).size(), 1);

        // A truncated JPEG is left exactly as it was.
        const QString broken = f.root + QStringLiteral("/broken.jpg");
        const QByteArray whole = encode(patternImage(QSize(200, 150), 5), "JPEG");
        QVERIFY(writeFile(broken, whole.left(whole.size() / 2)));
        error.clear();
        QVERIFY(!MetadataWriter::writeFaceRegions(broken, {{0.1, 0.1, 0.2, 0.2, QStringLiteral("A")}},
                                                  QSize(200, 150), MetadataWriter::Target::File, &error));
        QVERIFY(!error.isEmpty());
        QFile file(broken);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), whole.left(whole.size() / 2));

        // No sidecar is created just to say "nobody here".
        const QString plain = jpeg(f.root + QStringLiteral("/plain.jpg"), 9);
        QVERIFY(MetadataWriter::writeFaceRegions(plain, {}, QSize(64, 48), MetadataWriter::Target::Sidecar,
                                                 &error));
        QVERIFY(!QFileInfo::exists(plain + QStringLiteral(".xmp")));
    }

    // ---- bad input ---------------------------------------------------------------------------------
    void badFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::addRow("zero bytes") << "zero"
                                    << "empty file";
        QTest::addRow("truncated jpeg") << "truncated-jpeg"
                                        << "truncated";
        QTest::addRow("truncated png") << "truncated-png"
                                       << "cannot decode";
        QTest::addRow("corrupt jpeg") << "corrupt"
                                      << "JPEG";
        QTest::addRow("text named .jpg") << "wrong-ext"
                                         << "not a supported image";
        QTest::addRow("huge dimensions") << "huge"
                                         << "too large";
        QTest::addRow("fifo") << "fifo"
                              << "not a regular file";
        QTest::addRow("unreadable") << "perm"
                                    << "cannot open";
        QTest::addRow("non-utf8 name") << "name"
                                       << "not valid UTF-8";
    }
    void badFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        const Fixture f = fresh();
        jpeg(f.root + QStringLiteral("/good.jpg"), 7);
        const QString bad = f.root + QStringLiteral("/bad.jpg");
        const QByteArray valid = encode(patternImage(QSize(300, 200), 4), "JPEG");
        if (kind == QLatin1String("zero")) {
            QVERIFY(writeFile(bad, {}));
        } else if (kind == QLatin1String("truncated-jpeg")) {
            QVERIFY(writeFile(bad, valid.left(valid.size() * 2 / 3)));
        } else if (kind == QLatin1String("truncated-png")) {
            const QByteArray png = encode(patternImage(QSize(300, 200), 4), "PNG");
            QVERIFY(writeFile(f.root + QStringLiteral("/bad.png"), png.left(png.size() / 2)));
        } else if (kind == QLatin1String("corrupt")) {
            QByteArray junk("\xFF\xD8\xFF\xE0", 4);
            for (int i = 0; i < 2000; ++i)
                junk.append(char((i * 7919) & 0xFF));
            QVERIFY(writeFile(bad, junk));
        } else if (kind == QLatin1String("wrong-ext")) {
            QVERIFY(writeFile(bad, QByteArray("hello, I am a text file\n").repeated(20)));
        } else if (kind == QLatin1String("huge")) {
            // A valid PNG header announcing 50000 x 50000 pixels; the pixels never follow.
            QByteArray png = encode(patternImage(QSize(4, 4), 1), "PNG");
            const char dims[8] = {0, 0, char(0xC3), 0x50, 0, 0, char(0xC3), 0x50};
            png.replace(16, 8, QByteArray(dims, 8));
            const quint32 crc = crc32(png.mid(12, 17)); // chunk type + IHDR data
            for (int i = 0; i < 4; ++i)
                png[29 + i] = char((crc >> (24 - 8 * i)) & 0xFF);
            QVERIFY(writeFile(f.root + QStringLiteral("/bad.png"), png));
        } else if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(bad).constData(), 0644), 0);
        } else if (kind == QLatin1String("perm")) {
            if (::geteuid() == 0)
                QSKIP("running as root: permission bits do not stop root from reading (the FIFO case covers "
                      "an unreadable file instead)");
            QVERIFY(writeFile(bad, valid));
            QVERIFY(QFile::setPermissions(bad, {}));
        } else if (kind == QLatin1String("name")) {
            QVERIFY(writeRawNameFile(f.root, QByteArray("caf\xE9.jpg"), valid));
        }
        // QDir cannot delete a name it cannot decode; remove it by its bytes when the test ends.
        const auto cleanup =
            qScopeGuard([&] { ::unlink((QFile::encodeName(f.root) + "/caf\xE9.jpg").constData()); });
        const ScanSummary first = scan(f);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.newPhotos, 1);
        QCOMPARE(first.failed, 1);
        QCOMPARE(first.failures.size(), 1);
        QVERIFY2(first.failures[0].reason.contains(reason, Qt::CaseInsensitive),
                 qPrintable(first.failures[0].reason));
        PhotoRepository repo(f.catalog);
        QCOMPARE(repo.photos().size(), 1); // no half-written row for the bad file
        const CatalogStatus status = repo.status();
        QCOMPARE(status.failed, 1);
        QCOMPARE(status.readable, 1);
        QCOMPARE(status.failures.size(), 1);
        QCOMPARE(status.failures[0].reason, first.failures[0].reason);

        // Unchanged failures are not retried.
        const ScanSummary second = scan(f);
        QCOMPARE(second.failed, 1);
        QCOMPARE(second.failedSkipped, 1);
        QCOMPARE(second.filesHashed, 0);
        QCOMPARE(second.unchanged, 1);
    }

    void failedFileRetriedWhenChanged()
    {
        const Fixture f = fresh();
        const QString path = f.root + QStringLiteral("/later.jpg");
        QVERIFY(writeFile(path, "not yet an image"));
        QCOMPARE(scan(f).failed, 1);
        jpeg(path, 9);
        const ScanSummary s = scan(f);
        QCOMPARE(s.failed, 0);
        QCOMPARE(s.newPhotos, 1);
        QCOMPARE(PhotoRepository(f.catalog).status().failed, 0);
    }

    void wrongExtensionByContent()
    {
        const Fixture f = fresh();
        QVERIFY(writeFile(f.root + QStringLiteral("/actually-png.jpg"),
                          encode(patternImage(QSize(20, 10), 1), "PNG")));
        QVERIFY(writeFile(f.root + QStringLiteral("/noextension"),
                          encode(patternImage(QSize(20, 10), 2), "JPEG")));
        QVERIFY(writeFile(f.root + QStringLiteral("/README"), "just text"));
        QVERIFY(writeFile(f.root + QStringLiteral("/notes.txt"), "ignored by extension"));
        const QImage img = patternImage(QSize(30, 20), 5);
        for (const char* fmt : {"webp", "tiff", "bmp"})
            QVERIFY(writeFile(f.root + QStringLiteral("/x.%1").arg(QLatin1String(fmt)), encode(img, fmt)));
        QVERIFY(writeFile(f.root + QStringLiteral("/x.gif"), tinyGif()));
        const ScanSummary s = scan(f);
        QCOMPARE(s.newPhotos, 6);
        QCOMPARE(s.failed, 0);
        QCOMPARE(s.ignored, 1);
        PhotoRepository repo(f.catalog);
        QCOMPARE(repo.photoByPath(f.root + QStringLiteral("/actually-png.jpg"))->format,
                 QStringLiteral("png"));
        QCOMPARE(repo.photoByPath(f.root + QStringLiteral("/noextension"))->format, QStringLiteral("jpeg"));
        QCOMPARE(repo.photoByPath(f.root + QStringLiteral("/x.gif"))->mime, QStringLiteral("image/gif"));
        QCOMPARE(repo.photoByPath(f.root + QStringLiteral("/x.tiff"))->width, 30);
    }

    // ---- camera RAW: catalogued and shown by the embedded preview -----------------------------------
    void raw_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("content");  // "preview" | "no-preview" | "text"
        QTest::addColumn<int>("orientation");  // of the RAW (0 = none)
        QTest::addColumn<QString>("sibling");  // another file next to it ("" = none)
        QTest::addColumn<QString>("expected"); // "raw WxH" | "skipped" | failure text
        QTest::addRow("dng") << "shot.dng"
                             << "preview" << 0 << ""
                             << "raw 640x480";
        QTest::addRow("nef, upper case") << "DSC_0001.NEF"
                                         << "preview" << 1 << ""
                                         << "raw 640x480";
        QTest::addRow("cr2 rotated 6") << "IMG_0002.CR2"
                                       << "preview" << 6 << ""
                                       << "raw 480x640";
        QTest::addRow("arw rotated 8") << "a.arw"
                                       << "preview" << 8 << ""
                                       << "raw 480x640";
        QTest::addRow("raw+jpeg pair") << "IMG_0003.CR2"
                                       << "preview" << 0 << "IMG_0003.JPG"
                                       << "skipped";
        QTest::addRow("raw with another shot's jpeg") << "IMG_0004.CR2"
                                                      << "preview" << 0 << "IMG_0005.JPG"
                                                      << "raw 640x480";
        QTest::addRow("no preview") << "empty.dng"
                                    << "no-preview" << 0 << ""
                                    << "without an embedded preview";
        QTest::addRow("not a raw") << "notes.orf"
                                   << "text" << 0 << ""
                                   << "not a readable camera RAW";
    }
    void raw()
    {
        QFETCH(QString, name);
        QFETCH(QString, content);
        QFETCH(int, orientation);
        QFETCH(QString, sibling);
        QFETCH(QString, expected);
        const Fixture f = fresh();
        const QString path = f.root + QLatin1Char('/') + name;
        const QImage preview = patternImage(QSize(640, 480), 31);
        const QByteArray bytes =
            content == QLatin1String("preview")      ? rawFile(encode(preview, "JPEG", 92), preview.size(),
                                                               orientation, QStringLiteral("2021:07:04 12:34:56"))
            : content == QLatin1String("no-preview") ? rawFile(QByteArray(), QSize(), 0, QString())
                                                     : QByteArray("a text file\n").repeated(50);
        QVERIFY(writeFile(path, bytes));
        if (!sibling.isEmpty())
            jpeg(f.root + QLatin1Char('/') + sibling, 3);
        const ScanSummary s = scan(f);
        PhotoRepository repo(f.catalog);
        const auto photo = repo.photoByPath(path);
        if (expected == QLatin1String("skipped")) {
            QVERIFY(!photo);
            QCOMPARE(s.failed, 0);
            QCOMPARE(s.newPhotos, 1); // the JPEG stands for the pair
            return;
        }
        if (!expected.startsWith(QLatin1String("raw "))) {
            QVERIFY(!photo);
            QCOMPARE(s.failed, 1);
            QVERIFY2(s.failures.first().reason.contains(expected), qPrintable(s.failures.first().reason));
            return;
        }
        QVERIFY(photo);
        QCOMPARE(s.failed, 0);
        QCOMPARE(photo->format, QStringLiteral("raw"));
        QCOMPARE(QStringLiteral("raw %1x%2").arg(photo->width).arg(photo->height), expected);
        QCOMPARE(photo->capturedAt, QStringLiteral("2021-07-04T12:34:56"));
        QCOMPARE(photo->cameraMake, QStringLiteral("KindredCam"));
        // Everything that uses pixels gets the preview, oriented like the photo.
        const ImageDecoder::Result decoded = ImageDecoder::decodeFile(path);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.header.format, ImageFormat::Raw);
        QCOMPARE(decoded.image.size(), QSize(photo->width, photo->height));
        // The preview as stored (JPEG), turned upright by the RAW's orientation.
        QImage stored;
        QVERIFY(stored.loadFromData(encode(preview, "JPEG", 92), "JPEG"));
        const QImage upright = ImageDecoder::applyOrientation(stored, orientation > 0 ? orientation : 1);
        const double diff = meanAbsDiff(decoded.image, upright);
        QVERIFY2(diff < 1.0, qPrintable(QString::number(diff)));
        ImageDecoder::Options small;
        small.boundingSize = QSize(200, 200);
        QCOMPARE(ImageDecoder::decodeFile(path, small).image.size(),
                 ImageDecoder::fitInside(QSize(photo->width, photo->height), QSize(200, 200)));
        ThumbnailCache cache(m_tmp.filePath(QStringLiteral("thumbs-raw-%1").arg(m_counter)));
        const ThumbnailCache::Result thumb = cache.thumbnail(path, photo->hash, 128);
        QVERIFY2(thumb.ok(), qPrintable(thumb.error));
        QCOMPARE(thumb.image.size(),
                 ImageDecoder::fitInside(QSize(photo->width, photo->height), QSize(128, 128)));
        // Unchanged on a rescan: a stat, no decode.
        const ScanSummary again = scan(f);
        QCOMPARE(again.filesHashed, 0);
        QCOMPARE(again.failed, 0);
    }

    // ---- identity: moves, renames, missing, duplicates ---------------------------------------------
    void moves_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addRow("rename") << "a.jpg"
                                << "b.jpg";
        QTest::addRow("into subfolder") << "a.jpg"
                                        << "sub/deeper/a.jpg";
        QTest::addRow("out of subfolder") << "sub/a.jpg"
                                          << "a.jpg";
    }
    void moves()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        const Fixture f = fresh();
        const QString src = jpeg(f.root + QLatin1Char('/') + from, 11);
        jpeg(f.root + QStringLiteral("/other.jpg"), 12);
        QCOMPARE(scan(f).newPhotos, 2);
        PhotoRepository repo(f.catalog);
        const auto before = repo.photoByPath(src);
        QVERIFY(before);
        // A label hanging off the photo must survive the move.
        run(f.catalog, QStringLiteral("INSERT INTO persons(name) VALUES('Ada')"));
        run(f.catalog, QStringLiteral("INSERT INTO faces(photo_id, x1, y1, x2, y2, person_id, state) "
                                      "VALUES(%1, 1, 1, 5, 5, 1, 'confirmed')")
                           .arg(before->id));
        const QString dst = f.root + QLatin1Char('/') + to;
        QDir().mkpath(QFileInfo(dst).absolutePath());
        QVERIFY(QFile::rename(src, dst));
        const ScanSummary s = scan(f);
        QCOMPARE(s.moved, 1);
        QCOMPARE(s.newPhotos, 0);
        QCOMPARE(s.missing, 0);
        QCOMPARE(s.unchanged, 1);
        const auto after = repo.photoByPath(dst);
        QVERIFY(after);
        QCOMPARE(after->id, before->id);
        QCOMPARE(after->hash, before->hash);
        QVERIFY(!after->missing);
        QVERIFY(!repo.photoByPath(src));
        QCOMPARE(scalar(f.catalog,
                        QStringLiteral("SELECT count(*) FROM faces WHERE photo_id = %1 AND person_id = 1")
                            .arg(after->id))
                     .toInt(),
                 1);
    }

    void missingThenReappearing()
    {
        const Fixture f = fresh();
        const QString path = jpeg(f.root + QStringLiteral("/p.jpg"), 21);
        QCOMPARE(scan(f).newPhotos, 1);
        PhotoRepository repo(f.catalog);
        const qint64 id = repo.photoByPath(path)->id;
        const QString aside = m_tmp.filePath(QStringLiteral("aside-%1.jpg").arg(++m_counter));
        QVERIFY(QFile::rename(path, aside));
        ScanSummary s = scan(f);
        QCOMPARE(s.missing, 1);
        QVERIFY(repo.photoByPath(path)->missing); // marked, never deleted
        QCOMPARE(repo.status().missing, 1);
        QCOMPARE(repo.status().readable, 0);
        QVERIFY(QFile::rename(aside, path));
        s = scan(f);
        QCOMPARE(s.reappeared, 1);
        QCOMPARE(s.missing, 0);
        const auto back = repo.photoByPath(path);
        QCOMPARE(back->id, id);
        QVERIFY(!back->missing);
        QCOMPARE(s.filesHashed, 0); // same size + mtime: no read
    }

    void duplicates()
    {
        const Fixture f = fresh();
        const QString a = jpeg(f.root + QStringLiteral("/a.jpg"), 31);
        const QString b = f.root + QStringLiteral("/copy/b.jpg");
        QDir().mkpath(f.root + QStringLiteral("/copy"));
        QVERIFY(QFile::copy(a, b));
        const ScanSummary s = scan(f);
        QCOMPARE(s.newPhotos, 2);
        PhotoRepository repo(f.catalog);
        const auto pa = repo.photoByPath(a), pb = repo.photoByPath(b);
        QVERIFY(pa && pb);
        QCOMPARE(pa->hash, pb->hash);
        QVERIFY(pa->id != pb->id);
        QCOMPARE(repo.photosWithHash(pa->hash).size(), 2);
        // Deleting one copy while the other stays: missing, not a move onto the surviving copy.
        QVERIFY(QFile::remove(a));
        const ScanSummary t = scan(f);
        QCOMPARE(t.moved, 0);
        QCOMPARE(t.missing, 1);
        QVERIFY(repo.photoByPath(a)->missing);
        QVERIFY(!repo.photoByPath(b)->missing);
        // New content at a new path that matches a missing row (a.jpg) reclaims that row: a move.
        QVERIFY(QFile::copy(b, f.root + QStringLiteral("/third.jpg")));
        const ScanSummary u = scan(f);
        QCOMPARE(u.moved, 1);
        QCOMPARE(u.newPhotos, 0);
        QCOMPARE(repo.photoByPath(f.root + QStringLiteral("/third.jpg"))->id, pa->id);
    }

    void walkRules()
    {
        const Fixture f = fresh();
        jpeg(f.root + QStringLiteral("/keep/1.jpg"), 41);
        jpeg(f.root + QStringLiteral("/.hidden/2.jpg"), 42);
        jpeg(f.root + QStringLiteral("/@eaDir/3.jpg"), 43);
        jpeg(f.root + QStringLiteral("/.thumbnails/4.jpg"), 44);
        jpeg(f.root + QStringLiteral("/$RECYCLE.BIN/5.jpg"), 45);
        jpeg(f.root + QStringLiteral("/System Volume Information/6.jpg"), 46);
        jpeg(f.root + QStringLiteral("/keep/._7.jpg"), 47);
        QVERIFY(writeFile(f.root + QStringLiteral("/keep/notes.txt"), "not a photo")); // by extension
        // Symlink loops: a link to the root and a link to a sibling.
        QVERIFY(QFile::link(f.root, f.root + QStringLiteral("/keep/loop")));
        QVERIFY(QFile::link(f.root + QStringLiteral("/keep"), f.root + QStringLiteral("/again")));
        const ScanSummary s = scan(f);
        QCOMPARE(s.filesTotal, 1);
        QCOMPARE(s.newPhotos, 1);
        QCOMPARE(s.failed, 0);
    }

    // New and changed files are read ahead on a pool (Scanner::Options::readPool): the catalogue it writes
    // (photo ids in the walk's order, hashes, sizes, failures and their reasons) and the summary are those of
    // reading one file at a time, on a first scan and on a rescan with a move, a change, a deletion and an
    // addition.
    void readAhead_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addRow("2 threads") << 2;
        QTest::addRow("4 threads") << 4;
    }
    void readAhead()
    {
        QFETCH(int, threads);
        const Fixture one = fresh(), many = fresh();
        const auto build = [this](const QString& root) {
            for (int i = 0; i < 10; ++i)
                jpeg(root + QStringLiteral("/d%1/p%2.jpg").arg(i % 3).arg(i), 100 + i, QSize(64 + 8 * i, 48));
            QFile::copy(root + QStringLiteral("/d0/p0.jpg"), root + QStringLiteral("/copy.jpg"));
            const QByteArray valid = encode(patternImage(QSize(300, 200), 4), "JPEG");
            writeFile(root + QStringLiteral("/truncated.jpg"), valid.left(valid.size() / 2));
            writeFile(root + QStringLiteral("/empty.jpg"), {});
            writeFile(root + QStringLiteral("/text.jpg"), QByteArray("not a photo\n").repeated(30));
            writeFile(root + QStringLiteral("/d1/small.png"), encode(patternImage(QSize(20, 10), 3), "PNG"));
            writeFile(root + QStringLiteral("/notes.txt"), QByteArray("notes"));
        };
        const auto change = [this](const QString& root) {
            QFile::rename(root + QStringLiteral("/d1/p1.jpg"), root + QStringLiteral("/d2/moved.jpg"));
            jpeg(root + QStringLiteral("/d0/p3.jpg"), 999, QSize(90, 60));
            QFile::remove(root + QStringLiteral("/d2/p2.jpg"));
            jpeg(root + QStringLiteral("/d0/new.jpg"), 555);
        };
        const auto rows = [](const Fixture& f) {
            QStringList out;
            QSqlQuery q = run(f.catalog, QStringLiteral("SELECT id, path, hash, size, format, width, height, "
                                                        "missing FROM photos ORDER BY id"));
            while (q.next())
                out << QStringLiteral("%1 %2 %3 %4 %5 %6x%7 %8")
                           .arg(q.value(0).toString(), q.value(1).toString().mid(f.root.size()),
                                q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                                q.value(5).toString(), q.value(6).toString(), q.value(7).toString());
            QSqlQuery failures =
                run(f.catalog, QStringLiteral("SELECT path, reason FROM failures ORDER BY path"));
            while (failures.next())
                out << failures.value(0).toString().mid(f.root.size()) + QStringLiteral(": ") +
                           failures.value(1).toString();
            return out;
        };
        const auto counts = [](const ScanSummary& s) {
            return QList<qint64>{s.newPhotos, s.changed,   s.moved,       s.missing,    s.failed,
                                 s.ignored,   s.unchanged, s.filesHashed, s.bytesHashed};
        };
        build(one.root);
        build(many.root);
        const Scanner::Options inline_;
        QThreadPool readers;
        readers.setMaxThreadCount(threads);
        Scanner::Options ahead;
        ahead.readPool = &readers;
        for (int round = 0; round < 2; ++round) {
            if (round == 1) {
                change(one.root);
                change(many.root);
            }
            const ScanSummary a = scan(one, inline_);
            const ScanSummary b = scan(many, ahead);
            QVERIFY(a.error.isEmpty() && b.error.isEmpty());
            QCOMPARE(counts(b), counts(a));
            QCOMPARE(rows(many), rows(one));
        }
        // The rescan did what it should (so that the comparison above compares something).
        const ScanSummary last = scan(many, ahead);
        QCOMPARE(last.unchanged + last.failed, 15);
        QVERIFY(rows(many).join(QLatin1Char('\n')).contains(QStringLiteral("/d2/moved.jpg")));
    }

    void incrementalRescan()
    {
        const Fixture f = fresh();
        for (int i = 0; i < 30; ++i)
            jpeg(f.root + QStringLiteral("/d%1/%2.jpg").arg(i % 3).arg(i), 100 + i);
        Scanner::Options options;
        options.batchSize = 7;
        ScanSummary s = scan(f, options);
        QCOMPARE(s.newPhotos, 30);
        QCOMPARE(s.filesHashed, 30);
        const QString hashBefore =
            scalar(f.catalog, QStringLiteral("SELECT group_concat(hash) FROM photos")).toString();
        s = scan(f, options);
        QCOMPARE(s.unchanged, 30);
        QCOMPARE(s.filesHashed, 0);
        QCOMPARE(s.bytesHashed, 0);
        QCOMPARE(s.newPhotos + s.changed + s.moved + s.failed, 0);
        QCOMPARE(scalar(f.catalog, QStringLiteral("SELECT group_concat(hash) FROM photos")).toString(),
                 hashBefore);
        // One file edited: only that one is re-read, and it keeps its id.
        const QString edited = f.root + QStringLiteral("/d1/1.jpg");
        PhotoRepository repo(f.catalog);
        const auto before = repo.photoByPath(edited);
        jpeg(edited, 999, QSize(80, 40));
        s = scan(f, options);
        QCOMPARE(s.changed, 1);
        QCOMPARE(s.unchanged, 29);
        QCOMPARE(s.filesHashed, 1);
        const auto after = repo.photoByPath(edited);
        QCOMPARE(after->id, before->id);
        QVERIFY(after->hash != before->hash);
        QCOMPARE(after->width, 80);
    }

    void cancelAndResume()
    {
        const Fixture f = fresh();
        for (int i = 0; i < 20; ++i)
            jpeg(f.root + QStringLiteral("/%1.jpg").arg(i), 200 + i);
        std::atomic_bool cancel{false};
        Scanner::Options options;
        options.batchSize = 3;
        Scanner scanner(f.catalog, options);
        int calls = 0;
        const ScanSummary s = scanner.scan(
            {f.root},
            [&](int done, int total, const QString&) {
                ++calls;
                QCOMPARE(total, 20);
                if (done == 8)
                    cancel = true;
            },
            &cancel);
        QVERIFY(s.cancelled);
        QCOMPARE(s.newPhotos, 8);
        QCOMPARE(PhotoRepository(f.catalog).photos().size(), 8);
        QCOMPARE(scalar(f.catalog, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        const ScanSummary rest = scan(f);
        QCOMPARE(rest.unchanged, 8);
        QCOMPARE(rest.newPhotos, 12);
        QCOMPARE(rest.filesHashed, 12);
    }

    void cancelDuringWalkMarksNothingMissing()
    {
        // A cancel that arrives while the folders are still being walked: the walk saw only part of the
        // files, so no photo of the catalog may be marked missing and the summary says cancelled.
        const Fixture f = fresh();
        for (int i = 0; i < 5; ++i)
            jpeg(f.root + QStringLiteral("/%1.jpg").arg(i), 300 + i);
        QCOMPARE(scan(f).newPhotos, 5);
        std::atomic_bool cancel{true};
        const ScanSummary s = Scanner(f.catalog).scan({f.root}, {}, &cancel);
        QVERIFY(s.cancelled);
        QCOMPARE(s.missing, 0);
        QCOMPARE(PhotoRepository(f.catalog).status().missing, 0);
        QCOMPARE(scan(f).unchanged, 5);
    }

    void folderGoneDuringScan_data()
    {
        QTest::addColumn<int>("goneAfter"); // files analysed before the folder disappears
        QTest::addRow("after the first file") << 1;
        QTest::addRow("half way") << 6;
    }
    void folderGoneDuringScan()
    {
        // The photo folder disappears after the walk (a drive unplugged mid-scan): the files not read yet
        // are reported but not stored as failures, so they are catalogued when the folder is back.
        QFETCH(int, goneAfter);
        const Fixture f = fresh();
        const QString sub = f.root + QStringLiteral("/card");
        for (int i = 0; i < 12; ++i)
            jpeg(sub + QStringLiteral("/%1.jpg").arg(i, 2, 10, QLatin1Char('0')), 700 + i);
        const QString away = f.root + QStringLiteral("-card-away");
        bool moved = false;
        const ScanSummary s = Scanner(f.catalog).scan({f.root}, [&](int done, int, const QString&) {
            if (!moved && done >= goneAfter)
                moved = QDir().rename(sub, away);
        });
        QVERIFY(moved);
        QVERIFY(s.failed > 0);
        QVERIFY(s.newPhotos + s.failed == 12);
        QCOMPARE(scalar(f.catalog, QStringLiteral("SELECT count(*) FROM failures")).toInt(), 0);
        QVERIFY(QDir().rename(away, sub));
        const ScanSummary back = scan(f);
        QCOMPARE(back.failed, 0);
        QCOMPARE(back.newPhotos, s.failed);
        QCOMPARE(PhotoRepository(f.catalog).status().readable, 12);
    }

    void missingRootIsNotADeletion()
    {
        const Fixture f = fresh();
        jpeg(f.root + QStringLiteral("/x.jpg"), 51);
        QCOMPARE(scan(f).newPhotos, 1);
        const QString moved = f.root + QStringLiteral("-unplugged");
        QVERIFY(QDir().rename(f.root, moved));
        const ScanSummary s = scan(f);
        QCOMPARE(s.missing, 0);
        QCOMPARE(s.failures.size(), 1);
        QVERIFY(s.failures[0].reason.contains(QStringLiteral("not found")));
        QCOMPARE(PhotoRepository(f.catalog).status().missing, 0);
        QCOMPARE(PhotoRepository(f.catalog).status().roots, QStringList{f.root});
        QVERIFY(QDir().rename(moved, f.root));
    }

    void heic()
    {
        if (!heifEncoderAvailable())
            QSKIP("libheif has no HEVC encoder plugin here (heif_have_encoder_for_format is false)");
        const Fixture f = fresh();
        const QString path = f.root + QStringLiteral("/h.heic");
        QString error;
        QVERIFY2(writeHeic(path, patternImage(QSize(96, 64), 61), &error), qPrintable(error));
        const ImageDecoder::Result r = ImageDecoder::decodeFile(path);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.image.size(), QSize(96, 64));
        QCOMPARE(r.header.format, ImageFormat::Heif);
        const ScanSummary s = scan(f);
        QCOMPARE(s.newPhotos, 1);
        const auto photo = PhotoRepository(f.catalog).photoByPath(path);
        QCOMPARE(photo->format, QStringLiteral("heif"));
        QCOMPARE(QSize(photo->width, photo->height), QSize(96, 64));
    }

    // ---- thumbnails --------------------------------------------------------------------------------
    void thumbnails_data()
    {
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QSize>("expected");
        QTest::addRow("100 -> 128") << 100 << 1 << QSize(128, 96);
        QTest::addRow("256") << 256 << 1 << QSize(256, 192);
        QTest::addRow("600 -> 1024 cap at source") << 600 << 1 << QSize(640, 480);
        QTest::addRow("rotated 6") << 256 << 6 << QSize(192, 256);
        QTest::addRow("rotated 8 small") << 128 << 8 << QSize(96, 128);
    }
    void thumbnails()
    {
        QFETCH(int, requested);
        QFETCH(int, orientation);
        QFETCH(QSize, expected);
        const QString src = m_tmp.filePath(QStringLiteral("thumb-src-%1.jpg").arg(++m_counter));
        QVERIFY(writeFile(src, encode(patternImage(QSize(640, 480), m_counter), "JPEG")));
        MetadataSpec spec;
        spec.orientation = orientation;
        QString error;
        QVERIFY2(writeMetadata(src, spec, &error), qPrintable(error));
        ThumbnailCache cache(m_tmp.filePath(QStringLiteral("thumbs-%1").arg(m_counter)));
        const QString hash = QStringLiteral("abcdef%1").arg(m_counter, 10, 10, QLatin1Char('0'));
        const ThumbnailCache::Result first = cache.thumbnail(src, hash, requested);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.source, ThumbnailCache::Source::Decoded);
        QCOMPARE(first.image.size(), expected);
        QVERIFY(QFileInfo::exists(cache.cachePath(hash, ThumbnailCache::bucketFor(requested))));
        const ThumbnailCache::Result second = cache.thumbnail(src, hash, requested);
        QCOMPARE(second.source, ThumbnailCache::Source::Cache);
        QCOMPARE(second.image.size(), expected);
        QCOMPARE(cache.generated(), 1);
    }

    void thumbnailFromExifPreview()
    {
        const QString src = m_tmp.filePath(QStringLiteral("preview.jpg"));
        QVERIFY(writeFile(src, encode(patternImage(QSize(1200, 900), 5), "JPEG")));
        MetadataSpec spec;
        spec.orientation = 6;
        spec.exifThumbnail = patternImage(QSize(1200, 900), 5).scaled(320, 240);
        QString error;
        QVERIFY2(writeMetadata(src, spec, &error), qPrintable(error));
        ThumbnailCache cache(m_tmp.filePath(QStringLiteral("thumbs-preview")));
        const ThumbnailCache::Result small = cache.thumbnail(src, QStringLiteral("1111222233334444"), 256);
        QVERIFY2(small.ok(), qPrintable(small.error));
        QCOMPARE(small.source, ThumbnailCache::Source::ExifPreview);
        QCOMPARE(small.image.size(), QSize(192, 256)); // rotated like the photo
        const ThumbnailCache::Result big = cache.thumbnail(src, QStringLiteral("1111222233334444"), 512);
        QCOMPARE(big.source, ThumbnailCache::Source::Decoded); // preview too small for 512
        QCOMPARE(big.image.size(), QSize(384, 512));
    }

    void thumbnailConcurrency()
    {
        const QString src = m_tmp.filePath(QStringLiteral("concurrent.jpg"));
        QVERIFY(writeFile(src, encode(patternImage(QSize(1000, 800), 77), "JPEG")));
        ThumbnailCache cache(m_tmp.filePath(QStringLiteral("thumbs-concurrent")));
        QList<int> requests(24, 256);
        const QList<QSize> sizes = QtConcurrent::blockingMapped(requests, [&](int size) {
            return cache.thumbnail(src, QStringLiteral("feedbeef00112233"), size).image.size();
        });
        for (const QSize& s : sizes)
            QCOMPARE(s, QSize(256, 204));
        QCOMPARE(cache.generated(), 1);
        QCOMPARE(cache.hits(), 23);
        // No temporary files left behind.
        QCOMPARE(QDir(QFileInfo(cache.cachePath(QStringLiteral("feedbeef00112233"), 256)).absolutePath())
                     .entryList(QDir::Files)
                     .size(),
                 1);
    }

    void thumbnailPrune()
    {
        ThumbnailCache cache(m_tmp.filePath(QStringLiteral("thumbs-prune")));
        const QString src = m_tmp.filePath(QStringLiteral("prune.jpg"));
        QVERIFY(writeFile(src, encode(patternImage(QSize(600, 400), 3), "JPEG")));
        QStringList hashes;
        for (int i = 0; i < 6; ++i) {
            hashes << QStringLiteral("%1").arg(i, 16, 16, QLatin1Char('a'));
            QVERIFY(cache.thumbnail(src, hashes.last(), 256).ok());
            QVERIFY(setMtime(cache.cachePath(hashes.last(), 256), 1'600'000'000 + i * 100)); // i = 5 newest
        }
        const qint64 total = cache.cacheSize();
        const qint64 each = QFileInfo(cache.cachePath(hashes[0], 256)).size();
        const qint64 freed = cache.prune(total / 2);
        QVERIFY(freed > 0);
        QVERIFY(cache.cacheSize() <= total / 2);
        QVERIFY(!QFileInfo::exists(cache.cachePath(hashes[0], 256))); // oldest went first
        QVERIFY(QFileInfo::exists(cache.cachePath(hashes[5], 256)));
        QVERIFY(each > 0);
    }

    // ---- real photos -------------------------------------------------------------------------------
    void realPhotos()
    {
        const QString dir = QStringLiteral(KINDRED_SHARED_DIR "/photos/dev");
        if (!QFileInfo(dir).isDir())
            QSKIP("shared dev photos not present");
        const QString catalogPath = m_tmp.filePath(QStringLiteral("real.sqlite"));
        Catalog catalog;
        QVERIFY(catalog.open(catalogPath));
        Scanner scanner(catalogPath);
        const ScanSummary s = scanner.scan({dir});
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.newPhotos >= 1);
        QCOMPARE(s.failed, 0);
        const QList<PhotoRecord> photos = PhotoRepository(catalogPath).photos();
        QCOMPARE(photos.size(), s.newPhotos);
        ThumbnailCache cache(m_tmp.filePath(QStringLiteral("thumbs-real")));
        for (const PhotoRecord& p : photos) {
            QVERIFY(p.width > 0 && p.height > 0);
            QCOMPARE(p.hash.size(), 16);
            const ThumbnailCache::Result t = cache.thumbnail(p.path, p.hash, 256);
            QVERIFY2(t.ok(), qPrintable(t.error));
            QCOMPARE(std::max(t.image.width(), t.image.height()), std::min(256, std::max(p.width, p.height)));
        }
    }
};

QTEST_MAIN(TestLibrary)
#include "tst_library.moc"
