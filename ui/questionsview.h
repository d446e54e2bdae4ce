#pragma once

#include "faceservice.h"
#include "librarypaths.h"

#include <QList>
#include <QSet>
#include <QThreadPool>
#include <QWidget>

class QLabel;
class QLineEdit;
class QStringListModel;
class QListView;
class QPushButton;
class QStackedLayout;

namespace kindred {

class EmptyStateView;
class FaceCropCache;
class FaceListModel;
class PeopleController;

// Questions: "Is this group Alice?" — an unnamed group that looks like someone already named as a whole —
// and "Are these two groups the same person?" — two unnamed groups that look like one person
// (FaceService::groupQuestions), each shown with the faces of both sides, most faces decided first. One key
// answers for the whole group: Y yes (names every face of the group, or joins the two groups), N no (never
// asked or suggested again; two groups are kept apart for good), S skip (asked again later); the next
// question shows at once, Edit ▸ Undo takes an answer back.
class QuestionsView : public QWidget {
    Q_OBJECT
public:
    QuestionsView(PeopleController* people, FaceCropCache* crops, QWidget* parent = nullptr);
    ~QuestionsView() override;

    void setLibrary(const QString& catalogPath, const LibraryPaths& paths);
    void refresh();

    // Yes or No to the question on screen; a Yes to "Are these two groups the same person?" also names the
    // joined group when a name was typed ("Yes, this is …", Enter).
    void answer(bool yes);
    void skip();
    // "Not in this group" ("Is this group X?" only): the selected faces of the group are not the person
    // (rejected for them) and leave the question, so that a Yes afterwards names only the rest.
    void takeOutSelected();
    QListView* groupList() const { return m_groupList; }
    // What is on screen (tests).
    const QList<GroupQuestion>& questions() const { return m_questions; }
    const GroupQuestion* current() const { return m_questions.isEmpty() ? nullptr : &m_questions.first(); }
    FaceListModel* groupModel() const { return m_groupModel; }
    FaceListModel* personModel() const { return m_personModel; }
    QString progressText() const;
    QLineEdit* pairNameEdit() const { return m_pairName; }

Q_SIGNALS:
    void refreshed(int questions);

private:
    void showQuestions(const QList<GroupQuestion>& questions, const QStringList& names, const QString& error,
                       quint64 serial);
    void showCurrent();

    PeopleController* m_people;
    QString m_catalogPath;
    LibraryPaths m_paths;
    QList<GroupQuestion> m_questions; // the current one first
    // Questions skipped in this session, asked after the others: (group, person), or (group, -other group).
    QSet<QPair<qint64, qint64>> m_skipped;
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
    QLineEdit* m_pairName;     // "Yes, this is …": names the joined group with the Yes
    QStringListModel* m_names; // the people's names, for completion
    EmptyStateView* m_empty;
    QStackedLayout* m_stack;
    QThreadPool m_pool;
    quint64 m_serial = 0;
};

} // namespace kindred
