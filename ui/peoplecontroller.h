#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>

namespace kindred {

class PeopleService;

// Every change the family makes to people (name, confirm, reject, merge, hide, ..., undo/redo) goes
// through here: PeopleService runs on one worker thread, so the actions are serialised and the GUI never
// waits for the database. changed() follows each successful action (views reload), failed() carries
// the reason of a refused one, undoStateChanged() the labels of what Edit ▸ Undo/Redo would do.
class PeopleController : public QObject {
    Q_OBJECT
public:
    explicit PeopleController(QObject* parent = nullptr);
    ~PeopleController() override;

    void setCatalogPath(const QString& catalogPath);
    // The catalog's check (LibraryService::catalogCheck()): every action waits for it on the worker and
    // changes nothing when it found damage.
    void setCatalogCheck(const QFuture<bool>& check) { m_check = check; }
    QString catalogPath() const { return m_catalogPath; }

    void nameCluster(qint64 clusterId, const QString& name);
    void nameFaces(const QList<qint64>& faceIds, const QString& name);
    void confirmSuggestions(const QList<qint64>& faceIds);
    void rejectSuggestions(const QList<qint64>& faceIds);
    void rejectFaces(const QList<qint64>& faceIds, qint64 personId);
    void answerGroupQuestion(qint64 clusterId, qint64 personId, bool yes);
    void answerGroupPairQuestion(qint64 clusterId, qint64 otherClusterId, bool yes, const QString& name = {});
    void unassignFaces(const QList<qint64>& faceIds);
    void ignoreClusters(const QList<qint64>& clusterIds);
    void ignoreFaces(const QList<qint64>& faceIds);
    void markNotFaces(const QList<qint64>& faceIds);
    void restoreFaces(const QList<qint64>& faceIds);
    void rename(const QString& oldName, const QString& newName);
    void merge(const QString& fromName, const QString& intoName);
    void setHidden(const QString& name, bool hidden);
    void setCoverFace(const QString& name, qint64 faceId);
    void deletePerson(const QString& name);
    void undo();
    void redo();

    QString undoLabel() const { return m_undoLabel; }
    QString redoLabel() const { return m_redoLabel; }
    int pendingActions() const { return m_pending; }
    bool waitForIdle(int timeoutMs); // tests

Q_SIGNALS:
    void changed();
    void failed(const QString& message);
    void undoStateChanged(const QString& undoLabel, const QString& redoLabel);

private:
    // `action` runs on the worker with a PeopleService of its thread; false = refused (errorString).
    void run(const std::function<bool(PeopleService&)>& action, bool reportNothingToDo = true);
    void onDone(bool ok, const QString& error, const QString& undoLabel, const QString& redoLabel);

    QString m_catalogPath;
    QFuture<bool> m_check;
    QThreadPool m_pool;
    int m_pending = 0;
    QString m_undoLabel;
    QString m_redoLabel;
};

} // namespace kindred
