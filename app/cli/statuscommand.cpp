// kindred-cli status [--json] : counts, failures with reasons, library path, schema version, models.
#include "clicommand.h"
#include "clilibrary.h"
#include "modellocator.h"
#include "photorepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kindred {
namespace {

int runStatus(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show what the library holds and what could not be read."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON object.")});
    parser.process(args);

    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    PhotoRepository repository(library.catalogPath());
    const CatalogStatus status = repository.status();
    if (!repository.lastError().isEmpty()) {
        ctx.err << "kindred-cli status: " << repository.lastError() << '\n';
        return ExitLibraryError;
    }
    // Where the face models come from (--models, next to the program / its install prefix, the build tree).
    const QString models = ModelLocator(ctx.globals.modelsDir).findDefaultPack();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray failures;
        for (const FailureRecord& f : status.failures)
            failures.append(QJsonObject{{QStringLiteral("path"), f.path},
                                        {QStringLiteral("reason"), f.reason},
                                        {QStringLiteral("failed_at"), f.failedAt}});
        const QJsonObject o{{QStringLiteral("photos"), status.readable},
                            {QStringLiteral("missing"), status.missing},
                            {QStringLiteral("catalogued"), status.photos},
                            {QStringLiteral("failed"), status.failed},
                            {QStringLiteral("failures"), failures},
                            {QStringLiteral("roots"), QJsonArray::fromStringList(status.roots)},
                            {QStringLiteral("library"), library.paths().root()},
                            {QStringLiteral("catalog"), library.catalogPath()},
                            {QStringLiteral("schema_version"), status.schemaVersion},
                            {QStringLiteral("models"), models.isEmpty() ? QJsonValue() : QJsonValue(models)}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out << "Library:        " << library.paths().root() << '\n'
            << "Schema version: " << status.schemaVersion << '\n'
            << "Face models:    " << (models.isEmpty() ? QStringLiteral("not found") : models) << '\n'
            << "Photos:         " << status.readable << " (" << status.missing << " missing)\n"
            << "Failed files:   " << status.failed << '\n';
    for (const QString& root : status.roots)
        ctx.out << "Folder:         " << root << '\n';
    for (const FailureRecord& f : status.failures)
        ctx.out << "  failed: " << f.path << ": " << f.reason << '\n';
    return ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("status"), QStringLiteral("counts, failures with reasons, library path"), &runStatus});

} // namespace
} // namespace kindred
