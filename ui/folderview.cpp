#include "folderview.h"

#include "icons.h"
#include "photogridview.h"
#include "photolistmodel.h"

#include <QDir>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kindred {

FolderView::FolderView(ThumbnailProvider* provider, QWidget* parent) : QWidget(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("folderTree"));
    m_tree->setHeaderLabels({tr("Folder"), tr("Photos")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_model = new PhotoListModel(provider, this);
    m_model->setFolder(QStringLiteral("/nonexistent-until-a-folder-is-chosen"));
    m_grid = new PhotoGridView(m_model, this);
    m_grid->setTitle(tr("Folders"));
    m_grid->setEmptyState(tr("Choose a folder on the left."));
    auto* split = new QSplitter(this);
    split->addWidget(m_tree);
    split->addWidget(m_grid);
    split->setStretchFactor(1, 1);
    split->setSizes({280, 800});
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(split);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const QString folder = item ? item->data(0, Qt::UserRole).toString() : QString();
        m_model->setFolder(folder.isEmpty() ? QStringLiteral("/nonexistent-until-a-folder-is-chosen")
                                            : folder);
        m_grid->setTitle(item ? item->text(0) : tr("Folders"));
    });
    connect(m_grid, &PhotoGridView::photoActivated, this, &FolderView::photoActivated);
}

void FolderView::setPhotos(const QList<LibraryPhoto>& photos, const QStringList& roots)
{
    m_photos = photos;
    m_roots = roots;
    m_model->setPhotos(photos);
    rebuildTree();
}

void FolderView::selectFolder(const QString& folder)
{
    QTreeWidgetItemIterator it(m_tree);
    while (*it) {
        if ((*it)->data(0, Qt::UserRole).toString() == folder) {
            m_tree->setCurrentItem(*it);
            return;
        }
        ++it;
    }
}

void FolderView::rebuildTree()
{
    const QString current =
        m_tree->currentItem() ? m_tree->currentItem()->data(0, Qt::UserRole).toString() : QString();
    QHash<QString, int> direct; // photos directly in each folder
    for (const LibraryPhoto& p : std::as_const(m_photos))
        ++direct[p.path.left(p.path.lastIndexOf(QLatin1Char('/')))];

    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    const QIcon folderIcon = Icons::icon(Icons::Name::Folder);
    QHash<QString, QTreeWidgetItem*> items;
    QHash<QTreeWidgetItem*, int> totals;
    for (const QString& root : std::as_const(m_roots)) {
        auto* top = new QTreeWidgetItem(m_tree, {QDir::toNativeSeparators(root)});
        top->setData(0, Qt::UserRole, root);
        top->setIcon(0, folderIcon);
        top->setToolTip(0, QDir::toNativeSeparators(root));
        items.insert(root, top);
    }
    QStringList dirs = direct.keys();
    dirs.sort();
    for (const QString& dir : std::as_const(dirs)) {
        // Find the root holding this folder, then create the chain of sub-folder items.
        QString root;
        for (const QString& r : std::as_const(m_roots)) {
            if ((dir == r || dir.startsWith(r + QLatin1Char('/'))) && r.size() > root.size())
                root = r;
        }
        if (root.isEmpty())
            continue;
        QTreeWidgetItem* parent = items.value(root);
        QString path = root;
        const QStringList parts = dir.mid(root.size()).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        QList<QTreeWidgetItem*> chain{parent};
        for (const QString& part : parts) {
            path += QLatin1Char('/') + part;
            QTreeWidgetItem* item = items.value(path);
            if (!item) {
                item = new QTreeWidgetItem(parent, {part});
                item->setData(0, Qt::UserRole, path);
                item->setIcon(0, folderIcon);
                items.insert(path, item);
            }
            chain.append(item);
            parent = item;
        }
        for (QTreeWidgetItem* item : std::as_const(chain))
            totals[item] += direct.value(dir);
    }
    for (auto it = totals.cbegin(); it != totals.cend(); ++it) {
        it.key()->setText(1, QString::number(it.value()));
        it.key()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        m_tree->topLevelItem(i)->setExpanded(true);
    m_tree->setUpdatesEnabled(true);
    if (!current.isEmpty())
        selectFolder(current);
    else if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

} // namespace kindred
