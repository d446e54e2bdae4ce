#pragma once

#include "icons.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace kindred {

// A page that explains what will appear in it (used for views whose data does not exist yet).
class EmptyStateView : public QWidget {
    Q_OBJECT
public:
    EmptyStateView(Icons::Name icon, const QString& title, const QString& text, QWidget* parent = nullptr);
    void setText(const QString& text);
    QString text() const;

private:
    QLabel* m_text;
};

} // namespace kindred
