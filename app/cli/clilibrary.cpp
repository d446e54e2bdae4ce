#include "clilibrary.h"

namespace kindred {

CliLibrary::CliLibrary(CliContext& ctx)
    : m_paths(ctx.globals.libraryDir.isEmpty() ? LibraryPaths::standard()
                                               : LibraryPaths(ctx.globals.libraryDir))
{
    QString error;
    if (!m_paths.ensureExists(&error)) {
        ctx.err << "kindred-cli: library " << m_paths.root() << ": " << error << '\n';
        m_exitCode = ExitLibraryError;
        return;
    }
    if (!m_catalog.open(m_paths.catalogFile())) {
        ctx.err << "kindred-cli: cannot open the catalog " << m_paths.catalogFile() << ": "
                << m_catalog.errorString() << '\n';
        m_exitCode = ExitLibraryError;
    }
}

} // namespace kindred
