// kindred-cli: the command-line front end. Global options come before the command name:
//   kindred-cli [--library DIR] [--models DIR] [--device auto|cpu|cuda] [--threads N] COMMAND [ARGS...]
#include "clicommand.h"
#include "waitpolicy.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

void printUsage(QTextStream& out)
{
    out << "Usage: kindred-cli [GLOBAL OPTIONS] COMMAND [ARGS...]\n\n"
           "Kindred catalogs family photos, finds the faces in them and the people they belong to.\n\n"
           "Global options:\n"
           "  --library DIR      library folder (catalog + caches); default: the per-user data folder\n"
           "  --models DIR       folder holding the model pack; default: searched (see docs/models.md)\n"
           "  --device NAME      auto, cpu or cuda (default auto)\n"
           "  --threads N        CPU threads for inference (default: the cores other programs leave free,\n"
           "                     measured between photos by the face job; the number of cores elsewhere)\n"
           "  -h, --help         this help; COMMAND --help for a command's own options\n"
           "  -v, --version      print the version\n\n"
           "Commands:\n";
    for (const kindred::CliCommand& command : kindred::cliCommands())
        out << "  " << command.name.leftJustified(14) << ' ' << command.summary << '\n';
    out << "\nExit codes: 0 ok, 1 failure (e.g. some files failed), 2 usage, 3 models missing, 4 library "
           "error, 5 catalog damaged (kindred-cli check, restore), "
           "130 cancelled.\n";
}

} // namespace

int main(int argc, char* argv[])
{
    kindred::WaitPolicy::applyBeforeMain(argv); // before anything else: may execute the program again
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Kindred"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kindred"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KINDRED_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    kindred::CliContext ctx{{}, out, err};

    const QStringList args = QCoreApplication::arguments();
    int i = 1;
    auto value = [&](const QString& option, QString* target) {
        if (i + 1 >= args.size()) {
            err << "kindred-cli: " << option << " needs a value\n";
            return false;
        }
        *target = args.at(++i);
        return true;
    };
    for (; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == QLatin1String("--library")) {
            if (!value(a, &ctx.globals.libraryDir))
                return kindred::ExitUsage;
        } else if (a == QLatin1String("--models")) {
            if (!value(a, &ctx.globals.modelsDir))
                return kindred::ExitUsage;
        } else if (a == QLatin1String("--device")) {
            if (!value(a, &ctx.globals.device))
                return kindred::ExitUsage;
            if (ctx.globals.device != QLatin1String("auto") && ctx.globals.device != QLatin1String("cpu") &&
                ctx.globals.device != QLatin1String("cuda")) {
                err << "kindred-cli: --device must be auto, cpu or cuda\n";
                return kindred::ExitUsage;
            }
        } else if (a == QLatin1String("--threads")) {
            QString text;
            if (!value(a, &text))
                return kindred::ExitUsage;
            bool ok = false;
            ctx.globals.threads = text.toInt(&ok);
            if (!ok || ctx.globals.threads < 0) {
                err << "kindred-cli: --threads needs a non-negative number\n";
                return kindred::ExitUsage;
            }
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help") || a == QLatin1String("help")) {
            printUsage(out);
            return kindred::ExitOk;
        } else if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
            out << "kindred-cli " << KINDRED_VERSION << '\n';
            return kindred::ExitOk;
        } else if (a.startsWith(QLatin1Char('-'))) {
            err << "kindred-cli: unknown option " << a << " (see kindred-cli --help)\n";
            return kindred::ExitUsage;
        } else {
            break;
        }
    }
    if (i >= args.size()) {
        printUsage(err);
        return kindred::ExitUsage;
    }
    const QString name = args.at(i);
    for (const kindred::CliCommand& command : kindred::cliCommands()) {
        if (command.name == name) {
            QStringList commandArgs = args.mid(i);
            commandArgs[0] = QStringLiteral("kindred-cli ") + name;
            const int code = command.run(commandArgs, ctx);
            out.flush();
            err.flush();
            return code;
        }
    }
    err << "kindred-cli: unknown command '" << name << "' (see kindred-cli --help)\n";
    return kindred::ExitUsage;
}
