#include "peopleservice.h"

#include "catalog.h"
#include "faceservice.h"
#include "sqlutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace kindred {

namespace {

// How many actions undo remembers; older entries are dropped so the log does not grow without bound.
constexpr int kUndoDepth = 200;

QList<qint64> idList(QSqlDatabase& db, const QString& sql, const QVariantList& binds)
{
    QList<qint64> ids;
    QSqlQuery q(db);
    if (SqlUtil::exec(q, sql, binds)) {
        while (q.next())
            ids.append(q.value(0).toLongLong());
    }
    return ids;
}

QVariantList toVariants(const QList<qint64>& ids)
{
    QVariantList list;
    list.reserve(ids.size());
    for (qint64 id : ids)
        list.append(id);
    return list;
}

QVariant nullable(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant(QMetaType::fromType<qint64>());
    return v.toVariant();
}

// The person called `name`: spaces simplified, case ignored (Unicode case folding, so "émile" finds "Émile";
// SQLite's NOCASE folds ASCII only). 0 if there is none.
qint64 findPerson(QSqlDatabase& db, const QString& name)
{
    const QString wanted = name.simplified();
    QSqlQuery q(db);
    if (wanted.isEmpty() || !SqlUtil::exec(q, QStringLiteral("SELECT id, name FROM persons")))
        return 0;
    while (q.next()) {
        if (q.value(1).toString().compare(wanted, Qt::CaseInsensitive) == 0)
            return q.value(0).toLongLong();
    }
    return 0;
}

QJsonValue jsonId(const QVariant& v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(v.toLongLong());
}

} // namespace

// One people action: a transaction plus the before-state of every row it touches, written to
// undo_log on commit so that the action can be undone (and redone) later.
class PeopleTransaction {
public:
    PeopleTransaction(const PeopleService& service, QSqlDatabase db) : m_service(service), m_db(std::move(db))
    {
        m_ok = m_db.transaction();
        if (!m_ok)
            m_service.fail(QStringLiteral("cannot start a transaction: %1").arg(m_db.lastError().text()));
    }
    ~PeopleTransaction()
    {
        if (!m_done)
            m_db.rollback();
    }
    bool ok() const { return m_ok; }
    QSqlDatabase& db() { return m_db; }

    bool exec(const QString& sql, const QVariantList& binds = {})
    {
        QString error;
        if (!SqlUtil::exec(m_db, sql, binds, &error))
            return m_service.fail(error);
        return true;
    }

    // Before-state capture; call before the rows change. Repeated calls for one key keep the first.
    void recordFaces(const QList<qint64>& ids)
    {
        for (qint64 id : ids) {
            if (m_faceIds.contains(id))
                continue;
            m_faceIds.insert(id);
            m_faces.append(PeopleTransaction::captureFace(m_db, id));
        }
    }
    void recordPerson(qint64 id)
    {
        if (m_personIds.contains(id))
            return;
        m_personIds.insert(id);
        m_persons.append(PeopleTransaction::capturePerson(m_db, id));
    }
    // A person this action created: undo removes it again.
    void recordCreatedPerson(qint64 id)
    {
        m_personIds.insert(id);
        m_persons.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("exists"), false}});
    }
    void recordRejection(qint64 faceId, qint64 personId)
    {
        const QString key = QStringLiteral("%1:%2").arg(faceId).arg(personId);
        if (m_rejectionKeys.contains(key))
            return;
        m_rejectionKeys.insert(key);
        m_rejections.append(PeopleTransaction::captureRejection(m_db, faceId, personId));
    }
    // Clusters whose suggestion points at `personId` (deleting or merging the person changes them).
    void recordClustersSuggesting(qint64 personId)
    {
        const QList<qint64> ids =
            idList(m_db, QStringLiteral("SELECT id FROM clusters WHERE suggested_person_id = ?"), {personId});
        for (qint64 id : ids) {
            if (m_clusterIds.contains(id))
                continue;
            m_clusterIds.insert(id);
            m_clusters.append(PeopleTransaction::captureCluster(m_db, id));
        }
    }
    void recordCluster(qint64 id)
    {
        if (m_clusterIds.contains(id))
            return;
        m_clusterIds.insert(id);
        m_clusters.append(PeopleTransaction::captureCluster(m_db, id));
    }
    // A "different people" answer this action created: undo removes it again.
    void recordCreatedDifferent(qint64 id)
    {
        m_different.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("exists"), false}});
    }
    // Persons whose cover is one of these faces: the faces may leave them, so commit() may pick a new cover.
    void recordCoverHolders(const QList<qint64>& faceIds)
    {
        if (faceIds.isEmpty())
            return;
        const QList<qint64> ids = idList(m_db,
                                         QStringLiteral("SELECT id FROM persons WHERE cover_face_id IN (%1)")
                                             .arg(SqlUtil::placeholders(int(faceIds.size()))),
                                         toVariants(faceIds));
        for (qint64 id : ids)
            recordPerson(id);
    }

    // Gives every person this action touched a valid cover (one of their confirmed faces, or none), writes
    // the undo entry, clears the redo stack, trims the undo stack and commits.
    bool commit(const QString& label)
    {
        if (!m_personIds.isEmpty()) {
            const QList<qint64> ids(m_personIds.begin(), m_personIds.end());
            if (!exec(QStringLiteral(
                          "UPDATE persons SET cover_face_id = (SELECT min(f.id) FROM faces f "
                          "WHERE f.person_id = persons.id AND f.state = 'confirmed') "
                          "WHERE id IN (%1) AND (cover_face_id IS NULL OR NOT EXISTS (SELECT 1 FROM faces f "
                          "WHERE f.id = persons.cover_face_id AND f.person_id = persons.id "
                          "AND f.state = 'confirmed'))")
                          .arg(SqlUtil::placeholders(int(ids.size()))),
                      toVariants(ids)))
                return false;
        }
        const QJsonObject snapshot{{QStringLiteral("faces"), m_faces},
                                   {QStringLiteral("persons"), m_persons},
                                   {QStringLiteral("rejections"), m_rejections},
                                   {QStringLiteral("clusters"), m_clusters},
                                   {QStringLiteral("different"), m_different}};
        if (!exec(QStringLiteral("DELETE FROM undo_log WHERE stack = 'redo'")) ||
            !exec(QStringLiteral("INSERT INTO undo_log (stack, label, snapshot) VALUES ('undo', ?, ?)"),
                  {label, QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact))}) ||
            !exec(QStringLiteral("DELETE FROM undo_log WHERE stack = 'undo' AND id NOT IN "
                                 "(SELECT id FROM undo_log WHERE stack = 'undo' ORDER BY id DESC LIMIT ?)"),
                  {kUndoDepth}))
            return false;
        if (!m_db.commit())
            return m_service.fail(QStringLiteral("commit failed: %1").arg(m_db.lastError().text()));
        m_done = true;
        return true;
    }

    static QJsonObject captureFace(QSqlDatabase& db, qint64 id)
    {
        QSqlQuery q(db);
        SqlUtil::exec(
            q,
            QStringLiteral(
                "SELECT person_id, state, cluster_id, suggestion_score, not_face FROM faces WHERE id = ?"),
            {id});
        QJsonObject o{{QStringLiteral("id"), id}};
        if (q.next()) {
            o.insert(QStringLiteral("not_face"), q.value(4).toInt());
            o.insert(QStringLiteral("person_id"), jsonId(q.value(0)));
            o.insert(QStringLiteral("state"), q.value(1).toString());
            o.insert(QStringLiteral("cluster_id"), jsonId(q.value(2)));
            o.insert(QStringLiteral("suggestion_score"),
                     q.value(3).isNull() ? QJsonValue() : QJsonValue(q.value(3).toDouble()));
        }
        return o;
    }
    static QJsonObject capturePerson(QSqlDatabase& db, qint64 id)
    {
        QSqlQuery q(db);
        SqlUtil::exec(q, QStringLiteral("SELECT name, hidden, cover_face_id FROM persons WHERE id = ?"),
                      {id});
        QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("exists"), false}};
        if (q.next()) {
            o.insert(QStringLiteral("exists"), true);
            o.insert(QStringLiteral("name"), q.value(0).toString());
            o.insert(QStringLiteral("hidden"), q.value(1).toInt() != 0);
            o.insert(QStringLiteral("cover_face_id"), jsonId(q.value(2)));
        }
        return o;
    }
    static QJsonObject captureRejection(QSqlDatabase& db, qint64 faceId, qint64 personId)
    {
        const bool exists =
            SqlUtil::scalar(
                db,
                QStringLiteral("SELECT count(*) FROM face_rejections WHERE face_id = ? AND person_id = ?"),
                {faceId, personId}, 0)
                .toInt() > 0;
        return QJsonObject{{QStringLiteral("face_id"), faceId},
                           {QStringLiteral("person_id"), personId},
                           {QStringLiteral("exists"), exists}};
    }
    static QJsonObject captureCluster(QSqlDatabase& db, qint64 id)
    {
        QSqlQuery q(db);
        SqlUtil::exec(
            q, QStringLiteral("SELECT suggested_person_id, model_id, joined FROM clusters WHERE id = ?"),
            {id});
        QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("exists"), false}};
        if (q.next()) {
            o.insert(QStringLiteral("exists"), true);
            o.insert(QStringLiteral("suggested_person_id"), jsonId(q.value(0)));
            o.insert(QStringLiteral("model_id"), q.value(1).toString());
            o.insert(QStringLiteral("joined"), q.value(2).toInt());
        }
        return o;
    }
    // A "different people" answer: its faces of both sides.
    static QJsonObject captureDifferent(QSqlDatabase& db, qint64 id)
    {
        QSqlQuery q(db);
        SqlUtil::exec(
            q, QStringLiteral("SELECT face_id, side FROM different_people_faces WHERE answer_id = ?"), {id});
        QJsonArray faces;
        while (q.next())
            faces.append(QJsonArray{q.value(0).toLongLong(), q.value(1).toInt()});
        const bool exists =
            SqlUtil::scalar(db, QStringLiteral("SELECT 1 FROM different_people WHERE id = ?"), {id})
                .isValid();
        return QJsonObject{
            {QStringLiteral("id"), id}, {QStringLiteral("exists"), exists}, {QStringLiteral("faces"), faces}};
    }

