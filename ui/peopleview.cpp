#include "peopleview.h"

#include "emptystateview.h"
#include "icons.h"
#include "peopleservice.h"

#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

namespace {
// A round avatar with the person's initials, in the palette's highlight colour.
QIcon avatar(const QString& name, const QPalette& pal, int size = 96)
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
    return QIcon(pm);
}
} // namespace

PeopleView::PeopleView(QWidget* parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
    auto* title = new QLabel(tr("People"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("peopleList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(96, 96));
    m_list->setGridSize(QSize(150, 150));
    m_list->setMovement(QListView::Static);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrap(true);
    m_empty = new EmptyStateView(Icons::Name::People, tr("No people yet"),
                                 tr("When you name the faces Kindred finds, the people appear here."), this);
    auto* host = new QWidget(this);
    m_stack = new QStackedLayout(host);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_list);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(12, 8, 12, 0);
    l->addWidget(title);
    l->addWidget(host, 1);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { Q_EMIT personActivated(item->data(Qt::UserRole).toString()); });
}

PeopleView::~PeopleView()
{
    m_pool.waitForDone();
}

void PeopleView::setCatalogPath(const QString& catalogPath)
{
    m_catalogPath = catalogPath;
    refresh();
}

void PeopleView::refresh()
{
    if (m_catalogPath.isEmpty())
        return;
    const QString path = m_catalogPath;
    const quint64 serial = ++m_serial;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path, serial] {
        PeopleService service(path);
        const QList<PersonSummary> persons = service.persons(false);
        const QString error = service.errorString();
        QMetaObject::invokeMethod(
            this, [this, persons, error, serial] { showPersons(persons, error, serial); },
            Qt::QueuedConnection);
    });
}

} // namespace kindred

namespace kindred {

void PeopleView::showPersons(const QList<PersonSummary>& persons, const QString& error, quint64 serial)
{
    if (serial != m_serial)
        return;
    m_list->clear();
    for (const PersonSummary& p : persons) {
        auto* item =
            new QListWidgetItem(avatar(p.name, palette()),
                                p.name + QLatin1Char('\n') + tr("%n photo(s)", nullptr, p.photos), m_list);
        item->setData(Qt::UserRole, p.name);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
    }
    if (!error.isEmpty() && persons.isEmpty())
        m_empty->setText(tr("The people could not be read: %1").arg(error));
    m_stack->setCurrentIndex(persons.isEmpty() ? 0 : 1);
    Q_EMIT refreshed(int(persons.size()));
}

} // namespace kindred
