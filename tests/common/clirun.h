#pragma once

// Helpers for tests that run kindred-cli as a real process on real files.
#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

namespace kindred::test {

struct CliResult {
    int exitCode = -1; // -1: crashed, killed or timed out
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// Runs KINDRED_CLI_PATH with `args` and waits for it.
CliResult runCli(const QStringList& args, int timeoutMs = 300000);
// The same for any program (e.g. an installed copy of kindred-cli).
CliResult runProgram(const QString& program, const QStringList& args, int timeoutMs = 300000);

// Copies a folder tree into `dest`; returns how many files were copied.
int copyTree(const QString& from, const QString& dest);

// First column of the first row of `sql` on a read-only connection to `catalog`, or -1.
int countDbRows(const QString& catalog, const QString& sql);

} // namespace kindred::test
