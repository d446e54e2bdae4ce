// kindred-cli write-names [--into-files] [--all] [--json] : write the family's names into XMP.
#include "clicommand.h"
#include "clilibrary.h"
#include "interrupt.h"
#include "namewriter.h"
#include "progressreporter.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kindred {
namespace {

int runWriteNames(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the names of the people in each photo as XMP face regions (MWG and Microsoft), "
        "which digiKam, Lightroom, Windows Photos and others read. By default into a sidecar next "
        "to each photo (photo.jpg.xmp; an existing photo.xmp is updated); the photos themselves "
        "are not touched. Only photos whose names changed since the last run are written."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("into-files"),
         QStringLiteral("Write into the photos themselves (JPEG, PNG, TIFF, WebP; other formats get a "
                        "sidecar). Each file is verified to decode to the same picture first.")});
    parser.addOption(
        {QStringLiteral("all"), QStringLiteral("Write every photo with names, changed or not.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON.")});
    parser.process(args);
    if (!parser.positionalArguments().isEmpty()) {
        ctx.err << "kindred-cli write-names: unexpected argument " << parser.positionalArguments().first()
                << '\n';
        return ExitUsage;
    }

    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    NameWriteOptions options;
    options.intoFiles = parser.isSet(QStringLiteral("into-files"));
    options.all = parser.isSet(QStringLiteral("all"));
    Interrupt::install();
    NameWriteSummary s;
    {
        ProgressReporter progress(ctx.err, QStringLiteral("write-names"));
        NameWriter writer(library.catalogPath());
        s = writer.run(
            options, [&](int done, int total, const QString& path) { progress.update(done, total, path); },
            Interrupt::flag());
        progress.finish();
    }
    if (!s.error.isEmpty()) {
        ctx.err << "kindred-cli write-names: " << s.error << '\n';
        return ExitLibraryError;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray failures;
        for (const NameWriteFailure& f : s.failures)
            failures.append(
                QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("reason"), f.reason}});
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("photos"), s.photosTotal},
                                             {QStringLiteral("written"), s.written},
                                             {QStringLiteral("sidecars"), s.sidecars},
                                             {QStringLiteral("unchanged"), s.unchanged},
                                             {QStringLiteral("faces"), s.facesWritten},
                                             {QStringLiteral("failed"), s.failed},
                                             {QStringLiteral("failures"), failures},
                                             {QStringLiteral("cancelled"), s.cancelled}})
                       .toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Names written to " << s.written << " photos (" << s.facesWritten << " faces; "
                << s.sidecars << " as sidecars), " << s.unchanged << " unchanged, " << s.failed
                << " failed\n";
        for (const NameWriteFailure& f : s.failures)
            ctx.out << "  failed: " << f.path << ": " << f.reason << '\n';
    }
    if (s.cancelled) {
        ctx.err << "kindred-cli: cancelled; run it again to write the rest\n";
        return ExitCancelled;
    }
    return s.failed > 0 ? ExitFailure : ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("write-names"), QStringLiteral("write people's names into XMP sidecars or the photos"),
     &runWriteNames});

} // namespace
} // namespace kindred
