#include "peopleview.h"

#include "emptystateview.h"
#include "facecropcache.h"
#include "faceindexer.h"
#include "facelistmodel.h"
#include "faceservice.h"
#include "icons.h"
#include "peoplecontroller.h"
#include "peopleservice.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QShortcut>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

namespace {
constexpr int kNameRole = Qt::UserRole;
constexpr int kHiddenRole = Qt::UserRole + 1;
constexpr int kIdRole = Qt::UserRole + 2;

// A round avatar with the person's initials, in the palette's highlight colour.
QPixmap initialsAvatar(const QString& name, const QPalette& pal, int size = 96)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::Highlight));
    p.drawEllipse(QRectF(2, 2, size - 4, size - 4));
    QString initials;
    const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& w : words.mid(0, 2))
        initials += w.at(0).toUpper();
    QFont f;
    f.setPixelSize(size * 2 / 5);
    f.setBold(true);
    p.setFont(f);
    p.setPen(pal.color(QPalette::HighlightedText));
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initials);
    return pm;
}

// The cover face, cut to a circle.
QPixmap roundFace(const QPixmap& crop, int size = 96)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(2, 2, size - 4, size - 4));
    p.setClipPath(circle);
    const QPixmap scaled = crop.scaled(size, size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    p.drawPixmap((size - scaled.width()) / 2, (size - scaled.height()) / 2, scaled);
    return pm;
}
} // namespace

PeopleView::PeopleView(PeopleController* people, FaceCropCache* crops, QWidget* parent)
    : QWidget(parent), m_people(people), m_crops(crops)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    auto* title = new QLabel(tr("People"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    auto* hint =
        new QLabel(tr("Open a person to see their photos. Right-click for more; drag one person onto "
                      "another to merge them."),
                   this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setWordWrap(true);
    m_showHidden = new QCheckBox(tr("Show hidden people"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("peopleList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(96, 96));
    m_list->setGridSize(QSize(150, 150));
    m_list->setMovement(QListView::Snap); // cards can be dragged (onto another card: merge)
    m_list->setResizeMode(QListView::Adjust);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrap(true);
    m_list->setDragEnabled(true);
    m_list->setAcceptDrops(true);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->viewport()->installEventFilter(this);
    m_empty = new EmptyStateView(Icons::Name::People, tr("No people yet"),
                                 tr("When you name the faces Kindred finds (Unknown faces), the people "
                                    "appear here."),
                                 this);
    auto* host = new QWidget(this);
    m_stack = new QStackedLayout(host);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_list);
    auto* head = new QHBoxLayout;
    head->addWidget(title);
    head->addStretch(1);
    head->addWidget(m_showHidden);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(12, 8, 12, 0);
    l->addLayout(head);
    l->addWidget(hint);
    l->addWidget(host, 1);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT personActivated(item->data(kNameRole).toString()); });
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (QListWidgetItem* item = m_list->itemAt(pos))
            showMenu(item, m_list->viewport()->mapToGlobal(pos));
    });
    connect(m_showHidden, &QCheckBox::toggled, this, &PeopleView::refresh);
    auto* rename = new QShortcut(QKeySequence(Qt::Key_F2), m_list, nullptr, nullptr, Qt::WidgetShortcut);
    connect(rename, &QShortcut::activated, this, [this] {
        if (QListWidgetItem* item = m_list->currentItem())
            askRename(item->data(kNameRole).toString());
    });
    connect(m_crops, &FaceCropCache::cropReady, this, [this](qint64 faceId) {
        if (QListWidgetItem* item = m_itemOfCover.value(faceId))
            item->setIcon(cardIcon(item->data(kNameRole).toString(), faceId));
    });
}

PeopleView::~PeopleView()
{
    m_pool.waitForDone();
}

void PeopleView::setLibrary(const QString& catalogPath, const LibraryPaths& paths)
{
    m_catalogPath = catalogPath;
    m_paths = paths;
    refresh();
}

void PeopleView::refresh()
{
    if (m_catalogPath.isEmpty())
        return;
    const QString path = m_catalogPath;
    const bool hidden = m_showHidden->isChecked();
    const quint64 serial = ++m_serial;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path, hidden, serial] {
        PeopleService service(path);
        const QList<PersonSummary> persons = service.persons(hidden);
        const QString error = service.errorString();
        QMetaObject::invokeMethod(
            this, [this, persons, error, serial] { showPersons(persons, error, serial); },
            Qt::QueuedConnection);
    });
}

QStringList PeopleView::names() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out.append(m_list->item(i)->data(kNameRole).toString());
    return out;
}

QIcon PeopleView::cardIcon(const QString& name, qint64 coverFaceId)
{
    if (coverFaceId > 0) {
        const QPixmap crop = m_crops->pixmap(coverFaceId, FaceIndexer::faceCropPath(m_paths, coverFaceId));
        if (!crop.isNull())
            return QIcon(roundFace(crop));
    }
    return QIcon(initialsAvatar(name, palette()));
}

