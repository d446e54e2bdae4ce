#pragma once

#include "clicommand.h"
#include "clilibrary.h"

#include <QJsonObject>
#include <QString>

namespace kindred {

struct CliFaceIndexOptions {
    bool quiet = false;
    QString model;       // embedding model id; empty = the library's choice, else the default network
    QString modelFile;   // checkpoint for irv1
    int minFaceSize = 0; // 0 = the library's setting (default 20 px)
    bool recluster = false;
    bool mirrorAverage = true; // false only to measure it (`--no-mirror`)
};

// The face job for the CLI (`index`, and `scan` unless --no-faces): finds and embeds the faces of every
// photo that needs it (resumable), re-embeds faces after a model change, then refreshes clusters and
// suggestions. Fills *json with a summary and returns an ExitCode.
class CliFaceIndex {
public:
    static int run(CliLibrary& library, CliContext& ctx, const CliFaceIndexOptions& options,
                   QJsonObject* json);
    // Recomputes clusters and suggestions only (after naming etc.). Returns false and prints on failure.
    static bool refresh(CliLibrary& library, CliContext& ctx, QJsonObject* json = nullptr,
                        bool recluster = false);
};

} // namespace kindred