private:
    const PeopleService& m_service;
    QSqlDatabase m_db;
    bool m_ok = false;
    bool m_done = false;
    QSet<qint64> m_faceIds;
    QSet<qint64> m_personIds;
    QSet<qint64> m_clusterIds;
    QSet<QString> m_rejectionKeys;
    QJsonArray m_faces;
    QJsonArray m_persons;
    QJsonArray m_rejections;
    QJsonArray m_clusters;
    QJsonArray m_different;
};

namespace {

// "These faces are not `personId`": remembers the rejection and takes the faces away from that person.
bool rejectInTransaction(PeopleTransaction& tx, const QList<qint64>& faces, qint64 personId)
{
    tx.recordPerson(personId);
    tx.recordFaces(faces);
    tx.recordCoverHolders(faces);
    for (qint64 face : faces) {
        tx.recordRejection(face, personId);
        if (!tx.exec(
                QStringLiteral("INSERT OR IGNORE INTO face_rejections (face_id, person_id) VALUES (?, ?)"),
                {face, personId}))
            return false;
    }
    // A face that was (suggested as or named) this person goes back to unknown.
    return tx.exec(
        QStringLiteral("UPDATE faces SET person_id = NULL, state = 'unknown', suggestion_score = NULL "
                       "WHERE person_id = ? AND id IN (%1)")
            .arg(SqlUtil::placeholders(int(faces.size()))),
        QVariantList{personId} + toVariants(faces));
}

} // namespace

PeopleService::PeopleService(const QString& catalogPath) : m_catalogPath(catalogPath) {}

QSqlDatabase PeopleService::db() const
{
    return Catalog::connectionForThread(m_catalogPath, &m_error);
}

bool PeopleService::fail(const QString& message) const
{
    m_error = message;
    return false;
}

