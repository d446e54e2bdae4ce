#pragma once

#include <QThreadPool>
#include <QWidget>

class QListWidget;
class QStackedLayout;

namespace kindred {

class EmptyStateView;
struct PersonSummary;

// People: everyone the family has named, with how many photos they are in (PeopleService, read on a
// worker thread). Activating a person asks for a search of their photos.
class PeopleView : public QWidget {
    Q_OBJECT
public:
    explicit PeopleView(QWidget* parent = nullptr);
    ~PeopleView() override;

    void setCatalogPath(const QString& catalogPath);
    void refresh();
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void personActivated(const QString& name);
    void refreshed(int persons);

private:
    void showPersons(const QList<PersonSummary>& persons, const QString& error, quint64 serial);

    QString m_catalogPath;
    QListWidget* m_list;
    EmptyStateView* m_empty;
    QStackedLayout* m_stack;
    QThreadPool m_pool;
    quint64 m_serial = 0;
};

} // namespace kindred
