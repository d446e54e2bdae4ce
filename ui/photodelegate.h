#pragma once

#include <QStyledItemDelegate>

namespace kindred {

// Paints one grid cell: the thumbnail cropped to a square (or a placeholder while it loads), the
// selection, and on the first photo of each month a small month label.
class PhotoDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit PhotoDelegate(QObject* parent = nullptr);

    void setCellSize(int size) { m_cell = size; }
    int cellSize() const { return m_cell; }
    static constexpr int kSpacing = 4;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_cell = 160;
};

} // namespace kindred
