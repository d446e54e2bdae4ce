#include "imagedecoder.h"

#include "metadatareader.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QSysInfo>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <exiv2/exiv2.hpp>
#include <jpeglib.h>
#include <libheif/heif.h>
#include <memory>
#include <mutex>

namespace kindred {

namespace {

void ensureAllocationLimit(qint64 maxPixels)
{
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    // 4 bytes per pixel plus slack for the converted copy.
    const qint64 neededMb = maxPixels * 4 / (1024 * 1024) + 16;
    if (QImageReader::allocationLimit() != 0 && QImageReader::allocationLimit() < neededMb)
        QImageReader::setAllocationLimit(static_cast<int>(std::min<qint64>(neededMb, 1 << 30)));
}

QString tooLarge(const QSize& size, qint64 maxPixels)
{
    return QStringLiteral("image too large: %1x%2 pixels (%3 MP) exceeds the limit of %4 MP")
        .arg(size.width())
        .arg(size.height())
        .arg(double(size.width()) * size.height() / 1e6, 0, 'f', 1)
        .arg(double(maxPixels) / 1e6, 0, 'f', 1);
}

struct HeifContextDeleter {
    void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HeifHandleDeleter {
    void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct HeifImageDeleter {
    void operator()(heif_image* i) const { heif_image_release(i); }
};
using HeifContextPtr = std::unique_ptr<heif_context, HeifContextDeleter>;
using HeifHandlePtr = std::unique_ptr<heif_image_handle, HeifHandleDeleter>;
using HeifImagePtr = std::unique_ptr<heif_image, HeifImageDeleter>;

struct HeifFile {
    HeifContextPtr context;
    HeifHandlePtr handle;
    QString error;
};

HeifFile openHeif(const QByteArray& data)
{
    HeifFile file;
    file.context.reset(heif_context_alloc());
    if (!file.context) {
        file.error = QStringLiteral("HEIF: cannot allocate a decoder context");
        return file;
    }
    heif_error err = heif_context_read_from_memory_without_copy(file.context.get(), data.constData(),
                                                                static_cast<size_t>(data.size()), nullptr);
    if (err.code != heif_error_Ok) {
        file.error = QStringLiteral("HEIF: cannot read container: %1").arg(QString::fromUtf8(err.message));
        return file;
    }
    heif_image_handle* handle = nullptr;
    err = heif_context_get_primary_image_handle(file.context.get(), &handle);
    if (err.code != heif_error_Ok || !handle) {
        file.error = QStringLiteral("HEIF: no primary image: %1").arg(QString::fromUtf8(err.message));
        return file;
    }
    file.handle.reset(handle);
    return file;
}

QImage decodeHeif(const HeifFile& file, QString* error)
{
    const bool alpha = heif_image_handle_has_alpha_channel(file.handle.get());
    heif_image* raw = nullptr;
    const heif_error err =
        heif_decode_image(file.handle.get(), &raw, heif_colorspace_RGB,
                          alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nullptr);
    HeifImagePtr image(raw);
    if (err.code != heif_error_Ok || !image) {
        *error = QStringLiteral("HEIF: cannot decode image: %1").arg(QString::fromUtf8(err.message));
        return {};
    }
    int stride = 0;
    const uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
    const int w = heif_image_get_width(image.get(), heif_channel_interleaved);
    const int h = heif_image_get_height(image.get(), heif_channel_interleaved);
    if (!plane || w <= 0 || h <= 0) {
        *error = QStringLiteral("HEIF: decoder returned no pixels");
        return {};
    }
    QImage out(w, h, alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    if (out.isNull()) {
        *error = QStringLiteral("HEIF: out of memory for %1x%2 pixels").arg(w).arg(h);
        return {};
    }
    const size_t rowBytes = static_cast<size_t>(w) * (alpha ? 4 : 3);
    for (int y = 0; y < h; ++y)
        std::memcpy(out.scanLine(y), plane + static_cast<qsizetype>(y) * stride, rowBytes);
    return alpha ? out.convertToFormat(QImage::Format_ARGB32) : out;
}

struct JpegError {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX] = {};
};

[[noreturn]] void jpegFailed(j_common_ptr info)
{
    auto* error = reinterpret_cast<JpegError*>(info->err);
    (*info->err->format_message)(info, error->message);
    std::longjmp(error->jump, 1);
}

void jpegMessage(j_common_ptr, int) {} // warnings (a truncated file is refused before: checkJpegStructure)

// A decompressor whose errors jump to jpegError->jump (set it before the first libjpeg call that can fail)
// and whose warnings are ignored.
void createDecompress(jpeg_decompress_struct* info, JpegError* jpegError)
{
    info->err = jpeg_std_error(&jpegError->manager);
    jpegError->manager.error_exit = jpegFailed;
    jpegError->manager.emit_message = jpegMessage;
    jpeg_create_decompress(info);
}

// A JPEG decoded with libjpeg(-turbo) straight into RGB rows, DCT-scaled (M/8) to the smallest size that
// still covers `scaled` (stored axes; invalid = full size) and then smooth-scaled to it. Qt's JPEG reader
// decodes into RGB32, converting every row, and the decoder converted the result back to RGB888: for a 16 MP
// photo 2-3 passes over 64 MB more than the decode (docs/benchmarks-index.md). The same libjpeg settings as
// Qt's reader: accurate IDCT and fancy upsampling at full size, the fast ones (`fast`) for reduced sizes, so
// full-size pixels equal Qt's. *handled is false for what libjpeg cannot turn into RGB (CMYK, YCCK): Qt
// decodes those.
// With a valid `region` (stored pixels, inside the image; `scaled` is then invalid), only that rectangle at
// full size: the rows above it are skipped (entropy-decoded, not transformed), the columns outside it not
// transformed, and the decode stops after its last row.
QImage decodeJpeg(const QByteArray& data, const QSize& scaled, bool fast, const QRect& region, QString* error,
                  bool* handled)
{
    *handled = true;
    jpeg_decompress_struct info;
    JpegError jpegError;
    createDecompress(&info, &jpegError);
    // Objects changed between setjmp and a longjmp live on the heap (their locals would be indeterminate).
    const auto out = std::make_unique<QImage>();
    if (setjmp(jpegError.jump)) {
        jpeg_destroy_decompress(&info);
        *error =
            QStringLiteral("cannot decode the JPEG image: %1").arg(QString::fromLocal8Bit(jpegError.message));
        return {};
    }
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(data.constData()),
                 static_cast<unsigned long>(data.size()));
    jpeg_read_header(&info, TRUE);
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&info);
        *handled = false;
        return {};
    }
    // An image that is smooth-scaled afterwards is decoded as RGB32 (Qt's scaler works on 32-bit pixels and
    // would convert an RGB888 image first); one kept at its decoded size as RGB888.
#ifdef JCS_EXTENSIONS
    const bool toRgb32 = scaled.isValid();
    info.out_color_space =
        toRgb32 ? (QSysInfo::ByteOrder == QSysInfo::LittleEndian ? JCS_EXT_BGRX : JCS_EXT_XRGB) : JCS_RGB;
#else
    const bool toRgb32 = false;
    info.out_color_space = JCS_RGB;
#endif
    if (scaled.isValid()) {
        // libjpeg(-turbo) scales by M/8 while decoding (M = 1..16): the smallest M that still covers the
        // size.
        const double f =
            std::min(double(info.image_width) / scaled.width(), double(info.image_height) / scaled.height());
        info.scale_num = unsigned(std::clamp(int(std::ceil(8.0 / f)), 1, 8));
        info.scale_denom = 8;
    }
    info.dct_method = fast ? JDCT_IFAST : JDCT_ISLOW;
    info.do_fancy_upsampling = fast ? FALSE : TRUE;
    jpeg_start_decompress(&info);
    if (info.output_components != (toRgb32 ? 4 : 3)) {
        jpeg_destroy_decompress(&info);
        *handled = false;
        return {};
    }
    JDIMENSION left = 0;
    JDIMENSION rows = info.output_height;
    // Decoded with two more pixels on each side (inside the image): upsampled chroma reads its neighbours,
    // which libjpeg repeats from the edge of what it decodes.
    const QRect padded = region.adjusted(-2, -2, 2, 2)
                             .intersected(QRect(0, 0, int(info.output_width), int(info.output_height)));
    if (region.isValid()) {
        // Columns: libjpeg-turbo widens them to whole iMCUs (left edge moved left, width grown).
        JDIMENSION width = JDIMENSION(padded.width());
        left = JDIMENSION(padded.x());
        if (width < info.output_width)
            jpeg_crop_scanline(&info, &left, &width);
        else
            left = 0;
        if (padded.y() > 0 && jpeg_skip_scanlines(&info, JDIMENSION(padded.y())) != JDIMENSION(padded.y())) {
            jpeg_destroy_decompress(&info);
            *error = QStringLiteral("cannot decode the JPEG image: it ends before row %1").arg(padded.y());
            return {};
        }
        rows = JDIMENSION(padded.height());
    }
    *out = QImage(int(info.output_width), int(rows), toRgb32 ? QImage::Format_RGB32 : QImage::Format_RGB888);
    if (out->isNull()) {
        jpeg_destroy_decompress(&info);
        *error =
            QStringLiteral("out of memory for %1x%2 pixels").arg(info.output_width).arg(info.output_height);
        return {};
    }
    const JDIMENSION first = info.output_scanline;
    while (info.output_scanline < first + rows) {
        JSAMPROW row = out->scanLine(int(info.output_scanline - first));
        jpeg_read_scanlines(&info, &row, 1);
    }
    if (region.isValid()) {
        jpeg_destroy_decompress(&info); // the rest of the data is not needed
        return out->copy(region.x() - int(left), region.y() - padded.y(), region.width(), region.height());
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    if (scaled.isValid() && out->size() != scaled)
        return out->scaled(scaled, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
            .convertToFormat(QImage::Format_RGB888);
    return toRgb32 ? out->convertToFormat(QImage::Format_RGB888) : std::move(*out);
}

bool isStandalone(unsigned char marker)
{
    return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

// What checkJpegStructure's walk saw of a JPEG's segments.
struct JpegLayout {
    int frames = 0;                 // SOF segments
    int scans = 0;                  // SOS segments
    bool huffmanSequential = false; // the (last) frame is baseline or extended sequential, Huffman-coded
    bool markersAfterScan = false;  // a marker other than EOI follows a scan's entropy-coded data
};

QString walkJpeg(const QByteArray& data, JpegLayout* layout)
{
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype n = data.size();
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
        return QStringLiteral("not a JPEG stream");
    qsizetype pos = 2;
    bool sawFrame = false;
    bool afterScan = false; // the marker read next is the one that ends a scan's entropy-coded data
    while (pos < n) {
        if (p[pos] != 0xFF) { // tolerate stray bytes between segments, as libjpeg does
            const void* next = std::memchr(p + pos, 0xFF, static_cast<size_t>(n - pos));
            if (!next)
                break;
            pos = static_cast<const unsigned char*>(next) - p;
        }
        while (pos < n && p[pos] == 0xFF)
            ++pos;
        if (pos >= n)
            break;
        const unsigned char marker = p[pos++];
        if (afterScan && marker != 0xD9)
            layout->markersAfterScan = true;
        afterScan = false;
        if (marker == 0xD9)
            return sawFrame ? QString() : QStringLiteral("JPEG has no image frame");
        if (isStandalone(marker) || marker == 0x00)
            continue;
        if (pos + 2 > n)
            break;
        const qsizetype length = (qsizetype(p[pos]) << 8) | p[pos + 1];
        if (length < 2)
            return QStringLiteral("corrupt JPEG: invalid segment length at offset %1").arg(pos);
        if ((marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            sawFrame = true;
            ++layout->frames;
            layout->huffmanSequential = marker == 0xC0 || marker == 0xC1;
        }
        pos += length;
        if (pos > n)
            break;
        if (marker == 0xDA) {
            ++layout->scans;
            afterScan = true;
            // Entropy-coded data: runs until a marker other than stuffing (FF00) or restart (FFD0-D7).
            while (pos < n) {
                const void* ff = std::memchr(p + pos, 0xFF, static_cast<size_t>(n - pos));
                if (!ff) {
                    pos = n;
                    break;
                }
                pos = static_cast<const unsigned char*>(ff) - p;
                if (pos + 1 >= n) {
                    pos = n;
                    break;
                }
                const unsigned char next = p[pos + 1];
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos += 2;
                } else if (next == 0xFF) {
                    pos += 1;
                } else {
                    break;
                }
            }
        }
    }
    return QStringLiteral("truncated JPEG: the file ends before the end-of-image marker");
}

// Starts libjpeg's decompression of a JPEG as decodeJpeg does for a reduced size, and stops before any pixel:
// the header, the tables and the sampling are checked (libjpeg's errors), no entropy-coded byte is read for a
// single-scan image. Returns false with *error set as decodeJpeg would; *handled is false when only decoding
// can tell (CMYK, YCCK, samples of other than 8 bits).
bool startJpeg(const QByteArray& data, QString* error, bool* handled)
{
    *handled = true;
    jpeg_decompress_struct info;
    JpegError jpegError;
    createDecompress(&info, &jpegError);
    if (setjmp(jpegError.jump)) {
        jpeg_destroy_decompress(&info);
        *error =
            QStringLiteral("cannot decode the JPEG image: %1").arg(QString::fromLocal8Bit(jpegError.message));
        return false;
    }
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(data.constData()),
                 static_cast<unsigned long>(data.size()));
    jpeg_read_header(&info, TRUE);
    // What decodeJpeg leaves to Qt, and samples of other than 8 bits (libjpeg-turbo 3 starts a 12-bit image
    // and refuses it at the first row of 8-bit samples): decoded.
    if (info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK || info.data_precision != 8) {
        jpeg_destroy_decompress(&info);
        *handled = false;
        return false;
    }
    info.out_color_space = JCS_RGB;
    info.scale_num = 1;
    info.scale_denom = 8;
    info.dct_method = JDCT_IFAST;
    info.do_fancy_upsampling = FALSE;
    jpeg_start_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

} // namespace

QSize ImageDecoder::orientedSize(const QSize& stored, int orientation)
{
    return orientation >= 5 && orientation <= 8 ? stored.transposed() : stored;
}

QRect ImageDecoder::storedRect(const QRect& display, const QSize& stored, int orientation)
{
    // Edges [u0, u1) x [v0, v1) of the displayed rectangle, mapped back through the orientation (the EXIF
    // definition of where a stored pixel lands on screen, as in applyOrientation).
    const int W = stored.width(), H = stored.height();
    const int u0 = display.left(), u1 = display.left() + display.width();
    const int v0 = display.top(), v1 = display.top() + display.height();
    const auto rect = [](int x0, int x1, int y0, int y1) { return QRect(x0, y0, x1 - x0, y1 - y0); };
    switch (orientation) {
    case 2:
        return rect(W - u1, W - u0, v0, v1);
    case 3:
        return rect(W - u1, W - u0, H - v1, H - v0);
    case 4:
        return rect(u0, u1, H - v1, H - v0);
    case 5:
        return rect(v0, v1, u0, u1);
    case 6:
        return rect(v0, v1, H - u1, H - u0);
    case 7:
        return rect(W - v1, W - v0, H - u1, H - u0);
    case 8:
        return rect(W - v1, W - v0, u0, u1);
    default:
        return display;
    }
}

QSize ImageDecoder::fitInside(const QSize& size, const QSize& box)
{
    if (!box.isValid() || box.isEmpty() || (size.width() <= box.width() && size.height() <= box.height()))
        return size;
    QSize fitted = size.scaled(box, Qt::KeepAspectRatio);
    return fitted.expandedTo(QSize(1, 1));
}

QImage ImageDecoder::applyOrientation(const QImage& image, int orientation)
{
    switch (orientation) {
    case 2:
        return image.mirrored(true, false);
    case 3:
        return image.transformed(QTransform().rotate(180));
    case 4:
        return image.mirrored(false, true);
    case 5:
        return image.mirrored(true, false).transformed(QTransform().rotate(270));
    case 6:
        return image.transformed(QTransform().rotate(90));
    case 7:
        return image.mirrored(true, false).transformed(QTransform().rotate(90));
    case 8:
        return image.transformed(QTransform().rotate(270));
    default:
        return image;
    }
}

QString ImageDecoder::checkJpegStructure(const QByteArray& data)
{
    JpegLayout layout;
    return walkJpeg(data, &layout);
}

QByteArray ImageDecoder::rawPreview(const QByteArray& data, QString* error)
{
    try {
        auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(data.constData()),
                                               long(data.size()));
        image->readMetadata();
        Exiv2::PreviewManager manager(*image);
        Exiv2::PreviewPropertiesList list = manager.getPreviewProperties();
        // Largest first; only formats we decode (JPEG, TIFF).
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return qint64(a.width_) * a.height_ > qint64(b.width_) * b.height_;
        });
        for (const Exiv2::PreviewProperties& p : list) {
            if (p.mimeType_ != "image/jpeg" && p.mimeType_ != "image/tiff")
                continue;
            const Exiv2::PreviewImage preview = manager.getPreviewImage(p);
            if (preview.size() > 0)
                return QByteArray(reinterpret_cast<const char*>(preview.pData()), qsizetype(preview.size()));
        }
        *error = QStringLiteral("camera RAW file without an embedded preview (Kindred shows RAW files by the "
                                "preview the camera stores in them; it does not develop RAW data)");
    } catch (const std::exception& e) {
        *error = QStringLiteral("not a readable camera RAW file: %1").arg(QString::fromLocal8Bit(e.what()));
    }
    return {};
}

