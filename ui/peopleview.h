#pragma once

#include "librarypaths.h"

#include <QHash>
#include <QThreadPool>
#include <QWidget>

class QCheckBox;
class QListWidget;
class QListWidgetItem;
class QStackedLayout;

namespace kindred {

class EmptyStateView;
class FaceCropCache;
class PeopleController;
struct PersonSummary;

// People: a card per named person (cover face, name, photo count), read from PeopleService on a worker.
// Activating a card opens the person's photos (a search). Right-click (or the keys) for Rename (F2),
// Merge into…, Hide/Show, Choose cover face…, Delete; dragging one card onto another merges them.
// Changes go through PeopleController.
class PeopleView : public QWidget {
    Q_OBJECT
public:
    PeopleView(PeopleController* people, FaceCropCache* crops, QWidget* parent = nullptr);
    ~PeopleView() override;

    void setLibrary(const QString& catalogPath, const LibraryPaths& paths);
    void refresh();
    QListWidget* list() const { return m_list; }
    QCheckBox* showHiddenBox() const { return m_showHidden; }
    QStringList names() const; // in the order shown

    // The card actions (the menu asks for names; tests call these directly).
    void renamePerson(const QString& name, const QString& newName);
    void mergePeople(const QString& from, const QString& into);
    void setPersonHidden(const QString& name, bool hidden);
    void chooseCoverFace(const QString& name); // a dialog with the person's faces

Q_SIGNALS:
    void personActivated(const QString& name);
    void refreshed(int persons);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPersons(const QList<PersonSummary>& persons, const QString& error, quint64 serial);
    void showMenu(QListWidgetItem* item, const QPoint& globalPos);
    void askRename(const QString& name);
    void askMerge(const QString& name);
    void askDelete(const QString& name);
    QIcon cardIcon(const QString& name, qint64 coverFaceId);

    PeopleController* m_people;
    FaceCropCache* m_crops;
    QString m_catalogPath;
    LibraryPaths m_paths;
    QListWidget* m_list;
    QCheckBox* m_showHidden;
    EmptyStateView* m_empty;
    QStackedLayout* m_stack;
    QThreadPool m_pool;
    quint64 m_serial = 0;
    QHash<qint64, QListWidgetItem*> m_itemOfCover;
};

} // namespace kindred
