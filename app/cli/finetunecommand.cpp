// kindred-cli finetune [--loss L] [--mining M] [--margin X] [--epochs E] [--lr R] [--dry-run] [--json]
// kindred-cli finetune --history [--json] | --rollback ID
// kindred-cli finetune --experiment --npz FILE --per-person K [--json] [training options]
// Triplet fine-tuning of the personalisation stage on the library's confirmed faces (docs/finetuning.md).
#include "clicommand.h"
#include "clilibrary.h"
#include "finetuneservice.h"
#include "interrupt.h"
#include "training/triplettrainer.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <torch/torch.h>

namespace kindred {
namespace {

QString pct(double v)
{
    return QString::number(100.0 * v, 'f', 1) + QLatin1Char('%');
}

QString metricsLine(const FinetuneMetrics& m)
{
    return QStringLiteral("top-1 error %1, TAR@FAR=%2 %3, AUC %4")
        .arg(pct(m.top1Error))
        .arg(m.far)
        .arg(m.tarAtFar, 0, 'f', 3)
        .arg(m.auc, 0, 'f', 3);
}

void printRun(const FinetuneRun& r, bool dryRun, QTextStream& out)
{
    out << (dryRun ? "Dry run (nothing written)\n" : "")
        << "Run:        " << (r.id > 0 ? QString::number(r.id) : QStringLiteral("-")) << '\n'
        << "Model:      " << r.baseModel << '\n'
        << "Data:       " << r.faces << " confirmed faces of " << r.people << " people\n"
        << "Training:   " << r.loss << ", " << r.mining << ", margin " << r.margin << ", " << r.epochs
        << " epochs (best " << r.bestEpoch << "), " << r.validation << '\n'
        << "Before:     " << metricsLine(r.before) << '\n'
        << "After:      " << metricsLine(r.after) << '\n'
        << "Adopted:    " << (r.adopted ? "yes" : "no") << '\n'
        << "Why:        " << r.reason << '\n';
    if (!r.file.isEmpty())
        out << "Stage:      " << r.file << '\n';
}

int runFinetune(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fine-tune the face embedding on the confirmed faces with triplet loss (a personalisation stage "
        "that is adopted only when it helps on held-out faces), list past runs or roll back."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("loss"), QStringLiteral("triplet-euclidean (default) or triplet-cosine."),
         QStringLiteral("L")},
        {QStringLiteral("mining"), QStringLiteral("semi-hard (default) or batch-hard."), QStringLiteral("M")},
        {QStringLiteral("margin"), QStringLiteral("Triplet margin (default depends on the loss)."),
         QStringLiteral("X")},
        {QStringLiteral("epochs"), QStringLiteral("Maximum epochs (early stopping on held-out faces)."),
         QStringLiteral("E")},
        {QStringLiteral("lr"), QStringLiteral("Adam learning rate."), QStringLiteral("R")},
        {QStringLiteral("min-faces"), QStringLiteral("N: need 2 people with at least N confirmed faces."),
         QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S")},
        {QStringLiteral("free-weight"),
         QStringLiteral("How much the faces nobody named keep their places (default 30; 0: not used)."),
         QStringLiteral("W")},
        {QStringLiteral("together-weight"),
         QStringLiteral("How much the faces nobody named that are likely one person stay together (default "
                        "10; 0: not used)."),
         QStringLiteral("W")},
        {QStringLiteral("dry-run"), QStringLiteral("Train and measure, but write nothing.")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("history"), QStringLiteral("List the recorded runs (adopted or not).")},
        {QStringLiteral("rollback"), QStringLiteral("Make an earlier adopted stage active (0 = none)."),
         QStringLiteral("ID")},
        {QStringLiteral("experiment"),
         QStringLiteral("Measure fine-tuning on an .npz of labelled faces (no library).")},
        {QStringLiteral("npz"), QStringLiteral("Experiment input: an .npz written by `kindred-cli embed`."),
         QStringLiteral("FILE")},
        {QStringLiteral("per-person"), QStringLiteral("Experiment: faces per person used as labels (K)."),
         QStringLiteral("K")},
    });
    parser.process(args);
    const bool json = parser.isSet(QStringLiteral("json"));
    const auto usage = [&ctx](const QString& message) {
        ctx.err << "kindred-cli finetune: " << message << '\n';
        return int(ExitUsage);
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const int modes = int(parser.isSet(QStringLiteral("history"))) +
                      int(parser.isSet(QStringLiteral("rollback"))) +
                      int(parser.isSet(QStringLiteral("experiment")));
    if (modes > 1)
        return usage(QStringLiteral("--history, --rollback and --experiment exclude each other"));

    FinetuneOptions options;
    bool ok = true;
    if (parser.isSet(QStringLiteral("loss")))
        options.loss = parser.value(QStringLiteral("loss"));
    if (parser.isSet(QStringLiteral("mining")))
        options.mining = parser.value(QStringLiteral("mining"));
    if (parser.isSet(QStringLiteral("margin"))) {
        options.margin = parser.value(QStringLiteral("margin")).toDouble(&ok);
        if (!ok || options.margin < 0)
            return usage(QStringLiteral("--margin needs a number >= 0"));
    }
    if (parser.isSet(QStringLiteral("epochs"))) {
        options.epochs = parser.value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || options.epochs < 1)
            return usage(QStringLiteral("--epochs needs a whole number >= 1"));
    }
    if (parser.isSet(QStringLiteral("lr"))) {
        options.learningRate = parser.value(QStringLiteral("lr")).toDouble(&ok);
        if (!ok || !(options.learningRate > 0))
            return usage(QStringLiteral("--lr needs a number > 0"));
    }
    if (parser.isSet(QStringLiteral("min-faces"))) {
        options.minFacesPerPerson = parser.value(QStringLiteral("min-faces")).toInt(&ok);
        if (!ok || options.minFacesPerPerson < 3)
            return usage(QStringLiteral("--min-faces needs a whole number >= 3"));
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return usage(QStringLiteral("--seed needs a whole number"));
    }
    if (parser.isSet(QStringLiteral("free-weight"))) {
        options.freeWeight = parser.value(QStringLiteral("free-weight")).toDouble(&ok);
        if (!ok || options.freeWeight < 0)
            return usage(QStringLiteral("--free-weight needs a number >= 0"));
    }
    if (parser.isSet(QStringLiteral("together-weight"))) {
        options.togetherWeight = parser.value(QStringLiteral("together-weight")).toDouble(&ok);
        if (!ok || options.togetherWeight < 0)
            return usage(QStringLiteral("--together-weight needs a number >= 0"));
    }
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    {
        TrainingOptions check;
        QString error;
        if (!FinetuneService::trainingOptions(options, &check, &error))
            return usage(error);
    }
    if (ctx.globals.threads > 0)
        torch::set_num_threads(ctx.globals.threads);
    Interrupt::install();

