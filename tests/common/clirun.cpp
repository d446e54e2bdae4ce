#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace kindred::test {

CliResult runCli(const QStringList& args, int timeoutMs)
{
    return runProgram(QStringLiteral(KINDRED_CLI_PATH), args, timeoutMs);
}

CliResult runProgram(const QString& program, const QStringList& args, int timeoutMs)
{
    QProcess process;
    process.start(program, args);
    CliResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

int copyTree(const QString& from, const QString& dest)
{
    int copied = 0;
    QDir().mkpath(dest);
    const QDir source(from);
    for (const QFileInfo& info : source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(dest).filePath(info.fileName());
        if (info.isDir())
            copied += copyTree(info.absoluteFilePath(), target);
        else if (QFile::copy(info.absoluteFilePath(), target))
            ++copied;
    }
    return copied;
}

int countDbRows(const QString& catalog, const QString& sql)
{
    const QString name = QStringLiteral("kindred_test_reader");
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(catalog);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                count = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace kindred::test
