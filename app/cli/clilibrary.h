#pragma once

#include "catalog.h"
#include "clicommand.h"
#include "librarypaths.h"

#include <QString>
#include <memory>

namespace kindred {

// Opens the library named by the global options (--library DIR, else the per-user default) for a
// command: creates the folders, opens and migrates the catalog. On failure prints the reason and
// `exitCode()` says what to return.
class CliLibrary {
public:
    explicit CliLibrary(CliContext& ctx);

    bool isOpen() const { return m_catalog.isOpen(); }
    int exitCode() const { return m_exitCode; }
    const LibraryPaths& paths() const { return m_paths; }
    Catalog& catalog() { return m_catalog; }
    QString catalogPath() const { return m_paths.catalogFile(); }

private:
    LibraryPaths m_paths;
    Catalog m_catalog;
    int m_exitCode = ExitOk;
};

} // namespace kindred