QList<PersonSummary> PeopleService::persons(bool includeHidden) const
{
    QSqlDatabase d = db();
    QList<PersonSummary> result;
    QSqlQuery q(d);
    // Photos of a person = distinct photos of their confirmed faces (read from the covering index
    // faces_person_photo) minus those among the few missing photos, computed once for everybody. Joining
    // every face to its photo instead costs a row lookup per face (about 1 s at 200,000 faces). CROSS JOIN
    // keeps SQLite from driving that subquery through faces_state, which would read every confirmed face row.
    const QString sql =
        QStringLiteral(
            "SELECT p.id, p.name, p.hidden, p.cover_face_id, "
            "  (SELECT count(*) FROM faces f WHERE f.person_id = p.id AND f.state = 'confirmed'), "
            "  (SELECT count(DISTINCT f.photo_id) FROM faces f WHERE f.person_id = p.id AND f.state = "
            "'confirmed') "
            "    - coalesce(m.photos, 0) "
            "FROM persons p LEFT JOIN ("
            "  SELECT f.person_id, count(DISTINCT f.photo_id) AS photos FROM photos ph CROSS JOIN faces f "
            "  ON f.photo_id = ph.id WHERE ph.missing = 1 AND f.state = 'confirmed' GROUP BY f.person_id"
            ") m ON m.person_id = p.id %1 ORDER BY p.name COLLATE NOCASE")
            .arg(includeHidden ? QString() : QStringLiteral("WHERE p.hidden = 0"));
    if (!SqlUtil::exec(q, sql, {}, &m_error))
        return result;
    while (q.next()) {
        PersonSummary p;
        p.id = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.hidden = q.value(2).toInt() != 0;
        p.coverFaceId = q.value(3).toLongLong();
        p.faces = q.value(4).toInt();
        p.photos = q.value(5).toInt();
        result.append(p);
    }
    return result;
}

std::optional<PersonSummary> PeopleService::personByName(const QString& name) const
{
    QSqlDatabase d = db();
    const qint64 id = findPerson(d, name);
    if (id == 0)
        return std::nullopt;
    QSqlQuery q(d);
    const QString sql = QStringLiteral(
        "SELECT p.id, p.name, p.hidden, p.cover_face_id, "
        "  (SELECT count(*) FROM faces f WHERE f.person_id = p.id AND f.state = 'confirmed'), "
        "  (SELECT count(DISTINCT f.photo_id) FROM faces f WHERE f.person_id = p.id AND f.state = "
        "'confirmed') "
        "    - (SELECT count(DISTINCT f.photo_id) FROM photos ph CROSS JOIN faces f ON f.photo_id = ph.id "
        "       WHERE ph.missing = 1 AND f.person_id = p.id AND f.state = 'confirmed') "
        "FROM persons p WHERE p.id = ?");
    if (!SqlUtil::exec(q, sql, {id}, &m_error) || !q.next())
        return std::nullopt;
    PersonSummary p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.hidden = q.value(2).toInt() != 0;
    p.coverFaceId = q.value(3).toLongLong();
    p.faces = q.value(4).toInt();
    p.photos = q.value(5).toInt();
    return p;
}

qint64 PeopleService::ensurePerson(QSqlDatabase& d, const QString& name, bool* created)
{
    *created = false;
    const QString trimmed = name.simplified();
    if (const qint64 existing = findPerson(d, trimmed))
        return existing;
    QSqlQuery q(d);
    if (!SqlUtil::exec(q, QStringLiteral("INSERT INTO persons (name) VALUES (?)"), {trimmed}, &m_error))
        return 0;
    *created = true;
    return q.lastInsertId().toLongLong();
}

bool PeopleService::nameFaces(const QList<qint64>& faceIds, const QString& name)
{
    if (name.simplified().isEmpty())
        return fail(QStringLiteral("a name cannot be empty"));
    if (faceIds.isEmpty())
        return fail(QStringLiteral("no faces given"));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    const QList<qint64> existing = idList(tx.db(),
                                          QStringLiteral("SELECT id FROM faces WHERE id IN (%1)")
                                              .arg(SqlUtil::placeholders(int(faceIds.size()))),
                                          toVariants(faceIds));
    if (existing.size() != QSet<qint64>(faceIds.begin(), faceIds.end()).size())
        return fail(QStringLiteral("unknown face id"));
    bool created = false;
    const qint64 person = ensurePerson(tx.db(), name, &created);
    if (person == 0)
        return false;
    if (created)
        tx.recordCreatedPerson(person);
    else
        tx.recordPerson(person);
    tx.recordFaces(existing);
    tx.recordCoverHolders(existing);
    for (qint64 face : existing) {
        tx.recordRejection(face, person);
        // Naming a face explicitly overrides an earlier "this is not X".
        if (!tx.exec(QStringLiteral("DELETE FROM face_rejections WHERE face_id = ? AND person_id = ?"),
                     {face, person}))
            return false;
    }
    if (!tx.exec(
            QStringLiteral("UPDATE faces SET person_id = ?, state = 'confirmed', suggestion_score = NULL, "
                           "not_face = CASE WHEN not_face > 0 THEN -1 ELSE not_face END WHERE id IN (%1)")
                .arg(SqlUtil::placeholders(int(existing.size()))),
            QVariantList{person} + toVariants(existing)))
        return false; // a face the family names is a face: never hidden as "not a face" again
    return tx.commit(QStringLiteral("Name %1 face(s) %2").arg(existing.size()).arg(name.simplified()));
}

bool PeopleService::nameCluster(qint64 clusterId, const QString& name)
{
    if (name.simplified().isEmpty())
        return fail(QStringLiteral("a name cannot be empty"));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    bool created = false;
    const qint64 person = ensurePerson(tx.db(), name, &created);
    if (person == 0)
        return false;
    if (created)
        tx.recordCreatedPerson(person);
    else
        tx.recordPerson(person);
    // Every face of the cluster that is not named yet, except those the family said are not this person.
    const QList<qint64> faces = idList(
        tx.db(),
        QStringLiteral("SELECT id FROM faces WHERE cluster_id = ? AND state IN ('unknown', 'suggested') "
                       "AND id NOT IN (SELECT face_id FROM face_rejections WHERE person_id = ?) "
                       "ORDER BY coalesce(quality, 0) DESC, id"), // the best face becomes the cover
        {clusterId, person});
    if (faces.isEmpty())
        return fail(QStringLiteral("cluster %1 has no unnamed faces").arg(clusterId));
    tx.recordFaces(faces);
    if (!tx.exec(
            QStringLiteral("UPDATE faces SET person_id = ?, state = 'confirmed', suggestion_score = NULL "
                           "WHERE id IN (%1)")
                .arg(SqlUtil::placeholders(int(faces.size()))),
            QVariantList{person} + toVariants(faces)))
        return false;
    if (!tx.exec(QStringLiteral("UPDATE persons SET cover_face_id = COALESCE(cover_face_id, ?) WHERE id = ?"),
                 {faces.first(), person}))
        return false;
    return tx.commit(QStringLiteral("Name cluster %1 %2").arg(clusterId).arg(name.simplified()));
}

