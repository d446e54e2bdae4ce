#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace kindred {

struct PersonSummary {
    qint64 id = 0;
    QString name;
    bool hidden = false;
    qint64 coverFaceId = 0;
    int faces = 0;  // confirmed faces
    int photos = 0; // distinct photos with a confirmed face
};

// Naming people and everything a family does with names: name a cluster or a face, confirm or reject a
// suggestion, rename, merge, split, hide, delete — each one database transaction — and undo/redo of
// those actions (persisted in the catalog, so an undo survives a restart).
//
// Face states (faces.state): 'confirmed' + person_id = named by the family; 'suggested' + person_id =
// a suggestion (never counted as the person's); 'unknown' = nobody yet (cluster_id groups them);
// 'ignored' = a stranger the family chose to hide. A rejection (face_rejections) stops a person from
// ever being suggested again for that face.
//
// Uses the calling thread's catalog connection; construct it on the thread that uses it.
class PeopleService {
public:
    explicit PeopleService(const QString& catalogPath);

    QList<PersonSummary> persons(bool includeHidden = true) const;
    std::optional<PersonSummary> personByName(const QString& name) const;

    // Each returns false and sets errorString() on failure (nothing is changed then).
    bool nameCluster(qint64 clusterId, const QString& name);           // faces of the cluster -> person
    bool nameFaces(const QList<qint64>& faceIds, const QString& name); // (also: confirm a suggestion)
    bool confirmSuggestions(const QList<qint64>& faceIds);             // accept what is suggested
    bool rejectFaces(const QList<qint64>& faceIds, qint64 personId);   // "this is not X"
    bool rejectSuggestions(const QList<qint64>& faceIds);              // reject each face's suggested person
    bool unassignFaces(const QList<qint64>& faceIds);                  // split: back to unknown
    bool rename(const QString& oldName, const QString& newName);
    bool merge(const QString& fromName, const QString& intoName); // fromName's faces go to intoName
    bool setHidden(const QString& name, bool hidden);
    bool setCoverFace(const QString& name, qint64 faceId);
    bool ignoreCluster(qint64 clusterId); // strangers: hide every face of the cluster
    // "Is this group X?" (FaceService::groupQuestions): Yes names every unnamed face of the group X, No says
    // of each that it is not X (remembered: never suggested or asked again). Undoable like naming/rejecting.
    // Refused when that question is no longer asked. `answered`: the faces the answer named or rejected.
    bool answerGroupQuestion(qint64 clusterId, qint64 personId, bool yes, QList<qint64>* answered = nullptr);
    // "Are these two groups one person?" (FaceService::groupQuestions, a pair): Yes moves the other group's
    // unnamed faces into the group (a joined group is never split again by a regrouping) and, given a `name`
    // ("Yes, this is Grandma"), names every face of the joined group in the same step (except faces rejected
    // for that person and faces in photos where the person is already named); No remembers that the faces of
    // the two sides are different people (never grouped, asked about or suggested as one again). Only the
    // question that still stands is answered; `answered` gets the faces named, or (no name) the other group's
    // faces. One undo step.
    bool answerGroupPairQuestion(qint64 clusterId, qint64 otherClusterId, bool yes,
                                 QList<qint64>* answered = nullptr, const QString& name = {});
    bool ignoreFaces(const QList<qint64>& faceIds);
    // "Not a face" (a hand, an ear, a pattern): hidden like an ignored face and listed with what the face
    // check hid (FaceService::notFaces); restoreFaces() brings either kind back as an unknown face that the
    // check never hides again, and says the same of faces the check was unsure of (FaceService::unsureFaces),
    // which are then grouped like any face. Both undoable.
    bool markNotFaces(const QList<qint64>& faceIds);
    bool restoreFaces(const QList<qint64>& faceIds);
    bool deletePerson(const QString& name); // faces go back to unknown

    // Undo/redo of the actions above. Return false when there is nothing to undo/redo.
    bool undo();
    bool redo();
    QString undoLabel() const; // label of the action undo() would revert, empty if none
    QString redoLabel() const;

    QString errorString() const { return m_error; }

private:
    friend class PeopleTransaction;
    QSqlDatabase db() const;
    bool fail(const QString& message) const;
    // One undoable change to the given faces that match `eligible` (an SQL condition on faces): `assignments`
    // (an SQL SET list) applied to them, `action` (with %1 = how many) as the undo label. Fails with
    // `noneEligible` when none match. `leavePersons`: the faces may leave a person (its cover is recorded).
    struct SetFaces {
        QString eligible;
        QString noneEligible;
        QString assignments;
        QString action;
        bool leavePersons = false;
    };
    bool setFaces(const QList<qint64>& faceIds, const SetFaces& change);
    qint64 ensurePerson(QSqlDatabase& db, const QString& name, bool* created);
    bool applyUndoEntry(const QString& table, const QString& otherTable);

    QString m_catalogPath;
    mutable QString m_error;
};

} // namespace kindred
