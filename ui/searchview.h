#pragma once

#include "libraryservice.h"

#include <QThreadPool>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;

namespace kindred {

class PhotoGridView;
struct PersonSummary;
struct PhotoHit;
class PhotoListModel;
class ThumbnailProvider;

// Search by person: tick people ("all of them" or "any of them"), optionally a date range and a folder;
// the photos come from SearchService on a worker thread and are shown in a grid.
class SearchView : public QWidget {
    Q_OBJECT
public:
    SearchView(ThumbnailProvider* provider, QWidget* parent = nullptr);
    ~SearchView() override;

    void setCatalogPath(const QString& catalogPath);
    void setLibrary(const QList<LibraryPhoto>& photos, const QStringList& roots);
    void refreshPeople();
    // Ticks exactly these people and searches.
    void searchFor(const QStringList& names);
    void search();
    PhotoListModel* model() const { return m_model; }
    PhotoGridView* grid() const { return m_grid; }

Q_SIGNALS:
    void photoActivated(int row);
    void searchFinished(int hits, const QString& error);

private:
    void showPeople(const QList<PersonSummary>& persons);
    void showResults(const QList<PhotoHit>& hits, const QString& error, quint64 serial);

    QString m_catalogPath;
    QList<LibraryPhoto> m_photos;
    QListWidget* m_people;
    QComboBox* m_mode;
    QCheckBox* m_useDates;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QComboBox* m_folder;
    QPushButton* m_go;
    QLabel* m_status;
    PhotoListModel* m_model;
    PhotoGridView* m_grid;
    QThreadPool m_pool;
    quint64 m_serial = 0;
    QStringList m_pendingNames;
};

} // namespace kindred
