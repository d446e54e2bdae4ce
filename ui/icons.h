#pragma once

#include <QColor>
#include <QIcon>

namespace kindred {

// The app's icons, drawn as vector paths with QPainter in the palette's text colour, so they follow the
// light/dark system theme and stay sharp at any scale. (The Qt SVG module is not a dependency; see
// docs/ui.md.)
class Icons {
public:
    enum class Name {
        Library,
        Folder,
        People,
        UnknownFace,
        Suggestions,
        Search,
        Pause,
        Resume,
        Cancel,
        Error,
        Close,
        Previous,
        Next,
        Back,
        Faces,
        AddFolder,
        App
    };
    // colour: invalid = the application palette's WindowText.
    static QIcon icon(Name name, const QColor& colour = QColor());
    // The application icon (resources/icons/kindred-<size>.png, 16 to 256 px, embedded as :/icons/).
    static QIcon appIcon();
    static QPixmap pixmap(Name name, int size, const QColor& colour = QColor(), qreal dpr = 1.0);
};

} // namespace kindred