    const auto progress = [&ctx, json](int epoch, int epochs, double loss, double error) {
        if (!json)
            ctx.err << "epoch " << epoch << "/" << epochs << ": loss " << QString::number(loss, 'f', 4)
                    << ", held-out error " << pct(error) << '\n';
        ctx.err.flush();
    };

    if (parser.isSet(QStringLiteral("experiment"))) {
        const QString npz = parser.value(QStringLiteral("npz"));
        const int k = parser.value(QStringLiteral("per-person")).toInt(&ok);
        if (npz.isEmpty() || !ok || k < 1)
            return usage(QStringLiteral("--experiment needs --npz FILE and --per-person K (K >= 1)"));
        QJsonObject result;
        QString error;
        if (!FinetuneService::experiment(npz, k, options, &result, &error, progress, Interrupt::flag())) {
            ctx.err << "kindred-cli finetune: " << error << '\n';
            return Interrupt::flag()->load() ? int(ExitCancelled) : int(ExitFailure);
        }
        if (json) {
            ctx.out << QJsonDocument(result).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        const auto line = [](const QJsonObject& m) {
            return QStringLiteral("top-1 error %1, TAR@FAR=1e-3 %2, TAR@FAR=1e-2 %3")
                .arg(pct(m.value(QStringLiteral("top1_error")).toDouble()))
                .arg(m.value(QStringLiteral("tar_at_far_1e-3")).toDouble(), 0, 'f', 3)
                .arg(m.value(QStringLiteral("tar_at_far_1e-2")).toDouble(), 0, 'f', 3);
        };
        ctx.out << "Experiment: " << result.value(QStringLiteral("people")).toInt() << " people, K = " << k
                << " labelled faces each, " << result.value(QStringLiteral("probes")).toInt()
                << " faces to measure on\n"
                << "Before:     " << line(result.value(QStringLiteral("before")).toObject()) << '\n'
                << "After:      " << line(result.value(QStringLiteral("after")).toObject()) << '\n'
                << "Adopted:    " << (result.value(QStringLiteral("adopted")).toBool() ? "yes" : "no") << '\n'
                << "Why:        " << result.value(QStringLiteral("reason")).toString() << '\n';
        return ExitOk;
    }

    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    FinetuneService service(library.catalogPath(), library.paths());

    if (parser.isSet(QStringLiteral("history"))) {
        const QList<FinetuneRun> runs = service.history();
        const int active = service.activeStageId();
        if (json) {
            QJsonArray array;
            for (const FinetuneRun& r : runs)
                array.append(r.toJson());
            ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("active"), active},
                                                 {QStringLiteral("active_stage"), service.activeStage()},
                                                 {QStringLiteral("runs"), array}})
                           .toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (runs.isEmpty())
            ctx.out << "No fine-tuning runs yet.\n";
        for (const FinetuneRun& r : runs)
            ctx.out << (r.id == active && r.adopted ? "* " : "  ") << r.id << "  " << r.date << "  "
                    << r.faces << " faces, " << r.people << " people  error " << pct(r.before.top1Error)
                    << " -> " << pct(r.after.top1Error) << "  " << (r.adopted ? "adopted" : "not adopted")
                    << "  " << r.reason << '\n';
        ctx.out << "Active stage: "
                << (active > 0 ? QString::number(active) : QStringLiteral("0 (base model)")) << '\n';
        return ExitOk;
    }