bool PeopleService::confirmSuggestions(const QList<qint64>& faceIds)
{
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    const QList<qint64> faces = idList(tx.db(),
                                       QStringLiteral("SELECT id FROM faces WHERE state = 'suggested' AND "
                                                      "person_id IS NOT NULL AND id IN (%1)")
                                           .arg(SqlUtil::placeholders(int(faceIds.size()))),
                                       toVariants(faceIds));
    if (faces.isEmpty())
        return fail(QStringLiteral("none of these faces has a suggestion"));
    tx.recordFaces(faces);
    if (!tx.exec(
            QStringLiteral("UPDATE faces SET state = 'confirmed', suggestion_score = NULL WHERE id IN (%1)")
                .arg(SqlUtil::placeholders(int(faces.size()))),
            toVariants(faces)))
        return false;
    return tx.commit(QStringLiteral("Confirm %1 suggestion(s)").arg(faces.size()));
}

bool PeopleService::rejectFaces(const QList<qint64>& faceIds, qint64 personId)
{
    if (faceIds.isEmpty())
        return fail(QStringLiteral("no faces given"));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    if (!SqlUtil::scalar(tx.db(), QStringLiteral("SELECT 1 FROM persons WHERE id = ?"), {personId}).isValid())
        return fail(QStringLiteral("unknown person %1").arg(personId));
    const QList<qint64> faces = idList(tx.db(),
                                       QStringLiteral("SELECT id FROM faces WHERE id IN (%1)")
                                           .arg(SqlUtil::placeholders(int(faceIds.size()))),
                                       toVariants(faceIds));
    if (faces.size() != QSet<qint64>(faceIds.begin(), faceIds.end()).size())
        return fail(QStringLiteral("unknown face id"));
    if (!rejectInTransaction(tx, faces, personId))
        return false;
    return tx.commit(QStringLiteral("Reject %1 face(s)").arg(faces.size()));
}

bool PeopleService::rejectSuggestions(const QList<qint64>& faceIds)
{
    if (faceIds.isEmpty())
        return fail(QStringLiteral("no faces given"));
    // One transaction (and one undo step) for the whole selection, whatever person each face was suggested
    // as.
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    QMap<qint64, QList<qint64>> byPerson;
    {
        QSqlQuery q(tx.db());
        if (!SqlUtil::exec(q,
                           QStringLiteral("SELECT id, person_id FROM faces WHERE state = 'suggested' AND "
                                          "person_id IS NOT NULL AND id IN (%1)")
                               .arg(SqlUtil::placeholders(int(faceIds.size()))),
                           toVariants(faceIds), &m_error))
            return false;
        while (q.next())
            byPerson[q.value(1).toLongLong()].append(q.value(0).toLongLong());
    }
    if (byPerson.isEmpty())
        return fail(QStringLiteral("none of these faces has a suggestion"));
    int count = 0;
    for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it) {
        if (!rejectInTransaction(tx, it.value(), it.key()))
            return false;
        count += int(it.value().size());
    }
    return tx.commit(QStringLiteral("Reject %1 suggestion(s)").arg(count));
}

bool PeopleService::unassignFaces(const QList<qint64>& faceIds)
{
    if (faceIds.isEmpty())
        return fail(QStringLiteral("no faces given"));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    const QList<qint64> faces = idList(tx.db(),
                                       QStringLiteral("SELECT id FROM faces WHERE id IN (%1)")
                                           .arg(SqlUtil::placeholders(int(faceIds.size()))),
                                       toVariants(faceIds));
    if (faces.size() != QSet<qint64>(faceIds.begin(), faceIds.end()).size())
        return fail(QStringLiteral("unknown face id"));
    tx.recordFaces(faces);
    tx.recordCoverHolders(faces);
    // Moving a face out of a person also means "not this person": remember it, so it is not suggested back.
    QSqlQuery q(tx.db());
    SqlUtil::exec(q,
                  QStringLiteral("SELECT id, person_id FROM faces WHERE person_id IS NOT NULL AND id IN (%1)")
                      .arg(SqlUtil::placeholders(int(faces.size()))),
                  toVariants(faces));
    QList<QPair<qint64, qint64>> pairs;
    while (q.next())
        pairs.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
    for (const auto& [face, person] : pairs) {
        tx.recordRejection(face, person);
        if (!tx.exec(
                QStringLiteral("INSERT OR IGNORE INTO face_rejections (face_id, person_id) VALUES (?, ?)"),
                {face, person}))
            return false;
    }
    if (!tx.exec(
            QStringLiteral("UPDATE faces SET person_id = NULL, state = 'unknown', suggestion_score = NULL, "
                           "cluster_id = NULL WHERE id IN (%1)")
                .arg(SqlUtil::placeholders(int(faces.size()))),
            toVariants(faces)))
        return false;
    return tx.commit(QStringLiteral("Remove %1 face(s) from their person").arg(faces.size()));
}

bool PeopleService::rename(const QString& oldName, const QString& newName)
{
    const auto person = personByName(oldName);
    if (!person)
        return fail(QStringLiteral("no person named '%1'").arg(oldName));
    const QString target = newName.simplified();
    if (target.isEmpty())
        return fail(QStringLiteral("a name cannot be empty"));
    const auto clash = personByName(target);
    if (clash && clash->id != person->id)
        return fail(QStringLiteral("'%1' already exists; merge the two people instead").arg(target));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    tx.recordPerson(person->id);
    if (!tx.exec(QStringLiteral("UPDATE persons SET name = ? WHERE id = ?"), {target, person->id}))
        return false;
    return tx.commit(QStringLiteral("Rename %1 to %2").arg(person->name, target));
}

