#include "searchview.h"

#include "peopleservice.h"
#include "photogridview.h"
#include "photolistmodel.h"
#include "searchservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

SearchView::SearchView(ThumbnailProvider* provider, QWidget* parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);

    auto* form = new QWidget(this);
    form->setMinimumWidth(240);
    form->setMaximumWidth(340);
    m_people = new QListWidget(form);
    m_people->setObjectName(QStringLiteral("searchPeople"));
    m_mode = new QComboBox(form);
    m_mode->addItem(tr("All of them in the photo"), QStringLiteral("all"));
    m_mode->addItem(tr("Any of them"), QStringLiteral("any"));
    m_mode->addItem(tr("None of them"), QStringLiteral("none"));
    m_useDates = new QCheckBox(tr("Taken between"), form);
    m_from = new QDateEdit(QDate::currentDate().addYears(-1), form);
    m_to = new QDateEdit(QDate::currentDate(), form);
    for (QDateEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setEnabled(false);
    }
    m_folder = new QComboBox(form);
    m_folder->addItem(tr("Everywhere"), QString());
    m_go = new QPushButton(tr("Search"), form);
    m_go->setDefault(true);
    m_status = new QLabel(form);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto* fl = new QFormLayout;
    fl->setRowWrapPolicy(QFormLayout::WrapAllRows);
    fl->addRow(tr("People:"), m_people);
    fl->addRow(tr("Show photos with:"), m_mode);
    fl->addRow(m_useDates);
    fl->addRow(tr("From:"), m_from);
    fl->addRow(tr("To:"), m_to);
    fl->addRow(tr("Folder:"), m_folder);
    auto* vl = new QVBoxLayout(form);
    vl->addLayout(fl);
    vl->addWidget(m_go);
    vl->addWidget(m_status);
    vl->addStretch(1);

    m_model = new PhotoListModel(provider, this);
    m_grid = new PhotoGridView(m_model, this);
    m_grid->setTitle(tr("Search"));
    m_grid->setEmptyState(tr("Pick one or more people and press Search."));
    auto* split = new QSplitter(this);
    split->addWidget(form);
    split->addWidget(m_grid);
    split->setStretchFactor(1, 1);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(split);

    connect(m_useDates, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useDates, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    connect(m_go, &QPushButton::clicked, this, &SearchView::search);
    connect(m_grid, &PhotoGridView::photoActivated, this, &SearchView::photoActivated);
}

SearchView::~SearchView()
{
    m_pool.waitForDone();
}

void SearchView::setCatalogPath(const QString& catalogPath)
{
    m_catalogPath = catalogPath;
    m_model->setPhotos({});
    refreshPeople();
}

void SearchView::setLibrary(const QList<LibraryPhoto>& photos, const QStringList& roots)
{
    m_photos = photos;
    const QString current = m_folder->currentData().toString();
    m_folder->clear();
    m_folder->addItem(tr("Everywhere"), QString());
    for (const QString& r : roots)
        m_folder->addItem(QDir::toNativeSeparators(r), r);
    m_folder->setCurrentIndex(qMax(0, m_folder->findData(current)));
}

void SearchView::refreshPeople()
{
    if (m_catalogPath.isEmpty())
        return;
    const QString path = m_catalogPath;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path] {
        PeopleService service(path);
        const QList<PersonSummary> persons = service.persons(false);
        QMetaObject::invokeMethod(
            this, [this, persons] { showPeople(persons); }, Qt::QueuedConnection);
    });
}

void SearchView::searchFor(const QStringList& names)
{
    m_pendingNames = names;
    for (int i = 0; i < m_people->count(); ++i)
        m_people->item(i)->setCheckState(Qt::Unchecked);
    m_mode->setCurrentIndex(0);
    refreshPeople(); // ticks m_pendingNames, then searches
}

void SearchView::search()
{
    PersonQuery query;
    QStringList names;
    for (int i = 0; i < m_people->count(); ++i) {
        if (m_people->item(i)->checkState() == Qt::Checked)
            names.append(m_people->item(i)->text());
    }
    if (names.isEmpty()) {
        m_status->setText(tr("Pick at least one person."));
        return;
    }
    const QString mode = m_mode->currentData().toString();
    if (mode == QLatin1String("all"))
        query.allOf = names;
    else if (mode == QLatin1String("any"))
        query.anyOf = names;
    else
        query.noneOf = names;
    if (m_useDates->isChecked()) {
        query.from = m_from->date();
        query.to = m_to->date();
    }
    query.folder = m_folder->currentData().toString();
    m_status->setText(tr("Searching…"));
    const QString path = m_catalogPath;
    const quint64 serial = ++m_serial;
    (void)QtConcurrent::run(&m_pool, [this, path, query, serial] {
        SearchService service(path);
        QList<PhotoHit> hits;
        const bool ok = service.search(query, &hits);
        const QString error = ok ? QString() : service.errorString();
        QMetaObject::invokeMethod(
            this, [this, hits, error, serial] { showResults(hits, error, serial); }, Qt::QueuedConnection);
    });
}

} // namespace kindred

namespace kindred {

void SearchView::showPeople(const QList<PersonSummary>& persons)
{
    QSet<QString> checked;
    for (int i = 0; i < m_people->count(); ++i) {
        if (m_people->item(i)->checkState() == Qt::Checked)
            checked.insert(m_people->item(i)->text());
    }
    for (const QString& n : std::as_const(m_pendingNames))
        checked.insert(n);
    m_people->clear();
    for (const PersonSummary& p : persons) {
        auto* item = new QListWidgetItem(p.name, m_people);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(p.name) ? Qt::Checked : Qt::Unchecked);
    }
    if (persons.isEmpty())
        m_status->setText(tr("Nobody has been named yet. Name people first, then search for them here."));
    if (!m_pendingNames.isEmpty()) {
        m_pendingNames.clear();
        search();
    }
}

void SearchView::showResults(const QList<PhotoHit>& hits, const QString& error, quint64 serial)
{
    if (serial != m_serial)
        return;
    QSet<qint64> ids;
    for (const PhotoHit& h : hits)
        ids.insert(h.id);
    QList<LibraryPhoto> found;
    for (const LibraryPhoto& p : std::as_const(m_photos)) {
        if (ids.contains(p.id))
            found.append(p);
    }
    m_model->setPhotos(found);
    m_status->setText(error.isEmpty() ? tr("%n photo(s) found.", nullptr, int(hits.size()))
                                      : tr("Search failed: %1").arg(error));
    Q_EMIT searchFinished(int(hits.size()), error);
}

} // namespace kindred
