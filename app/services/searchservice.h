#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace kindred {

// "Every photo of Grandma and Sam together, last summer, in the Holidays folder."
struct PersonQuery {
    QStringList allOf;  // every one of these people is in the photo (AND)
    QStringList anyOf;  // at least one of these (OR)
    QStringList noneOf; // none of these (NOT)
    QDate from;         // capture date range, inclusive; invalid = open
    QDate to;
    QString folder; // only photos under this folder; empty = everywhere
};

struct PhotoHit {
    qint64 id = 0;
    QString path;
    QString capturedAt;
};

// Photos by the people in them. Only faces the family confirmed count (suggestions do not); photos whose
// file is missing are left out. Results are sorted by capture date (undated last), then path.
// Uses the calling thread's catalog connection.
class SearchService {
public:
    explicit SearchService(const QString& catalogPath);

    // Returns false (and sets errorString) for an unknown person name or a database error.
    bool search(const PersonQuery& query, QList<PhotoHit>* hits);
    QString errorString() const { return m_error; }

private:
    QString m_catalogPath;
    QString m_error;
};

} // namespace kindred
