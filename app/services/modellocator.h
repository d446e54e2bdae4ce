#pragma once

#include <QString>
#include <QStringList>

namespace kindred {

// Finds the model pack. Search order: (1) an explicit directory (--models / setting),
// (2) next to the executable or in the install prefix (share/kindred/models),
// (3) the build tree's models/ folder (set at configure time).
class ModelLocator {
public:
    explicit ModelLocator(QString explicitDir = {});

    // The first candidate that holds the default pack, or an empty string.
    QString findDefaultPack() const;
    // Every directory looked at, in order (for error messages).
    QStringList candidates() const;
    // A message that says where models were looked for and how to install them.
    QString missingMessage() const;

    static bool holdsDefaultPack(const QString& dir);

private:
    QString m_explicitDir;
};

} // namespace kindred
