#include "suggestionsview.h"

#include "emptystateview.h"
#include "facecropcache.h"
#include "facelistmodel.h"
#include "faceservice.h"
#include "icons.h"
#include "peoplecontroller.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSet>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

SuggestionsView::SuggestionsView(PeopleController* people, FaceCropCache* crops, QWidget* parent)
    : QWidget(parent), m_people(people)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);

    auto* title = new QLabel(tr("Suggestions"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    auto* hint = new QLabel(tr("Is this who Kindred thinks? <b>Y</b> or <b>Enter</b>: yes. <b>N</b> or "
                               "<b>Delete</b>: no. Select several faces to answer for all of them."),
                            this);
    hint->setWordWrap(true);
    m_person = new QComboBox(this);
    m_person->setObjectName(QStringLiteral("suggestionPerson"));
    m_person->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_yes = new QPushButton(tr("Yes (Y)"), this);
    m_no = new QPushButton(tr("No (N)"), this);
    for (QPushButton* b : {m_yes, m_no})
        b->setFocusPolicy(Qt::NoFocus);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_person);
    bar->addSpacing(12);
    bar->addWidget(m_yes);
    bar->addWidget(m_no);
    bar->addStretch(1);
    bar->addWidget(m_status);

    m_model = new FaceListModel(crops, this);
    m_model->setIconSize(112);
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("suggestionList"));
    m_list->setModel(m_model);
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(112, 112));
    m_list->setGridSize(QSize(132, 148));
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setUniformItemSizes(true);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->installEventFilter(this);

    m_empty = new EmptyStateView(Icons::Name::Suggestions, tr("Nothing to review"),
                                 tr("When a face looks like someone you have already named, Kindred asks "
                                    "you here to confirm or reject it."),
                                 this);
    auto* page = new QWidget(this);
    auto* pl = new QVBoxLayout(page);
    pl->setContentsMargins(0, 0, 0, 0);
    pl->addWidget(hint);
    pl->addLayout(bar);
    pl->addWidget(m_list, 1);
    auto* host = new QWidget(this);
    m_stack = new QStackedLayout(host);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(page);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(12, 8, 12, 8);
    l->addWidget(title);
    l->addWidget(host, 1);

    connect(m_yes, &QPushButton::clicked, this, &SuggestionsView::confirmSelected);
    connect(m_no, &QPushButton::clicked, this, &SuggestionsView::rejectSelected);
    connect(m_person, &QComboBox::currentIndexChanged, this, &SuggestionsView::applyFilter);
    connect(m_list, &QListView::activated, this, [this] { confirmSelected(); });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SuggestionsView::updateStatus);
    setFocusProxy(m_list);
    updateStatus();
}

SuggestionsView::~SuggestionsView()
{
    m_pool.waitForDone();
}

void SuggestionsView::setLibrary(const QString& catalogPath, const LibraryPaths& paths)
{
    m_catalogPath = catalogPath;
    m_paths = paths;
    refresh();
}

void SuggestionsView::refresh()
{
    if (m_catalogPath.isEmpty())
        return;
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const quint64 serial = ++m_serial;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path, paths, serial] {
        FaceService service(path, paths);
        const QList<FaceRecord> faces = service.suggestions();
        const QString error = service.errorString();
        QMetaObject::invokeMethod(
            this, [this, faces, error, serial] { showSuggestions(faces, error, serial); },
            Qt::QueuedConnection);
    });
}

void SuggestionsView::showSuggestions(const QList<FaceRecord>& faces, const QString& error, quint64 serial)
{
    if (serial != m_serial)
        return;
    m_all = faces;
    const qint64 keepPerson = m_person->currentData().toLongLong();
    QMap<QString, qint64> persons;
    QHash<qint64, int> counts;
    for (const FaceRecord& f : faces) {
        persons.insert(f.personName, f.personId);
        ++counts[f.personId];
    }
    m_person->blockSignals(true);
    m_person->clear();
    m_person->addItem(tr("Everyone (%1)").arg(faces.size()), qint64(0));
    for (auto it = persons.cbegin(); it != persons.cend(); ++it)
        m_person->addItem(QStringLiteral("%1 (%2)").arg(it.key()).arg(counts.value(it.value())), it.value());
    m_person->setCurrentIndex(qMax(0, m_person->findData(keepPerson)));
    m_person->blockSignals(false);
    if (!error.isEmpty() && faces.isEmpty())
        m_empty->setText(tr("The suggestions could not be read: %1").arg(error));
    m_stack->setCurrentIndex(faces.isEmpty() ? 0 : 1);
    applyFilter();
    Q_EMIT refreshed(int(faces.size()));
}

void SuggestionsView::applyFilter()
{
    const qint64 person = m_person->currentData().toLongLong();
    const int row = qMax(0, m_list->currentIndex().row());
    QList<FaceRecord> shown;
    for (const FaceRecord& f : std::as_const(m_all)) {
        if (person == 0 || f.personId == person)
            shown.append(f);
    }
    m_model->setFaces(shown);
    if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(qMin(row, m_model->rowCount() - 1)));
    updateStatus();
}

QList<qint64> SuggestionsView::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_list->selectionModel()->selectedIndexes();
    for (const QModelIndex& i : rows)
        ids.append(i.data(FaceListModel::FaceIdRole).toLongLong());
    if (ids.isEmpty() && m_list->currentIndex().isValid())
        ids.append(m_list->currentIndex().data(FaceListModel::FaceIdRole).toLongLong());
    return ids;
}

void SuggestionsView::removeAndAdvance(const QList<qint64>& ids)
{
    int row = m_model->rowCount();
    for (qint64 id : ids)
        row = qMin(row, m_model->rowOf(id));
    const QSet<qint64> gone(ids.cbegin(), ids.cend());
    m_all.removeIf([&gone](const FaceRecord& f) { return gone.contains(f.id); });
    m_model->removeFaces(ids);
    if (m_model->rowCount() > 0) {
        const QModelIndex next = m_model->index(qBound(0, row, m_model->rowCount() - 1));
        m_list->selectionModel()->setCurrentIndex(next, QItemSelectionModel::ClearAndSelect);
    }
    if (m_all.isEmpty())
        m_stack->setCurrentIndex(0);
    updateStatus();
}

void SuggestionsView::confirmSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_people->confirmSuggestions(ids);
    removeAndAdvance(ids);
}

void SuggestionsView::rejectSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_people->rejectSuggestions(ids);
    removeAndAdvance(ids);
}

void SuggestionsView::updateStatus()
{
    const int selected = int(m_list->selectionModel()->selectedIndexes().size());
    m_status->setText(selected > 1 ? tr("%n selected", nullptr, selected)
                                   : tr("%n to review", nullptr, m_model->rowCount()));
    m_yes->setEnabled(m_model->rowCount() > 0);
    m_no->setEnabled(m_model->rowCount() > 0);
}

bool SuggestionsView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
            return false;
        switch (key->key()) {
        case Qt::Key_Y:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            confirmSelected();
            return true;
        case Qt::Key_N:
        case Qt::Key_Delete:
        case Qt::Key_Backspace:
            rejectSelected();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kindred
