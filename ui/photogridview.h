#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QSlider;
class QStackedLayout;
class QPushButton;

namespace kindred {

class PhotoDelegate;
class PhotoListModel;

// A titled, virtualised thumbnail grid over a PhotoListModel: QListView in icon mode with uniform item
// sizes (only visible cells are painted), a sort selector, a "jump to month" selector, a zoom slider and a
// count. Shows an empty-state message with an optional action button when the model has no rows.
class PhotoGridView : public QWidget {
    Q_OBJECT
public:
    PhotoGridView(PhotoListModel* model, QWidget* parent = nullptr);

    QListView* listView() const { return m_view; }
    PhotoListModel* model() const { return m_model; }
    void setTitle(const QString& title);
    void setEmptyState(const QString& text, const QString& buttonText = {});
    void setCellSize(int size);
    int cellSize() const;
    static constexpr int kMinCell = 80;
    static constexpr int kMaxCell = 360;
    // Scrolls so the first photo of `month` ("yyyy-MM", "" = undated) is at the top.
    void scrollToMonth(const QString& month);

Q_SIGNALS:
    void photoActivated(int row);
    void cellSizeChanged(int size);
    void emptyActionTriggered();

private:
    void updateCount();
    void updateMonths();
    void updateEmptyState();

    PhotoListModel* m_model;
    PhotoDelegate* m_delegate;
    QListView* m_view;
    QLabel* m_title;
    QLabel* m_count;
    QComboBox* m_sort;
    QComboBox* m_months;
    QSlider* m_zoom;
    QStackedLayout* m_stack;
    QWidget* m_empty;
    QLabel* m_emptyText;
    QPushButton* m_emptyButton;
    qint64 m_anchorId = 0;  // across a model reset: the photo at the top-left of the view
    qint64 m_currentId = 0; // and the current photo
};

} // namespace kindred
