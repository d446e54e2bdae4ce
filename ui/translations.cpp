#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kindred {

namespace {
QTranslator* g_app = nullptr;
QTranslator* g_qt = nullptr;
} // namespace

void Translations::uninstall()
{
    QLocale::setDefault(QLocale::system());
    for (QTranslator** t : {&g_app, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

QString Translations::install(const QString& language)
{
    uninstall();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // Dates, month names and numbers follow the chosen language too.
    QLocale::setDefault(locale);
    auto* app = new QTranslator;
    // English has a translation too: it only holds the plural forms ("1 photo", "2 photos"). It is the
    // fallback when no translation matches the locale.
    if (!app->load(locale, QStringLiteral("kindred"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        !app->load(QStringLiteral("kindred_en"), QStringLiteral(":/i18n"))) {
        delete app;
        return {};
    }
    QCoreApplication::installTranslator(app);
    g_app = app;
    auto* qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    return app->language();
}

QStringList Translations::available()
{
    QStringList out;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("kindred_*.qm")});
    for (const QString& f : files)
        out.append(f.mid(8, f.size() - 8 - 3));
    return out;
}

} // namespace kindred