ImageDecoder::Header ImageDecoder::probeData(const QByteArray& data, qint64 maxPixels, int orientation,
                                             bool raw)
{
    Header header;
    if (data.isEmpty()) {
        header.error = QStringLiteral("empty file");
        return header;
    }
    if (raw) {
        const QByteArray preview = rawPreview(data, &header.error);
        if (preview.isEmpty()) {
            header.format = ImageFormat::Raw;
            return header;
        }
        header = probeData(preview, maxPixels,
                           orientation > 0 ? orientation : MetadataReader::readOrientation(data));
        header.format = ImageFormat::Raw;
        return header;
    }
    header.format = ImageFormats::sniff(data);
    if (header.format == ImageFormat::Unknown) {
        header.error =
            QStringLiteral("not a supported image (content is not JPEG, PNG, WebP, TIFF, BMP, GIF or HEIF)");
        return header;
    }
    if (header.format == ImageFormat::Heif) {
        const HeifFile file = openHeif(data);
        if (!file.error.isEmpty()) {
            header.error = file.error;
            return header;
        }
        // libheif reports the size after its container transforms (irot/imir), i.e. as displayed.
        header.storedSize = QSize(heif_image_handle_get_width(file.handle.get()),
                                  heif_image_handle_get_height(file.handle.get()));
        header.displaySize = header.storedSize;
        header.orientation = 1;
    } else {
        QBuffer buffer;
        buffer.setData(data);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, ImageFormats::qtFormat(header.format));
        reader.setAutoTransform(false);
        header.storedSize = reader.size();
        if (!header.storedSize.isValid()) {
            const QString why = reader.errorString();
            header.error =
                QStringLiteral("cannot read the %1 header: %2")
                    .arg(ImageFormats::name(header.format), why.isEmpty() ? QStringLiteral("corrupt") : why);
            return header;
        }
        header.orientation = orientation > 0 ? orientation : MetadataReader::readOrientation(data);
        header.displaySize = orientedSize(header.storedSize, header.orientation);
    }
    if (header.storedSize.width() <= 0 || header.storedSize.height() <= 0) {
        header.error = QStringLiteral("invalid image dimensions %1x%2")
                           .arg(header.storedSize.width())
                           .arg(header.storedSize.height());
        return header;
    }
    if (qint64(header.storedSize.width()) * header.storedSize.height() > maxPixels)
        header.error = tooLarge(header.storedSize, maxPixels);
    return header;
}

