#include "rawfile.h"

#include <QList>

namespace kindred::test {

QByteArray rawFile(const QByteArray& jpeg, const QSize& size, int orientation, const QString& dateTime)
{
    const QByteArray make("KindredCam\0", 11), model("RAW-1\0", 6);
    const QByteArray date = dateTime.toLatin1().leftJustified(19, ' ', true) + '\0';
    struct Entry {
        quint16 tag, type;
        quint32 count, value; // value, or offset into the data area (resolved below)
        const QByteArray* data;
    };
    QList<Entry> entries{{0x00FE, 4, 1, 1, nullptr}, // NewSubfileType: reduced-resolution image
                         {0x0100, 4, 1, quint32(size.width()), nullptr},
                         {0x0101, 4, 1, quint32(size.height()), nullptr},
                         {0x010F, 2, quint32(make.size()), 0, &make},
                         {0x0110, 2, quint32(model.size()), 0, &model}};
    if (orientation > 0)
        entries.append({0x0112, 3, 1, quint32(orientation), nullptr});
    entries.append({0x0132, 2, quint32(date.size()), 0, &date});
    if (!jpeg.isEmpty()) {
        entries.append({0x0201, 4, 1, 0, &jpeg}); // JPEGInterchangeFormat: offset of the preview
        entries.append({0x0202, 4, 1, quint32(jpeg.size()), nullptr});
    }
    entries.append({0xC612, 1, 4, 0x00000401, nullptr}); // DNGVersion 1.4.0.0 (bytes, inline)

    const quint32 ifdSize = 2 + 12 * quint32(entries.size()) + 4;
    quint32 dataOffset = 8 + ifdSize;
    QByteArray ifd, area;
    auto put16 = [](QByteArray& b, quint32 v) { b.append(char(v & 0xFF)).append(char((v >> 8) & 0xFF)); };
    auto put32 = [&](QByteArray& b, quint32 v) {
        put16(b, v & 0xFFFF);
        put16(b, v >> 16);
    };
    put16(ifd, quint32(entries.size()));
    for (const Entry& e : entries) {
        put16(ifd, e.tag);
        put16(ifd, e.type);
        put32(ifd, e.count);
        if (e.data) {
            put32(ifd, dataOffset + quint32(area.size()));
            area.append(*e.data);
            if (area.size() % 2)
                area.append('\0'); // word alignment
        } else if (e.type == 3) {
            put16(ifd, e.value);
            put16(ifd, 0);
        } else {
            put32(ifd, e.value);
        }
    }
    put32(ifd, 0); // no next IFD
    QByteArray out("II*\0", 4);
    put32(out, 8);
    return out + ifd + area;
}

} // namespace kindred::test
