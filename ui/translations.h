#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace kindred {

// Installs the app's translations (embedded as :/i18n/kindred_<lang>.qm) and Qt's own, for a language
// code ("de", "zh_CN", ...) or "" for the system locale.
class Translations {
public:
    // Returns the language actually loaded ("" when English / no translation matched).
    static QString install(const QString& language);
    static void uninstall();
    // Languages with an embedded translation.
    static QStringList available();
};

} // namespace kindred