ImageDecoder::Header ImageDecoder::validateData(const QByteArray& data, qint64 maxPixels, int orientation,
                                                bool raw)
{
    if (raw) {
        Header header;
        const QByteArray preview = rawPreview(data, &header.error);
        if (!preview.isEmpty())
            header = validateData(preview, maxPixels,
                                  orientation > 0 ? orientation : MetadataReader::readOrientation(data));
        header.format = ImageFormat::Raw;
        return header;
    }
    Header header = probeData(data, maxPixels, orientation);
    if (!header.ok())
        return header;
    if (header.format == ImageFormat::Jpeg) {
        JpegLayout layout;
        header.error = walkJpeg(data, &layout);
        if (!header.ok())
            return header;
        // One scan of Huffman-coded rows, then the end of the image: libjpeg reads every table and marker
        // before the first pixel, and damage inside the entropy-coded data is only ever a warning (a
        // decode ignores it too; a file cut short was refused by the walk). Starting the decompression is
        // then as good a proof as decoding, without decoding: the entropy decoding of a 20 MP photo is
        // about 50 ms. Anything else (progressive, several frames or scans, markers after the scan, CMYK) is
        // decoded.
        if (layout.frames == 1 && layout.scans == 1 && layout.huffmanSequential && !layout.markersAfterScan) {
            bool handled = true;
            QString error;
            if (startJpeg(data, &error, &handled) || handled) {
                header.error = error;
                return header;
            }
        }
    }
    Options options;
    options.boundingSize = QSize(32, 32); // libjpeg's 1/8 DCT scaling: every entropy-coded byte, few pixels
    options.maxPixels = maxPixels;
    options.orientation = header.orientation;
    const Result result = decodeData(data, options);
    if (!result.ok())
        header.error = result.error;
    return header;
}