bool PeopleService::merge(const QString& fromName, const QString& intoName)
{
    const auto from = personByName(fromName);
    const auto into = personByName(intoName);
    if (!from)
        return fail(QStringLiteral("no person named '%1'").arg(fromName));
    if (!into)
        return fail(QStringLiteral("no person named '%1'").arg(intoName));
    if (from->id == into->id)
        return fail(QStringLiteral("a person cannot be merged into themselves"));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    const qint64 f = from->id;
    const qint64 t = into->id;
    tx.recordPerson(f);
    tx.recordPerson(t);
    tx.recordClustersSuggesting(f);
    // Rows this merge can change: every face of `from`, faces of `into` that carry a rejection of either of
    // the two, and the rejections of both.
    tx.recordFaces(idList(tx.db(), QStringLiteral("SELECT id FROM faces WHERE person_id = ?"), {f}));
    tx.recordFaces(idList(tx.db(),
                          QStringLiteral("SELECT id FROM faces WHERE person_id = ? AND id IN "
                                         "(SELECT face_id FROM face_rejections WHERE person_id IN (?, ?))"),
                          {t, f, t}));
    const QList<qint64> rejectedFrom =
        idList(tx.db(), QStringLiteral("SELECT face_id FROM face_rejections WHERE person_id = ?"), {f});
    const QList<qint64> rejectedInto =
        idList(tx.db(), QStringLiteral("SELECT face_id FROM face_rejections WHERE person_id = ?"), {t});
    for (qint64 face : rejectedFrom) {
        tx.recordRejection(face, f);
        tx.recordRejection(face, t);
    }
    for (qint64 face : rejectedInto)
        tx.recordRejection(face, t);
    // Rejections of the merged person carry over (a face that is not "Mum" is not "Mother" either). Where the
    // two disagree, what the family confirmed wins over a rejection, and a rejection wins over a suggestion.
    if (!tx.exec(QStringLiteral("UPDATE faces SET person_id = ? WHERE person_id = ?"), {t, f}) ||
        !tx.exec(QStringLiteral("INSERT OR IGNORE INTO face_rejections (face_id, person_id) "
                                "SELECT face_id, ? FROM face_rejections WHERE person_id = ?"),
                 {t, f}) ||
        !tx.exec(QStringLiteral("DELETE FROM face_rejections WHERE person_id = ? AND face_id IN "
                                "(SELECT id FROM faces WHERE person_id = ? AND state = 'confirmed')"),
                 {t, t}) ||
        !tx.exec(
            QStringLiteral(
                "UPDATE faces SET person_id = NULL, state = 'unknown', suggestion_score = NULL "
                "WHERE person_id = ? AND id IN (SELECT face_id FROM face_rejections WHERE person_id = ?)"),
            {t, t}) ||
        !tx.exec(QStringLiteral("UPDATE clusters SET suggested_person_id = ? WHERE suggested_person_id = ?"),
                 {t, f}) ||
        !tx.exec(
            QStringLiteral(
                "UPDATE persons SET cover_face_id = "
                "COALESCE(cover_face_id, (SELECT cover_face_id FROM persons WHERE id = ?)) WHERE id = ?"),
            {f, t}) ||
        !tx.exec(QStringLiteral("DELETE FROM persons WHERE id = ?"), {f}))
        return false;
    return tx.commit(QStringLiteral("Merge %1 into %2").arg(from->name, into->name));
}

bool PeopleService::setHidden(const QString& name, bool hidden)
{
    const auto person = personByName(name);
    if (!person)
        return fail(QStringLiteral("no person named '%1'").arg(name));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    tx.recordPerson(person->id);
    if (!tx.exec(QStringLiteral("UPDATE persons SET hidden = ? WHERE id = ?"), {hidden ? 1 : 0, person->id}))
        return false;
    return tx.commit(hidden ? QStringLiteral("Hide %1").arg(person->name)
                            : QStringLiteral("Show %1").arg(person->name));
}

bool PeopleService::setCoverFace(const QString& name, qint64 faceId)
{
    const auto person = personByName(name);
    if (!person)
        return fail(QStringLiteral("no person named '%1'").arg(name));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    if (!SqlUtil::scalar(
             tx.db(),
             QStringLiteral("SELECT 1 FROM faces WHERE id = ? AND person_id = ? AND state = 'confirmed'"),
             {faceId, person->id})
             .isValid())
        return fail(QStringLiteral("face %1 is not a confirmed face of %2").arg(faceId).arg(person->name));
    tx.recordPerson(person->id);
    if (!tx.exec(QStringLiteral("UPDATE persons SET cover_face_id = ? WHERE id = ?"), {faceId, person->id}))
        return false;
    return tx.commit(QStringLiteral("Choose cover of %1").arg(person->name));
}

bool PeopleService::setFaces(const QList<qint64>& faceIds, const SetFaces& change)
{
    if (faceIds.isEmpty())
        return fail(QStringLiteral("no faces given"));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    const QList<qint64> faces = idList(tx.db(),
                                       QStringLiteral("SELECT id FROM faces WHERE %1 AND id IN (%2)")
                                           .arg(change.eligible, SqlUtil::placeholders(int(faceIds.size()))),
                                       toVariants(faceIds));
    if (faces.isEmpty())
        return fail(change.noneEligible);
    tx.recordFaces(faces);
    if (change.leavePersons)
        tx.recordCoverHolders(faces);
    if (!tx.exec(QStringLiteral("UPDATE faces SET %1 WHERE id IN (%2)")
                     .arg(change.assignments, SqlUtil::placeholders(int(faces.size()))),
                 toVariants(faces)))
        return false;
    return tx.commit(change.action.arg(faces.size()));
}

bool PeopleService::ignoreFaces(const QList<qint64>& faceIds)
{
    return setFaces(faceIds,
                    {QStringLiteral("state <> 'confirmed'"), QStringLiteral("no unnamed faces among these"),
                     QStringLiteral("state = 'ignored', person_id = NULL, suggestion_score = NULL"),
                     QStringLiteral("Ignore %1 face(s)"), true});
}

bool PeopleService::markNotFaces(const QList<qint64>& faceIds)
{
    return setFaces(faceIds,
                    {QStringLiteral("state <> 'confirmed'"),
                     QStringLiteral("no unnamed faces among these (a named face is not a face? take it "
                                    "out of the person first)"),
                     QStringLiteral("state = 'ignored', not_face = 2, person_id = NULL, cluster_id = "
                                    "NULL, suggestion_score = NULL"),
                     QStringLiteral("Mark %1 face(s) as not a face"), true});
}

bool PeopleService::restoreFaces(const QList<qint64>& faceIds)
{
    // Hidden ones come back among the unknown faces, and faces the check was unsure of stay where they are;
    // the next grouping places both like any face, and the check never hides them again.
    return setFaces(faceIds,
                    {QStringLiteral("((not_face > 0 AND state = 'ignored') OR (%1 AND state IN ('unknown', "
                                    "'suggested')))")
                         .arg(FaceService::unsureCondition(QString())),
                     QStringLiteral("none of these faces is hidden as not a face or unsure"),
                     QStringLiteral("cluster_id = CASE WHEN state = 'ignored' THEN NULL ELSE cluster_id END, "
                                    "state = CASE WHEN state = 'ignored' THEN 'unknown' ELSE state END, "
                                    "not_face = -1"),
                     QStringLiteral("Restore %1 face(s)"), false});
}

