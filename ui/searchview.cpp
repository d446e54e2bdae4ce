#include "searchview.h"

#include "peopleservice.h"
#include "photogridview.h"
#include "photolistmodel.h"
#include "searchservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QStringListModel>
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
    m_add = new QLineEdit(form);
    m_add->setObjectName(QStringLiteral("searchAddPerson"));
    m_add->setPlaceholderText(tr("Add a person…"));
    m_names = new QStringListModel(this);
    auto* completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_add->setCompleter(completer);
    m_chips = new QListWidget(form);
    m_chips->setObjectName(QStringLiteral("searchChips"));
    m_chips->setViewMode(QListView::IconMode);
    m_chips->setFlow(QListView::LeftToRight);
    m_chips->setWrapping(true);
    m_chips->setResizeMode(QListView::Adjust);
    m_chips->setMovement(QListView::Static);
    m_chips->setSpacing(4);
    m_chips->setMaximumHeight(120);
    m_chips->setToolTip(tr("Click a person to switch between with (AND), or (OR) and not (NOT); Delete "
                           "removes them."));
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
    fl->addRow(tr("People:"), m_add);
    fl->addRow(m_chips);
    auto* legend = new QLabel(tr("with = in every photo, or = at least one of them, not = in none"), form);
    legend->setWordWrap(true);
    legend->setForegroundRole(QPalette::PlaceholderText);
    fl->addRow(legend);
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
    m_grid->setEmptyState(tr("Add one or more people and press Search."));
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
    connect(m_add, &QLineEdit::returnPressed, this, [this] {
        const QString typed = m_add->text().simplified();
        // Match an existing name whatever its case.
        const QStringList all = m_names->stringList();
        const auto it = std::find_if(all.cbegin(), all.cend(), [&typed](const QString& n) {
            return n.compare(typed, Qt::CaseInsensitive) == 0;
        });
        if (it == all.cend()) {
            m_status->setText(typed.isEmpty() ? QString() : tr("Nobody is called %1.").arg(typed));
            return;
        }
        addChip(*it);
        m_add->clear();
        search();
    });
    connect(m_chips, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const auto mode = ChipMode((item->data(Qt::UserRole + 1).toInt() + 1) % 3);
        item->setData(Qt::UserRole + 1, int(mode));
        updateChip(m_chips->row(item));
        search();
    });
    auto* del = new QShortcut(QKeySequence::Delete, m_chips, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] {
        delete m_chips->currentItem();
        if (m_chips->count() > 0)
            search();
    });
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
    clearChips();
    for (const QString& n : names)
        addChip(n);
    m_pendingNames = names;
    refreshPeople(); // then searches (the people may have just been named)
}

void SearchView::addChip(const QString& name, ChipMode mode)
{
    for (int i = 0; i < m_chips->count(); ++i) {
        if (m_chips->item(i)->data(Qt::UserRole).toString() == name) {
            setChipMode(name, mode);
            return;
        }
    }
    auto* item = new QListWidgetItem(m_chips);
    item->setData(Qt::UserRole, name);
    item->setData(Qt::UserRole + 1, int(mode));
    updateChip(m_chips->row(item));
}

void SearchView::setChipMode(const QString& name, ChipMode mode)
{
    for (int i = 0; i < m_chips->count(); ++i) {
        if (m_chips->item(i)->data(Qt::UserRole).toString() == name) {
            m_chips->item(i)->setData(Qt::UserRole + 1, int(mode));
            updateChip(i);
        }
    }
}

void SearchView::updateChip(int row)
{
    QListWidgetItem* item = m_chips->item(row);
    const QString name = item->data(Qt::UserRole).toString();
    switch (ChipMode(item->data(Qt::UserRole + 1).toInt())) {
    case ChipMode::And:
        item->setText(tr("with %1").arg(name));
        item->setForeground(palette().color(QPalette::Text));
        break;
    case ChipMode::Or:
        item->setText(tr("or %1").arg(name));
        item->setForeground(palette().color(QPalette::Link));
        break;
    case ChipMode::Not:
        item->setText(tr("not %1").arg(name));
        item->setForeground(palette().color(QPalette::PlaceholderText));
        break;
    }
}

void SearchView::clearChips()
{
    m_chips->clear();
}

QStringList SearchView::chipTexts() const
{
    QStringList out;
    for (int i = 0; i < m_chips->count(); ++i)
        out.append(m_chips->item(i)->text());
    return out;
}

void SearchView::setDateRange(const QDate& from, const QDate& to)
{
    m_useDates->setChecked(from.isValid() && to.isValid());
    if (from.isValid())
        m_from->setDate(from);
    if (to.isValid())
        m_to->setDate(to);
}

void SearchView::setFolder(const QString& folder)
{
    int i = m_folder->findData(folder);
    if (i < 0 && !folder.isEmpty()) {
        m_folder->addItem(QDir::toNativeSeparators(folder), folder);
        i = m_folder->count() - 1;
    }
    m_folder->setCurrentIndex(qMax(0, i));
}

void SearchView::search()
{
    PersonQuery query;
    for (int i = 0; i < m_chips->count(); ++i) {
        const QString name = m_chips->item(i)->data(Qt::UserRole).toString();
        switch (ChipMode(m_chips->item(i)->data(Qt::UserRole + 1).toInt())) {
        case ChipMode::And:
            query.allOf.append(name);
            break;
        case ChipMode::Or:
            query.anyOf.append(name);
            break;
        case ChipMode::Not:
            query.noneOf.append(name);
            break;
        }
    }
    if (query.allOf.isEmpty() && query.anyOf.isEmpty() && query.noneOf.isEmpty()) {
        m_status->setText(tr("Add at least one person."));
        return;
    }
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
    QStringList names;
    for (const PersonSummary& p : persons)
        names.append(p.name);
    m_names->setStringList(names);
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
