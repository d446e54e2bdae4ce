#pragma once

#include <QStringList>
#include <vector>

namespace kindred {

// The catalog's numbered migrations. migrations()[k] upgrades a catalog from schema version k to k + 1
// (version 0 = empty file). Append new steps; never edit a released one.
//
// Conventions (see docs in catalogschema.cpp): times are ISO-8601 UTC text; file modification times
// are integer nanoseconds since the epoch; photo identity is the xxh3-64 content hash (16 lowercase hex
// digits) + byte size; a photo row is never deleted by the scanner (missing = 1 instead), so faces and
// person labels, which hang off photos.id, survive rescans, moves and renames.
class CatalogSchema {
public:
    static const std::vector<QStringList>& migrations();
};

} // namespace kindred
