#include "photogridview.h"

#include "photodelegate.h"
#include "photolistmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace kindred {

PhotoGridView::PhotoGridView(PhotoListModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_delegate(new PhotoDelegate(this))
{
    m_title = new QLabel(this);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    m_title->setFont(tf);
    m_count = new QLabel(this);
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("sortCombo"));
    m_sort->addItem(tr("Newest first"), int(PhotoListModel::SortOrder::NewestFirst));
    m_sort->addItem(tr("Oldest first"), int(PhotoListModel::SortOrder::OldestFirst));
    m_sort->addItem(tr("By name"), int(PhotoListModel::SortOrder::Name));
    m_sort->setCurrentIndex(m_sort->findData(int(model->sortOrder())));
    m_sort->setToolTip(tr("Sort order"));

    m_months = new QComboBox(this);
    m_months->setObjectName(QStringLiteral("monthCombo"));
    m_months->setToolTip(tr("Jump to a month"));
    m_months->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_zoom = new QSlider(Qt::Horizontal, this);
    m_zoom->setObjectName(QStringLiteral("zoomSlider"));
    m_zoom->setRange(kMinCell, kMaxCell);
    m_zoom->setFixedWidth(140);
    m_zoom->setToolTip(tr("Thumbnail size"));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(12, 8, 12, 4);
    bar->addWidget(m_title);
    bar->addSpacing(8);
    bar->addWidget(m_count, 0, Qt::AlignBottom);
    bar->addStretch(1);
    bar->addWidget(m_months);
    bar->addWidget(m_sort);
    bar->addSpacing(8);
    bar->addWidget(m_zoom);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("photoGrid"));
    m_view->setViewMode(QListView::IconMode);
    m_view->setMovement(QListView::Static);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setUniformItemSizes(true);
    m_view->setLayoutMode(QListView::Batched);
    m_view->setBatchSize(5000);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setSpacing(0);
    m_view->setItemDelegate(m_delegate);
    m_view->setModel(model);
    m_view->setDragEnabled(false);
    m_view->setAcceptDrops(false); // drops go to the main window
    m_view->viewport()->setAcceptDrops(false);

    m_empty = new QWidget(this);
    m_emptyText = new QLabel(m_empty);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setForegroundRole(QPalette::PlaceholderText);
    QFont ef = m_emptyText->font();
    ef.setPointSizeF(ef.pointSizeF() * 1.2);
    m_emptyText->setFont(ef);
    m_emptyButton = new QPushButton(m_empty);
    m_emptyButton->hide();
    auto* el = new QVBoxLayout(m_empty);
    el->addStretch(1);
    el->addWidget(m_emptyText);
    el->addSpacing(12);
    el->addWidget(m_emptyButton, 0, Qt::AlignHCenter);
    el->addStretch(2);

    auto* stackHost = new QWidget(this);
    m_stack = new QStackedLayout(stackHost);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(stackHost, 1);

    connect(m_sort, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setSortOrder(PhotoListModel::SortOrder(m_sort->currentData().toInt())); });
    connect(m_months, &QComboBox::activated, this,
            [this](int i) { scrollToMonth(m_months->itemData(i).toString()); });
    connect(m_zoom, &QSlider::valueChanged, this, [this](int v) {
        setCellSize(v);
        Q_EMIT cellSizeChanged(v);
    });
    connect(m_view, &QListView::activated, this,
            [this](const QModelIndex& idx) { Q_EMIT photoActivated(idx.row()); });
    connect(m_emptyButton, &QPushButton::clicked, this, &PhotoGridView::emptyActionTriggered);
    connect(model, &PhotoListModel::monthsChanged, this, &PhotoGridView::updateMonths);
    connect(model, &QAbstractItemModel::rowsInserted, this, &PhotoGridView::updateCount);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PhotoGridView::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &PhotoGridView::updateCount);
    // A reset while photos land (PhotoListModel::kMaxDiffRuns) must not throw the family back to the top:
    // the photo at the top-left and the current one are found again by id.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex top = m_view->indexAt(QPoint(m_view->spacing() + 1, m_view->spacing() + 1));
        m_anchorId = top.isValid() ? m_model->photoAt(top.row()).id : 0;
        const QModelIndex current = m_view->currentIndex();
        m_currentId = current.isValid() ? m_model->photoAt(current.row()).id : 0;
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_model->rowOfId(m_currentId); row >= 0)
            m_view->selectionModel()->setCurrentIndex(m_model->index(row), QItemSelectionModel::NoUpdate);
        if (const int row = m_model->rowOfId(m_anchorId); row > 0)
            m_view->scrollTo(m_model->index(row), QAbstractItemView::PositionAtTop);
        m_anchorId = m_currentId = 0;
    });

    setCellSize(160);
    updateCount();
    updateMonths();
}

void PhotoGridView::setTitle(const QString& title)
{
    m_title->setText(title);
}

void PhotoGridView::setEmptyState(const QString& text, const QString& buttonText)
{
    m_emptyText->setText(text);
    m_emptyButton->setText(buttonText);
    m_emptyButton->setVisible(!buttonText.isEmpty());
}

void PhotoGridView::setCellSize(int size)
{
    size = qBound(kMinCell, size, kMaxCell);
    {
        const QSignalBlocker block(m_zoom);
        m_zoom->setValue(size);
    }
    if (size == m_delegate->cellSize() && m_view->gridSize().width() == size)
        return;
    m_delegate->setCellSize(size);
    m_view->setGridSize(QSize(size, size));
    m_view->setIconSize(QSize(size, size));
    m_model->setThumbnailSize(int(size * devicePixelRatioF()));
    m_view->doItemsLayout();
}

int PhotoGridView::cellSize() const
{
    return m_delegate->cellSize();
}

void PhotoGridView::scrollToMonth(const QString& month)
{
    const auto months = m_model->months();
    for (const auto& [key, row] : months) {
        if (key == month) {
            const QModelIndex idx = m_model->index(row);
            m_view->scrollTo(idx, QAbstractItemView::PositionAtTop);
            m_view->setCurrentIndex(idx);
            return;
        }
    }
}

void PhotoGridView::updateCount()
{
    const int n = m_model->rowCount();
    m_count->setText(tr("%n photo(s)", nullptr, n));
    updateEmptyState();
}

void PhotoGridView::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? m_empty : static_cast<QWidget*>(m_view));
}

void PhotoGridView::updateMonths()
{
    const QString current = m_months->currentData().toString();
    const QSignalBlocker block(m_months);
    m_months->clear();
    const auto months = m_model->months();
    for (const auto& [key, row] : months)
        m_months->addItem(PhotoListModel::monthLabel(key), key);
    m_months->setVisible(!months.isEmpty());
    const int i = m_months->findData(current);
    if (i >= 0)
        m_months->setCurrentIndex(i);
    updateCount();
}

} // namespace kindred
