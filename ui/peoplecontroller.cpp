#include "peoplecontroller.h"

#include "peopleservice.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

PeopleController::PeopleController(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // one thread, one catalog connection
}

PeopleController::~PeopleController()
{
    m_pool.waitForDone();
}

void PeopleController::setCatalogPath(const QString& catalogPath)
{
    m_catalogPath = catalogPath;
    // Fetch the undo/redo labels of the (persisted) history.
    run([](PeopleService&) { return true; }, false);
}

void PeopleController::run(const std::function<bool(PeopleService&)>& action, bool reportNothingToDo)
{
    if (m_catalogPath.isEmpty())
        return;
    ++m_pending;
    const QString path = m_catalogPath;
    QFuture<bool> check = m_check;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path, action, reportNothingToDo, check]() mutable {
        if (check.isValid()) {
            check.waitForFinished();
            if (!check.result()) {
                const QString damaged = tr("The catalog is damaged; nothing was changed.");
                QMetaObject::invokeMethod(
                    this, [this, damaged] { onDone(false, damaged, m_undoLabel, m_redoLabel); },
                    Qt::QueuedConnection);
                return;
            }
        }
        PeopleService service(path);
        const bool ok = action(service);
        const QString error = ok || !reportNothingToDo ? QString() : service.errorString();
        const QString undo = service.undoLabel();
        const QString redo = service.redoLabel();
        QMetaObject::invokeMethod(
            this, [this, ok, error, undo, redo] { onDone(ok, error, undo, redo); }, Qt::QueuedConnection);
    });
}

void PeopleController::onDone(bool ok, const QString& error, const QString& undoLabel,
                              const QString& redoLabel)
{
    --m_pending;
    if (undoLabel != m_undoLabel || redoLabel != m_redoLabel) {
        m_undoLabel = undoLabel;
        m_redoLabel = redoLabel;
        Q_EMIT undoStateChanged(m_undoLabel, m_redoLabel);
    }
    if (ok)
        Q_EMIT changed();
    else if (!error.isEmpty())
        Q_EMIT failed(error);
}

bool PeopleController::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_pending > 0) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void PeopleController::nameCluster(qint64 clusterId, const QString& name)
{
    run([clusterId, name](PeopleService& s) { return s.nameCluster(clusterId, name); });
}

void PeopleController::nameFaces(const QList<qint64>& faceIds, const QString& name)
{
    run([faceIds, name](PeopleService& s) { return s.nameFaces(faceIds, name); });
}

void PeopleController::confirmSuggestions(const QList<qint64>& faceIds)
{
    run([faceIds](PeopleService& s) { return s.confirmSuggestions(faceIds); });
}

void PeopleController::rejectSuggestions(const QList<qint64>& faceIds)
{
    run([faceIds](PeopleService& s) { return s.rejectSuggestions(faceIds); });
}

void PeopleController::rejectFaces(const QList<qint64>& faceIds, qint64 personId)
{
    run([faceIds, personId](PeopleService& s) { return s.rejectFaces(faceIds, personId); });
}

void PeopleController::answerGroupQuestion(qint64 clusterId, qint64 personId, bool yes)
{
    run([clusterId, personId, yes](PeopleService& s) {
        return s.answerGroupQuestion(clusterId, personId, yes);
    });
}

void PeopleController::answerGroupPairQuestion(qint64 clusterId, qint64 otherClusterId, bool yes,
                                               const QString& name)
{
    run([clusterId, otherClusterId, yes, name](PeopleService& s) {
        return s.answerGroupPairQuestion(clusterId, otherClusterId, yes, nullptr, name);
    });
}

void PeopleController::unassignFaces(const QList<qint64>& faceIds)
{
    run([faceIds](PeopleService& s) { return s.unassignFaces(faceIds); });
}

void PeopleController::ignoreClusters(const QList<qint64>& clusterIds)
{
    run([clusterIds](PeopleService& s) {
        for (qint64 id : clusterIds) {
            if (!s.ignoreCluster(id))
                return false;
        }
        return true;
    });
}

void PeopleController::ignoreFaces(const QList<qint64>& faceIds)
{
    run([faceIds](PeopleService& s) { return s.ignoreFaces(faceIds); });
}

void PeopleController::markNotFaces(const QList<qint64>& faceIds)
{
    run([faceIds](PeopleService& s) { return s.markNotFaces(faceIds); });
}

void PeopleController::restoreFaces(const QList<qint64>& faceIds)
{
    run([faceIds](PeopleService& s) { return s.restoreFaces(faceIds); });
}

void PeopleController::rename(const QString& oldName, const QString& newName)
{
    run([oldName, newName](PeopleService& s) { return s.rename(oldName, newName); });
}

void PeopleController::merge(const QString& fromName, const QString& intoName)
{
    run([fromName, intoName](PeopleService& s) { return s.merge(fromName, intoName); });
}

void PeopleController::setHidden(const QString& name, bool hidden)
{
    run([name, hidden](PeopleService& s) { return s.setHidden(name, hidden); });
}

void PeopleController::setCoverFace(const QString& name, qint64 faceId)
{
    run([name, faceId](PeopleService& s) { return s.setCoverFace(name, faceId); });
}

void PeopleController::deletePerson(const QString& name)
{
    run([name](PeopleService& s) { return s.deletePerson(name); });
}

void PeopleController::undo()
{
    run([](PeopleService& s) { return s.undo(); }, false);
}

void PeopleController::redo()
{
    run([](PeopleService& s) { return s.redo(); }, false);
}

} // namespace kindred
