#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

namespace kindred::test {

// A minimal camera RAW file laid out as cameras do (a TIFF container, here with the DNG version tag):
// IFD0 carries Make "KindredCam", Model, Orientation (0 = none), DateTime ("yyyy:MM:dd HH:mm:ss") and
// `jpeg` (of `size` pixels) as its JPEG preview (JPEGInterchangeFormat); no sensor data, which Kindred
// never develops. Empty `jpeg` leaves the preview out.
QByteArray rawFile(const QByteArray& jpeg, const QSize& size, int orientation, const QString& dateTime);

} // namespace kindred::test