bool PeopleService::answerGroupQuestion(qint64 clusterId, qint64 personId, bool yes, QList<qint64>* answered)
{
    QSqlDatabase d = db();
    // Only the question the family saw: group ids are reused once a group is gone, and a regrouping may have
    // replaced the question meanwhile.
    if (!SqlUtil::scalar(
             d, QStringLiteral("SELECT 1 FROM group_questions WHERE cluster_id = ? AND person_id = ?"),
             {clusterId, personId})
             .isValid())
        return fail(QStringLiteral("there is no longer a question about group %1").arg(clusterId));
    // Faces taken out of the group for this person before the answer ("not in this group") stay out, and a
    // Yes never names a second face of the person in one photo.
    const QList<qint64> faces = idList(
        d,
        QStringLiteral("SELECT id FROM faces WHERE cluster_id = ? AND state IN ('unknown', 'suggested') AND "
                       "NOT EXISTS (SELECT 1 FROM face_rejections r WHERE r.face_id = faces.id AND "
                       "r.person_id = ?) AND (? = 0 OR NOT EXISTS (SELECT 1 FROM faces c WHERE c.photo_id = "
                       "faces.photo_id AND c.person_id = ? AND c.state = 'confirmed'))"),
        {clusterId, personId, yes ? 1 : 0, personId});
    if (faces.isEmpty())
        return fail(QStringLiteral("group %1 has no unnamed faces").arg(clusterId));
    if (answered)
        *answered = faces;
    const QString name =
        SqlUtil::scalar(d, QStringLiteral("SELECT name FROM persons WHERE id = ?"), {personId}).toString();
    if (name.isEmpty())
        return fail(QStringLiteral("unknown person %1").arg(personId));
    if (!(yes ? nameFaces(faces, name) : rejectFaces(faces, personId)))
        return false;
    // Asked and answered: the next regrouping finds the questions again from the new names.
    QString error;
    if (!SqlUtil::exec(d, QStringLiteral("DELETE FROM group_questions WHERE cluster_id = ?"), {clusterId},
                       &error))
        qWarning("could not drop the answered question: %s", qPrintable(error));
    return true;
}

bool PeopleService::answerGroupPairQuestion(qint64 clusterId, qint64 otherClusterId, bool yes,
                                            QList<qint64>* answered, const QString& name)
{
    if (yes && !name.isEmpty() && name.simplified().isEmpty())
        return fail(QStringLiteral("a name cannot be empty"));
    QSqlDatabase d = db();
    if (!SqlUtil::scalar(d,
                         QStringLiteral("SELECT 1 FROM group_pair_questions WHERE cluster_id = ? AND "
                                        "other_cluster_id = ?"),
                         {clusterId, otherClusterId})
             .isValid())
        return fail(QStringLiteral("there is no longer a question about groups %1 and %2")
                        .arg(clusterId)
                        .arg(otherClusterId));
    const QString unnamed =
        QStringLiteral("SELECT id FROM faces WHERE cluster_id = ? AND state IN ('unknown', 'suggested')");
    const QList<qint64> faces = idList(d, unnamed, {clusterId});
    const QList<qint64> others = idList(d, unnamed, {otherClusterId});
    if (faces.isEmpty() || others.isEmpty())
        return fail(
            QStringLiteral("groups %1 and %2 are no longer both there").arg(clusterId).arg(otherClusterId));
    if (answered)
        *answered = others;
    PeopleTransaction tx(*this, d);
    if (!tx.ok())
        return false;
    if (yes) {
        // One person: the other group's faces join this group, which no regrouping splits again.
        tx.recordCluster(clusterId);
        tx.recordCluster(otherClusterId);
        tx.recordFaces(others);
        if (!tx.exec(QStringLiteral("UPDATE faces SET cluster_id = ? WHERE cluster_id = ? AND state IN "
                                    "('unknown', 'suggested')"),
                     {clusterId, otherClusterId}) ||
            !tx.exec(QStringLiteral("UPDATE clusters SET joined = 1 WHERE id = ?"), {clusterId}) ||
            !tx.exec(QStringLiteral(
                         "UPDATE clusters SET size = (SELECT count(*) FROM faces f WHERE f.cluster_id = "
                         "clusters.id AND f.state IN ('unknown', 'suggested')) WHERE id IN (?, ?)"),
                     {clusterId, otherClusterId}))
            return false;
        if (!name.isEmpty()) {
            // "Yes, this is X": the joined group named at once.
            bool created = false;
            const qint64 person = ensurePerson(tx.db(), name, &created);
            if (person == 0)
                return false;
            if (created)
                tx.recordCreatedPerson(person);
            else
                tx.recordPerson(person);
            const QList<qint64> named = idList(
                tx.db(),
                QStringLiteral(
                    "SELECT id FROM faces WHERE cluster_id = ? AND state IN ('unknown', 'suggested') AND "
                    "NOT EXISTS (SELECT 1 FROM face_rejections r WHERE r.face_id = faces.id AND "
                    "r.person_id = ?) AND NOT EXISTS (SELECT 1 FROM faces c WHERE c.photo_id = "
                    "faces.photo_id AND c.person_id = ? AND c.state = 'confirmed') "
                    "ORDER BY coalesce(quality, 0) DESC, id"), // the best face becomes the cover
                {clusterId, person, person});
            if (named.isEmpty())
                return fail(QStringLiteral("none of these faces can be %1").arg(name.simplified()));
            tx.recordFaces(named);
            tx.recordCoverHolders(named);
            if (!tx.exec(
                    QStringLiteral("UPDATE faces SET person_id = ?, state = 'confirmed', suggestion_score = "
                                   "NULL WHERE id IN (%1)")
                        .arg(SqlUtil::placeholders(int(named.size()))),
                    QVariantList{person} + toVariants(named)) ||
                !tx.exec(QStringLiteral(
                             "UPDATE persons SET cover_face_id = COALESCE(cover_face_id, ?) WHERE id = ?"),
                         {named.first(), person}))
                return false;
            if (answered)
                *answered = named;
        }
    } else {
        // Different people: remembered with the faces of both sides, whatever the groups become.
        QSqlQuery q(tx.db());
        if (!SqlUtil::exec(q, QStringLiteral("INSERT INTO different_people DEFAULT VALUES"), {}, &m_error))
            return false;
        const qint64 answer = q.lastInsertId().toLongLong();
        tx.recordCreatedDifferent(answer);
        for (int side = 0; side < 2; ++side)
            for (qint64 face : side == 0 ? faces : others)
                if (!tx.exec(
                        QStringLiteral("INSERT OR IGNORE INTO different_people_faces (answer_id, face_id, "
                                       "side) VALUES (?, ?, ?)"),
                        {answer, face, side}))
                    return false;
    }
    // Asked and answered: the next regrouping finds the questions again.
    if (!tx.exec(
            QStringLiteral("DELETE FROM group_pair_questions WHERE cluster_id IN (?, ?) OR other_cluster_id "
                           "IN (?, ?)"),
            {clusterId, otherClusterId, clusterId, otherClusterId}))
        return false;
    return tx.commit(!yes             ? QStringLiteral("Different people")
                     : name.isEmpty() ? QStringLiteral("Join two groups")
                                      : QStringLiteral("Join two groups as %1").arg(name.simplified()));
}