void PeopleView::showPersons(const QList<PersonSummary>& persons, const QString& error, quint64 serial)
{
    if (serial != m_serial)
        return;
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(kNameRole).toString() : QString();
    m_list->clear();
    m_itemOfCover.clear();
    for (const PersonSummary& p : persons) {
        QString text = p.name + QLatin1Char('\n') + tr("%n photo(s)", nullptr, p.photos);
        if (p.hidden)
            text += QLatin1Char('\n') + tr("(hidden)");
        auto* item = new QListWidgetItem(cardIcon(p.name, p.coverFaceId), text, m_list);
        item->setData(kNameRole, p.name);
        item->setData(kHiddenRole, p.hidden);
        item->setData(kIdRole, p.id);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
                       Qt::ItemIsDropEnabled);
        if (p.coverFaceId > 0)
            m_itemOfCover.insert(p.coverFaceId, item);
        if (p.name == current)
            m_list->setCurrentItem(item);
    }
    if (!error.isEmpty() && persons.isEmpty())
        m_empty->setText(tr("The people could not be read: %1").arg(error));
    m_stack->setCurrentIndex(persons.isEmpty() ? 0 : 1);
    Q_EMIT refreshed(int(persons.size()));
}

void PeopleView::showMenu(QListWidgetItem* item, const QPoint& globalPos)
{
    const QString name = item->data(kNameRole).toString();
    const bool hidden = item->data(kHiddenRole).toBool();
    QMenu menu(this);
    menu.addAction(tr("Show photos"), this, [this, name] { Q_EMIT personActivated(name); });
    menu.addSeparator();
    menu.addAction(tr("Rename…"), this, [this, name] { askRename(name); });
    menu.addAction(tr("Merge into…"), this, [this, name] { askMerge(name); });
    menu.addAction(tr("Choose cover face…"), this, [this, name] { chooseCoverFace(name); });
    menu.addAction(hidden ? tr("Show again") : tr("Hide"), this,
                   [this, name, hidden] { setPersonHidden(name, !hidden); });
    menu.addSeparator();
    menu.addAction(tr("Delete person…"), this, [this, name] { askDelete(name); });
    menu.exec(globalPos);
}

void PeopleView::askRename(const QString& name)
{
    bool ok = false;
    const QString newName = QInputDialog::getText(this, tr("Rename"), tr("New name for %1:").arg(name),
                                                  QLineEdit::Normal, name, &ok)
                                .simplified();
    if (ok && !newName.isEmpty() && newName != name)
        renamePerson(name, newName);
}

void PeopleView::askMerge(const QString& name)
{
    QStringList others = names();
    others.removeAll(name);
    if (others.isEmpty())
        return;
    bool ok = false;
    const QString into = QInputDialog::getItem(this, tr("Merge"), tr("%1 is the same person as:").arg(name),
                                               others, 0, false, &ok);
    if (ok && !into.isEmpty())
        mergePeople(name, into);
}

void PeopleView::askDelete(const QString& name)
{
    if (QMessageBox::question(this, tr("Delete person"),
                              tr("Forget %1? Their faces go back to the unknown faces. (Edit ▸ Undo brings "
                                 "them back.)")
                                  .arg(name)) == QMessageBox::Yes)
        m_people->deletePerson(name);
}

void PeopleView::renamePerson(const QString& name, const QString& newName)
{
    m_people->rename(name, newName);
}

void PeopleView::mergePeople(const QString& from, const QString& into)
{
    if (from != into)
        m_people->merge(from, into);
}

void PeopleView::setPersonHidden(const QString& name, bool hidden)
{
    m_people->setHidden(name, hidden);
}

void PeopleView::chooseCoverFace(const QString& name)
{
    // A quick read (one person's faces) on the GUI thread; the crops load asynchronously.
    const auto person = PeopleService(m_catalogPath).personByName(name);
    if (!person)
        return;
    const QList<FaceRecord> faces = FaceService(m_catalogPath, m_paths).facesOfPerson(person->id);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Cover face of %1").arg(name));
    FaceListModel model(m_crops);
    model.setShowNames(false);
    model.setFaces(faces);
    auto* view = new QListView(&dialog);
    view->setModel(&model);
    view->setViewMode(QListView::IconMode);
    view->setIconSize(QSize(96, 96));
    view->setGridSize(QSize(108, 108));
    view->setResizeMode(QListView::Adjust);
    view->setMovement(QListView::Static);
    const int current = model.rowOf(person->coverFaceId);
    view->setCurrentIndex(model.index(qMax(0, current)));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(view, &QListView::activated, &dialog, &QDialog::accept);
    auto* l = new QVBoxLayout(&dialog);
    l->addWidget(new QLabel(tr("Pick the face that shows %1 best.").arg(name), &dialog));
    l->addWidget(view, 1);
    l->addWidget(buttons);
    dialog.resize(560, 420);
    if (dialog.exec() == QDialog::Accepted && view->currentIndex().isValid())
        m_people->setCoverFace(name, view->currentIndex().data(FaceListModel::FaceIdRole).toLongLong());
}

bool PeopleView::eventFilter(QObject* watched, QEvent* event)
{
    // Dropping a card onto another merges the dragged person into the one under the cursor.
    if (watched == m_list->viewport() && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        QListWidgetItem* target = m_list->itemAt(drop->position().toPoint());
        QListWidgetItem* source = m_list->currentItem();
        drop->setDropAction(Qt::IgnoreAction);
        drop->accept();
        if (target && source && target != source) {
            const QString from = source->data(kNameRole).toString();
            const QString into = target->data(kNameRole).toString();
            if (QMessageBox::question(
                    this, tr("Merge"),
                    tr("Merge %1 into %2? All of %1's faces become %2's.").arg(from, into)) ==
                QMessageBox::Yes)
                mergePeople(from, into);
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace kindred