    if (parser.isSet(QStringLiteral("rollback"))) {
        const int id = parser.value(QStringLiteral("rollback")).toInt(&ok);
        if (!ok || id < 0)
            return usage(QStringLiteral("--rollback needs a run id (0 = base model)"));
        if (!service.rollback(id)) {
            ctx.err << "kindred-cli finetune: " << service.errorString() << '\n';
            return ExitFailure;
        }
        if (json)
            ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("active"), id},
                                                 {QStringLiteral("active_stage"), service.activeStage()},
                                                 {QStringLiteral("refresh"), service.refreshNote()}})
                           .toJson(QJsonDocument::Indented);
        else
            ctx.out << "Active stage: " << (id > 0 ? service.activeStage() : QStringLiteral("base model"))
                    << '\n'
                    << service.refreshNote() << '\n';
        return ExitOk;
    }

    FinetuneRun run;
    const FinetuneStatus status = service.run(options, &run, progress, Interrupt::flag());
    switch (status) {
    case FinetuneStatus::NotEnoughData:
        ctx.err << "kindred-cli finetune: " << service.errorString() << '\n';
        if (json)
            ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("adopted"), false},
                                                 {QStringLiteral("reason"), service.errorString()}})
                           .toJson(QJsonDocument::Indented);
        return ExitFailure;
    case FinetuneStatus::Cancelled:
        ctx.err << "kindred-cli finetune: " << service.errorString() << '\n';
        return ExitCancelled;
    case FinetuneStatus::Failed:
        ctx.err << "kindred-cli finetune: " << service.errorString() << '\n';
        return ExitLibraryError;
    case FinetuneStatus::Ok:
        break;
    }
    if (json) {
        QJsonObject o = run.toJson(true);
        o.insert(QStringLiteral("dry_run"), options.dryRun);
        o.insert(QStringLiteral("refresh"), service.refreshNote());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        printRun(run, options.dryRun, ctx.out);
        if (!service.refreshNote().isEmpty())
            ctx.out << "Refresh:    " << service.refreshNote() << '\n';
    }
    return ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("finetune"),
     QStringLiteral("triplet fine-tuning on the confirmed faces, history, rollback"), &runFinetune});

} // namespace
} // namespace kindred
