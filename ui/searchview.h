#pragma once

#include "libraryservice.h"

#include <QThreadPool>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;

namespace kindred {

class PhotoGridView;
struct PersonSummary;
struct PhotoHit;
class PhotoListModel;
class ThumbnailProvider;

// Search by person: people are added as chips (type a name; existing names complete), each chip says how
// the person counts: "with" (AND: in every photo), "or" (OR: at least one of the "or" people), "not"
// (NOT: in none); clicking a chip cycles its mode, Delete removes it. Optionally a date range and a folder.
// The photos come from SearchService on a worker thread and are shown in a grid.
class SearchView : public QWidget {
    Q_OBJECT
public:
    enum class ChipMode { And, Or, Not };

    SearchView(ThumbnailProvider* provider, QWidget* parent = nullptr);
    ~SearchView() override;

    void setCatalogPath(const QString& catalogPath);
    void setLibrary(const QList<LibraryPhoto>& photos, const QStringList& roots);
    void refreshPeople();
    // Makes exactly these people "with" chips and searches.
    void searchFor(const QStringList& names);
    void search();
    // Chips (tests; the line edit calls addChip).
    void addChip(const QString& name, ChipMode mode = ChipMode::And);
    void setChipMode(const QString& name, ChipMode mode);
    void clearChips();
    QStringList chipTexts() const;
    void setDateRange(const QDate& from, const QDate& to); // invalid = no date filter
    void setFolder(const QString& folder);                 // "" = everywhere
    PhotoListModel* model() const { return m_model; }
    PhotoGridView* grid() const { return m_grid; }

Q_SIGNALS:
    void photoActivated(int row);
    void searchFinished(int hits, const QString& error);

private:
    void showPeople(const QList<PersonSummary>& persons);
    void updateChip(int row);
    void showResults(const QList<PhotoHit>& hits, const QString& error, quint64 serial);

    QString m_catalogPath;
    QList<LibraryPhoto> m_photos;
    QLineEdit* m_add;
    QStringListModel* m_names;
    QListWidget* m_chips;
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