bool PeopleService::ignoreCluster(qint64 clusterId)
{
    QSqlDatabase d = db();
    const QList<qint64> faces = idList(
        d, QStringLiteral("SELECT id FROM faces WHERE cluster_id = ? AND state IN ('unknown', 'suggested')"),
        {clusterId});
    if (faces.isEmpty())
        return fail(QStringLiteral("cluster %1 has no unnamed faces").arg(clusterId));
    return ignoreFaces(faces);
}

bool PeopleService::deletePerson(const QString& name)
{
    const auto person = personByName(name);
    if (!person)
        return fail(QStringLiteral("no person named '%1'").arg(name));
    PeopleTransaction tx(*this, db());
    if (!tx.ok())
        return false;
    tx.recordPerson(person->id);
    tx.recordClustersSuggesting(person->id);
    const QList<qint64> faces =
        idList(tx.db(), QStringLiteral("SELECT id FROM faces WHERE person_id = ?"), {person->id});
    tx.recordFaces(faces);
    tx.recordCoverHolders(faces);
    QSqlQuery q(tx.db());
    SqlUtil::exec(q, QStringLiteral("SELECT face_id FROM face_rejections WHERE person_id = ?"), {person->id});
    QList<qint64> rejected;
    while (q.next())
        rejected.append(q.value(0).toLongLong());
    for (qint64 face : rejected)
        tx.recordRejection(face, person->id);
    if (!tx.exec(
            QStringLiteral("UPDATE faces SET person_id = NULL, state = 'unknown', suggestion_score = NULL "
                           "WHERE person_id = ?"),
            {person->id}) ||
        !tx.exec(QStringLiteral("DELETE FROM persons WHERE id = ?"), {person->id}))
        return false;
    return tx.commit(QStringLiteral("Delete %1").arg(person->name));
}

QString PeopleService::undoLabel() const
{
    QSqlDatabase d = db();
    return SqlUtil::scalar(
               d, QStringLiteral("SELECT label FROM undo_log WHERE stack = 'undo' ORDER BY id DESC LIMIT 1"))
        .toString();
}

QString PeopleService::redoLabel() const
{
    QSqlDatabase d = db();
    return SqlUtil::scalar(
               d, QStringLiteral("SELECT label FROM undo_log WHERE stack = 'redo' ORDER BY id DESC LIMIT 1"))
        .toString();
}

bool PeopleService::undo()
{
    return applyUndoEntry(QStringLiteral("undo"), QStringLiteral("redo"));
}

bool PeopleService::redo()
{
    return applyUndoEntry(QStringLiteral("redo"), QStringLiteral("undo"));
}

