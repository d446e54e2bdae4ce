// kindred-cli search --person A [--person B] [--any] [--not C] [--from DATE] [--to DATE] [--folder DIR]
#include "clicommand.h"
#include "clilibrary.h"
#include "searchservice.h"

#include <QCommandLineParser>
#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kindred {
namespace {

int runSearch(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Photos by the people in them: every --person together (or any of them with --any), none of --not, "
        "optionally within dates and a folder; sorted by capture date. Only confirmed names count."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("person"), QStringLiteral("A person in the photo (repeatable)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("any"), QStringLiteral("Any of the --person names instead of all of them.")});
    parser.addOption({QStringLiteral("not"),
                      QStringLiteral("A person who must not be in the photo (repeatable)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("from"), QStringLiteral("Taken on or after (YYYY-MM-DD)."), QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Taken on or before (YYYY-MM-DD)."), QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("folder"), QStringLiteral("Only photos under this folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON on stdout.")});
    parser.process(args);
    PersonQuery query;
    const QStringList persons = parser.values(QStringLiteral("person"));
    (parser.isSet(QStringLiteral("any")) ? query.anyOf : query.allOf) = persons;
    query.noneOf = parser.values(QStringLiteral("not"));
    if (persons.isEmpty()) {
        ctx.err << "kindred-cli search: name at least one --person (see --help)\n";
        return ExitUsage;
    }
    for (const QString& key : {QStringLiteral("from"), QStringLiteral("to")}) {
        if (!parser.isSet(key))
            continue;
        const QDate date = QDate::fromString(parser.value(key), Qt::ISODate);
        if (!date.isValid()) {
            ctx.err << "kindred-cli search: --" << key << " needs a date as YYYY-MM-DD\n";
            return ExitUsage;
        }
        (key == QLatin1String("from") ? query.from : query.to) = date;
    }
    if (parser.isSet(QStringLiteral("folder")))
        query.folder = QFileInfo(parser.value(QStringLiteral("folder"))).absoluteFilePath();
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    SearchService search(library.catalogPath());
    QList<PhotoHit> hits;
    if (!search.search(query, &hits)) {
        ctx.err << "kindred-cli search: " << search.errorString() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray photos;
        for (const PhotoHit& h : hits)
            photos.append(QJsonObject{{QStringLiteral("id"), h.id},
                                      {QStringLiteral("path"), h.path},
                                      {QStringLiteral("captured_at"), h.capturedAt}});
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("count"), int(hits.size())},
                                             {QStringLiteral("photos"), photos}})
                       .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    for (const PhotoHit& h : hits)
        ctx.out << (h.capturedAt.isEmpty() ? QStringLiteral("(undated)") : h.capturedAt) << "  " << h.path
                << '\n';
    ctx.out << hits.size() << " photos\n";
    return ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("search"), QStringLiteral("find photos by the people in them"), &runSearch});

} // namespace
} // namespace kindred