ImageDecoder::Result ImageDecoder::decodeFile(const QString& path, const Options& options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = QStringLiteral("cannot open file: %1").arg(file.errorString());
        return result;
    }
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        Result result;
        result.error = QStringLiteral("cannot read file: %1").arg(file.errorString());
        return result;
    }
    Options o = options;
    o.raw = o.raw || ImageFormats::hasRawExtension(path);
    return decodeData(data, o);
}

ImageDecoder::Result ImageDecoder::decodeData(const QByteArray& data, const Options& options)
{
    Result result;
    if (options.raw) {
        const QByteArray preview = rawPreview(data, &result.error);
        if (preview.isEmpty()) {
            result.header.format = ImageFormat::Raw;
            result.header.error = result.error;
            return result;
        }
        Options o = options;
        o.raw = false;
        if (o.orientation <= 0)
            o.orientation = MetadataReader::readOrientation(data); // the RAW's, not the preview's
        result = decodeData(preview, o);
        result.header.format = ImageFormat::Raw;
        return result;
    }
    const int orientation = options.applyOrientation ? options.orientation : 1;
    result.header = probeData(data, options.maxPixels, orientation);
    if (!result.header.ok()) {
        result.error = result.header.error;
        return result;
    }
    const Header& header = result.header;
    // A region is clipped to the displayed image; the whole image when none is asked for.
    QRect region;
    if (options.region.isValid()) {
        region = options.region.intersected(QRect(QPoint(0, 0), header.displaySize));
        if (region.isEmpty()) {
            result.error = QStringLiteral("the region to decode lies outside the image");
            return result;
        }
    }
    QImage image;
    if (header.format == ImageFormat::Heif) {
        const HeifFile file = openHeif(data);
        if (!file.error.isEmpty()) {
            result.error = file.error;
            return result;
        }
        image = decodeHeif(file, &result.error);
        if (image.isNull())
            return result;
        const QSize target = region.isValid() ? image.size() : fitInside(image.size(), options.boundingSize);
        if (target != image.size())
            image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    } else {
        if (header.format == ImageFormat::Jpeg) {
            const QString problem = checkJpegStructure(data);
            if (!problem.isEmpty()) {
                result.error = problem;
                return result;
            }
        }
        const QSize targetDisplay =
            region.isValid() ? header.displaySize : fitInside(header.displaySize, options.boundingSize);
        const bool reduced = targetDisplay != header.displaySize;
        bool handled = false;
        if (header.format == ImageFormat::Jpeg) {
            // Reduced sizes: fast integer IDCT and plain upsampling in libjpeg (invisible once downscaled).
            image = decodeJpeg(
                data, reduced ? orientedSize(targetDisplay, header.orientation) : QSize(), reduced,
                region.isValid() ? storedRect(region, header.storedSize, header.orientation) : QRect(),
                &result.error, &handled);
            if (handled && image.isNull())
                return result;
        }
        if (!handled) {
            ensureAllocationLimit(options.maxPixels);
            QBuffer buffer;
            buffer.setData(data);
            buffer.open(QIODevice::ReadOnly);
            QImageReader reader(&buffer, ImageFormats::qtFormat(header.format));
            reader.setAutoTransform(false);
            if (reduced) {
                reader.setScaledSize(orientedSize(targetDisplay, header.orientation)); // back to stored axes
                reader.setQuality(49);
            }
            if (!reader.read(&image) || image.isNull()) {
                const QString why = reader.errorString();
                result.error = QStringLiteral("cannot decode the %1 image: %2")
                                   .arg(ImageFormats::name(header.format),
                                        why.isEmpty() ? QStringLiteral("corrupt") : why);
                return result;
            }
        }
        if (options.applyOrientation)
            image = applyOrientation(image, header.orientation);
    }
    // libjpeg decoded only the region; every other decoder the whole image.
    if (region.isValid() && image.size() != region.size())
        image = image.copy(region);
    result.offset = region.topLeft();
    const QImage::Format wanted = image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB888;
    if (image.format() != wanted)
        image = image.convertToFormat(wanted);
    if (image.isNull()) {
        result.error = QStringLiteral("out of memory converting the decoded image");
        return result;
    }
    result.image = image;
    return result;
}

} // namespace kindred