// Pops the newest entry of `stack`, captures the current state of the same rows (pushed on `otherStack`),
// then restores the entry's state: persons first (so faces can point at them), then faces and rejections,
// then persons that did not exist at that time are removed.
bool PeopleService::applyUndoEntry(const QString& stack, const QString& otherStack)
{
    QSqlDatabase d = db();
    if (!d.transaction())
        return fail(QStringLiteral("cannot start a transaction: %1").arg(d.lastError().text()));
    auto rollback = [&](const QString& message) {
        d.rollback();
        return fail(message);
    };
    QSqlQuery q(d);
    if (!SqlUtil::exec(
            q,
            QStringLiteral(
                "SELECT id, label, snapshot FROM undo_log WHERE stack = ? ORDER BY id DESC LIMIT 1"),
            {stack}, &m_error))
        return rollback(m_error);
    if (!q.next()) {
        d.rollback();
        return fail(QStringLiteral("nothing to %1").arg(stack));
    }
    const qint64 entryId = q.value(0).toLongLong();
    const QString label = q.value(1).toString();
    const QJsonObject snapshot = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    q.finish();
    const QJsonArray faces = snapshot.value(QStringLiteral("faces")).toArray();
    const QJsonArray persons = snapshot.value(QStringLiteral("persons")).toArray();
    const QJsonArray rejections = snapshot.value(QStringLiteral("rejections")).toArray();
    const QJsonArray clusters = snapshot.value(QStringLiteral("clusters")).toArray();
    const QJsonArray different = snapshot.value(QStringLiteral("different")).toArray();

    QJsonArray nowFaces, nowPersons, nowRejections, nowClusters, nowDifferent;
    for (const QJsonValue& f : faces)
        nowFaces.append(
            PeopleTransaction::captureFace(d, f.toObject().value(QStringLiteral("id")).toInteger()));
    for (const QJsonValue& p : persons)
        nowPersons.append(
            PeopleTransaction::capturePerson(d, p.toObject().value(QStringLiteral("id")).toInteger()));
    for (const QJsonValue& r : rejections) {
        const QJsonObject o = r.toObject();
        nowRejections.append(
            PeopleTransaction::captureRejection(d, o.value(QStringLiteral("face_id")).toInteger(),
                                                o.value(QStringLiteral("person_id")).toInteger()));
    }
    for (const QJsonValue& c : clusters)
        nowClusters.append(
            PeopleTransaction::captureCluster(d, c.toObject().value(QStringLiteral("id")).toInteger()));
    for (const QJsonValue& a : different)
        nowDifferent.append(
            PeopleTransaction::captureDifferent(d, a.toObject().value(QStringLiteral("id")).toInteger()));

    QString error;
    for (const QJsonValue& v : persons) {
        const QJsonObject p = v.toObject();
        if (!p.value(QStringLiteral("exists")).toBool())
            continue;
        const qint64 id = p.value(QStringLiteral("id")).toInteger();
        const bool present =
            SqlUtil::scalar(d, QStringLiteral("SELECT 1 FROM persons WHERE id = ?"), {id}).isValid();
        const QVariantList values{p.value(QStringLiteral("name")).toString(),
                                  p.value(QStringLiteral("hidden")).toBool() ? 1 : 0,
                                  nullable(p.value(QStringLiteral("cover_face_id"))), id};
        // (A cover face whose photo was removed since then is gone: the person gets no cover.)
        const QString sql =
            present ? QStringLiteral("UPDATE persons SET name = ?, hidden = ?, "
                                     "cover_face_id = (SELECT id FROM faces WHERE id = ?) WHERE id = ?")
                    : QStringLiteral("INSERT INTO persons (name, hidden, cover_face_id, id) "
                                     "VALUES (?, ?, (SELECT id FROM faces WHERE id = ?), ?)");
        if (!SqlUtil::exec(d, sql, values, &error))
            return rollback(error);
    }
    // Groups before faces, so that faces can go back into a group a join emptied (an older entry, from before
    // groups were recorded with their model, only updates groups that are still there).
    for (const QJsonValue& v : clusters) {
        const QJsonObject c = v.toObject();
        if (!c.value(QStringLiteral("exists")).toBool())
            continue; // the cluster did not exist then: the next regrouping removes it when it is empty
        const qint64 id = c.value(QStringLiteral("id")).toInteger();
        const QString model = c.value(QStringLiteral("model_id")).toString();
        if ((!model.isEmpty() &&
             !SqlUtil::exec(d, QStringLiteral("INSERT OR IGNORE INTO clusters (id, model_id) VALUES (?, ?)"),
                            {id, model}, &error)) ||
            !SqlUtil::exec(d,
                           QStringLiteral("UPDATE clusters SET suggested_person_id = (SELECT id FROM persons "
                                          "WHERE id = ?), joined = ? WHERE id = ?"),
                           {nullable(c.value(QStringLiteral("suggested_person_id"))),
                            c.value(QStringLiteral("joined")).toInt(0), id},
                           &error))
            return rollback(error);
    }
    for (const QJsonValue& v : different) {
        const QJsonObject a = v.toObject();
        const qint64 id = a.value(QStringLiteral("id")).toInteger();
        if (!SqlUtil::exec(d, QStringLiteral("DELETE FROM different_people WHERE id = ?"), {id}, &error))
            return rollback(error);
        if (!a.value(QStringLiteral("exists")).toBool())
            continue;
        if (!SqlUtil::exec(d, QStringLiteral("INSERT INTO different_people (id) VALUES (?)"), {id}, &error))
            return rollback(error);
        for (const QJsonValue& f : a.value(QStringLiteral("faces")).toArray()) {
            const QJsonArray pair = f.toArray();
            const qint64 face = pair.at(0).toInteger();
            if (!SqlUtil::exec(
                    d,
                    QStringLiteral("INSERT OR IGNORE INTO different_people_faces (answer_id, face_id, "
                                   "side) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM faces WHERE id = ?)"),
                    {id, face, pair.at(1).toInt(), face}, &error))
                return rollback(error);
        }
    }
    for (const QJsonValue& v : faces) {
        const QJsonObject f = v.toObject();
        if (!f.contains(QStringLiteral("state")))
            continue; // the face no longer exists (its photo was removed)
        if (!SqlUtil::exec(
                d,
                QStringLiteral(
                    "UPDATE faces SET person_id = ?, state = ?, "
                    "cluster_id = (SELECT id FROM clusters WHERE id = ?), suggestion_score = ?, not_face = ? "
                    "WHERE id = ?"),
                {nullable(f.value(QStringLiteral("person_id"))), f.value(QStringLiteral("state")).toString(),
                 nullable(f.value(QStringLiteral("cluster_id"))),
                 nullable(f.value(QStringLiteral("suggestion_score"))),
                 f.value(QStringLiteral("not_face")).toInt(0), f.value(QStringLiteral("id")).toInteger()},
                &error))
            return rollback(error);
    }
    for (const QJsonValue& v : rejections) {
        const QJsonObject r = v.toObject();
        const qint64 faceId = r.value(QStringLiteral("face_id")).toInteger();
        const qint64 personId = r.value(QStringLiteral("person_id")).toInteger();
        // (Plain positional placeholders: Qt's SQLite driver rejects a numbered one used twice.)
        const bool exists = r.value(QStringLiteral("exists")).toBool();
        const QString sql =
            exists ? QStringLiteral("INSERT OR IGNORE INTO face_rejections (face_id, person_id) "
                                    "SELECT ?, ? WHERE EXISTS (SELECT 1 FROM faces WHERE id = ?) "
                                    "AND EXISTS (SELECT 1 FROM persons WHERE id = ?)")
                   : QStringLiteral("DELETE FROM face_rejections WHERE face_id = ? AND person_id = ?");
        const QVariantList key =
            exists ? QVariantList{faceId, personId, faceId, personId} : QVariantList{faceId, personId};
        if (!SqlUtil::exec(d, sql, key, &error))
            return rollback(error);
    }
    for (const QJsonValue& v : persons) {
        const QJsonObject p = v.toObject();
        if (p.value(QStringLiteral("exists")).toBool())
            continue;
        const qint64 id = p.value(QStringLiteral("id")).toInteger();
        if (!SqlUtil::exec(
                d, QStringLiteral("UPDATE faces SET person_id = NULL, state = 'unknown' WHERE person_id = ?"),
                {id}, &error) ||
            !SqlUtil::exec(d, QStringLiteral("DELETE FROM persons WHERE id = ?"), {id}, &error))
            return rollback(error);
    }
    const QJsonObject inverse{{QStringLiteral("faces"), nowFaces},
                              {QStringLiteral("persons"), nowPersons},
                              {QStringLiteral("rejections"), nowRejections},
                              {QStringLiteral("clusters"), nowClusters},
                              {QStringLiteral("different"), nowDifferent}};
    if (!SqlUtil::exec(d, QStringLiteral("DELETE FROM undo_log WHERE id = ?"), {entryId}, &error) ||
        !SqlUtil::exec(
            d, QStringLiteral("INSERT INTO undo_log (stack, label, snapshot) VALUES (?, ?, ?)"),
            {otherStack, label, QString::fromUtf8(QJsonDocument(inverse).toJson(QJsonDocument::Compact))},
            &error))
        return rollback(error);
    if (!d.commit())
        return rollback(QStringLiteral("commit failed: %1").arg(d.lastError().text()));
    return true;
}

} // namespace kindred
