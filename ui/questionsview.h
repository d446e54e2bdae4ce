#pragma once

#include "faceservice.h"
#include "librarypaths.h"

#include <QList>
#include <QSet>
#include <QThreadPool>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedLayout;

namespace kindred {

class EmptyStateView;
class FaceCropCache;
class FaceListModel;
class PeopleController;

// Questions: "Is this group Alice?" — an unnamed group that looks like someone already named as a whole
// (FaceService::groupQuestions), shown side by side with that person's faces, most faces first. One key
// answers for the whole group: Y yes (names every face of the group), N no (never asked or suggested
// again), S skip (asked again later); the next question shows at once, Edit ▸ Undo takes an answer back.
class QuestionsView : public QWidget {
    Q_OBJECT
public:
    QuestionsView(PeopleController* people, FaceCropCache* crops, QWidget* parent = nullptr);
    ~QuestionsView() override;

    void setLibrary(const QString& catalogPath, const LibraryPaths& paths);
    void refresh();

    void answer(bool yes);
    void skip();
    // "Not in this group": the selected faces of the group are not the person (rejected for them) and leave
    // the question, so that a Yes afterwards names only the rest.
    void takeOutSelected();
    QListView* groupList() const { return m_groupList; }
    // What is on screen (tests).
    const QList<GroupQuestion>& questions() const { return m_questions; }
    const GroupQuestion* current() const { return m_questions.isEmpty() ? nullptr : &m_questions.first(); }
    FaceListModel* groupModel() const { return m_groupModel; }
    FaceListModel* personModel() const { return m_personModel; }
    QString progressText() const;

Q_SIGNALS:
    void refreshed(int questions);

private:
    void showQuestions(const QList<GroupQuestion>& questions, const QString& error, quint64 serial);
    void showCurrent();

    PeopleController* m_people;
    QString m_catalogPath;
    LibraryPaths m_paths;
    QList<GroupQuestion> m_questions; // the current one first
    QSet<qint64> m_skipped;           // groups skipped in this session: asked after the others
    FaceListModel* m_groupModel;
    FaceListModel* m_personModel;
    QListView* m_groupList;
    QListView* m_personList;
    QLabel* m_question;
    QLabel* m_groupTitle;
    QLabel* m_personTitle;
    QLabel* m_progress;
    QPushButton* m_yes;
    QPushButton* m_no;
    QPushButton* m_skip;
    QPushButton* m_takeOut;
    EmptyStateView* m_empty;
    QStackedLayout* m_stack;
    QThreadPool m_pool;
    quint64 m_serial = 0;
};

} // namespace kindred
