#pragma once

#include "librarypaths.h"

#include <QThreadPool>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPushButton;
class QStackedLayout;

namespace kindred {

class EmptyStateView;
class FaceCropCache;
class FaceListModel;
class PeopleController;
struct FaceRecord;

// Suggestions: "Is this Alice?" — unknown faces that look like someone already named, best first, in a
// grid. One key each: Y or Enter confirms, N or Delete rejects the selected faces (several with Shift/Ctrl
// or Ctrl+A); the next face is selected at once, the change goes through PeopleController.
class SuggestionsView : public QWidget {
    Q_OBJECT
public:
    SuggestionsView(PeopleController* people, FaceCropCache* crops, QWidget* parent = nullptr);
    ~SuggestionsView() override;

    void setLibrary(const QString& catalogPath, const LibraryPaths& paths);
    void refresh();

    QListView* list() const { return m_list; }
    FaceListModel* model() const { return m_model; }
    void confirmSelected();
    void rejectSelected();

Q_SIGNALS:
    void refreshed(int suggestions);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showSuggestions(const QList<FaceRecord>& faces, const QString& error, quint64 serial);
    QList<qint64> selectedIds() const;
    void removeAndAdvance(const QList<qint64>& ids);
    void applyFilter();
    void updateStatus();

    PeopleController* m_people;
    QString m_catalogPath;
    LibraryPaths m_paths;
    QList<FaceRecord> m_all;
    FaceListModel* m_model;
    QListView* m_list;
    QComboBox* m_person;
    QLabel* m_status;
    QPushButton* m_yes;
    QPushButton* m_no;
    EmptyStateView* m_empty;
    QStackedLayout* m_stack;
    QThreadPool m_pool;
    quint64 m_serial = 0;
};

} // namespace kindred
