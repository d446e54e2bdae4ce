#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <vector>

namespace kindred {

// Exit codes of kindred-cli (documented in docs/cli.md).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,      // the command ran but something failed (e.g. some files could not be read)
    ExitUsage = 2,        // bad arguments
    ExitNoModels = 3,     // the model pack is missing or does not verify
    ExitLibraryError = 4, // the catalog could not be opened or migrated
    ExitDamaged = 5,      // the catalog is damaged (kindred-cli check / restore)
    ExitCancelled = 130,  // interrupted (Ctrl+C)
};

// Options shared by every command, parsed before the command name:
//   kindred-cli [--library DIR] [--models DIR] [--device auto|cpu|cuda] [--threads N] COMMAND ...
struct CliGlobals {
    QString libraryDir; // empty = QStandardPaths default
    QString modelsDir;  // empty = search (see ModelLocator)
    QString device = QStringLiteral("auto");
    int threads = 0; // 0 = number of cores
};

struct CliContext {
    CliGlobals globals;
    QTextStream& out;
    QTextStream& err;
};

// A subcommand. `run` receives the arguments after the command name (argv[0] is the command name,
// ready for QCommandLineParser::process) and returns an ExitCode.
struct CliCommand {
    QString name;
    QString summary;
    std::function<int(const QStringList& args, CliContext& ctx)> run;
};

// Commands register themselves from their own .cpp file:
//   static const bool registered = kindred::registerCliCommand({"detect", "…", &runDetect});
bool registerCliCommand(CliCommand command);
const std::vector<CliCommand>& cliCommands();

} // namespace kindred
